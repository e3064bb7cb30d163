#include "FlowEditCommands.h"

#include "ProjectLoading.h"
#include "common/SaveFile.h"
#include "flow/FlowEdit.h"
#include "flow/FlowValidator.h"
#include "project/ProjectFile.h"

#include <QCoreApplication>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace handoff::cli {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("handoff::cli", text);
}

// ---- flow show --------------------------------------------------------------------------------------------------

QString actionSummary(const flow::Action& a) {
    QString line = u"%1  [%2]"_s.arg(a.id, flow::actionKindName(a.kind()));
    if (!a.name.isEmpty() && a.name != flow::actionKindName(a.kind())) {
        line += u"  \""_s + a.name + u'"';
    }
    if (const flow::JumpProps* jump = a.as<flow::JumpProps>()) {
        line += u"  -> "_s + jump->task;
    }
    return line;
}

void printList(QTextStream& out, const flow::ActionList& list, int depth) {
    const QString indent(depth * 2, u' ');
    for (const flow::Action& a : list) {
        out << indent << actionSummary(a) << u'\n';
        for (const flow::Output& o : a.outputs) {
            out << indent << u"  "_s << o.key << u':'
                << (o.actions.empty() ? tr(" (empty: continues below)") : QString()) << u'\n';
            printList(out, o.actions, depth + 2);
        }
    }
}

QJsonArray listJson(const flow::ActionList& list) {
    QJsonArray array;
    for (const flow::Action& a : list) {
        QJsonObject o{{u"id"_s, a.id}, {u"kind"_s, flow::actionKindKey(a.kind())}, {u"name"_s, a.name}};
        if (!a.outputs.isEmpty()) {
            QJsonObject outputs;
            for (const flow::Output& out : a.outputs) {
                outputs.insert(out.key, listJson(out.actions));
            }
            o.insert(u"outputs"_s, outputs);
        }
        if (const flow::JumpProps* jump = a.as<flow::JumpProps>()) {
            o.insert(u"task"_s, jump->task);
        }
        array.append(o);
    }
    return array;
}

// ---- flow edit: the operations ------------------------------------------------------------------------------------

struct EditOptions {
    QCommandLineOption task{u"task"_s, tr("The task of the place (insert, move)."), u"id"_s};
    QCommandLineOption parent{u"parent"_s, tr("Put it in an output of this action (with --output)."), u"id"_s};
    QCommandLineOption output{u"output"_s, tr("The output of --parent: success, failure, timeout, yes or no."),
                              u"name"_s};
    QCommandLineOption index{u"index"_s, tr("The position in that list, from 0 (default: the end)."), u"n"_s};
    QCommandLineOption id{u"id"_s, tr("insert: the new action's id (default: made from its kind)."), u"id"_s};
    QCommandLineOption name{u"name"_s, tr("The name shown in Architect (insert, task-add, task-rename)."), u"text"_s};
    QCommandLineOption count{u"count"_s, tr("move: how many consecutive actions move (default 1)."), u"n"_s};
    QCommandLineOption keepNested{u"keep-nested"_s,
                                  tr("remove: keep the actions of its outputs, in its place (default: remove them "
                                     "too).")};
    QCommandLineOption type{u"type"_s, tr("var-add: String, Integer, Decimal or Boolean (default String)."), u"type"_s};
    QCommandLineOption initial{u"initial"_s, tr("var-add: the initial value, as JSON (\"text\", 3, true)."), u"json"_s};
    QCommandLineOption description{u"description"_s, tr("var-add: what the variable is for."), u"text"_s};
    QCommandLineOption out{u"out"_s, tr("Write the changed project here instead of over PROJECT."), u"file"_s};
    QCommandLineOption json{u"json"_s, tr("Print the result (the change by id, the flow's problems) as JSON.")};

    QList<QCommandLineOption> all() const {
        return {task, parent, output, index, id, name, count, keepNested, type, initial, description, out, json};
    }
};

