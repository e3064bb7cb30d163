#include "../CliRunner.h"
#include "project/ProjectFile.h"
#include "uui/SipHeaderBudget.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;
using namespace handoff;

namespace {

QByteArray readFile(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeFile(const QString& path, const QByteArray& data) {
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(data) == data.size();
}

// 1-based line of the first occurrence of `needle` in `text`.
int lineOf(const QByteArray& text, const QByteArray& needle) {
    const qsizetype at = text.indexOf(needle);
    return at < 0 ? -1 : int(text.left(at).count('\n')) + 1;
}

QJsonObject jsonOf(const QByteArray& out) {
    return QJsonDocument::fromJson(out).object();
}

const QStringList kOrg{u"--org-id"_s,       u"00D000000000001"_s,
                       u"--scrt2-domain"_s, u"mycompany.my.salesforce-scrt.com"_s,
                       u"--call-center"_s,  u"scv4cc1"_s};

} // namespace

class TestFlowCli final : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    // A new project from the template. `headerLine`: the limit read on the whole header line (the strictest
    // reading), under which no UUI with a 2048-bit token fits; else the default, the decoded data.
    QString newProject(const QString& name, bool headerLine = false) {
        const QString path = m_dir.filePath(name);
        const CliRun run = runHandoff(
            QStringList{u"flow"_s, u"new"_s, u"--template"_s, u"sip-transfer"_s, u"--out"_s, path, u"--force"_s} +
            kOrg);
        if (run.exitCode != 0) {
            return {};
        }
        if (headerLine) {
            QByteArray text = readFile(path);
            text.replace("\"limitAppliesTo\": \"decodedData\"", "\"limitAppliesTo\": \"headerLine\"");
            writeFile(path, text);
        }
        return path;
    }

    // A project whose flow reads the UUI token from a pasted Flow.uuiToken (the article's way), so the window
    // mode has a token that expires.
    QString pastedTokenProject(const QString& name) {
        const QString path = newProject(name);
        QByteArray text = readFile(path);
        CliRun run = runHandoff({u"flow"_s, u"edit"_s, path, u"var-add"_s, u"Flow.uuiToken"_s});
        if (run.exitCode != 0) {
            return {};
        }
        text = readFile(path);
        // Supplied by the project's token policy, as a pasted token would be.
        text.replace("\"name\": \"Flow.uuiToken\",",
                     "\"name\": \"Flow.uuiToken\", \"suppliedBy\": \"projectUuiToken\",");
        writeFile(path, text);
        run = runHandoff({u"flow"_s, u"edit"_s, path, u"set"_s, u"set-uui"_s, u"tokenVariable=Flow.uuiToken"_s});
        return run.exitCode == 0 ? path : QString();
    }

private Q_SLOTS:
    void init() { QVERIFY(m_dir.isValid()); }

    void newWritesAProjectToStdout() {
        const CliRun run = runHandoff({u"flow"_s, u"new"_s, u"--template"_s, u"sip-transfer"_s});
        QCOMPARE(run.exitCode, 0);
        const auto loaded = project::ProjectFile::parse(run.out);
        QVERIFY2(loaded.has_value(), qPrintable(loaded ? QString() : loaded.error().message));
        QCOMPARE(loaded->fileVersion, project::ProjectFile::kCurrentVersion);
        QCOMPARE(loaded->project.flow.actionCount(), 15);
        QCOMPARE(loaded->project.flow.tasks.size(), 2);
        QCOMPARE(loaded->project.scenarios.size(), 3);
    }

    void newOutIsAtomicAndDoesNotOverwrite() {
        const QString path = m_dir.filePath(u"new.handoff"_s);
        CliRun run = runHandoff({u"flow"_s, u"new"_s, u"--out"_s, path, u"--json"_s});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(jsonOf(run.out).value(u"actions"_s).toInt(), 15);
        const QByteArray first = readFile(path);
        QVERIFY(!first.isEmpty());
        run = runHandoff({u"flow"_s, u"new"_s, u"--out"_s, path, u"--name"_s, u"other"_s});
        QCOMPARE(run.exitCode, 3);
        QCOMPARE(readFile(path), first);
        run = runHandoff({u"flow"_s, u"new"_s, u"--out"_s, path, u"--name"_s, u"other"_s, u"--force"_s});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(readFile(path) != first);
    }

