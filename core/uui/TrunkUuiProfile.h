#pragma once

#include "common/Error.h"
#include "diagnostics/Diagnostic.h"

#include <QString>
#include <QStringList>
#include <QtGlobal>

#include <optional>

namespace handoff::uui {

// How the trunk writes the UUI octets into the header value.
enum class UuiEncoding {
    Hex,   // two hex digits per octet (what Salesforce documents)
    Ascii, // the octets as they are (only if the receiver accepts it)
};

// Where the protocol discriminator (PD) octet goes.
enum class PdMode {
    Prefix,    // as the first octet of the data: <PD><data>;encoding=hex (the receiver strips it)
    Parameter, // as a header parameter: <data>;pd=XX;encoding=hex
    None,      // not sent
};

// What the 1,024-character limit is measured on. Salesforce does not say: an [open] assumption, shown to the user.
// The default is DecodedData, the only reading under which hex encoding, a signed RS256 token in the UUI and the
// limit can all hold (docs/uui-budget.md).
enum class LimitAppliesTo {
    HeaderLine,  // "User-to-User: <value>" without the CRLF
    HeaderValue, // everything after "User-to-User: ", parameters included
    DecodedData, // the octets the value carries (the JSON, plus the PD octet when it is a prefix)
};

// Stable keys for files, the command line and --json: "hex"/"ascii", "prefix"/"param"/"none",
// "headerLine"/"headerValue"/"decodedData".
QString encodingKey(UuiEncoding encoding);
std::optional<UuiEncoding> encodingFromKey(const QString& key);
QString pdModeKey(PdMode mode);
std::optional<PdMode> pdModeFromKey(const QString& key); // also accepts "parameter"
QString limitAppliesToKey(LimitAppliesTo appliesTo);
std::optional<LimitAppliesTo> limitAppliesToFromKey(const QString& key);
QString limitAppliesToName(LimitAppliesTo appliesTo); // translated, for people

// How the SIP trunk (Genesys BYOC trunk, UUI passthrough) carries the UUI. Every [open] value is a visible setting.
struct TrunkUuiProfile {
    static constexpr int kDefaultLimit = 1024;
    // Q.931 "IA5 characters": the UUI is text. Genesys lets the admin set the octet; Salesforce does not document
    // one. [open]
    static constexpr quint8 kDefaultProtocolDiscriminator = 0x04;

    QString headerName = QStringLiteral("User-to-User"); // or "X-User-to-User"
    UuiEncoding encoding = UuiEncoding::Hex;
    PdMode pdMode = PdMode::Prefix;
    quint8 protocolDiscriminator = kDefaultProtocolDiscriminator;
    bool encodingParameter = true; // write ";encoding=hex" (or ";encoding=ascii")
    // Further header parameters, in order, each "name=value" (or "name"), without the leading ';'.
    QStringList parameters{QStringLiteral("purpose=isdn-uui"), QStringLiteral("content=isdn-uui")};
    int limit = kDefaultLimit;
    LimitAppliesTo limitAppliesTo = LimitAppliesTo::DecodedData; // [open]; see docs/uui-budget.md for why

    static const QStringList& headerNames(); // the two the trunk offers

    // Problems of the profile itself (SIP006), pointing at "trunk.<setting>".
    diagnostics::Diagnostics validate() const;

    // "purpose=isdn-uui;content=isdn-uui" <-> parameters; a leading ';' and empty items are ignored.
    QString parametersText() const;
    static QStringList parseParameters(const QString& text);

    friend bool operator==(const TrunkUuiProfile&, const TrunkUuiProfile&) = default;
};

} // namespace handoff::uui
