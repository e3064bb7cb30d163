#pragma once

#include "diagnostics/Diagnostic.h"
#include "uui/TrunkUuiProfile.h"
#include "uui/UuiComposer.h"
#include "uui/UuiModel.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace handoff::uui {

// One share of the header line. The shares of a budget add up to the header line length, and those of kind
// Field and Braces to the JSON's bytes.
struct BudgetShare {
    enum class Kind {
        Field,      // one JSON member ("orgId", ...; a custom parameter's key): key, quotes, colon, its comma
        Braces,     // the JSON object's `{` and `}`
        PdOctet,    // the protocol discriminator prefix octet
        HeaderName, // "User-to-User: "
        Parameters, // ";pd=04;encoding=hex;purpose=isdn-uui;content=isdn-uui"
    };
    Kind kind = Kind::Field;
    QString name;                      // the field's key, or "{}", "pd", "header", "parameters"
    UuiField field = UuiField::Custom; // for Kind::Field
    int customIndex = -1;
    qsizetype bytes = 0;        // octets of the UUI data it accounts for (0 for HeaderName and Parameters)
    qsizetype encodedChars = 0; // characters it takes in the header line
};

// A change that makes the UUI shorter while keeping Salesforce's rules, with what it saves under the profile's limit
// measure. Every number is computed from the composed JSON with the change applied, never a constant. Neither the
// ascii encoding (Salesforce requires hex) nor another reading of the limit (a fact to set, not a fix) is a way out.
struct WayOut {
    enum class Kind {
        DropOrgId,  // leave orgId out: Salesforce takes the org from the token's `iss`
        DropField,  // leave an optional field (callId, transactionId, a custom parameter) out
        SmallerKey, // a smaller RSA key gives a shorter signature (informational: 1024-bit keys are deprecated)
    };
    Kind kind = Kind::DropField;
    QString key; // the field concerned (DropOrgId, DropField), else empty
    int customIndex = -1;
    qsizetype saves = 0;    // characters (or octets for DecodedData) fewer on the measured length
    qsizetype after = 0;    // the measured length after the change
    bool fits = false;      // after <= limit, and the UUI after the change has no error in this trunk profile
    bool applicable = true; // false when it cannot be applied with one click (SmallerKey)
    QString message;        // translated: what to do, what it saves, and the caveat
};

struct SipBudget {
    TrunkUuiProfile profile;
    QByteArray json;        // the UUI JSON
    QByteArray headerValue; // everything after "<name>: "
    QByteArray headerLine;  // "<name>: <value>" (no CRLF)

    qsizetype jsonBytes = 0;
    qsizetype decodedBytes = 0;       // data octets: JSON, plus 1 for a PD prefix
    qsizetype encodedValueLength = 0; // the encoded data alone, before any ';' parameter
    qsizetype headerValueLength = 0;
    qsizetype headerLineLength = 0;

    int limit = TrunkUuiProfile::kDefaultLimit;
    LimitAppliesTo limitAppliesTo = LimitAppliesTo::DecodedData;
    qsizetype measured = 0;  // the length the limit applies to
    qsizetype remaining = 0; // limit - measured; negative when over

    QList<BudgetShare> shares;            // in header order: header name, PD octet, braces, fields..., parameters
    QList<WayOut> waysOut;                // only when over the limit, best saving first
    diagnostics::Diagnostics diagnostics; // SIP0xx

    bool fits() const { return measured <= limit; }
    qsizetype lengthFor(LimitAppliesTo appliesTo) const;
};

struct BudgetOptions {
    bool computeWaysOut = true; // set false for the inner re-runs and when only the numbers are needed
    // false: headerValue and headerLine stay empty (the hex text is not built); every length, share, diagnostic and
    // way out is the same as with the text (TestSipHeaderBudget checks the two paths agree). For callers that need
    // only the numbers, such as a simulated call that records no trace.
    bool renderText = true;
};

// The header the trunk would send for `uui` under `profile`, its lengths under each reading of the limit, the share
// of each field, and, when over the limit, the ways out. `model` is the model `uui` was composed from (the ways out
// recompose it with a change applied).
SipBudget budget(const UuiModel& model, const ComposedUui& uui, const TrunkUuiProfile& profile,
                 const BudgetOptions& options = {});
// Composes `model` and computes its budget.
SipBudget budget(const UuiModel& model, const TrunkUuiProfile& profile, const BudgetOptions& options = {});

// The header for arbitrary data octets (used by lint for pasted JSON, and by the flow simulator's INVITE).
SipBudget budgetForData(const QByteArray& data, const TrunkUuiProfile& profile, const BudgetOptions& options = {});

// A way out is applied to a project's settings by project::applyWayOut (core/project/Composition.h), the one
// implementation the desktop app and the tests use.

// Decodes a header value rendered by budget() back to the data octets (PD prefix stripped, parameters dropped);
// std::nullopt when it is not valid for the profile's encoding. For round-trip tests and the flow simulator.
std::optional<QByteArray> decodeHeaderValue(const QByteArray& headerValue, const TrunkUuiProfile& profile);

} // namespace handoff::uui
