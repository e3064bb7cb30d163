#include "exports/SetUuiDataExport.h"
#include "flow/Expression.h"
#include "uui/UuiComposer.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace handoff::exports;
using handoff::uui::CustomParam;
using handoff::uui::UuiModel;

namespace {

UuiModel model() {
    UuiModel m;
    m.orgId = u"00D5g000004XyZ1"_s;
    m.scrt2Domain = u"acme-voice.my.salesforce-scrt.com"_s;
    m.token = u"eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiIwMEQ1ZzAwMDAwNFh5WjEifQ.c2lnbmF0dXJl"_s;
    m.callId = u"0LQ5g000000AbCdGAK"_s;
    return m;
}

QStringList codes(const handoff::diagnostics::Diagnostics& list) {
    QStringList out;
    for (const auto& d : list) {
        out.append(d.code);
    }
    return out;
}

} // namespace

class TestSetUuiDataExport final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void literals_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("literal");
        QTest::newRow("plain") << u"abc"_s << u"\"abc\""_s;
        QTest::newRow("quote") << u"a\"b"_s << u"\"a\\\"b\""_s;
        QTest::newRow("backslash") << u"a\\b"_s << u"\"a\\\\b\""_s;
        QTest::newRow("json escape") << u"{\"k\":\"a\\\"b\"}"_s << u"\"{\\\"k\\\":\\\"a\\\\\\\"b\\\"}\""_s;
    }

    void literals() {
        QFETCH(QString, text);
        QFETCH(QString, literal);
        QCOMPARE(architectStringLiteral(text), literal);
    }

    void defaultShape() {
        const SetUuiDataExport e = exportSetUuiData(model(), ExportBindings());
        QCOMPARE(e.json, handoff::uui::compose(model()).json);
        QCOMPARE(e.expression,
                 u"Append(\"{\\\"orgId\\\":\\\"00D5g000004XyZ1\\\",\\\"scrt2Domain\\\":\\\"acme-voice.my.salesforce-"
                 "scrt.com\\\",\\\"token\\\":\\\"\", Task.uuiToken, \"\\\",\\\"callId\\\":\\\"\", Task.voiceCallId, "
                 "\"\\\"}\")"_s);
        QVERIFY(e.diagnostics.isEmpty());
    }

    // The proof the issue asks for: evaluating the expression with the bound variables set to the model's token
    // and callId gives exactly the literal JSON. The evaluator is hs/flow's Architect expression evaluator.
    void expressionEvaluatesToTheJson_data() {
        QTest::addColumn<UuiModel>("m");
        QTest::addColumn<QString>("tokenVar");
        QTest::addColumn<QString>("callIdVar");

        QTest::newRow("defaults") << model() << u"Task.uuiToken"_s << u"Task.voiceCallId"_s;
        UuiModel tricky = model();
        tricky.transactionId = u"say \"hi\" \\ back\nslash"_s;
        tricky.customParams = {{u"lang"_s, u"de-\u00e9"_s}, {u"q\"k"_s, u"v"_s}};
        QTest::newRow("quotes, backslashes, newline, non-ASCII") << tricky << u"Flow.tok"_s << u"Flow.vcId"_s;
        UuiModel noOrg = model();
        noOrg.orgId.reset();
        QTest::newRow("no orgId") << noOrg << u"Task.t"_s << u"Task.c"_s;
    }

    void expressionEvaluatesToTheJson() {
        QFETCH(UuiModel, m);
        QFETCH(QString, tokenVar);
        QFETCH(QString, callIdVar);
        ExportBindings bindings;
        bindings.tokenVariable = tokenVar;
        bindings.callIdVariable = callIdVar;
        const SetUuiDataExport e = exportSetUuiData(m, bindings);
        QVERIFY(!e.expression.contains(m.token)); // the token comes from the variable, not the text
        QVERIFY(!e.expression.contains(*m.callId));

        handoff::flow::VariableMap scope;
        scope.set(tokenVar, handoff::flow::Value::string(m.token));
        scope.set(callIdVar, handoff::flow::Value::string(*m.callId));
        const auto value = handoff::flow::evaluate(e.expression, scope);
        QVERIFY2(value.has_value(), value ? "" : qPrintable(value.error().message));
        QCOMPARE(value->asString().toUtf8(), e.json);
    }

    void callIdBoundEvenWhenTheModelHasNone() {
        UuiModel m = model();
        m.callId.reset();
        const SetUuiDataExport e = exportSetUuiData(m, ExportBindings());
        QVERIFY(e.expression.contains(u"Task.voiceCallId"_s));
        QVERIFY(!e.json.contains("callId"));
        ExportBindings unbound;
        unbound.bindCallId = false;
        QVERIFY(!exportSetUuiData(m, unbound).expression.contains(u"callId"_s));
    }

    void literalTokenIsWarned() {
        ExportBindings b;
        b.bindToken = false;
        const SetUuiDataExport e = exportSetUuiData(model(), b);
        QVERIFY(e.expression.contains(model().token));
        QCOMPARE(codes(e.diagnostics), QStringList{u"EXP003"_s});
    }

    void bindingProblems_data() {
        QTest::addColumn<QString>("tokenVar");
        QTest::addColumn<QString>("callIdVar");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("fine") << u"Task.uuiToken"_s << u"Task.voiceCallId"_s << QStringList{};
        QTest::newRow("no scope") << u"uuiToken"_s << u"Task.voiceCallId"_s << QStringList{u"EXP001"_s};
        QTest::newRow("space") << u"Flow.uui token"_s << u"Task.voiceCallId"_s << QStringList{u"EXP001"_s};
        QTest::newRow("built-in") << u"Task.uuiToken"_s << u"Call.UUIData"_s << QStringList{u"EXP002"_s};
        QTest::newRow("same") << u"Flow.x"_s << u"Flow.x"_s << QStringList{u"EXP004"_s};
    }

    void bindingProblems() {
        QFETCH(QString, tokenVar);
        QFETCH(QString, callIdVar);
        QFETCH(QStringList, expected);
        ExportBindings b;
        b.tokenVariable = tokenVar;
        b.callIdVariable = callIdVar;
        QCOMPARE(codes(b.validate()), expected);
    }
};

QTEST_GUILESS_MAIN(TestSetUuiDataExport)
#include "TestSetUuiDataExport.moc"
