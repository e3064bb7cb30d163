#pragma once

// Test-only helpers for the SIP tests: the test key pair from tests/data, UUI headers built with core's composer, and
// a stand-in context that knows one VoiceCall.

#include "common/Clock.h"
#include "crypto/Certificate.h"
#include "crypto/PrivateKey.h"
#include "jwt/Jwt.h"
#include "jwt/JwtClaims.h"
#include "salesforce/SalesforceId.h"
#include "sip/InviteJudge.h"
#include "uui/SipHeaderBudget.h"

#include <QByteArray>
#include <QString>

namespace sipfixture {

inline constexpr qint64 kNow = 1795000000;
inline const QString kOrgId = QStringLiteral("00DHs0000000001");
inline const QString kCallCenter = QStringLiteral("scv4cc1");
inline const QString kDomain = QStringLiteral("acme.my.salesforce-scrt.com");
inline const QString kVoiceCall15 = QStringLiteral("0LQHs0000000001"); // "created" by the emulator
inline const QString kOtherVoiceCall15 = QStringLiteral("0LQHs0000000777");

inline handoff::crypto::PrivateKey testKey(const char* file = "rsa2048-pkcs8-test-only.pem") {
    auto key = handoff::crypto::PrivateKey::load(QStringLiteral(HANDOFF_TEST_DATA "/") + QString::fromLatin1(file));
    return key ? *key : handoff::crypto::PrivateKey();
}

inline handoff::crypto::Certificate testCertificate() {
    auto certificate =
        handoff::crypto::Certificate::load(QStringLiteral(HANDOFF_TEST_DATA "/rsa2048-test-only.crt.pem"));
    return certificate ? *certificate : handoff::crypto::Certificate();
}

inline QString id18(const QString& id15) {
    auto id = handoff::salesforce::SalesforceId::parse(id15);
    return id ? id->id18() : QString();
}

// A UUI token (reusable preset: no jti, 24 h) issued at `iat` for `ttl` seconds.
inline QByteArray uuiToken(qint64 iat, qint64 ttl = 86400, const handoff::crypto::PrivateKey& key = testKey()) {
    handoff::jwt::TokenSpec spec =
        handoff::jwt::TokenSpec::forPreset(handoff::jwt::TokenPreset::Uui, kOrgId, kCallCenter);
    spec.ttlSecs = ttl;
    spec.issuedAt = iat;
    const handoff::FixedClock clock = handoff::FixedClock::atSecs(iat);
    auto signed_ = handoff::jwt::sign(handoff::jwt::buildClaims(spec, clock), key);
    return signed_ ? *signed_ : QByteArray();
}

inline handoff::uui::UuiModel model(const QByteArray& token, const std::optional<QString>& callId) {
    handoff::uui::UuiModel m;
    m.orgId = kOrgId;
    m.scrt2Domain = kDomain;
    m.token = QString::fromLatin1(token);
    m.callId = callId;
    return m;
}

// The trunk profile the wire tests use: the defaults, with the limit read on the decoded data (the only reading under
// which a 2048-bit token fits; the stand-in reads whatever the profile says).
inline handoff::uui::TrunkUuiProfile trunk() {
    handoff::uui::TrunkUuiProfile profile;
    profile.limitAppliesTo = handoff::uui::LimitAppliesTo::DecodedData;
    return profile;
}

// "User-to-User: ..." as the trunk writes it.
inline QByteArray headerLine(const handoff::uui::UuiModel& m, const handoff::uui::TrunkUuiProfile& profile = trunk()) {
    return handoff::uui::budget(m, profile).headerLine;
}

inline handoff::sip::JudgeContext context(const handoff::uui::TrunkUuiProfile& profile = trunk()) {
    handoff::sip::JudgeContext c;
    c.orgs.append({kOrgId,
                   {testCertificate().publicKey()},
                   {kCallCenter},
                   handoff::salesforce::CustomerType::VoiceWithTelephonyProviders});
    c.voiceCalls = {kVoiceCall15};
    c.trunk = profile;
    return c;
}

inline QByteArray sdp(bool srtp = true, bool pcmu = true) {
    QByteArray out = "v=0\r\no=test 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n";
    out += srtp ? "m=audio 6000 RTP/SAVP " : "m=audio 6000 RTP/AVP ";
    out += pcmu ? "0\r\na=rtpmap:0 PCMU/8000\r\n" : "8\r\na=rtpmap:8 PCMA/8000\r\n";
    if (srtp) {
        out += "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:WVNfX19zZW1jdGwgKCkgewkyMjA7fQp9CnVubGVzcyA\r\n";
    }
    return out;
}

} // namespace sipfixture
