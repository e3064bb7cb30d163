#pragma once

#include "diagnostics/Diagnostic.h"

#include <QString>
#include <QStringView>

#include <optional>

namespace handoff::salesforce {

// Which kind of Salesforce customer signs the tokens; it decides whether the JWT carries `sub`.
enum class CustomerType {
    VoiceWithTelephonyProviders, // "Salesforce Voice with Telephony Providers": sub = Call Center API name, required
    Other,                       // everyone else, including Open CTI: sub omitted
};

QString customerTypeKey(CustomerType type);                       // "scv" / "other": stable, for files and --json
std::optional<CustomerType> customerTypeFromKey(QStringView key); // inverse of customerTypeKey
QString customerTypeName(CustomerType type);                      // translated, for people

// The SCRT2 endpoint of an org: the bare domain (UUI `scrt2Domain`) and the voiceCalls base URL derived from it.
struct Scrt2Address {
    QString domain;  // e.g. "mycompany.my.salesforce-scrt.com", lower case, no scheme, no path
    QString baseUrl; // e.g. "https://mycompany.my.salesforce-scrt.com/telephony/v1"
    bool sandbox = false;
    diagnostics::Diagnostics diagnostics; // problems and notes found while parsing (ORG0xx)

    bool isValid() const { return !domain.isEmpty() && !diagnostics::hasErrors(diagnostics); }
};

// Accepts a domain or a base URL, with or without scheme and path, and derives both forms. Diagnostics point at
// `field`.
Scrt2Address parseScrt2(QStringView input, const QString& field = QStringLiteral("org.scrt2Domain"));

// The voiceCalls base URL for a bare SCRT2 domain.
QString scrt2BaseUrl(QStringView domain);

// Checks a Call Center API name against Salesforce's API-name rules (letters, digits, underscores; starts with a
// letter; no double or trailing underscore; at most 80 characters).
diagnostics::Diagnostics checkCallCenterApiName(QStringView name, const QString& field);

// What an admin tells Handoff Studio about the Salesforce side. Holds no secrets.
struct OrgProfile {
    QString orgId;             // 15 or 18 characters, 00D...
    QString scrt2Domain;       // as typed: a domain or a base URL
    QString callCenterApiName; // the JWT `sub` for VoiceWithTelephonyProviders
    CustomerType customerType = CustomerType::VoiceWithTelephonyProviders;

    bool subRequired() const { return customerType == CustomerType::VoiceWithTelephonyProviders; }
    Scrt2Address scrt2() const { return parseScrt2(scrt2Domain); }
    // Every problem of the profile, with field locations "org.orgId", "org.scrt2Domain", "org.callCenterApiName".
    diagnostics::Diagnostics validate() const;
    friend bool operator==(const OrgProfile&, const OrgProfile&) = default;
};

} // namespace handoff::salesforce
