#include "diagnostics/Catalog.h"
#include "flow/FlowEdit.h"
#include "flow/FlowGraph.h"
#include "flow/FlowTemplates.h"
#include "flow/FlowValidator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <functional>

using namespace Qt::StringLiterals;
using namespace handoff;
using namespace handoff::flow;

using Mutation = std::function<void(Flow&)>;
Q_DECLARE_METATYPE(Mutation)

namespace {

// "task/action.property", the parts of a flow location that are set.
QString where(const diagnostics::Location& at) {
    QString out = at.taskId;
    if (!at.actionId.isEmpty()) {
        out += u'/' + at.actionId;
    }
    if (!at.property.isEmpty()) {
        out += u'.' + at.property;
    }
    return out;
}

QStringList codes(const diagnostics::Diagnostics& list) {
    QStringList out;
    for (const diagnostics::Diagnostic& d : list) {
        out.append(d.code);
    }
    return out;
}

QString describe(const diagnostics::Diagnostics& list) {
    QStringList lines;
    for (const diagnostics::Diagnostic& d : list) {
        lines.append(d.code + u' ' + where(d.where) + u' ' + d.where.field + u": "_s + d.message);
    }
    return lines.join(u'\n');
}

Action& action(Flow& flow, const QString& id) {
    Action* a = flow.find(id);
    Q_ASSERT(a);
    return *a;
}

void ok(const Result<void>& r) {
    QVERIFY2(r.has_value(), r ? "" : qPrintable(r.error().code + u' ' + r.error().message));
}

edit::Place in(const QString& task, int index = -1) {
    return edit::Place{task, {}, {}, index};
}

edit::Place output(const QString& task, const QString& parent, const QString& key, int index = -1) {
    return edit::Place{task, parent, key, index};
}

} // namespace