// A `key=value` argument: a number, true, false, null, an object or an array as JSON; anything else as the text it
// is (so an Architect expression such as "Thanks!" or Append(...) is taken as written).
std::optional<std::pair<QString, QJsonValue>> keyValue(const QString& arg) {
    const qsizetype eq = arg.indexOf(u'=');
    if (eq <= 0) {
        return std::nullopt;
    }
    const QString key = arg.left(eq);
    const QString text = arg.mid(eq + 1);
    const QJsonDocument doc = QJsonDocument::fromJson(u"[%1]"_s.arg(text).toUtf8());
    if (doc.isArray() && doc.array().size() == 1 && !doc.array().at(0).isString()) {
        return std::pair{key, doc.array().at(0)};
    }
    return std::pair{key, QJsonValue(text)};
}

QJsonObject diffJson(const flow::edit::Diff& d) {
    return QJsonObject{{u"addedActions"_s, QJsonArray::fromStringList(d.addedActions)},
                       {u"removedActions"_s, QJsonArray::fromStringList(d.removedActions)},
                       {u"changedActions"_s, QJsonArray::fromStringList(d.changedActions)},
                       {u"movedActions"_s, QJsonArray::fromStringList(d.movedActions)},
                       {u"addedTasks"_s, QJsonArray::fromStringList(d.addedTasks)},
                       {u"removedTasks"_s, QJsonArray::fromStringList(d.removedTasks)},
                       {u"changedTasks"_s, QJsonArray::fromStringList(d.changedTasks)},
                       {u"changedVariables"_s, QJsonArray::fromStringList(d.changedVariables)},
                       {u"flowChanged"_s, d.flowChanged}};
}

