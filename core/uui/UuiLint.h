#pragma once

#include "common/Clock.h"
#include "diagnostics/Diagnostic.h"
#include "uui/SipHeaderBudget.h"
#include "uui/TrunkUuiProfile.h"
#include "uui/UuiComposer.h"
#include "uui/UuiModel.h"

#include <QByteArray>
#include <QString>

#include <array>
#include <optional>

namespace handoff::jwt {
struct DecodedJwt;
}

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
// just signed from claims it checked itself. `decodedToken`, when given, is jwt::decode of `model.token` (a
// successful one), which the claim checks then read instead of decoding the token again.
diagnostics::Diagnostics lintModel(const UuiModel& model, const ComposedUui& composed, const Clock& clock,
                                   const QString& fieldPrefix = QStringLiteral("uui."), bool checkTokenClaims = true,
                                   const jwt::DecodedJwt* decodedToken = nullptr);

namespace detail {

// lintModel's field rules, each standard field's apart, in UuiField order (orgId, scrt2Domain, token, callId,
// transactionId): lintModel gives composed.diagnostics followed by these five lists. `mask` (bits of fieldBit)
// picks the fields to check; the others' lists stay empty. For UuiChecker, which re-runs only the rules of the fields
// that changed since its last check.
using FieldFindings = std::array<diagnostics::Diagnostics, 5>;
// For a token of three non-empty base64url parts, the length of its signing input (header.payload, up to the second
// dot), which is all its rules read besides the orgId and the clock; -1 for any other text.
qsizetype signingInputLength(QStringView token);
constexpr unsigned fieldBit(UuiField field) {
    return 1U << static_cast<unsigned>(field);
}
constexpr unsigned kAllFields = 0x1F;
FieldFindings lintModelFields(const UuiModel& model, const ComposedUui& composed, const Clock& clock,
                              const QString& fieldPrefix, bool checkTokenClaims, const jwt::DecodedJwt* decodedToken,
                              unsigned mask = kAllFields);

} // namespace detail

} // namespace handoff::uui
