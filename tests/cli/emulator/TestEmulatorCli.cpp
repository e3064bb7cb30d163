#include "../CliRunner.h"
#include "../EmulatorProcess.h"

#include <QJsonArray>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
const QString kCert = QStringLiteral(HANDOFF_TEST_DATA "/rsa2048-test-only.crt.pem");
const QString kKey = QStringLiteral(HANDOFF_TEST_DATA "/rsa2048-pkcs8-test-only.pem");
const QString kOrg = u"00DHs0000000001"_s;

QList<QJsonObject> events(const QByteArray& out) {
    QList<QJsonObject> list;
    for (const QByteArray& line : out.split('\n')) {
        if (!line.trimmed().isEmpty()) {
            list.append(QJsonDocument::fromJson(line).object());
        }
    }
    return list;
}
} // namespace

class TestEmulatorCli final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void usageErrors_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QByteArray>("message");
        QTest::newRow("no registration") << QStringList{u"emulator"_s} << 2 << QByteArray("--register");
        QTest::newRow("bad fault") << QStringList{u"emulator"_s, u"--register"_s, kCert,       u"--org"_s,
                                                  kOrg,          u"--fault"_s,    u"explode"_s}
                                   << 2 << QByteArray("EMU003");
        QTest::newRow("bad org") << QStringList{u"emulator"_s, u"--register"_s, kCert, u"--org"_s, u"00Dshort"_s} << 2
                                 << QByteArray("EMU004");
        QTest::newRow("not a certificate")
            << QStringList{u"emulator"_s, u"--register"_s, kKey, u"--org"_s, kOrg} << 3 << QByteArray("EMU002");
        QTest::newRow("bad port") << QStringList{u"emulator"_s, u"--register"_s, kCert,     u"--org"_s,
                                                 kOrg,          u"--port"_s,     u"70000"_s}
                                  << 2 << QByteArray("--port");
        QTest::newRow("write-cert without tls")
            << QStringList{u"emulator"_s, u"--register"_s, kCert, u"--org"_s, kOrg, u"--write-cert"_s, u"x.pem"_s} << 2
            << QByteArray("--tls");
    }

    void usageErrors() {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QByteArray, message);
        const CliRun run = runHandoff(args);
        QCOMPARE(run.exitCode, exitCode);
        QVERIFY2(run.err.contains(message), run.err.constData());
    }

    void portInUse() {
        QTcpServer taken;
        QVERIFY(taken.listen(QHostAddress::LocalHost));
        const CliRun run = runHandoff({u"emulator"_s, u"--register"_s, kCert, u"--org"_s, kOrg, u"--port"_s,
                                       QString::number(taken.serverPort())});
        QCOMPARE(run.exitCode, 3);
        QVERIFY2(run.err.contains("EMU001"), run.err.constData());
    }

    void runsUntilStopped_data() {
        QTest::addColumn<int>("signal");
        QTest::newRow("SIGINT") << int(SIGINT);
        QTest::newRow("SIGTERM") << int(SIGTERM);
    }

    void runsUntilStopped() {
        QFETCH(int, signal);
        EmulatorProcess emulator;
        QVERIFY(emulator.start({u"--register"_s, kCert, u"--org"_s, kOrg, u"--call-center"_s, u"scv4cc1"_s}));
        QVERIFY(emulator.baseUrl().startsWith(u"http://127.0.0.1:"_s));
        const CliRun call = runHandoff({u"call"_s, u"test"_s, u"--base-url"_s, emulator.baseUrl(), u"--key"_s, kKey,
                                        u"--org"_s, kOrg, u"--call-center"_s, u"scv4cc1"_s, u"--to"_s,
                                        u"+14155550100"_s, u"--from"_s, u"tel:+14155550199"_s});
        QCOMPARE(call.exitCode, 0);
        const QList<QJsonObject> log = events(emulator.stop(signal));
        QCOMPARE(emulator.exitCode(), 0);
        QVERIFY(log.size() >= 3);
        QCOMPARE(log.at(0).value(u"event"_s).toString(), u"created"_s);
        QCOMPARE(log.at(0).value(u"voiceCallId"_s).toString().size(), 15);
        QCOMPARE(log.at(1).value(u"event"_s).toString(), u"request"_s);
        QCOMPARE(log.at(1).value(u"status"_s).toInt(), 201);
        QCOMPARE(log.constLast().value(u"event"_s).toString(), u"stopped"_s);
        QCOMPARE(log.constLast().value(u"created"_s).toInt(), 1);
    }

    void faultsFromTheCommandLine() {
        EmulatorProcess emulator;
        QVERIFY(emulator.start({u"--register"_s, kCert, u"--org"_s, kOrg, u"--call-center"_s, u"scv4cc1"_s,
                                u"--fault-once"_s, u"500"_s, u"--success-status"_s, u"200"_s}));
        const QStringList args{u"call"_s,          u"test"_s,
                               u"--base-url"_s,    emulator.baseUrl(),
                               u"--key"_s,         kKey,
                               u"--org"_s,         kOrg,
                               u"--call-center"_s, u"scv4cc1"_s,
                               u"--to"_s,          u"+14155550100"_s,
                               u"--from"_s,        u"+14155550199"_s,
                               u"--json"_s};
        const CliRun failed = runHandoff(args);
        QCOMPARE(failed.exitCode, 1);
        QCOMPARE(QJsonDocument::fromJson(failed.out).object().value(u"status"_s).toInt(), 500);
        const CliRun ok = runHandoff(args);
        QCOMPARE(ok.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(ok.out).object().value(u"status"_s).toInt(), 200);
    }

    void tlsPrintsThePin() {
        QTemporaryDir dir;
        const QString certFile = dir.filePath(u"emulator.pem"_s);
        EmulatorProcess emulator;
        QVERIFY(emulator.start({u"--tls"_s, u"--write-cert"_s, certFile, u"--register"_s, kCert, u"--org"_s, kOrg,
                                u"--call-center"_s, u"scv4cc1"_s}));
        QVERIFY(emulator.baseUrl().startsWith(u"https://127.0.0.1:"_s));
        QCOMPARE(emulator.pin().size(), 64);
        QStringList base{u"call"_s,          u"test"_s,
                         u"--base-url"_s,    emulator.baseUrl(),
                         u"--key"_s,         kKey,
                         u"--org"_s,         kOrg,
                         u"--call-center"_s, u"scv4cc1"_s,
                         u"--to"_s,          u"+14155550100"_s,
                         u"--from"_s,        u"+14155550199"_s,
                         u"--json"_s};
        const CliRun unpinned = runHandoff(base);
        QCOMPARE(unpinned.exitCode, 3);
        QVERIFY(unpinned.out.contains("TEL023"));
        QCOMPARE(runHandoff(base + QStringList{u"--pin"_s, emulator.pin()}).exitCode, 0);
        QCOMPARE(runHandoff(base + QStringList{u"--cacert"_s, certFile}).exitCode, 0);
    }
};

QTEST_GUILESS_MAIN(TestEmulatorCli)
#include "TestEmulatorCli.moc"
