#include "flow/FlowTemplates.h"
#include "flow/FlowValidator.h"
#include "project/ProjectFile.h"

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
} // namespace

// Project file version 2: the flow and the named simulation scenarios, and the migration from version 1.
class TestProjectV2 final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void currentVersionIsTwo() { QCOMPARE(ProjectFile::kCurrentVersion, 2); }

    // A version 1 file loads; it gets an empty flow (never an invented one) and no scenarios.
    void versionOneMigrates() {
        const QByteArray v1 = versionOneSample();
        QCOMPARE(QJsonDocument::fromJson(v1).object().value(u"version"_s).toInt(), 1);
        QVERIFY(!QJsonDocument::fromJson(v1).object().contains(u"flow"_s));
        const auto loaded = ProjectFile::parse(v1);
        QVERIFY2(loaded.has_value(), qPrintable(loaded ? QString() : loaded.error().message));
        QCOMPARE(loaded->fileVersion, 1);
        QVERIFY(loaded->diagnostics.isEmpty());
        QVERIFY(loaded->project.flow.actions.isEmpty());
        QVERIFY(loaded->project.flow.startActionId.isEmpty());
        QVERIFY(loaded->project.scenarios.isEmpty());
        QVERIFY(!loaded->project.org.orgId.isEmpty()); // the version 1 content is all there

        // Saved again, it is a version 2 file with both sections, and it reads back the same.
        const QJsonObject saved = QJsonDocument::fromJson(ProjectFile::serialize(loaded->project)).object();
        QCOMPARE(saved.value(u"version"_s).toInt(), 2);
        QVERIFY(saved.value(u"flow"_s).isObject());
        QVERIFY(saved.value(u"scenarios"_s).isArray());
        const auto again = ProjectFile::parse(QJsonDocument(saved).toJson());
        QVERIFY(again.has_value());
        QCOMPARE(again->fileVersion, 2);
        QCOMPARE(again->project.org.orgId, loaded->project.org.orgId);
        // An empty flow tells the admin how to start one.
        const auto problems = flow::validate(again->project.flow);
        QCOMPARE(problems.size(), 1);
        QCOMPARE(problems[0].code, u"FLW023"_s);
        QVERIFY(problems[0].message.contains(u"sip-transfer"_s));
    }

    void migrateStepAddsTheSections() {
        QJsonObject root{{u"version"_s, 1}};
        QVERIFY(ProjectFile::migrateStep(root, 1).has_value());
        QCOMPARE(root.value(u"version"_s).toInt(), 2);
        QVERIFY(root.value(u"flow"_s).toObject().value(u"actions"_s).toArray().isEmpty());
        QCOMPARE(root.value(u"scenarios"_s).toArray().size(), 0);
        // A flow already there (hand-edited) is kept.
        QJsonObject edited{{u"version"_s, 1}, {u"flow"_s, QJsonObject{{u"name"_s, u"mine"_s}}}};
        QVERIFY(ProjectFile::migrateStep(edited, 1).has_value());
        QCOMPARE(edited.value(u"flow"_s).toObject().value(u"name"_s).toString(), u"mine"_s);
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
        QCOMPARE(loaded->fileVersion, 2);
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
                   {u"actions"_s, QJsonArray{QJsonObject{{u"id"_s, u"a"_s}, {u"kind"_s, u"transferToQueue"_s}}}}})
            << QJsonValue(QJsonArray()) << u"flow.actions[0].kind"_s;
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
        root.insert(u"version"_s, 2);
        root.insert(u"flow"_s, flow);
        root.insert(u"scenarios"_s, scenarios);
        const auto loaded = ProjectFile::parse(QJsonDocument(root).toJson());
        QVERIFY(!loaded.has_value());
        QCOMPARE(loaded.error().code, u"FLW005"_s);
        QVERIFY2(loaded.error().message.startsWith(u"\"%1\": "_s.arg(field)), qPrintable(loaded.error().message));
    }
};

QTEST_GUILESS_MAIN(TestProjectV2)
#include "TestProjectV2.moc"
