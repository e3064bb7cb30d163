#include "Composition.h"

#include "crypto/PrivateKey.h"
#include "diagnostics/Catalog.h"
#include "jwt/ClaimRules.h"
#include "jwt/Jwt.h"
#include "jwt/OrgClaims.h"
#include "salesforce/SalesforceId.h"
#include "uui/UuiChecks.h"
#include "uui/UuiLint.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace handoff::project {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("handoff::project", text);
}

// The RSA key size assumed for the budget while no key is loaded (the size Salesforce recommends).
constexpr int kAssumedKeyBytes = 2048 / 8;

jwt::TokenSpec uuiTokenSpec(const Project& project) {
    jwt::TokenSpec spec;
    spec.issuer = jwt::tokenIssuer(project.org);
    spec.subject = jwt::tokenSubject(project.org);
    spec.ttlSecs = project.uuiToken.ttlSeconds;
    spec.withJti = project.uuiToken.jti;
    spec.reusable = !project.uuiToken.jti;
    return spec;
}

void finish(Composition& c, const Project& project, const Clock& clock, bool dropMissingToken, bool freshToken,
            bool checkClaims) {
    c.model = project.uuiModel(QString::fromLatin1(c.token));
    // The one set of UUI checks (also the flow simulator's). A token signed here from checked claims needs no
    // second look at its claims.
    uui::UuiCheckOptions options;
    options.checkTokenClaims = !freshToken;
    options.reusableToken = !project.uuiToken.jti;
    uui::UuiCheck check = uui::checkUui(c.model, project.trunk, project.org, clock, options);
    c.uui = check.composed;
    c.lintDiagnostics = check.lint;
    if (checkClaims) {
        c.claimDiagnostics = check.claims;
    }
    if (dropMissingToken) {
        c.lintDiagnostics.removeIf([](const diagnostics::Diagnostic& d) { return d.code == u"UUI017"_s; });
    }
    if (c.tokenEstimated) {
        // No token yet: measure with a stand-in of the size a 2048-bit key gives, so the numbers mean something.
        const jwt::Claims claims = jwt::buildClaims(uuiTokenSpec(project), clock);
        const QByteArray standIn = jwt::base64UrlEncode(jwt::rs256HeaderJson()) + '.' +
                                   jwt::base64UrlEncode(claims.toJson()) + '.' +
                                   QByteArray(jwt::base64UrlEncode(QByteArray(kAssumedKeyBytes, '\0')).size(), 'x');
        const uui::UuiModel estimated = project.uuiModel(QString::fromLatin1(standIn));
        c.budget = uui::budget(estimated, project.trunk);
    } else {
        c.budget = check.budget;
    }
    c.budgetDiagnostics = c.budget.diagnostics;
    c.setUuiData = exports::exportSetUuiData(c.model, project.exports);

    c.diagnostics = c.projectDiagnostics;
    c.diagnostics.append(c.claimDiagnostics);
    c.diagnostics.append(c.lintDiagnostics);
    c.diagnostics.append(c.budgetDiagnostics);
    c.diagnostics.append(c.setUuiData.diagnostics);
}

} // namespace

void TokenCache::clear() {
    m_valid = false;
    m_keyHolder.reset();
    m_token.clear();
}

