#pragma once

#include "flow/Flow.h"

#include <QHash>
#include <QList>
#include <QRectF>
#include <QSet>
#include <QString>

namespace handoff::flow {

// Where each part of a flow goes on the designer's canvas, computed from the flow alone (no scene, no painting), so
// that it can be tested and measured on its own. The shape follows Architect's task editor: one column per task
// (the starting task first, reusable tasks beside it in flow order); in a column the actions run top to bottom; an
// action with outputs is followed by one bar per output, and the output's own actions are indented beneath its bar;
// after the last output the list goes on below ("merges back"). Between two actions, and at the end of every list,
// is a connector: the place where an action can be dropped.
struct LayoutMetrics {
    qreal cardWidth = 260;
    qreal cardHeight = 52;
    qreal outputHeight = 24;
    qreal connectorHeight = 18;
    qreal indent = 24;
    qreal taskHeaderHeight = 44;
    qreal columnGap = 48;
    qreal margin = 24;
};

// A place in a list where an action can go: the list and the index before which it is inserted.
struct ConnectorPlace {
    QString taskId;
    QString parentId; // empty: the task's own list
    QString output;
    int index = 0;
    // False after a terminating action (Disconnect, Jump): Architect allows no action there.
    bool allowed = true;
    friend bool operator==(const ConnectorPlace&, const ConnectorPlace&) = default;
};

struct ActionBox {
    QString id;
    QString taskId;
    QRectF rect;
    int depth = 0;
    int hiddenCount = 0; // the action is collapsed: how many nested actions are hidden
    friend bool operator==(const ActionBox&, const ActionBox&) = default;
};

struct OutputBox {
    QString actionId;
    QString output;
    QString taskId;
    QRectF rect;
    int depth = 0;
    int actionCount = 0; // actions in the output, at any depth
    bool collapsed = false;
    QString key() const { return outputKey(actionId, output); }
    static QString outputKey(const QString& actionId, const QString& output) { return actionId + u'/' + output; }
    friend bool operator==(const OutputBox&, const OutputBox&) = default;
};

struct TaskBox {
    QString id;
    QRectF header;
    QRectF column; // the whole column, header included
    bool starting = false;
    friend bool operator==(const TaskBox&, const TaskBox&) = default;
};

struct ConnectorBox {
    ConnectorPlace place;
    QRectF rect;
    friend bool operator==(const ConnectorBox&, const ConnectorBox&) = default;
};

// The collapsed parts: actions (all their outputs hidden) and outputs ("actionId/output").
struct CollapseState {
    QSet<QString> actions;
    QSet<QString> outputs;
};

// The key of a task on the canvas ("#task/main"): '#' never occurs in action ids, so keys do not collide.
QString taskKey(const QString& taskId);
bool isTaskKey(const QString& key);
QString taskIdOfKey(const QString& key);

struct FlowLayout {
    QHash<QString, ActionBox> actions;
    QList<OutputBox> outputs;
    QList<TaskBox> tasks;
    QList<ConnectorBox> connectors;
    // What keyboard navigation walks: action ids and output keys in reading order, task by task (task ids first).
    QStringList order;
    QRectF bounds;
    friend bool operator==(const FlowLayout&, const FlowLayout&) = default;
};

// The tasks in the order the canvas shows them: the starting task first, then the others in flow order.
QList<const Task*> taskColumns(const Flow& flow);

FlowLayout layoutFlow(const Flow& flow, const CollapseState& collapsed = {}, const LayoutMetrics& metrics = {});

// Whether layoutFlow gives two flows the same boxes under any collapse state: the same start task and tasks in the
// same order, and in every list the same action ids, each with the same output keys and ending its list or not
// alike. A rename or a property change keeps the layout; an insert, a removal or a move does not.
bool sameLayout(const Flow& a, const Flow& b);

// How many actions a list holds at any depth.
int countActions(const ActionList& list);

} // namespace handoff::flow
