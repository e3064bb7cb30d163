#include "diagnostics/Catalog.h"
#include "exports/ArchyExport.h"
#include "exports/ArchyImport.h"
#include "flow/FlowTemplates.h"
#include "flow/FlowValidator.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace handoff;
using namespace handoff::exports;
using namespace handoff::flow;

namespace {

// The published flows live beside the repository (../shared/reference/archy); they are read, never copied in.
QString referenceDir() {
    const QString env = qEnvironmentVariable("HANDOFF_ARCHY_REFERENCE");
    return env.isEmpty() ? QStringLiteral(HANDOFF_SOURCE_DIR) + u"/../shared/reference/archy"_s : env;
}

QByteArray readReference(const QString& name) {
    QFile f(referenceDir() + u'/' + name);
    if (!f.open(QIODevice::ReadOnly)) {
        return {};
    }
    return f.readAll();
}

QStringList codes(const diagnostics::Diagnostics& list) {
    QStringList out;
    for (const auto& d : list) {
        out.append(d.code);
    }
    return out;
}

// An independent reader: PyYAML (Debian's python3-yaml), a YAML 1.1 parser, gives the document as JSON.
QJsonObject readWithPyYaml(const QByteArray& yaml, QString* error = nullptr) {
    QProcess p;
    p.start(u"python3"_s, {u"-c"_s, u"import sys, json, yaml\n"
                                    "print(json.dumps(yaml.safe_load(sys.stdin.read())))"_s});
    p.write(yaml);
    p.closeWriteChannel();
    p.waitForFinished(30000);
    if (p.exitCode() != 0 && error) {
        *error = QString::fromUtf8(p.readAllStandardError());
    }
    return QJsonDocument::fromJson(p.readAllStandardOutput()).object();
}

Flow sipTransfer() {
    return *flowTemplate(u"sip-transfer"_s);
}

QString uuiPlaceholder(const SetUuiDataProps& p) {
    return u"Append(\"{\\\"token\\\":\\\"\", "_s + p.tokenVariable + u", \"\\\"}\")"_s;
}

int countKind(const Flow& flow, ActionKind kind) {
    int n = 0;
    flow.forEachAction([&](const Task&, const Action& a) { n += a.kind() == kind ? 1 : 0; });
    return n;
}

// Every JSON object in `v` (depth first), for finding actions in PyYAML's reading.
void collect(const QJsonValue& v, const QString& key, QList<QJsonObject>& found) {
    if (v.isObject()) {
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (it.key() == key && it.value().isObject()) {
                found.append(it.value().toObject());
            }
            collect(it.value(), key, found);
        }
    } else if (v.isArray()) {
        for (const QJsonValue& item : v.toArray()) {
            collect(item, key, found);
        }
    }
}

} // namespace

class TestArchy : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void exportIsReadByAYaml11Parser() {
        ArchyExportOptions options;
        options.uuiExpression = uuiPlaceholder;
        const Flow flow = sipTransfer();
        const auto yaml = exportArchy(flow, options);
        QVERIFY2(yaml.has_value(), qPrintable(yaml ? QString() : yaml.error().message));
        QString error;
        const QJsonObject doc = readWithPyYaml(*yaml, &error);
        QVERIFY2(!doc.isEmpty(), qPrintable(error));
        const QJsonObject ic = doc.value(u"inboundCall"_s).toObject();
        QCOMPARE(ic.value(u"name"_s).toString(), flow.name);
        QCOMPARE(ic.value(u"startUpRef"_s).toString(), u"/inboundCall/tasks/task[%1]"_s.arg(flow.startTaskId));
        const QJsonArray tasks = ic.value(u"tasks"_s).toArray();
        QCOMPARE(tasks.size(), flow.tasks.size());
        QCOMPARE(tasks.first().toObject().value(u"task"_s).toObject().value(u"refId"_s).toString(),
                 flow.tasks.first().id);

