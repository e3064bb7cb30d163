#include "../CliRunner.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

class TestCliId final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void printsBothForms() {
        const CliRun run = runHandoff({u"id"_s, u"0LQRM0000006CSz"_s});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out, QByteArray("15: 0LQRM0000006CSz\n18: 0LQRM0000006CSz4AM\nkind: VoiceCall (prefix 0LQ)\n"));
        QVERIFY(run.err.isEmpty());
    }

    void json_data() {
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("id15");
        QTest::addColumn<QString>("id18");
        QTest::addColumn<QString>("kind");
        QTest::newRow("15 in") << u"001A0000006Vm9r"_s << u"001A0000006Vm9r"_s << u"001A0000006Vm9rIAC"_s
                               << u"Account"_s;
        QTest::newRow("18 in") << u"00D50000000IZ3ZEAW"_s << u"00D50000000IZ3Z"_s << u"00D50000000IZ3ZEAW"_s
                               << u"Organization"_s;
        QTest::newRow("unknown prefix") << u"50130000009xYZ1AAM"_s << u"50130000009xYZ1"_s << u"50130000009xYZ1AAM"_s
                                        << u"Unknown"_s;
    }
    void json() {
        QFETCH(QString, id);
        QFETCH(QString, id15);
        QFETCH(QString, id18);
        QFETCH(QString, kind);
        const CliRun run = runHandoff({u"id"_s, id, u"--json"_s});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject object = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(object.value(u"id15"_s).toString(), id15);
        QCOMPARE(object.value(u"id18"_s).toString(), id18);
        QCOMPARE(object.value(u"kind"_s).toString(), kind);
    }

    void invalidIdsExitOneWithADiagnostic_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QByteArray>("code");
        QTest::newRow("length") << QStringList{u"00D5000"_s} << QByteArray("ID001");
        QTest::newRow("character") << QStringList{u"00D50000000IZ-Z"_s} << QByteArray("ID002");
        QTest::newRow("suffix") << QStringList{u"001A0000006Vm9rAAA"_s} << QByteArray("ID003");
        QTest::newRow("case") << QStringList{u"00d50000000iz3zeaw"_s} << QByteArray("ID004");
        QTest::newRow("kind") << QStringList{u"0LQRM0000006CSz"_s, u"--expect"_s, u"org"_s} << QByteArray("ID005");
    }
    void invalidIdsExitOneWithADiagnostic() {
        QFETCH(QStringList, args);
        QFETCH(QByteArray, code);
        const CliRun run = runHandoff(QStringList{u"id"_s} + args);
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QByteArray("error " + code + ": ")), run.err.constData());
        const CliRun json = runHandoff(QStringList{u"id"_s} + args + QStringList{u"--json"_s});
        QCOMPARE(json.exitCode, 1);
        const QJsonObject object = QJsonDocument::fromJson(json.out).object();
        QCOMPARE(object.value(u"diagnostics"_s).toArray().first().toObject().value(u"code"_s).toString(),
                 QString::fromLatin1(code));
    }

    void caseRepairIsSuggested() {
        const CliRun run = runHandoff({u"id"_s, u"00d50000000iz3zeaw"_s});
        QVERIFY(run.err.contains("00D50000000IZ3ZEAW"));
    }

    void usageErrors() {
        QCOMPARE(runHandoff({u"id"_s}).exitCode, 2);
        QCOMPARE(runHandoff({u"id"_s, u"a"_s, u"b"_s}).exitCode, 2);
        QCOMPARE(runHandoff({u"id"_s, u"00D50000000IZ3Z"_s, u"--expect"_s, u"planet"_s}).exitCode, 2);
        const CliRun help = runHandoff({u"id"_s, u"--help"_s});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains("--json"));
    }
};

QTEST_GUILESS_MAIN(TestCliId)
#include "TestCliId.moc"
