#include "../pages/PageTestSupport.h"
#include "flow/FlowLayout.h"
#include "flow/FlowPage.h"
#include "flow/FlowProperties.h"
#include "flow/FlowScene.h"
#include "flow/FlowTemplates.h"
#include "flow/FlowToolbox.h"
#include "flow/FlowView.h"
#include "flow/Simulator.h"
#include "project/SimulationSetup.h"

#include <QCheckBox>
#include <QComboBox>
#include <QJsonArray>
#include <QJsonObject>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QTest>
#include <QUndoStack>

using namespace Qt::StringLiterals;
using namespace handoff;
using namespace handoff::flow;

namespace {

// The help article's flow, as the core's template restates it, filled in with the test project's org.
Flow articleFlow(const project::Project& p) {
    TemplateOptions o;
    o.callCenterApiName = p.org.callCenterApiName;
    o.salesforceOrgId = p.org.orgId;
    o.scrtBaseUrl = p.org.scrt2Domain + u"/telephony/v1"_s;
    return sipTransferTemplate(o);
}

// Drives the Flow page like an admin at the keyboard: tasks and variables with their buttons and table, every
// action from the toolbox (Ctrl+T, type, Enter), every property in the properties panel.
class Admin {
public:
    Admin(FlowPage& page, shell::Workspace& ws)
        : m_page(page)
        , m_ws(ws) {}

    void type(QWidget* w, const QString& text) {
        auto* line = qobject_cast<QLineEdit*>(w);
        QVERIFY2(line, "not a line edit");
        if (line->text() == text) {
            return;
        }
        line->setFocus();
        line->selectAll();
        if (text.isEmpty()) {
            QTest::keyClick(line, Qt::Key_Backspace);
        } else {
            QTest::keyClicks(line, text);
        }
        QCOMPARE(line->text(), text);
    }

    void addTasks(const Flow& target) {
        auto* add = m_page.findChild<QPushButton*>(u"flowAddTaskButton"_s);
        QVERIFY(add);
        for (const Task& t : target.tasks) {
            QTest::mouseClick(add, Qt::LeftButton);
            QVERIFY(isTaskKey(m_page.selectedKey()));
            type(m_page.properties()->editor(u"id"_s), t.id);
            QTest::keyClick(m_page.properties()->editor(u"id"_s), Qt::Key_Return);
            QCOMPARE(m_page.selectedKey(), taskKey(t.id));
            type(m_page.properties()->editor(u"name"_s), t.name);
        }
        QCOMPARE(m_ws.project().flow.startTaskId, target.startTaskId);
    }

    void addVariables(const Flow& target) {
        auto* add = m_page.findChild<QPushButton*>(u"flowAddVariableButton"_s);
        QTableWidget* table = m_page.variablesTable();
        for (const Variable& v : target.variables) {
            QTest::mouseClick(add, Qt::LeftButton);
            const int row = table->rowCount() - 1;
            table->item(row, 0)->setText(v.name);
            QCOMPARE(m_ws.project().flow.variables.constLast().name, v.name);
            if (v.initial.isSet()) {
                table->item(row, 2)->setText(v.initial.asString());
            }
            table->item(row, 3)->setText(v.description);
        }
    }

    void insert(ActionKind kind) {
        m_page.view()->setFocus();
        QTest::keyClick(m_page.view(), Qt::Key_T, Qt::ControlModifier);
        QVERIFY(m_page.toolbox()->searchField()->hasFocus());
        QTest::keyClicks(m_page.toolbox()->searchField(), actionKindName(kind));
        QCOMPARE(m_page.toolbox()->currentKind(), kind);
        QTest::keyClick(m_page.toolbox()->searchField(), Qt::Key_Return);
    }

    void configure(const Action& target) {
        FlowProperties* props = m_page.properties();
        type(props->editor(u"id"_s), target.id);
        QTest::keyClick(props->editor(u"id"_s), Qt::Key_Return);
        QCOMPARE(m_page.selectedKey(), target.id);
        type(props->editor(u"name"_s), target.name);
        const QJsonObject json = actionPropsToJson(target.props);
        for (auto it = json.constBegin(); it != json.constEnd(); ++it) {
            const QString property = u"props."_s + it.key();
            if (it->isObject()) {
                for (const QString& sub : {u"tts"_s, u"prompt"_s}) {
                    type(props->editor(property + u'.' + sub), it->toObject().value(sub).toString());
                }
                continue;
            }
            QWidget* editor = props->editor(property);
            QVERIFY2(editor, qPrintable(property));
            if (auto* box = qobject_cast<QCheckBox*>(editor)) {
                if (box->isChecked() != it->toBool()) {
                    box->setFocus();
                    QTest::keyClick(box, Qt::Key_Space);
                }
            } else if (auto* spin = qobject_cast<QSpinBox*>(editor)) {
                if (spin->value() != it->toInt()) {
                    spin->setFocus();
                    spin->selectAll();
                    QTest::keyClicks(spin, QString::number(it->toInt()));
                }
            } else if (auto* combo = qobject_cast<QComboBox*>(editor)) {
                const int index = combo->findData(it->toString());
                QVERIFY2(index >= 0, qPrintable(property));
                if (index != combo->currentIndex()) {
                    combo->setFocus();
                    combo->setCurrentIndex(index);
                    Q_EMIT combo->activated(index);
                }
            } else if (qobject_cast<QTableWidget*>(editor)) {
                const QJsonArray rows = it->toArray();
                const QString name = u"flowProperty_"_s + property;
                for (int r = 0; r < rows.size(); ++r) {
                    // The panel of the action as it is now (an earlier one may wait for its deletion).
                    auto* add = props->editor(property)->parentWidget()->findChild<QPushButton*>(name + u"AddButton"_s);
                    QVERIFY(add);
                    QTest::mouseClick(add, Qt::LeftButton);
                    auto* table = qobject_cast<QTableWidget*>(props->editor(property));
                    const QJsonObject o = rows.at(r).toObject();
                    table->item(r, 0)->setText(o.value(table->horizontalHeaderItem(0)->text()).toString());
                    table = qobject_cast<QTableWidget*>(props->editor(property));
                    table->item(r, 1)->setText(o.value(table->horizontalHeaderItem(1)->text()).toString());
                }
            } else {
                type(editor, it->toString());
            }
        }
    }

