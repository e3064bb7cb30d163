#include "common/Clock.h"
#include "crypto/PrivateKey.h"
#include "flow/FlowEdit.h"
#include "project/GoLiveCheck.h"
#include "project/ProjectFile.h"
#include "project/SecretStore.h"
#include "shell/Workspace.h"

#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

using namespace Qt::StringLiterals;
using handoff::FixedClock;
using handoff::project::Project;
using handoff::shell::Workspace;

class TestWorkspace final : public QObject {
    Q_OBJECT

private:
    static Project sampleProject() {
        const auto loaded = handoff::project::ProjectFile::load(QStringLiteral(HANDOFF_SOURCE_DIR) +
                                                                u"/resources/samples/sample.handoff"_s);
        return loaded ? loaded->project : Project();
    }

    // The go-live check of the workspace's project run from scratch (the flow validated again), in its JSON form.
    static QJsonObject goLiveFromScratch(const Workspace& workspace) {
        handoff::project::GoLiveInputs inputs;
        inputs.composition = &workspace.derived();
        return handoff::project::toJson(handoff::project::goLiveCheck(workspace.project(), inputs, workspace.clock()));
    }

    static handoff::crypto::PrivateKey testKey() {
        auto key =
            handoff::crypto::PrivateKey::load(QStringLiteral(HANDOFF_TEST_DATA) + u"/rsa2048-pkcs8-test-only.pem"_s);
        return key ? *key : handoff::crypto::PrivateKey();
    }

private Q_SLOTS:
    void editsAreCoalescedIntoOneRecompute() {
        FixedClock clock = FixedClock::atSecs(1'795'000'000);
        handoff::project::MemorySecretStore secrets;
        Workspace workspace(clock, secrets);
        QTRY_VERIFY(!workspace.isRecomputePending());
        const quint64 before = workspace.generation();
        QSignalSpy derived(&workspace, &Workspace::derivedChanged);

        workspace.edit(
            u"a"_s, [](Project& p) { p.org.orgId = u"00D"_s; }, u"org.orgId"_s);
        workspace.edit(
            u"b"_s, [](Project& p) { p.org.orgId = u"00DR"_s; }, u"org.orgId"_s);
        workspace.edit(
            u"c"_s, [](Project& p) { p.org.orgId = u"00DRM"_s; }, u"org.orgId"_s);
        // Nothing computed on the keystroke path itself.
        QCOMPARE(workspace.generation(), before);
        QVERIFY(workspace.isRecomputePending());

        QTRY_COMPARE(derived.count(), 1);
        QCOMPARE(workspace.generation(), before + 1);
        QCoreApplication::processEvents();
        QCOMPARE(derived.count(), 1);
    }

    void typingMergesIntoOneUndoStep_data() {
        QTest::addColumn<QString>("secondKey");
        QTest::addColumn<int>("steps");
        QTest::newRow("same field merges") << u"org.orgId"_s << 1;
        QTest::newRow("other field is a new step") << u"org.scrt2Domain"_s << 2;
    }

    void typingMergesIntoOneUndoStep() {
        QFETCH(QString, secondKey);
        QFETCH(int, steps);
        FixedClock clock = FixedClock::atSecs(1'795'000'000);
        handoff::project::MemorySecretStore secrets;
        Workspace workspace(clock, secrets);
        const Project original = workspace.project();
        workspace.edit(
            u"a"_s, [](Project& p) { p.org.orgId = u"00D"_s; }, u"org.orgId"_s);
        workspace.edit(
            u"b"_s, [](Project& p) { p.org.scrt2Domain = u"x.my.salesforce-scrt.com"_s; }, secondKey);
        QCOMPARE(workspace.undoStack()->count(), steps);
        QVERIFY(workspace.isDirty());
        while (workspace.undoStack()->canUndo()) {
            workspace.undoStack()->undo();
        }
        QCOMPARE(workspace.project().org.orgId, original.org.orgId);
        QCOMPARE(workspace.project().org.scrt2Domain, original.org.scrt2Domain);
        QVERIFY(!workspace.isDirty());
    }

    void noOpEditRecordsNothing() {
        FixedClock clock = FixedClock::atSecs(1'795'000'000);
        handoff::project::MemorySecretStore secrets;
        Workspace workspace(clock, secrets);
        const QString same = workspace.project().org.orgId;
        workspace.edit(u"a"_s, [same](Project& p) { p.org.orgId = same; });
        QCOMPARE(workspace.undoStack()->count(), 0);
        QVERIFY(!workspace.isDirty());
    }

    void dirtyFollowsSaveAndUndo() {
        FixedClock clock = FixedClock::atSecs(1'795'000'000);
        handoff::project::MemorySecretStore secrets;
        Workspace workspace(clock, secrets);
        QSignalSpy dirty(&workspace, &Workspace::dirtyChanged);
        workspace.edit(u"a"_s, [](Project& p) { p.name = u"One"_s; });
        QCOMPARE(dirty.count(), 1);
        QCOMPARE(dirty.last().first().toBool(), true);
        workspace.markSaved();
        QVERIFY(!workspace.isDirty());
        workspace.undoStack()->undo();
        QVERIFY(workspace.isDirty()); // back before the saved state
        workspace.undoStack()->redo();
        QVERIFY(!workspace.isDirty());
    }

    void keySignsAndIsNeverInTheProject() {
        FixedClock clock = FixedClock::atSecs(1'795'000'000);
        handoff::project::MemorySecretStore secrets;
        Workspace workspace(clock, secrets);
        const auto key = testKey();
        QVERIFY(!key.isNull());
        workspace.setKey(key);
        workspace.recomputeNow();
        QVERIFY(!workspace.derived().token.isEmpty());
        // The key went to the secret store under the reference the project now names.
        QVERIFY(!workspace.project().key.keychainId.isEmpty());
        QVERIFY(secrets.contains(workspace.project().key.keychainId));
        const QByteArray file = handoff::project::ProjectFile::serialize(workspace.project());
        QVERIFY(!file.contains("PRIVATE KEY"));
        auto pem = key.toPem();
        QVERIFY(pem.has_value());
        const QByteArray body = QByteArray(pem->data(), pem->size()).split('\n').value(3);
        QVERIFY(body.size() > 40);
        QVERIFY(!file.contains(body));
    }

    // The go-live check's flow validation (GOL007) takes the flow's problems from the recompute and reads as the
    // check run from scratch, for a flow that passes and one that fails. Between an edit and its recompute those
    // problems are another project's: a check run then validates the flow itself.
    void goLiveCheckTakesTheFlowProblemsOfTheRecompute() {
        FixedClock clock = FixedClock::atSecs(1'795'000'000);
        handoff::project::MemorySecretStore secrets;
        Workspace workspace(clock, secrets);
        workspace.resetProject(sampleProject());
        workspace.recomputeNow();
        const auto gol007 = [&workspace] { return workspace.goLive().find(u"GOL007"_s)->status; };
        QCOMPARE(gol007(), handoff::project::CheckStatus::Pass);
        QCOMPARE(handoff::project::toJson(workspace.goLive()), goLiveFromScratch(workspace));

        handoff::flow::Flow broken = workspace.project().flow;
        QVERIFY(handoff::flow::edit::setProperty(broken, u"transfer"_s, u"number"_s, u"\"not a number\""_s));
        workspace.editFlow(u"number"_s, broken);
        workspace.recomputeNow();
        QCOMPARE(gol007(), handoff::project::CheckStatus::Fail);
        QCOMPARE(handoff::project::toJson(workspace.goLive()), goLiveFromScratch(workspace));

        // Undone, not yet recomputed: the recompute's problems are the broken flow's.
        workspace.undoStack()->undo();
        QVERIFY(workspace.isRecomputePending());
        workspace.checkGoLiveNow();
        QCOMPARE(gol007(), handoff::project::CheckStatus::Pass);
        // Another org than the flow's (an input of the flow's check, not the flow), not yet recomputed.
        workspace.recomputeNow();
        workspace.edit(u"org"_s, [](Project& p) { p.org.orgId = u"00DRM000000TEST"_s; });
        QVERIFY(workspace.isRecomputePending());
        workspace.checkGoLiveNow();
        QCOMPARE(gol007(), handoff::project::CheckStatus::Fail);
        workspace.recomputeNow();
        QCOMPARE(handoff::project::toJson(workspace.goLive()), goLiveFromScratch(workspace));
    }

    void resetLoadsTheKeyFromTheStore() {
        FixedClock clock = FixedClock::atSecs(1'795'000'000);
        handoff::project::MemorySecretStore secrets;
        Workspace workspace(clock, secrets);
        workspace.setKey(testKey());
        const Project saved = workspace.project();
        workspace.resetProject(Project::defaults());
        QVERIFY(!workspace.hasKey());
        workspace.resetProject(saved, u"/tmp/x.handoff"_s);
        QVERIFY(workspace.hasKey());
        QCOMPARE(workspace.key().bits(), 2048);
        QVERIFY(!workspace.isDirty());
    }
};

QTEST_MAIN(TestWorkspace)
#include "TestWorkspace.moc"
