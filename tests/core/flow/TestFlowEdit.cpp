#include "flow/FlowEdit.h"
#include "flow/FlowTemplates.h"
#include "flow/FlowValidator.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace handoff;
using namespace handoff::flow;

namespace {

QStringList idsOf(const ActionList& list) {
    QStringList out;
    for (const Action& a : list) {
        out.append(a.id);
    }
    return out;
}

edit::Place in(const QString& task, int index = -1) {
    return edit::Place{task, {}, {}, index};
}

edit::Place output(const QString& task, const QString& parent, const QString& key, int index = -1) {
    return edit::Place{task, parent, key, index};
}

// Asserts that an edit failed with `code` and left the flow exactly as it was.
template <typename R>
void refused(const Flow& before, const Flow& after, const R& result, const char* code) {
    QVERIFY(!result.has_value());
    QCOMPARE(result.error().code, QString::fromLatin1(code));
    QVERIFY(!result.error().message.isEmpty());
    QVERIFY(before == after);
}

} // namespace

// The edit API of core/flow: each operation checks first and changes nothing when it fails; diff() names by id what
// changed, so that a canvas updates only that.
class TestFlowEdit final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // Every kind starts with properties of its own kind (the designer and the Archy import had copies of this that
    // disagreed on "not modelled").
    void defaultPropsAreOfTheirKind() {
        for (int k = 0; k <= static_cast<int>(ActionKind::Opaque); ++k) {
            const auto kind = static_cast<ActionKind>(k);
            const Action a = Action::make(u"a"_s, {}, defaultProps(kind));
            QCOMPARE(actionKindKey(a.kind()), actionKindKey(kind));
        }
    }

    void insertGeneratesUniqueIds() {
        Flow f = sipTransferTemplate();
        const auto a = edit::insertAction(f, in(u"main"_s, 3), Action::make({}, {}, PlayAudioProps{}));
        const auto b = edit::insertAction(f, in(u"main"_s, 3), Action::make({}, {}, PlayAudioProps{}));
        QVERIFY(a && b);
        QCOMPARE(*a, u"play-audio"_s);
        QCOMPARE(*b, u"play-audio-2"_s);
        QCOMPARE(idsOf(f.task(u"main"_s)->actions).mid(3, 2), (QStringList{u"play-audio-2"_s, u"play-audio"_s}));
        // Into an output, with nested actions that get ids too.
        Action decision = Action::make({}, u"Business hours?"_s, DecisionProps{u"true"_s});
        decision.output(u"no")->push_back(Action::make({}, {}, DisconnectProps{}));
        const auto d = edit::insertAction(f, output(u"main"_s, u"create-voicecall"_s, u"success"_s), decision);
        QVERIFY(d);
        QCOMPARE(*d, u"decision"_s);
        const Action* inserted = f.find(u"decision"_s);
        QCOMPARE(inserted->output(u"no")->front().id, u"disconnect"_s);
        QCOMPARE(f.placeOf(u"decision"_s)->parentId, u"create-voicecall"_s);
        QCOMPARE(f.placeOf(u"decision"_s)->output, u"success"_s);
        QCOMPARE(edit::idBase(ActionKind::EnableParticipantRecording), u"enable-participant-recording"_s);
    }

    void insertRefusals() {
        const Flow before = sipTransferTemplate();
        Flow f = before;
        refused(before, f, edit::insertAction(f, in(u"nope"_s), Action::make({}, {}, PlayAudioProps{})), "FLW060");
        refused(before, f,
                edit::insertAction(f, output(u"main"_s, u"greeting"_s, u"success"_s),
                                   Action::make({}, {}, PlayAudioProps{})),
                "FLW062"); // Play Audio has no outputs
        refused(before, f,
                edit::insertAction(f, output(u"main"_s, u"create-voicecall"_s, u"maybe"_s),
                                   Action::make({}, {}, PlayAudioProps{})),
                "FLW062");
        refused(before, f,
                edit::insertAction(f, output(u"failure-handling"_s, u"create-voicecall"_s, u"success"_s),
                                   Action::make({}, {}, PlayAudioProps{})),
                "FLW062"); // the parent is in another task
        refused(before, f, edit::insertAction(f, in(u"main"_s, 42), Action::make({}, {}, PlayAudioProps{})), "FLW062");
        // After a terminating action Architect allows nothing.
        refused(before, f, edit::insertAction(f, in(u"failure-handling"_s), Action::make({}, {}, PlayAudioProps{})),
                "FLW063");
        refused(before, f,
                edit::insertAction(f, output(u"main"_s, u"create-voicecall"_s, u"failure"_s),
                                   Action::make({}, {}, PlayAudioProps{})),
                "FLW063"); // after the failure path's jump
        // Before a terminating action is fine.
        QVERIFY(edit::insertAction(f, in(u"failure-handling"_s, 1), Action::make({}, {}, PlayAudioProps{})));
        f = before;
        refused(before, f, edit::insertAction(f, in(u"main"_s, 0), Action::make(u"transfer"_s, {}, PlayAudioProps{})),
                "FLW061");
        refused(before, f, edit::insertAction(f, in(u"main"_s, 0), Action::make(u"a/b"_s, {}, PlayAudioProps{})),
                "FLW061");
        Action twice = Action::make(u"x"_s, {}, DecisionProps{});
        twice.output(u"yes")->push_back(Action::make(u"x"_s, {}, DisconnectProps{}));
        refused(before, f, edit::insertAction(f, in(u"main"_s, 0), twice), "FLW061");
    }

    void removeWithOrWithoutNested() {
        Flow f = sipTransferTemplate();
        QVERIFY(edit::removeAction(f, u"transfer"_s, edit::RemoveMode::KeepNested));
        // The transfer's failure path takes its place.
        QCOMPARE(idsOf(f.task(u"main"_s)->actions).mid(7),
                 (QStringList{u"transfer-failed-audio"_s, u"transfer-failed-disconnect"_s}));
        f = sipTransferTemplate();
        QVERIFY(edit::removeAction(f, u"create-voicecall"_s, edit::RemoveMode::WithNested));
        QVERIFY(!f.find(u"failure-jump"_s));
        QVERIFY(!f.find(u"timeout-jump"_s));
        const Flow before = f;
        refused(before, f, edit::removeAction(f, u"create-voicecall"_s, edit::RemoveMode::WithNested), "FLW060");
    }

    // Edits write into the flow they are given, never into an implicitly shared copy of it.
    void editsDoNotLeakIntoCopies() {
        Flow f = sipTransferTemplate();
        const Flow copy = f;
        QVERIFY(edit::moveActions(f, u"post-flow"_s, 1, in(u"main"_s, 7)));
        QVERIFY(edit::setProperty(f, u"transfer"_s, u"number"_s, QJsonValue(u"\"+1\""_s)));
        QVERIFY(copy == sipTransferTemplate());
        QVERIFY(!(f == copy));
    }

    // The same for an action nested in an output's path: its list is shared by a copy until the edit detaches it.
    void nestedEditsDoNotLeakIntoCopies() {
        Flow f = sipTransferTemplate();
        QString nested;
        f.forEachAction([&](const Task&, const Action& a) {
            const auto place = std::as_const(f).placeOf(a.id);
            if (nested.isEmpty() && place && !place->parentId.isEmpty()) {
                nested = a.id;
            }
        });
        QVERIFY(!nested.isEmpty());
        const Flow copy = f;
        QVERIFY(edit::renameAction(f, nested, u"renamed-nested"_s));
        QVERIFY(copy == sipTransferTemplate());
        QVERIFY(copy.find(nested));
        QVERIFY(!copy.find(u"renamed-nested"_s));
        Flow second = f;
        second.find(u"renamed-nested"_s)->name = u"changed through the mutable accessor"_s;
        QVERIFY(f.find(u"renamed-nested"_s)->name != second.find(u"renamed-nested"_s)->name);
    }

    void moveWithinAndAcross() {
        Flow f = sipTransferTemplate();
        // Within a list, indexes as shown before the move: post-flow (5) to after set-uui (before 7).
        QVERIFY(edit::moveActions(f, u"post-flow"_s, 1, in(u"main"_s, 7)));
        QCOMPARE(idsOf(f.task(u"main"_s)->actions).mid(5, 2), (QStringList{u"set-uui"_s, u"post-flow"_s}));
        // A run of two into another output.
        QVERIFY(edit::moveActions(f, u"set-uui"_s, 2, output(u"main"_s, u"voicecall-created"_s, u"yes"_s)));
        QCOMPARE(idsOf(*f.find(u"voicecall-created"_s)->output(u"yes")), (QStringList{u"set-uui"_s, u"post-flow"_s}));
        // Into another task.
        QVERIFY(edit::moveActions(f, u"greeting"_s, 1, in(u"failure-handling"_s, 0)));
        QCOMPARE(f.placeOf(u"greeting"_s)->taskId, u"failure-handling"_s);
        // Dropped onto itself: nothing changes.
        const Flow same = f;
        QVERIFY(edit::moveActions(f, u"recording"_s, 1, in(u"main"_s, 2)));
        QVERIFY(f == same);

        const Flow before = f;
        refused(before, f, edit::moveActions(f, u"voicecall-created"_s, 1, output(u"main"_s, u"set-uui"_s, u"yes"_s)),
                "FLW063"); // not into itself (set-uui is inside it now)
        refused(before, f,
                edit::moveActions(f, u"voicecall-created"_s, 1, output(u"main"_s, u"voicecall-created"_s, u"no"_s)),
                "FLW063");
        refused(before, f, edit::moveActions(f, u"transcription"_s, 9, in(u"main"_s, 0)), "FLW062");
        refused(before, f, edit::moveActions(f, u"transcription"_s, 1, in(u"failure-handling"_s)), "FLW063");
        refused(before, f, edit::moveActions(f, u"ghost"_s, 1, in(u"main"_s)), "FLW060");
    }

    void setPropertiesKeepTheKind() {
        Flow f = sipTransferTemplate();
        QVERIFY(edit::setProperty(f, u"transfer"_s, u"number"_s, QJsonValue(u"\"+15550100199\""_s)));
        QCOMPARE(f.find(u"transfer"_s)->as<TransferProps>()->number, u"\"+15550100199\""_s);
        QVERIFY(edit::setProperty(f, u"greeting"_s, u"audio.tts"_s, QJsonValue(u"\"Hello\""_s)));
        QCOMPARE(f.find(u"greeting"_s)->as<PlayAudioProps>()->audio.tts, u"\"Hello\""_s);
        QVERIFY(edit::setProperty(f, u"create-voicecall"_s, u"timeoutSeconds"_s, QJsonValue(5)));
        QCOMPARE(f.find(u"create-voicecall"_s)->as<CallDataProps>()->timeoutSeconds, 5);
        QVERIFY(edit::setProperty(f, u"greeting"_s, u"name"_s, QJsonValue(u"Welcome"_s)));
        QCOMPARE(f.find(u"greeting"_s)->name, u"Welcome"_s);

        const Flow before = f;
        refused(before, f, edit::setProperty(f, u"transfer"_s, u"numbr"_s, QJsonValue(u"x"_s)), "FLW065");
        refused(before, f, edit::setProperty(f, u"create-voicecall"_s, u"timeoutSeconds"_s, QJsonValue(u"soon"_s)),
                "FLW005");
        refused(before, f, edit::setProperty(f, u"create-voicecall"_s, u"timeoutSeconds"_s, QJsonValue(0)), "FLW005");
        refused(before, f, edit::setAction(f, u"greeting"_s, u"x"_s, DisconnectProps{}), "FLW065");
        refused(before, f, edit::setProperty(f, u"ghost"_s, u"name"_s, QJsonValue(u"x"_s)), "FLW060");
    }

    void renameActionAndTask() {
        Flow f = sipTransferTemplate();
        QVERIFY(edit::renameAction(f, u"greeting"_s, u"welcome"_s));
        QVERIFY(f.find(u"welcome"_s));
        const Flow before = f;
        refused(before, f, edit::renameAction(f, u"welcome"_s, u"transfer"_s), "FLW061");
        refused(before, f, edit::renameAction(f, u"welcome"_s, u"a b"_s), "FLW061");

        // A task rename: every jump and the start follow.
        QVERIFY(edit::renameTask(f, u"failure-handling"_s, u"apology"_s, u"Apology"_s));
        for (const QString& id : {u"failure-jump"_s, u"timeout-jump"_s, u"no-id-jump"_s}) {
            QCOMPARE(f.find(id)->as<JumpProps>()->task, u"apology"_s);
        }
        QCOMPARE(f.task(u"apology"_s)->name, u"Apology"_s);
        QVERIFY(edit::renameTask(f, u"main"_s, u"start"_s));
        QCOMPARE(f.startTaskId, u"start"_s);
        QVERIFY2(validate(f).isEmpty(), "the renamed flow is as clean as before");
        const Flow renamed = f;
        refused(renamed, f, edit::renameTask(f, u"start"_s, u"apology"_s), "FLW061");
        refused(renamed, f, edit::renameTask(f, u"start"_s, u"task[1]"_s), "FLW061");
    }

    void tasks() {
        Flow f = sipTransferTemplate();
        const Flow before = f;
        refused(before, f, edit::removeTask(f, u"failure-handling"_s), "FLW064"); // still jumped to
        refused(before, f, edit::removeTask(f, u"main"_s), "FLW064");             // the start
        refused(before, f, edit::addTask(f, u"main"_s, {}), "FLW061");
        refused(before, f, edit::addTask(f, u"a#b"_s, {}), "FLW061");
        refused(before, f, edit::setStartTask(f, u"ghost"_s), "FLW060");
        QVERIFY(edit::addTask(f, u"after-hours"_s, u"After hours"_s));
        QVERIFY(edit::setStartTask(f, u"after-hours"_s));
        QCOMPARE(f.startTaskId, u"after-hours"_s);
        QVERIFY(edit::setStartTask(f, u"main"_s));
        QVERIFY(edit::removeTask(f, u"after-hours"_s));
        QVERIFY(f == before);
        // An empty flow's first task becomes the start.
        Flow empty;
        QVERIFY(edit::addTask(empty, u"main"_s, u"Main"_s));
        QCOMPARE(empty.startTaskId, u"main"_s);
    }

    // A variable rename follows the parsed references: a string literal with the same text is left alone.
    void renameVariableFollowsReferences() {
        Flow f = sipTransferTemplate();
        f.find(u"greeting"_s)->as<PlayAudioProps>()->audio.tts =
            u"Append(\"Task.voiceCallId is \", ToString(Task.voiceCallId), \" / \", Task.voiceCallId)"_s;
        QVERIFY(edit::renameVariable(f, u"Task.voiceCallId"_s, u"Task.callId"_s));
        QCOMPARE(f.find(u"greeting"_s)->as<PlayAudioProps>()->audio.tts,
                 u"Append(\"Task.voiceCallId is \", ToString(Task.callId), \" / \", Task.callId)"_s);
        QCOMPARE(f.find(u"set-uui"_s)->as<SetUuiDataProps>()->callIdVariable, u"Task.callId"_s);
        QCOMPARE(f.find(u"create-voicecall"_s)->as<CallDataProps>()->successOutputs[0].value, u"Task.callId"_s);
        QVERIFY(f.find(u"voicecall-created"_s)->as<DecisionProps>()->condition.contains(u"Task.callId"_s));
        QVERIFY(f.find(u"post-flow"_s)->as<SetPostFlowProps>()->invocationData.contains(u"Task.callId"_s));
        QVERIFY(f.variable(u"Task.callId"_s));
        QVERIFY(!f.variable(u"Task.voiceCallId"_s));
        QVERIFY(edit::usesOf(f, u"Task.voiceCallId"_s).isEmpty());
        QCOMPARE(
            edit::usesOf(f, u"Task.callId"_s),
            (QStringList{u"greeting"_s, u"create-voicecall"_s, u"voicecall-created"_s, u"post-flow"_s, u"set-uui"_s}));

        const Flow before = f;
        refused(before, f, edit::renameVariable(f, u"Call.Ani"_s, u"Flow.ani"_s), "FLW060");
        refused(before, f, edit::renameVariable(f, u"Task.callId"_s, u"Task.uuiToken"_s), "FLW061");
        refused(before, f, edit::renameVariable(f, u"Task.callId"_s, u"callId"_s), "FLW061");
        refused(before, f, edit::removeVariable(f, u"Task.callId"_s), "FLW064");
        refused(before, f, edit::addVariable(f, Variable{u"Flow.scrtBaseUrl"_s, ValueType::String, {}, {}, {}, {}}),
                "FLW061");
        QVERIFY(edit::addVariable(f, Variable{u"Flow.unused"_s, ValueType::Integer, Value::integer(0), {}, {}, {}}));
        QVERIFY(edit::removeVariable(f, u"Flow.unused"_s));
        QVERIFY(f == before);
    }

    void setVariableChangesAllButTheName() {
        Flow f = sipTransferTemplate();
        const Flow before = f;
        Variable v = *f.variable(u"Flow.callCenterApiName"_s);
        v.initial = Value::string(u"acme_agentforce"_s);
        v.description = u"The contact center"_s;
        v.name = u"Flow.ignored"_s; // the name given in the call wins
        QVERIFY(edit::setVariable(f, u"Flow.callCenterApiName"_s, v));
        const Variable* changed = f.variable(u"Flow.callCenterApiName"_s);
        QVERIFY(changed);
        QCOMPARE(changed->initial.asString(), u"acme_agentforce"_s);
        QCOMPARE(changed->description, u"The contact center"_s);
        QVERIFY(!f.variable(u"Flow.ignored"_s));
        QCOMPARE(edit::diff(before, f).changedVariables, QStringList{u"Flow.callCenterApiName"_s});

        const Flow now = f;
        refused(now, f, edit::setVariable(f, u"Flow.nothing"_s, v), "FLW060");
        refused(now, f, edit::setVariable(f, u"Call.Ani"_s, v), "FLW060");
        Variable wrongType = v;
        wrongType.type = ValueType::Integer; // a text initial value on an Integer variable
        refused(now, f, edit::setVariable(f, u"Flow.callCenterApiName"_s, wrongType), "FLW005");
    }

    void diffNamesWhatChanged() {
        const Flow before = sipTransferTemplate();
        QVERIFY(edit::diff(before, before).isEmpty());
        Flow f = before;
        QVERIFY(edit::insertAction(f, in(u"main"_s, 0), Action::make({}, {}, PlayAudioProps{})));
        edit::Diff d = edit::diff(before, f);
        QCOMPARE(d.addedActions, QStringList{u"play-audio"_s});
        QVERIFY(d.movedActions.isEmpty()); // the others shifted, they did not move
        QVERIFY(d.changedActions.isEmpty());
        QCOMPARE(d.changedTasks, QStringList{u"main"_s});

        f = before;
        QVERIFY(edit::moveActions(f, u"post-flow"_s, 1, in(u"main"_s, 7)));
        d = edit::diff(before, f);
        QVERIFY(d.addedActions.isEmpty() && d.removedActions.isEmpty());
        QVERIFY(d.movedActions.contains(u"post-flow"_s) || d.movedActions.contains(u"set-uui"_s));
        QVERIFY(!d.movedActions.contains(u"transfer"_s));

        f = before;
        QVERIFY(edit::setProperty(f, u"transfer"_s, u"number"_s, QJsonValue(u"\"+15550100199\""_s)));
        d = edit::diff(before, f);
        QCOMPARE(d.changedActions, QStringList{u"transfer"_s});
        QVERIFY(d.changedTasks.isEmpty());

        f = before;
        QVERIFY(edit::removeAction(f, u"voicecall-created"_s, edit::RemoveMode::WithNested));
        d = edit::diff(before, f);
        QCOMPARE(d.removedActions, (QStringList{u"no-id-jump"_s, u"voicecall-created"_s}));

        f = before;
        QVERIFY(edit::renameVariable(f, u"Flow.scrtBaseUrl"_s, u"Flow.baseUrl"_s));
        d = edit::diff(before, f);
        QCOMPARE(d.changedVariables, (QStringList{u"Flow.baseUrl"_s, u"Flow.scrtBaseUrl"_s}));
        QCOMPARE(d.changedActions, QStringList{u"create-voicecall"_s});
    }
};

QTEST_GUILESS_MAIN(TestFlowEdit)
#include "TestFlowEdit.moc"
