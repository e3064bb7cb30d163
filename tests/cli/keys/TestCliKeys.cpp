#include "../CliRunner.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;

namespace {
QString dataPath(const QString& name) {
    return QStringLiteral(HANDOFF_TEST_DATA) + u'/' + name;
}
QProcessEnvironment envWithPassphrase(const QString& passphrase) {
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"HANDOFF_KEY_PASSPHRASE"_s, passphrase);
    return env;
}
QProcessEnvironment envWithoutPassphrase() {
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(u"HANDOFF_KEY_PASSPHRASE"_s);
    return env;
}
QJsonObject jsonOf(const CliRun& run) {
    return QJsonDocument::fromJson(run.out).object();
}
} // namespace

class TestCliKeys final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void generateThenInspect() {
        QTemporaryDir dir;
        const QString key = dir.filePath(u"handoff.key"_s);
        const QString cert = dir.filePath(u"handoff.crt"_s);
        const CliRun run =
            runHandoff({u"keys"_s, u"generate"_s, u"--out-key"_s, key, u"--out-cert"_s, cert, u"--bits"_s, u"3072"_s,
                        u"--days"_s, u"90"_s, u"--cn"_s, u"Acme SCV"_s, u"--json"_s});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonObject made = jsonOf(run);
        QCOMPARE(made.value(u"bits"_s).toInt(), 3072);
        QCOMPARE(made.value(u"subject"_s).toString(), u"CN=Acme SCV"_s);
        QCOMPARE(made.value(u"encrypted"_s).toBool(), false);
        QVERIFY(!QFile::permissions(key).testFlag(QFileDevice::ReadOther));
        QVERIFY(!QFile::permissions(key).testFlag(QFileDevice::ReadGroup));