    void newUsageErrors_data() {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("unknown template") << QStringList{u"--template"_s, u"ivr"_s};
        QTest::newRow("bad number") << QStringList{u"--number"_s, u"555-0100"_s};
        QTest::newRow("positional") << QStringList{u"file.handoff"_s};
    }

    void newUsageErrors() {
        QFETCH(QStringList, args);
        const CliRun run = runHandoff(QStringList{u"flow"_s, u"new"_s} + args);
        QCOMPARE(run.exitCode, 2);
        QVERIFY(!run.err.isEmpty());
    }

    void templateValidatesClean() {
        const QString path = newProject(u"clean.handoff"_s);
        QVERIFY(!path.isEmpty());
        CliRun run = runHandoff({u"flow"_s, u"validate"_s, path});
        QCOMPARE(run.exitCode, 0);
        // Nothing but the information that the header line is over 1,024 (the limit applies to the decoded data).
        QVERIFY2(!run.err.contains(" error ") && !run.err.contains(" warning "), run.err.constData());
        QVERIFY(run.err.contains("info SIP007"));
        run = runHandoff({u"flow"_s, u"validate"_s, path, u"--json"_s});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(jsonOf(run.out).value(u"ok"_s).toBool(), true);
        for (const QJsonValue d : jsonOf(run.out).value(u"diagnostics"_s).toArray()) {
            QCOMPARE(d.toObject().value(u"severity"_s).toString(), u"info"_s); // SIP007, and UUI032 for SCV
        }
    }

    // A rule's diagnostic points at the line and column of the field in the project file.
    void validateProblemsAreLocated() {
        const QString path = newProject(u"agent.handoff"_s);
        QByteArray text = readFile(path);
        QVERIFY(text.contains("\"target\": \"Caller\""));
        text.replace("\"target\": \"Caller\"", "\"target\": \"Agent\"");
        QVERIFY(writeFile(path, text));
        const CliRun run = runHandoff({u"flow"_s, u"validate"_s, path});
        QCOMPARE(run.exitCode, 1);
        const int line = lineOf(text, "\"target\": \"Agent\"");
        const int column =
            int(text.indexOf("\"target\": \"Agent\"") - text.lastIndexOf('\n', text.indexOf("\"target\": \"Agent\"")));
        const QByteArray expected =
            path.toUtf8() + ':' + QByteArray::number(line) + ':' + QByteArray::number(column) + ": error FLW016: ";
        QVERIFY2(run.err.contains(expected), run.err.constData());
        const CliRun json = runHandoff({u"flow"_s, u"validate"_s, path, u"--json"_s});
        QCOMPARE(json.exitCode, 1);
        const QJsonObject first = jsonOf(json.out).value(u"diagnostics"_s).toArray().first().toObject();
        QCOMPARE(first.value(u"code"_s).toString(), u"FLW016"_s);
        QCOMPARE(first.value(u"line"_s).toInt(), line);
        // Located by id, as data: the task, the action and its property.
        QCOMPARE(first.value(u"task"_s).toString(), u"main"_s);
        QCOMPARE(first.value(u"action"_s).toString(), u"post-flow"_s);
        QCOMPARE(first.value(u"property"_s).toString(), u"props.target"_s);
    }

