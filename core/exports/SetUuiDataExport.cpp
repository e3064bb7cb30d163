#include "SetUuiDataExport.h"

#include "diagnostics/Catalog.h"
#include "flow/Expression.h"
#include "uui/UuiComposer.h"

#include <QCoreApplication>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace handoff::exports {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("handoff::exports", text);
}

void checkName(const QString& name, const QString& field, diagnostics::Diagnostics& out) {
    static const QRegularExpression shape(u"^(Flow|Task|Call|State)\\.[A-Za-z_][A-Za-z0-9_]*$"_s);
    if (!shape.match(name).hasMatch()) {
        out.append(diagnostics::make(
            "EXP001",
            handoff::exports::tr(
                "\"%1\" is not an Architect variable name; write it as Scope.name, for example Flow.uuiToken or "
                "Task.voiceCallId.")
                .arg(name),
            {field}));
        return;
    }
    if (name.startsWith(u"Call."_s)) {
        out.append(diagnostics::make(
            "EXP002",
            handoff::exports::tr(
                "\"%1\" is a Genesys built-in call variable; store the value in a Flow. or Task. variable and bind "
                "that.")
                .arg(name),
            {field}));
    }
}

} // namespace

diagnostics::Diagnostics ExportBindings::validate() const {
    diagnostics::Diagnostics out;
    if (bindToken) {
        checkName(tokenVariable, u"exports.tokenVariable"_s, out);
    }
    if (bindCallId) {
        checkName(callIdVariable, u"exports.callIdVariable"_s, out);
    }
    if (bindToken && bindCallId && tokenVariable == callIdVariable) {
        out.append(diagnostics::make(
            "EXP004",
            handoff::exports::tr("The token and callId are both bound to %1; give each its own variable.")
                .arg(tokenVariable),
            {u"exports.callIdVariable"_s}));
    }
    return out;
}

QString architectStringLiteral(const QString& text) {
    return flow::quoteStringLiteral(text); // the one quoter: the flow's expression parser reads what it writes
}

SetUuiDataExport exportSetUuiData(const uui::UuiModel& model, const ExportBindings& bindings) {
    SetUuiDataExport result;
    result.diagnostics = bindings.validate();

    uui::UuiModel literal = model;
    if (bindings.bindCallId && !literal.callId) {
        literal.callId = QString(); // the member is written; its value comes from the variable at run time
    }
    const uui::ComposedUui composed = uui::compose(literal);
    result.json = literal == model ? composed.json : uui::compose(model).json;

    // Cut the composed JSON at the bound values and put the variables there.
    struct Cut {
        qsizetype offset;
        qsizetype length;
        QString variable;
    };
    QList<Cut> cuts;
    if (bindings.bindToken) {
        if (const uui::FieldSpan* span = composed.find(uui::UuiField::Token)) {
            cuts.append({span->valueOffset, span->valueLength, bindings.tokenVariable});
        }
    } else if (!model.token.isEmpty()) {
        result.diagnostics.append(diagnostics::make(
            "EXP003",
            handoff::exports::tr(
                "The expression carries the token itself; Set UUI Data keeps sending it after it expires. Bind the "
                "token to a flow variable that a data action refreshes."),
            {u"exports.bindToken"_s}));
    }
    if (bindings.bindCallId) {
        if (const uui::FieldSpan* span = composed.find(uui::UuiField::CallId)) {
            cuts.append({span->valueOffset, span->valueLength, bindings.callIdVariable});
        }
    }
    std::sort(cuts.begin(), cuts.end(), [](const Cut& a, const Cut& b) { return a.offset < b.offset; });

    QStringList arguments;
    qsizetype from = 0;
    for (const Cut& cut : cuts) {
        arguments.append(architectStringLiteral(QString::fromUtf8(composed.json.mid(from, cut.offset - from))));
        arguments.append(cut.variable);
        from = cut.offset + cut.length;
    }
    arguments.append(architectStringLiteral(QString::fromUtf8(composed.json.mid(from))));
    result.expression = arguments.size() == 1 ? arguments.constFirst() : u"Append("_s + arguments.join(u", "_s) + u')';
    return result;
}

} // namespace handoff::exports
