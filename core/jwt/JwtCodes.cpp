#include "diagnostics/Catalog.h"

#include <QtGlobal>

namespace handoff::diagnostics {

namespace {
// Codes of core/jwt. Keep each one stable once released; document it in docs/diagnostics.md.
constexpr CodeInfo kCodes[] = {
    {"JWT001", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics", "The token is not a compact JWT (three dot-separated parts).")},
    {"JWT002", Severity::Error, QT_TRANSLATE_NOOP("handoff::diagnostics", "A part of the token is not base64url.")},
    {"JWT003", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics", "The token's header or payload is not a JSON object.")},
    {"JWT004", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics", "The token is unsigned (alg \"none\") and is refused.")},
    {"JWT005", Severity::Error, QT_TRANSLATE_NOOP("handoff::diagnostics", "The token's alg is not RS256.")},
    {"JWT006", Severity::Warning, QT_TRANSLATE_NOOP("handoff::diagnostics", "The token's typ is not \"JWT\".")},
    {"JWT007", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics", "The signature does not verify with the given certificate or key.")},
    {"JWT008", Severity::Error, QT_TRANSLATE_NOOP("handoff::diagnostics", "The token has no exp claim.")},
    {"JWT009", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics", "exp is more than 24 hours after iat; Salesforce refuses it.")},
    {"JWT010", Severity::Error, QT_TRANSLATE_NOOP("handoff::diagnostics", "The token has expired.")},
    {"JWT011", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics", "iat is in the future by more than the allowed clock skew.")},
    {"JWT012", Severity::Error, QT_TRANSLATE_NOOP("handoff::diagnostics", "The token has no iat claim.")},
    {"JWT013", Severity::Error, QT_TRANSLATE_NOOP("handoff::diagnostics", "The token has no iss claim (the org id).")},
    {"JWT014", Severity::Error, QT_TRANSLATE_NOOP("handoff::diagnostics", "iss is not a valid Salesforce org id.")},
    {"JWT015", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics", "iss is not the org id of the project's org profile.")},
    {"JWT016", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics",
                       "sub is missing; Salesforce Voice with Telephony Providers needs the Call Center API name.")},
    {"JWT017", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics", "sub is present but this customer type must leave it out.")},
    {"JWT018", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics", "sub is not the Call Center API name of the org profile.")},
    {"JWT019", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics", "A token meant to be reused has a jti, so its second use fails.")},
    {"JWT020", Severity::Error, QT_TRANSLATE_NOOP("handoff::diagnostics", "Signing the token failed in OpenSSL.")},
    {"JWT021", Severity::Error, QT_TRANSLATE_NOOP("handoff::diagnostics", "A standard claim has the wrong JSON type.")},
    {"JWT022", Severity::Error, QT_TRANSLATE_NOOP("handoff::diagnostics", "exp is not after iat.")},
    {"JWT023", Severity::Info,
     QT_TRANSLATE_NOOP("handoff::diagnostics",
                       "The token has an aud claim, which current Salesforce docs do not use.")},
    {"JWT024", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics", "A duration is malformed (use 300s, 5m, 24h or 1d).")},
};
} // namespace

std::span<const CodeInfo> jwtCodes() {
    return kCodes;
}

} // namespace handoff::diagnostics
