#include "flow/FlowGraph.h"
#include "flow/FlowTemplates.h"
#include "flow/FlowValidator.h"
#include "flow/Simulator.h"
#include "project/ProjectFile.h"
#include "project/SimulationSetup.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace handoff;
using namespace handoff::project;

namespace {
QByteArray readFile(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QByteArray versionOneSample() {
    return readFile(QStringLiteral(HANDOFF_TEST_DATA "/projects/sample-v1.handoff"));
}

// The bundled sample as version 2 wrote it: a graph whose `failure-audio` is reached from the data action's failure
// path and from the Decision's jump, and the old default reading of the limit.
QByteArray versionTwoSample() {
    return readFile(QStringLiteral(HANDOFF_TEST_DATA "/projects/sample-v2.handoff"));
}

QStringList codes(const diagnostics::Diagnostics& list) {
    QStringList out;
    for (const diagnostics::Diagnostic& d : list) {
        out.append(d.code);
    }
    return out;
}

QStringList idsOf(const flow::ActionList& list) {
    QStringList out;
    for (const flow::Action& a : list) {
        out.append(a.id);
    }
    return out;
}
} // namespace

// Project file versions: 1 (no flow), 2 (the flow as a graph), 3 (the flow as Architect's tasks), and the
// migrations between them.
class TestProjectMigration final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void currentVersionIsFour() { QCOMPARE(ProjectFile::kCurrentVersion, 4); }

    // A version 1 file loads; it gets an empty flow (never an invented one) and no scenarios.
    void versionOneMigrates() {
        const QByteArray v1 = versionOneSample();
        QCOMPARE(QJsonDocument::fromJson(v1).object().value(u"version"_s).toInt(), 1);
        QVERIFY(!QJsonDocument::fromJson(v1).object().contains(u"flow"_s));
        const auto loaded = ProjectFile::parse(v1);
        QVERIFY2(loaded.has_value(), qPrintable(loaded ? QString() : loaded.error().message));
        QCOMPARE(loaded->fileVersion, 1);
        QVERIFY(loaded->project.flow.tasks.isEmpty());
        QVERIFY(loaded->project.flow.startTaskId.isEmpty());
        QVERIFY(loaded->project.scenarios.isEmpty());
        QVERIFY(!loaded->project.org.orgId.isEmpty()); // the version 1 content is all there

        // Saved again, it is a current file with both sections, and it reads back the same.
        const QJsonObject saved = QJsonDocument::fromJson(ProjectFile::serialize(loaded->project)).object();
        QCOMPARE(saved.value(u"version"_s).toInt(), 4);
        QVERIFY(saved.value(u"flow"_s).isObject());
        QVERIFY(saved.value(u"scenarios"_s).isArray());
        const auto again = ProjectFile::parse(QJsonDocument(saved).toJson());
        QVERIFY(again.has_value());
        QCOMPARE(again->fileVersion, 4);
        QCOMPARE(again->project.org.orgId, loaded->project.org.orgId);
        // An empty flow tells the admin how to start one.
        const auto problems = flow::validate(again->project.flow);
        QCOMPARE(problems.size(), 1);
        QCOMPARE(problems[0].code, u"FLW023"_s);
        QVERIFY(problems[0].message.contains(u"sip-transfer"_s));
    }

