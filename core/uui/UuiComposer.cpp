#include "UuiComposer.h"

#include "diagnostics/Catalog.h"

#include <QCoreApplication>
#include <QSet>

using namespace Qt::StringLiterals;

namespace handoff::uui {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("handoff::uui", text);
}

} // namespace

QString fieldKey(UuiField field) {
    switch (field) {
    case UuiField::OrgId:
        return u"orgId"_s;
    case UuiField::Scrt2Domain:
        return u"scrt2Domain"_s;
    case UuiField::Token:
        return u"token"_s;
    case UuiField::CallId:
        return u"callId"_s;
    case UuiField::TransactionId:
        return u"transactionId"_s;
    case UuiField::Custom:
        break;
    }
    return {};
}

const QStringList& standardKeys() {
    static const QStringList keys{u"orgId"_s, u"scrt2Domain"_s, u"token"_s, u"callId"_s, u"transactionId"_s};
    return keys;
}

void appendJsonString(QByteArray& out, const QString& text) {
    static constexpr char kHex[] = "0123456789abcdef";
    const auto escape = [&out](char16_t unit) {
        const char esc[] = {'\\',
                            'u',
                            kHex[(unit >> 12) & 0x0f],
                            kHex[(unit >> 8) & 0x0f],
                            kHex[(unit >> 4) & 0x0f],
                            kHex[unit & 0x0f]};
        out.append(esc, sizeof esc);
    };
    out.reserve(out.size() + text.size() + 2);
    out.append('"');
    // Printable ASCII is copied as it is; everything else is escaped, so that every byte of the JSON is below 128:
    // Genesys cannot decode hex whose bytes are 128-255 (docs/uui-budget.md). A character outside the Basic
    // Multilingual Plane is already two UTF-16 units, written as two escapes (a surrogate pair, RFC 8259 section 7).
    // Runs of plain characters (all of a token) are copied in one piece.
    const auto plain = [](char16_t u) { return u >= 0x20 && u < 0x7f && u != '"' && u != '\\'; };
    const char16_t* const data = reinterpret_cast<const char16_t*>(text.constData());
    const qsizetype size = text.size();
    for (qsizetype i = 0; i < size;) {
        if (plain(data[i])) {
            char buffer[256];
            while (i < size && plain(data[i])) {
                qsizetype n = 0;
                while (i < size && n < qsizetype(sizeof buffer) && plain(data[i])) {
                    buffer[n++] = static_cast<char>(data[i++]);
                }
                out.append(buffer, n);
            }
            continue;
        }
        const char16_t u = data[i++];
        switch (u) {
        case '"':
            out.append("\\\"", 2);
            break;
        case '\\':
            out.append("\\\\", 2);
            break;
        case '\b':
            out.append("\\b", 2);
            break;
        case '\f':
            out.append("\\f", 2);
            break;
        case '\n':
            out.append("\\n", 2);
            break;
        case '\r':
            out.append("\\r", 2);
            break;
        case '\t':
            out.append("\\t", 2);
            break;
        default:
            escape(u);
        }
    }
    out.append('"');
}

const FieldSpan* ComposedUui::find(UuiField field) const {
    for (const FieldSpan& span : fields) {
        if (span.field == field) {
            return &span;
        }
    }
    return nullptr;
}

const FieldSpan* ComposedUui::findKey(const QString& key) const {
    for (const FieldSpan& span : fields) {
        if (span.key == key) {
            return &span;
        }
    }
    return nullptr;
}

ComposedUui compose(const UuiModel& model) {
    ComposedUui result;
    result.fields.reserve(5 + model.customParams.size());
    QByteArray& json = result.json;
    qsizetype estimate = 96 + model.token.size() + model.scrt2Domain.size() + model.orgId.value_or(QString()).size() +
                         model.callId.value_or(QString()).size() + model.transactionId.value_or(QString()).size();
    for (const CustomParam& p : model.customParams) {
        estimate += p.key.size() + p.value.size() + 6;
    }
    json.reserve(estimate * 2); // escapes may grow the text; one allocation in the usual case
    json.append('{');
    auto add = [&](UuiField field, const QString& key, const QString& value, int customIndex) {
        FieldSpan span;
        span.field = field;
        span.key = key;
        span.customIndex = customIndex;
        span.offset = json.size();
        if (!result.fields.isEmpty()) {
            json.append(',');
        }
        appendJsonString(json, key);
        json.append(':');
        span.valueOffset = json.size() + 1;
        appendJsonString(json, value);
        span.valueLength = json.size() - 1 - span.valueOffset;
        span.length = json.size() - span.offset;
        result.fields.append(span);
    };
    if (model.orgId) {
        add(UuiField::OrgId, fieldKey(UuiField::OrgId), *model.orgId, -1);
    }
    add(UuiField::Scrt2Domain, fieldKey(UuiField::Scrt2Domain), model.scrt2Domain, -1);
    add(UuiField::Token, fieldKey(UuiField::Token), model.token, -1);
    if (model.callId) {
        add(UuiField::CallId, fieldKey(UuiField::CallId), *model.callId, -1);
    }
    if (model.transactionId) {
        add(UuiField::TransactionId, fieldKey(UuiField::TransactionId), *model.transactionId, -1);
    }
    QSet<QString> seen;
    if (!model.customParams.isEmpty()) {
        seen = QSet<QString>(standardKeys().cbegin(), standardKeys().cend());
    }
    for (int i = 0; i < model.customParams.size(); ++i) {
        const CustomParam& param = model.customParams.at(i);
        add(UuiField::Custom, param.key, param.value, i);
        const FieldSpan& span = result.fields.constLast();
        const diagnostics::Location where{u"uui.params[%1]"_s.arg(i), span.offset, span.length, 1,
                                          static_cast<int>(span.offset) + 1};
        if (param.key.isEmpty()) {
            result.diagnostics.append(diagnostics::make(
                "UUI040", handoff::uui::tr("Custom parameter %1 has no key; name it or remove it.").arg(i + 1), where));
            continue;
        }
        if (seen.contains(param.key)) {
            result.diagnostics.append(diagnostics::make(
                "UUI041",
                handoff::uui::tr(
                    "The custom parameter key \"%1\" is already used; the receiver would see it twice. Rename it.")
                    .arg(param.key),
                where));
            continue;
        }
        for (const QString& standard : standardKeys()) {
            if (param.key.compare(standard, Qt::CaseInsensitive) == 0) {
                result.diagnostics.append(diagnostics::make(
                    "UUI004",
                    handoff::uui::tr(
                        "The custom parameter \"%1\" differs from the standard key \"%2\" only in case; Salesforce "
                        "reads keys case-sensitively. Use the standard field, or choose another key.")
                        .arg(param.key, standard),
                    where));
            }
        }
        seen.insert(param.key);
    }
    json.append('}');
    return result;
}

} // namespace handoff::uui