    // Without Set Post-Flow an escalation drops the caller: a warning (Architect publishes such a flow), located at
    // the transfer, that does not change the exit code; putting one back clears it.
    void missingPostFlowIsAWarningAtTheTransfer() {
        const QString path = newProject(u"nopost.handoff"_s);
        CliRun run = runHandoff({u"flow"_s, u"edit"_s, path, u"remove"_s, u"post-flow"_s});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        run = runHandoff({u"flow"_s, u"validate"_s, path, u"--json"_s});
        QCOMPARE(run.exitCode, 0);
        QJsonObject found;
        for (const QJsonValue d : jsonOf(run.out).value(u"diagnostics"_s).toArray()) {
            if (d.toObject().value(u"code"_s).toString() == u"FLW050"_s) {
                found = d.toObject();
            }
        }
        QVERIFY2(!found.isEmpty(), run.out.constData());
        QCOMPARE(found.value(u"severity"_s).toString(), u"warning"_s);
        QCOMPARE(found.value(u"action"_s).toString(), u"transfer"_s);
        QCOMPARE(found.value(u"task"_s).toString(), u"main"_s);
        QVERIFY(found.value(u"line"_s).toInt() > 0);

        run = runHandoff({u"flow"_s, u"edit"_s, path, u"insert"_s, u"setPostFlow"_s, u"--task"_s, u"main"_s,
                          u"--index"_s, u"0"_s, u"--id"_s, u"post-flow"_s});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        run = runHandoff({u"flow"_s, u"validate"_s, path});
        QVERIFY2(!run.err.contains("FLW050"), run.err.constData());
    }

    void malformedProjectsGiveLocatedErrors_data() {
        QTest::addColumn<QByteArray>("from");
        QTest::addColumn<QByteArray>("to");
        QTest::addColumn<QByteArray>("code");
        QTest::addColumn<QByteArray>("lineOfText");
        QTest::newRow("json syntax") << QByteArray("\"kind\": \"disconnect\",")
                                     << QByteArray("\"kind\": \"disconnect\",,") << QByteArray("PRJ001")
                                     << QByteArray("\"kind\": \"disconnect\",,");
        QTest::newRow("unknown action kind")
            << QByteArray("\"kind\": \"disconnect\"") << QByteArray("\"kind\": \"hangUp\"") << QByteArray("FLW005")
            << QByteArray("\"kind\": \"hangUp\"");
        QTest::newRow("wrong mode") << QByteArray("\"mode\": \"transfer\"") << QByteArray("\"mode\": \"both\"")
                                    << QByteArray("FLW005") << QByteArray("\"mode\": \"both\"");
        QTest::newRow("bad scenario") << QByteArray("\"dataAction\": \"timeout\"")
                                      << QByteArray("\"dataAction\": \"later\"") << QByteArray("FLW005")
                                      << QByteArray("\"dataAction\": \"later\"");
    }

    void malformedProjectsGiveLocatedErrors() {
        QFETCH(QByteArray, from);
        QFETCH(QByteArray, to);
        QFETCH(QByteArray, code);
        QFETCH(QByteArray, lineOfText);
        const QString path = newProject(u"broken.handoff"_s);
        QByteArray text = readFile(path);
        QVERIFY2(text.contains(from), from.constData());
        text.replace(text.indexOf(from), from.size(), to);
        QVERIFY(writeFile(path, text));
        for (const QString& command : {u"validate"_s, u"simulate"_s, u"matrix"_s}) {
            const CliRun run = runHandoff({u"flow"_s, command, path});
            QCOMPARE(run.exitCode, 3);
            const QByteArray prefix = path.toUtf8() + ':' + QByteArray::number(lineOf(text, lineOfText)) + ':';
            QVERIFY2(run.err.startsWith(prefix), run.err.constData());
            QVERIFY2(run.err.contains(QByteArray(": error " + code + ": ")), run.err.constData());
        }
    }

    void simulateSuccessTransfers() {
        const QString path = newProject(u"fits.handoff"_s);
        CliRun run = runHandoff({u"flow"_s, u"simulate"_s, path, u"--at"_s, u"2026-03-02T09:00:00Z"_s});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains("End: transferred at transfer after 8 actions."));
        QVERIFY(run.out.contains("INVITE sip:+15550100100@agentforce-voice.invalid;transport=tls SIP/2.0"));
        QVERIFY(run.out.contains("the caller goes to inboundCall \"Escalation to Rep\""));

