#include "../CliRunner.h"
#include "../EmulatorProcess.h"

#include <QFile>
#include <QJsonArray>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
const QString kCert = QStringLiteral(HANDOFF_TEST_DATA "/rsa2048-test-only.crt.pem");
const QString kKey = QStringLiteral(HANDOFF_TEST_DATA "/rsa2048-pkcs8-test-only.pem");
const QString kEncryptedKey = QStringLiteral(HANDOFF_TEST_DATA "/rsa2048-pkcs8-encrypted-test-only.pem");
const QString kOrg = u"00DHs0000000001"_s;

QStringList callArgs(const QString& command, const QString& baseUrl, const QString& key = kKey) {
    return {u"call"_s,          command,
            u"--base-url"_s,    baseUrl,
            u"--key"_s,         key,
            u"--org"_s,         kOrg,
            u"--call-center"_s, u"scv4cc1"_s,
            u"--to"_s,          u"+14155550100"_s,
            u"--from"_s,        u"tel:+14155550199"_s};
}

QStringList codes(const QJsonObject& result) {
    QStringList list;
    for (const QJsonValue& d : result.value(u"diagnostics"_s).toArray()) {
        list << d.toObject().value(u"code"_s).toString();
    }
    return list;
}
} // namespace

class TestCallCli final : public QObject {
    Q_OBJECT

private:
    EmulatorProcess m_emulator;

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_emulator.start({u"--register"_s, kCert, u"--org"_s, kOrg, u"--call-center"_s, u"scv4cc1"_s}));
    }

    void createsAndReportsJson() {
        const CliRun run = runHandoff(callArgs(u"test"_s, m_emulator.baseUrl()) + QStringList{u"--json"_s});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject result = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(result.value(u"status"_s).toInt(), 201);
        QCOMPARE(result.value(u"outcome"_s).toString(), u"success"_s);
        QCOMPARE(result.value(u"voiceCallId"_s).toString().size(), 15);
        QCOMPARE(result.value(u"voiceCallId18"_s).toString().size(), 18);
        QVERIFY(result.value(u"latencyMs"_s).isDouble());
        QVERIFY(result.value(u"errors"_s).isArray());
        QVERIFY(codes(result).contains(u"TEL020"_s));
        QVERIFY(codes(result).contains(u"TEL003"_s)); // tel: removed
    }

    void humanOutput() {
        const CliRun run = runHandoff(callArgs(u"test"_s, m_emulator.baseUrl()));
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains("HTTP 201"));
        QVERIFY(run.out.contains("voiceCallId18 0LQ"));
        QVERIFY(run.err.contains("info TEL020"));
    }

    void refusedCallExitsOne() {
        QStringList args = callArgs(u"test"_s, m_emulator.baseUrl());
        args[args.indexOf(u"scv4cc1"_s)] = u"someOtherCenter"_s;
        const CliRun run = runHandoff(args + QStringList{u"--json"_s});
        QCOMPARE(run.exitCode, 1);
        const QJsonObject result = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(result.value(u"status"_s).toInt(), 401);
        QVERIFY(result.value(u"voiceCallId"_s).isNull());
        QVERIFY(codes(result).contains(u"TEL026"_s));
        QVERIFY(result.value(u"errors"_s).toArray().at(0).toString().startsWith(u"INVALID_SUBJECT"_s));
    }

    void encryptedKeyWithPassphraseFromTheEnvironment() {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"HANDOFF_KEY_PASSPHRASE"_s, u"handoff-test-only"_s);
        QCOMPARE(runHandoff(callArgs(u"test"_s, m_emulator.baseUrl(), kEncryptedKey), {}, env).exitCode, 0);
        env.insert(u"HANDOFF_KEY_PASSPHRASE"_s, u"wrong"_s);
        const CliRun wrong = runHandoff(callArgs(u"test"_s, m_emulator.baseUrl(), kEncryptedKey), {}, env);
        QCOMPARE(wrong.exitCode, 3);
        QVERIFY(wrong.err.contains("KEY005"));
    }

    void nobodyListening() {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const QString url = u"http://127.0.0.1:%1"_s.arg(probe.serverPort());
        probe.close();
        const CliRun run = runHandoff(callArgs(u"test"_s, url) + QStringList{u"--json"_s});
        QCOMPARE(run.exitCode, 3);
        QVERIFY(codes(QJsonDocument::fromJson(run.out).object()).contains(u"TEL024"_s));
    }

    void usageErrors_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::newRow("no flags") << QStringList{u"call"_s, u"test"_s} << 2;
        QTest::newRow("bad pin") << (callArgs(u"test"_s, u"http://127.0.0.1:1"_s) + QStringList{u"--pin"_s, u"abc"_s})
                                 << 2;
        QTest::newRow("bad customer type")
            << (callArgs(u"test"_s, u"http://127.0.0.1:1"_s) + QStringList{u"--customer-type"_s, u"x"_s}) << 2;
        QTest::newRow("not an SCRT2 domain") << callArgs(u"test"_s, u"https://example.com"_s) << 1;
        QTest::newRow("missing key file") << callArgs(u"test"_s, u"http://127.0.0.1:1"_s, u"/nonexistent.pem"_s) << 3;
        QTest::newRow("unknown subcommand") << QStringList{u"call"_s, u"ring"_s} << 2;
    }

    void usageErrors() {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QCOMPARE(runHandoff(args).exitCode, exitCode);
    }

    void curlRedactsTheToken() {
        const CliRun run = runHandoff(callArgs(u"curl"_s, m_emulator.baseUrl()));
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.startsWith("curl "));
        QVERIFY(run.out.contains("$HANDOFF_API_TOKEN"));
        QVERIFY(!run.out.contains("eyJ"));
        const CliRun revealed =
            runHandoff(callArgs(u"curl"_s, m_emulator.baseUrl()) + QStringList{u"--reveal-token"_s});
        QCOMPARE(revealed.exitCode, 0);
        QVERIFY(revealed.out.contains("Bearer eyJ"));
        // The printed command works as it is.
        QProcess sh;
        sh.start(u"/bin/sh"_s, {u"-c"_s, QString::fromUtf8(revealed.out)});
        QVERIFY(sh.waitForFinished(20000));
        QCOMPARE(sh.exitCode(), 0);
        QVERIFY(sh.readAllStandardOutput().contains("\"voiceCallId\":\"0LQ"));
    }

    void fromAProjectFile() {
        QTemporaryDir dir;
        QFile sample(QStringLiteral(HANDOFF_SOURCE_DIR "/resources/samples/sample.handoff"));
        QVERIFY(sample.open(QIODevice::ReadOnly));
        QJsonObject root = QJsonDocument::fromJson(sample.readAll()).object();
        QJsonArray environments = root.value(u"environments"_s).toArray();
        QJsonObject environment = environments.at(0).toObject();
        QJsonObject org = environment.value(u"org"_s).toObject();
        org.insert(u"orgId"_s, kOrg);
        org.insert(u"callCenterApiName"_s, u"scv4cc1"_s);
        environment.insert(u"org"_s, org);
        // A project whose key the desktop app keeps in the OS keychain.
        environment.insert(u"key"_s, QJsonObject{{u"keychainId"_s, u"handoff-studio/test-entry"_s}});
        environments.replace(0, environment);
        root.insert(u"environments"_s, environments);
        root.insert(u"testCall"_s,
                    QJsonObject{{u"to"_s, u"+442071838750"_s},
                                {u"from"_s, u"+14155550123"_s},
                                {u"callAttributes"_s,
                                 QJsonArray{QJsonObject{{u"field"_s, u"Tier__c"_s}, {u"value"_s, u"Gold"_s}}}}});
        const QString path = dir.filePath(u"p.handoff"_s);
        QFile out(path);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(QJsonDocument(root).toJson());
        out.close();

        // The key is in the keychain: the command line says so and asks for --key.
        const CliRun noKey =
            runHandoff({u"call"_s, u"test"_s, u"--project"_s, path, u"--base-url"_s, m_emulator.baseUrl()});
        QCOMPARE(noKey.exitCode, 2);
        QVERIFY(noKey.err.contains("keychain"));

        const CliRun run = runHandoff({u"call"_s, u"test"_s, u"--project"_s, path, u"--base-url"_s,
                                       m_emulator.baseUrl(), u"--key"_s, kKey, u"--json"_s});
        QCOMPARE(run.exitCode, 0);
        const CliRun curl = runHandoff(
            {u"call"_s, u"curl"_s, u"--project"_s, path, u"--base-url"_s, m_emulator.baseUrl(), u"--one-line"_s});
        QCOMPARE(curl.exitCode, 0);
        QVERIFY(curl.out.contains("+442071838750"));
        QVERIFY(curl.out.contains(R"({\"Tier__c\":\"Gold\"})"));
    }

    void curlWithoutKeyNeedsNoKey() {
        QStringList args = callArgs(u"curl"_s, u"mycompany.my.salesforce-scrt.com"_s);
        args.removeAt(args.indexOf(u"--key"_s) + 1);
        args.removeAll(u"--key"_s);
        const CliRun run = runHandoff(args);
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains("'https://mycompany.my.salesforce-scrt.com/telephony/v1/voiceCalls'") ||
                run.out.contains("https://mycompany.my.salesforce-scrt.com/telephony/v1/voiceCalls"));
    }
};

QTEST_GUILESS_MAIN(TestCallCli)
#include "TestCallCli.moc"