        // Decision outputs: a YAML 1.1 reader must see the strings "yes" and "no", not Booleans.
        QList<QJsonObject> decisions;
        collect(doc, u"decision"_s, decisions);
        QCOMPARE(decisions.size(), countKind(flow, ActionKind::Decision));
        for (const QJsonObject& d : decisions) {
            const QJsonObject outputs = d.value(u"outputs"_s).toObject();
            QVERIFY2(outputs.contains(u"yes"_s) && outputs.contains(u"no"_s),
                     QJsonDocument(outputs).toJson().constData());
            QVERIFY(d.value(u"condition"_s).toObject().contains(u"exp"_s));
        }
        // Call Data: category / dataAction / inputs / successOutputs and the three outputs.
        QList<QJsonObject> calls;
        collect(doc, u"callData"_s, calls);
        QCOMPARE(calls.size(), countKind(flow, ActionKind::CallData));
        QVERIFY(!calls.isEmpty());
        const CallDataProps* model = nullptr;
        flow.forEachAction([&](const Task&, const Action& a) {
            if (!model) {
                model = a.as<CallDataProps>();
            }
        });
        const QJsonObject call = calls.first();
        const QJsonObject action = call.value(u"category"_s)
                                       .toObject()
                                       .value(model->integration)
                                       .toObject()
                                       .value(u"dataAction"_s)
                                       .toObject()
                                       .value(model->dataAction)
                                       .toObject();
        QCOMPARE(action.value(u"inputs"_s).toObject().size(), model->inputs.size());
        QCOMPARE(action.value(u"successOutputs"_s).toObject().size(), model->successOutputs.size());
        for (const Binding& b : model->successOutputs) {
            QCOMPARE(action.value(u"successOutputs"_s).toObject().value(b.name).toObject().value(u"var"_s).toString(),
                     b.value);
        }
        QCOMPARE(call.value(u"timeout"_s).toObject().value(u"lit"_s).toObject().value(u"seconds"_s).toInt(),
                 model->timeoutSeconds);
        QCOMPARE(call.value(u"outputs"_s).toObject().keys(), (QStringList{u"failure"_s, u"success"_s, u"timeout"_s}));
        // Assumed keys carry a comment that says so.
        QVERIFY(yaml->contains("transferToNumber:  # assumption"));
    }

    void roundTripGivesTheSameText() {
        ArchyExportOptions options;
        options.uuiExpression = uuiPlaceholder;
        const auto first = exportArchy(sipTransfer(), options);
        QVERIFY(first);
        const ArchyImportResult imported = importArchy(*first);
        QVERIFY2(imported.ok(), qPrintable(codes(imported.diagnostics).join(u' ')));
        QCOMPARE(codes(imported.diagnostics), QStringList{});
        const auto second = exportArchy(imported.flow, options);
        QVERIFY(second);
        QCOMPARE(QString::fromUtf8(*second), QString::fromUtf8(*first));

        // What the model has survives the trip.
        const Flow original = sipTransfer();
        QCOMPARE(imported.flow.startTaskId, original.startTaskId);
        QCOMPARE(imported.flow.tasks.size(), original.tasks.size());
        QCOMPARE(imported.flow.actionCount(), original.actionCount());
        for (int k = 0; k <= static_cast<int>(ActionKind::Opaque); ++k) {
            QCOMPARE(countKind(imported.flow, ActionKind(k)), countKind(original, ActionKind(k)));
        }
        QList<CallDataProps> a;
        QList<CallDataProps> b;
        original.forEachAction([&](const Task&, const Action& x) {
            if (const auto* p = x.as<CallDataProps>()) {
                a.append(*p);
            }
        });
        imported.flow.forEachAction([&](const Task&, const Action& x) {
            if (const auto* p = x.as<CallDataProps>()) {
                b.append(*p);
            }
        });
        QCOMPARE(b.size(), a.size());
        QVERIFY(a == b);
    }

    void publishedFlowImports() {
        const QByteArray text = readReference(u"CacheExampleFlow.yaml"_s);
        if (text.isEmpty()) {
            QSKIP("../shared/reference/archy is not there (set HANDOFF_ARCHY_REFERENCE)");
        }
        const ArchyImportResult r = importArchy(text);
        QVERIFY2(r.ok(), qPrintable(codes(r.diagnostics).join(u' ')));
        QCOMPARE(r.flow.name, u"Cache Example"_s);
        QCOMPARE(r.flow.startTaskId, u"startingTask"_s); // from the relative ./tasks/task[startingTask]
        // dataTableLookup and transferToAcd: kept as opaque actions, each reported with its code and name.
        QCOMPARE(countKind(r.flow, ActionKind::Opaque), 2);
        QCOMPARE(codes(r.diagnostics).count(u"EXP045"_s), 2);
        QStringList kinds;
        r.flow.forEachAction([&](const Task&, const Action& a) {
            if (const auto* o = a.as<OpaqueProps>()) {
                kinds.append(o->archyKind);
                QVERIFY(!o->raw.isEmpty());
            }
        });
        kinds.sort();
        QCOMPARE(kinds, (QStringList{u"dataTableLookup"_s, u"transferToAcd"_s}));
        // Unquoted yes:/no: (strings to yaml-cpp) fill the Decision outputs.
        int decisions = 0;
        r.flow.forEachAction([&](const Task&, const Action& a) {
            if (a.kind() == ActionKind::Decision) {
                ++decisions;
                QVERIFY(!a.output(u"yes")->empty());
            }
        });
        // Every decision in the file is a modelled one, except those inside an opaque action (kept in its raw form).
        QList<QJsonObject> insideOpaque;
        r.flow.forEachAction([&](const Task&, const Action& a) {
            if (const auto* o = a.as<OpaqueProps>()) {
                collect(o->raw, u"decision"_s, insideOpaque);
            }
        });
        QCOMPARE(insideOpaque.size(), 1);
        QCOMPARE(decisions, int(text.count("- decision:")) - int(insideOpaque.size()));
        // Typed task variables are declared, the ones the model lacks kept with their Archy type.
        QVERIFY(r.flow.variable(u"Task.AgentsIdle"_s));
        QCOMPARE(r.flow.variable(u"Task.AgentsIdle"_s)->type, ValueType::Boolean);
        QCOMPARE(r.flow.variable(u"Task.AgentsIdle"_s)->initial, Value::boolean(true));
        QCOMPARE(r.flow.variable(u"Task.Queue"_s)->extra.value(u"archyType"_s).toString(), u"queueVariable"_s);

        // The project file keeps the opaque actions (kind "opaque") and what the import kept in extra.
        const FlowReadResult reread = flowFromJson(toJson(r.flow));
        QVERIFY(reread.ok());
        QVERIFY(reread.flow == r.flow);

        // Validation reports the opaque actions (FLW027) like any other problem.
        const diagnostics::Diagnostics checked = validate(r.flow);
        QCOMPARE(codes(checked).count(u"FLW027"_s), 2);

        // Export, import, export: the same text; nothing the model does not have is lost.
        const auto first = exportArchy(r.flow);
        QVERIFY(first);
        const ArchyImportResult again = importArchy(*first);
        QVERIFY(again.ok());
        QCOMPARE(QString::fromUtf8(*exportArchy(again.flow)), QString::fromUtf8(*first));
        QList<OpaqueProps> before;
        QList<OpaqueProps> after;
        r.flow.forEachAction([&](const Task&, const Action& a) {
            if (const auto* o = a.as<OpaqueProps>()) {
                before.append(*o);
            }
        });
        again.flow.forEachAction([&](const Task&, const Action& a) {
            if (const auto* o = a.as<OpaqueProps>()) {
                after.append(*o);
            }
        });
        QVERIFY(before == after);
        // And an independent reader agrees the export holds them.
        const QJsonObject doc = readWithPyYaml(*first);
        QList<QJsonObject> lookups;
        collect(doc, u"dataTableLookup"_s, lookups);
        QCOMPARE(lookups.size(), 1);
        QVERIFY(lookups.first().value(u"dataTable"_s).toObject().contains(u"IVR Cache"_s));
        QList<QJsonObject> acd;
        collect(doc, u"transferToAcd"_s, acd);
        QCOMPARE(acd.size(), 1);
        QCOMPARE(acd.first().value(u"targetQueue"_s).toObject().value(u"exp"_s).toString(), u"Task.Queue"_s);
    }

    void unrenderedTemplateIsRefusedWhereItIs() {
        const QByteArray text = readReference(u"DR-Fallback-Ivr.yaml"_s);
        if (text.isEmpty()) {
            QSKIP("../shared/reference/archy is not there (set HANDOFF_ARCHY_REFERENCE)");
        }
        const ArchyImportResult r = importArchy(text);
        QVERIFY(!r.ok());
        // Where the placeholders are, found in the text itself.
        const QList<QByteArray> lines = text.split('\n');
        QList<std::pair<int, int>> expected; // 1-based line, column of "{{"
        for (int i = 0; i < lines.size(); ++i) {
            if (const int col = lines[i].indexOf("{{"); col >= 0) {
                expected.append({i + 1, col + 1});
            }
        }
        QCOMPARE(expected.size(), 2);
        QList<diagnostics::Diagnostic> found;
        for (const auto& d : r.diagnostics) {
            if (d.code == u"EXP043"_s) {
                found.append(d);
            }
        }
        QCOMPARE(found.size(), expected.size());
        for (int k = 0; k < found.size(); ++k) {
            QCOMPARE(found[k].where.line, expected[k].first);
            // The inner mapping starts at the second brace.
            QVERIFY(found[k].where.column == expected[k].second || found[k].where.column == expected[k].second + 1);
            QVERIFY(found[k].message.contains(u"unrendered template"_s));
        }
        QVERIFY(found[0].message.contains(u"{{ivr_callback}}"_s));
        QVERIFY(found[1].message.contains(u"{{ivr_failure}}"_s));
    }

    void rendereredTemplateImports() {
        // With the placeholders filled in, the same published flow is a usable one (absolute startUpRef with a
        // space in the refId, settings and menus kept).
        QByteArray text = readReference(u"DR-Fallback-Ivr.yaml"_s);
        if (text.isEmpty()) {
            QSKIP("../shared/reference/archy is not there (set HANDOFF_ARCHY_REFERENCE)");
        }
        text.replace("{{ivr_callback}}", "We will call you back.").replace("{{ivr_failure}}", "Sorry.");
        const ArchyImportResult r = importArchy(text);
        QVERIFY2(r.ok(), qPrintable(codes(r.diagnostics).join(u' ')));
        QCOMPARE(r.flow.tasks.size(), 1);
        QCOMPARE(r.flow.task(r.flow.startTaskId)->name, u"Voicemail Queue"_s);
        QVERIFY(r.flow.extra.value(u"archy"_s).toObject().contains(u"menus"_s));
        QVERIFY(r.flow.extra.value(u"archy"_s).toObject().contains(u"settingsErrorHandling"_s));
        const auto yaml = exportArchy(r.flow);
        QVERIFY(yaml);
        QVERIFY(yaml->contains("startUpRef: /inboundCall/tasks/task[Voicemail Queue_12]"));
        const QJsonObject doc = readWithPyYaml(*yaml);
        QCOMPARE(doc.value(u"inboundCall"_s).toObject().value(u"initialGreeting"_s).toObject().value(u"tts"_s),
                 QJsonValue(u"We will call you back."_s));
        QVERIFY(doc.value(u"inboundCall"_s).toObject().contains(u"menus"_s));
        QCOMPARE(QString::fromUtf8(*exportArchy(importArchy(*yaml).flow)), QString::fromUtf8(*yaml));
    }

    void booleanOutputKeysAreYesAndNo() {
        // What a YAML 1.1 writer makes of unquoted yes/no.
        const QByteArray text = "inboundCall:\n"
                                "  name: B\n"
                                "  startUpRef: ./tasks/task[t]\n"
                                "  tasks:\n"
                                "    - task:\n"
                                "        name: T\n"
                                "        refId: t\n"
                                "        actions:\n"
                                "          - decision:\n"
                                "              condition: {exp: Call.Ani == \"x\"}\n"
                                "              outputs:\n"
                                "                true: {actions: [{disconnect: {name: Y}}]}\n"
                                "                false: {actions: [{disconnect: {name: N}}]}\n"
                                "          - disconnect: {name: End}\n";
        const ArchyImportResult r = importArchy(text);
        QVERIFY2(r.ok(), qPrintable(codes(r.diagnostics).join(u' ')));
        const Action& d = r.flow.tasks.first().actions.front();
        QCOMPARE(d.output(u"yes")->front().name, u"Y"_s);
        QCOMPARE(d.output(u"no")->front().name, u"N"_s);
        const auto yaml = exportArchy(r.flow);
        QVERIFY(yaml->contains("\"yes\":") && yaml->contains("\"no\":"));
    }

    void badInput_data() {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("code");
        QTest::addColumn<int>("line");
        QTest::newRow("broken YAML") << QByteArray("inboundCall:\n  name: [unclosed\n  tasks: x\n") << u"EXP040"_s << 0;
        QTest::newRow("other flow type") << QByteArray("inQueueCall:\n  name: Q\n") << u"EXP041"_s << 1;
        QTest::newRow("project file") << QByteArray("{\"version\": 3, \"flow\": {}}") << u"EXP041"_s << 1;
        QTest::newRow("not a mapping") << QByteArray("- a\n- b\n") << u"EXP041"_s << 1;
        QTest::newRow("no tasks") << QByteArray("inboundCall:\n  name: N\n  startUpRef: ./tasks/task[a]\n")
                                  << u"EXP042"_s << 0;
        QTest::newRow("start names no task")
            << QByteArray("inboundCall:\n  name: N\n  startUpRef: ./tasks/task[b]\n  tasks:\n    - task:\n"
                          "        name: A\n        refId: a\n        actions:\n          - disconnect: {name: D}\n")
            << u"EXP046"_s << 3;
        QTest::newRow("start is a menu")
            << QByteArray("inboundCall:\n  name: N\n  startUpRef: /inboundCall/menus/menu[m]\n  tasks:\n    - task:\n"
                          "        name: A\n        refId: a\n        actions:\n          - disconnect: {name: D}\n")
            << u"EXP046"_s << 3;
        QTest::newRow("condition not a value")
            << QByteArray("inboundCall:\n  name: N\n  startUpRef: ./tasks/task[a]\n  tasks:\n    - task:\n"
                          "        name: A\n        refId: a\n        actions:\n          - decision:\n"
                          "              condition: Call.Ani\n")
            << u"EXP042"_s << 10;
        QTest::newRow("duplicate refId")
            << QByteArray(
                   "inboundCall:\n  name: N\n  startUpRef: ./tasks/task[a]\n  tasks:\n"
                   "    - task: {name: A, refId: a, actions: []}\n    - task: {name: B, refId: a, actions: []}\n")
            << u"EXP046"_s << 6;
    }

    void badInput() {
        QFETCH(QByteArray, text);
        QFETCH(QString, code);
        QFETCH(int, line);
        const ArchyImportResult r = importArchy(text);
        QVERIFY(!r.ok());
        QVERIFY2(codes(r.diagnostics).contains(code), qPrintable(codes(r.diagnostics).join(u' ')));
        for (const auto& d : r.diagnostics) {
            if (d.code == code) {
                if (line > 0) {
                    QCOMPARE(d.where.line, line);
                } else if (code == u"EXP040"_s) {
                    QVERIFY(d.where.line > 0 && d.where.column > 0);
                }
                QVERIFY(diagnostics::findCode(d.code).has_value());
                break;
            }
        }
    }

    void unknownKeysAreReportedAndKept() {
        const QByteArray text = "inboundCall:\n"
                                "  name: U\n"
                                "  startUpRef: ./tasks/task[t]\n"
                                "  someFutureSetting: {lit: 3}\n"
                                "  tasks:\n"
                                "    - task:\n"
                                "        name: T\n"
                                "        refId: t\n"
                                "        actions:\n"
                                "          - playAudio:\n"
                                "              name: Hello\n"
                                "              audio: {tts: Hello there}\n"
                                "              bargeIn: {lit: true}\n"
                                "          - disconnect: {name: End}\n";
        const ArchyImportResult r = importArchy(text);
        QVERIFY(r.ok());
        QCOMPARE(codes(r.diagnostics), (QStringList{u"EXP044"_s, u"EXP044"_s}));
        QCOMPARE(r.diagnostics[0].where.line, 4);
        QCOMPARE(r.diagnostics[1].where.line, 13);
        QCOMPARE(r.flow.tasks.first().actions.front().as<PlayAudioProps>()->audio.tts, u"\"Hello there\""_s);
        const auto yaml = exportArchy(r.flow);
        QVERIFY(yaml);
        const QJsonObject doc = readWithPyYaml(*yaml).value(u"inboundCall"_s).toObject();
        QCOMPARE(doc.value(u"someFutureSetting"_s).toObject().value(u"lit"_s).toInt(), 3);
        QList<QJsonObject> plays;
        collect(doc, u"playAudio"_s, plays);
        QCOMPARE(plays.first().value(u"bargeIn"_s).toObject().value(u"lit"_s).toBool(), true);
        QCOMPARE(plays.first().value(u"audio"_s).toObject().value(u"tts"_s).toString(), u"Hello there"_s);
    }

    void ambiguousStringsAreQuoted() {
        Flow flow = sipTransfer();
        flow.name = u"yes"_s;
        const auto yaml = exportArchy(flow);
        QVERIFY(yaml);
        QCOMPARE(readWithPyYaml(*yaml).value(u"inboundCall"_s).toObject().value(u"name"_s), QJsonValue(u"yes"_s));
        QCOMPARE(importArchy(*yaml).flow.name, u"yes"_s);
    }

    void unexportableFlowIsRefused() {
        Flow flow = sipTransfer();
        flow.tasks.first().id = u"has/slash"_s;
        const auto yaml = exportArchy(flow);
        QVERIFY(!yaml);
        QCOMPARE(yaml.error().code, u"EXP047"_s);
        QVERIFY(!exportArchy(Flow{}));
        Flow withOpaque = sipTransfer();
        withOpaque.tasks.first().actions.insert(withOpaque.tasks.first().actions.begin(),
                                                Action::make(u"o"_s, {}, OpaqueProps{}));
        QCOMPARE(exportArchy(withOpaque).error().code, u"EXP047"_s);
    }
};

QTEST_GUILESS_MAIN(TestArchy)
#include "TestArchy.moc"
