#include "telephony/PhoneNumbers.h"

#include "diagnostics/Catalog.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <phonenumbers/phonenumberutil.h>

using namespace Qt::StringLiterals;

namespace handoff::telephony {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("handoff::telephony", text);
}

// Removes a URI scheme a telephony platform may put around the number: "tel:+1...", "sip:+1...@host;user=phone".
QString stripUriForm(const QString& input) {
    QString text = input.trimmed();
    for (const QString& scheme : {u"tel:"_s, u"sips:"_s, u"sip:"_s}) {
        if (text.startsWith(scheme, Qt::CaseInsensitive)) {
            text = text.mid(scheme.size());
            const qsizetype at = text.indexOf(u'@');
            if (at >= 0) {
                text.truncate(at);
            }
            const qsizetype parameters = text.indexOf(u';');
            if (parameters >= 0) {
                text.truncate(parameters);
            }
            return text.trimmed();
        }
    }
    return text;
}

} // namespace

bool isE164(const QString& number) {
    static const QRegularExpression e164(u"^\\+[1-9][0-9]{1,14}$"_s);
    return e164.match(number).hasMatch();
}

NormalisedNumber normalisePhoneNumber(const QString& input, const QString& defaultRegion, const QString& field,
                                      diagnostics::Diagnostics* diagnostics) {
    NormalisedNumber result;
    const QString stripped = stripUriForm(input);
    auto note = [&](const QString& value) {
        result.value = value;
        result.isE164 = isE164(value);
        result.changed = value != input;
        if (result.changed && diagnostics) {
            diagnostics->append(diagnostics::make(
                "TEL003", handoff::telephony::tr("%1: \"%2\" is sent as \"%3\".").arg(field, input, value),
                diagnostics::Location{field}));
        }
    };
    if (isE164(stripped)) {
        note(stripped);
        return result;
    }

    using i18n::phonenumbers::PhoneNumber;
    using i18n::phonenumbers::PhoneNumberUtil;
    const PhoneNumberUtil* util = PhoneNumberUtil::GetInstance();
    PhoneNumber parsed;
    const std::string region = defaultRegion.isEmpty() ? std::string("ZZ") : defaultRegion.toUpper().toStdString();
    const bool ok = !stripped.isEmpty() &&
                    util->Parse(stripped.toStdString(), region, &parsed) == PhoneNumberUtil::NO_PARSING_ERROR &&
                    util->IsValidNumber(parsed);
    if (ok) {
        std::string formatted;
        util->Format(parsed, PhoneNumberUtil::E164, &formatted);
        note(QString::fromStdString(formatted));
        return result;
    }

    result.value = stripped;
    result.isE164 = false;
    result.changed = stripped != input;
    if (diagnostics) {
        const QString hint =
            defaultRegion.isEmpty()
                ? handoff::telephony::tr(
                      "Write it with + and the country code, or set the default region for national numbers.")
                : handoff::telephony::tr(
                      "It is not a valid number for region %1; write it with + and the country code.")
                      .arg(defaultRegion.toUpper());
        diagnostics->append(
            diagnostics::make("TEL002",
                              handoff::telephony::tr("%1: \"%2\" is not in E.164 form and is sent as typed. %3")
                                  .arg(field, stripped, hint),
                              diagnostics::Location{field}));
    }
    return result;
}

} // namespace handoff::telephony