        const CliRun inspect = runHandoff({u"keys"_s, u"inspect"_s, key, cert, u"--json"_s});
        QVERIFY2(inspect.exitCode == 0, inspect.err.constData());
        const QJsonObject found = jsonOf(inspect);
        const QJsonArray files = found.value(u"files"_s).toArray();
        QCOMPARE(files.size(), 2);
        QCOMPARE(files.at(0).toObject().value(u"type"_s).toString(), u"privateKey"_s);
        QCOMPARE(files.at(1).toObject().value(u"type"_s).toString(), u"certificate"_s);
        QCOMPARE(files.at(1).toObject().value(u"sha256Fingerprint"_s).toString(),
                 made.value(u"sha256Fingerprint"_s).toString());
        QCOMPARE(files.at(0).toObject().value(u"publicKeySha256"_s),
                 files.at(1).toObject().value(u"publicKeySha256"_s));
        const QJsonArray matches = found.value(u"matches"_s).toArray();
        QCOMPARE(matches.size(), 1);
        QVERIFY(matches.first().toObject().value(u"match"_s).toBool());
    }

    // With --project and no --cn, the certificate is named after the project's call centre and org, not the app.
    void generateNamesTheCertificateAfterTheProject() {
        QTemporaryDir dir;
        const CliRun run =
            runHandoff({u"keys"_s, u"generate"_s, u"--out-key"_s, dir.filePath(u"k.pem"_s), u"--out-cert"_s,
                        dir.filePath(u"c.pem"_s), u"--project"_s,
                        QStringLiteral(HANDOFF_SOURCE_DIR "/resources/samples/sample.handoff"), u"--json"_s});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QCOMPARE(jsonOf(run).value(u"subject"_s).toString(), u"CN=acme_agentforce 00D5g000004XyZ1"_s);
        const CliRun given = runHandoff({u"keys"_s, u"generate"_s, u"--out-key"_s, dir.filePath(u"k2.pem"_s),
                                         u"--out-cert"_s, dir.filePath(u"c2.pem"_s), u"--project"_s,
                                         QStringLiteral(HANDOFF_SOURCE_DIR "/resources/samples/sample.handoff"),
                                         u"--cn"_s, u"Mine"_s, u"--json"_s});
        QCOMPARE(jsonOf(given).value(u"subject"_s).toString(), u"CN=Mine"_s);
        const CliRun missing =
            runHandoff({u"keys"_s, u"generate"_s, u"--out-key"_s, dir.filePath(u"k3.pem"_s), u"--out-cert"_s,
                        dir.filePath(u"c3.pem"_s), u"--project"_s, dir.filePath(u"missing.handoff"_s)});
        QCOMPARE(missing.exitCode, 3);
        QVERIFY(!QFile::exists(dir.filePath(u"k3.pem"_s)));
    }

    void generateNeverOverwrites() {
        QTemporaryDir dir;
        const QString key = dir.filePath(u"k.pem"_s);
        QFile existing(key);
        QVERIFY(existing.open(QIODevice::WriteOnly));
        existing.write("keep me");
        existing.close();
        const CliRun run =
            runHandoff({u"keys"_s, u"generate"_s, u"--out-key"_s, key, u"--out-cert"_s, dir.filePath(u"c.pem"_s)});
        QCOMPARE(run.exitCode, 3);
        QVERIFY(run.err.contains("KEY015"));
        QVERIFY(existing.open(QIODevice::ReadOnly));
        QCOMPARE(existing.readAll(), QByteArray("keep me"));
        QVERIFY(!QFile::exists(dir.filePath(u"c.pem"_s)));
    }

    void generateEncrypted() {
        QTemporaryDir dir;
        const QString key = dir.filePath(u"k.pem"_s);
        const CliRun run = runHandoff(
            {u"keys"_s, u"generate"_s, u"--out-key"_s, key, u"--out-cert"_s, dir.filePath(u"c.pem"_s), u"--encrypt"_s},
            {}, envWithPassphrase(u"s3cret phrase"_s));
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QFile file(key);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.readAll().startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----"));
        // Passphrase typed on standard input, twice when generating.
        const QString key2 = dir.filePath(u"k2.pem"_s);
        const CliRun typed = runHandoff({u"keys"_s, u"generate"_s, u"--out-key"_s, key2, u"--out-cert"_s,
                                         dir.filePath(u"c2.pem"_s), u"--encrypt"_s},
                                        "typed phrase\ntyped phrase\n", envWithoutPassphrase());
        QVERIFY2(typed.exitCode == 0, typed.err.constData());
        const CliRun differ = runHandoff({u"keys"_s, u"generate"_s, u"--out-key"_s, dir.filePath(u"k3.pem"_s),
                                          u"--out-cert"_s, dir.filePath(u"c3.pem"_s), u"--encrypt"_s},
                                         "one\ntwo\n", envWithoutPassphrase());
        QCOMPARE(differ.exitCode, 2);
        QVERIFY(!QFile::exists(dir.filePath(u"k3.pem"_s)));
        // The key opens with the passphrase only.
        QCOMPARE(runHandoff({u"keys"_s, u"inspect"_s, key2}, "typed phrase\n", envWithoutPassphrase()).exitCode, 0);
        const CliRun wrong = runHandoff({u"keys"_s, u"inspect"_s, key2}, "nope\n", envWithoutPassphrase());
        QCOMPARE(wrong.exitCode, 1);
        QVERIFY(wrong.err.contains("KEY005"));
    }

    void generateUsageErrors_data() {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("no outputs") << QStringList{};
        QTest::newRow("bad bits") << QStringList{u"--out-key"_s, u"k"_s,      u"--out-cert"_s,
                                                 u"c"_s,         u"--bits"_s, u"1000"_s};
        QTest::newRow("bad days") << QStringList{u"--out-key"_s, u"k"_s, u"--out-cert"_s, u"c"_s, u"--days"_s, u"x"_s};
    }
    void generateUsageErrors() {
        QFETCH(QStringList, args);
        const CliRun run = runHandoff(QStringList{u"keys"_s, u"generate"_s} + args);
        QCOMPARE(run.exitCode, 2);
    }

    void inspectReportsProblems_data() {
        QTest::addColumn<QStringList>("files");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QByteArray>("code");
        QTest::newRow("EC key") << QStringList{u"ec-p256-test-only.pem"_s} << 1 << QByteArray("KEY006");
        QTest::newRow("1024 bits") << QStringList{u"rsa1024-test-only.pem"_s} << 0 << QByteArray("KEY007");
        QTest::newRow("not matching") << QStringList{u"rsa2048-pkcs1-test-only.pem"_s,
                                                     u"other-rsa2048-test-only.crt.pem"_s}
                                      << 1 << QByteArray("KEY009");
        QTest::newRow("garbage") << QStringList{u"garbage-test-only.pem"_s} << 1 << QByteArray("KEY013");
        QTest::newRow("truncated key") << QStringList{u"truncated-test-only.pem"_s} << 1 << QByteArray("KEY003");
        QTest::newRow("missing file") << QStringList{u"no-such-test-only.pem"_s} << 3 << QByteArray("KEY001");
    }
    void inspectReportsProblems() {
        QFETCH(QStringList, files);
        QFETCH(int, exitCode);
        QFETCH(QByteArray, code);
        QStringList args{u"keys"_s, u"inspect"_s};
        for (const QString& file : std::as_const(files)) {
            args << dataPath(file);
        }
        const CliRun run = runHandoff(args);
        QCOMPARE(run.exitCode, exitCode);
        QVERIFY2(run.err.contains(code), run.err.constData());
    }

    void inspectKeyAndCertificateInOneFile() {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"combined.pem"_s);
        QFile combined(path);
        QVERIFY(combined.open(QIODevice::WriteOnly));
        for (const QString& name : {u"rsa2048-test-only.crt.pem"_s, u"rsa2048-pkcs1-test-only.pem"_s}) {
            QFile part(dataPath(name));
            QVERIFY(part.open(QIODevice::ReadOnly));
            combined.write(part.readAll());
        }
        combined.close();
        QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        const CliRun run = runHandoff({u"keys"_s, u"inspect"_s, path, u"--json"_s});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonObject found = jsonOf(run);
        const QJsonArray files = found.value(u"files"_s).toArray();
        QCOMPARE(files.size(), 2);
        QCOMPARE(files.at(0).toObject().value(u"type"_s).toString(), u"privateKey"_s);
        QCOMPARE(files.at(1).toObject().value(u"type"_s).toString(), u"certificate"_s);
        QVERIFY(found.value(u"matches"_s).toArray().first().toObject().value(u"match"_s).toBool());
        const CliRun text = runHandoff({u"keys"_s, u"inspect"_s, path});
        QVERIFY(text.out.contains("The key and the certificate in"));
    }

    void inspectDerCertificateAndEncryptedKey() {
        const CliRun run = runHandoff({u"keys"_s, u"inspect"_s, dataPath(u"rsa2048-pkcs8-encrypted-test-only.pem"_s),
                                       dataPath(u"rsa2048-test-only.crt.der"_s)},
                                      {}, envWithPassphrase(u"handoff-test-only"_s));
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY(run.out.contains("private key"));
        QVERIFY(run.out.contains("encrypted PKCS#8"));
        QVERIFY(run.out.contains(
            "8f:68:3e:79:45:ce:5f:18:82:0d:31:25:b6:87:21:35:98:b8:aa:af:b6:fe:f4:f2:2a:e3:49:96:0d:7e:a6:01"));
        QVERIFY(run.out.contains("belong together"));
    }
};

QTEST_GUILESS_MAIN(TestCliKeys)
#include "TestCliKeys.moc"