    // The v2 graph becomes nested lists; an action reached from two places becomes a reusable task both jump to.
    void versionTwoBecomesTasks() {
        const auto loaded = ProjectFile::parse(versionTwoSample());
        QVERIFY2(loaded.has_value(), qPrintable(loaded ? QString() : loaded.error().message));
        QCOMPARE(loaded->fileVersion, 2);
        const flow::Flow& f = loaded->project.flow;
        QCOMPARE(f.startTaskId, u"main"_s);
        QStringList tasks;
        for (const flow::Task& t : f.tasks) {
            tasks.append(t.id);
        }
        QCOMPARE(tasks, (QStringList{u"main"_s, u"failure-audio"_s}));
        const flow::Task& main = *f.task(u"main"_s);
        QCOMPARE(idsOf(main.actions),
                 (QStringList{u"transcription"_s, u"recording"_s, u"greeting"_s, u"create-voicecall"_s}));
        const flow::Action& create = main.actions.back();
        // success: the rest of the old chain nests under the success output.
        QCOMPARE(idsOf(*create.output(u"success")).constFirst(), u"voicecall-created"_s);
        // failure: reached from two places, so a jump to the task it heads.
        QCOMPARE(create.output(u"failure")->size(), size_t(1));
        QCOMPARE(create.output(u"failure")->front().as<flow::JumpProps>()->task, u"failure-audio"_s);
        // timeout: reached once, so its actions nest in place.
        QCOMPARE(idsOf(*create.output(u"timeout")), (QStringList{u"timeout-audio"_s, u"timeout-disconnect"_s}));
        // The Decision's v2 jump now targets the task.
        const flow::Action* jump = f.find(u"no-id-jump"_s);
        QVERIFY(jump);
        QCOMPARE(jump->as<flow::JumpProps>()->task, u"failure-audio"_s);
        QCOMPARE(idsOf(f.task(u"failure-audio"_s)->actions),
                 (QStringList{u"failure-audio"_s, u"failure-disconnect"_s}));
        // Every action of the v2 file is still there, once.
        QCOMPARE(f.actionCount(), 15 + 1); // one jump added for the failure path
        QVERIFY(flow::FlowGraph(f).duplicateIds().isEmpty());
        // The notices say what changed: the task, the positions, and the limit's reading.
        const QStringList notices = codes(loaded->diagnostics);
        QVERIFY2(notices.contains(u"FLW007"_s), qPrintable(notices.join(u',')));
        QVERIFY(notices.contains(u"PRJ007"_s));
        QCOMPARE(loaded->project.trunk.limitAppliesTo, uui::LimitAppliesTo::DecodedData);
        // The converted flow validates as the v2 one did, and its success path still reaches the agent.
        const auto problems = flow::validate(f);
        QVERIFY2(!diagnostics::hasErrors(problems), qPrintable(codes(problems).join(u',')));
        const FixedClock clock(QDateTime(QDate(2026, 12, 2), QTime(9, 0), Qt::UTC));
        flow::Simulator simulator(f, simulationContext(loaded->project), clock);
        const flow::Trace trace = simulator.run({}, flow::CallScript{telephony::CallOutcome::Failure, true});
        QCOMPARE(trace.end, flow::EndState::Disconnected);
        QCOMPARE(trace.endActionId, u"failure-disconnect"_s);
    }

    // A v3 file keeps the reading its user chose, header line included, and says nothing about it.
    void versionThreeKeepsTheChosenReading() {
        Project p = Project::defaults();
        p.trunk.limitAppliesTo = uui::LimitAppliesTo::HeaderLine;
        p.flow = flow::sipTransferTemplate();
        const auto loaded = ProjectFile::parse(ProjectFile::serialize(p));
        QVERIFY(loaded.has_value());
        QCOMPARE(loaded->project.trunk.limitAppliesTo, uui::LimitAppliesTo::HeaderLine);
        QVERIFY(!codes(loaded->diagnostics).contains(u"PRJ007"_s));
    }

    void migrateStepAddsTheSections() {
        QJsonObject root{{u"version"_s, 1}};
        QVERIFY(ProjectFile::migrateStep(root, 1).has_value());
        QCOMPARE(root.value(u"version"_s).toInt(), 2);
        QCOMPARE(root.value(u"scenarios"_s).toArray().size(), 0);
        QVERIFY(ProjectFile::migrateStep(root, 2).has_value());
        QCOMPARE(root.value(u"version"_s).toInt(), 3);
        QVERIFY(root.value(u"flow"_s).toObject().contains(u"tasks"_s));
        // A flow already there (hand-edited) is kept.
        QJsonObject edited{{u"version"_s, 1}, {u"flow"_s, QJsonObject{{u"name"_s, u"mine"_s}}}};
        QVERIFY(ProjectFile::migrateStep(edited, 1).has_value());
        QVERIFY(ProjectFile::migrateStep(edited, 2).has_value());
        QCOMPARE(edited.value(u"flow"_s).toObject().value(u"name"_s).toString(), u"mine"_s);
    }

