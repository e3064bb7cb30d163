#include "../CliRunner.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

QString referenceDir() {
    const QString env = qEnvironmentVariable("HANDOFF_ARCHY_REFERENCE");
    return env.isEmpty() ? QStringLiteral(HANDOFF_SOURCE_DIR) + u"/../shared/reference/archy"_s : env;
}

QByteArray readFile(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestArchyCli : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString path(const QString& name) const { return m_dir.filePath(name); }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        const CliRun made = runHandoff({u"flow"_s, u"new"_s, u"--out"_s, path(u"p.handoff"_s)});
        QCOMPARE(made.exitCode, 0);
    }

    void exportWritesYamlAPyYamlReaderAccepts() {
        const CliRun run = runHandoff({u"export"_s, u"archy"_s, path(u"p.handoff"_s)});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY(run.out.startsWith("# Archy inboundCall flow"));
        QProcess py;
        py.start(u"python3"_s, {u"-c"_s, u"import sys, yaml; d = yaml.safe_load(sys.stdin.read()); "
                                         "print(d['inboundCall']['startUpRef'])"_s});
        py.write(run.out);
        py.closeWriteChannel();
        py.waitForFinished(30000);
        QCOMPARE(py.exitCode(), 0);
        QVERIFY(py.readAllStandardOutput().startsWith("/inboundCall/tasks/task["));
    }

    void exportImportExportIsStable() {
        const QString yaml = path(u"flow.yaml"_s);
        QCOMPARE(runHandoff({u"export"_s, u"archy"_s, path(u"p.handoff"_s), u"--out"_s, yaml}).exitCode, 0);
        // --out that exists: refused, the file untouched; --force replaces it.
        const QByteArray before = readFile(yaml);
        const CliRun again = runHandoff({u"export"_s, u"archy"_s, path(u"p.handoff"_s), u"--out"_s, yaml});
        QCOMPARE(again.exitCode, 3);
        QCOMPARE(readFile(yaml), before);
        QCOMPARE(runHandoff({u"export"_s, u"archy"_s, path(u"p.handoff"_s), u"--out"_s, yaml, u"--force"_s}).exitCode,
                 0);

        const CliRun imported =
            runHandoff({u"flow"_s, u"import"_s, u"archy"_s, yaml, u"--out"_s, path(u"back.handoff"_s)});
        QVERIFY2(imported.exitCode == 0, imported.err.constData());
        const CliRun second = runHandoff({u"export"_s, u"archy"_s, path(u"back.handoff"_s)});
        QCOMPARE(second.exitCode, 0);
        QCOMPARE(QString::fromUtf8(second.out), QString::fromUtf8(readFile(yaml)));
        // The imported project is a project like any other: its flow passes the flow's rules. It has no org
        // settings yet (Archy has none), and the success call says so with the UUI's own codes.
        const CliRun validated = runHandoff({u"flow"_s, u"validate"_s, path(u"back.handoff"_s)});
        const QByteArray text = validated.out + validated.err;
        QVERIFY2(validated.exitCode == 0 || validated.exitCode == 1, text.constData());
        for (const QByteArray& line : validated.err.split('\n')) {
            if (line.contains(": error ")) {
                QVERIFY2(line.contains("error UUI0") || line.contains("error FLW049"), line.constData());
            }
        }
    }

    void publishedFlowImportsValidatesAndSimulates() {
        const QString source = referenceDir() + u"/CacheExampleFlow.yaml"_s;
        if (!QFile::exists(source)) {
            QSKIP("../shared/reference/archy is not there (set HANDOFF_ARCHY_REFERENCE)");
        }
        const QString project = path(u"cache.handoff"_s);
        const CliRun run = runHandoff({u"flow"_s, u"import"_s, u"archy"_s, source, u"--out"_s, project, u"--json"_s});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonObject summary = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(summary.value(u"opaque"_s).toInt(), 2);
        QVERIFY(run.out.contains("EXP045"));

        const CliRun validated = runHandoff({u"flow"_s, u"validate"_s, project});
        QVERIFY(validated.exitCode == 0 || validated.exitCode == 1);
        const QByteArray validatedText = validated.out + validated.err;
        QVERIFY2(validatedText.contains("FLW027"), validatedText.constData());

        const CliRun simulated = runHandoff({u"flow"_s, u"simulate"_s, project});
        const QByteArray simulatedText = simulated.out + simulated.err;
        QVERIFY2(simulatedText.contains("FLW027"), simulatedText.constData());
        QVERIFY(simulated.exitCode == 1);

        const CliRun exported = runHandoff({u"export"_s, u"archy"_s, project, u"--allow-problems"_s});
        QCOMPARE(exported.exitCode, 0);
        QVERIFY(exported.out.contains("dataTableLookup:") && exported.out.contains("transferToAcd:"));
    }

    void templateIsRefusedWithItsPlace() {
        const QString source = referenceDir() + u"/DR-Fallback-Ivr.yaml"_s;
        if (!QFile::exists(source)) {
            QSKIP("../shared/reference/archy is not there (set HANDOFF_ARCHY_REFERENCE)");
        }
        const QString project = path(u"dr.handoff"_s);
        const CliRun run = runHandoff({u"flow"_s, u"import"_s, u"archy"_s, source, u"--out"_s, project});
        QCOMPARE(run.exitCode, 1);
        const QList<QByteArray> lines = readFile(source).split('\n');
        int line = 0;
        while (line < lines.size() && !lines[line].contains("{{ivr_callback}}")) {
            ++line;
        }
        QVERIFY2(run.err.contains(QByteArray("DR-Fallback-Ivr.yaml:" + QByteArray::number(line + 1) + ":")),
                 run.err.constData());
        QVERIFY(run.err.contains("EXP043"));
        QVERIFY(run.err.contains("unrendered template"));
        QVERIFY(!QFile::exists(project));
    }

    void badCommandLines() {
        QCOMPARE(runHandoff({u"flow"_s, u"import"_s, u"yaml"_s, u"x.yaml"_s, u"--out"_s, path(u"x"_s)}).exitCode, 2);
        QCOMPARE(runHandoff({u"flow"_s, u"import"_s, u"archy"_s, u"x.yaml"_s}).exitCode, 2);
        QCOMPARE(runHandoff({u"flow"_s, u"import"_s, u"archy"_s, path(u"missing.yaml"_s), u"--out"_s, path(u"m"_s)})
                     .exitCode,
                 3);
        QFile broken(path(u"broken.yaml"_s));
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write("inboundCall:\n  name: [x\n");
        broken.close();
        const CliRun run =
            runHandoff({u"flow"_s, u"import"_s, u"archy"_s, path(u"broken.yaml"_s), u"--out"_s, path(u"b.handoff"_s)});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.err.contains("EXP040"));
        QVERIFY(!QFile::exists(path(u"b.handoff"_s)));
        // An existing --out is not replaced by an import either.
        const CliRun exists =
            runHandoff({u"flow"_s, u"import"_s, u"archy"_s, path(u"flow.yaml"_s), u"--out"_s, path(u"p.handoff"_s)});
        QCOMPARE(exists.exitCode, 3);
    }
};

QTEST_GUILESS_MAIN(TestArchyCli)
#include "TestArchyCli.moc"
