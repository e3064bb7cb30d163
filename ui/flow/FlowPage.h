#pragma once

#include "common/Error.h"
#include "flow/Flow.h"
#include "flow/FlowEdit.h"
#include "flow/FlowLayout.h"
#include "shell/Page.h"

#include <QStringList>

#include <functional>
#include <optional>

class QLabel;
class QSplitter;
class QTabWidget;
class QTableWidget;
class QToolButton;

namespace handoff::flow {

class FlowMinimap;
class FlowProperties;
class FlowScene;
class FlowToolbox;
class FlowView;

// The Flow page: Architect's task editor for the project's flow. The toolbox on the left, the canvas (one column
// per task) in the middle with a minimap, the configuration of the selection on the right (and the flow's
// variables), panels such as the simulation below the canvas. Every change is one call of the core edit API
// recorded as one undo step on the workspace's stack; the canvas updates the items the core's diff names.
//
// Keyboard: arrows move the selection along the flow (Left/Right: to the neighbouring task), Enter edits the
// selection's properties, Delete deletes, Alt+Up/Down moves the action in its list, Ctrl+X/C/V cut, copy and paste,
// Ctrl+D duplicates, Space collapses or expands, Ctrl+T (or Insert) opens the toolbox search, where Enter inserts
// the chosen action after the selection. Ctrl+wheel, Ctrl++ / Ctrl+- zoom, Ctrl+0 fits.
class FlowPage final : public shell::Page {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FlowPage)

public:
    explicit FlowPage(shell::Workspace& workspace, QWidget* parent = nullptr);
    ~FlowPage() override;

    QString title() const override;
    QIcon icon() const override;
    QString pageId() const override;
    // Flow problems have no model field: they are located by task and action id ("flow" stands for them all).
    bool ownsField(const QString& field) const override;
    bool focusField(const QString& field, const diagnostics::Location& where) override;

    // Puts a panel (the simulation view, say) in the tabbed area below the canvas.
    void addBottomPanel(QWidget* panel, const QString& title);
    // Draws the path's actions highlighted and the current one distinct, and scrolls it into view.
    void showSimulationHighlight(const QStringList& pathActionIds, const QString& currentActionId);
    void clearSimulationHighlight();

    // ---- what the canvas and the keyboard do, public for tests and for the view's drops
    FlowScene* scene() const { return m_scene; }
    FlowView* view() const { return m_view; }
    FlowToolbox* toolbox() const { return m_toolbox; }
    FlowProperties* properties() const { return m_properties; }
    QTableWidget* variablesTable() const { return m_variables; }
    QTabWidget* bottomTabs() const { return m_bottom; }
    FlowMinimap* minimap() const { return m_minimap; }
    QString selectedKey() const;
    void select(const QString& key);
    // Where an inserted or pasted action goes: after the selected action, at the end of the selected output or
    // task, else at the end of the starting task.
    std::optional<edit::Place> insertionPlace() const;
    bool insertKind(ActionKind kind);
    bool insertKindAt(ActionKind kind, const ConnectorPlace& place);
    bool moveActionTo(const QString& actionId, const ConnectorPlace& place);
    bool moveSelection(int delta); // Alt+Up/Down
    bool deleteSelection();
    bool copySelection();
    bool cutSelection();
    bool paste();
    bool duplicateSelection();
    bool addTask();
    bool addVariable();
    // The Type column's edit: the variable gets `typeName` (String, Integer, Decimal or Boolean) with its initial
    // value read as that type; refused, with the reason shown, when the value does not read as it.
    bool changeVariableType(int row, const QString& typeName);
    // Moves the selection along the flow: +1 / -1 in reading order, or to the neighbouring task.
    void step(int delta);
    void stepTask(int delta);
    void toggleCollapsed();
    // The last refusal of an edit (code and reason), shown above the canvas; empty after a successful edit.
    QString message() const;

    // One edit of the flow through the core API: applied to a copy, recorded as one undo step when it succeeds,
    // refused with its reason (nothing changed) when it fails.
    bool applyEdit(const QString& text, const std::function<Result<void>(Flow&)>& change, const QString& merge = {});

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void buildUi();
    void refresh();
    void refreshVariables();
    void showMessage(const QString& text);
    void reveal(const QString& key);
    void placeMinimap();
    const Flow& flow() const;

    FlowScene* m_scene = nullptr;
    FlowView* m_view = nullptr;
    FlowMinimap* m_minimap = nullptr;
    FlowToolbox* m_toolbox = nullptr;
    FlowProperties* m_properties = nullptr;
    QTableWidget* m_variables = nullptr;
    QTabWidget* m_side = nullptr;
    QTabWidget* m_bottom = nullptr;
    QSplitter* m_vertical = nullptr;
    QLabel* m_message = nullptr;
    QLabel* m_zoomLabel = nullptr;
    QString m_selected;
    bool m_refreshingVariables = false;
};

} // namespace handoff::flow
