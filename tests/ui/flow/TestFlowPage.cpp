#include "../pages/PageTestSupport.h"
#include "flow/FlowPage.h"
#include "flow/FlowProperties.h"
#include "flow/FlowScene.h"
#include "flow/FlowTemplates.h"
#include "flow/FlowToolbox.h"
#include "flow/FlowView.h"
#include "project/ProjectFile.h"
#include "project/SimulationSetup.h"
#include "shell/MainWindow.h"
#include "shell/ProblemsDock.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QCompleter>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QPainter>
#include <QScrollBar>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>
#include <QTreeView>
#include <QUndoStack>
#include <QWheelEvent>

using namespace Qt::StringLiterals;
using namespace handoff;
using namespace handoff::flow;
using handoff::pagetest::Fixture;

namespace {

project::Project sampleFile() {
    auto loaded =
        project::ProjectFile::load(QStringLiteral(HANDOFF_SOURCE_DIR) + u"/resources/samples/sample.handoff"_s);
    if (!loaded) {
        qFatal("the sample project does not load");
    }
    return loaded->project;
}

struct PageFixture {
    Fixture f;
    std::unique_ptr<FlowPage> page;
    explicit PageFixture(const project::Project& project = sampleFile()) {
        f.workspace->resetProject(project);
        f.workspace->recomputeNow();
        page = std::make_unique<FlowPage>(*f.workspace);
        page->setDialogs(f.dialogs);
        page->resize(1400, 900);
        page->show();
        page->activateWindow();
        [[maybe_unused]] const bool active = QTest::qWaitForWindowActive(page.get());
    }
    shell::Workspace& ws() const { return *f.workspace; }
    const Flow& flow() const { return f.workspace->project().flow; }
    void settle() const { f.workspace->recomputeNow(); }
};

} // namespace

