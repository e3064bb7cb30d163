#pragma once

#include "common/Error.h"
#include "crypto/Certificate.h"
#include "crypto/PrivateKey.h"
#include "jwt/JwtClaims.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonObject>

namespace handoff::jwt {

// base64url without padding (RFC 7515 §2), and its inverse (padding tolerated; std::nullopt on a bad character).
QByteArray base64UrlEncode(QByteArrayView data);
std::optional<QByteArray> base64UrlDecode(QByteArrayView text);

// The one header this product signs with, exactly: {"alg":"RS256","typ":"JWT"}.
QByteArrayView rs256HeaderJson();

// Signs `claims` as an RS256 compact JWT. The key is used by reference (no copy, no re-parse); it must be RSA
// (KEY006 otherwise). Errors: JWT020 when OpenSSL fails.
Result<QByteArray> sign(const Claims& claims, const crypto::PrivateKey& key);
// The fast path: signs a ready payload JSON (compact bytes) and returns the token.
Result<QByteArray> signPayload(QByteArrayView payloadJson, const crypto::PrivateKey& key);
// RSASSA-PKCS1-v1_5 with SHA-256 over `signingInput`; returns the raw signature bytes.
Result<QByteArray> signRs256(QByteArrayView signingInput, const crypto::PrivateKey& key);

// A token taken apart, not verified.
struct DecodedJwt {
    QByteArray rawHeader; // the three base64url parts as they came
    QByteArray rawPayload;
    QByteArray rawSignature;
    QByteArray headerJson; // decoded bytes
    QByteArray payloadJson;
    QJsonObject header;
    Claims claims;        // keys in the token's order
    QByteArray signature; // raw bytes

    QByteArray signingInput() const { return rawHeader + '.' + rawPayload; }
    QString algorithm() const; // header "alg", empty if absent
};

// Splits and decodes a compact JWT (surrounding whitespace ignored). Errors: JWT001 not three parts (or spaces
// inside), JWT002 a part is not base64url, JWT003 header or payload is not a JSON object.
Result<DecodedJwt> decode(QByteArrayView token);

// Checks the signature with a public key. Errors: JWT004 alg "none" (refused), JWT005 alg other than RS256, KEY006
// a non-RSA key, JWT007 the signature does not match.
Result<void> verify(const DecodedJwt& token, const crypto::PublicKey& key);
// Same, with the public key of a certificate.
Result<void> verify(const DecodedJwt& token, const crypto::Certificate& certificate);

// The token with its signature replaced by "<signature redacted>" for logs.
QByteArray redactSignature(QByteArrayView token);

} // namespace handoff::jwt
