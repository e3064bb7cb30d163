#pragma once

#include "diagnostics/Diagnostic.h"
#include "flow/Flow.h"
#include "flow/FlowLayout.h"

#include <QGraphicsItem>
#include <QGraphicsScene>
#include <QHash>
#include <QSet>

#include <optional>

namespace handoff::flow {

// The state an item shows besides its data: its problems and the simulation's marks.
struct ItemMarks {
    std::optional<diagnostics::Severity> severity; // the worst problem located on it
    bool unreachable = false;                      // no call can reach it (shown unavailable, as Architect does)
    bool onPath = false;                           // on the simulated call's path
    bool current = false;                          // the simulated call's current action
    friend bool operator==(const ItemMarks&, const ItemMarks&) = default;
};

// An action's card: a heading coloured by its worst problem (red: an error that blocks publishing, yellow: a
// warning), the kind and id beneath it, a dashed border when selected.
class ActionItem final : public QGraphicsItem {
public:
    static constexpr int Type = UserType + 1;
    explicit ActionItem(const Action& action);
    int type() const override { return Type; }

    const QString& id() const { return m_id; }
    void setAction(const Action& action);
    void setSize(const QSizeF& size);
    void setHiddenCount(int count);
    void setMarks(const ItemMarks& marks);
    const ItemMarks& marks() const { return m_marks; }
    QString name() const { return m_name; }
    ActionKind kind() const { return m_kind; }

    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    QString m_id;
    QString m_name;
    ActionKind m_kind = ActionKind::PlayAudio;
    QSizeF m_size;
    int m_hidden = 0;
    ItemMarks m_marks;
};

// The bar of one output ("Failure (2)"), beneath which its actions are indented; collapsible.
class OutputItem final : public QGraphicsItem {
public:
    static constexpr int Type = UserType + 2;
    explicit OutputItem(const OutputBox& box);
    int type() const override { return Type; }
    QString key() const { return m_box.key(); }
    const OutputBox& box() const { return m_box; }
    void setBox(const OutputBox& box);

    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    OutputBox m_box;
};

// A task's column: its heading (name, id, "Starting task") and a background for its actions.
class TaskItem final : public QGraphicsItem {
public:
    static constexpr int Type = UserType + 3;
    explicit TaskItem(const TaskBox& box, const QString& name);
    int type() const override { return Type; }
    const QString& id() const { return m_box.id; }
    void set(const TaskBox& box, const QString& name);
    void setMarks(const ItemMarks& marks);
    QRectF headerRect() const;

    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    TaskBox m_box;
    QString m_name;
    ItemMarks m_marks;
};

// The connector between two actions (and at the end of a list): where an action can be dropped. While a drag is
// over the canvas, the connectors where Architect allows a drop are drawn blue; the one under the pointer stronger.
class ConnectorItem final : public QGraphicsItem {
public:
    static constexpr int Type = UserType + 4;
    explicit ConnectorItem(const ConnectorBox& box);
    int type() const override { return Type; }
    const ConnectorPlace& place() const { return m_box.place; }
    void setBox(const ConnectorBox& box);
    void setDropState(bool dragging, bool hovered);

    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    ConnectorBox m_box;
    bool m_dragging = false;
    bool m_hovered = false;
};

// The designer's scene. It never owns the flow: setFlow() is given each new state of the project's flow and
// updates the items the core's diff names (added, removed, changed), then moves items to the new layout unless the
// edit keeps it (sameLayout: a rename, a property). Items are keyed by action id, output key ("id/output") and task
// key ("#task/id"); connectors by their position in the layout.
class FlowScene final : public QGraphicsScene {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FlowScene)

public:
    explicit FlowScene(QObject* parent = nullptr);
    ~FlowScene() override;

    void setFlow(const Flow& flow);
    const Flow& flow() const { return m_flow; }
    const FlowLayout& flowLayout() const { return m_layout; }

    // Problems located by task and action id: red and yellow headings, unreachable actions (FLW017) dimmed.
    void setProblems(const diagnostics::Diagnostics& problems);
    void setSimulationHighlight(const QStringList& pathActionIds, const QString& currentActionId);
    void clearSimulationHighlight();

    // Collapsing an action hides all its outputs; collapsing an output hides its actions ("actionId/output").
    bool isCollapsed(const QString& key) const;
    void setCollapsed(const QString& key, bool collapsed);

    // The one selected item's key (action id, output key or task key); empty when none.
    QString selectedKey() const;
    void selectKey(const QString& key);

    ActionItem* actionItem(const QString& id) const { return m_actions.value(id); }
    OutputItem* outputItem(const QString& key) const { return m_outputs.value(key); }
    TaskItem* taskItem(const QString& id) const { return m_tasks.value(id); }
    // In the layout's order (FlowLayout::connectors).
    const QList<ConnectorItem*>& connectors() const { return m_connectors; }
    // The rectangle of an item by key, in scene coordinates (empty when none is shown).
    QRectF rectOf(const QString& key) const;

    // Drag feedback: with `dragging`, allowed connectors turn blue; `at` is the pointer (scene coordinates).
    // Returns the allowed connector nearest the pointer, if one is close.
    std::optional<ConnectorPlace> updateDrag(bool dragging, const QPointF& at = {});

    // How many action items were ever created (tests: an edit does not rebuild the scene).
    int actionItemsCreated() const { return m_actionItemsCreated; }
    // How many times the flow was laid out (tests: an edit that moves nothing lays nothing out).
    int layouts() const { return m_layouts; }

Q_SIGNALS:
    void selectedKeyChanged(const QString& key);
    void collapseToggled(const QString& key);
    // An action was double-clicked: the page opens its properties.
    void activated(const QString& key);

protected:
    void mouseDoubleClickEvent(QGraphicsSceneMouseEvent* event) override;

private:
    void relayout();
    void applyMarks();
    ActionItem* createActionItem(const Action& action);

    Flow m_flow;
    bool m_built = false;
    CollapseState m_collapse;
    FlowLayout m_layout;
    QHash<QString, ActionItem*> m_actions;
    QHash<QString, OutputItem*> m_outputs;
    QHash<QString, TaskItem*> m_tasks;
    QList<ConnectorItem*> m_connectors;       // one per FlowLayout::connectors entry, at the same index
    QHash<QString, ItemMarks> m_problemMarks; // by action id or task key
    QSet<QString> m_path;
    QString m_current;
    QString m_lastSelected;
    int m_actionItemsCreated = 0;
    int m_layouts = 0;
};

QString outputName(const QString& outputKey); // "success" -> "Success" (translated)

} // namespace handoff::flow
