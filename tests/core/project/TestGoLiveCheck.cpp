#include "crypto/Certificate.h"
#include "crypto/PrivateKey.h"
#include "diagnostics/Catalog.h"
#include "flow/FlowEdit.h"
#include "project/Composition.h"
#include "project/GoLiveCheck.h"
#include "project/ProjectFile.h"
#include "project/SimulationSetup.h"
#include "telephony/CredentialProbe.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace handoff;
using project::CheckStatus;
using project::GoLiveInputs;
using project::GoLiveReport;
using project::Project;

namespace {

Project sampleProject() {
    const auto loaded =
        project::ProjectFile::load(QStringLiteral(HANDOFF_SOURCE_DIR "/resources/samples/sample.handoff"));
    if (!loaded) {
        qFatal("sample project does not load");
    }
    return loaded->project;
}

crypto::PrivateKey testKey() {
    const auto key = crypto::PrivateKey::load(QStringLiteral(HANDOFF_TEST_DATA "/rsa2048-pkcs8-test-only.pem"));
    if (!key) {
        qFatal("test key does not load");
    }
    return *key;
}

crypto::Certificate certificate(const char* name) {
    const auto c = crypto::Certificate::load(QStringLiteral(HANDOFF_TEST_DATA "/") + QLatin1StringView(name));
    if (!c) {
        qFatal("test certificate does not load");
    }
    return *c;
}

// 2026-12-02: inside the test certificate's validity (from 2026-11-28, 100 years).
const FixedClock kClock = FixedClock::atSecs(1796169600);

CheckStatus statusOf(const GoLiveReport& r, const char* id) {
    const project::CheckResult* c = r.find(QString::fromLatin1(id));
    if (!c) {
        qFatal("no check %s", id);
    }
    return c->status;
}

bool hasCode(const project::CheckResult* c, const QString& code) {
    return std::any_of(c->diagnostics.cbegin(), c->diagnostics.cend(),
                       [&](const diagnostics::Diagnostic& d) { return d.code == code; });
}

} // namespace