class TestFlowValidator final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void templateValidatesClean() {
        for (bool fromFunction : {true, false}) {
            TemplateOptions options;
            options.tokenFromFunction = fromFunction;
            const diagnostics::Diagnostics list = validate(sipTransferTemplate(options));
            QVERIFY2(list.isEmpty(), qPrintable(describe(list)));
        }
    }

    void templateReproducesTheArticle() {
        const Flow flow = sipTransferTemplate();
        QCOMPARE(flow.startTaskId, u"main"_s);
        QCOMPARE(flow.tasks.size(), 2);
        // The starting task in the article's order, top to bottom, as Architect draws it.
        QStringList kinds;
        for (const Action& a : flow.task(u"main"_s)->actions) {
            kinds.append(actionKindKey(a.kind()));
        }
        QCOMPARE(kinds, (QStringList{u"transcription"_s, u"enableParticipantRecording"_s, u"playAudio"_s, u"callData"_s,
                                     u"decision"_s, u"setPostFlow"_s, u"setUuiData"_s, u"transferToNumber"_s,
                                     u"disconnect"_s}));
        const CallDataProps* callData = flow.find(u"create-voicecall"_s)->as<CallDataProps>();
        QVERIFY(callData);
        auto input = [&](const QString& name) {
            for (const Binding& b : callData->inputs) {
                if (b.name == name) {
                    return b.value;
                }
            }
            return QString();
        };
        QCOMPARE(input(u"from"_s), u"Call.Ani"_s);
        QCOMPARE(input(u"vendorCallKey"_s), u"Call.ConversationId"_s);
        QCOMPARE(input(u"to"_s), u"Call.CalledAddressOriginal"_s);
        QCOMPARE(input(u"callAttributes"_s), u"\"{\\\"Department__c\\\":\\\"Support\\\"}\""_s);
        QVERIFY(input(u"orgId"_s).isEmpty()); // renamed: Genesys reserves it
        QCOMPARE(callData->successOutputs, (QList<Binding>{{u"voiceCallId"_s, u"Task.voiceCallId"_s, {}},
                                                           {u"uuiToken"_s, u"Task.uuiToken"_s, {}}}));
        QCOMPARE(flow.find(u"set-uui"_s)->as<SetUuiDataProps>()->tokenVariable, u"Task.uuiToken"_s);
        QCOMPARE(flow.find(u"post-flow"_s)->as<SetPostFlowProps>()->target, PostFlowTarget::Caller);
        QCOMPARE(flow.find(u"set-uui"_s)->as<SetUuiDataProps>()->mode, UuiMode::Transfer);
        // Failure and timeout jump to the reusable task: Architect's "Jump to Reusable Task" targets a task.
        const Action& create = *flow.find(u"create-voicecall"_s);
        QCOMPARE(create.output(u"failure")->front().as<JumpProps>()->task, u"failure-handling"_s);
        QCOMPARE(create.output(u"timeout")->front().as<JumpProps>()->task, u"failure-handling"_s);
        QVERIFY(create.output(u"success")->empty()); // merges back: the Decision follows
    }

    // The control-flow graph: what runs after each action, computed once from the nested structure.
    void graphMergesBack() {
        const Flow flow = sipTransferTemplate();
        const FlowGraph graph(flow);
        QCOMPARE(graph.size(), 15);
        QVERIFY(graph.duplicateIds().isEmpty());
        auto next = [&](const QString& id, const QString& path) {
            for (const GraphEdge& e : graph.node(graph.indexOf(id)).edges) {
                if (e.path == path) {
                    return e.target >= 0 ? graph.node(e.target).id() : u"#%1"_s.arg(e.target);
                }
            }
            return u"none"_s;
        };
        QCOMPARE(graph.node(graph.start()).id(), u"transcription"_s);
        QCOMPARE(next(u"create-voicecall"_s, u"success"_s), u"voicecall-created"_s); // empty output: merge back
        QCOMPARE(next(u"create-voicecall"_s, u"failure"_s), u"failure-jump"_s);
        QCOMPARE(next(u"failure-jump"_s, u"jump"_s), u"failure-audio"_s);
        QCOMPARE(next(u"voicecall-created"_s, u"yes"_s), u"post-flow"_s);
        QCOMPARE(next(u"transfer"_s, u"failure"_s), u"transfer-failed-audio"_s);
        QCOMPARE(next(u"transfer-failed-audio"_s, u"next"_s), u"transfer-failed-disconnect"_s); // after its parent
        QCOMPARE(next(u"transfer"_s, u"next"_s), u"none"_s); // a successful transfer leaves the flow
        QCOMPARE(next(u"failure-disconnect"_s, u"next"_s), u"none"_s);
        // Without the final Disconnect the failure path falls off the end of the task.
        Flow open = flow;
        ok(edit::removeAction(open, u"transfer-failed-disconnect"_s, edit::RemoveMode::WithNested));
        const FlowGraph openGraph(open);
        const GraphEdge e = openGraph.node(openGraph.indexOf(u"transfer-failed-audio"_s)).edges.constFirst();
        QCOMPARE(e.target, GraphEdge::kTaskEnd);
        QCOMPARE(open.tasks[e.endOfTask].id, u"main"_s);
    }

    void jsonRoundTrip() {
        const Flow flow = sipTransferTemplate();
        const QJsonObject json = toJson(flow);
        // Through text, as in a file.
        const QJsonObject reread = QJsonDocument::fromJson(QJsonDocument(json).toJson()).object();
        const FlowReadResult read = flowFromJson(reread);
        QVERIFY2(read.ok(), qPrintable(describe(read.diagnostics)));
        QVERIFY(read.diagnostics.isEmpty());
        QVERIFY(read.flow == flow);
        QCOMPARE(toJson(read.flow), json);
    }

    void badJsonIsLocated_data() {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("place");
        QTest::newRow("unknown kind")
            << QByteArray(R"({"startTask":"t","tasks":[{"id":"t","actions":[{"id":"a","kind":"transferToQueue"}]}]})")
            << u"flow.tasks[0].actions[0].kind"_s << u"t/a.kind"_s;
        QTest::newRow("wrong mode") << QByteArray(R"({"startTask":"t","tasks":[{"id":"t","actions":[)"
                                                  R"({"id":"a","kind":"setUuiData","props":{"mode":"both"}}]}]})")
                                    << u"flow.tasks[0].actions[0].props.mode"_s << u"t/a.props.mode"_s;
        QTest::newRow("wrong output") << QByteArray(R"({"startTask":"t","tasks":[{"id":"t","actions":[)"
                                                    R"({"id":"a","kind":"decision","outputs":{"maybe":[]}}]}]})")
                                      << u"flow.tasks[0].actions[0].outputs.maybe"_s << u"t/a.outputs.maybe"_s;
        QTest::newRow("nested wrong type")
            << QByteArray(R"({"startTask":"t","tasks":[{"id":"t","actions":[{"id":"d","kind":"decision","outputs":)"
                          R"({"yes":[{"id":"x","kind":"transferToNumber","props":{"number":15550100100}}]}}]}]})")
            << u"flow.tasks[0].actions[0].outputs.yes[0].props.number"_s << u"t/x.props.number"_s;
        QTest::newRow("bad initial") << QByteArray(
                                            R"({"variables":[{"name":"Flow.n","type":"Integer","initial":"three"}]})")
                                     << u"flow.variables[0].initial"_s << QString();
    }

    void badJsonIsLocated() {
        QFETCH(QByteArray, json);
        QFETCH(QString, field);
        QFETCH(QString, place);
        const FlowReadResult read = flowFromJson(QJsonDocument::fromJson(json).object());
        QVERIFY(!read.ok());
        QCOMPARE(read.diagnostics.constFirst().code, u"FLW005"_s);
        QCOMPARE(read.diagnostics.constFirst().where.field, field);
        QCOMPARE(where(read.diagnostics.constFirst().where), place);
    }

    // Keys this version does not know are reported and written back, at every level.
    void unknownKeysAreKept() {
        QJsonObject json = toJson(sipTransferTemplate());
        json.insert(u"futureSetting"_s, true);
        QJsonArray tasks = json.value(u"tasks"_s).toArray();
        QJsonObject task = tasks[0].toObject();
        task.insert(u"collapsed"_s, true);
        QJsonArray actions = task.value(u"actions"_s).toArray();
        QJsonObject greeting = actions[2].toObject();
        greeting.insert(u"comment"_s, u"from the designer"_s);
        QJsonObject props = greeting.value(u"props"_s).toObject();
        props.insert(u"languge"_s, u"en-US"_s); // a typo
        QJsonObject audio = props.value(u"audio"_s).toObject();
        audio.insert(u"voice"_s, u"Joanna"_s);
        props.insert(u"audio"_s, audio);
        greeting.insert(u"props"_s, props);
        actions[2] = greeting;
        task.insert(u"actions"_s, actions);
        tasks[0] = task;
        json.insert(u"tasks"_s, tasks);

        const FlowReadResult read = flowFromJson(json);
        QVERIFY(read.ok()); // warnings only
        QStringList fields;
        for (const diagnostics::Diagnostic& d : read.diagnostics) {
            QCOMPARE(d.code, u"FLW006"_s);
            fields.append(d.where.field);
        }
        QCOMPARE(fields,
                 (QStringList{u"flow.futureSetting"_s, u"flow.tasks[0].collapsed"_s,
                              u"flow.tasks[0].actions[2].comment"_s, u"flow.tasks[0].actions[2].props.languge"_s,
                              u"flow.tasks[0].actions[2].props.audio.voice"_s}));
        // Written back exactly: nothing the reader did not model is lost.
        QCOMPARE(toJson(read.flow), json);
        // The template's own JSON has no unknown key.
        QVERIFY(flowFromJson(toJson(sipTransferTemplate())).diagnostics.isEmpty());
    }

    // Each rule: a change of the template that triggers it, located by task and action id. The clean template
    // (above) triggers none.
    void mutationsTriggerRules_data() {
        QTest::addColumn<Mutation>("mutate");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("place");

        QTest::newRow("FLW001 syntax") << Mutation([](Flow& f) {
            action(f, u"transfer"_s).as<TransferProps>()->number = u"\"+15550100100"_s;
        }) << u"FLW001"_s << u"main/transfer.props.number"_s;
        QTest::newRow("FLW002 unsupported") << Mutation([](Flow& f) {
            action(f, u"voicecall-created"_s).as<DecisionProps>()->condition = u"Length(Task.voiceCallId) > 0"_s;
        }) << u"FLW002"_s << u"main/voicecall-created.props.condition"_s;
        QTest::newRow("FLW004 unknown variable") << Mutation([](Flow& f) {
            action(f, u"set-uui"_s).as<SetUuiDataProps>()->callIdVariable = u"Task.voiceCallID"_s;
        }) << u"FLW004"_s << u"main/set-uui.props.callIdVariable"_s;
        QTest::newRow("FLW010 transfer before voicecall") << Mutation([](Flow& f) {
            // The failure path no longer jumps away: it merges back and runs on to the transfer.
            ok(edit::removeAction(f, u"failure-jump"_s, edit::RemoveMode::WithNested));
        }) << u"FLW010"_s << u"main/transfer"_s;
        QTest::newRow("FLW011 no uui") << Mutation([](Flow& f) {
            ok(edit::removeAction(f, u"set-uui"_s, edit::RemoveMode::WithNested));
        }) << u"FLW011"_s << u"main/transfer"_s;
        QTest::newRow("FLW011 uui for disconnect")
            << Mutation([](Flow& f) { action(f, u"set-uui"_s).as<SetUuiDataProps>()->mode = UuiMode::Disconnect; })
            << u"FLW011"_s << u"main/transfer"_s;
        QTest::newRow("FLW011 uui only on one path") << Mutation([](Flow& f) {
            // Set UUI Data moves into the Decision's "yes" path, and "no" no longer jumps away: it merges back
            // and reaches the transfer without it.
            ok(edit::moveActions(f, u"set-uui"_s, 1, output(u"main"_s, u"voicecall-created"_s, u"yes"_s)));
            ok(edit::removeAction(f, u"no-id-jump"_s, edit::RemoveMode::WithNested));
        }) << u"FLW011"_s << u"main/transfer"_s;
        QTest::newRow("FLW012 callId not from data action") << Mutation([](Flow& f) {
            action(f, u"set-uui"_s).as<SetUuiDataProps>()->callIdVariable = u"Flow.transferErrorType"_s;
        }) << u"FLW012"_s << u"main/set-uui.props.callIdVariable"_s;
        QTest::newRow("FLW012 expression with literal callId") << Mutation([](Flow& f) {
            SetUuiDataProps* uui = action(f, u"set-uui"_s).as<SetUuiDataProps>();
            uui->source = UuiSource::Expression;
            uui->expression = u"Append(\"{\\\"token\\\":\\\"\", Task.uuiToken, "
                              "\"\\\",\\\"callId\\\":\\\"50130000009xYZ1AAM\\\"}\")"_s;
        }) << u"FLW012"_s << u"main/set-uui.props.expression"_s;
        QTest::newRow("FLW013 task falls off") << Mutation([](Flow& f) {
            ok(edit::removeAction(f, u"transfer-failed-disconnect"_s, edit::RemoveMode::WithNested));
        }) << u"FLW013"_s << u"main/transfer-failed-audio"_s;
        QTest::newRow("FLW013 jump to an empty task") << Mutation([](Flow& f) {
            QVERIFY(edit::addTask(f, u"empty"_s, u"Empty"_s).has_value());
            action(f, u"no-id-jump"_s).as<JumpProps>()->task = u"empty"_s;
        }) << u"FLW013"_s << u"main/no-id-jump.props.task"_s;
        QTest::newRow("FLW014 empty transfer failure") << Mutation([](Flow& f) {
            ok(edit::removeAction(f, u"transfer-failed-audio"_s, edit::RemoveMode::WithNested));
            ok(edit::removeAction(f, u"transfer-failed-disconnect"_s, edit::RemoveMode::WithNested));
        }) << u"FLW014"_s << u"main/transfer.outputs.failure"_s;
        QTest::newRow("FLW015 tel form") << Mutation([](Flow& f) {
            action(f, u"transfer"_s).as<TransferProps>()->number = u"\"tel:+1 555 010 0100\""_s;
        }) << u"FLW015"_s << u"main/transfer.props.number"_s;
        QTest::newRow("FLW015 16 digits") << Mutation([](Flow& f) {
            action(f, u"transfer"_s).as<TransferProps>()->number = u"\"+1555010010012345\""_s;
        }) << u"FLW015"_s << u"main/transfer.props.number"_s;
        QTest::newRow("FLW015 via variable") << Mutation([](Flow& f) {
            f.variables.append({u"Flow.target"_s, ValueType::String, Value::string(u"5550100100"_s), {}, {}, {}});
            action(f, u"transfer"_s).as<TransferProps>()->number = u"Flow.target"_s;
        }) << u"FLW015"_s << u"main/transfer.props.number"_s;
        QTest::newRow("FLW016 agent") << Mutation([](Flow& f) {
            action(f, u"post-flow"_s).as<SetPostFlowProps>()->target = PostFlowTarget::Agent;
        }) << u"FLW016"_s << u"main/post-flow.props.target"_s;
        QTest::newRow("FLW017 task never jumped to") << Mutation([](Flow& f) {
            QVERIFY(edit::addTask(f, u"orphan"_s, u"Orphan"_s).has_value());
            QVERIFY(edit::insertAction(f, in(u"orphan"_s), Action::make({}, {}, DisconnectProps{})).has_value());
        }) << u"FLW017"_s << u"orphan"_s;
        QTest::newRow("FLW017 after disconnect") << Mutation([](Flow& f) {
            // The edit API refuses this place; a hand-edited file can still have it.
            f.task(u"failure-handling"_s)->actions.push_back(Action::make(u"late"_s, {}, PlayAudioProps{}));
        }) << u"FLW017"_s << u"failure-handling/late"_s;
        QTest::newRow("FLW018 unset read") << Mutation([](Flow& f) {
            action(f, u"voicecall-created"_s).as<DecisionProps>()->condition =
                u"IsNotSetOrEmpty(Flow.transferErrorType)"_s;
        }) << u"FLW018"_s << u"main/voicecall-created.props.condition"_s;
        QTest::newRow("FLW018 output only on success") << Mutation([](Flow& f) {
            // The failure handling reads the id that only the success path sets.
            action(f, u"failure-audio"_s).as<PlayAudioProps>()->audio.tts =
                u"Append(\"Reference \", Task.voiceCallId)"_s;
        }) << u"FLW018"_s << u"failure-handling/failure-audio.props.audio.tts"_s;
        QTest::newRow("FLW019 endless loop")
            << Mutation([](Flow& f) { action(f, u"failure-disconnect"_s).props = JumpProps{u"failure-handling"_s}; })
            << u"FLW019"_s << u"failure-handling/failure-audio"_s;
        QTest::newRow("FLW020 unbounded retry")
            << Mutation([](Flow& f) { action(f, u"failure-disconnect"_s).props = JumpProps{u"main"_s}; }) << u"FLW020"_s
            << u"main/transcription"_s;
        QTest::newRow("FLW021 nested name") << Mutation([](Flow& f) {
            action(f, u"create-voicecall"_s).as<CallDataProps>()->inputs[0].name = u"call.to"_s;
        }) << u"FLW021"_s << u"main/create-voicecall.props.inputs[0].name"_s;
        QTest::newRow("FLW021 duplicate name")
            << Mutation([](Flow& f) { action(f, u"create-voicecall"_s).as<CallDataProps>()->inputs[1].name = u"to"_s; })
            << u"FLW021"_s << u"main/create-voicecall.props.inputs[1].name"_s;
        QTest::newRow("FLW022 article's orgId") << Mutation([](Flow& f) {
            action(f, u"create-voicecall"_s).as<CallDataProps>()->inputs[4].name = u"orgId"_s;
        }) << u"FLW022"_s << u"main/create-voicecall.props.inputs[4].name"_s;
        QTest::newRow("FLW023 missing start task")
            << Mutation([](Flow& f) { f.startTaskId = u"nope"_s; }) << u"FLW023"_s << u"nope"_s;
        QTest::newRow("FLW023 duplicate id") << Mutation([](Flow& f) {
            f.task(u"failure-handling"_s)
                ->actions.insert(f.task(u"failure-handling"_s)->actions.begin(),
                                 Action::make(u"transfer"_s, {}, PlayAudioProps{}));
        }) << u"FLW023"_s << u"main/transfer.id"_s;
        QTest::newRow("FLW023 jump to a missing task")
            << Mutation([](Flow& f) { action(f, u"failure-jump"_s).as<JumpProps>()->task = u"gone"_s; }) << u"FLW023"_s
            << u"main/failure-jump.props.task"_s;
        QTest::newRow("FLW024 write Call.Ani") << Mutation([](Flow& f) {
            QVERIFY(edit::insertAction(
                        f, in(u"main"_s, 3),
                        Action::make(u"normalise"_s, {}, UpdateDataProps{{{u"Call.Ani"_s, u"\"+15550100199\""_s, {}}}}))
                        .has_value());
        }) << u"FLW024"_s << u"main/normalise.props.assignments[0].variable"_s;
        QTest::newRow("FLW025 not user-to-user")
            << Mutation([](Flow& f) { action(f, u"set-uui"_s).as<SetUuiDataProps>()->userToUser = false; })
            << u"FLW025"_s << u"main/set-uui.props.userToUser"_s;
        QTest::newRow("FLW026 task id not refId-safe") << Mutation([](Flow& f) {
            f.task(u"failure-handling"_s)->id = u"failure/handling"_s;
            action(f, u"failure-jump"_s).as<JumpProps>()->task = u"failure/handling"_s;
            action(f, u"timeout-jump"_s).as<JumpProps>()->task = u"failure/handling"_s;
            action(f, u"no-id-jump"_s).as<JumpProps>()->task = u"failure/handling"_s;
        }) << u"FLW026"_s << u"failure/handling.id"_s;
    }

    void mutationsTriggerRules() {
        QFETCH(Mutation, mutate);
        QFETCH(QString, code);
        QFETCH(QString, place);
        QVERIFY(!codes(validate(sipTransferTemplate())).contains(code));
        Flow flow = sipTransferTemplate();
        mutate(flow);
        const diagnostics::Diagnostics list = validate(flow);
        bool found = false;
        for (const diagnostics::Diagnostic& d : list) {
            QVERIFY2(d.where.field.isEmpty(), qPrintable(d.where.field)); // ids as data, no field strings
            if (d.code == code && where(d.where) == place) {
                found = true;
                QVERIFY(!d.message.isEmpty());
                QCOMPARE(d.severity, diagnostics::findCode(code)->severity);
            }
        }
        QVERIFY2(found, qPrintable(u"expected %1 at %2, got:\n"_s.arg(code, place) + describe(list)));
    }

    // A run of unreachable actions is reported once, at its first action.
    void unreachableRunReportedOnce() {
        Flow flow = sipTransferTemplate();
        QVERIFY(
            edit::insertAction(flow, in(u"main"_s, 3), Action::make(u"hang-up"_s, {}, DisconnectProps{})).has_value());
        const diagnostics::Diagnostics list = validate(flow);
        QStringList unreachable;
        for (const diagnostics::Diagnostic& d : list) {
            if (d.code == u"FLW017"_s) {
                unreachable.append(where(d.where));
            }
        }
        // The task after the hang-up is unreachable: one report for it and one for the actions of the main task.
        QCOMPARE(unreachable, (QStringList{u"failure-handling"_s, u"main/create-voicecall"_s}));
    }

    // Near misses that must not trigger a rule.
    void nearMissesStayClean_data() {
        QTest::addColumn<Mutation>("mutate");
        QTest::addColumn<QString>("code");

        QTest::newRow("E.164 shortest") << Mutation([](Flow& f) {
            action(f, u"transfer"_s).as<TransferProps>()->number = u"\"+1\""_s;
        }) << u"FLW015"_s;
        QTest::newRow("E.164 15 digits") << Mutation([](Flow& f) {
            action(f, u"transfer"_s).as<TransferProps>()->number = u"\"+441234567890123\""_s;
        }) << u"FLW015"_s;
        QTest::newRow("bounded retry loop") << Mutation([](Flow& f) {
            // failure handling: count the tries, go round again while fewer than 3.
            f.variables.append({u"Flow.tries"_s, ValueType::Integer, Value::integer(0), {}, {}, {}});
            Task& failure = *f.task(u"failure-handling"_s);
            Action again = Action::make(u"again"_s, {}, DecisionProps{u"Flow.tries < 3"_s});
            again.output(u"yes")->push_back(Action::make(u"retry"_s, {}, JumpProps{u"main"_s}));
            failure.actions.insert(
                failure.actions.begin(),
                {Action::make(u"count"_s, {}, UpdateDataProps{{{u"Flow.tries"_s, u"Flow.tries"_s, {}}}}), again});
        }) << u"FLW020"_s;
        QTest::newRow("guarded read") << Mutation([](Flow& f) {
            action(f, u"voicecall-created"_s).as<DecisionProps>()->condition = u"IsSet(Task.voiceCallId)"_s;
        }) << u"FLW018"_s;
        QTest::newRow("no callId at all")
            << Mutation([](Flow& f) { action(f, u"set-uui"_s).as<SetUuiDataProps>()->callIdVariable.clear(); })
            << u"FLW012"_s;
        QTest::newRow("expression callId from output") << Mutation([](Flow& f) {
            SetUuiDataProps* uui = action(f, u"set-uui"_s).as<SetUuiDataProps>();
            uui->source = UuiSource::Expression;
            uui->expression = u"Append(\"{\\\"token\\\":\\\"\", Task.uuiToken, \"\\\",\\\"callId\\\":\\\"\", "
                              "Task.voiceCallId, \"\\\"}\")"_s;
        }) << u"FLW012"_s;
        QTest::newRow("second uui for disconnect") << Mutation([](Flow& f) {
            QVERIFY(
                edit::insertAction(
                    f, in(u"main"_s, 7),
                    Action::make(u"uui-disconnect"_s, {},
                                 SetUuiDataProps{UuiMode::Disconnect, UuiSource::Expression, u"\"\""_s, {}, {}, true}))
                    .has_value());
        }) << u"FLW011"_s;
        QTest::newRow("empty success path merges back")
            << Mutation([](Flow& f) { action(f, u"create-voicecall"_s).output(u"success")->clear(); }) << u"FLW013"_s;
    }

    void nearMissesStayClean() {
        QFETCH(Mutation, mutate);
        QFETCH(QString, code);
        Flow flow = sipTransferTemplate();
        mutate(flow);
        const diagnostics::Diagnostics list = validate(flow);
        QVERIFY2(!codes(list).contains(code), qPrintable(describe(list)));
    }

    void e164_data() {
        QTest::addColumn<QString>("number");
        QTest::addColumn<bool>("valid");
        QTest::newRow("us") << u"+15550100100"_s << true;
        QTest::newRow("one digit") << u"+1"_s << true;
        QTest::newRow("fifteen") << u"+123456789012345"_s << true;
        QTest::newRow("sixteen") << u"+1234567890123456"_s << false;
        QTest::newRow("no plus") << u"15550100100"_s << false;
        QTest::newRow("plus only") << u"+"_s << false;
        QTest::newRow("spaces") << u"+1 555 0100"_s << false;
        QTest::newRow("tel") << u"tel:+15550100100"_s << false;
        QTest::newRow("sip uri") << u"sip:+15550100100@example.com"_s << false;
    }

    void e164() {
        QFETCH(QString, number);
        QFETCH(bool, valid);
        QCOMPARE(isE164(number), valid);
    }
};

QTEST_GUILESS_MAIN(TestFlowValidator)
#include "TestFlowValidator.moc"