Composition compose(const Project& project, const crypto::PrivateKey* key, const Clock& clock, TokenCache* cache) {
    Composition c;
    c.projectDiagnostics = project.org.validate();
    const jwt::TokenSpec spec = uuiTokenSpec(project);
    const bool haveKey = key && !key->isNull();
    // The claims this compose would sign; when the cache holds a token of exactly these claims and key, it is the
    // token (its jti, if any, was made fresh when it was signed).
    const qint64 now = clock.nowSecs();
    const bool cached = cache && cache->m_valid && haveKey && cache->m_key == key->get() &&
                        cache->m_issuer == spec.issuer && cache->m_subject == spec.subject &&
                        cache->m_ttl == spec.ttlSecs && cache->m_jti == spec.withJti && cache->m_issuedAt == now;
    const jwt::Claims claims = cached ? cache->m_claims : jwt::buildClaims(spec, clock);
    jwt::ClaimRuleOptions options;
    options.reusable = spec.reusable;
    c.claimDiagnostics = jwt::checkClaims(claims, &project.org, clock, options);

    if (!haveKey) {
        c.tokenEstimated = true;
        c.projectDiagnostics.append(diagnostics::make(
            "UUI030",
            handoff::project::tr(
                "No private key is loaded, so the UUI token cannot be signed. Press \"Generate Key Pair\" or \"Import "
                "Key File...\" (Org & credentials). Until then the header size assumes a 2048-bit key."),
            {u"key"_s}));
    } else {
        const diagnostics::Diagnostics fitness = key->checkForRs256(u"key"_s);
        c.projectDiagnostics.append(fitness);
        if (cached) {
            c.token = cache->m_token;
            c.issuedAt = claims.intClaim(u"iat"_s).value_or(0);
            c.expiresAt = claims.intClaim(u"exp"_s).value_or(0);
        } else if (!diagnostics::hasErrors(fitness)) {
            auto signedToken = jwt::sign(claims, *key);
            if (signedToken) {
                c.token = *signedToken;
                c.issuedAt = claims.intClaim(u"iat"_s).value_or(0);
                c.expiresAt = claims.intClaim(u"exp"_s).value_or(0);
                if (cache) {
                    ++cache->m_signatures;
                    cache->m_valid = true;
                    cache->m_keyHolder = std::make_shared<const crypto::PrivateKey>(*key);
                    cache->m_key = cache->m_keyHolder->get();
                    cache->m_issuer = spec.issuer;
                    cache->m_subject = spec.subject;
                    cache->m_ttl = spec.ttlSecs;
                    cache->m_jti = spec.withJti;
                    cache->m_issuedAt = now;
                    cache->m_token = c.token;
                    cache->m_claims = claims;
                }
            } else {
                c.projectDiagnostics.append(diagnostics::make(
                    "UUI031",
                    handoff::project::tr("The UUI token could not be signed: %1").arg(signedToken.error().message),
                    {u"key"_s}));
            }
        }
        c.tokenEstimated = c.token.isEmpty();
    }
    finish(c, project, clock, c.token.isEmpty(), !c.token.isEmpty(), false);
    return c;
}

bool applyWayOut(const uui::WayOut& way, Project& project) {
    switch (way.kind) {
    case uui::WayOut::Kind::DropOrgId:
        if (!project.uui.includeOrgId) {
            return false;
        }
        project.uui.includeOrgId = false;
        return true;
    case uui::WayOut::Kind::DropField:
        if (way.customIndex >= 0) {
            if (way.customIndex >= project.uui.customParams.size() ||
                project.uui.customParams.at(way.customIndex).key != way.key) {
                return false;
            }
            project.uui.customParams.removeAt(way.customIndex);
            return true;
        }
        if (way.key == uui::fieldKey(uui::UuiField::CallId) && project.uui.includeCallId) {
            project.uui.includeCallId = false;
            return true;
        }
        if (way.key == uui::fieldKey(uui::UuiField::TransactionId) && project.uui.transactionId) {
            project.uui.transactionId.reset();
            return true;
        }
        return false;
    case uui::WayOut::Kind::SmallerKey:
        return false;
    }
    return false;
}

Composition composeWithToken(const Project& project, const QByteArray& token, const Clock& clock) {
    Composition c;
    c.projectDiagnostics = project.org.validate();
    c.token = token.trimmed();
    if (const auto decoded = jwt::decode(c.token)) {
        c.issuedAt = decoded->claims.intClaim(u"iat"_s).value_or(0);
        c.expiresAt = decoded->claims.intClaim(u"exp"_s).value_or(0);
    }
    finish(c, project, clock, false, false, true);
    return c;
}

} // namespace handoff::project
