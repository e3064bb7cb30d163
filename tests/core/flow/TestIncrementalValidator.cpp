// flow::IncrementalValidator: after every edit its result must be the list flow::validate() gives for the same
// flow (codes, severities, messages, locations, order), and it must reuse its findings only for edits that change
// actions' names and properties without changing what the flow-wide rules read.
#include "flow/FlowEdit.h"
#include "flow/FlowTemplates.h"
#include "flow/FlowValidator.h"
#include "support/GeneratedFlow.h"

#include <QJsonValue>
#include <QRandomGenerator>
#include <QTest>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace handoff;
using namespace handoff::flow;

namespace {

using testsupport::generatedFlow;

// Every part of each diagnostic, one line each, so that a difference shows as a readable QCOMPARE failure.
QStringList lines(const diagnostics::Diagnostics& list) {
    QStringList out;
    for (const diagnostics::Diagnostic& d : list) {
        const diagnostics::Location& w = d.where;
        out.append(u"%1 %2 %3/%4.%5 [%6] @%7+%8 %9:%10 %11"_s.arg(d.code)
                       .arg(static_cast<int>(d.severity))
                       .arg(w.taskId, w.actionId, w.property, w.field)
                       .arg(w.offset)
                       .arg(w.length)
                       .arg(w.line)
                       .arg(w.column)
                       .arg(d.message));
    }
    return out;
}

bool hasCode(const diagnostics::Diagnostics& list, const QString& code, const QString& actionId) {
    return std::any_of(list.cbegin(), list.cend(), [&](const diagnostics::Diagnostic& d) {
        return d.code == code && d.where.actionId == actionId;
    });
}

void ok(const Result<void>& r) {
    QVERIFY2(r.has_value(), r ? "" : qPrintable(r.error().code + u' ' + r.error().message));
}

} // namespace

