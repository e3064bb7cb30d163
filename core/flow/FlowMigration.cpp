#include "diagnostics/Catalog.h"
#include "flow/Flow.h"
#include "flow/FlowReader.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QMap>
#include <QSet>

#include <functional>

using namespace Qt::StringLiterals;

// Reading the flow of a version 2 project file (a graph whose Jump targets an action) into version 3's tasks. A
// version 1 project had no flow; core/project/ProjectFile.cpp gives it an empty one before this step.

namespace handoff::flow {

namespace {
QString tr(const char* text) {
    return QCoreApplication::translate("handoff::flow", text);
}
} // namespace

using detail::actionHead;
using detail::Reader;
using detail::uniqueTaskId;
using detail::variablesFromJson;

FlowReadResult flowFromVersion2Json(const QJsonObject& json, const QString& prefix) {
    FlowReadResult result;
    Reader r(result.diagnostics);
    Flow& flow = result.flow;
    flow.extra = r.unknownKeys(json, {u"name", u"description", u"start", u"sipHost", u"variables", u"actions"}, prefix);
    flow.name = r.string(json, u"name"_s, prefix);
    flow.description = r.string(json, u"description"_s, prefix);
    const QString start = r.string(json, u"start"_s, prefix);
    flow.sipHost = r.string(json, u"sipHost"_s, prefix, flow.sipHost);
    flow.variables = variablesFromJson(json, prefix, r);

    // The graph as it was: actions in file order, each with its paths.
    struct Node {
        Action action;
        QMap<QString, QString> next; // path -> action id
        QString jumpTarget;          // a v2 Jump: the action it continues at
    };
    QList<Node> nodes;
    QHash<QString, int> index;
    bool hadPositions = false;
    const QJsonArray actions = r.array(json, u"actions"_s, prefix);
    for (qsizetype i = 0; i < actions.size(); ++i) {
        const QString path = u"%1.actions[%2]"_s.arg(prefix).arg(i);
        r.enter({}, {}, {});
        if (!actions[i].isObject()) {
            r.error(path, handoff::flow::tr("Each action must be a JSON object."));
            continue;
        }
        const QJsonObject o = actions[i].toObject();
        std::optional<Action> a = actionHead(o, path, r, 2, {u"id", u"kind", u"name", u"props", u"next", u"position"});
        if (!a) {
            continue;
        }
        Node node{*a, {}, {}};
        hadPositions = hadPositions || o.contains(u"position"_s);
        if (const JumpProps* jump = a->as<JumpProps>()) {
            node.jumpTarget = jump->task;
        }
        const QJsonObject next = r.object(o, u"next"_s, path);
        QStringList paths = outputsOf(a->kind());
        if (paths.isEmpty() && !isTerminating(a->kind())) {
            paths.append(QString::fromLatin1(kPathNext));
        }
        for (auto it = next.constBegin(); it != next.constEnd(); ++it) {
            if (!paths.contains(it.key()) || !it.value().isString()) {
                r.error(path + u".next."_s + it.key(),
                        handoff::flow::tr("A %1 action has no path \"%2\"; its paths are: %3.")
                            .arg(actionKindName(a->kind()), it.key(),
                                 paths.isEmpty() ? handoff::flow::tr("none") : paths.join(u", "_s)));
                continue;
            }
            node.next.insert(it.key(), it.value().toString());
        }
        if (a->id.isEmpty() || index.contains(a->id)) {
            r.error(path + u".id"_s,
                    handoff::flow::tr("Every action of a version 2 flow needs an id of its own; '%1' is empty or "
                                      "used twice, so the flow cannot be converted. Fix the id in the file.")
                        .arg(a->id));
            continue;
        }
        index.insert(a->id, static_cast<int>(nodes.size()));
        nodes.append(node);
    }
    if (diagnostics::hasErrors(result.diagnostics) || nodes.isEmpty()) {
        return result;
    }
    if (hadPositions) {
        r.enter({}, {}, {});
        r.notice("FLW007", prefix + u".actions"_s,
                 handoff::flow::tr("The canvas positions of the version 2 actions are not kept: the designer lays out "
                                   "each task top to bottom, as Architect does."));
    }

    // How many places lead to each action: paths, jumps and the start. Those reached from more than one place,
    // and every jump target, head a reusable task.
    QHash<QString, int> refs;
    if (!start.isEmpty()) {
        refs[start] += 1;
    }
    QSet<QString> heads;
    for (const Node& n : nodes) {
        for (const QString& target : n.next) {
            if (!target.isEmpty()) {
                refs[target] += 1;
            }
        }
        if (!n.jumpTarget.isEmpty()) {
            refs[n.jumpTarget] += 1;
            heads.insert(n.jumpTarget);
        }
    }
    for (auto it = refs.cbegin(); it != refs.cend(); ++it) {
        if (it.value() > 1 && index.contains(it.key())) {
            heads.insert(it.key());
        }
    }
    heads.remove(start);

    QSet<QString> taken;
    const QString startTask = uniqueTaskId(u"main"_s, taken);
    taken.insert(startTask);
    QHash<QString, QString> taskOf; // head action id -> task id
    QStringList headOrder;
    for (const Node& n : nodes) { // file order, so the conversion is deterministic
        if (heads.contains(n.action.id)) {
            const QString id = uniqueTaskId(n.action.id, taken);
            taken.insert(id);
            taskOf.insert(n.action.id, id);
            headOrder.append(n.action.id);
        }
    }

    QSet<QString> placed;
    auto jumpTo = [&](const QString& head) {
        Action jump = Action::make(u"jump-to-"_s + taskOf.value(head), handoff::flow::tr("Jump to %1").arg(head),
                                   JumpProps{taskOf.value(head)});
        return jump;
    };
    // Builds the list that starts at `id` and follows the single way on until a path branches, ends, meets a task
    // head or an action already placed (which cannot happen in a well-formed v2 graph: such an action has two ways
    // in and is a head).
    std::function<ActionList(const QString&, bool)> build = [&](const QString& id, bool atHead) -> ActionList {
        ActionList list;
        QString current = id;
        bool first = atHead;
        while (!current.isEmpty()) {
            if (!index.contains(current)) {
                r.enter({}, {}, {});
                r.error(
                    prefix + u".actions"_s,
                    handoff::flow::tr("A path leads to '%1', which does not exist; the path ends there.").arg(current));
                break;
            }
            if (!first && (taskOf.contains(current) || current == start)) {
                if (current == start) {
                    list.push_back(Action::make(u"jump-to-"_s + startTask, handoff::flow::tr("Jump to the start"),
                                                JumpProps{startTask}));
                } else {
                    list.push_back(jumpTo(current));
                }
                break;
            }
            first = false;
            if (placed.contains(current)) {
                break;
            }
            placed.insert(current);
            const Node& n = nodes[index.value(current)];
            Action a = n.action;
            if (const JumpProps* jump = a.as<JumpProps>()) {
                a.props = JumpProps{jump->task == start ? startTask : taskOf.value(jump->task)};
                list.push_back(std::move(a));
                break;
            }
            const QStringList outs = outputsOf(a.kind());
            for (const QString& key : outs) {
                *a.output(key) = build(n.next.value(key), false);
            }
            list.push_back(std::move(a));
            if (!outs.isEmpty() || isTerminating(n.action.kind())) {
                break; // v2: a branching action's paths were the only ways on
            }
            current = n.next.value(QString::fromLatin1(kPathNext));
        }
        return list;
    };

    flow.startTaskId = startTask;
    Task main;
    main.id = startTask;
    main.name = handoff::flow::tr("Starting task");
    if (!start.isEmpty()) {
        main.actions = build(start, true);
    }
    flow.tasks.append(std::move(main));
    for (const QString& head : headOrder) {
        Task t;
        t.id = taskOf.value(head);
        t.name = nodes[index.value(head)].action.name;
        t.actions = build(head, true);
        r.enter(t.id, {}, {});
        flow.tasks.append(std::move(t));
        r.notice("FLW007", prefix,
                 handoff::flow::tr("'%1' was reached from more than one place (or jumped to); it now heads the "
                                   "reusable task '%2', and each place jumps to it.")
                     .arg(head, taskOf.value(head)));
    }
    for (const Node& n : nodes) {
        if (!placed.contains(n.action.id)) {
            // Unreachable in the graph: kept in a task of its own rather than dropped.
            const QString id = uniqueTaskId(n.action.id, taken);
            taken.insert(id);
            Task t;
            t.id = id;
            t.name = n.action.name;
            taskOf.insert(n.action.id, id);
            t.actions = build(n.action.id, true);
            flow.tasks.append(std::move(t));
            r.enter(id, {}, {});
            r.notice("FLW007", prefix,
                     handoff::flow::tr("No path led to '%1'; it is kept in the task '%2' so nothing is lost.")
                         .arg(n.action.id, id));
        }
    }
    return result;
}

} // namespace handoff::flow
