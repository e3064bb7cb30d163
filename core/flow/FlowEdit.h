#pragma once

#include "common/Error.h"
#include "flow/Flow.h"

#include <QJsonValue>
#include <QString>
#include <QStringList>

namespace handoff::flow {

// The properties an action of `kind` starts with: Architect's defaults for a new action (the designer's toolbox and
// the Archy import start from these).
ActionProps defaultProps(ActionKind kind);

} // namespace handoff::flow

namespace handoff::flow::edit {

// The edit API: every change to a flow, from `handoff flow edit` or the designer, is one of these calls. Each
// checks its arguments first and leaves the flow unchanged when it fails; each failure has a stable code:
//  FLW060  an action, task or variable that does not exist
//  FLW061  an id or name that is not allowed or already in use
//  FLW062  a place (task, parent action, output, index) that does not exist
//  FLW063  a place where Architect allows no action (after a terminating action, inside the moved action itself)
//  FLW064  removing or renaming what is still in use (the starting task, a task that is jumped to, a variable read)
//  FLW065  a property the action's kind does not have (or a change of kind)
//  FLW005  a property value of the wrong type

// A list of actions in the flow and a position in it: a task's own list (parentId empty) or an output of an
// action. `index` counts in the list as it is before the edit; -1 is the end.
struct Place {
    QString taskId;
    QString parentId;
    QString output;
    int index = -1;
};

// Inserts an action (with any actions nested in its outputs). Empty ids, its own and nested ones, are generated
// from the kind ("play-audio-2"); a given id must be free. Returns the action's id.
Result<QString> insertAction(Flow& flow, const Place& place, Action action);

enum class RemoveMode {
    WithNested, // the action and everything in its outputs
    KeepNested, // the actions of its outputs take its place, output after output
};
Result<void> removeAction(Flow& flow, const QString& id, RemoveMode mode);

// Moves `count` consecutive actions of one list, starting at `firstId`, to another place: within the list, into
// another action's output, or into another task.
Result<void> moveActions(Flow& flow, const QString& firstId, int count, const Place& to);

// Sets an action's name and properties; the kind stays (FLW065 for props of another kind).
Result<void> setAction(Flow& flow, const QString& id, const QString& name, const ActionProps& props);
// Sets one property by its JSON key ("number", "timeoutSeconds", "audio.tts") to a JSON value.
Result<void> setProperty(Flow& flow, const QString& id, const QString& key, const QJsonValue& value);
// Renames an action; nothing in the flow refers to action ids, so only the id changes.
Result<void> renameAction(Flow& flow, const QString& id, const QString& newId);

// Tasks. A new task id must be refId-safe and free; renaming updates every jump and the starting task.
Result<QString> addTask(Flow& flow, const QString& id, const QString& name);
Result<void> renameTask(Flow& flow, const QString& id, const QString& newId, const QString& newName = {});
Result<void> removeTask(Flow& flow, const QString& id);
Result<void> setStartTask(Flow& flow, const QString& id);

// Variables. Renaming follows every reference: expressions (by their parsed variable references, not by text
// search), bound outputs, assignments, Set UUI Data's token and callId variables, a transfer's error variables.
Result<void> addVariable(Flow& flow, const Variable& variable);
Result<void> renameVariable(Flow& flow, const QString& name, const QString& newName);
// Sets a variable's type, initial value, description and supplier (its name stays: rename with renameVariable).
// An initial value must be NOT_SET or of the variable's type (FLW005).
Result<void> setVariable(Flow& flow, const QString& name, const Variable& variable);
Result<void> removeVariable(Flow& flow, const QString& name);
// Where a variable is used: the ids of the actions that read or write it.
QStringList usesOf(const Flow& flow, const QString& name);

// A fresh action id from a base ("play-audio", "play-audio-2", ...), unique in the flow.
QString freshId(const Flow& flow, const QString& base);
// The base an id is made from for a kind: "callData" -> "call-data".
QString idBase(ActionKind kind);

// What changed between two flows, by id, so that a view updates only what the diff names.
struct Diff {
    QStringList addedActions;
    QStringList removedActions;
    QStringList changedActions; // name, properties or outputs' keys changed (not the nested actions themselves)
    QStringList movedActions;   // another place (task, parent, output or index among the same siblings)
    QStringList addedTasks;
    QStringList removedTasks;
    QStringList changedTasks;     // name, or the order of its top-level actions
    QStringList changedVariables; // added, removed or changed, by name
    bool flowChanged = false;     // name, description, start task, SIP host

    bool isEmpty() const;
};
Diff diff(const Flow& before, const Flow& after);

} // namespace handoff::flow::edit
