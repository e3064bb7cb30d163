#include "EmulatorFixture.h"
#include "emulator/VoiceCallsEmulator.h"
#include "telephony/VoiceCallsClient.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace handoff;
using namespace handoff::telephony;
using handoff::emulator::Fault;
using handoff::emulator::VoiceCallsEmulator;

namespace {

constexpr qint64 kNow = 1795000000; // 2026-11-18, the emulator's and the signer's time unless a test moves one

QStringList codes(const diagnostics::Diagnostics& list) {
    QStringList out;
    for (const auto& d : list) {
        out << d.code;
    }
    return out;
}

VoiceCallRequest request() {
    VoiceCallRequest r;
    r.callCenterApiName = fixture::kCallCenter;
    r.vendorCallKey = u"9f1c2d3e-conversation"_s;
    r.to = u"+14155550100"_s;
    r.from = u"tel:+14155550199"_s;
    r.callAttributes = {{u"Department__c"_s, u"Support"_s}};
    return r;
}

// A token source that hands out the given tokens in turn (the last one again when they run out).
class ListTokenSource final : public ApiTokenSource {
public:
    explicit ListTokenSource(QList<QByteArray> tokens)
        : m_tokens(std::move(tokens)) {}
    Result<QByteArray> mintToken() override {
        return m_tokens.size() > 1 ? m_tokens.takeFirst() : m_tokens.constFirst();
    }

private:
    QList<QByteArray> m_tokens;
};

} // namespace

class TestClientAgainstEmulator final : public QObject {
    Q_OBJECT

private:
    FixedClock m_clock = FixedClock::atSecs(kNow);
    std::unique_ptr<VoiceCallsEmulator> m_emulator;

    std::unique_ptr<VoiceCallsClient> client(ClientOptions options = {}, std::shared_ptr<ApiTokenSource> tokens = {}) {
        if (!tokens) {
            tokens =
                std::make_shared<JwtApiTokenSource>(fixture::testKey(), fixture::kOrgId, fixture::kCallCenter,
                                                    salesforce::CustomerType::VoiceWithTelephonyProviders, m_clock);
        }
        options.build.telephonyProviderName = u"genesys-cloud"_s;
        return std::make_unique<VoiceCallsClient>(m_emulator->voiceCallsUrl(), tokens, m_clock, options);
    }

    static VoiceCallResult run(VoiceCallsBackend& backend, const VoiceCallRequest& r = request()) {
        std::unique_ptr<VoiceCallsReply> reply(backend.createVoiceCall(r));
        QSignalSpy spy(reply.get(), &VoiceCallsReply::finished);
        if (!reply->isFinished()) {
            [&] { QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 20000); }();
        }
        [&] { QTRY_COMPARE(spy.count(), 1); }();
        return reply->result();
    }