    // A v2 file whose graph cannot be converted is refused with the field, and nothing is written.
    void brokenVersionTwoIsRefused() {
        QJsonObject root = QJsonDocument::fromJson(versionTwoSample()).object();
        QJsonObject f = root.value(u"flow"_s).toObject();
        QJsonArray actions = f.value(u"actions"_s).toArray();
        QJsonObject second = actions[1].toObject();
        second.insert(u"id"_s, u"transcription"_s); // an id used twice
        actions[1] = second;
        f.insert(u"actions"_s, actions);
        root.insert(u"flow"_s, f);
        const auto loaded = ProjectFile::parse(QJsonDocument(root).toJson());
        QVERIFY(!loaded.has_value());
        QCOMPARE(loaded.error().code, u"FLW005"_s);
        QCOMPARE(loaded.error().field, u"flow.actions[1].id"_s);
    }

    void newerVersionIsRefused() {
        QJsonObject root = QJsonDocument::fromJson(versionTwoSample()).object();
        root.insert(u"version"_s, ProjectFile::kCurrentVersion + 1);
        const auto loaded = ProjectFile::parse(QJsonDocument(root).toJson());
        QVERIFY(!loaded.has_value());
        QCOMPARE(loaded.error().code, u"PRJ002"_s);
    }

    void flowAndScenariosRoundTrip() {
        Project p = Project::defaults();
        p.name = u"Round trip"_s;
        p.flow = flow::sipTransferTemplate();
        p.scenarios = flow::defaultScenarios();
        p.scenarios[1].call.startTime = QDateTime(QDate(2026, 3, 2), QTime(3, 0), Qt::UTC);
        p.scenarios[1].transferAccepted = false;
        p.scenarios[2].dataAction = std::nullopt; // answered by the chosen backend
        QTemporaryDir dir;
        const QString path = dir.filePath(u"p.handoff"_s);
        QVERIFY(ProjectFile::save(p, path).has_value());
        const auto loaded = ProjectFile::load(path);
        QVERIFY2(loaded.has_value(), qPrintable(loaded ? QString() : loaded.error().message));
        QCOMPARE(loaded->fileVersion, 4);
        QVERIFY(loaded->diagnostics.isEmpty());
        QVERIFY(loaded->project.flow == p.flow);
        QCOMPARE(loaded->project.scenarios.size(), 3);
        for (qsizetype i = 0; i < 3; ++i) {
            QVERIFY2(loaded->project.scenarios[i] == p.scenarios[i], qPrintable(p.scenarios[i].name));
        }
    }

    void malformedFlowIsRefusedWithItsField_data() {
        QTest::addColumn<QJsonValue>("flow");
        QTest::addColumn<QJsonValue>("scenarios");
        QTest::addColumn<QString>("field");
        QTest::newRow("unknown kind")
            << QJsonValue(QJsonObject{
                   {u"startTask"_s, u"t"_s},
                   {u"tasks"_s, QJsonArray{QJsonObject{
                                    {u"id"_s, u"t"_s},
                                    {u"actions"_s,
                                     QJsonArray{QJsonObject{{u"id"_s, u"a"_s}, {u"kind"_s, u"transferToQueue"_s}}}}}}}})
            << QJsonValue(QJsonArray()) << u"flow.tasks[0].actions[0].kind"_s;
        QTest::newRow("bad scenario outcome")
            << QJsonValue(QJsonObject())
            << QJsonValue(QJsonArray{QJsonObject{{u"name"_s, u"x"_s}, {u"dataAction"_s, u"maybe"_s}}})
            << u"scenarios[0].dataAction"_s;
        QTest::newRow("bad scenario time")
            << QJsonValue(QJsonObject())
            << QJsonValue(QJsonArray{QJsonObject{{u"name"_s, u"x"_s}, {u"at"_s, u"3 a.m."_s}}}) << u"scenarios[0].at"_s;
    }

    void malformedFlowIsRefusedWithItsField() {
        QFETCH(QJsonValue, flow);
        QFETCH(QJsonValue, scenarios);
        QFETCH(QString, field);
        QJsonObject root = QJsonDocument::fromJson(versionOneSample()).object();
        root.insert(u"version"_s, 3);
        root.insert(u"flow"_s, flow);
        root.insert(u"scenarios"_s, scenarios);
        const auto loaded = ProjectFile::parse(QJsonDocument(root).toJson());
        QVERIFY(!loaded.has_value());
        QCOMPARE(loaded.error().code, u"FLW005"_s);
        QCOMPARE(loaded.error().field, field);
        QVERIFY2(loaded.error().message.startsWith(u"\"%1\": "_s.arg(field)), qPrintable(loaded.error().message));
    }
};

QTEST_GUILESS_MAIN(TestProjectMigration)
#include "TestProjectMigration.moc"
