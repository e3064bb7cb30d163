#include "EmulatorFixture.h"
#include "emulator/VoiceCallsEmulator.h"
#include "telephony/CredentialProbe.h"
#include "telephony/VoiceCallsClient.h"

#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace handoff;
using namespace handoff::telephony;
using handoff::emulator::VoiceCallsEmulator;

namespace {
constexpr qint64 kNow = 1795000000; // 2026-11-18
}

// The credential probe against the emulator over loopback HTTP: the emulator checks the token before the body (the
// documented assumption in docs/emulator.md), so the probe's verdicts follow the token alone and no VoiceCall is
// created.
class TestCredentialProbe final : public QObject {
    Q_OBJECT

private:
    FixedClock m_clock = FixedClock::atSecs(kNow);
    std::unique_ptr<VoiceCallsEmulator> m_emulator;

    ProbeResult probe(const crypto::PrivateKey& key, const QString& callCenter = fixture::kCallCenter) {
        auto tokens = std::make_shared<JwtApiTokenSource>(
            key, fixture::kOrgId, callCenter, salesforce::CustomerType::VoiceWithTelephonyProviders, m_clock);
        VoiceCallsClient client(m_emulator->voiceCallsUrl(), tokens, m_clock);
        salesforce::OrgProfile org;
        org.orgId = fixture::kOrgId;
        org.callCenterApiName = callCenter;
        std::unique_ptr<VoiceCallsReply> reply(startCredentialProbe(client, org));
        [&] { QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 20000); }();
        return judgeProbe(reply->result(), client.describe());
    }

private Q_SLOTS:
    void init() {
        m_emulator = std::make_unique<VoiceCallsEmulator>(m_clock);
        QVERIFY(m_emulator->registerCertificate(fixture::kOrgId, fixture::testCertificate(), {fixture::kCallCenter}));
        QVERIFY(m_emulator->listen());
    }
    void cleanup() { m_emulator.reset(); }

    // A registered key: refused for the first missing body field, so the token was not refused; nothing created.
    void registeredKeyIsNotRefused() {
        const ProbeResult r = probe(fixture::testKey());
        QCOMPARE(r.verdict, ProbeVerdict::TokenNotRefused);
        QCOMPARE(r.httpStatus, 400);
        QVERIFY(r.reason.contains(u"vendorCallKey"_s));
        QVERIFY(m_emulator->createdCalls().isEmpty());
    }

    // Another key: the token is refused (401), with the reason the answer gives.
    void unregisteredKeyIsRefused() {
        const ProbeResult r = probe(fixture::testKey("other-rsa2048-test-only.pem"));
        QCOMPARE(r.verdict, ProbeVerdict::TokenRefused);
        QCOMPARE(r.httpStatus, 401);
        QVERIFY(r.reason.contains(u"INVALID_SIGNATURE"_s));
        QVERIFY(m_emulator->createdCalls().isEmpty());
    }

    // The emulator's 403 assumption for token problems reads the same.
    void forbiddenIsRefusedToo() {
        emulator::EmulatorAssumptions a = m_emulator->assumptions();
        a.tokenErrorStatus = 403;
        m_emulator->setAssumptions(a);
        QCOMPARE(probe(fixture::testKey("other-rsa2048-test-only.pem")).verdict, ProbeVerdict::TokenRefused);
    }

    // A call centre the org does not know is a token problem (sub), not a body one.
    void unknownCallCenterIsRefused() {
        const ProbeResult r = probe(fixture::testKey(), u"other_cc"_s);
        QCOMPARE(r.verdict, ProbeVerdict::TokenRefused);
    }
};

QTEST_GUILESS_MAIN(TestCredentialProbe)
#include "TestCredentialProbe.moc"
