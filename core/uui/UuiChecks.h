#pragma once

#include "common/Clock.h"
#include "diagnostics/Diagnostic.h"
#include "salesforce/OrgProfile.h"
#include "uui/SipHeaderBudget.h"
#include "uui/TrunkUuiProfile.h"
#include "uui/UuiComposer.h"
#include "uui/UuiModel.h"

namespace handoff::uui {

struct UuiCheckOptions {
    // Decode the token and check its claims against the org (JWT0xx) and against the UUI's orgId and the clock
    // (UUI021, UUI022). Off for a token the caller has just signed from claims it checked itself.
    bool checkTokenClaims = true;
    bool reusableToken = true; // the UUI token is meant to be reused: a jti is a problem (JWT019)
    bool computeWaysOut = true;
    bool renderText = true; // false: the budget without the header text, lengths only (BudgetOptions)
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

} // namespace handoff::uui
