#pragma once

#include "common/Clock.h"
#include "diagnostics/Diagnostic.h"
#include "salesforce/OrgProfile.h"
#include "uui/SipHeaderBudget.h"
#include "uui/TrunkUuiProfile.h"
#include "uui/UuiComposer.h"
#include "uui/UuiModel.h"

#include <memory>

namespace handoff::jwt {
struct DecodedJwt;
}

namespace handoff::uui {

struct UuiCheckOptions {
    // Decode the token and check its claims against the org (JWT0xx) and against the UUI's orgId and the clock
    // (UUI021, UUI022). Off for a token the caller has just signed from claims it checked itself.
    bool checkTokenClaims = true;
    bool reusableToken = true; // the UUI token is meant to be reused: a jti is a problem (JWT019)
    bool computeWaysOut = true;
    bool renderText = true; // false: the budget without the header text, lengths only (BudgetOptions)
    // The caller's jwt::decode of the model's token, when it has one (the flow simulator decodes each call's token
    // once, for these checks and for the transfer): a successful decode, or null to let checkUui decode it.
    const jwt::DecodedJwt* decodedToken = nullptr;
};

// A composed UUI and everything core checks about it: the field rules, the SCV callId conflict, the token's claims
// against the org, and the header budget under the trunk profile. The one set of UUI checks: `handoff uui compose`
// (project::compose) and the flow simulator's Set UUI Data both call it, so they report the same codes.
struct UuiCheck {
    ComposedUui composed;
    SipBudget budget;
    diagnostics::Diagnostics lint;   // UUI0xx, with byte ranges into composed.json
    diagnostics::Diagnostics claims; // JWT0xx
    diagnostics::Diagnostics all() const;
};

UuiCheck checkUui(const UuiModel& model, const TrunkUuiProfile& trunk, const salesforce::OrgProfile& org,
                  const Clock& clock, const UuiCheckOptions& options = {});

// checkUui for a run of UUIs that differ only in their token and callId, as a simulated call's do (each call gets its
// own VoiceCall id and a token minted for it). When the other fields, the trunk, the org and the options are those of
// the previous check, and the new token and callId take as many bytes in the JSON as the old ones, everything else
// stays as it was: the JSON's layout, the other fields' findings, every length of the budget. Only the token's and
// the callId's own rules and the token's claims are checked again, and their bytes written into the JSON. Anything
// else, a hex-less trunk (whose checks read the bytes) or a budget with the header text, is checked in full. The
// result is checkUui's, always (TestUuiChecker compares the two on random runs). Findings that are empty before and
// after keep their (empty) lists, and lint, claims and the budget's diagnostics are then shared with the last
// result's (QList::isSharedWith), so a caller that located them once can tell that it need not again; findings that
// are there get new lists, even when they read the same.
class UuiChecker {
public:
    UuiChecker();
    ~UuiChecker();
    UuiChecker(const UuiChecker&) = delete;
    UuiChecker& operator=(const UuiChecker&) = delete;

    UuiCheck check(const UuiModel& model, const TrunkUuiProfile& trunk, const salesforce::OrgProfile& org,
                   const Clock& clock, const UuiCheckOptions& options = {});
    // Whether the last check() reused the one before it (for tests and benchmarks).
    bool lastReused() const { return m_lastReused; }
    void reset();

private:
    struct State;
    std::unique_ptr<State> m_state;
    bool m_lastReused = false;
};

} // namespace handoff::uui
