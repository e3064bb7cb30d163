// Inputs with which the archy_yaml fuzz target (tests/fuzz) stopped, kept in tests/data/fuzz/archy_yaml/.
#include "exports/ArchyExport.h"
#include "exports/ArchyImport.h"

#include <QDir>
#include <QFile>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace handoff;

namespace {

QByteArray finding(const QString& name) {
    QFile file(QStringLiteral(HANDOFF_TEST_DATA "/fuzz/archy_yaml/") + name);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestArchyFuzzFindings final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // Whatever the file: either the import refuses it, or its export imports again to the same flow and exports to
    // the same text (the fuzz target's invariant).
    void acceptedFlowsSurviveTheRoundTrip_data() {
        QTest::addColumn<QByteArray>("yaml");
        const QDir dir(QStringLiteral(HANDOFF_TEST_DATA "/fuzz/archy_yaml"));
        const QStringList names = dir.entryList(QDir::Files);
        QVERIFY(!names.isEmpty());
        for (const QString& name : names) {
            QTest::newRow(qPrintable(name)) << finding(name);
        }
    }
    void acceptedFlowsSurviveTheRoundTrip() {
        QFETCH(QByteArray, yaml);
        const exports::ArchyImportResult imported = exports::importArchy(yaml);
        if (!imported.ok()) {
            return;
        }
        const auto first = exports::exportArchy(imported.flow);
        QVERIFY(first.has_value());
        const exports::ArchyImportResult again = exports::importArchy(*first);
        QVERIFY(again.ok());
        QVERIFY(again.flow == imported.flow);
        const auto second = exports::exportArchy(again.flow);
        QVERIFY(second.has_value());
        QCOMPARE(QString::fromUtf8(*second), QString::fromUtf8(*first));
    }

    // The first finding: the export writes `division: Home`, `defaultLanguage: en-us` and the matching
    // `supportedLanguages` for a flow without them; the import must not keep those defaults as the flow's own, or
    // the flow changes on its way through the export.
    void defaultsTheExportWritesAreNotKept() {
        const exports::ArchyImportResult bare = exports::importArchy(finding(u"no-division-no-languages.yaml"_s));
        QVERIFY(bare.ok());
        QVERIFY(!bare.flow.extra.contains(u"archy"_s));
        const auto yaml = exports::exportArchy(bare.flow);
        QVERIFY(yaml.has_value());
        QVERIFY(yaml->contains("division: Home"));
        QVERIFY(yaml->contains("defaultLanguage: en-us"));
        const exports::ArchyImportResult again = exports::importArchy(*yaml);
        QVERIFY(again.ok());
        QVERIFY(!again.flow.extra.contains(u"archy"_s));

        // A setting other than the default is kept and written back.
        QByteArray german = finding(u"no-division-no-languages.yaml"_s);
        german.replace("  startUpRef:", "  division: Sales\n  defaultLanguage: de-de\n  startUpRef:");
        const exports::ArchyImportResult kept = exports::importArchy(german);
        QVERIFY(kept.ok());
        const QJsonObject archy = kept.flow.extra.value(u"archy"_s).toObject();
        QCOMPARE(archy.value(u"division"_s).toString(), u"Sales"_s);
        QCOMPARE(archy.value(u"defaultLanguage"_s).toString(), u"de-de"_s);
        const auto written = exports::exportArchy(kept.flow);
        QVERIFY(written.has_value());
        QVERIFY(written->contains("division: Sales"));
        QVERIFY(written->contains("defaultLanguage: de-de"));
        QVERIFY(exports::importArchy(*written).flow == kept.flow);
    }

    // The second finding: a task without a name (its key spelt with a control character) came back from the export
    // with its id as the name; the import now gives it that name at once.
    void aTaskWithoutANameIsNamedAfterItsId() {
        const exports::ArchyImportResult imported = exports::importArchy(finding(u"task-without-a-name.yaml"_s));
        QVERIFY(imported.ok());
        QCOMPARE(imported.flow.tasks.size(), 1);
        QCOMPARE(imported.flow.tasks.constFirst().name, imported.flow.tasks.constFirst().id);
        const auto yaml = exports::exportArchy(imported.flow);
        QVERIFY(yaml.has_value());
        QVERIFY(exports::importArchy(*yaml).flow == imported.flow);
    }

    // The third finding, three inputs: a mapping with a key twice (two `tasks`, two `name` in an action the model
    // does not have). yaml-cpp keeps both, the import took the first and the kept JSON the last, so the flow changed
    // through the export. YAML allows each key once: such a file is refused with EXP042, located at the second key.
    void duplicateKeysAreRefused_data() {
        QTest::addColumn<QString>("name");
        QTest::newRow("tasks twice") << u"duplicate-tasks-key.yaml"_s;
        QTest::newRow("in an unknown action") << u"duplicate-key-in-an-unknown-action.yaml"_s;
        QTest::newRow("name twice in an opaque action") << u"duplicate-name-in-an-opaque-action.yaml"_s;
        QTest::newRow("inboundCall twice") << u"duplicate-inboundCall.yaml"_s;
        QTest::newRow("startUpRef and tasks twice") << u"duplicate-startUpRef-and-tasks.yaml"_s;
    }
    void duplicateKeysAreRefused() {
        QFETCH(QString, name);
        const exports::ArchyImportResult imported = exports::importArchy(finding(name));
        QVERIFY(!imported.ok());
        bool located = false;
        for (const diagnostics::Diagnostic& d : imported.diagnostics) {
            located = located || (d.code == u"EXP042"_s && d.message.contains(u"appears twice"_s) && d.where.line > 1);
        }
        QVERIFY(located);
    }

    void aDuplicateKeyIsFoundWhereverItIs() {
        const QByteArray yaml = "inboundCall:\n  name: A\n  name: B\n  startUpRef: /inboundCall/tasks/task[t]\n"
                                "  tasks:\n    - task:\n        name: T\n        refId: t\n        actions:\n"
                                "          - disconnect:\n              name: D\n";
        const exports::ArchyImportResult imported = exports::importArchy(yaml);
        QVERIFY(!imported.ok());
        QCOMPARE(imported.diagnostics.constFirst().code, u"EXP042"_s);
        QCOMPARE(imported.diagnostics.constFirst().where.line, 3);
        QCOMPARE(imported.diagnostics.constFirst().where.column, 3);
    }

    // The fourth finding: a jumpToTask whose targetTaskRef key was mangled was accepted as a jump to nowhere, and
    // its export (targetTaskRef: .../task[]) was refused. A jump needs its target: EXP046.
    void aJumpWithoutATargetIsRefused() {
        const exports::ArchyImportResult imported = exports::importArchy(finding(u"jump-without-a-target.yaml"_s));
        QVERIFY(!imported.ok());
        bool found = false;
        for (const diagnostics::Diagnostic& d : imported.diagnostics) {
            found = found || (d.code == u"EXP046"_s && d.message.contains(u"targetTaskRef"_s));
        }
        QVERIFY(found);
    }

    // A fifth finding (2026-12-02, the long run): `division: #ome` is an empty division. The import kept it as null,
    // the export wrote its default (Home), and that was not kept on the way back: the flow changed. An empty
    // division or language is the same as none; one that is not a name is refused (EXP042, at the value).
    void anEmptyDivisionIsNone() {
        const exports::ArchyImportResult imported = exports::importArchy(finding(u"empty-division.yaml"_s));
        QVERIFY(imported.ok());
        QVERIFY(!imported.flow.extra.contains(u"archy"_s));
        const auto yaml = exports::exportArchy(imported.flow);
        QVERIFY(yaml.has_value());
        QVERIFY(yaml->contains("division: Home"));
        QVERIFY(exports::importArchy(*yaml).flow == imported.flow);
    }
    void aDivisionThatIsNotANameIsRefused() {
        const exports::ArchyImportResult imported = exports::importArchy(finding(u"division-not-a-name.yaml"_s));
        QVERIFY(!imported.ok());
        const diagnostics::Diagnostic& d = imported.diagnostics.constFirst();
        QCOMPARE(d.code, u"EXP042"_s);
        QCOMPARE(d.where.field, u"inboundCall.division"_s);
        QCOMPARE(d.where.line, 3);
    }
};

QTEST_GUILESS_MAIN(TestArchyFuzzFindings)
#include "TestArchyFuzzFindings.moc"