// Applies one operation to `flow`. Returns a line for people, or the refusal. A usage problem (a missing argument)
// comes back as an Error with code "usage".
Result<QString> apply(flow::Flow& flow, const QString& operation, const QStringList& rest,
                      const QCommandLineParser& parser, const EditOptions& o) {
    namespace edit = flow::edit;
    auto usage = [](const QString& message) { return fail(u"usage"_s, message); };
    auto need = [&](int n, const QString& what) -> std::optional<Error> {
        if (rest.size() != n) {
            return Error{u"usage"_s, tr("'%1' takes %2.").arg(operation, what)};
        }
        return std::nullopt;
    };
    auto place = [&]() -> Result<edit::Place> {
        edit::Place p;
        p.taskId = parser.value(o.task);
        p.parentId = parser.value(o.parent);
        p.output = parser.value(o.output);
        if (p.taskId.isEmpty() && !p.parentId.isEmpty()) {
            if (const auto at = flow.placeOf(p.parentId)) {
                p.taskId = at->taskId;
            }
        }
        if (p.taskId.isEmpty()) {
            p.taskId = flow.startTaskId;
        }
        if (p.parentId.isEmpty() != p.output.isEmpty()) {
            return usage(tr("--parent and --output go together."));
        }
        if (parser.isSet(o.index)) {
            bool ok = false;
            p.index = parser.value(o.index).toInt(&ok);
            if (!ok) {
                return usage(tr("--index must be a whole number (-1 for the end)."));
            }
        }
        return p;
    };

    if (operation == u"insert"_s) {
        if (auto e = need(1, tr("the kind of action (playAudio, callData, decision, setUuiData, ...)"))) {
            return tl::unexpected(*e);
        }
        const auto kind = flow::actionKindFromKey(rest[0]);
        if (!kind) {
            QStringList kinds;
            for (int k = 0; k < static_cast<int>(std::variant_size_v<flow::ActionProps>); ++k) {
                kinds.append(flow::actionKindKey(static_cast<flow::ActionKind>(k)));
            }
            return usage(tr("There is no action kind '%1'. Kinds: %2.").arg(rest[0], kinds.join(u", "_s)));
        }
        auto where = place();
        if (!where) {
            return tl::unexpected(where.error());
        }
        flow::ActionProps props;
        // The default-constructed properties of the kind.
        [&]<size_t... I>(std::index_sequence<I...>) {
            ((static_cast<size_t>(*kind) == I ? (props = std::variant_alternative_t<I, flow::ActionProps>{}, 0) : 0),
             ...);
        }
        (std::make_index_sequence<std::variant_size_v<flow::ActionProps>>{});
        flow::Action action = flow::Action::make(
            parser.value(o.id), parser.isSet(o.name) ? parser.value(o.name) : flow::actionKindName(*kind), props);
        auto id = edit::insertAction(flow, *where, std::move(action));
        if (!id) {
            return tl::unexpected(id.error());
        }
        return tr("Inserted '%1' (%2) into the task %3.").arg(*id, flow::actionKindName(*kind), where->taskId);
    }
    if (operation == u"remove"_s) {
        if (auto e = need(1, tr("the id of the action"))) {
            return tl::unexpected(*e);
        }
        const auto mode = parser.isSet(o.keepNested) ? edit::RemoveMode::KeepNested : edit::RemoveMode::WithNested;
        if (auto r = edit::removeAction(flow, rest[0], mode); !r) {
            return tl::unexpected(r.error());
        }
        return tr("Removed '%1'.").arg(rest[0]);
    }
    if (operation == u"move"_s) {
        if (auto e = need(1, tr("the id of the (first) action to move"))) {
            return tl::unexpected(*e);
        }
        auto where = place();
        if (!where) {
            return tl::unexpected(where.error());
        }
        int count = 1;
        if (parser.isSet(o.count)) {
            bool ok = false;
            count = parser.value(o.count).toInt(&ok);
            if (!ok || count < 1) {
                return usage(tr("--count must be 1 or more."));
            }
        }
        if (auto r = edit::moveActions(flow, rest[0], count, *where); !r) {
            return tl::unexpected(r.error());
        }
        return tr("Moved '%1' (%2 action(s)) to the task %3.").arg(rest[0]).arg(count).arg(where->taskId);
    }
    if (operation == u"set"_s) {
        if (rest.size() < 2) {
            return usage(tr("'set' takes the id of the action and one or more key=value (the value as JSON, or "
                            "text)."));
        }
        for (qsizetype i = 1; i < rest.size(); ++i) {
            const auto kv = keyValue(rest[i]);
            if (!kv) {
                return usage(tr("'%1' is not key=value.").arg(rest[i]));
            }
            if (auto r = edit::setProperty(flow, rest[0], kv->first, kv->second); !r) {
                return tl::unexpected(r.error());
            }
        }
        return tr("Set %1 on '%2'.").arg(rest.mid(1).join(u", "_s), rest[0]);
    }
    if (operation == u"rename"_s) {
        if (auto e = need(2, tr("the id and the new id"))) {
            return tl::unexpected(*e);
        }
        if (auto r = edit::renameAction(flow, rest[0], rest[1]); !r) {
            return tl::unexpected(r.error());
        }
        return tr("Renamed '%1' to '%2'.").arg(rest[0], rest[1]);
    }
    if (operation == u"task-add"_s) {
        if (auto e = need(1, tr("the id of the new task"))) {
            return tl::unexpected(*e);
        }
        auto id = edit::addTask(flow, rest[0], parser.value(o.name));
        if (!id) {
            return tl::unexpected(id.error());
        }
        return tr("Added the task '%1'.").arg(*id);
    }
    if (operation == u"task-rename"_s) {
        if (auto e = need(2, tr("the task's id and its new id"))) {
            return tl::unexpected(*e);
        }
        if (auto r = edit::renameTask(flow, rest[0], rest[1], parser.value(o.name)); !r) {
            return tl::unexpected(r.error());
        }
        return tr("Renamed the task '%1' to '%2'; its jumps follow.").arg(rest[0], rest[1]);
    }
    if (operation == u"task-remove"_s) {
        if (auto e = need(1, tr("the task's id"))) {
            return tl::unexpected(*e);
        }
        if (auto r = edit::removeTask(flow, rest[0]); !r) {
            return tl::unexpected(r.error());
        }
        return tr("Removed the task '%1'.").arg(rest[0]);
    }
    if (operation == u"task-start"_s) {
        if (auto e = need(1, tr("the task's id"))) {
            return tl::unexpected(*e);
        }
        if (auto r = edit::setStartTask(flow, rest[0]); !r) {
            return tl::unexpected(r.error());
        }
        return tr("The flow now starts in the task '%1'.").arg(rest[0]);
    }
    if (operation == u"var-add"_s) {
        if (auto e = need(1, tr("the variable's name (Flow.name or Task.name)"))) {
            return tl::unexpected(*e);
        }
        flow::Variable v;
        v.name = rest[0];
        if (parser.isSet(o.type)) {
            const auto t = flow::valueTypeFromName(parser.value(o.type));
            if (!t || *t == flow::ValueType::NotSet) {
                return usage(tr("--type must be String, Integer, Decimal or Boolean."));
            }
            v.type = *t;
        }
        if (parser.isSet(o.initial)) {
            const auto kv = keyValue(u"initial="_s + parser.value(o.initial));
            const auto value = flow::Value::fromJson(kv->second, v.type);
            if (!value) {
                return usage(tr("--initial does not fit the type %1.").arg(flow::valueTypeName(v.type)));
            }
            v.initial = *value;
        }
        v.description = parser.value(o.description);
        if (auto r = edit::addVariable(flow, v); !r) {
            return tl::unexpected(r.error());
        }
        return tr("Added the variable %1.").arg(v.name);
    }
    if (operation == u"var-rename"_s) {
        if (auto e = need(2, tr("the variable's name and its new name"))) {
            return tl::unexpected(*e);
        }
        if (auto r = edit::renameVariable(flow, rest[0], rest[1]); !r) {
            return tl::unexpected(r.error());
        }
        return tr("Renamed %1 to %2 everywhere it is used.").arg(rest[0], rest[1]);
    }
    if (operation == u"var-remove"_s) {
        if (auto e = need(1, tr("the variable's name"))) {
            return tl::unexpected(*e);
        }
        if (auto r = edit::removeVariable(flow, rest[0]); !r) {
            return tl::unexpected(r.error());
        }
        return tr("Removed the variable %1.").arg(rest[0]);
    }
    return usage(tr("There is no operation '%1'; see --help.").arg(operation));
}

} // namespace

