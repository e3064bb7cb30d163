#include "TrunkUuiProfile.h"

#include "diagnostics/Catalog.h"

#include <QCoreApplication>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace handoff::uui {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("handoff::uui", text);
}

} // namespace

QString encodingKey(UuiEncoding encoding) {
    return encoding == UuiEncoding::Hex ? u"hex"_s : u"ascii"_s;
}

std::optional<UuiEncoding> encodingFromKey(const QString& key) {
    const QString k = key.trimmed().toLower();
    if (k == u"hex"_s) {
        return UuiEncoding::Hex;
    }
    if (k == u"ascii"_s) {
        return UuiEncoding::Ascii;
    }
    return std::nullopt;
}

QString pdModeKey(PdMode mode) {
    switch (mode) {
    case PdMode::Prefix:
        return u"prefix"_s;
    case PdMode::Parameter:
        return u"param"_s;
    case PdMode::None:
        return u"none"_s;
    }
    return u"prefix"_s;
}

std::optional<PdMode> pdModeFromKey(const QString& key) {
    const QString k = key.trimmed().toLower();
    if (k == u"prefix"_s) {
        return PdMode::Prefix;
    }
    if (k == u"param"_s || k == u"parameter"_s) {
        return PdMode::Parameter;
    }
    if (k == u"none"_s) {
        return PdMode::None;
    }
    return std::nullopt;
}

QString limitAppliesToKey(LimitAppliesTo appliesTo) {
    switch (appliesTo) {
    case LimitAppliesTo::HeaderLine:
        return u"headerLine"_s;
    case LimitAppliesTo::HeaderValue:
        return u"headerValue"_s;
    case LimitAppliesTo::DecodedData:
        return u"decodedData"_s;
    }
    return u"headerLine"_s;
}

std::optional<LimitAppliesTo> limitAppliesToFromKey(const QString& key) {
    const QString k = key.trimmed().toLower();
    if (k == u"headerline"_s || k == u"line"_s) {
        return LimitAppliesTo::HeaderLine;
    }
    if (k == u"headervalue"_s || k == u"value"_s) {
        return LimitAppliesTo::HeaderValue;
    }
    if (k == u"decodeddata"_s || k == u"data"_s) {
        return LimitAppliesTo::DecodedData;
    }
    return std::nullopt;
}

QString limitAppliesToName(LimitAppliesTo appliesTo) {
    switch (appliesTo) {
    case LimitAppliesTo::HeaderLine:
        return handoff::uui::tr("the whole header line");
    case LimitAppliesTo::HeaderValue:
        return handoff::uui::tr("the header value");
    case LimitAppliesTo::DecodedData:
        return handoff::uui::tr("the decoded data");
    }
    return {};
}

const QStringList& TrunkUuiProfile::headerNames() {
    static const QStringList names{u"User-to-User"_s, u"X-User-to-User"_s};
    return names;
}

QString TrunkUuiProfile::parametersText() const {
    return parameters.join(u';');
}

QStringList TrunkUuiProfile::parseParameters(const QString& text) {
    QStringList result;
    const QStringList parts = text.split(u';');
    for (const QString& part : parts) {
        const QString trimmed = part.trimmed();
        if (!trimmed.isEmpty()) {
            result.append(trimmed);
        }
    }
    return result;
}

diagnostics::Diagnostics TrunkUuiProfile::validate() const {
    diagnostics::Diagnostics list;
    if (!headerNames().contains(headerName)) {
        list.append(diagnostics::make(
            "SIP006",
            handoff::uui::tr(
                "The header name \"%1\" is not one the trunk offers; choose User-to-User or X-User-to-User.")
                .arg(headerName),
            {u"trunk.headerName"_s}));
    }
    if (limit <= 0) {
        list.append(diagnostics::make(
            "SIP006",
            handoff::uui::tr("The header limit must be a positive number of characters (Salesforce states 1,024)."),
            {u"trunk.limit"_s}));
    }
    // A SIP generic-param: token [ "=" ( token / host / quoted-string ) ] (RFC 3261 section 25.1).
    static const QRegularExpression param(uR"(^[A-Za-z0-9\-.!%*_+`'~]+(=("[^"]*"|[A-Za-z0-9\-.!%*_+`'~:\[\]]+))?$)"_s);
    for (int i = 0; i < parameters.size(); ++i) {
        const QString& p = parameters.at(i);
        const QString name = p.section(u'=', 0, 0).trimmed().toLower();
        if (!param.match(p).hasMatch()) {
            list.append(diagnostics::make(
                "SIP006",
                handoff::uui::tr("The header parameter \"%1\" is not of the form name=value; correct or remove it.")
                    .arg(p),
                {u"trunk.parameters"_s}));
        } else if (name == u"encoding"_s || name == u"pd"_s) {
            list.append(diagnostics::make(
                "SIP006",
                handoff::uui::tr(
                    "The parameter \"%1\" is set by the encoding and PD settings; remove it from the extra "
                    "parameters.")
                    .arg(p),
                {u"trunk.parameters"_s}));
        }
    }
    return list;
}

} // namespace handoff::uui
