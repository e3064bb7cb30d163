#include "../CliRunner.h"
#include "flow/FlowEdit.h"
#include "project/ProjectFile.h"
#include "training/Exercise.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;
using namespace handoff;

class TestCliTraining final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void listNamesEveryExercise() {
        const CliRun run = runHandoff({u"training"_s, u"list"_s, u"--json"_s});
        QCOMPARE(run.exitCode, 0);
        const QJsonArray list = QJsonDocument::fromJson(run.out).object().value(u"exercises"_s).toArray();
        const QList<training::Exercise> all = training::exercises();
        QCOMPARE(list.size(), all.size());
        QVERIFY(list.size() >= 8);
        for (qsizetype i = 0; i < all.size(); ++i) {
            const QJsonObject o = list.at(i).toObject();
            QCOMPARE(o.value(u"id"_s).toString(), all.at(i).id);
            QVERIFY(!o.value(u"goal"_s).toString().isEmpty());
            QVERIFY(!o.value(u"hint"_s).toString().isEmpty());
            QVERIFY(!o.value(u"codes"_s).toArray().isEmpty());
        }
        const CliRun text = runHandoff({u"training"_s, u"list"_s});
        QCOMPARE(text.exitCode, 0);
        QVERIFY(text.out.contains("decision-no-path"));
    }

    // start writes the broken project; check says "not yet" (1); the fix made through the edit API passes (0).
    void startCheckFixCheck() {
        QTemporaryDir dir;
        const CliRun start =
            runHandoff({u"training"_s, u"start"_s, u"reserved-input-orgid"_s, u"--out"_s, dir.path(), u"--json"_s});
        QCOMPARE(start.exitCode, 0);
        const QString path = QJsonDocument::fromJson(start.out).object().value(u"project"_s).toString();
        QCOMPARE(path, QDir(dir.path()).filePath(u"reserved-input-orgid.handoff"_s));
        QVERIFY(QFileInfo::exists(path));

        const CliRun before = runHandoff({u"training"_s, u"check"_s, u"reserved-input-orgid"_s, path});
        QCOMPARE(before.exitCode, 1);
        // Compiler-style on standard error: file:line:col: error FLW022: ...
        QVERIFY2(before.err.contains("reserved-input-orgid.handoff:"), before.err.constData());
        QVERIFY(before.err.contains(": error FLW022: "));
        QVERIFY(before.out.contains("Not yet"));
        const CliRun beforeJson = runHandoff({u"training"_s, u"check"_s, u"reserved-input-orgid"_s, path, u"--json"_s});
        QCOMPARE(beforeJson.exitCode, 1);
        const QJsonObject o = QJsonDocument::fromJson(beforeJson.out).object();
        QCOMPARE(o.value(u"passed"_s).toBool(true), false);
        QCOMPARE(o.value(u"remaining"_s).toArray().first().toObject().value(u"code"_s).toString(), u"FLW022"_s);

        auto loaded = project::ProjectFile::load(path);
        QVERIFY(loaded.has_value());
        project::Project p = loaded->project;
        const flow::Action* a = p.flow.find(u"create-voicecall");
        QVERIFY(a && a->as<flow::CallDataProps>());
        flow::CallDataProps props = *a->as<flow::CallDataProps>();
        for (flow::Binding& b : props.inputs) {
            if (b.name == u"orgId") {
                b.name = u"sfOrgId"_s;
            }
        }
        QVERIFY(flow::edit::setAction(p.flow, a->id, a->name, props).has_value());
        QVERIFY(project::ProjectFile::save(p, path).has_value());

        const CliRun after = runHandoff({u"training"_s, u"check"_s, u"reserved-input-orgid"_s, path, u"--json"_s});
        QCOMPARE(after.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(after.out).object().value(u"passed"_s).toBool(), true);

        // A second start does not overwrite the admin's work.
        const CliRun again = runHandoff({u"training"_s, u"start"_s, u"reserved-input-orgid"_s, u"--out"_s, dir.path()});
        QCOMPARE(again.exitCode, 3);
        QVERIFY(again.err.contains("TRN011"));
        QCOMPARE(runHandoff({u"training"_s, u"check"_s, u"reserved-input-orgid"_s, path}).exitCode, 0);
    }

    void unknownIdIsAUsageError() {
        QTemporaryDir dir;
        const CliRun start = runHandoff({u"training"_s, u"start"_s, u"nope"_s, u"--out"_s, dir.path()});
        QCOMPARE(start.exitCode, 2);
        QVERIFY(start.err.contains("TRN010"));
        QVERIFY(QDir(dir.path()).isEmpty());
        const CliRun check = runHandoff({u"training"_s, u"check"_s, u"nope"_s, u"whatever.handoff"_s});
        QCOMPARE(check.exitCode, 2);
        QVERIFY(check.err.contains("TRN010"));
    }

    void badCommandLines() {
        QCOMPARE(runHandoff({u"training"_s, u"start"_s, u"callid-15"_s}).exitCode, 2); // no --out
        QCOMPARE(runHandoff({u"training"_s, u"check"_s, u"callid-15"_s}).exitCode, 2); // no project
        QCOMPARE(runHandoff({u"training"_s, u"list"_s, u"extra"_s}).exitCode, 2);
        QCOMPARE(runHandoff({u"training"_s, u"frobnicate"_s}).exitCode, 2);
    }

    void unreadableProjectIsAFailure() {
        QTemporaryDir dir;
        QFile bad(dir.filePath(u"bad.handoff"_s));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write("{ not json");
        bad.close();
        const CliRun run = runHandoff({u"training"_s, u"check"_s, u"callid-15"_s, bad.fileName()});
        QCOMPARE(run.exitCode, 3);
        QVERIFY(run.err.contains("PRJ001"));
        QCOMPARE(runHandoff({u"training"_s, u"check"_s, u"callid-15"_s, dir.filePath(u"missing.handoff"_s)}).exitCode,
                 3);
    }
};

QTEST_GUILESS_MAIN(TestCliTraining)
#include "TestCliTraining.moc"
