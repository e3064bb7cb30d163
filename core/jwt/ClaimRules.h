#pragma once

#include "common/Clock.h"
#include "diagnostics/Diagnostic.h"
#include "jwt/Jwt.h"
#include "salesforce/OrgProfile.h"

namespace handoff::jwt {

// How strictly to read a token's claims.
struct ClaimRuleOptions {
    qint64 clockSkewSecs = 60; // iat may be this far in the future before JWT011
    bool reusable = false;     // the token is meant to be reused (UUI token): jti is a problem (JWT019)
    bool checkExpiry = true;   // report JWT010 (expired) at the clock's time
    bool checkSubject = true;  // with a profile: check sub against its customer type (off when the type is unknown)
};

// Checks a decoded token's header and claims (docs/keys-and-tokens.md): alg (JWT004/JWT005), typ (JWT006), iat/exp
// presence, types and window (JWT008-JWT012, JWT022), iss (JWT013-JWT015), sub (JWT016-JWT018), jti (JWT019), aud
// (JWT023). Checks against the org profile only when `profile` is given. Diagnostics point at "header.alg",
// "claims.exp", ...
diagnostics::Diagnostics checkToken(const DecodedJwt& token, const salesforce::OrgProfile* profile, const Clock& clock,
                                    const ClaimRuleOptions& options = {});

// The same checks on claims about to be signed (no header).
diagnostics::Diagnostics checkClaims(const Claims& claims, const salesforce::OrgProfile* profile, const Clock& clock,
                                     const ClaimRuleOptions& options = {});

} // namespace handoff::jwt
