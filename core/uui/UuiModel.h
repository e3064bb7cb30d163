#pragma once

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

namespace handoff::uui {

// The fields Salesforce reads from the UUI, in the order the composer writes them (docs/uui-budget.md).
enum class UuiField { OrgId, Scrt2Domain, Token, CallId, TransactionId, Custom };

// The JSON key of a standard field ("orgId", "scrt2Domain", ...); empty for Custom.
QString fieldKey(UuiField field);
// The standard keys in composition order.
const QStringList& standardKeys();

// A parameter passed on to the Omni-Channel inbound flow, written after the standard fields in this order.
struct CustomParam {
    QString key;
    QString value;

    friend bool operator==(const CustomParam&, const CustomParam&) = default;
};

// What goes into the User-to-User header. Optional fields that are std::nullopt are left out of the JSON; an
// engaged empty string is written as "" (and linted).
struct UuiModel {
    std::optional<QString> orgId;  // 15-character org id; optional when a token is given (its `iss` names the org)
    QString scrt2Domain;           // required: <name>.my.salesforce-scrt.com
    QString token;                 // required: the RS256 JWT
    std::optional<QString> callId; // optional: the 18-character VoiceCall id
    std::optional<QString> transactionId; // optional: context for the Omni-Channel flow
    QList<CustomParam> customParams;      // optional: in order

    friend bool operator==(const UuiModel&, const UuiModel&) = default;
};

} // namespace handoff::uui

Q_DECLARE_METATYPE(handoff::uui::UuiModel)
