#include "EmulatorFixture.h"
#include "common/SaveFile.h"
#include "emulator/VoiceCallsEmulator.h"
#include "telephony/CurlCommand.h"
#include "telephony/VoiceCallsClient.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace handoff;

// Independent clients against the emulator: the cURL command the product prints, run by a real shell and curl, and
// a Node.js script that signs its own token. The emulator runs in this process on the system clock, since the
// other clients use the real time.
class TestEmulatorInterop final : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<emulator::VoiceCallsEmulator> m_emulator;
    QTemporaryDir m_dir;

    struct Run {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };

    // Runs a program while this thread's event loop keeps serving the emulator.
    static Run runProgram(const QString& program, const QStringList& args, const QProcessEnvironment& env) {
        QProcess process;
        process.setProcessEnvironment(env);
        QSignalSpy finished(&process, &QProcess::finished);
        process.start(program, args);
        if (!process.waitForStarted(10000) || !finished.wait(30000)) {
            process.kill();
            process.waitForFinished();
            return {};
        }
        return {process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()};
    }

    void start(bool tls) {
        m_emulator = std::make_unique<emulator::VoiceCallsEmulator>(SystemClock::instance());
        QVERIFY(m_emulator->registerCertificate(fixture::kOrgId, fixture::testCertificate(), {fixture::kCallCenter}));
        if (tls) {
            QVERIFY(m_emulator->enableTls());
        }
        QVERIFY(m_emulator->listen());
    }

private Q_SLOTS:
    void init() { QVERIFY(m_dir.isValid()); }
    void cleanup() { m_emulator.reset(); }

    void curlRunsThePrintedCommand_data() {
        QTest::addColumn<bool>("tls");
        QTest::addColumn<bool>("reveal");
        QTest::newRow("http, token from the environment") << false << false;
        QTest::newRow("http, token revealed") << false << true;
        QTest::newRow("https with --cacert") << true << false;
    }

    void curlRunsThePrintedCommand() {
        QFETCH(bool, tls);
        QFETCH(bool, reveal);
        if (QStandardPaths::findExecutable(u"curl"_s).isEmpty()) {
            QSKIP("curl is not installed");
        }
        start(tls);
        auto tokens = std::make_shared<telephony::JwtApiTokenSource>(
            fixture::testKey(), fixture::kOrgId, fixture::kCallCenter,
            salesforce::CustomerType::VoiceWithTelephonyProviders, SystemClock::instance());
        telephony::ClientOptions options;
        options.build.telephonyProviderName = u"it's \"quoted\""_s; // must survive the shell
        telephony::VoiceCallsClient client(m_emulator->voiceCallsUrl(), tokens, SystemClock::instance(), options);
        telephony::VoiceCallRequest request;
        request.callCenterApiName = fixture::kCallCenter;
        request.vendorCallKey = u"conv 'one' $HOME `x`"_s;
        request.to = u"+14155550100"_s;
        request.from = u"tel:+14155550199"_s;
        request.callAttributes = {{u"Department__c"_s, u"O'Brien & \"Sons\""_s}};
        handoff::diagnostics::Diagnostics diagnostics;
        const telephony::HttpRequestSpec spec = client.prepare(request, reveal, &diagnostics);

        telephony::CurlOptions curlOptions;
        curlOptions.revealToken = reveal;
        if (tls) {
            curlOptions.caCertFile = m_dir.filePath(u"emulator cert.pem"_s);
            QVERIFY(io::saveAtomically(curlOptions.caCertFile, m_emulator->certificatePem()));
        }
        const QString command = telephony::renderCurl(spec, curlOptions);
        if (reveal) {
            QVERIFY(command.contains(QString::fromUtf8(spec.header("Authorization").mid(7))));
        }
        QCOMPARE(command.contains(u"eyJ"_s), reveal); // a JWT's header starts so; never printed unless asked

        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        if (!reveal) {
            auto token = tokens->mintToken();
            QVERIFY(token);
            env.insert(u"HANDOFF_API_TOKEN"_s, QString::fromLatin1(*token));
        }
        const Run run = runProgram(u"/bin/sh"_s, {u"-c"_s, command}, env);
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY2(run.out.contains("201 Created"), run.out.constData());
        const auto calls = m_emulator->createdCalls();
        QCOMPARE(calls.size(), 1);
        QCOMPARE(calls.constFirst().body.value(u"vendorCallKey"_s).toString(), request.vendorCallKey);
        QCOMPARE(calls.constFirst().body.value(u"callAttributes"_s).toString(),
                 u"{\"Department__c\":\"O'Brien & \\\"Sons\\\"\"}"_s);
        QCOMPARE(calls.constFirst().telephonyProviderName, u"it's \"quoted\""_s);
        QVERIFY(run.out.contains(calls.constFirst().voiceCallId.toLatin1()));
    }

    void nodeSignsItsOwnToken_data() {
        QTest::addColumn<bool>("tls");
        QTest::newRow("http") << false;
        QTest::newRow("https") << true;
    }

    void nodeSignsItsOwnToken() {
        QFETCH(bool, tls);
        const QString node = QStandardPaths::findExecutable(u"node"_s);
        if (node.isEmpty()) {
            QSKIP("node is not installed");
        }
        start(tls);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"HANDOFF_URL"_s, m_emulator->voiceCallsUrl().toString());
        env.insert(u"HANDOFF_KEY"_s, QStringLiteral(HANDOFF_TEST_DATA "/rsa2048-pkcs8-test-only.pem"));
        env.insert(u"HANDOFF_ORG"_s, fixture::kOrgId);
        env.insert(u"HANDOFF_CALL_CENTER"_s, fixture::kCallCenter);
        if (tls) {
            const QString cert = m_dir.filePath(u"emulator.pem"_s);
            QVERIFY(io::saveAtomically(cert, m_emulator->certificatePem()));
            env.insert(u"NODE_EXTRA_CA_CERTS"_s, cert);
        }
        const Run run =
            runProgram(node, {QStringLiteral(HANDOFF_SOURCE_DIR "/tests/core/emulator/create-voicecall.mjs")}, env);
        QVERIFY2(run.exitCode == 0, QByteArray(run.out + run.err).constData());
        const QJsonObject answer = QJsonDocument::fromJson(run.out.trimmed()).object();
        QCOMPARE(answer.value(u"status"_s).toInt(), 201);
        const QString id = answer.value(u"body"_s).toObject().value(u"voiceCallId"_s).toString();
        QCOMPARE(id.size(), 15);
        QCOMPARE(m_emulator->createdCalls().size(), 1);
        QCOMPARE(m_emulator->createdCalls().constFirst().voiceCallId, id);
        QCOMPARE(m_emulator->createdCalls().constFirst().jti.size(), 36);
    }
};

QTEST_GUILESS_MAIN(TestEmulatorInterop)
#include "TestEmulatorInterop.moc"
