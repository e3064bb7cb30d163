#include "../CliRunner.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

QByteArray readFile(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

// `handoff env ...` and --env: environments from the command line (docs/environments.md).
class TestEnvCli : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_project;

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_project = m_dir.filePath(u"p.handoff"_s);
        QVERIFY(QFile::copy(QStringLiteral(HANDOFF_SOURCE_DIR "/resources/samples/sample.handoff"), m_project));
        QFile::setPermissions(m_project, QFile::ReadOwner | QFile::WriteOwner);
    }

    void addListAndDefault() {
        const CliRun added =
            runHandoff({u"env"_s, u"add"_s, m_project, u"sandbox"_s, u"--org-id"_s, u"00DSB0000000001"_s,
                        u"--scrt2-domain"_s, u"acme--uat.sandbox.my.salesforce-scrt.com"_s, u"--call-center"_s,
                        u"acme_uat"_s, u"--sip-address"_s, u"+15550100999"_s, u"--json"_s});
        QVERIFY2(added.exitCode == 0, added.err.constData());
        const QJsonObject answer = QJsonDocument::fromJson(added.out).object();
        QCOMPARE(answer.value(u"environment"_s).toObject().value(u"orgId"_s).toString(), u"00DSB0000000001"_s);

        const CliRun list = runHandoff({u"env"_s, u"list"_s, m_project, u"--json"_s});
        QCOMPARE(list.exitCode, 0);
        const QJsonObject listed = QJsonDocument::fromJson(list.out).object();
        QCOMPARE(listed.value(u"default"_s).toString(), u"production"_s); // adding does not switch
        const QJsonArray environments = listed.value(u"environments"_s).toArray();
        QCOMPARE(environments.size(), 2);
        QCOMPARE(environments.at(1).toObject().value(u"sipAddress"_s).toString(), u"+15550100999"_s);
        QCOMPARE(environments.at(0).toObject().value(u"orgId"_s).toString(), u"00D5g000004XyZ1"_s);
    }

    // Refused changes: a clear code, exit 1, the file byte for byte as it was.
    void refusedChangesLeaveTheFile_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("code");
        QTest::newRow("a name in use") << QStringList{u"add"_s, u"SANDBOX"_s} << u"PRJ011"_s;
        QTest::newRow("a bad name") << QStringList{u"add"_s, u"uat test"_s} << u"PRJ010"_s;
        QTest::newRow("remove an unknown one") << QStringList{u"remove"_s, u"staging"_s} << u"PRJ012"_s;
        QTest::newRow("a SIP address that is no E.164")
            << QStringList{u"set"_s, u"--env"_s, u"sandbox"_s, u"--sip-address"_s, u"agent@example.com"_s}
            << u"PRJ009"_s;
        QTest::newRow("an org id that is none") << QStringList{u"set"_s, u"--org-id"_s, u"00Dnope"_s} << u"ID001"_s;
    }
    void refusedChangesLeaveTheFile() {
        QFETCH(QStringList, args);
        QFETCH(QString, code);
        const QByteArray before = readFile(m_project);
        QStringList command{u"env"_s, args.takeFirst(), m_project};
        command.append(args);
        const CliRun run = runHandoff(command);
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(code.toUtf8()), run.err.constData());
        QCOMPARE(readFile(m_project), before);
    }

    void anUnknownEnvironmentIsAUsageError() {
        const QByteArray before = readFile(m_project);
        for (const QStringList& args :
             {QStringList{u"preflight"_s, m_project, u"--env"_s, u"staging"_s},
              QStringList{u"flow"_s, u"simulate"_s, m_project, u"--env"_s, u"staging"_s},
              QStringList{u"export"_s, u"archy"_s, m_project, u"--env"_s, u"staging"_s},
              QStringList{u"uui"_s, u"compose"_s, u"--project"_s, m_project, u"--env"_s, u"staging"_s}}) {
            const CliRun run = runHandoff(args);
            QVERIFY2(run.exitCode == 2, qPrintable(args.join(u' ') + u": "_s + QString::fromUtf8(run.err)));
            QVERIFY2(run.err.contains("PRJ012") && run.err.contains("production, sandbox"), run.err.constData());
        }
        QCOMPARE(readFile(m_project), before);
    }

    // --env runs a command in that environment; the file still opens on its default.
    void simulateAndPreflightInAnEnvironment() {
        const QByteArray before = readFile(m_project);
        const CliRun sandbox = runHandoff({u"flow"_s, u"simulate"_s, m_project, u"--env"_s, u"sandbox"_s});
        QVERIFY2(sandbox.exitCode == 0, sandbox.err.constData());
        QVERIFY(sandbox.out.contains("INVITE sip:+15550100999@"));
        QVERIFY(sandbox.out.contains("salesforceOrgId = \"00DSB0000000001\""));
        QVERIFY(sandbox.out.contains("End: transferred"));
        const CliRun production = runHandoff({u"flow"_s, u"simulate"_s, m_project});
        QVERIFY(production.out.contains("INVITE sip:+15550100100@"));

        const CliRun preflight =
            runHandoff({u"preflight"_s, m_project, u"--env"_s, u"sandbox"_s, u"--emulator"_s, u"--json"_s});
        const QJsonObject report = QJsonDocument::fromJson(preflight.out).object();
        QCOMPARE(report.value(u"environment"_s).toString(), u"sandbox"_s);
        QCOMPARE(readFile(m_project), before);
    }

    // The Archy export for one environment holds a Set UUI Data for each, read here by PyYAML.
    void archyExportHasOneSetUuiDataPerEnvironment() {
        const CliRun run = runHandoff({u"export"_s, u"archy"_s, m_project, u"--env"_s, u"sandbox"_s});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QProcess py;
        py.start(u"python3"_s, {u"-c"_s, u"import sys, yaml\n"
                                         "d = yaml.safe_load(sys.stdin.read())['inboundCall']\n"
                                         "found = []\n"
                                         "def walk(n):\n"
                                         "    if isinstance(n, dict):\n"
                                         "        for k, v in n.items():\n"
                                         "            if k == 'setUUIData': found.append(v['name'])\n"
                                         "            walk(v)\n"
                                         "    elif isinstance(n, list):\n"
                                         "        for v in n: walk(v)\n"
                                         "walk(d)\n"
                                         "env = [v for v in d['variables'] if 'HandoffEnvironment' in str(v)]\n"
                                         "print(len(found), sorted(found), len(env))\n"_s});
        py.write(run.out);
        py.closeWriteChannel();
        py.waitForFinished(30000);
        QCOMPARE(py.exitCode(), 0);
        const QByteArray out = py.readAllStandardOutput();
        QVERIFY2(out.startsWith("2 ") && out.contains("(production)") && out.contains("(sandbox)") &&
                     out.trimmed().endsWith(" 1"),
                 out.constData());
    }

    void renameAndRemove() {
        QCOMPARE(runHandoff({u"env"_s, u"default"_s, m_project, u"sandbox"_s}).exitCode, 0);
        QCOMPARE(runHandoff({u"env"_s, u"rename"_s, m_project, u"sandbox"_s, u"uat"_s}).exitCode, 0);
        const QJsonObject listed =
            QJsonDocument::fromJson(runHandoff({u"env"_s, u"list"_s, m_project, u"--json"_s}).out).object();
        QCOMPARE(listed.value(u"default"_s).toString(), u"uat"_s);
        QCOMPARE(runHandoff({u"env"_s, u"remove"_s, m_project, u"production"_s}).exitCode, 0);
        const CliRun last = runHandoff({u"env"_s, u"remove"_s, m_project, u"uat"_s});
        QCOMPARE(last.exitCode, 1);
        QVERIFY(last.err.contains("PRJ013"));
    }
};

QTEST_GUILESS_MAIN(TestEnvCli)
#include "TestEnvCli.moc"
