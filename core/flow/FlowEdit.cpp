#include "FlowEdit.h"

#include "flow/Expression.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace handoff::flow {

namespace {
QString tr(const char* text) {
    return QCoreApplication::translate("handoff::flow", text);
}
} // namespace

ActionProps defaultProps(ActionKind kind) {
    switch (kind) {
    case ActionKind::Transcription:
        return TranscriptionProps{};
    case ActionKind::EnableParticipantRecording:
        return RecordingProps{};
    case ActionKind::PlayAudio:
        return PlayAudioProps{};
    case ActionKind::CallData:
        return CallDataProps{};
    case ActionKind::Decision:
        return DecisionProps{};
    case ActionKind::UpdateData:
        return UpdateDataProps{};
    case ActionKind::SetUuiData:
        return SetUuiDataProps{};
    case ActionKind::TransferToNumber:
        return TransferProps{};
    case ActionKind::SetPostFlow:
        return SetPostFlowProps{};
    case ActionKind::Disconnect:
        return DisconnectProps{};
    case ActionKind::Jump:
        return JumpProps{};
    case ActionKind::Opaque:
        return OpaqueProps{};
    }
    return DisconnectProps{};
}

namespace edit {

namespace {

void collectIds(const ActionList& list, QStringList& out) {
    for (const Action& a : list) {
        out.append(a.id);
        for (const Output& o : a.outputs) {
            collectIds(o.actions, out);
        }
    }
}

QSet<QString> allIds(const Flow& flow) {
    QStringList ids;
    for (const Task& t : flow.tasks) {
        collectIds(t.actions, ids);
    }
    return QSet<QString>(ids.cbegin(), ids.cend());
}

bool isIdSafe(QStringView id) {
    return isRefIdSafe(id);
}

tl::unexpected<Error> unknownAction(const QString& id) {
    return fail(u"FLW060"_s,
                handoff::flow::tr("There is no action '%1' in the flow; check the id (`handoff flow show` lists them).")
                    .arg(id));
}

tl::unexpected<Error> unknownTask(const QString& id) {
    return fail(u"FLW060"_s, handoff::flow::tr("There is no task '%1' in the flow.").arg(id));
}

// Resolves a place to its list, or says why it does not exist.
Result<ActionList*> resolve(Flow& flow, const Place& place) {
    Task* task = flow.task(place.taskId);
    if (!task) {
        return unknownTask(place.taskId);
    }
    if (place.parentId.isEmpty()) {
        return &task->actions;
    }
    const auto parentPlace = flow.placeOf(place.parentId);
    if (!parentPlace) {
        return unknownAction(place.parentId);
    }
    if (parentPlace->taskId != place.taskId) {
        return fail(u"FLW062"_s, handoff::flow::tr("The action '%1' is in the task '%2', not in '%3'.")
                                     .arg(place.parentId, parentPlace->taskId, place.taskId));
    }
    Action* parent = flow.find(place.parentId);
    ActionList* list = parent->output(place.output);
    if (!list) {
        const QStringList outputs = outputsOf(parent->kind());
        return fail(u"FLW062"_s, handoff::flow::tr("A %1 action has no output \"%2\"; its outputs are: %3.")
                                     .arg(actionKindName(parent->kind()), place.output,
                                          outputs.isEmpty() ? handoff::flow::tr("none") : outputs.join(u", "_s)));
    }
    return list;
}

Result<int> checkIndex(const ActionList& list, int index) {
    const int size = static_cast<int>(list.size());
    if (index < -1 || index > size) {
        return fail(u"FLW062"_s,
                    handoff::flow::tr("Position %1 is outside the list, which has %2 actions (use 0 to %2, or -1 for "
                                      "the end).")
                        .arg(index)
                        .arg(size));
    }
    return index < 0 ? size : index;
}

// Architect takes no action after Disconnect or Jump to Reusable Task in the same list.
Result<void> checkNotAfterTerminating(const ActionList& list, int index) {
    if (index > 0 && isTerminating(list[static_cast<size_t>(index - 1)].kind())) {
        const Action& before = list[static_cast<size_t>(index - 1)];
        return fail(u"FLW063"_s, handoff::flow::tr("Nothing can follow '%1' (%2): it ends the list. Put the action "
                                                   "before it, or in another path.")
                                     .arg(before.id, actionKindName(before.kind())));
    }
    return {};
}

void fillIds(const Flow& flow, Action& action, QSet<QString>& taken) {
    if (action.id.isEmpty()) {
        QString id = idBase(action.kind());
        for (int n = 2; taken.contains(id); ++n) {
            id = u"%1-%2"_s.arg(idBase(action.kind())).arg(n);
        }
        action.id = id;
    }
    taken.insert(action.id);
    for (Output& o : action.outputs) {
        for (Action& nested : o.actions) {
            fillIds(flow, nested, taken);
        }
    }
}

Result<void> checkNewIds(const Action& action, QSet<QString>& seen, const QSet<QString>& taken) {
    if (!action.id.isEmpty()) {
        if (!isIdSafe(action.id)) {
            return fail(u"FLW061"_s, handoff::flow::tr("The id '%1' has a space or one of [ ] # ~ /; use letters, "
                                                       "digits, - and _.")
                                         .arg(action.id));
        }
        if (taken.contains(action.id) || seen.contains(action.id)) {
            return fail(
                u"FLW061"_s,
                handoff::flow::tr("The id '%1' is already used in the flow; ids must be unique.").arg(action.id));
        }
        seen.insert(action.id);
    }
    for (const Output& o : action.outputs) {
        for (const Action& nested : o.actions) {
            if (auto ok = checkNewIds(nested, seen, taken); !ok) {
                return ok;
            }
        }
    }
    return {};
}

bool containsId(const Action& action, QStringView id) {
    if (action.id == id) {
        return true;
    }
    for (const Output& o : action.outputs) {
        for (const Action& nested : o.actions) {
            if (containsId(nested, id)) {
                return true;
            }
        }
    }
    return false;
}

template <typename Visit>
void forEachActionMutable(Flow& flow, Visit&& visit) {
    std::function<void(ActionList&)> walk = [&](ActionList& list) {
        for (Action& a : list) {
            visit(a);
            for (Output& o : a.outputs) {
                walk(o.actions);
            }
        }
    };
    for (Task& t : flow.tasks) {
        walk(t.actions);
    }
}

// Every expression of an action, as a reference to its text.
template <typename Visit>
void forEachExpression(Action& a, Visit&& visit) {
    auto audio = [&visit](Audio& value) {
        if (!value.tts.isEmpty()) {
            visit(value.tts);
        }
    };
    std::visit(
        [&](auto& p) {
            using T = std::decay_t<decltype(p)>;
            if constexpr (std::is_same_v<T, PlayAudioProps>) {
                audio(p.audio);
            } else if constexpr (std::is_same_v<T, CallDataProps>) {
                for (Binding& b : p.inputs) {
                    visit(b.value);
                }
            } else if constexpr (std::is_same_v<T, DecisionProps>) {
                visit(p.condition);
            } else if constexpr (std::is_same_v<T, UpdateDataProps>) {
                for (Binding& b : p.assignments) {
                    visit(b.value);
                }
            } else if constexpr (std::is_same_v<T, SetUuiDataProps>) {
                if (!p.expression.isEmpty()) {
                    visit(p.expression);
                }
            } else if constexpr (std::is_same_v<T, TransferProps>) {
                visit(p.number);
                audio(p.preTransferAudio);
                audio(p.failedTransferAudio);
            } else if constexpr (std::is_same_v<T, SetPostFlowProps>) {
                if (!p.invocationData.isEmpty()) {
                    visit(p.invocationData);
                }
            }
        },
        a.props);
}

// Every variable-valued setting of an action (not an expression: it names the variable itself).
template <typename Visit>
void forEachVariableSetting(Action& a, Visit&& visit) {
    std::visit(
        [&](auto& p) {
            using T = std::decay_t<decltype(p)>;
            if constexpr (std::is_same_v<T, CallDataProps>) {
                for (Binding& b : p.successOutputs) {
                    visit(b.value);
                }
            } else if constexpr (std::is_same_v<T, UpdateDataProps>) {
                for (Binding& b : p.assignments) {
                    visit(b.name);
                }
            } else if constexpr (std::is_same_v<T, SetUuiDataProps>) {
                visit(p.tokenVariable);
                visit(p.callIdVariable);
            } else if constexpr (std::is_same_v<T, TransferProps>) {
                visit(p.errorTypeVariable);
                visit(p.errorMessageVariable);
            }
        },
        a.props);
}

// The text with every reference to `from` (as the parser sees it) replaced by `to`. Text that does not parse is
// left as it is: its references cannot be known.
QString renameInExpression(const QString& text, const QString& from, const QString& to, bool& changed) {
    const auto parsed = Expression::parse(text);
    if (!parsed) {
        return text;
    }
    QList<VariableReference> refs = parsed->variables();
    std::sort(refs.begin(), refs.end(),
              [](const VariableReference& a, const VariableReference& b) { return a.charOffset > b.charOffset; });
    QString out = text;
    for (const VariableReference& ref : refs) {
        if (ref.name == from) {
            out.replace(ref.charOffset, ref.charLength, to);
            changed = true;
        }
    }
    return out;
}

bool readsOrWrites(Action& a, const QString& name) {
    bool used = false;
    forEachExpression(a, [&](QString& text) {
        if (const auto parsed = Expression::parse(text)) {
            for (const VariableReference& ref : parsed->variables()) {
                used = used || ref.name == name;
            }
        }
    });
    forEachVariableSetting(a, [&](QString& variable) { used = used || variable == name; });
    return used;
}

const QRegularExpression& variableNamePattern() {
    static const QRegularExpression pattern(u"^(Flow|Task)\\.[A-Za-z_][A-Za-z0-9_]*$"_s);
    return pattern;
}

} // namespace

QString idBase(ActionKind kind) {
    QString key = actionKindKey(kind);
    QString out;
    for (const QChar c : key) {
        if (c.isUpper()) {
            out += u'-';
            out += c.toLower();
        } else {
            out += c;
        }
    }
    return out;
}

QString freshId(const Flow& flow, const QString& base) {
    const QSet<QString> taken = allIds(flow);
    QString id = base;
    for (int n = 2; taken.contains(id); ++n) {
        id = u"%1-%2"_s.arg(base).arg(n);
    }
    return id;
}

Result<QString> insertAction(Flow& flow, const Place& place, Action action) {
    auto list = resolve(flow, place);
    if (!list) {
        return tl::unexpected(list.error());
    }
    auto index = checkIndex(**list, place.index);
    if (!index) {
        return tl::unexpected(index.error());
    }
    if (auto ok = checkNotAfterTerminating(**list, *index); !ok) {
        return tl::unexpected(ok.error());
    }
    if (action.outputs.size() != outputsOf(action.kind()).size()) {
        // An action made without Action::make: give it the outputs its kind has, keeping any it named.
        Action made = Action::make(action.id, action.name, action.props);
        for (Output& o : action.outputs) {
            if (ActionList* target = made.output(o.key)) {
                *target = std::move(o.actions);
            } else {
                return fail(
                    u"FLW065"_s,
                    handoff::flow::tr("A %1 action has no output \"%2\".").arg(actionKindName(action.kind()), o.key));
            }
        }
        made.extra = action.extra;
        action = std::move(made);
    }
    QSet<QString> taken = allIds(flow);
    QSet<QString> seen;
    if (auto ok = checkNewIds(action, seen, taken); !ok) {
        return tl::unexpected(ok.error());
    }
    taken.unite(seen);
    fillIds(flow, action, taken);
    const QString id = action.id;
    (*list)->insert((*list)->begin() + *index, std::move(action));
    return id;
}

Result<void> removeAction(Flow& flow, const QString& id, RemoveMode mode) {
    const auto place = flow.placeOf(id);
    if (!place) {
        return unknownAction(id);
    }
    ActionList* list = flow.list(*place);
    Action removed = std::move((*list)[static_cast<size_t>(place->index)]);
    list->erase(list->begin() + place->index);
    if (mode == RemoveMode::KeepNested) {
        ActionList lifted;
        for (Output& o : removed.outputs) {
            for (Action& a : o.actions) {
                lifted.push_back(std::move(a));
            }
        }
        list->insert(list->begin() + place->index, std::make_move_iterator(lifted.begin()),
                     std::make_move_iterator(lifted.end()));
    }
    return {};
}

Result<void> moveActions(Flow& flow, const QString& firstId, int count, const Place& to) {
    const auto from = flow.placeOf(firstId);
    if (!from) {
        return unknownAction(firstId);
    }
    ActionList* source = flow.list(*from);
    if (count < 1 || from->index + count > static_cast<int>(source->size())) {
        return fail(u"FLW062"_s, handoff::flow::tr("There are not %1 actions from '%2' on in its list (only %3).")
                                     .arg(count)
                                     .arg(firstId)
                                     .arg(static_cast<int>(source->size()) - from->index));
    }
    for (int k = 0; k < count; ++k) {
        const Action& moving = (*source)[static_cast<size_t>(from->index + k)];
        if (!to.parentId.isEmpty() && containsId(moving, to.parentId)) {
            return fail(u"FLW063"_s,
                        handoff::flow::tr("'%1' cannot move into its own path: '%2' is part of what moves.")
                            .arg(moving.id, to.parentId));
        }
    }
    auto target = resolve(flow, to);
    if (!target) {
        return tl::unexpected(target.error());
    }
    auto index = checkIndex(**target, to.index);
    if (!index) {
        return tl::unexpected(index.error());
    }
    int at = *index;
    const bool sameList = *target == source;
    if (sameList && at > from->index && at <= from->index + count) {
        return {}; // dropped onto itself: nothing changes
    }
    // Check the drop against the target list as it will be once the run has left it.
    ActionList preview;
    if (sameList) {
        preview = *source;
        preview.erase(preview.begin() + from->index, preview.begin() + from->index + count);
        if (at > from->index) {
            at -= count;
        }
        if (auto ok = checkNotAfterTerminating(preview, at); !ok) {
            return ok;
        }
    } else if (auto ok = checkNotAfterTerminating(**target, at); !ok) {
        return ok;
    }
    ActionList run(std::make_move_iterator(source->begin() + from->index),
                   std::make_move_iterator(source->begin() + from->index + count));
    source->erase(source->begin() + from->index, source->begin() + from->index + count);
    // The target list may have been the source, or lie inside it: find it again.
    ActionList* destination = *resolve(flow, to);
    destination->insert(destination->begin() + at, std::make_move_iterator(run.begin()),
                        std::make_move_iterator(run.end()));
    return {};
}

Result<void> setAction(Flow& flow, const QString& id, const QString& name, const ActionProps& props) {
    Action* a = flow.find(id);
    if (!a) {
        return unknownAction(id);
    }
    if (props.index() != a->props.index()) {
        return fail(u"FLW065"_s,
                    handoff::flow::tr("'%1' is a %2 action; its kind cannot change. Insert a new action instead.")
                        .arg(id, actionKindName(a->kind())));
    }
    a->name = name;
    a->props = props;
    return {};
}

Result<void> setProperty(Flow& flow, const QString& id, const QString& key, const QJsonValue& value) {
    Action* a = flow.find(id);
    if (!a) {
        return unknownAction(id);
    }
    if (key == u"name"_s) {
        if (!value.isString()) {
            return fail(u"FLW005"_s, handoff::flow::tr("'name' must be a string."));
        }
        a->name = value.toString();
        return {};
    }
    QJsonObject props = actionPropsToJson(a->props);
    const QStringList path = key.split(u'.');
    if (path.size() == 1) {
        if (!props.contains(key)) {
            return fail(u"FLW065"_s, handoff::flow::tr("A %1 action has no property \"%2\"; its properties are: %3.")
                                         .arg(actionKindName(a->kind()), key, props.keys().join(u", "_s)));
        }
        props.insert(key, value);
    } else if (path.size() == 2 && props.value(path[0]).isObject()) {
        QJsonObject inner = props.value(path[0]).toObject();
        inner.insert(path[1], value);
        props.insert(path[0], inner);
    } else {
        return fail(u"FLW065"_s, handoff::flow::tr("A %1 action has no property \"%2\"; its properties are: %3.")
                                     .arg(actionKindName(a->kind()), key, props.keys().join(u", "_s)));
    }
    auto parsed = actionPropsFromJson(a->kind(), props);
    if (!parsed) {
        return tl::unexpected(parsed.error());
    }
    a->props = std::move(*parsed);
    return {};
}

Result<void> renameAction(Flow& flow, const QString& id, const QString& newId) {
    Action* a = flow.find(id);
    if (!a) {
        return unknownAction(id);
    }
    if (newId == id) {
        return {};
    }
    if (!isIdSafe(newId)) {
        return fail(u"FLW061"_s,
                    handoff::flow::tr("The id '%1' is empty or has a space or one of [ ] # ~ /; use letters, digits, "
                                      "- and _.")
                        .arg(newId));
    }
    if (flow.find(newId)) {
        return fail(u"FLW061"_s,
                    handoff::flow::tr("The id '%1' is already used in the flow; choose another.").arg(newId));
    }
    a->id = newId;
    return {};
}

Result<QString> addTask(Flow& flow, const QString& id, const QString& name) {
    if (!isRefIdSafe(id)) {
        return fail(u"FLW061"_s, handoff::flow::tr("The task id '%1' is empty or has a space or one of [ ] # ~ / "
                                                   "(Archy writes it as the task's refId).")
                                     .arg(id));
    }
    if (flow.task(id)) {
        return fail(u"FLW061"_s, handoff::flow::tr("There is a task '%1' already; choose another id.").arg(id));
    }
    Task t;
    t.id = id;
    t.name = name.isEmpty() ? id : name;
    flow.tasks.append(std::move(t));
    if (flow.startTaskId.isEmpty()) {
        flow.startTaskId = id;
    }
    return id;
}

Result<void> renameTask(Flow& flow, const QString& id, const QString& newId, const QString& newName) {
    Task* t = flow.task(id);
    if (!t) {
        return unknownTask(id);
    }
    if (newId != id) {
        if (!isRefIdSafe(newId)) {
            return fail(u"FLW061"_s,
                        handoff::flow::tr("The task id '%1' is empty or has a space or one of [ ] # ~ /.").arg(newId));
        }
        if (flow.task(newId)) {
            return fail(u"FLW061"_s, handoff::flow::tr("There is a task '%1' already; choose another id.").arg(newId));
        }
        t->id = newId;
        if (flow.startTaskId == id) {
            flow.startTaskId = newId;
        }
        forEachActionMutable(flow, [&](Action& a) {
            if (JumpProps* jump = a.as<JumpProps>(); jump && jump->task == id) {
                jump->task = newId;
            }
        });
    }
    if (!newName.isEmpty()) {
        flow.task(newId)->name = newName;
    }
    return {};
}

Result<void> removeTask(Flow& flow, const QString& id) {
    const qsizetype index = flow.taskIndex(id);
    if (index < 0) {
        return unknownTask(id);
    }
    if (flow.startTaskId == id) {
        return fail(u"FLW064"_s, handoff::flow::tr("'%1' is the starting task; make another task the start before "
                                                   "removing it.")
                                     .arg(id));
    }
    QStringList jumps;
    flow.forEachAction([&](const Task& t, const Action& a) {
        if (const JumpProps* jump = a.as<JumpProps>(); jump && jump->task == id && t.id != id) {
            jumps.append(a.id);
        }
    });
    if (!jumps.isEmpty()) {
        return fail(u"FLW064"_s, handoff::flow::tr("The task '%1' is still jumped to by %2; change or remove those "
                                                   "jumps first.")
                                     .arg(id, jumps.join(u", "_s)));
    }
    flow.tasks.removeAt(index);
    return {};
}

Result<void> setStartTask(Flow& flow, const QString& id) {
    if (!flow.task(id)) {
        return unknownTask(id);
    }
    flow.startTaskId = id;
    return {};
}

Result<void> addVariable(Flow& flow, const Variable& variable) {
    if (!variableNamePattern().match(variable.name).hasMatch()) {
        return fail(u"FLW061"_s, handoff::flow::tr("'%1' is not a variable name Architect takes: write the scope, a "
                                                   "dot and a name of letters, digits and _ (Flow.count, "
                                                   "Task.voiceCallId).")
                                     .arg(variable.name));
    }
    if (flow.hasVariable(variable.name)) {
        return fail(u"FLW061"_s, handoff::flow::tr("There is a variable %1 already.").arg(variable.name));
    }
    flow.variables.append(variable);
    return {};
}

Result<void> setVariable(Flow& flow, const QString& name, const Variable& variable) {
    const auto it =
        std::find_if(flow.variables.begin(), flow.variables.end(), [&](const Variable& v) { return v.name == name; });
    if (it == flow.variables.end()) {
        return fail(u"FLW060"_s, handoff::flow::tr("There is no variable %1 in the flow (built-in Call variables "
                                                   "cannot be changed).")
                                     .arg(name));
    }
    if (variable.initial.isSet() && variable.initial.type() != variable.type) {
        return fail(u"FLW005"_s, handoff::flow::tr("The initial value of %1 is a %2, not a %3 as the variable is.")
                                     .arg(name, valueTypeName(variable.initial.type()), valueTypeName(variable.type)));
    }
    Variable changed = variable;
    changed.name = name;
    *it = std::move(changed);
    return {};
}

QStringList usesOf(const Flow& flow, const QString& name) {
    QStringList ids;
    Flow copy = flow; // the visitors take mutable actions; reading a copy keeps this function const
    forEachActionMutable(copy, [&](Action& a) {
        if (readsOrWrites(a, name)) {
            ids.append(a.id);
        }
    });
    return ids;
}

Result<void> renameVariable(Flow& flow, const QString& name, const QString& newName) {
    const qsizetype index = std::find_if(flow.variables.cbegin(), flow.variables.cend(),
                                         [&](const Variable& v) { return v.name == name; }) -
                            flow.variables.cbegin();
    if (index >= flow.variables.size()) {
        return fail(u"FLW060"_s, handoff::flow::tr("There is no variable %1 in the flow (built-in Call variables "
                                                   "cannot be renamed).")
                                     .arg(name));
    }
    if (newName == name) {
        return {};
    }
    if (!variableNamePattern().match(newName).hasMatch()) {
        return fail(u"FLW061"_s, handoff::flow::tr("'%1' is not a variable name Architect takes: write the scope, a "
                                                   "dot and a name of letters, digits and _.")
                                     .arg(newName));
    }
    if (flow.hasVariable(newName)) {
        return fail(u"FLW061"_s, handoff::flow::tr("There is a variable %1 already.").arg(newName));
    }
    flow.variables[index].name = newName;
    forEachActionMutable(flow, [&](Action& a) {
        forEachExpression(a, [&](QString& text) {
            bool changed = false;
            const QString renamed = renameInExpression(text, name, newName, changed);
            if (changed) {
                text = renamed;
            }
        });
        forEachVariableSetting(a, [&](QString& variable) {
            if (variable == name) {
                variable = newName;
            }
        });
    });
    return {};
}

Result<void> removeVariable(Flow& flow, const QString& name) {
    const qsizetype index = std::find_if(flow.variables.cbegin(), flow.variables.cend(),
                                         [&](const Variable& v) { return v.name == name; }) -
                            flow.variables.cbegin();
    if (index >= flow.variables.size()) {
        return fail(u"FLW060"_s, handoff::flow::tr("There is no variable %1 in the flow.").arg(name));
    }
    const QStringList uses = usesOf(flow, name);
    if (!uses.isEmpty()) {
        return fail(
            u"FLW064"_s,
            handoff::flow::tr("%1 is still used by %2; change those actions first.").arg(name, uses.join(u", "_s)));
    }
    flow.variables.removeAt(index);
    return {};
}

// ---- diff ---------------------------------------------------------------------------------------------------------

namespace {

struct Entry {
    const Action* action = nullptr;
    ActionPlace place;
};

void index(const ActionList& list, const QString& taskId, const QString& parentId, const QString& output,
           QHash<QString, Entry>& out) {
    for (int i = 0; i < static_cast<int>(list.size()); ++i) {
        const Action& a = list[static_cast<size_t>(i)];
        out.insert(a.id, Entry{&a, ActionPlace{taskId, parentId, output, i}});
        for (const Output& o : a.outputs) {
            index(o.actions, taskId, a.id, o.key, out);
        }
    }
}

QHash<QString, Entry> indexFlow(const Flow& flow) {
    QHash<QString, Entry> out;
    for (const Task& t : flow.tasks) {
        index(t.actions, t.id, {}, {}, out);
    }
    return out;
}

// The action's own settings, without what is nested in its outputs.
bool sameOwn(const Action& a, const Action& b) {
    if (a.name != b.name || !(a.props == b.props) || a.extra != b.extra || a.outputs.size() != b.outputs.size()) {
        return false;
    }
    for (qsizetype i = 0; i < a.outputs.size(); ++i) {
        if (a.outputs[i].key != b.outputs[i].key) {
            return false;
        }
    }
    return true;
}

// The ids of a list's siblings, to tell a move among them from an index shift caused by an insert or remove.
QStringList siblingsBefore(const Flow& flow, const ActionPlace& place, const QString& id) {
    const ActionList* list = flow.list(place);
    QStringList out;
    if (!list) {
        return out;
    }
    for (const Action& a : *list) {
        if (a.id == id) {
            break;
        }
        out.append(a.id);
    }
    return out;
}

} // namespace

bool Diff::isEmpty() const {
    return addedActions.isEmpty() && removedActions.isEmpty() && changedActions.isEmpty() && movedActions.isEmpty() &&
           addedTasks.isEmpty() && removedTasks.isEmpty() && changedTasks.isEmpty() && changedVariables.isEmpty() &&
           !flowChanged;
}

Diff diff(const Flow& before, const Flow& after) {
    Diff d;
    d.flowChanged = before.name != after.name || before.description != after.description ||
                    before.startTaskId != after.startTaskId || before.sipHost != after.sipHost ||
                    before.extra != after.extra;
    const QHash<QString, Entry> a = indexFlow(before);
    const QHash<QString, Entry> b = indexFlow(after);
    for (auto it = a.cbegin(); it != a.cend(); ++it) {
        if (!b.contains(it.key())) {
            d.removedActions.append(it.key());
        }
    }
    for (auto it = b.cbegin(); it != b.cend(); ++it) {
        const auto old = a.constFind(it.key());
        if (old == a.cend()) {
            d.addedActions.append(it.key());
            continue;
        }
        if (!sameOwn(*old->action, *it->action)) {
            d.changedActions.append(it.key());
        }
        const ActionPlace& p = old->place;
        const ActionPlace& q = it->place;
        if (p.taskId != q.taskId || p.parentId != q.parentId || p.output != q.output) {
            d.movedActions.append(it.key());
        } else if (p.index != q.index) {
            // Same list: a move only when the siblings before it that both flows have are not the same.
            QStringList x = siblingsBefore(before, p, it.key());
            QStringList y = siblingsBefore(after, q, it.key());
            x.removeIf([&](const QString& id) { return !b.contains(id); });
            y.removeIf([&](const QString& id) { return !a.contains(id); });
            if (x != y) {
                d.movedActions.append(it.key());
            }
        }
    }
    for (const Task& t : before.tasks) {
        if (!after.task(t.id)) {
            d.removedTasks.append(t.id);
        }
    }
    for (const Task& t : after.tasks) {
        const Task* old = before.task(t.id);
        if (!old) {
            d.addedTasks.append(t.id);
            continue;
        }
        bool changed = old->name != t.name || old->extra != t.extra || old->actions.size() != t.actions.size() ||
                       before.taskIndex(t.id) != after.taskIndex(t.id);
        for (size_t i = 0; !changed && i < t.actions.size(); ++i) {
            changed = old->actions[i].id != t.actions[i].id;
        }
        if (changed) {
            d.changedTasks.append(t.id);
        }
    }
    QSet<QString> names;
    for (const Variable& v : before.variables) {
        names.insert(v.name);
    }
    for (const Variable& v : after.variables) {
        names.insert(v.name);
    }
    for (const QString& name : names) {
        const Variable* x = before.variable(name);
        const Variable* y = after.variable(name);
        if (!x || !y || !(*x == *y)) {
            d.changedVariables.append(name);
        }
    }
    for (QStringList* list :
         {&d.addedActions, &d.removedActions, &d.changedActions, &d.movedActions, &d.changedVariables}) {
        list->sort();
    }
    return d;
}

} // namespace edit

} // namespace handoff::flow
