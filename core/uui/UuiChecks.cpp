#include "UuiChecks.h"

#include "diagnostics/Catalog.h"
#include "jwt/ClaimRules.h"
#include "jwt/Jwt.h"
#include "uui/UuiLint.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace handoff::uui {

namespace {
QString tr(const char* text) {
    return QCoreApplication::translate("handoff::uui", text);
}
} // namespace

diagnostics::Diagnostics UuiCheck::all() const {
    diagnostics::Diagnostics out = claims;
    out.append(lint);
    out.append(budget.diagnostics);
    return out;
}

UuiCheck checkUui(const UuiModel& model, const TrunkUuiProfile& trunk, const salesforce::OrgProfile& org,
                  const Clock& clock, const UuiCheckOptions& options) {
    UuiCheck c;
    c.composed = compose(model);
    c.lint = lintModel(model, c.composed, clock, QStringLiteral("uui."), options.checkTokenClaims);
    if (options.checkTokenClaims) {
        if (const auto decoded = jwt::decode(model.token.toLatin1())) {
            jwt::ClaimRuleOptions claimOptions;
            claimOptions.reusable = options.reusableToken;
            claimOptions.checkExpiry = false; // the field rules report it (UUI022), with the token's place in the UUI
            c.claims = jwt::checkToken(*decoded, &org, clock, claimOptions);
        }
    }
    if (model.callId && org.customerType == salesforce::CustomerType::VoiceWithTelephonyProviders) {
        // The help article contradicts itself here (docs/uui-budget.md); say so instead of choosing.
        const FieldSpan* span = c.composed.find(UuiField::CallId);
        c.lint.append(diagnostics::make(
            "UUI032",
            handoff::uui::tr(
                "callId is in the UUI, and the customer type is Salesforce Voice with Telephony Providers. "
                "Salesforce's field table says callId is for the other customer types only, while its Genesys steps "
                "always create a VoiceCall and pass its id. Keep it, and check with a test call that the "
                "Omni-Channel flow gets partnerVoiceCallId."),
            span ? diagnostics::Location{u"uui.callId"_s, span->valueOffset, span->valueLength, 1,
                                         static_cast<int>(span->valueOffset) + 1}
                 : diagnostics::Location{u"uui.callId"_s}));
    }
    BudgetOptions budgetOptions;
    budgetOptions.computeWaysOut = options.computeWaysOut;
    budgetOptions.renderText = options.renderText;
    c.budget = budget(model, c.composed, trunk, budgetOptions);
    return c;
}

} // namespace handoff::uui
