#include "ClaimRules.h"

#include "diagnostics/Catalog.h"
#include "salesforce/SalesforceId.h"

#include <QCoreApplication>
#include <QDateTime>

using namespace Qt::StringLiterals;

namespace handoff::jwt {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("handoff::jwt", text);
}

constexpr qint64 kMaxLifetimeSecs = 24 * 3600;

QString when(qint64 secs) {
    return QDateTime::fromSecsSinceEpoch(secs, Qt::UTC).toString(Qt::ISODate);
}

QString duration(qint64 secs) {
    const qint64 magnitude = secs < 0 ? -secs : secs;
    if (magnitude % 3600 == 0) {
        return handoff::jwt::tr("%1 h").arg(secs / 3600);
    }
    if (magnitude % 60 == 0) {
        return handoff::jwt::tr("%1 min").arg(secs / 60);
    }
    return handoff::jwt::tr("%1 s").arg(secs);
}

class Checker {
public:
    explicit Checker(diagnostics::Diagnostics& list)
        : m_list(list) {}
    void add(const char* code, const QString& field, const QString& message) {
        m_list.append(diagnostics::make(code, message, diagnostics::Location{field}));
    }

private:
    diagnostics::Diagnostics& m_list;
};

// A claim that must be a whole number of seconds: the value, or a diagnostic (missing, wrong type).
std::optional<qint64> secondsClaim(const Claims& claims, const QString& name, const char* missingCode,
                                   const QString& missingMessage, Checker& out) {
    const QString field = u"claims."_s + name;
    if (!claims.contains(name)) {
        out.add(missingCode, field, missingMessage);
        return std::nullopt;
    }
    const auto value = claims.intClaim(name);
    if (!value) {
        out.add("JWT021", field,
                handoff::jwt::tr(
                    "The %1 claim must be a whole number of seconds since 1970-01-01 UTC (a JSON number, not a string "
                    "or a date).")
                    .arg(name));
    }
    return value;
}

} // namespace