int runShow(Context& context, const QStringList& args) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("List the flow's tasks and their actions, nested by output, with the ids the edit commands take."));
    parser.addOption(environmentOption());
    parser.addPositionalArgument(u"project"_s, tr("The .handoff project, or - for standard input."));
    const QCommandLineOption json(u"json"_s, tr("Print the structure as JSON."));
    parser.addOption(json);
    if (auto code = parseCommandLine(parser, args, context)) {
        return *code;
    }
    auto loaded = loadProjectArgument(context, parser);
    if (const int* code = std::get_if<int>(&loaded)) {
        return *code;
    }
    const flow::Flow& flow = std::get<LoadedProject>(loaded).project.flow;
    if (parser.isSet(json)) {
        QJsonArray tasks;
        for (const flow::Task& t : flow.tasks) {
            tasks.append(QJsonObject{{u"id"_s, t.id}, {u"name"_s, t.name}, {u"actions"_s, listJson(t.actions)}});
        }
        context.printJson(QJsonObject{{u"name"_s, flow.name}, {u"startTask"_s, flow.startTaskId}, {u"tasks"_s, tasks}});
        return Ok;
    }
    QTextStream& out = context.out();
    out << tr("Flow: %1").arg(flow.name) << u'\n';
    if (flow.tasks.isEmpty()) {
        out << tr("No tasks yet: start with 'handoff flow new --template sip-transfer' or 'flow edit task-add'.")
            << u'\n';
    }
    for (const flow::Task& t : flow.tasks) {
        out << u'\n'
            << (t.id == flow.startTaskId ? tr("Starting task %1 \"%2\"") : tr("Reusable task %1 \"%2\""))
                   .arg(t.id, t.name)
            << u'\n';
        printList(out, t.actions, 1);
    }
    out.flush();
    return Ok;
}

