#include "crypto/PrivateKey.h"
#include "project/Composition.h"
#include "project/ProjectFile.h"
#include "project/Readiness.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace handoff;
using project::Project;
using project::Readiness;

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

diagnostics::Diagnostic problem(const char* code, diagnostics::Severity severity, const QString& field) {
    diagnostics::Diagnostic d;
    d.code = QString::fromLatin1(code);
    d.severity = severity;
    d.message = u"message of "_s + d.code;
    d.where.field = field;
    return d;
}

const FixedClock kClock = FixedClock::atSecs(1764331200);

} // namespace

class TestReadiness final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // The verdict follows the problems: any error is "not ready", named by the first error; warnings and infos are
    // counted, not blocking.
    void theVerdictFollowsTheProblems() {
        const Project p = sampleProject();
        using S = diagnostics::Severity;
        const Readiness none = project::readiness(p, {});
        QCOMPARE(none.state, Readiness::State::Ready);
        QVERIFY(!none.blocking);

        const Readiness warned = project::readiness(
            p, {problem("SIP002", S::Warning, u"trunk.limitAppliesTo"_s), problem("SIP007", S::Info, {})});
        QCOMPARE(warned.state, Readiness::State::Ready);
        QCOMPARE(warned.warnings, 1);
        QCOMPARE(warned.infos, 1);
        QVERIFY(warned.summary.contains(u"1"_s));

        const Readiness broken =
            project::readiness(p, {problem("SIP007", S::Info, {}), problem("UUI011", S::Error, u"org.orgId"_s),
                                   problem("SIP001", S::Error, u"budget"_s)});
        QCOMPARE(broken.state, Readiness::State::NotReady);
        QVERIFY(!broken.isReady());
        QCOMPARE(broken.errors, 2);
        QVERIFY(broken.blocking.has_value());
        QCOMPARE(broken.blocking->code, u"UUI011"_s);
        QCOMPARE(broken.blocking->where.field, u"org.orgId"_s);
        QVERIFY(broken.summary.contains(u"UUI011"_s));
    }

    // Nothing entered yet: neither ready nor broken (no green check for an empty project).
    void anEmptyProjectIsNeitherReadyNorBroken() {
        const Project p = Project::defaults();
        const auto composed = project::compose(p, nullptr, kClock);
        QVERIFY(diagnostics::hasErrors(composed.diagnostics));
        const Readiness r = project::readiness(p, composed.diagnostics);
        QCOMPARE(r.state, Readiness::State::Empty);
        QVERIFY(!r.isReady());
        QVERIFY(!r.blocking);
        QVERIFY(!r.summary.isEmpty());
    }

    // Issue 11 item 2, from the composition: the sample over the limit under the header line reading is not ready,
    // and named by SIP001; under the default reading it is ready.
    void theSampleIsNotReadyWhileTheHeaderIsOver() {
        Project p = sampleProject();
        const crypto::PrivateKey key = testKey();
        p.trunk.limitAppliesTo = uui::LimitAppliesTo::HeaderLine;
        const auto over = project::compose(p, &key, kClock);
        const Readiness r = project::readiness(p, over.diagnostics);
        QCOMPARE(r.state, Readiness::State::NotReady);
        QVERIFY(r.blocking.has_value());
        QCOMPARE(r.blocking->code, u"SIP001"_s);

        p.trunk.limitAppliesTo = uui::LimitAppliesTo::DecodedData;
        const auto fits = project::compose(p, &key, kClock);
        QCOMPARE(project::readiness(p, fits.diagnostics).state, Readiness::State::Ready);
    }
};

QTEST_GUILESS_MAIN(TestReadiness)
#include "TestReadiness.moc"
