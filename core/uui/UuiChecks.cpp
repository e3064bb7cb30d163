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

namespace {

// What checkUui finds, in the pieces UuiChecker reuses.
struct Pieces {
    UuiCheck check;
    detail::FieldFindings fields;       // lintModel's field rules, each field's apart
    diagnostics::Diagnostics scvCallId; // UUI032, or nothing
};

void assembleLint(Pieces& p) {
    qsizetype count = p.check.composed.diagnostics.size() + p.scvCallId.size();
    for (const diagnostics::Diagnostics& field : p.fields) {
        count += field.size();
    }
    p.check.lint = p.check.composed.diagnostics;
    p.check.lint.reserve(count);
    for (const diagnostics::Diagnostics& field : p.fields) {
        p.check.lint.append(field);
    }
    p.check.lint.append(p.scvCallId);
}

// The token's claims against the org (JWT0xx); the field rules report expiry (UUI022), with its place in the UUI.
diagnostics::Diagnostics claimFindings(const jwt::DecodedJwt& decoded, const salesforce::OrgProfile& org,
                                       const Clock& clock, const UuiCheckOptions& options) {
    jwt::ClaimRuleOptions claimOptions;
    claimOptions.reusable = options.reusableToken;
    claimOptions.checkExpiry = false;
    return jwt::checkToken(decoded, &org, clock, claimOptions);
}

// The token decoded once, for the field rules and the claim rules both: the caller's, or decoded into `own`.
const jwt::DecodedJwt* decodedToken(const UuiModel& model, const UuiCheckOptions& options,
                                    std::optional<jwt::DecodedJwt>& own) {
    if (!options.checkTokenClaims || options.decodedToken) {
        return options.decodedToken;
    }
    if (auto result = jwt::decode(model.token.toLatin1())) {
        own = std::move(*result);
        return &*own;
    }
    return nullptr;
}

Pieces checkPieces(const UuiModel& model, const TrunkUuiProfile& trunk, const salesforce::OrgProfile& org,
                   const Clock& clock, const UuiCheckOptions& options) {
    Pieces p;
    UuiCheck& c = p.check;
    c.composed = compose(model);
    std::optional<jwt::DecodedJwt> own;
    const jwt::DecodedJwt* decoded = decodedToken(model, options, own);
    p.fields =
        detail::lintModelFields(model, c.composed, clock, QStringLiteral("uui."), options.checkTokenClaims, decoded);
    if (options.checkTokenClaims && decoded) {
        c.claims = claimFindings(*decoded, org, clock, options);
    }
    if (model.callId && org.customerType == salesforce::CustomerType::VoiceWithTelephonyProviders) {
        // The help article contradicts itself here (docs/uui-budget.md); say so instead of choosing.
        const FieldSpan* span = c.composed.find(UuiField::CallId);
        p.scvCallId.append(diagnostics::make(
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
    assembleLint(p);
    BudgetOptions budgetOptions;
    budgetOptions.computeWaysOut = options.computeWaysOut;
    budgetOptions.renderText = options.renderText;
    c.budget = budget(model, c.composed, trunk, budgetOptions);
    return p;
}

bool sameOptions(const UuiCheckOptions& a, const UuiCheckOptions& b) {
    return a.checkTokenClaims == b.checkTokenClaims && a.reusableToken == b.reusableToken &&
           a.computeWaysOut == b.computeWaysOut && a.renderText == b.renderText;
}

// The value's JSON text between its quotes, as compose() writes it.
QByteArray escapedValue(const QString& value) {
    QByteArray quoted;
    appendJsonString(quoted, value);
    return quoted.sliced(1, quoted.size() - 2);
}

// Whether compose() writes `value` as it is (printable ASCII but '"' and '\\'): then its JSON text takes one byte a
// character and is written without an escaped copy.
bool isPlainJson(QStringView value) {
    for (const QChar c : value) {
        const char16_t u = c.unicode();
        if (u < 0x20 || u >= 0x7f || u == u'"' || u == u'\\') {
            return false;
        }
    }
    return true;
}

// Writes a plain value (isPlainJson) over the bytes at `offset`, which have its length.
void writePlain(QByteArray& json, qsizetype offset, QStringView value) {
    char* out = json.data() + offset;
    for (const QChar c : value) {
        *out++ = static_cast<char>(c.unicode());
    }
}

} // namespace

UuiCheck checkUui(const UuiModel& model, const TrunkUuiProfile& trunk, const salesforce::OrgProfile& org,
                  const Clock& clock, const UuiCheckOptions& options) {
    return checkPieces(model, trunk, org, clock, options).check;
}

struct UuiChecker::State {
    UuiModel model;
    TrunkUuiProfile trunk;
    salesforce::OrgProfile org;
    UuiCheckOptions options;
    qint64 checkedAt = 0;        // the clock's second at the last check
    qsizetype signingInput = -1; // detail::signingInputLength of the last token
    qsizetype tokenLastDot = -1; // where its last dot is, and how many it has
    qsizetype tokenDots = 0;
    Pieces pieces;
};

UuiChecker::UuiChecker() = default;
UuiChecker::~UuiChecker() = default;

void UuiChecker::reset() {
    m_state.reset();
    m_lastReused = false;
}

UuiCheck UuiChecker::check(const UuiModel& model, const TrunkUuiProfile& trunk, const salesforce::OrgProfile& org,
                           const Clock& clock, const UuiCheckOptions& options) {
    m_lastReused = false;
    State* last = m_state.get();
    // The header text, and an ascii trunk's checks of each byte, read the bytes themselves: those are checked in
    // full. So is anything but the token and the callId changed.
    const bool candidate =
        last && !options.renderText && trunk.encoding == UuiEncoding::Hex && sameOptions(options, last->options) &&
        model.orgId == last->model.orgId && model.scrt2Domain == last->model.scrt2Domain &&
        model.transactionId == last->model.transactionId && model.customParams == last->model.customParams &&
        model.callId.has_value() == last->model.callId.has_value() && trunk == last->trunk && org == last->org;
    if (candidate) {
        ComposedUui& composed = last->pieces.check.composed;
        const FieldSpan* tokenSpan = composed.find(UuiField::Token);
        const FieldSpan* callIdSpan = model.callId ? composed.find(UuiField::CallId) : nullptr;
        // The same token (a reused one) is in the JSON already; a well-formed one is base64url and dots, which JSON
        // writes as they are.
        const bool sameToken = model.token == last->model.token;
        const qsizetype cut = sameToken ? last->signingInput : detail::signingInputLength(model.token);
        const QByteArray token = sameToken ? QByteArray()
                                 : cut > 0 ? model.token.toLatin1()
                                           : escapedValue(model.token);
        // A callId is written without an escaped copy when it is plain (an id always is).
        const bool plainCallId = model.callId && isPlainJson(*model.callId);
        const QByteArray callId = model.callId && !plainCallId ? escapedValue(*model.callId) : QByteArray();
        const qsizetype callIdBytes = plainCallId ? model.callId->size() : callId.size();
        // The budget's ways out and SIP003 read the token's split (its dots, its signature's length), not only its
        // length in the JSON: a token split otherwise is checked in full.
        const qsizetype lastDot = sameToken ? last->tokenLastDot : model.token.lastIndexOf(u'.');
        const qsizetype dots = sameToken ? last->tokenDots : model.token.count(u'.');
        if (tokenSpan && (sameToken || token.size() == tokenSpan->valueLength) && lastDot == last->tokenLastDot &&
            dots == last->tokenDots && (!model.callId || (callIdSpan && callIdBytes == callIdSpan->valueLength))) {
            // The same layout: the new values' bytes go where the old ones were.
            if (!sameToken) {
                composed.json.replace(tokenSpan->valueOffset, token.size(), token);
            }
            if (callIdSpan && plainCallId) {
                writePlain(composed.json, callIdSpan->valueOffset, *model.callId);
            } else if (callIdSpan) {
                composed.json.replace(callIdSpan->valueOffset, callId.size(), callId);
            }
            Pieces& p = last->pieces;
            // The token's findings depend on the orgId (unchanged here), the clock's second and, for a well-formed
            // token, on its header and payload only (its signature, of a length that decodes, is not read): a token
            // reused from call to call, or one minted per call in the same second, is checked again only when those
            // change.
            const qint64 now = clock.nowSecs();
            const bool sameClaims =
                sameToken || (cut > 0 && cut == last->signingInput && (model.token.size() - cut - 1) % 4 != 1 &&
                              QStringView(model.token).first(cut) == QStringView(last->model.token).first(cut));
            const bool tokenChanged = !sameClaims || now != last->checkedAt;
            std::optional<jwt::DecodedJwt> own;
            const jwt::DecodedJwt* decoded = tokenChanged ? decodedToken(model, options, own) : nullptr;
            const unsigned mask =
                detail::fieldBit(UuiField::CallId) | (tokenChanged ? detail::fieldBit(UuiField::Token) : 0U);
            detail::FieldFindings changed = detail::lintModelFields(model, composed, clock, QStringLiteral("uui."),
                                                                    options.checkTokenClaims, decoded, mask);
            // Findings that stay as they were (empty before and after: the common case) keep their lists, shared
            // with the last result, so a caller can tell them unchanged (QList::isSharedWith).
            bool lintChanged = false;
            const auto take = [&](UuiField field) {
                diagnostics::Diagnostics& kept = p.fields[static_cast<int>(field)];
                diagnostics::Diagnostics& fresh = changed[static_cast<int>(field)];
                if (!kept.isEmpty() || !fresh.isEmpty()) {
                    kept = std::move(fresh);
                    lintChanged = true;
                }
            };
            if (tokenChanged) {
                take(UuiField::Token);
                diagnostics::Diagnostics claims = options.checkTokenClaims && decoded
                                                      ? claimFindings(*decoded, org, clock, options)
                                                      : diagnostics::Diagnostics();
                if (!claims.isEmpty() || !p.check.claims.isEmpty()) {
                    p.check.claims = std::move(claims);
                }
            }
            take(UuiField::CallId);
            if (lintChanged) {
                assembleLint(p);
            }
            p.check.budget.json = composed.json;
            last->model.token = model.token;
            last->model.callId = model.callId;
            last->checkedAt = now;
            last->signingInput = cut;
            m_lastReused = true;
            return p.check;
        }
    }
    if (!m_state) {
        m_state = std::make_unique<State>();
    }
    m_state->model = model;
    m_state->trunk = trunk;
    m_state->org = org;
    m_state->options = options;
    m_state->options.decodedToken = nullptr;
    m_state->checkedAt = clock.nowSecs();
    m_state->signingInput = detail::signingInputLength(model.token);
    m_state->tokenLastDot = model.token.lastIndexOf(u'.');
    m_state->tokenDots = model.token.count(u'.');
    m_state->pieces = checkPieces(model, trunk, org, clock, options);
    return m_state->pieces.check;
}

} // namespace handoff::uui
