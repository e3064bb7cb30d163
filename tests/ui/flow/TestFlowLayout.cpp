#include "flow/FlowEdit.h"
#include "flow/FlowLayout.h"
#include "flow/FlowTemplates.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace handoff::flow;

Q_DECLARE_METATYPE(handoff::flow::Flow)

// The canvas geometry of ui/flow, computed without a scene: Architect's task editor shape.
class TestFlowLayout final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void startingTaskFirstAndOneColumnPerTask() {
        Flow f = sipTransferTemplate();
        // Put the reusable task first in the file: the canvas still shows the starting task first.
        std::swap(f.tasks[0], f.tasks[1]);
        const FlowLayout l = layoutFlow(f);
        QCOMPARE(l.tasks.size(), f.tasks.size());
        QCOMPARE(l.tasks.at(0).id, f.startTaskId);
        QVERIFY(l.tasks.at(0).starting);
        QVERIFY(!l.tasks.at(1).starting);
        QVERIFY(l.tasks.at(0).column.right() < l.tasks.at(1).column.left());
        // Every action has a box in its task's column.
        f.forEachAction([&](const Task& t, const Action& a) {
            QVERIFY2(l.actions.contains(a.id), qPrintable(a.id));
            QCOMPARE(l.actions.value(a.id).taskId, t.id);
            const TaskBox& column = t.id == f.startTaskId ? l.tasks.at(0) : l.tasks.at(1);
            QVERIFY(column.column.contains(l.actions.value(a.id).rect));
        });
        QVERIFY(l.bounds.contains(l.tasks.at(1).column));
    }

    void actionsTopToBottomAndOutputsIndentedBeneath() {
        const Flow f = sipTransferTemplate();
        const FlowLayout l = layoutFlow(f);
        const Task& main = *f.task(f.startTaskId);
        for (size_t i = 1; i < main.actions.size(); ++i) {
            QVERIFY(l.actions.value(main.actions[i - 1].id).rect.bottom() <
                    l.actions.value(main.actions[i].id).rect.top());
        }
        // The Call Data Action's failure path: its bar under the action, its jump indented under the bar, and the
        // action after the Call Data Action below all of its outputs (the paths merge back).
        const Action* call = f.find(u"create-voicecall"_s);
        QVERIFY(call);
        const ActionList* failure = call->output(u"failure");
        QVERIFY(failure && !failure->empty());
        const QRectF parent = l.actions.value(call->id).rect;
        const QRectF nested = l.actions.value(failure->front().id).rect;
        QVERIFY(nested.left() > parent.left());
        QVERIFY(nested.top() > parent.bottom());
        QCOMPARE(l.actions.value(failure->front().id).depth, 1);
        const auto place = f.placeOf(call->id);
        const QString next = main.actions[static_cast<size_t>(place->index + 1)].id;
        QVERIFY(l.actions.value(next).rect.top() > nested.bottom());
        int bars = 0;
        for (const OutputBox& o : l.outputs) {
            if (o.actionId == call->id) {
                ++bars;
                QVERIFY(o.rect.top() >= parent.bottom());
            }
        }
        QCOMPARE(bars, 3); // success, failure, timeout
    }

    void noConnectorAllowedAfterATerminatingAction() {
        const Flow f = sipTransferTemplate();
        const FlowLayout l = layoutFlow(f);
        const Task& main = *f.task(f.startTaskId);
        const int n = static_cast<int>(main.actions.size());
        QVERIFY(isTerminating(main.actions.back().kind()));
        int checked = 0;
        for (const ConnectorBox& c : l.connectors) {
            if (c.place.taskId == main.id && c.place.parentId.isEmpty()) {
                QCOMPARE(c.place.allowed, c.place.index < n); // after the final Disconnect: none
                ++checked;
            }
        }
        QCOMPARE(checked, n + 1);
    }

    void collapsedOutputsHideTheirActionsAndCountThem() {
        const Flow f = sipTransferTemplate();
        CollapseState collapsed;
        collapsed.outputs.insert(OutputBox::outputKey(u"create-voicecall"_s, u"failure"_s));
        collapsed.actions.insert(u"voicecall-created"_s);
        const FlowLayout full = layoutFlow(f);
        const FlowLayout l = layoutFlow(f, collapsed);
        const Action* call = f.find(u"create-voicecall"_s);
        QVERIFY(!l.actions.contains(call->output(u"failure")->front().id));
        const Action* decision = f.find(u"voicecall-created"_s);
        int hidden = 0;
        for (const Output& o : decision->outputs) {
            hidden += countActions(o.actions);
            for (const Action& a : o.actions) {
                QVERIFY(!l.actions.contains(a.id));
            }
        }
        QCOMPARE(l.actions.value(decision->id).hiddenCount, hidden);
        QVERIFY(l.bounds.height() < full.bounds.height());
        // Keyboard order: every shown action once, in reading order.
        QStringList shownActions;
        for (const QString& key : l.order) {
            if (l.actions.contains(key)) {
                shownActions << key;
            }
        }
        QCOMPARE(shownActions.size(), l.actions.size());
        for (qsizetype i = 1; i < shownActions.size(); ++i) {
            const ActionBox& a = l.actions[shownActions[i - 1]];
            const ActionBox& b = l.actions[shownActions[i]];
            QVERIFY(a.taskId != b.taskId || a.rect.top() < b.rect.top());
        }
    }

    // Whether an edit keeps the layout is told from the flows alone and agrees with laying both out, with nothing
    // collapsed and with an output and an action collapsed: a rename, a property, a task's name or another kind that
    // ends its list alike keep every box; an insert, a move, a kind that ends its list where the other did not, another
    // output key or another start task do not.
    void sameLayoutAgreesWithLayingOut_data() {
        QTest::addColumn<Flow>("edited");
        QTest::addColumn<bool>("same");
        const Flow f = sipTransferTemplate();
        const auto edited = [&f](const std::function<void(Flow&)>& change) {
            Flow g = f;
            change(g);
            return g;
        };
        QTest::newRow("unchanged") << f << true;
        QTest::newRow("rename") << edited([](Flow& g) {
            QVERIFY(edit::setProperty(g, u"greeting"_s, u"name"_s, u"Hello"_s));
        }) << true;
        QTest::newRow("property") << edited([](Flow& g) {
            QVERIFY(edit::setProperty(g, u"transfer"_s, u"number"_s, u"\"+15550100199\""_s));
        }) << true;
        QTest::newRow("task name") << edited([](Flow& g) { g.tasks[1].name = u"Renamed"_s; }) << true;
        QTest::newRow("kind, not ending")
            << edited([](Flow& g) { g.find(u"greeting"_s)->props = UpdateDataProps{}; }) << true;
        QTest::newRow("kind, ending") << edited([](Flow& g) { g.find(u"greeting"_s)->props = DisconnectProps{}; })
                                      << false;
        QTest::newRow("insert") << edited([](Flow& g) {
            QVERIFY(edit::insertAction(g, edit::Place{u"main"_s, {}, {}, 1},
                                       Action::make({}, u"Hold"_s, PlayAudioProps{})));
        }) << false;
        QTest::newRow("move") << edited([](Flow& g) {
            QVERIFY(edit::moveActions(g, u"greeting"_s, 1, edit::Place{u"main"_s, {}, {}, 0}));
        }) << false;
        QTest::newRow("output key") << edited([](Flow& g) {
            g.find(u"voicecall-created"_s)->outputs[0].key = u"other"_s;
        }) << false;
        QTest::newRow("start task") << edited([](Flow& g) { g.startTaskId = g.tasks[1].id; }) << false;
    }

    void sameLayoutAgreesWithLayingOut() {
        QFETCH(Flow, edited);
        QFETCH(bool, same);
        const Flow f = sipTransferTemplate();
        QCOMPARE(sameLayout(f, edited), same);
        QCOMPARE(sameLayout(edited, f), same);
        CollapseState collapsed;
        collapsed.outputs.insert(OutputBox::outputKey(u"create-voicecall"_s, u"failure"_s));
        collapsed.actions.insert(u"voicecall-created"_s);
        // The same layout under every collapse state; another one under at least one of them.
        bool differs = false;
        for (const CollapseState& c : {CollapseState{}, collapsed}) {
            differs = differs || !(layoutFlow(f, c) == layoutFlow(edited, c));
        }
        QCOMPARE(differs, !same);
    }

    void emptyFlowHasNoColumns() {
        const FlowLayout l = layoutFlow(Flow{});
        QVERIFY(l.tasks.isEmpty());
        QVERIFY(l.actions.isEmpty());
        QVERIFY(l.order.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestFlowLayout)
#include "TestFlowLayout.moc"