        run = runHandoff({u"flow"_s, u"simulate"_s, path, u"--at"_s, u"2026-03-02T09:00:00Z"_s, u"--json"_s});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject trace = jsonOf(run.out);
        QCOMPARE(trace.value(u"end"_s).toString(), u"transferred"_s);
        QCOMPARE(trace.value(u"call"_s).toObject().value(u"startTime"_s).toString(), u"2026-03-02T09:00:00Z"_s);
        const QJsonArray steps = trace.value(u"steps"_s).toArray();
        QCOMPARE(steps.size(), 8);
        const QJsonObject data = steps[3].toObject();
        QCOMPARE(data.value(u"inputs"_s).toObject().value(u"from"_s).toString(), u"tel:+14155550100"_s);
        QCOMPARE(data.value(u"inputs"_s).toObject().value(u"vendorCallKey"_s).toString(),
                 trace.value(u"call"_s).toObject().value(u"conversationId"_s).toString());

        // The User-to-User header of the INVITE decodes back to the UUI JSON of Set UUI Data.
        const QByteArray uuiJson = steps[6].toObject().value(u"uui"_s).toObject().value(u"json"_s).toString().toUtf8();
        QString header;
        for (const QJsonValue h : steps[7].toObject().value(u"invite"_s).toObject().value(u"headers"_s).toArray()) {
            if (h.toString().startsWith(u"User-to-User: "_s)) {
                header = h.toString();
            }
        }
        QVERIFY(!header.isEmpty());
        const auto loaded = project::ProjectFile::load(path);
        QVERIFY(loaded.has_value());
        const auto decoded = uui::decodeHeaderValue(header.mid(QStringLiteral("User-to-User: ").size()).toLatin1(),
                                                    loaded->project.trunk);
        QVERIFY(decoded.has_value());
        QCOMPARE(*decoded, uuiJson);
        QCOMPARE(QJsonDocument::fromJson(*decoded).object().value(u"orgId"_s).toString(), u"00D000000000001"_s);
        // The 18-character VoiceCall id the function returns.
        QCOMPARE(QJsonDocument::fromJson(*decoded).object().value(u"callId"_s).toString().size(), 18);
    }

    void simulateOutcomes_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("end");
        QTest::addColumn<QString>("endAction");
        QTest::newRow("failure") << QStringList{u"--outcome"_s, u"failure"_s} << 0 << u"disconnected"_s
                                 << u"failure-disconnect"_s;
        QTest::newRow("timeout") << QStringList{u"--outcome"_s, u"timeout"_s} << 0 << u"disconnected"_s
                                 << u"failure-disconnect"_s;
        QTest::newRow("transfer fails") << QStringList{u"--transfer"_s, u"fail"_s} << 0 << u"disconnected"_s
                                        << u"transfer-failed-disconnect"_s;
        QTest::newRow("scenario") << QStringList{u"--scenario"_s, u"voicecall-times-out"_s} << 0 << u"disconnected"_s
                                  << u"failure-disconnect"_s;
    }

    void simulateOutcomes() {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, end);
        QFETCH(QString, endAction);
        const QString path = newProject(u"outcomes.handoff"_s);
        const CliRun run = runHandoff(QStringList{u"flow"_s, u"simulate"_s, path, u"--json"_s} + args);
        QCOMPARE(run.exitCode, exitCode);
        const QJsonObject trace = jsonOf(run.out);
        QCOMPARE(trace.value(u"end"_s).toString(), end);
        QCOMPARE(trace.value(u"endAction"_s).toString(), endAction);
    }

    // A reused (pasted) token minted 25 hours before the call has expired: the UUI rules and the transfer say so.
    void simulateExpiredPastedToken() {
        const QString path = pastedTokenProject(u"pasted.handoff"_s);
        QVERIFY(!path.isEmpty());
        const CliRun run = runHandoff({u"flow"_s, u"simulate"_s, path, u"--json"_s, u"--at"_s,
                                       u"2026-03-03T10:00:00Z"_s, u"--token-issued-at"_s, u"2026-03-02T09:00:00Z"_s});
        QCOMPARE(run.exitCode, 1);
        const QJsonObject trace = jsonOf(run.out);
        QCOMPARE(trace.value(u"endAction"_s).toString(), u"transfer-failed-disconnect"_s);
        QStringList found;
        for (const QJsonValue d : trace.value(u"diagnostics"_s).toArray()) {
            found.append(d.toObject().value(u"code"_s).toString());
        }
        QVERIFY2(found.contains(u"UUI022"_s) && found.contains(u"FLW042"_s), qPrintable(found.join(u',')));
    }

    void simulateHeaderLineDoesNotFit() {
        const QString path = newProject(u"hex.handoff"_s, true);
        const CliRun run = runHandoff({u"flow"_s, u"simulate"_s, path});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.out.contains("The UUI does NOT fit"));
        QVERIFY(run.err.contains("error FLW041"));
        QVERIFY(run.err.contains("error SIP001"));
    }

    void simulateUsageErrors_data() {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("outcome") << QStringList{u"--outcome"_s, u"maybe"_s};
        QTest::newRow("transfer") << QStringList{u"--transfer"_s, u"perhaps"_s};
        QTest::newRow("time") << QStringList{u"--at"_s, u"tomorrow"_s};
        QTest::newRow("scenario") << QStringList{u"--scenario"_s, u"nope"_s};
        QTest::newRow("seed") << QStringList{u"--seed"_s, u"x"_s};
    }

    void simulateUsageErrors() {
        QFETCH(QStringList, args);
        const QString path = newProject(u"usage.handoff"_s);
        const CliRun run = runHandoff(QStringList{u"flow"_s, u"simulate"_s, path} + args);
        QCOMPARE(run.exitCode, 2);
    }

    void matrixCoversAllPaths() {
        const QString path = newProject(u"matrix.handoff"_s);
        CliRun run = runHandoff({u"flow"_s, u"matrix"_s, path, u"--json"_s});
        QCOMPARE(run.exitCode, 0);
        const QJsonArray rows = jsonOf(run.out).value(u"rows"_s).toArray();
        QCOMPARE(rows.size(), 6);
        QSet<QString> ends;
        for (const QJsonValue row : rows) {
            QVERIFY(row.toObject().value(u"ok"_s).toBool());
            ends.insert(row.toObject().value(u"endAction"_s).toString());
        }
        QCOMPARE(ends, (QSet<QString>{u"transfer"_s, u"transfer-failed-disconnect"_s, u"failure-disconnect"_s}));
        // Read on the header line: the all-success combination does not reach the agent, and validate says so too.
        const QString hex = newProject(u"matrix-hex.handoff"_s, true);
        run = runHandoff({u"flow"_s, u"matrix"_s, hex});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.out.contains("BAD: "));
        QVERIFY(run.err.contains("error FLW046"));
        run = runHandoff({u"flow"_s, u"validate"_s, hex});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("error SIP001"), run.err.constData());
    }

    void windowFindsTheExpiryHourOfA24hToken() {
        const QString path = pastedTokenProject(u"window.handoff"_s);
        QVERIFY(!path.isEmpty());
        CliRun run = runHandoff({u"flow"_s, u"window"_s, path, u"--hours"_s, u"48"_s, u"--calls-per-hour"_s, u"3"_s,
                                 u"--start"_s, u"2026-03-02T00:00:00Z"_s, u"--json"_s});
        QCOMPARE(run.exitCode, 1);
        const QJsonObject report = jsonOf(run.out);
        QCOMPARE(report.value(u"calls"_s).toInt(), 144);
        QCOMPARE(report.value(u"transferred"_s).toInt(), 72);
        QCOMPARE(report.value(u"firstFailingHour"_s).toInt(), 24);
        QCOMPARE(report.value(u"firstFailure"_s).toString(), u"2026-03-03T00:00:00Z"_s);
        QCOMPARE(report.value(u"firstFailureCode"_s).toString(), u"UUI022"_s);
        // Minted again every 12 hours, or per call: no failures.
        for (const QStringList& extra : {QStringList{u"--refresh-hours"_s, u"12"_s}, QStringList{u"--per-call"_s}}) {
            run = runHandoff(
                QStringList{u"flow"_s, u"window"_s, path, u"--hours"_s, u"48"_s, u"--calls-per-hour"_s, u"3"_s} +
                extra);
            QCOMPARE(run.exitCode, 0);
        }
        run = runHandoff({u"flow"_s, u"window"_s, path, u"--hours"_s, u"0"_s});
        QCOMPARE(run.exitCode, 2);
        // The template's function mints a token per call: 48 hours without a failure.
        run = runHandoff({u"flow"_s, u"window"_s, newProject(u"minted.handoff"_s), u"--hours"_s, u"48"_s});
        QCOMPARE(run.exitCode, 0);
    }

    // The bundled sample: validate, simulate to the agent with an 18-character callId, and a matrix without a BAD row.
    void bundledSampleReachesTheAgent() {
        const QString sample = QStringLiteral(HANDOFF_SOURCE_DIR "/resources/samples/sample.handoff");
        CliRun run = runHandoff({u"flow"_s, u"validate"_s, sample});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        run = runHandoff({u"flow"_s, u"simulate"_s, sample, u"--json"_s});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonObject trace = jsonOf(run.out);
        QCOMPARE(trace.value(u"end"_s).toString(), u"transferred"_s);
        for (const QJsonValue step : trace.value(u"steps"_s).toArray()) {
            if (step.toObject().value(u"action"_s).toString() == u"set-uui"_s) {
                const QByteArray json = step.toObject().value(u"uui"_s).toObject().value(u"json"_s).toString().toUtf8();
                QCOMPARE(QJsonDocument::fromJson(json).object().value(u"callId"_s).toString().size(), 18);
            }
        }
        run = runHandoff({u"flow"_s, u"matrix"_s, sample});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(!run.out.contains("BAD"));
    }

    void showListsTasksAndIds() {
        const QString path = newProject(u"show.handoff"_s);
        CliRun run = runHandoff({u"flow"_s, u"show"_s, path});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains("Starting task main"));
        QVERIFY(run.out.contains("Reusable task failure-handling"));
        QVERIFY(run.out.contains(
            "failure-jump  [Jump to Reusable Task]  \"Jump to Failure handling\"  -> failure-handling"));
        run = runHandoff({u"flow"_s, u"show"_s, path, u"--json"_s});
        const QJsonArray tasks = jsonOf(run.out).value(u"tasks"_s).toArray();
        QCOMPARE(tasks.size(), 2);
        QCOMPARE(tasks[0].toObject().value(u"actions"_s).toArray().size(), 9);
    }

    // Every edit through the core edit API; applied edits save atomically, refused ones leave the file untouched.
    void editAppliesAndSaves() {
        const QString path = newProject(u"edit.handoff"_s);
        CliRun run =
            runHandoff({u"flow"_s, u"edit"_s, path, u"insert"_s, u"playAudio"_s, u"--parent"_s, u"create-voicecall"_s,
                        u"--output"_s, u"success"_s, u"--id"_s, u"thanks"_s, u"--json"_s});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QCOMPARE(jsonOf(run.out).value(u"diff"_s).toObject().value(u"addedActions"_s).toArray().first().toString(),
                 u"thanks"_s);
        run = runHandoff({u"flow"_s, u"edit"_s, path, u"set"_s, u"thanks"_s, u"audio.tts=\"Thanks!\""_s});
        QCOMPARE(run.exitCode, 0);
        run = runHandoff({u"flow"_s, u"edit"_s, path, u"move"_s, u"greeting"_s, u"--task"_s, u"failure-handling"_s,
                          u"--index"_s, u"0"_s});
        QCOMPARE(run.exitCode, 0);
        run = runHandoff({u"flow"_s, u"edit"_s, path, u"task-rename"_s, u"failure-handling"_s, u"apology"_s});
        QCOMPARE(run.exitCode, 0);
        run = runHandoff({u"flow"_s, u"edit"_s, path, u"var-rename"_s, u"Task.voiceCallId"_s, u"Task.callId"_s});
        QCOMPARE(run.exitCode, 0);
        run = runHandoff({u"flow"_s, u"edit"_s, path, u"rename"_s, u"thanks"_s, u"thank-you"_s});
        QCOMPARE(run.exitCode, 0);
        const auto loaded = project::ProjectFile::load(path);
        QVERIFY(loaded.has_value());
        const flow::Flow& f = loaded->project.flow;
        QCOMPARE(f.find(u"thank-you"_s)->as<flow::PlayAudioProps>()->audio.tts, u"\"Thanks!\""_s);
        QCOMPARE(f.placeOf(u"greeting"_s)->taskId, u"apology"_s);
        QCOMPARE(f.find(u"failure-jump"_s)->as<flow::JumpProps>()->task, u"apology"_s);
        QCOMPARE(f.find(u"set-uui"_s)->as<flow::SetUuiDataProps>()->callIdVariable, u"Task.callId"_s);
        run = runHandoff({u"flow"_s, u"validate"_s, path});
        QVERIFY2(run.exitCode == 0, run.err.constData());
    }

    void editRefusalsLeaveTheFile_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QByteArray>("code");
        QTest::newRow("unknown id") << QStringList{u"remove"_s, u"ghost"_s} << 1 << QByteArray("FLW060");
        QTest::newRow("id in use") << QStringList{u"rename"_s, u"greeting"_s, u"transfer"_s} << 1
                                   << QByteArray("FLW061");
        QTest::newRow("task still jumped to")
            << QStringList{u"task-remove"_s, u"failure-handling"_s} << 1 << QByteArray("FLW064");
        QTest::newRow("after a terminating action")
            << QStringList{u"insert"_s, u"playAudio"_s, u"--task"_s, u"failure-handling"_s} << 1
            << QByteArray("FLW063");
        QTest::newRow("into itself") << QStringList{u"move"_s,     u"voicecall-created"_s,
                                                    u"--parent"_s, u"voicecall-created"_s,
                                                    u"--output"_s, u"yes"_s}
                                     << 1 << QByteArray("FLW063");
        QTest::newRow("wrong property") << QStringList{u"set"_s, u"transfer"_s, u"numbr=1"_s} << 1
                                        << QByteArray("FLW065");
        QTest::newRow("variable in use") << QStringList{u"var-remove"_s, u"Task.voiceCallId"_s} << 1
                                         << QByteArray("FLW064");
        QTest::newRow("unknown operation") << QStringList{u"explode"_s} << 2 << QByteArray();
        QTest::newRow("unknown kind") << QStringList{u"insert"_s, u"transferToQueue"_s} << 2 << QByteArray();
        QTest::newRow("missing argument") << QStringList{u"rename"_s, u"greeting"_s} << 2 << QByteArray();
    }

    void editRefusalsLeaveTheFile() {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QByteArray, code);
        const QString path = newProject(u"refuse.handoff"_s);
        const QByteArray before = readFile(path);
        const CliRun run = runHandoff(QStringList{u"flow"_s, u"edit"_s, path} + args);
        QCOMPARE(run.exitCode, exitCode);
        if (!code.isEmpty()) {
            QVERIFY2(run.err.contains(code), run.err.constData());
            QVERIFY(run.err.contains("The project was not changed."));
        }
        QCOMPARE(readFile(path), before);
        // --json gives the refusal as data.
        if (!code.isEmpty()) {
            const CliRun json = runHandoff(QStringList{u"flow"_s, u"edit"_s, path, u"--json"_s} + args);
            QCOMPARE(jsonOf(json.out).value(u"error"_s).toObject().value(u"code"_s).toString(),
                     QString::fromLatin1(code));
        }
    }

    void helpListsTheCommands() {
        const CliRun run = runHandoff({u"flow"_s, u"--help"_s});
        QCOMPARE(run.exitCode, 0);
        for (const char* command : {"new", "validate", "simulate", "matrix", "window", "show", "edit"}) {
            QVERIFY2(run.out.contains(QByteArray(QByteArray("  ") + command + ' ')), command);
        }
    }
};

QTEST_GUILESS_MAIN(TestFlowCli)
#include "TestFlowCli.moc"