diagnostics::Diagnostics checkClaims(const Claims& claims, const salesforce::OrgProfile* profile, const Clock& clock,
                                     const ClaimRuleOptions& options) {
    diagnostics::Diagnostics list;
    Checker out(list);
    const qint64 now = clock.nowSecs();

    const auto iat =
        secondsClaim(claims, u"iat"_s, "JWT012",
                     handoff::jwt::tr("The token has no iat (issued-at) claim; Salesforce needs it. Add iat = the "
                                      "signing time in seconds since 1970."),
                     out);
    const auto exp =
        secondsClaim(claims, u"exp"_s, "JWT008",
                     handoff::jwt::tr("The token has no exp (expiry) claim; Salesforce needs it. Add exp at most 24 h "
                                      "after iat."),
                     out);
    if (iat && exp) {
        if (*exp <= *iat) {
            out.add(
                "JWT022", u"claims.exp"_s,
                handoff::jwt::tr("exp (%1) is not after iat (%2): the token is born expired. Set exp later than iat.")
                    .arg(when(*exp), when(*iat)));
        } else if (*exp - *iat > kMaxLifetimeSecs) {
            out.add("JWT009", u"claims.exp"_s,
                    handoff::jwt::tr(
                        "exp is %1 after iat; Salesforce allows at most 24 h. Shorten the lifetime (24 h for a "
                        "reused UUI token, 5 min for an API token).")
                        .arg(duration(*exp - *iat)));
        }
    }
    if (exp && options.checkExpiry && *exp <= now) {
        out.add("JWT010", u"claims.exp"_s,
                handoff::jwt::tr(
                    "The token expired at %1 (%2 ago). Sign a new one; a SIP transfer with an expired token fails.")
                    .arg(when(*exp), duration(now - *exp)));
    }
    if (iat && *iat > now + options.clockSkewSecs) {
        out.add("JWT011", u"claims.iat"_s,
                handoff::jwt::tr(
                    "iat is %1 in the future (%2), more than the allowed clock skew of %3 s. Check the clock of the "
                    "machine that signs the tokens.")
                    .arg(duration(*iat - now), when(*iat), QString::number(options.clockSkewSecs)));
    }

    // iss: the org id where the certificate is registered.
    if (!claims.contains(u"iss"_s)) {
        out.add("JWT013", u"claims.iss"_s,
                handoff::jwt::tr(
                    "The token has no iss claim. Set iss to the Salesforce org id (00D...) where the certificate is "
                    "registered."));
    } else if (const auto iss = claims.stringClaim(u"iss"_s); !iss) {
        out.add("JWT021", u"claims.iss"_s, handoff::jwt::tr("The iss claim must be a string: the org id (00D...)."));
    } else {
        const auto id = salesforce::SalesforceId::parse(*iss);
        if (!id) {
            out.add("JWT014", u"claims.iss"_s,
                    handoff::jwt::tr("iss '%1' is not a valid org id: %2").arg(*iss, id.error().message));
        } else if (id->kind() != salesforce::IdKind::Organization) {
            out.add(
                "JWT014", u"claims.iss"_s,
                handoff::jwt::tr("iss '%1' is not an org id (org ids start with 00D). Set iss to the org id where the "
                                 "certificate is registered.")
                    .arg(*iss));
        } else if (profile && salesforce::SalesforceId::parse(profile->orgId.trimmed()) &&
                   !salesforce::sameId(*iss, profile->orgId.trimmed())) {
            out.add("JWT015", u"claims.iss"_s,
                    handoff::jwt::tr(
                        "iss '%1' is not this project's org id %2. Sign with the right org id, or correct the org "
                        "profile.")
                        .arg(*iss, profile->orgId.trimmed()));
        }
    }

    // sub: the Call Center API name, only for Salesforce Voice with Telephony Providers.
    if (claims.contains(u"sub"_s) && !claims.stringClaim(u"sub"_s)) {
        out.add("JWT021", u"claims.sub"_s,
                handoff::jwt::tr("The sub claim must be a string: the Call Center API name."));
    } else if (profile && options.checkSubject) {
        const auto sub = claims.stringClaim(u"sub"_s);
        if (profile->subRequired() && !sub) {
            out.add("JWT016", u"claims.sub"_s,
                    handoff::jwt::tr(
                        "The token has no sub claim; for Salesforce Voice with Telephony Providers it must be the "
                        "Call Center API name%1.")
                        .arg(profile->callCenterApiName.isEmpty() ? QString()
                                                                  : u" ("_s + profile->callCenterApiName + u')'));
        } else if (!profile->subRequired() && sub) {
            out.add("JWT017", u"claims.sub"_s,
                    handoff::jwt::tr(
                        "The token has sub '%1', but for this customer type (not Salesforce Voice with Telephony "
                        "Providers, e.g. Open CTI) sub must be left out. Remove it.")
                        .arg(*sub));
        } else if (sub && !profile->callCenterApiName.trimmed().isEmpty() &&
                   *sub != profile->callCenterApiName.trimmed()) {
            out.add("JWT018", u"claims.sub"_s,
                    handoff::jwt::tr("sub '%1' is not the Call Center API name %2 of the org profile (API names are "
                                     "case-sensitive).")
                        .arg(*sub, profile->callCenterApiName.trimmed()));
        }
    }

    if (options.reusable && claims.contains(u"jti"_s)) {
        out.add("JWT019", u"claims.jti"_s,
                handoff::jwt::tr(
                    "The token has a jti but is meant to be reused across calls: Salesforce refuses a jti it has seen, "
                    "so every call after the first would fail. Remove jti, or sign a fresh token per call."));
    }
    if (claims.contains(u"aud"_s)) {
        out.add("JWT023", u"claims.aud"_s,
                handoff::jwt::tr(
                    "The token has an aud claim. Older Salesforce docs required aud; current ones do not use it. It "
                    "can stay, or be removed."));
    }
    return list;
}

diagnostics::Diagnostics checkToken(const DecodedJwt& token, const salesforce::OrgProfile* profile, const Clock& clock,
                                    const ClaimRuleOptions& options) {
    diagnostics::Diagnostics list;
    Checker out(list);
    const QString alg = token.algorithm();
    if (alg.compare(u"none"_s, Qt::CaseInsensitive) == 0) {
        out.add("JWT004", u"header.alg"_s,
                handoff::jwt::tr(
                    "The token says alg \"none\": it is unsigned and Salesforce refuses it. Sign it with RS256."));
    } else if (alg != u"RS256"_s) {
        out.add(
            "JWT005", u"header.alg"_s,
            handoff::jwt::tr("The token's alg is %1; Salesforce accepts RS256 only. Sign it with RS256 and an RSA key.")
                .arg(alg.isEmpty() ? handoff::jwt::tr("missing") : alg));
    }
    const QJsonValue typ = token.header.value(u"typ"_s);
    if (!typ.isUndefined() && typ.toString() != u"JWT"_s) {
        out.add("JWT006", u"header.typ"_s,
                handoff::jwt::tr("The token's typ is '%1'; Salesforce documents typ \"JWT\".")
                    .arg(typ.toVariant().toString()));
    }
    list.append(checkClaims(token.claims, profile, clock, options));
    return list;
}

} // namespace handoff::jwt