class TestIncrementalValidator : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void firstCallValidatesTheWholeFlow() {
        const Flow flow = generatedFlow(3);
        IncrementalValidator v;
        QCOMPARE(lines(v.validate(flow)), lines(validate(flow)));
        QVERIFY(!v.lastRun().incremental);
        QCOMPARE(v.lastRun().recheckedActions, static_cast<int>(flow.actionCount()));
    }

    void unchangedFlowReusesEverything() {
        const Flow flow = generatedFlow(3);
        IncrementalValidator v;
        v.validate(flow);
        QCOMPARE(lines(v.validate(flow)), lines(validate(flow)));
        QVERIFY(v.lastRun().incremental);
        QCOMPARE(v.lastRun().recheckedActions, 0);
    }

    void textEditRechecksOneAction() {
        Flow flow = generatedFlow(5);
        IncrementalValidator v;
        v.validate(flow);
        ok(edit::setProperty(flow, u"hold-2"_s, u"audio.tts"_s, QJsonValue(u"\"Still here.\""_s)));
        QCOMPARE(lines(v.validate(flow)), lines(validate(flow)));
        QVERIFY(v.lastRun().incremental);
        QCOMPARE(v.lastRun().recheckedActions, 1);
    }

    // The edited action's own rules run again: a broken expression appears, and goes when it is fixed.
    void brokenExpressionAppearsAndGoes() {
        Flow flow = generatedFlow(2);
        IncrementalValidator v;
        const diagnostics::Diagnostics before = v.validate(flow);
        ok(edit::setProperty(flow, u"hold-1"_s, u"audio.tts"_s, QJsonValue(u"\"unterminated"_s)));
        const diagnostics::Diagnostics broken = v.validate(flow);
        QVERIFY(v.lastRun().incremental);
        QCOMPARE(lines(broken), lines(validate(flow)));
        QVERIFY(broken.size() > before.size());
        QVERIFY(std::any_of(broken.cbegin(), broken.cend(),
                            [](const diagnostics::Diagnostic& d) { return d.where.actionId == u"hold-1"_s; }));
        ok(edit::setProperty(flow, u"hold-1"_s, u"audio.tts"_s, QJsonValue(u"\"Fixed.\""_s)));
        QCOMPARE(lines(v.validate(flow)), lines(before));
        QVERIFY(v.lastRun().incremental);
    }

    // A transfer number is checked by the action's own rules (FLW015).
    void transferNumberIsRechecked() {
        Flow flow = sipTransferTemplate();
        IncrementalValidator v;
        v.validate(flow);
        ok(edit::setProperty(flow, u"transfer"_s, u"number"_s, QJsonValue(u"\"tel:555 0100\""_s)));
        const diagnostics::Diagnostics d = v.validate(flow);
        QVERIFY(v.lastRun().incremental);
        QVERIFY(hasCode(d, u"FLW015"_s, u"transfer"_s));
        QCOMPARE(lines(d), lines(validate(flow)));
    }

    // An edit that changes what an action reads changes a flow-wide rule (FLW018: read before set), so the whole
    // flow is validated again.
    void editOfWhatIsReadValidatesAll() {
        Flow flow = sipTransferTemplate();
        IncrementalValidator v;
        QVERIFY(!hasCode(v.validate(flow), u"FLW018"_s, u"greeting"_s));
        ok(edit::setProperty(flow, u"greeting"_s, u"audio.tts"_s, QJsonValue(u"Task.voiceCallId"_s)));
        const diagnostics::Diagnostics d = v.validate(flow);
        QVERIFY(!v.lastRun().incremental);
        QVERIFY(hasCode(d, u"FLW018"_s, u"greeting"_s));
        QCOMPARE(lines(d), lines(validate(flow)));
    }

    // A flow-wide message names the action: renaming it must not leave the old name in the message, also when the
    // name is cleared or the old name appears elsewhere in the message (then the whole flow is checked).
    void renamedActionInFlowWideMessage() {
        Flow flow = sipTransferTemplate();
        // A Play Audio after the final Disconnect of the failure task: no call reaches it (FLW017).
        Task* failure = flow.task(u"failure-handling");
        failure->actions.push_back(
            Action::make(u"after-end"_s, u"Old name"_s, PlayAudioProps{Audio{u"\"x\""_s, {}, {}}}));
        IncrementalValidator v;
        QVERIFY(hasCode(v.validate(flow), u"FLW017"_s, u"after-end"_s));
        ok(edit::setProperty(flow, u"after-end"_s, u"name"_s, QJsonValue(u"New name"_s)));
        const diagnostics::Diagnostics d = v.validate(flow);
        QVERIFY(v.lastRun().incremental); // a name is put into the messages in place
        QCOMPARE(lines(d), lines(validate(flow)));
        QVERIFY(lines(d).join(u'\n').contains(u"New name"_s));
        QVERIFY(!lines(d).join(u'\n').contains(u"Old name"_s));
        ok(edit::setProperty(flow, u"after-end"_s, u"name"_s, QJsonValue(u""_s)));
        QCOMPARE(lines(v.validate(flow)), lines(validate(flow)));
        // The task named like the action and with its id: its label is the action's too.
        ok(edit::setProperty(flow, u"after-end"_s, u"name"_s, QJsonValue(u"Same"_s)));
        ok(edit::renameTask(flow, u"failure-handling"_s, u"after-end"_s, u"Same"_s));
        v.validate(flow);
        ok(edit::setProperty(flow, u"after-end"_s, u"name"_s, QJsonValue(u"Other"_s)));
        QCOMPARE(lines(v.validate(flow)), lines(validate(flow)));
    }

    // Two actions with one id (or none) and one name: their flow-wide messages are located at the same id and
    // read alike, so a rename of one must not be patched into the other's.
    void renameWhereIdsAreAmbiguous_data() {
        QTest::addColumn<QString>("id");
        QTest::newRow("duplicate id") << u"p"_s;
        QTest::newRow("empty id") << QString();
    }

    void renameWhereIdsAreAmbiguous() {
        QFETCH(QString, id);
        Flow flow = sipTransferTemplate();
        flow.variables.append(Variable{u"Flow.x"_s, ValueType::String, {}, {}, Supplier::None, {}});
        Task* main = flow.task(u"main");
        const auto hi = [&id] { return Action::make(id, u"Hi"_s, PlayAudioProps{Audio{u"Flow.x"_s, {}, {}}}); };
        main->actions.insert(main->actions.begin(), hi());
        main->actions.insert(main->actions.begin(), hi());
        IncrementalValidator v;
        const diagnostics::Diagnostics before = v.validate(flow);
        QCOMPARE(std::count_if(before.cbegin(), before.cend(),
                               [](const diagnostics::Diagnostic& d) { return d.code == u"FLW018"_s; }),
                 2);
        main->actions.front().name = u"Bye"_s; // the first of the two only
        QCOMPARE(lines(v.validate(flow)), lines(validate(flow)));
    }

    void shapeEditsValidateAll_data() {
        QTest::addColumn<int>("which");
        QTest::newRow("insert") << 0;
        QTest::newRow("remove") << 1;
        QTest::newRow("move") << 2;
        QTest::newRow("rename action") << 3;
        QTest::newRow("add variable") << 4;
        QTest::newRow("rename task") << 5;
        QTest::newRow("jump target") << 6;
        QTest::newRow("start task") << 7;
    }

    void shapeEditsValidateAll() {
        QFETCH(int, which);
        Flow flow = generatedFlow(2);
        IncrementalValidator v;
        v.validate(flow);
        switch (which) {
        case 0:
            QVERIFY(edit::insertAction(flow, edit::Place{u"main"_s, {}, {}, 1},
                                       Action::make({}, u"Extra"_s, PlayAudioProps{Audio{u"\"Hi.\""_s, {}, {}}})));
            break;
        case 1:
            ok(edit::removeAction(flow, u"decide-1"_s, edit::RemoveMode::WithNested));
            break;
        case 2:
            ok(edit::moveActions(flow, u"hold-0"_s, 1, edit::Place{u"main"_s, u"decide-1"_s, u"yes"_s, 0}));
            break;
        case 3:
            ok(edit::renameAction(flow, u"hold-0"_s, u"hold-zero"_s));
            break;
        case 4:
            ok(edit::addVariable(flow, Variable{u"Flow.extra"_s, ValueType::String, {}, {}, Supplier::None, {}}));
            break;
        case 5:
            ok(edit::renameTask(flow, u"failure-handling"_s, u"failures"_s));
            break;
        case 6:
            QVERIFY(edit::addTask(flow, u"other"_s, u"Other"_s));
            v.validate(flow);
            ok(edit::setProperty(flow, u"failure-jump"_s, u"task"_s, QJsonValue(u"other"_s)));
            break;
        case 7:
            ok(edit::setStartTask(flow, u"failure-handling"_s));
            break;
        }
        const diagnostics::Diagnostics d = v.validate(flow);
        QVERIFY(!v.lastRun().incremental);
        QCOMPARE(lines(d), lines(validate(flow)));
    }

    // It keeps no reference to the flow it was given.
    void outlivesTheFlow() {
        IncrementalValidator v;
        diagnostics::Diagnostics first;
        {
            Flow flow = generatedFlow(2);
            first = v.validate(flow);
        }
        Flow again = generatedFlow(2);
        QCOMPARE(lines(v.validate(again)), lines(first));
        QVERIFY(v.lastRun().incremental);
    }

    // Many random edits, of properties and of shape, through the edit API: after each the result equals a full
    // validation. The seed is fixed so that a failure repeats; the edits cover expressions that parse, that do not,
    // that read unset or unknown variables, names, numbers, modes and jump targets.
    void randomEditsMatchFullValidation() {
        Flow flow = generatedFlow(12);
        IncrementalValidator v;
        QRandomGenerator random(20261202);
        const QStringList texts{u"\"Hello.\""_s,
                                u"\"broken"_s,
                                u"Flow.note"_s,
                                u"Flow.unknown"_s,
                                u"Task.voiceCallId"_s,
                                u"Append(Flow.note, \"y\")"_s,
                                u""_s,
                                u"ToString(Call.Ani)"_s,
                                u"Flow.note == \"x\""_s,
                                u"Flow.transferErrorType"_s};
        const QStringList numbers{u"\"+15550100100\""_s, u"\"555\""_s, u"Flow.note"_s, u"\"+1 555\""_s};
        int incremental = 0;
        int full = 0;
        for (int round = 0; round < 400; ++round) {
            QStringList ids;
            flow.forEachAction([&ids](const Task&, const Action& a) { ids.append(a.id); });
            const QString id = ids[static_cast<int>(random.bounded(ids.size()))];
            const Action* a = flow.find(id);
            const QString text = texts[static_cast<int>(random.bounded(texts.size()))];
            const int kind = static_cast<int>(random.bounded(10));
            switch (a->kind()) {
            case ActionKind::PlayAudio:
                (void)edit::setProperty(flow, id, kind < 7 ? u"audio.tts"_s : u"name"_s, QJsonValue(text));
                break;
            case ActionKind::Decision:
                (void)edit::setProperty(flow, id, u"condition"_s, QJsonValue(text));
                break;
            case ActionKind::TransferToNumber:
                (void)edit::setProperty(flow, id, u"number"_s,
                                        QJsonValue(numbers[static_cast<int>(random.bounded(numbers.size()))]));
                break;
            case ActionKind::SetUuiData:
                (void)edit::setProperty(flow, id, u"mode"_s, QJsonValue(kind < 5 ? u"disconnect"_s : u"transfer"_s));
                break;
            case ActionKind::Jump:
                (void)edit::setProperty(flow, id, u"task"_s, QJsonValue(kind < 5 ? u"main"_s : u"failure-handling"_s));
                break;
            default:
                (void)edit::setProperty(flow, id, u"name"_s, QJsonValue(u"Edited %1"_s.arg(round)));
                break;
            }
            if (kind == 9 && a->kind() == ActionKind::PlayAudio) {
                (void)edit::removeAction(flow, id, edit::RemoveMode::WithNested);
            }
            const diagnostics::Diagnostics d = v.validate(flow);
            (v.lastRun().incremental ? incremental : full) += 1;
            const QStringList expected = lines(validate(flow));
            if (lines(d) != expected) {
                QCOMPARE(lines(d).join(u'\n'), expected.join(u'\n'));
            }
        }
        // The mix exercises both ways.
        QVERIFY2(incremental > 100, qPrintable(QString::number(incremental)));
        QVERIFY2(full > 10, qPrintable(QString::number(full)));
    }
};

QTEST_GUILESS_MAIN(TestIncrementalValidator)
#include "TestIncrementalValidator.moc"