class TestGoLiveCheck final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // Every check is there, once, in fixing order, with its id, a reason and a page to fix it on; the sample with
    // its key and certificate fails nothing, and what needs the outside world stays "not run".
    void everyCheckInFixingOrder() {
        const crypto::PrivateKey key = testKey();
        const crypto::Certificate cert = certificate("rsa2048-test-only.crt.pem");
        GoLiveInputs in;
        in.key = &key;
        in.certificate = &cert;
        const GoLiveReport r = project::goLiveCheck(sampleProject(), in, kClock);
        QCOMPARE(r.checks.size(), 13);
        for (int i = 0; i < r.checks.size(); ++i) {
            const project::CheckResult& c = r.checks.at(i);
            QCOMPARE(c.id, u"GOL%1"_s.arg(i + 1, 3, 10, QChar(u'0')));
            QVERIFY2(!c.reason.isEmpty(), qPrintable(c.id));
            QVERIFY2(!c.title.isEmpty(), qPrintable(c.id));
            QVERIFY2(!c.fix.pageId.isEmpty(), qPrintable(c.id));
            QVERIFY2(c.status != CheckStatus::Fail, qPrintable(c.id + u' ' + c.reason));
        }
        QCOMPARE(statusOf(r, project::checks::kProbe), CheckStatus::NotRun);
        QCOMPARE(statusOf(r, project::checks::kRealTransfer), CheckStatus::NotRun);
        QCOMPARE(statusOf(r, project::checks::kKey), CheckStatus::Pass);
        QCOMPARE(statusOf(r, project::checks::kCertificate), CheckStatus::Pass);
        QVERIFY(r.ok());
        QCOMPARE(r.verdict.state, project::Readiness::State::Ready);
        // The certificate's reason names its fingerprint, computed here independently.
        const QString fingerprint =
            QString::fromLatin1(QCryptographicHash::hash(cert.der(), QCryptographicHash::Sha256).toHex(':').toUpper());
        QVERIFY(r.find(u"GOL003"_s)->reason.contains(fingerprint));
    }

    // No key: the key check fails, the verdict is "not ready" and points at the key's field.
    void noKeyIsNotReady() {
        const GoLiveReport r = project::goLiveCheck(sampleProject(), {}, kClock);
        QCOMPARE(statusOf(r, project::checks::kKey), CheckStatus::Fail);
        QCOMPARE(statusOf(r, project::checks::kCertificate), CheckStatus::NotRun);
        QVERIFY(!r.ok());
        QCOMPARE(r.verdict.state, project::Readiness::State::NotReady);
        QVERIFY(r.verdict.blocking);
    }

    // A certificate of another key fails with KEY009; one that expires before a token signed now would fails too.
    void certificateProblems() {
        const crypto::PrivateKey key = testKey();
        const crypto::Certificate other = certificate("other-rsa2048-test-only.crt.pem");
        GoLiveInputs in;
        in.key = &key;
        in.certificate = &other;
        GoLiveReport r = project::goLiveCheck(sampleProject(), in, kClock);
        QCOMPARE(statusOf(r, project::checks::kCertificate), CheckStatus::Fail);
        QVERIFY(hasCode(r.find(u"GOL003"_s), u"KEY009"_s));
        QCOMPARE(r.verdict.blocking->code, u"KEY009"_s);
        QCOMPARE(r.verdict.blocking->where.field, u"certificate"_s);

        const crypto::Certificate own = certificate("rsa2048-test-only.crt.pem");
        in.certificate = &own;
        const Project p = sampleProject();
        // One hour before the certificate's end, a 24 h UUI token outlives it.
        QVERIFY(p.uuiToken.ttlSeconds > 3600);
        const FixedClock late(own.notAfter().addSecs(-3600));
        r = project::goLiveCheck(p, in, late);
        QCOMPARE(statusOf(r, project::checks::kCertificate), CheckStatus::Fail);
        QVERIFY(hasCode(r.find(u"GOL003"_s), u"GOL003"_s));
    }

    // The token presets: a UUI token over 24 h fails; an API token without jti is a warning.
    void tokenPresets() {
        Project p = sampleProject();
        p.uuiToken.ttlSeconds = 48 * 3600;
        p.apiToken.jti = false;
        const GoLiveReport r = project::goLiveCheck(p, {}, kClock);
        QCOMPARE(statusOf(r, project::checks::kUuiToken), CheckStatus::Fail);
        QCOMPARE(statusOf(r, project::checks::kApiToken), CheckStatus::Warn);
        QVERIFY(hasCode(r.find(u"GOL005"_s), u"GOL015"_s));
        QCOMPARE(r.find(u"GOL004"_s)->fix.pageId, u"token"_s);
    }

    // The UUI over the limit under the header-line reading fails with the budget's SIP001, fixed on the UUI page.
    void uuiOverTheLimit() {
        const crypto::PrivateKey key = testKey();
        Project p = sampleProject();
        p.trunk.limitAppliesTo = uui::LimitAppliesTo::HeaderLine;
        GoLiveInputs in;
        in.key = &key;
        const GoLiveReport r = project::goLiveCheck(p, in, kClock);
        QCOMPARE(statusOf(r, project::checks::kUui), CheckStatus::Fail);
        QVERIFY(hasCode(r.find(u"GOL006"_s), u"SIP001"_s));
        QCOMPARE(r.find(u"GOL006"_s)->fix.pageId, u"uui"_s);
    }

    // No flow: validation fails and the simulations that need it are not run.
    void noFlow() {
        Project p = sampleProject();
        p.flow = {};
        const GoLiveReport r = project::goLiveCheck(p, {}, kClock);
        QCOMPARE(statusOf(r, project::checks::kFlow), CheckStatus::Fail);
        QCOMPARE(statusOf(r, project::checks::kMatrix), CheckStatus::NotRun);
        QCOMPARE(statusOf(r, project::checks::kWindow), CheckStatus::NotRun);
    }

    // The real transfer: not run without a record; a success at least this size passes; a smaller one warns; a
    // failure at this size fails. The size compared is the composition's decoded data, computed here.
    void realTransferRecord() {
        const crypto::PrivateKey key = testKey();
        Project p = sampleProject();
        const qint64 size = project::compose(p, &key, kClock).budget.decodedBytes;
        QVERIFY(size > 0);
        GoLiveInputs in;
        in.key = &key;
        QCOMPARE(statusOf(project::goLiveCheck(p, in, kClock), project::checks::kRealTransfer), CheckStatus::NotRun);
        p.realTransfers = {{QDate(2026, 12, 1), size, true, {}}};
        QCOMPARE(statusOf(project::goLiveCheck(p, in, kClock), project::checks::kRealTransfer), CheckStatus::Pass);
        p.realTransfers = {{QDate(2026, 12, 1), size - 1, true, {}}};
        QCOMPARE(statusOf(project::goLiveCheck(p, in, kClock), project::checks::kRealTransfer), CheckStatus::Warn);
        p.realTransfers.append({QDate(2026, 12, 2), size, false, u"BYE after INVITE"_s});
        const GoLiveReport failed = project::goLiveCheck(p, in, kClock);
        QCOMPARE(statusOf(failed, project::checks::kRealTransfer), CheckStatus::Fail);
        QVERIFY(!failed.ok());
        QCOMPARE(failed.verdict.blocking->code, u"GOL013"_s);
    }

    // The record is kept in the project file: written only when there is one, read back equal, bad values refused.
    void realTransferInTheFile() {
        Project p = sampleProject();
        QVERIFY(!project::ProjectFile::serialize(p).contains("realTransfers"));
        p.realTransfers = {{QDate(2026, 12, 1), 712, true, u"first call"_s}};
        const QByteArray bytes = project::ProjectFile::serialize(p);
        const auto back = project::ProjectFile::parse(bytes);
        QVERIFY(back);
        QCOMPARE(back->project.realTransfers, p.realTransfers);
        QByteArray broken = bytes;
        broken.replace("\"success\"", "\"maybe\"");
        const auto refused = project::ProjectFile::parse(broken);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, u"PRJ003"_s);
    }

    // The probe's verdicts, from answers as the client reports them.
    void probeVerdicts_data() {
        QTest::addColumn<int>("status");
        QTest::addColumn<QStringList>("errors");
        QTest::addColumn<int>("verdict");
        QTest::addColumn<QString>("code");
        using V = telephony::ProbeVerdict;
        QTest::newRow("401") << 401 << QStringList{u"INVALID_SIGNATURE: bad"_s} << int(V::TokenRefused) << u"GOL040"_s;
        QTest::newRow("403") << 403 << QStringList{} << int(V::TokenRefused) << u"GOL040"_s;
        QTest::newRow("400 field") << 400 << QStringList{u"MISSING_FIELD: vendorCallKey is required."_s}
                                   << int(V::TokenNotRefused) << u"GOL041"_s;
        QTest::newRow("400 short field") << 400 << QStringList{u"to is required"_s} << int(V::TokenNotRefused)
                                         << u"GOL041"_s;
        QTest::newRow("400 no field") << 400 << QStringList{u"the token failed to verify"_s} << int(V::Unexplained)
                                      << u"GOL043"_s;
        QTest::newRow("201") << 201 << QStringList{} << int(V::RecordCreated) << u"GOL042"_s;
        QTest::newRow("no answer") << 0 << QStringList{} << int(V::NoAnswer) << u"GOL044"_s;
        QTest::newRow("404") << 404 << QStringList{} << int(V::Unexplained) << u"GOL043"_s;
        QTest::newRow("429") << 429 << QStringList{} << int(V::Unexplained) << u"GOL043"_s;
    }
    void probeVerdicts() {
        QFETCH(int, status);
        QFETCH(QStringList, errors);
        QFETCH(int, verdict);
        QFETCH(QString, code);
        telephony::VoiceCallResult answer;
        answer.httpStatus = status;
        answer.errors = errors;
        if (status == 201) {
            answer.voiceCallId = u"0LQEM0000000001"_s;
        }
        const telephony::ProbeResult r = telephony::judgeProbe(answer, u"https://x.invalid"_s);
        QCOMPARE(int(r.verdict), verdict);
        QCOMPARE(r.diagnostics.constFirst().code, code);
        if (status == 201) {
            QVERIFY(r.reason.contains(answer.voiceCallId)); // reported with its id
        }
        if (verdict == int(telephony::ProbeVerdict::TokenNotRefused)) {
            QVERIFY(r.reason.contains(u"inferred"_s));
        }
        // In the go-live check: refused and unanswered fail, the rest warn.
        GoLiveInputs in;
        in.probe = r;
        const GoLiveReport report = project::goLiveCheck(sampleProject(), in, kClock);
        QCOMPARE(statusOf(report, project::checks::kProbe), r.failed() ? CheckStatus::Fail : CheckStatus::Warn);
    }

    // The probe's body leaves out every field Salesforce requires but the call centre.
    void probeBodyIsIncomplete() {
        const QJsonObject body = QJsonDocument::fromJson(telephony::credentialProbeBody(u"cc"_s)).object();
        QCOMPARE(body.keys(), QStringList{u"callCenterApiName"_s});
    }

    // Flow checks from an earlier run are taken as they are (the desktop app reuses them while typing).
    void reusesEarlierFlowChecks() {
        const Project p = sampleProject();
        const GoLiveReport first = project::goLiveCheck(p, {}, kClock);
        QList<project::CheckResult> earlier = project::flowChecksOf(first);
        QCOMPARE(earlier.size(), 3);
        QCOMPARE(earlier.at(0).id, u"GOL007"_s);
        QCOMPARE(earlier.at(2).id, u"GOL009"_s);
        earlier[1].status = CheckStatus::Fail;
        earlier[1].reason = u"from before"_s;
        GoLiveInputs in;
        in.flowChecks = &earlier;
        const GoLiveReport reused = project::goLiveCheck(p, in, kClock);
        QCOMPARE(reused.checks.size(), 13);
        QCOMPARE(reused.find(u"GOL008"_s)->reason, u"from before"_s);
        QCOMPARE(statusOf(reused, project::checks::kMatrix), CheckStatus::Fail);
    }

    // GOL007 made from the flow's problems the caller already has (the desktop app's) reads exactly as validating the
    // flow here, for a flow that passes and one that fails; they are taken as they are, not validated again.
    void takesTheFlowsProblemsFromTheCaller() {
        Project broken = sampleProject();
        QVERIFY(flow::edit::setProperty(broken.flow, u"transfer"_s, u"number"_s, u"\"not a number\""_s));
        for (const Project& p : {sampleProject(), broken}) {
            const diagnostics::Diagnostics flowProblems = project::validateFlow(p, kClock);
            GoLiveInputs in;
            in.flowDiagnostics = &flowProblems;
            QCOMPARE(project::toJson(project::goLiveCheck(p, in, kClock)),
                     project::toJson(project::goLiveCheck(p, {}, kClock)));
        }
        QCOMPARE(statusOf(project::goLiveCheck(broken, {}, kClock), project::checks::kFlow), CheckStatus::Fail);

        const Project p = sampleProject();
        diagnostics::Diagnostics given = project::validateFlow(p, kClock);
        given.append(diagnostics::make("FLW015", u"given by the caller"_s, flow::actionLocation(u"main"_s, u"x"_s)));
        GoLiveInputs in;
        in.flowDiagnostics = &given;
        const GoLiveReport r = project::goLiveCheck(p, in, kClock);
        QCOMPARE(statusOf(r, project::checks::kFlow), CheckStatus::Fail);
        QVERIFY(r.find(u"GOL007"_s)->reason.contains(u"given by the caller"_s));
        QCOMPARE(statusOf(r, project::checks::kMatrix), CheckStatus::NotRun);
        QCOMPARE(statusOf(r, project::checks::kWindow), CheckStatus::NotRun);
    }

    // Simulations from an earlier run are taken as they are while the flow validates; when it does not, they are not
    // run, as without them.
    void reusesEarlierSimulationsWhileTheFlowValidates() {
        const Project p = sampleProject();
        QList<project::CheckResult> earlier = project::flowChecksOf(project::goLiveCheck(p, {}, kClock)).mid(1);
        QCOMPARE(earlier.at(0).id, u"GOL008"_s);
        earlier[0].reason = u"from before"_s;
        GoLiveInputs in;
        in.simulationChecks = &earlier;
        const GoLiveReport reused = project::goLiveCheck(p, in, kClock);
        QCOMPARE(statusOf(reused, project::checks::kFlow), CheckStatus::Pass);
        QCOMPARE(reused.find(u"GOL008"_s)->reason, u"from before"_s);
        QCOMPARE(reused.checks.size(), 13);

        Project broken = p;
        QVERIFY(flow::edit::setProperty(broken.flow, u"transfer"_s, u"number"_s, u"\"not a number\""_s));
        QCOMPARE(project::toJson(project::goLiveCheck(broken, in, kClock)),
                 project::toJson(project::goLiveCheck(broken, {}, kClock)));
        QCOMPARE(statusOf(project::goLiveCheck(broken, in, kClock), project::checks::kMatrix), CheckStatus::NotRun);
    }

    // The JSON form carries every check with its stable status key.
    void jsonForm() {
        const GoLiveReport r = project::goLiveCheck(sampleProject(), {}, kClock);
        const QJsonObject json = project::toJson(r);
        QCOMPARE(json.value(u"ok"_s).toBool(), r.ok());
        const QJsonArray list = json.value(u"checks"_s).toArray();
        QCOMPARE(list.size(), r.checks.size());
        const QStringList keys{u"pass"_s, u"warn"_s, u"fail"_s, u"not-run"_s};
        for (const QJsonValue& v : list) {
            QVERIFY(keys.contains(v.toObject().value(u"status"_s).toString()));
            QVERIFY(v.toObject().value(u"fix"_s).toObject().contains(u"page"_s));
        }
    }
};

QTEST_GUILESS_MAIN(TestGoLiveCheck)
#include "TestGoLiveCheck.moc"