    // Builds `actions` into the list that `ownerKey` (a task key or an output key) names.
    void build(const ActionList& actions, const QString& ownerKey) {
        QString previous;
        for (const Action& a : actions) {
            m_page.select(previous.isEmpty() ? ownerKey : previous);
            insert(a.kind());
            configure(a);
            for (const Output& o : a.outputs) {
                build(o.actions, OutputBox::outputKey(a.id, o.key));
            }
            previous = a.id;
        }
    }

private:
    FlowPage& m_page;
    shell::Workspace& m_ws;
};

} // namespace

// Issue 9, item 5: the help article's flow built from scratch on an empty project with the toolbox (keyboard
// path), validated clean, simulated to the agent, undone back to empty and redone.
class TestFlowFromScratch final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        initSharedResources();
    }

    void buildCheckSimulateUndoRedo() {
        pagetest::Fixture f;
        QVERIFY(f.workspace->project().flow.isEmpty());
        FlowPage page(*f.workspace);
        page.setDialogs(f.dialogs);
        page.resize(1400, 900);
        page.show();
        page.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&page));
        const Flow target = articleFlow(f.workspace->project());

        Admin admin(page, *f.workspace);
        admin.addTasks(target);
        admin.addVariables(target);
        for (const Task& t : target.tasks) {
            admin.build(t.actions, taskKey(t.id));
        }
        const Flow built = f.workspace->project().flow;
        QVERIFY(page.message().isEmpty());
        QCOMPARE(built.startTaskId, target.startTaskId);
        QCOMPARE(built.variables.size(), target.variables.size());
        QVERIFY(built.variables == target.variables);
        QCOMPARE(built.tasks.size(), target.tasks.size());
        for (qsizetype i = 0; i < target.tasks.size(); ++i) {
            QVERIFY2(built.tasks.at(i) == target.tasks.at(i), qPrintable(target.tasks.at(i).id));
        }
        // The canvas shows each action once.
        built.forEachAction([&](const Task&, const Action& a) { QVERIFY(page.scene()->actionItem(a.id)); });

        // Validated clean: no error, and the same problems as the core finds in the article's flow itself.
        f.workspace->recomputeNow();
        const auto problems = project::validateFlow(f.workspace->project(), f.clock);
        QVERIFY2(!diagnostics::hasErrors(problems),
                 qPrintable(problems.isEmpty() ? QString()
                                               : problems.constFirst().code + u' ' + problems.constFirst().message));
        project::Project reference = f.workspace->project();
        reference.flow = target;
        QCOMPARE(problems.size(), project::validateFlow(reference, f.clock).size());

        // Simulated to the agent.
        Simulator simulator(built, project::simulationContext(f.workspace->project()), f.clock);
        const Trace trace = simulator.run(SimulatedCall{}, CallScript{telephony::CallOutcome::Success, true});
        QVERIFY(trace.reachedAgent());
        QCOMPARE(trace.endActionId, u"transfer"_s);

        // Undone back to empty, then redone.
        QUndoStack* stack = f.workspace->undoStack();
        const int steps = stack->index();
        QVERIFY(steps > 50);
        while (stack->canUndo()) {
            stack->undo();
        }
        QVERIFY(f.workspace->project().flow.isEmpty());
        QVERIFY(page.scene()->flowLayout().actions.isEmpty());
        while (stack->canRedo()) {
            stack->redo();
        }
        QCOMPARE(stack->index(), steps);
        QVERIFY(f.workspace->project().flow == built);
        built.forEachAction([&](const Task&, const Action& a) { QVERIFY(page.scene()->actionItem(a.id)); });
    }
};

QTEST_MAIN(TestFlowFromScratch)
#include "TestFlowFromScratch.moc"
