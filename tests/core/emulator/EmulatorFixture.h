#pragma once

// Test-only helpers shared by the emulator tests: the test key pair from tests/data and a signed API token.

#include "common/Clock.h"
#include "crypto/Certificate.h"
#include "crypto/PrivateKey.h"
#include "jwt/Jwt.h"
#include "jwt/JwtClaims.h"

#include <QByteArray>
#include <QString>

namespace fixture {

inline const QString kOrgId = QStringLiteral("00DHs0000000001");
inline const QString kCallCenter = QStringLiteral("scv4cc1");

inline handoff::crypto::PrivateKey testKey(const char* file = "rsa2048-pkcs8-test-only.pem") {
    auto key = handoff::crypto::PrivateKey::load(QStringLiteral(HANDOFF_TEST_DATA "/") + QString::fromLatin1(file));
    return key ? *key : handoff::crypto::PrivateKey();
}

inline handoff::crypto::Certificate testCertificate() {
    auto certificate =
        handoff::crypto::Certificate::load(QStringLiteral(HANDOFF_TEST_DATA "/rsa2048-test-only.crt.pem"));
    return certificate ? *certificate : handoff::crypto::Certificate();
}

// An API token with the API preset (jti included): iat = the clock's now, exp = iat + ttl.
inline QByteArray token(const handoff::Clock& clock, const QString& iss = kOrgId, const QString& sub = kCallCenter,
                        qint64 ttl = 300, const handoff::crypto::PrivateKey& key = testKey()) {
    handoff::jwt::TokenSpec spec = handoff::jwt::TokenSpec::forPreset(handoff::jwt::TokenPreset::Api, iss, sub);
    spec.ttlSecs = ttl;
    auto signed_ = handoff::jwt::sign(handoff::jwt::buildClaims(spec, clock), key);
    return signed_ ? *signed_ : QByteArray();
}

inline QByteArray validBody() {
    return R"({"callCenterApiName":"scv4cc1","vendorCallKey":"conv-1","to":"+14155550100","from":"+14155550199",)"
           R"("initiationMethod":"Inbound","startTime":"2026-11-28T12:00:00.000Z",)"
           R"("participants":[{"participantKey":"+14155550199","type":"END_USER"}]})";
}

} // namespace fixture
