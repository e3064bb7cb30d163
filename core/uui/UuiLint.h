#pragma once

#include "common/Clock.h"
#include "diagnostics/Diagnostic.h"
#include "uui/SipHeaderBudget.h"
#include "uui/TrunkUuiProfile.h"
#include "uui/UuiComposer.h"
#include "uui/UuiModel.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace handoff::uui {

struct LintOptions {
    // When set, the budget of the pasted JSON under this trunk profile is checked too (SIP0xx).
    std::optional<TrunkUuiProfile> profile;
    // The field prefix for locations of model-based checks ("uui." gives "uui.orgId").
    QString fieldPrefix = QStringLiteral("uui.");
};

struct LintResult {
    diagnostics::Diagnostics diagnostics; // each with a byte range into the checked text and 1-based line/column
    // The text with typographic quotes replaced by straight ones, when that repair applies (UUI002); else empty.
    std::optional<QByteArray> repaired;
    bool validJson = false;
    // With LintOptions::profile and a JSON object: the header the compact form of the text would make.
    std::optional<SipBudget> budget;
};

// Checks UUI text pasted from elsewhere: JSON syntax (with line and column), typographic quotes (and the repaired
// text), unknown and mis-cased keys, duplicate keys, each field's rule (docs/uui-budget.md), a token that is not a
// JWT, token claims that contradict orgId, an expired token (at clock.now()), and, with a profile, the header budget.
LintResult lint(const QByteArray& text, const Clock& clock, const LintOptions& options = {});

// Checks a model the product composes itself (field rules, token shape and claims). Locations are fields
// ("uui.orgId") with byte ranges into `composed.json` (line 1, since the JSON is compact).
// `checkTokenClaims` false skips decoding the token's claims (iss against orgId, expiry): for a token the caller has
// just signed from claims it checked itself.
diagnostics::Diagnostics lintModel(const UuiModel& model, const ComposedUui& composed, const Clock& clock,
                                   const QString& fieldPrefix = QStringLiteral("uui."), bool checkTokenClaims = true);

} // namespace handoff::uui
