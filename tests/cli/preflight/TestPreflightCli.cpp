#include "../CliRunner.h"
#include "../EmulatorProcess.h"
#include "salesforce/SalesforceId.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
const QString kSample = QStringLiteral(HANDOFF_SOURCE_DIR "/resources/samples/sample.handoff");
const QString kCert = QStringLiteral(HANDOFF_TEST_DATA "/rsa2048-test-only.crt.pem");
const QString kOtherCert = QStringLiteral(HANDOFF_TEST_DATA "/other-rsa2048-test-only.crt.pem");
const QString kKey = QStringLiteral(HANDOFF_TEST_DATA "/rsa2048-pkcs8-test-only.pem");

QJsonObject sampleProject() {
    QFile f(kSample);
    if (!f.open(QIODevice::ReadOnly)) {
        qFatal("sample missing");
    }
    return QJsonDocument::fromJson(f.readAll()).object();
}

QString status(const QJsonObject& report, const QString& id) {
    for (const QJsonValue& c : report.value(u"checks"_s).toArray()) {
        if (c.toObject().value(u"id"_s).toString() == id) {
            return c.toObject().value(u"status"_s).toString();
        }
    }
    return {};
}

QString write(const QTemporaryDir& dir, const QString& name, const QJsonObject& project) {
    const QString path = dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly)) {
        qFatal("cannot write");
    }
    f.write(QJsonDocument(project).toJson());
    return path;
}
} // namespace