// The Flow page on the offscreen platform: the canvas of the sample, editing through the core, problems on the
// canvas and in the Problems dock, the hooks of the simulation view.
class TestFlowPage final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        initSharedResources();
    }

    void canvasShowsEveryActionKeyedById() {
        PageFixture p;
        QCOMPARE(p.page->pageId(), u"flow"_s);
        int actions = 0;
        p.flow().forEachAction([&](const Task&, const Action& a) {
            ++actions;
            ActionItem* item = p.page->scene()->actionItem(a.id);
            QVERIFY2(item, qPrintable(a.id));
            QVERIFY(item->isVisible());
            QCOMPARE(item->name(), a.name);
        });
        QCOMPARE(p.page->scene()->actionItemsCreated(), actions);
        for (const Task& t : p.flow().tasks) {
            QVERIFY(p.page->scene()->taskItem(t.id));
        }
    }

    void editsUpdateItemsFromTheDiffWithoutRebuilding() {
        PageFixture p;
        const int created = p.page->scene()->actionItemsCreated();
        ActionItem* transfer = p.page->scene()->actionItem(u"transfer"_s);
        QVERIFY(p.page->applyEdit(
            u"rename"_s, [](Flow& f) { return edit::setProperty(f, u"transfer"_s, u"name"_s, u"To the agent"_s); }));
        QCOMPARE(p.page->scene()->actionItem(u"transfer"_s), transfer); // the same item, updated
        QCOMPARE(transfer->name(), u"To the agent"_s);
        QCOMPARE(p.page->scene()->actionItemsCreated(), created);
        p.page->select(u"greeting"_s);
        QVERIFY(p.page->insertKind(ActionKind::PlayAudio));
        QCOMPARE(p.page->scene()->actionItemsCreated(), created + 1);
        QCOMPARE(p.page->scene()->actionItem(u"transfer"_s), transfer);
    }

    // A rename or a property change redraws the changed card only: nothing is laid out again and every item stays
    // where it was. An insert lays the flow out again and every item goes where the new layout puts it; undo puts
    // them back.
    void editsThatMoveNothingLayNothingOut() {
        PageFixture p;
        FlowScene* scene = p.page->scene();
        const auto positions = [scene] {
            QStringList out;
            for (const QString& key : scene->flowLayout().order) {
                const QGraphicsItem* item = isTaskKey(key)
                                                ? static_cast<QGraphicsItem*>(scene->taskItem(taskIdOfKey(key)))
                                            : key.contains(u'/') ? static_cast<QGraphicsItem*>(scene->outputItem(key))
                                                                 : scene->actionItem(key);
                out << u"%1 %2,%3"_s.arg(key).arg(item->pos().x()).arg(item->pos().y());
            }
            for (const ConnectorItem* c : scene->connectors()) {
                out << u"%1/%2 %3,%4"_s.arg(c->place().parentId)
                           .arg(c->place().index)
                           .arg(c->pos().x())
                           .arg(c->pos().y());
            }
            return out;
        };
        // Every item where the scene's current layout puts it.
        const auto followsTheLayout = [scene] {
            const FlowLayout& l = scene->flowLayout();
            if (scene->connectors().size() != l.connectors.size()) {
                return false;
            }
            for (qsizetype i = 0; i < l.connectors.size(); ++i) {
                const ConnectorItem* c = scene->connectors().at(i);
                if (!(c->place() == l.connectors.at(i).place) || c->pos() != l.connectors.at(i).rect.topLeft()) {
                    return false;
                }
            }
            for (const OutputBox& o : l.outputs) {
                if (scene->outputItem(o.key())->pos() != o.rect.topLeft()) {
                    return false;
                }
            }
            for (auto it = l.actions.cbegin(); it != l.actions.cend(); ++it) {
                if (scene->actionItem(it.key())->pos() != it->rect.topLeft()) {
                    return false;
                }
            }
            return true;
        };
        const int layouts = scene->layouts();
        const QStringList before = positions();
        QVERIFY(followsTheLayout());

        QVERIFY(p.page->applyEdit(
            u"rename"_s, [](Flow& f) { return edit::setProperty(f, u"greeting"_s, u"name"_s, u"Welcome"_s); }));
        QVERIFY(p.page->applyEdit(u"number"_s, [](Flow& f) {
            return edit::setProperty(f, u"transfer"_s, u"number"_s, u"\"+15550100199\""_s);
        }));
        p.settle();
        QCOMPARE(scene->actionItem(u"greeting"_s)->name(), u"Welcome"_s);
        QCOMPARE(scene->layouts(), layouts);
        QCOMPARE(positions(), before);
        p.ws().undoStack()->undo();
        p.ws().undoStack()->undo();
        QCOMPARE(scene->actionItem(u"greeting"_s)->name(), sampleFile().flow.find(u"greeting"_s)->name);
        QCOMPARE(scene->layouts(), layouts);

        const qreal transferAt = scene->actionItem(u"transfer"_s)->pos().y();
        p.page->select(u"greeting"_s);
        QVERIFY(p.page->insertKind(ActionKind::PlayAudio));
        QCOMPARE(scene->layouts(), layouts + 1);
        QVERIFY(followsTheLayout());
        QVERIFY(scene->actionItem(u"transfer"_s)->pos().y() > transferAt); // below the new card
        QVERIFY(positions() != before);
        p.ws().undoStack()->undo();
        QVERIFY(followsTheLayout());
        QCOMPARE(positions(), before);
    }

    void problemsColourTheCanvasAndUnreachableIsDimmed() {
        PageFixture p;
        QVERIFY(!p.page->scene()->actionItem(u"transfer"_s)->marks().severity.has_value());
        // A number that is not E.164 (FLW015, an error) and an action after a reusable task nobody jumps to.
        QVERIFY(p.page->applyEdit(
            u"number"_s, [](Flow& f) { return edit::setProperty(f, u"transfer"_s, u"number"_s, u"\"5550100\""_s); }));
        QVERIFY(p.page->applyEdit(u"task"_s, [](Flow& f) -> Result<void> {
            auto t = edit::addTask(f, u"orphan"_s, u"Orphan"_s);
            if (!t) {
                return tl::unexpected(t.error());
            }
            return edit::insertAction(f, edit::Place{u"orphan"_s, {}, {}, -1},
                                      Action::make(u"lonely"_s, u"Lonely"_s, DisconnectProps{}))
                .map([](const QString&) {});
        }));
        p.settle();
        const auto& d = p.ws().diagnostics();
        const bool hasE164 = std::any_of(d.cbegin(), d.cend(), [](const auto& x) {
            return x.code == u"FLW015"_s && x.where.actionId == u"transfer"_s;
        });
        QVERIFY(hasE164);
        QCOMPARE(p.page->scene()->actionItem(u"transfer"_s)->marks().severity, diagnostics::Severity::Error);
        p.page->select(u"transfer"_s);
        QVERIFY(p.page->properties()->problemsText().contains(u"FLW015"_s)); // and in its properties
        p.page->select(u"greeting"_s);
        QVERIFY(!p.page->properties()->problemsText().contains(u"FLW015"_s));
        QVERIFY(p.page->scene()->actionItem(u"lonely"_s)->marks().unreachable);
        QVERIFY(p.page->scene()->actionItem(u"lonely"_s)->opacity() < 1.0);
        QVERIFY(!p.page->scene()->actionItem(u"greeting"_s)->marks().unreachable);
        // One undo step each restores the state before.
        p.ws().undoStack()->undo();
        p.ws().undoStack()->undo();
        p.settle();
        QVERIFY(!p.page->scene()->actionItem(u"transfer"_s)->marks().severity.has_value());
        QVERIFY(!p.page->scene()->actionItem(u"lonely"_s));
    }

    void editingANestedActionLeavesTheUndoHistoryIntact() {
        PageFixture p;
        const Flow before = sampleFile().flow; // read again: a copy of p.flow() would share its nested lists
        QVERIFY(p.page->applyEdit(u"nested"_s, [](Flow& f) {
            return edit::setProperty(f, u"transfer-failed-audio"_s, u"name"_s, u"Sorry"_s);
        }));
        QCOMPARE(p.flow().find(u"transfer-failed-audio"_s)->name, u"Sorry"_s);
        p.ws().undoStack()->undo();
        QVERIFY(p.flow() == before);
        p.ws().undoStack()->redo();
        QCOMPARE(p.flow().find(u"transfer-failed-audio"_s)->name, u"Sorry"_s);
    }

    void theFlowIsCheckedAgainOnlyWhenWhatTheCheckReadsChanged() {
        PageFixture p;
        p.settle();
        const quint64 checks = p.ws().flowChecks();
        p.ws().edit(u"name"_s, [](project::Project& project) { project.name = u"Renamed"_s; });
        p.settle();
        QCOMPARE(p.ws().flowChecks(), checks); // the project's name is not read by the check
        p.ws().edit(u"txn"_s, [](project::Project& project) { project.uui.transactionId = u"txn-2"_s; });
        p.settle();
        QCOMPARE(p.ws().flowChecks(), checks + 1); // the UUI template is
        QVERIFY(p.page->applyEdit(
            u"number"_s, [](Flow& f) { return edit::setProperty(f, u"transfer"_s, u"number"_s, u"\"5550100\""_s); }));
        p.settle();
        QCOMPARE(p.ws().flowChecks(), checks + 2);
        const auto& d = p.ws().diagnostics();
        QVERIFY(std::any_of(d.cbegin(), d.cend(), [](const auto& x) { return x.code == u"FLW015"_s; }));
    }

    void arrowsWalkTheFlowEnterEditsDeleteDeletes() {
        PageFixture p;
        p.page->view()->setFocus();
        QTest::keyClick(p.page->view(), Qt::Key_Down); // nothing selected: the first key (the starting task)
        QCOMPARE(p.page->selectedKey(), taskKey(u"main"_s));
        QTest::keyClick(p.page->view(), Qt::Key_Down);
        QCOMPARE(p.page->selectedKey(), u"transcription"_s);
        QTest::keyClick(p.page->view(), Qt::Key_Down);
        QCOMPARE(p.page->selectedKey(), u"recording"_s);
        QTest::keyClick(p.page->view(), Qt::Key_Up);
        QCOMPARE(p.page->selectedKey(), u"transcription"_s);
        QVERIFY(p.page->scene()->actionItem(u"transcription"_s)->isSelected());
        QTest::keyClick(p.page->view(), Qt::Key_Right);
        QCOMPARE(p.page->selectedKey(), taskKey(u"failure-handling"_s));
        QTest::keyClick(p.page->view(), Qt::Key_Left);
        QCOMPARE(p.page->selectedKey(), taskKey(u"main"_s));

        p.page->select(u"greeting"_s);
        p.page->view()->setFocus();
        QTest::keyClick(p.page->view(), Qt::Key_Return);
        QVERIFY(p.page->properties()->isAncestorOf(QApplication::focusWidget()));

        p.page->select(u"greeting"_s);
        p.page->view()->setFocus();
        const int steps = p.ws().undoStack()->count();
        QTest::keyClick(p.page->view(), Qt::Key_Delete);
        QVERIFY(!p.flow().find(u"greeting"_s));
        QCOMPARE(p.ws().undoStack()->count(), steps + 1);
        QCOMPARE(p.page->selectedKey(), u"recording"_s); // the one before
        p.ws().undoStack()->undo();
        QVERIFY(p.flow().find(u"greeting"_s));
    }

    void typingAPropertyIsOneUndoStep() {
        PageFixture p;
        p.page->select(u"transfer"_s);
        auto* number = qobject_cast<QLineEdit*>(p.page->properties()->editor(u"props.number"_s));
        QVERIFY(number);
        const QString before = number->text();
        const int steps = p.ws().undoStack()->count();
        number->setFocus();
        number->selectAll();
        QTest::keyClicks(number, u"\"+15550100199\""_s);
        QCOMPARE(p.flow().find(u"transfer"_s)->as<TransferProps>()->number, u"\"+15550100199\""_s);
        QCOMPARE(p.ws().undoStack()->count(), steps + 1);
        QCOMPARE(number, p.page->properties()->editor(u"props.number"_s)); // the editor stayed
        p.ws().undoStack()->undo();
        QCOMPARE(p.flow().find(u"transfer"_s)->as<TransferProps>()->number, before);
        QCOMPARE(number->text(), before);

        // A number field (spin box) and a check box.
        auto* timeout = qobject_cast<QSpinBox*>(p.page->properties()->editor(u"props.connectTimeoutSeconds"_s));
        QVERIFY(timeout);
        timeout->setValue(45);
        QCOMPARE(p.flow().find(u"transfer"_s)->as<TransferProps>()->connectTimeoutSeconds, 45);
    }

    void expressionFieldsShowLocatedErrorsAndCompleteVariables() {
        PageFixture p;
        p.page->select(u"voicecall-created"_s);
        auto* condition = qobject_cast<QLineEdit*>(p.page->properties()->editor(u"props.condition"_s));
        QVERIFY(condition);
        QVERIFY(p.page->properties()->expressionProblem(u"props.condition"_s).isEmpty());
        condition->setFocus();
        condition->selectAll();
        QTest::keyClicks(condition, u"IsSet(Task.voiceCallId"_s);
        const QString problem = p.page->properties()->expressionProblem(u"props.condition"_s);
        QVERIFY2(problem.contains(u"FLW001"_s), qPrintable(problem));
        QVERIFY(problem.contains(u"column"_s));
        // Completing: type the start of a declared variable.
        condition->selectAll();
        QTest::keyClicks(condition, u"IsSet(Task.voi"_s);
        QCompleter* completer = condition->findChild<QCompleter*>();
        QVERIFY(completer);
        QCOMPARE(completer->completionPrefix(), u"Task.voi"_s);
        QCOMPARE(completer->currentCompletion(), u"Task.voiceCallId"_s);
        Q_EMIT completer->activated(u"Task.voiceCallId"_s);
        QCOMPARE(condition->text(), u"IsSet(Task.voiceCallId"_s);

        // In a table of inputs, a cell that does not parse says why; its editor completes variables too.
        p.page->select(u"create-voicecall"_s);
        auto* inputs = qobject_cast<QTableWidget*>(p.page->properties()->editor(u"props.inputs"_s));
        QVERIFY(inputs);
        QVERIFY(inputs->item(0, 1)->toolTip().isEmpty());
        inputs->item(0, 1)->setText(u"Append(Call.Ani"_s);
        inputs = qobject_cast<QTableWidget*>(p.page->properties()->editor(u"props.inputs"_s));
        QVERIFY2(inputs->item(0, 1)->toolTip().contains(u"FLW001"_s), qPrintable(inputs->item(0, 1)->toolTip()));
        QCOMPARE(p.flow().find(u"create-voicecall"_s)->as<CallDataProps>()->inputs.at(0).value, u"Append(Call.Ani"_s);
        QWidget* cellEditor = inputs->itemDelegateForColumn(1)->createEditor(inputs->viewport(), {}, {});
        QVERIFY(cellEditor->findChild<QCompleter*>());
        delete cellEditor;
    }

    void toolboxInsertsByKeyboardAfterTheSelection() {
        PageFixture p;
        p.page->select(u"greeting"_s);
        p.page->view()->setFocus();
        const int steps = p.ws().undoStack()->count();
        QTest::keyClick(p.page->view(), Qt::Key_T, Qt::ControlModifier);
        QVERIFY(p.page->toolbox()->searchField()->hasFocus());
        QTest::keyClicks(p.page->toolbox()->searchField(), u"update"_s);
        QCOMPARE(p.page->toolbox()->currentKind(), ActionKind::UpdateData);
        QTest::keyClick(p.page->toolbox()->searchField(), Qt::Key_Return);
        const auto place = p.flow().placeOf(p.page->selectedKey());
        QVERIFY(place);
        QCOMPARE(p.flow().find(p.page->selectedKey())->kind(), ActionKind::UpdateData);
        QCOMPARE(place->index, p.flow().placeOf(u"greeting"_s)->index + 1);
        QCOMPARE(p.ws().undoStack()->count(), steps + 1);
        QVERIFY(p.page->view()->hasFocus());
        p.ws().undoStack()->undo();
        QCOMPARE(p.flow().actionCount(), sampleFile().flow.actionCount());
    }

    void dropsWhereArchitectAllowsNoneAreRefused() {
        PageFixture p;
        const Flow before = p.flow();
        const int steps = p.ws().undoStack()->count();
        // After the final Disconnect of the starting task.
        const int n = static_cast<int>(p.flow().task(u"main"_s)->actions.size());
        QVERIFY(!p.page->insertKindAt(ActionKind::PlayAudio, ConnectorPlace{u"main"_s, {}, {}, n, true}));
        QVERIFY2(p.page->message().contains(u"FLW063"_s), qPrintable(p.page->message()));
        QVERIFY(p.flow() == before);
        QCOMPARE(p.ws().undoStack()->count(), steps);
        // The connector there is not offered to a drag.
        for (ConnectorItem* c : p.page->scene()->connectors()) {
            if (c->place().taskId == u"main"_s && c->place().parentId.isEmpty() && c->place().index == n) {
                QVERIFY(!c->place().allowed);
            }
        }
        // A Jump to a task that does not exist is marked at once, and one undo restores.
        QVERIFY(p.page->applyEdit(
            u"jump"_s, [](Flow& f) { return edit::setProperty(f, u"failure-jump"_s, u"task"_s, u"no-such-task"_s); }));
        p.settle();
        QCOMPARE(p.page->scene()->actionItem(u"failure-jump"_s)->marks().severity, diagnostics::Severity::Error);
        p.ws().undoStack()->undo();
        QVERIFY(p.flow() == before);
    }

    void dropFromTheToolboxOnAConnector() {
        PageFixture p;
        FlowView* view = p.page->view();
        // The connector after the greeting, in view coordinates.
        ConnectorItem* target = nullptr;
        ConnectorItem* afterEnd = nullptr;
        const int greetingIndex = p.flow().placeOf(u"greeting"_s)->index;
        const int n = static_cast<int>(p.flow().task(u"main"_s)->actions.size());
        for (ConnectorItem* c : p.page->scene()->connectors()) {
            if (c->place().taskId == u"main"_s && c->place().parentId.isEmpty()) {
                if (c->place().index == greetingIndex + 1) {
                    target = c;
                } else if (c->place().index == n) {
                    afterEnd = c;
                }
            }
        }
        QVERIFY(target && afterEnd);
        const auto drop = [view](const QPointF& scenePos, const QString& kind) {
            view->ensureVisible(QRectF(scenePos, QSizeF(1, 1)), 20, 20);
            const QPoint at = view->mapFromScene(scenePos);
            QMimeData mime;
            mime.setData(QString::fromLatin1(kActionKindMime), kind.toUtf8());
            QDragEnterEvent enter(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
            QApplication::sendEvent(view->viewport(), &enter);
            QDragMoveEvent move(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
            QApplication::sendEvent(view->viewport(), &move);
            const bool accepted = move.isAccepted();
            QDropEvent dropEvent(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
            QApplication::sendEvent(view->viewport(), &dropEvent);
            return accepted;
        };
        const int steps = p.ws().undoStack()->count();
        QVERIFY(drop(target->sceneBoundingRect().center(), u"updateData"_s));
        QCOMPARE(p.ws().undoStack()->count(), steps + 1);
        const QString inserted = p.page->selectedKey();
        QCOMPARE(p.flow().find(inserted)->kind(), ActionKind::UpdateData);
        QCOMPARE(p.flow().placeOf(inserted)->index, greetingIndex + 1);
        // Far below the last Disconnect no connector takes a drop: the drag is refused and nothing changes.
        const Flow before = p.flow();
        const QPointF below = afterEnd->sceneBoundingRect().center() + QPointF(0, 200);
        QVERIFY(!drop(below, u"playAudio"_s));
        QVERIFY(p.flow() == before);
        QCOMPARE(p.ws().undoStack()->count(), steps + 1);
    }

    void moveWithinAListIntoAnOutputAndBetweenTasks() {
        PageFixture p;
        p.page->select(u"recording"_s);
        p.page->view()->setFocus();
        QTest::keyClick(p.page->view(), Qt::Key_Up, Qt::AltModifier);
        QCOMPARE(p.flow().placeOf(u"recording"_s)->index, 0);
        QTest::keyClick(p.page->view(), Qt::Key_Down, Qt::AltModifier);
        QCOMPARE(p.flow().placeOf(u"recording"_s)->index, 1);
        // Drop the greeting into the Call Data Action's success path, then into the reusable task.
        QVERIFY(p.page->moveActionTo(u"greeting"_s,
                                     ConnectorPlace{u"main"_s, u"create-voicecall"_s, u"success"_s, 0, true}));
        QCOMPARE(p.flow().placeOf(u"greeting"_s)->parentId, u"create-voicecall"_s);
        QVERIFY(p.page->moveActionTo(u"greeting"_s, ConnectorPlace{u"failure-handling"_s, {}, {}, 0, true}));
        QCOMPARE(p.flow().placeOf(u"greeting"_s)->taskId, u"failure-handling"_s);
        QVERIFY(p.page->scene()->actionItem(u"greeting"_s)->scenePos().x() >
                p.page->scene()->taskItem(u"main"_s)->sceneBoundingRect().right());
        // Four gestures, four steps.
        for (int i = 0; i < 4; ++i) {
            p.ws().undoStack()->undo();
        }
        QVERIFY(p.flow() == sampleFile().flow);
    }

    void cutCopyPasteDuplicateWithFreshIds() {
        PageFixture p;
        p.page->select(u"create-voicecall"_s);
        QVERIFY(p.page->copySelection());
        p.page->select(u"failure-audio"_s);
        QVERIFY(p.page->paste());
        const QString pasted = p.page->selectedKey();
        QVERIFY(pasted != u"create-voicecall"_s);
        const Action* copy = p.flow().find(pasted);
        QVERIFY(copy);
        QCOMPARE(copy->kind(), ActionKind::CallData);
        QCOMPARE(copy->outputs.size(), qsizetype(3));
        const QString nested = copy->output(u"failure")->front().id;
        QVERIFY(nested != u"failure-jump"_s); // nested ids are fresh too
        QCOMPARE(p.flow().placeOf(pasted)->taskId, u"failure-handling"_s);

        p.page->select(u"greeting"_s);
        QVERIFY(p.page->duplicateSelection());
        QCOMPARE(p.flow().find(p.page->selectedKey())->name, p.flow().find(u"greeting"_s)->name);
        QCOMPARE(p.flow().placeOf(p.page->selectedKey())->index, p.flow().placeOf(u"greeting"_s)->index + 1);

        p.page->select(u"greeting"_s);
        QVERIFY(p.page->cutSelection());
        QVERIFY(!p.flow().find(u"greeting"_s));
        p.page->select(u"recording"_s);
        QVERIFY(p.page->paste());
        QCOMPARE(p.flow().find(p.page->selectedKey())->kind(), ActionKind::PlayAudio);

        // Text that is not a flow: refused with the reason, nothing changed.
        QApplication::clipboard()->setText(u"hello, not a flow"_s);
        const Flow before = p.flow();
        const int steps = p.ws().undoStack()->count();
        QVERIFY(!p.page->paste());
        QVERIFY(p.page->message().contains(u"FLW070"_s));
        QVERIFY(p.flow() == before);
        QCOMPARE(p.ws().undoStack()->count(), steps);
    }

    void tasksAndVariables() {
        PageFixture p;
        QVERIFY(p.page->addTask());
        const QString task = taskIdOfKey(p.page->selectedKey());
        QVERIFY(p.flow().task(task));
        auto* id = qobject_cast<QLineEdit*>(p.page->properties()->editor(u"id"_s));
        QVERIFY(id);
        id->setFocus();
        id->selectAll();
        QTest::keyClicks(id, u"after-hours"_s);
        QTest::keyClick(id, Qt::Key_Return);
        QVERIFY(p.flow().task(u"after-hours"_s));
        QCOMPARE(p.page->selectedKey(), taskKey(u"after-hours"_s));
        // Jumps follow a renamed task.
        id = qobject_cast<QLineEdit*>(p.page->properties()->editor(u"id"_s));
        p.page->select(taskKey(u"failure-handling"_s));
        id = qobject_cast<QLineEdit*>(p.page->properties()->editor(u"id"_s));
        id->setFocus();
        id->selectAll();
        QTest::keyClicks(id, u"apology"_s);
        QTest::keyClick(id, Qt::Key_Return);
        QCOMPARE(p.flow().find(u"failure-jump"_s)->as<JumpProps>()->task, u"apology"_s);

        QVERIFY(p.page->addVariable());
        const qsizetype count = p.flow().variables.size();
        QTableWidget* table = p.page->variablesTable();
        QCOMPARE(table->rowCount(), int(count));
        table->item(int(count) - 1, 0)->setText(u"Flow.greetingText"_s);
        QCOMPARE(p.flow().variables.constLast().name, u"Flow.greetingText"_s);
        table->item(int(count) - 1, 2)->setText(u"Hello"_s);
        QCOMPARE(p.flow().variables.constLast().initial.asString(), u"Hello"_s);
        // Renaming a variable follows its uses.
        const int row = int(std::find_if(p.flow().variables.cbegin(), p.flow().variables.cend(),
                                         [](const Variable& v) { return v.name == u"Task.voiceCallId"_s; }) -
                            p.flow().variables.cbegin());
        table->item(row, 0)->setText(u"Task.callId"_s);
        QVERIFY(p.flow().find(u"voicecall-created"_s)->as<DecisionProps>()->condition.contains(u"Task.callId"_s));
        // A name Architect does not take is refused and the table shows the old one again.
        table->item(row, 0)->setText(u"callId"_s);
        QVERIFY(p.page->message().contains(u"FLW061"_s));
        QCOMPARE(table->item(row, 0)->text(), u"Task.callId"_s);

        // The type: the initial value goes along when it reads as the new type, else the change is refused.
        const int last = table->rowCount() - 1; // Flow.greetingText, "Hello"
        QVERIFY(table->item(last, 1)->flags() & Qt::ItemIsEditable);
        table->item(last, 1)->setText(u"Integer"_s);
        QCOMPARE(p.flow().variables.constLast().type, ValueType::String);
        QVERIFY(p.page->message().contains(u"\"Hello\""_s));
        QCOMPARE(table->item(last, 1)->text(), u"String"_s);
        table->item(last, 2)->setText(u"42"_s);
        table->item(last, 1)->setText(u"Integer"_s);
        QCOMPARE(p.flow().variables.constLast().type, ValueType::Integer);
        QCOMPARE(p.flow().variables.constLast().initial, Value::integer(42));
        QVERIFY(p.ws().undoStack()->canUndo());
        p.ws().undoStack()->undo();
        QCOMPARE(p.flow().variables.constLast().type, ValueType::String);
        QCOMPARE(table->item(last, 1)->text(), u"String"_s);
        // The editor is a combo box of Architect's type names.
        table->setCurrentCell(last, 1);
        table->editItem(table->item(last, 1));
        auto* box = table->findChild<QComboBox*>(u"variableTypeComboBox"_s);
        QVERIFY(box);
        QCOMPARE(box->count(), 4);
        QCOMPARE(box->currentText(), u"String"_s);
    }

    void zoomCollapseAndMinimap() {
        PageFixture p;
        p.page->view()->setFocus();
        const qreal z = p.page->view()->zoom();
        QTest::keyClick(p.page->view(), Qt::Key_Plus, Qt::ControlModifier);
        QVERIFY(p.page->view()->zoom() > z);
        QTest::keyClick(p.page->view(), Qt::Key_Minus, Qt::ControlModifier);
        QTest::keyClick(p.page->view(), Qt::Key_Minus, Qt::ControlModifier);
        QVERIFY(p.page->view()->zoom() < z);
        QTest::keyClick(p.page->view(), Qt::Key_0, Qt::ControlModifier);
        QVERIFY(p.page->view()->zoom() <= 1.0);
        // Ctrl+wheel zooms; the wheel alone scrolls (pans).
        const qreal fitted = p.page->view()->zoom();
        const QPointF centre = p.page->view()->viewport()->rect().center();
        QWheelEvent zoomIn(centre, p.page->view()->viewport()->mapToGlobal(centre), {}, QPoint(0, 120), Qt::NoButton,
                           Qt::ControlModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(p.page->view()->viewport(), &zoomIn);
        QVERIFY(p.page->view()->zoom() > fitted);
        p.page->view()->setZoom(1.0);
        p.page->view()->verticalScrollBar()->setValue(0);
        QWheelEvent scroll(centre, p.page->view()->viewport()->mapToGlobal(centre), {}, QPoint(0, -120), Qt::NoButton,
                           Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(p.page->view()->viewport(), &scroll);
        QCOMPARE(p.page->view()->zoom(), 1.0);
        QVERIFY(p.page->view()->verticalScrollBar()->value() > 0);
        QVERIFY(p.page->minimap()->isVisible());

        p.page->select(u"create-voicecall"_s);
        p.page->view()->setFocus();
        QTest::keyClick(p.page->view(), Qt::Key_Space);
        QVERIFY(p.page->scene()->isCollapsed(u"create-voicecall"_s));
        QVERIFY(!p.page->scene()->actionItem(u"failure-jump"_s)->isVisible());
        QVERIFY(p.page->scene()->flowLayout().actions.value(u"create-voicecall"_s).hiddenCount == 2);
        // Selecting a hidden action (from the Problems dock, say) expands what hides it.
        p.page->select(u"failure-jump"_s);
        QVERIFY(p.page->scene()->actionItem(u"failure-jump"_s)->isVisible());
        QVERIFY(!p.page->scene()->isCollapsed(u"create-voicecall"_s));
    }

    void problemsDockListsFlowProblemsAndF8WalksThem() {
        Fixture f;
        project::Project project = sampleFile();
        // Two flow problems: a number that is not E.164, and Set Post-Flow to the agent.
        QVERIFY(edit::setProperty(project.flow, u"transfer"_s, u"number"_s, u"\"5550100\""_s));
        f.workspace->resetProject(project);
        f.workspace->recomputeNow();
        shell::MainWindow window(*f.workspace, f.dialogs);
        window.show();
        window.activateWindow();
        [[maybe_unused]] const bool active = QTest::qWaitForWindowActive(&window);
        auto* page = qobject_cast<FlowPage*>(window.page(u"flow"_s));
        QVERIFY(page);
        const auto& listed = window.problemsDock()->model()->diagnostics();
        const auto flowProblems = project::validateFlow(f.workspace->project(), f.clock);
        QVERIFY(!flowProblems.isEmpty());
        for (const auto& d : flowProblems) {
            const bool shown = std::any_of(listed.cbegin(), listed.cend(), [&d](const auto& e) {
                return e.code == d.code && e.where.actionId == d.where.actionId;
            });
            QVERIFY2(shown, qPrintable(d.code));
        }
        // Activating the FLW015 row selects the transfer and focuses its number.
        int row = -1;
        for (int i = 0; i < listed.size(); ++i) {
            if (listed.at(i).code == u"FLW015"_s) {
                row = i;
            }
        }
        QVERIFY(row >= 0);
        QVERIFY(
            !window.problemsDock()->model()->data(window.problemsDock()->model()->index(row, 2)).toString().isEmpty());
        QVERIFY(window.focusDiagnostic(listed.at(row)));
        QCOMPARE(window.currentPage(), page);
        QCOMPARE(page->selectedKey(), u"transfer"_s);
        QCOMPARE(QApplication::focusWidget(), page->properties()->editor(u"props.number"_s));
        // F8 walks the problems: the flow ones land on the canvas.
        window.problemsDock()->view()->setCurrentIndex(
            window.problemsDock()->model()->index(row - 1 < 0 ? 0 : row - 1, 0));
        if (row > 0) {
            QVERIFY(window.goToProblem(1));
            QCOMPARE(page->selectedKey(), u"transfer"_s);
        }
    }

    void simulationHighlightAndBottomPanel() {
        PageFixture p;
        auto* panel = new QLabel(u"simulation"_s);
        p.page->addBottomPanel(panel, u"Simulation"_s);
        QVERIFY(p.page->bottomTabs()->isVisible());
        QCOMPARE(p.page->bottomTabs()->indexOf(panel), 0);
        p.page->scene()->setCollapsed(OutputBox::outputKey(u"transfer"_s, u"failure"_s), true);
        p.page->showSimulationHighlight({u"transcription"_s, u"recording"_s, u"greeting"_s},
                                        u"transfer-failed-audio"_s);
        QVERIFY(p.page->scene()->actionItem(u"greeting"_s)->marks().onPath);
        QVERIFY(!p.page->scene()->actionItem(u"greeting"_s)->marks().current);
        QVERIFY(p.page->scene()->actionItem(u"transfer-failed-audio"_s)->marks().current);
        QVERIFY(p.page->scene()->actionItem(u"transfer-failed-audio"_s)->isVisible()); // revealed
        const QRectF visible = p.page->view()->mapToScene(p.page->view()->viewport()->rect()).boundingRect();
        QVERIFY(visible.intersects(p.page->scene()->actionItem(u"transfer-failed-audio"_s)->sceneBoundingRect()));
        p.page->clearSimulationHighlight();
        QVERIFY(!p.page->scene()->actionItem(u"greeting"_s)->marks().onPath);
        QVERIFY(!p.page->scene()->actionItem(u"transfer-failed-audio"_s)->marks().current);
    }

    void darkPaletteAndDoubleScaleRender() {
        PageFixture p;
        QPalette dark;
        dark.setColor(QPalette::Window, QColor(0x20, 0x20, 0x20));
        dark.setColor(QPalette::WindowText, Qt::white);
        dark.setColor(QPalette::Base, QColor(0x2a, 0x2a, 0x2a));
        dark.setColor(QPalette::Text, Qt::white);
        dark.setColor(QPalette::Button, QColor(0x33, 0x33, 0x33));
        dark.setColor(QPalette::ButtonText, Qt::white);
        p.page->setPalette(dark);
        QCOMPARE(p.page->scene()->palette().color(QPalette::Base), QColor(0x2a, 0x2a, 0x2a));
        // Rendering at twice the size paints every card (a smoke test that paint code runs in both palettes).
        QImage image(p.page->scene()->sceneRect().size().toSize() * 2, QImage::Format_ARGB32);
        image.fill(Qt::transparent);
        QPainter painter(&image);
        p.page->scene()->render(&painter);
        painter.end();
        const QRectF card = p.page->scene()->actionItem(u"greeting"_s)->sceneBoundingRect();
        QVERIFY(image.pixelColor((card.center() * 2).toPoint()).alpha() > 0);
    }
};

QTEST_MAIN(TestFlowPage)
#include "TestFlowPage.moc"