int runEdit(Context& context, const QStringList& args) {
    QCommandLineParser parser;
    parser.setApplicationDescription(tr(
        "Change the project's flow with one operation of the edit API, then save it atomically (or leave it "
        "untouched when the operation is refused). Operations:\n"
        "  insert KIND [--task T] [--parent ID --output O] [--index N] [--id ID] [--name TEXT]\n"
        "  remove ID [--keep-nested]\n"
        "  move ID [--count N] [--task T] [--parent ID --output O] [--index N]\n"
        "  set ID KEY=VALUE...   (keys as in the project file's props, e.g. number, timeoutSeconds, audio.tts, name;\n"
        "                        numbers, true/false and JSON objects are read as JSON, all else as written)\n"
        "  rename ID NEWID\n"
        "  task-add ID [--name TEXT] | task-rename ID NEWID [--name TEXT] | task-remove ID | task-start ID\n"
        "  var-add NAME [--type T] [--initial JSON] [--description TEXT] | var-rename NAME NEW | var-remove NAME\n"
        "Ids come from 'handoff flow show'. Exit codes: 0 applied, 1 refused (the code says why), 2 usage, 3 the "
        "file could not be read or written."));
    parser.addOption(environmentOption());
    parser.addPositionalArgument(u"project"_s, tr("The .handoff project (- reads standard input and writes the "
                                                  "result to standard output)."));
    parser.addPositionalArgument(u"operation"_s, tr("What to do (see above), then its arguments."));
    EditOptions o;
    parser.addOptions(o.all());
    if (auto code = parseCommandLine(parser, args, context)) {
        return *code;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() < 2) {
        return context.usageError(tr("Give the project file and an operation; see --help."));
    }
    auto loaded = loadProject(context, positional[0], environmentArgument(parser));
    if (const int* code = std::get_if<int>(&loaded)) {
        return *code;
    }
    LoadedProject& lp = std::get<LoadedProject>(loaded);
    const flow::Flow before = lp.project.flow;
    flow::Flow after = before;
    const auto applied = apply(after, positional[1], positional.mid(2), parser, o);
    if (!applied) {
        if (applied.error().code == u"usage"_s) {
            return context.usageError(applied.error().message);
        }
        if (parser.isSet(o.json)) {
            context.printJson(QJsonObject{
                {u"ok"_s, false},
                {u"operation"_s, positional[1]},
                {u"error"_s, QJsonObject{{u"code"_s, applied.error().code}, {u"message"_s, applied.error().message}}}});
        } else {
            context.reportError(applied.error(), Problems);
            context.err() << tr("The project was not changed.") << u'\n' << Qt::flush;
        }
        return Problems;
    }
    lp.project.flow = after;
    const QByteArray bytes = project::ProjectFile::serialize(lp.project);
    const QString target = parser.isSet(o.out) ? parser.value(o.out) : lp.path;
    if (target == u"-"_s) {
        context.out() << QString::fromUtf8(bytes) << Qt::flush;
    } else if (auto written = io::saveAtomically(target, bytes); !written) {
        return context.reportError(written.error(), Failure);
    }
    // What the flow's checks say now, located in the file just written.
    diagnostics::Diagnostics problems = flow::validate(after);
    locate(problems, bytes, after);
    const flow::edit::Diff change = flow::edit::diff(before, after);
    if (parser.isSet(o.json)) {
        if (target != u"-"_s) {
            context.printJson(QJsonObject{{u"ok"_s, true},
                                          {u"operation"_s, positional[1]},
                                          {u"message"_s, *applied},
                                          {u"saved"_s, target},
                                          {u"diff"_s, diffJson(change)},
                                          {u"diagnostics"_s, Context::diagnosticsToJson(problems)}});
        }
    } else {
        context.err() << *applied << u'\n' << Qt::flush;
        context.printDiagnostics(problems, target == u"-"_s ? QString() : target);
    }
    return Ok;
}

} // namespace handoff::cli