class TestPreflightCli final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // Every check, in order, with its status; exit 0 when none fails, and the probe and the real transfer not run.
    void sampleWithItsKeyPasses() {
        const CliRun run = runHandoff({u"preflight"_s, kSample, u"--key"_s, kKey, u"--json"_s});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject report = QJsonDocument::fromJson(run.out).object();
        const QJsonArray checks = report.value(u"checks"_s).toArray();
        QCOMPARE(checks.size(), 13);
        for (int i = 0; i < checks.size(); ++i) {
            const QJsonObject c = checks.at(i).toObject();
            QCOMPARE(c.value(u"id"_s).toString(), u"GOL%1"_s.arg(i + 1, 3, 10, QChar(u'0')));
            QVERIFY(!c.value(u"reason"_s).toString().isEmpty());
            QVERIFY(!c.value(u"fix"_s).toObject().value(u"page"_s).toString().isEmpty());
            QVERIFY(c.value(u"status"_s).toString() != u"fail"_s);
        }
        QCOMPARE(status(report, u"GOL012"_s), u"not-run"_s);
        QCOMPARE(status(report, u"GOL013"_s), u"not-run"_s);
        QCOMPARE(report.value(u"verdict"_s).toObject().value(u"state"_s).toString(), u"ready"_s);
        QVERIFY(report.value(u"ok"_s).toBool());
    }

    // Without a key the key check fails: exit 1, in text with the check's id and where to fix it.
    void noKeyFails() {
        const CliRun run = runHandoff({u"preflight"_s, kSample});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.out.contains("GOL002  FAIL"));
        QVERIFY(run.out.contains("fix: page org, key"));
    }

    // The probe against the built-in emulator, started in-process: the incomplete body is refused for a body field,
    // so the token was not refused (a warning, inferred), and the page's caveat is printed.
    void probeAgainstTheBuiltInEmulator() {
        const CliRun run = runHandoff({u"preflight"_s, kSample, u"--key"_s, kKey, u"--emulator"_s, u"--json"_s});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject report = QJsonDocument::fromJson(run.out).object();
        const QJsonObject probe = report.value(u"probe"_s).toObject();
        QCOMPARE(probe.value(u"verdict"_s).toString(), u"token-not-refused"_s);
        QCOMPARE(probe.value(u"httpStatus"_s).toInt(), 400);
        QCOMPARE(probe.value(u"provesUuiToken"_s).toBool(), false);
        QCOMPARE(status(report, u"GOL012"_s), u"warn"_s);
        const CliRun text = runHandoff({u"preflight"_s, kSample, u"--key"_s, kKey, u"--emulator"_s});
        QVERIFY(text.out.contains("API token's path only, not the UUI token's"));
    }

    // --org with the address overridden to a separate emulator: a registered certificate gives "not refused" and no
    // VoiceCall is created; a certificate of another key gives "refused" (exit 1).
    void probeAgainstAnOrg() {
        const QJsonObject project = sampleProject();
        const QJsonObject org = project.value(u"environments"_s).toArray().at(0).toObject().value(u"org"_s).toObject();
        const QString orgId = org.value(u"orgId"_s).toString();
        const QString callCenter = org.value(u"callCenterApiName"_s).toString();
        {
            EmulatorProcess emulator;
            QVERIFY(emulator.start({u"--register"_s, kCert, u"--org"_s, orgId, u"--call-center"_s, callCenter}));
            const CliRun run = runHandoff({u"preflight"_s, kSample, u"--key"_s, kKey, u"--org"_s, u"--base-url"_s,
                                           emulator.baseUrl(), u"--json"_s});
            QCOMPARE(run.exitCode, 0);
            const QJsonObject report = QJsonDocument::fromJson(run.out).object();
            QCOMPARE(report.value(u"probe"_s).toObject().value(u"verdict"_s).toString(), u"token-not-refused"_s);
            const QByteArray events = emulator.stop(SIGTERM);
            QVERIFY(events.contains("\"request\""));
            QVERIFY(!events.contains("\"event\":\"created\""));
            QVERIFY(events.contains("\"created\":0"));
        }
        {
            EmulatorProcess emulator;
            QVERIFY(emulator.start({u"--register"_s, kOtherCert, u"--org"_s, orgId, u"--call-center"_s, callCenter}));
            const CliRun run = runHandoff({u"preflight"_s, kSample, u"--key"_s, kKey, u"--org"_s, u"--base-url"_s,
                                           emulator.baseUrl(), u"--json"_s});
            QCOMPARE(run.exitCode, 1);
            const QJsonObject report = QJsonDocument::fromJson(run.out).object();
            QCOMPARE(report.value(u"probe"_s).toObject().value(u"verdict"_s).toString(), u"token-refused"_s);
            QCOMPARE(report.value(u"probe"_s).toObject().value(u"httpStatus"_s).toInt(), 401);
            QCOMPARE(status(report, u"GOL012"_s), u"fail"_s);
        }
    }

    // No network for the probe: the report still comes, the probe fails with GOL044, exit 3.
    void probeWithoutAnAnswer() {
        const CliRun run = runHandoff({u"preflight"_s, kSample, u"--key"_s, kKey, u"--org"_s, u"--base-url"_s,
                                       u"http://127.0.0.1:1"_s, u"--json"_s});
        QCOMPARE(run.exitCode, 3);
        const QJsonObject report = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(report.value(u"probe"_s).toObject().value(u"verdict"_s).toString(), u"no-answer"_s);
        QCOMPARE(status(report, u"GOL012"_s), u"fail"_s);
    }

    // A recorded real transfer at least as large as the UUI now passes GOL013.
    void recordedRealTransferPasses() {
        QTemporaryDir dir;
        QJsonObject project = sampleProject();
        project.insert(u"realTransfers"_s, QJsonArray{QJsonObject{{u"date"_s, u"2026-12-01"_s},
                                                                  {u"uuiBytes"_s, 1024},
                                                                  {u"outcome"_s, u"success"_s},
                                                                  {u"note"_s, u"first call"_s}}});
        const QString path = write(dir, u"recorded.handoff"_s, project);
        const CliRun run = runHandoff({u"preflight"_s, path, u"--key"_s, kKey, u"--json"_s});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(status(QJsonDocument::fromJson(run.out).object(), u"GOL013"_s), u"pass"_s);
    }

    // --record-transfer appends the record to the project file (atomically), at the size the check measures now,
    // and GOL013 passes; a bad outcome changes nothing.
    void recordATransferFromTheCommandLine() {
        QTemporaryDir dir;
        const QString path = write(dir, u"p.handoff"_s, sampleProject());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray before = file.readAll();
        file.close();
        QCOMPARE(runHandoff({u"preflight"_s, path, u"--record-transfer"_s, u"maybe"_s}).exitCode, 2);
        QCOMPARE(runHandoff({u"preflight"_s, path, u"--uui-bytes"_s, u"10"_s}).exitCode, 2);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), before);
        file.close();

        const CliRun run = runHandoff({u"preflight"_s, path, u"--key"_s, kKey, u"--record-transfer"_s, u"success"_s,
                                       u"--date"_s, u"2026-12-01"_s, u"--note"_s, u"first call"_s, u"--json"_s});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject report = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(status(report, u"GOL013"_s), u"pass"_s);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonArray records = QJsonDocument::fromJson(file.readAll()).object().value(u"realTransfers"_s).toArray();
        QCOMPARE(records.size(), 1);
        const QJsonObject r = records.at(0).toObject();
        QCOMPARE(r.value(u"date"_s).toString(), u"2026-12-01"_s);
        QCOMPARE(r.value(u"outcome"_s).toString(), u"success"_s);
        QCOMPARE(r.value(u"note"_s).toString(), u"first call"_s);
        QCOMPARE(r.value(u"uuiBytes"_s).toInteger(), report.value(u"uuiDecodedBytes"_s).toInteger());
    }

    // Bad input: usage errors exit 2, an unreadable project or key exits 3, and nothing is written.
    void badInput() {
        QCOMPARE(runHandoff({u"preflight"_s, kSample, u"--emulator"_s, u"--org"_s}).exitCode, 2);
        QCOMPARE(runHandoff({u"preflight"_s, kSample, u"--base-url"_s, u"http://127.0.0.1:1"_s}).exitCode, 2);
        QCOMPARE(runHandoff({u"preflight"_s}).exitCode, 2);
        QCOMPARE(runHandoff({u"preflight"_s, u"/nonexistent/x.handoff"_s}).exitCode, 3);
        const CliRun badKey = runHandoff({u"preflight"_s, kSample, u"--key"_s, u"/nonexistent.pem"_s});
        QCOMPARE(badKey.exitCode, 3);
        QVERIFY(badKey.err.contains("KEY001"));
        QTemporaryDir dir;
        const QString broken = dir.filePath(u"broken.handoff"_s);
        QFile f(broken);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{ not json");
        f.close();
        const CliRun run = runHandoff({u"preflight"_s, broken});
        QVERIFY(run.exitCode == 3 || run.exitCode == 1);
        QVERIFY(run.err.contains("PRJ001") || run.out.contains("PRJ001"));
    }

    // The runbook: the org id in both forms (the 18-character form computed here), the steps, the checks; HTML is
    // self-contained; an existing file is not replaced without --force.
    void runbook() {
        const CliRun md = runHandoff({u"export"_s, u"runbook"_s, kSample, u"--format"_s, u"md"_s, u"--key"_s, kKey});
        QCOMPARE(md.exitCode, 0);
        const QString orgId = sampleProject()
                                  .value(u"environments"_s)
                                  .toArray()
                                  .at(0)
                                  .toObject()
                                  .value(u"org"_s)
                                  .toObject()
                                  .value(u"orgId"_s)
                                  .toString();
        const auto id = handoff::salesforce::SalesforceId::parse(orgId);
        QVERIFY(id);
        QVERIFY(md.out.contains(orgId.toUtf8()));
        QVERIFY(md.out.contains(id->id18().toUtf8()));
        QVERIFY(md.out.contains("acme-voice.my.salesforce-scrt.com/telephony/v1"));
        for (int i = 1; i <= 13; ++i) {
            QVERIFY(md.out.contains(u"| GOL%1 |"_s.arg(i, 3, 10, QChar(u'0')).toUtf8()));
        }
        // The steps keep the article's order: the Call Data Action before Set UUI Data before the transfer.
        const qsizetype callData = md.out.indexOf("Call Data Action");
        const qsizetype setUui = md.out.indexOf("Add Set UUI Data");
        const qsizetype transfer = md.out.indexOf("Transfer to the Agentforce Voice SIP address");
        QVERIFY(callData > 0 && callData < setUui && setUui < transfer);

        QTemporaryDir dir;
        const QString out = dir.filePath(u"runbook.html"_s);
        const CliRun html = runHandoff(
            {u"export"_s, u"runbook"_s, kSample, u"--format"_s, u"html"_s, u"--out"_s, out, u"--key"_s, kKey});
        QCOMPARE(html.exitCode, 0);
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray page = f.readAll();
        f.close();
        QVERIFY(page.startsWith("<!DOCTYPE html>"));
        QVERIFY(page.contains(id->id18().toUtf8()));
        for (const char* external : {"<script", "<link", "<img", "src=", "href="}) {
            QVERIFY2(!page.contains(external), external);
        }
        const CliRun again = runHandoff({u"export"_s, u"runbook"_s, kSample, u"--format"_s, u"md"_s, u"--out"_s, out});
        QCOMPARE(again.exitCode, 3);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), page);
        QCOMPARE(runHandoff({u"export"_s, u"runbook"_s, kSample, u"--format"_s, u"pdf"_s}).exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestPreflightCli)
#include "TestPreflightCli.moc"