private Q_SLOTS:
    void init() {
        m_clock.set(QDateTime::fromSecsSinceEpoch(kNow, Qt::UTC));
        m_emulator = std::make_unique<VoiceCallsEmulator>(m_clock);
        QVERIFY(m_emulator->registerCertificate(fixture::kOrgId, fixture::testCertificate(), {fixture::kCallCenter}));
    }

    void cleanup() { m_emulator.reset(); }

    void createsAVoiceCall() {
        QVERIFY(m_emulator->listen());
        auto c = client();
        const VoiceCallResult result = run(*c);
        QCOMPARE(codes(result.diagnostics), (QStringList{u"TEL003"_s, u"TEL020"_s}));
        QCOMPARE(result.outcome, CallOutcome::Success);
        QCOMPARE(result.httpStatus, 201);
        QCOMPARE(result.attempts, 1);
        QCOMPARE(result.voiceCallId.size(), 15);
        QVERIFY(result.voiceCallId.startsWith(u"0LQ"_s));
        QCOMPARE(result.voiceCallId18.size(), 18);
        QVERIFY(result.errors.isEmpty());

        const auto calls = m_emulator->createdCalls();
        QCOMPARE(calls.size(), 1);
        QCOMPARE(calls.constFirst().voiceCallId, result.voiceCallId);
        QCOMPARE(calls.constFirst().voiceCallId18, result.voiceCallId18);
        QCOMPARE(calls.constFirst().orgId, fixture::kOrgId);
        QCOMPARE(calls.constFirst().subject, fixture::kCallCenter);
        QCOMPARE(calls.constFirst().jti.size(), 36); // a fresh UUID per request
        QCOMPARE(calls.constFirst().telephonyProviderName, u"genesys-cloud"_s);
        QCOMPARE(calls.constFirst().body.value(u"from"_s).toString(), u"+14155550199"_s);
        QCOMPARE(calls.constFirst().body.value(u"callAttributes"_s).toString(), u"{\"Department__c\":\"Support\"}"_s);
    }

    void eachRequestHasAFreshToken() {
        QVERIFY(m_emulator->listen());
        auto c = client();
        QVERIFY(run(*c).created());
        QVERIFY(run(*c).created()); // a reused jti would be refused
        const auto calls = m_emulator->createdCalls();
        QCOMPARE(calls.size(), 2);
        QVERIFY(calls.at(0).jti != calls.at(1).jti);
        QVERIFY(calls.at(0).voiceCallId != calls.at(1).voiceCallId);
    }

    void successStatusIsAnAssumption() {
        emulator::EmulatorAssumptions assumptions;
        assumptions.successStatus = 200;
        m_emulator->setAssumptions(assumptions);
        QVERIFY(m_emulator->listen());
        auto c = client();
        const VoiceCallResult result = run(*c);
        QCOMPARE(result.httpStatus, 200);
        QVERIFY(result.created());
    }

    void faults_data() {
        QTest::addColumn<QString>("fault");
        QTest::addColumn<CallOutcome>("outcome");
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("attempts");
        QTest::addColumn<QString>("code");
        QTest::addColumn<int>("created");
        QTest::newRow("latency within timeout")
            << u"latency=50"_s << CallOutcome::Success << 201 << 1 << u"TEL020"_s << 1;
        QTest::newRow("429 then success") << u"429=0"_s << CallOutcome::Success << 201 << 2 << u"TEL020"_s << 1;
        QTest::newRow("429 too long to wait") << u"429=120"_s << CallOutcome::Failure << 429 << 1 << u"TEL029"_s << 0;
        QTest::newRow("500") << u"500"_s << CallOutcome::Failure << 500 << 1 << u"TEL030"_s << 0;
        QTest::newRow("malformed") << u"malformed"_s << CallOutcome::Failure << 201 << 1 << u"TEL031"_s << 0;
        QTest::newRow("drop") << u"drop"_s << CallOutcome::Failure << 0 << 1 << u"TEL024"_s << 0;
        QTest::newRow("partial") << u"partial"_s << CallOutcome::Success << 201 << 1 << u"TEL021"_s << 1;
        QTest::newRow("latency beyond timeout")
            << u"latency=5000"_s << CallOutcome::Timeout << 0 << 1 << u"TEL025"_s << 1;
    }

    void faults() {
        QFETCH(QString, fault);
        QFETCH(CallOutcome, outcome);
        QFETCH(int, status);
        QFETCH(int, attempts);
        QFETCH(QString, code);
        QFETCH(int, created);
        const auto parsed = Fault::parse(fault);
        QVERIFY(parsed);
        m_emulator->enqueueFault(*parsed);
        QVERIFY(m_emulator->listen());
        ClientOptions options;
        options.totalTimeoutMs = 1000;
        auto c = client(options);
        const VoiceCallResult result = run(*c);
        QCOMPARE(m_emulator->requestLog().size(), attempts);
        QCOMPARE(result.outcome, outcome);
        QCOMPARE(result.httpStatus, status);
        QCOMPARE(result.attempts, attempts);
        QCOMPARE(codes(result.diagnostics).constLast(), code);
        QCOMPARE(m_emulator->createdCalls().size(), created);
        QCOMPARE(m_emulator->requestLog().constFirst().fault, parsed->toString());
        if (attempts == 2) {
            QVERIFY(codes(result.diagnostics).contains(u"TEL033"_s));
        }
        if (code == u"TEL021"_s) {
            QVERIFY(result.errorsWasString);
            QCOMPARE(result.errors.size(), 1);
        }
    }

    void twice429GivesUp() {
        m_emulator->setRunFault(*Fault::parse(u"429=0"_s));
        QVERIFY(m_emulator->listen());
        auto c = client();
        const VoiceCallResult result = run(*c);
        QCOMPARE(result.outcome, CallOutcome::Failure);
        QCOMPARE(result.attempts, 2); // one bounded retry, no more
        QCOMPARE(result.httpStatus, 429);
        QCOMPARE(codes(result.diagnostics), (QStringList{u"TEL003"_s, u"TEL033"_s, u"TEL029"_s}));
    }

    void tokenProblems_data() {
        QTest::addColumn<QString>("problem");
        QTest::addColumn<QString>("reason");
        QTest::newRow("expired") << u"expired"_s << u"TOKEN_EXPIRED"_s;
        QTest::newRow("issued in the future") << u"future"_s << u"TOKEN_NOT_YET_VALID"_s;
        QTest::newRow("lifetime over 24 h") << u"long"_s << u"TOKEN_LIFETIME_TOO_LONG"_s;
        QTest::newRow("wrong iss") << u"iss"_s << u"UNKNOWN_ISSUER"_s;
        QTest::newRow("wrong sub") << u"sub"_s << u"INVALID_SUBJECT"_s;
        QTest::newRow("bad signature") << u"signature"_s << u"INVALID_SIGNATURE"_s;
        QTest::newRow("replayed jti") << u"replay"_s << u"REPLAYED_JTI"_s;
        QTest::newRow("literal ${jwt}") << u"placeholder"_s << u"PLACEHOLDER_TOKEN"_s;
    }

    void tokenProblems() {
        QFETCH(QString, problem);
        QFETCH(QString, reason);
        QVERIFY(m_emulator->listen());
        FixedClock signer = FixedClock::atSecs(kNow);
        QByteArray token;
        if (problem == u"expired"_s) {
            signer.advanceSecs(-3600);
            token = fixture::token(signer);
        } else if (problem == u"future"_s) {
            signer.advanceSecs(3600);
            token = fixture::token(signer);
        } else if (problem == u"long"_s) {
            token = fixture::token(signer, fixture::kOrgId, fixture::kCallCenter, 86400 + 1);
        } else if (problem == u"iss"_s) {
            token = fixture::token(signer, u"00DHs0000000002"_s);
        } else if (problem == u"sub"_s) {
            token = fixture::token(signer, fixture::kOrgId, u"otherCallCenter"_s);
        } else if (problem == u"signature"_s) {
            token = fixture::token(signer, fixture::kOrgId, fixture::kCallCenter, 300,
                                   fixture::testKey("other-rsa2048-test-only.pem"));
        } else if (problem == u"replay"_s) {
            token = fixture::token(signer);
        } else if (problem == u"placeholder"_s) {
            token = "${jwt}";
        }
        QVERIFY(!token.isEmpty());
        auto c = client({}, std::make_shared<StaticApiTokenSource>(token));
        if (problem == u"replay"_s) {
            QVERIFY(run(*c).created());
        }
        const VoiceCallResult result = run(*c);
        QCOMPARE(result.outcome, CallOutcome::Failure);
        QCOMPARE(result.httpStatus, 401);
        QCOMPARE(codes(result.diagnostics).constLast(), u"TEL026"_s);
        QCOMPARE(result.errors.size(), 1);
        QVERIFY2(result.errors.constFirst().startsWith(reason + u':'), qPrintable(result.errors.constFirst()));
        // The explanation carries the emulator's precise reason and the general likely causes.
        QVERIFY(result.diagnostics.constLast().message.contains(reason));
        QVERIFY(result.diagnostics.constLast().message.contains(u"Likely causes"_s));
        QCOMPARE(m_emulator->createdCalls().size(), problem == u"replay"_s ? 1 : 0);
    }

    void retryAfter429UsesAFreshToken() {
        // Salesforce refuses a second use of a jti, so the retry must carry a new token.
        class Counting final : public ApiTokenSource {
        public:
            explicit Counting(std::shared_ptr<ApiTokenSource> inner)
                : m_inner(std::move(inner)) {}
            Result<QByteArray> mintToken() override {
                auto token = m_inner->mintToken();
                if (token) {
                    minted << *token;
                }
                return token;
            }
            QList<QByteArray> minted;

        private:
            std::shared_ptr<ApiTokenSource> m_inner;
        };
        auto counting = std::make_shared<Counting>(
            std::make_shared<JwtApiTokenSource>(fixture::testKey(), fixture::kOrgId, fixture::kCallCenter,
                                                salesforce::CustomerType::VoiceWithTelephonyProviders, m_clock));
        m_emulator->enqueueFault(*Fault::parse(u"429=0"_s));
        QVERIFY(m_emulator->listen());
        auto c = client({}, counting);
        QVERIFY(run(*c).created());
        QCOMPARE(counting->minted.size(), 2);
        QVERIFY(counting->minted.at(0) != counting->minted.at(1));
    }

    void tlsTrustedOnlyByPin() {
        QVERIFY(m_emulator->enableTls());
        QVERIFY(m_emulator->listen());
        QCOMPARE(m_emulator->voiceCallsUrl().scheme(), u"https"_s);
        QCOMPARE(m_emulator->certificateSha256().size(), 32);

        auto unpinned = client();
        const VoiceCallResult refused = run(*unpinned);
        QCOMPARE(refused.outcome, CallOutcome::Failure);
        QCOMPARE(codes(refused.diagnostics).constLast(), u"TEL023"_s);

        ClientOptions wrong;
        wrong.pinnedCertificateSha256 = QByteArray(32, 'x');
        auto wrongPin = client(wrong);
        QCOMPARE(codes(run(*wrongPin).diagnostics).constLast(), u"TEL023"_s);
        QVERIFY(m_emulator->createdCalls().isEmpty());

        ClientOptions pinned;
        pinned.pinnedCertificateSha256 = m_emulator->certificateSha256();
        auto trusted = client(pinned);
        const VoiceCallResult created = run(*trusted);
        QVERIFY2(created.created(), qPrintable(codes(created.diagnostics).join(u' ')));
        QCOMPARE(m_emulator->createdCalls().size(), 1);
    }

    void connectionRefused() {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const quint16 port = probe.serverPort();
        probe.close();
        auto tokens = std::make_shared<StaticApiTokenSource>("a.b.c");
        VoiceCallsClient c(QUrl(u"http://127.0.0.1:%1/telephony/v1/voiceCalls"_s.arg(port)), tokens, m_clock);
        const VoiceCallResult result = run(c);
        QCOMPARE(result.httpStatus, 0);
        QCOMPARE(codes(result.diagnostics).constLast(), u"TEL024"_s);
    }

    void connectTimeout() {
        // A server that accepts TCP but never answers the TLS handshake: the request never gets on the wire.
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        auto tokens = std::make_shared<StaticApiTokenSource>("a.b.c");
        ClientOptions options;
        options.connectTimeoutMs = 300;
        VoiceCallsClient c(QUrl(u"https://127.0.0.1:%1/telephony/v1/voiceCalls"_s.arg(silent.serverPort())), tokens,
                           m_clock, options);
        const VoiceCallResult result = run(c);
        QCOMPARE(result.outcome, CallOutcome::Timeout);
        QCOMPARE(codes(result.diagnostics).constLast(), u"TEL025"_s);
        QVERIFY(result.diagnostics.constLast().message.contains(u"connect"_s));
    }

    void invalidRequestIsNotSent() {
        QVERIFY(m_emulator->listen());
        auto c = client();
        VoiceCallRequest r = request();
        r.vendorCallKey.clear();
        const VoiceCallResult result = run(*c, r);
        QCOMPARE(result.attempts, 0);
        QVERIFY(codes(result.diagnostics).contains(u"TEL001"_s));
        QVERIFY(m_emulator->requestLog().isEmpty());
    }

    void cancel() {
        m_emulator->enqueueFault(*Fault::parse(u"latency=3000"_s));
        QVERIFY(m_emulator->listen());
        auto c = client();
        std::unique_ptr<VoiceCallsReply> reply(c->createVoiceCall(request()));
        QSignalSpy spy(reply.get(), &VoiceCallsReply::finished);
        QTRY_COMPARE(m_emulator->requestLog().size(), 1); // on the wire
        reply->abort();
        QVERIFY(reply->isFinished());
        QCOMPARE(reply->result().outcome, CallOutcome::Cancelled);
        QTRY_COMPARE(spy.count(), 1);
        QTest::qWait(20);
        QCOMPARE(spy.count(), 1);
    }
};

QTEST_GUILESS_MAIN(TestClientAgainstEmulator)
#include "TestClientAgainstEmulator.moc"
