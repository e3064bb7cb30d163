#include "FlowValidator.h"

#include "diagnostics/Catalog.h"
#include "flow/Expression.h"
#include "flow/FlowGraph.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <functional>

using namespace Qt::StringLiterals;

namespace handoff::flow {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("handoff::flow", text);
}

// What is certainly true when a call reaches an action, whichever way it came (a "must" data-flow fact).
struct Facts {
    bool top = true; // not reached yet: the neutral element of the meet
    bool voiceCallCreated = false;
    bool uuiForTransfer = false;
    QSet<QString> setVariables;

    // Meet: what holds on both ways in. Returns true when `this` changed.
    bool meet(const Facts& other) {
        if (other.top) {
            return false;
        }
        if (top) {
            *this = other;
            return true;
        }
        bool changed = false;
        if (voiceCallCreated && !other.voiceCallCreated) {
            voiceCallCreated = false;
            changed = true;
        }
        if (uuiForTransfer && !other.uuiForTransfer) {
            uuiForTransfer = false;
            changed = true;
        }
        const qsizetype before = setVariables.size();
        setVariables.intersect(other.setVariables);
        return changed || setVariables.size() != before;
    }
};

// An expression-valued field of an action, for the read checks.
struct ExpressionField {
    QString field; // "props.inputs[2].expression"
    QString text;
    bool optional = false; // an empty text is fine
};

class Validator {
public:
    explicit Validator(const Flow& flow)
        : m_flow(flow)
        , m_graph(flow) {}

    diagnostics::Diagnostics run() {
        checkStructure();
        buildGraph();
        checkExpressions();
        if (m_start >= 0) {
            computeReachability();
            computeFacts();
            checkPaths();
            checkTransfers();
            checkReads();
            checkCycles();
        }
        checkProperties();
        std::stable_sort(m_out.begin(), m_out.end(), [](const auto& a, const auto& b) {
            return static_cast<int>(a.severity) > static_cast<int>(b.severity);
        });
        return m_out;
    }

private:
    const Action& actionAt(int i) const { return *m_graph.node(i).action; }

    diagnostics::Location at(int i, const QString& property = {}) const {
        const GraphNode& n = m_graph.node(i);
        return actionLocation(n.taskId(m_flow), n.id(), property);
    }

    QString key(int i, const QString& property) const { return u"%1|%2"_s.arg(i).arg(property); }

    QString label(int i) const {
        const Action& a = actionAt(i);
        return a.name.isEmpty() ? u"'%1'"_s.arg(a.id) : u"'%1' (%2)"_s.arg(a.name, a.id);
    }

    QString taskLabel(int t) const {
        const Task& task = m_flow.tasks[t];
        return task.name.isEmpty() ? u"'%1'"_s.arg(task.id) : u"'%1' (%2)"_s.arg(task.name, task.id);
    }

    void report(const char* code, const diagnostics::Location& where, const QString& message, qsizetype offset = -1,
                qsizetype length = 0) {
        diagnostics::Location located = where;
        located.offset = offset;
        located.length = length;
        m_out.append(diagnostics::make(code, message, located));
    }

    const Expression* parsedAt(int i, const QString& property) const {
        const auto it = m_parsed.constFind(key(i, property));
        return it == m_parsed.cend() ? nullptr : &*it;
    }

    // ---- structure -------------------------------------------------------------------------------------------

    void checkStructure() {
        if (m_flow.tasks.isEmpty()) {
            report("FLW023", taskLocation({}),
                   handoff::flow::tr("The flow has no tasks. Start from the sip-transfer template."));
            return;
        }
        QSet<QString> taskIds;
        for (int t = 0; t < m_flow.tasks.size(); ++t) {
            const Task& task = m_flow.tasks[t];
            if (!isRefIdSafe(task.id)) {
                report("FLW026", taskLocation(task.id, u"id"_s),
                       handoff::flow::tr("Task %1 needs an id without spaces and without [ ] # ~ / (Archy writes it "
                                         "as the task's refId). Rename it.")
                           .arg(t + 1));
            } else if (taskIds.contains(task.id)) {
                report("FLW026", taskLocation(task.id, u"id"_s),
                       handoff::flow::tr("Two tasks have the id '%1'; task ids must be unique. Rename one of them.")
                           .arg(task.id));
            }
            taskIds.insert(task.id);
        }
        QSet<QString> reported;
        for (int i = 0; i < m_graph.size(); ++i) {
            const QString& id = actionAt(i).id;
            if (id.isEmpty()) {
                report("FLW023", at(i, u"id"_s),
                       handoff::flow::tr("An action of task %1 has no id; give it a unique id.")
                           .arg(taskLabel(m_graph.node(i).task)));
            }
        }
        for (const QString& id : m_graph.duplicateIds()) {
            if (!reported.contains(id)) {
                reported.insert(id);
                report(
                    "FLW023", at(m_graph.indexOf(id), u"id"_s),
                    handoff::flow::tr("Two actions have the id '%1'; ids must be unique. Rename one of them.").arg(id));
            }
        }
        if (m_flow.startTaskId.isEmpty()) {
            report("FLW023", taskLocation({}),
                   handoff::flow::tr("The flow has no starting task; set 'startTask' to the id of a task."));
        } else if (m_graph.startTask() < 0) {
            report("FLW023", taskLocation(m_flow.startTaskId),
                   handoff::flow::tr("The starting task '%1' does not exist; set 'startTask' to the id of a task.")
                       .arg(m_flow.startTaskId));
        } else if (m_graph.start() == GraphEdge::kTaskEnd) {
            report("FLW023", taskLocation(m_flow.startTaskId),
                   handoff::flow::tr("The starting task %1 has no actions; a call would end at once in error "
                                     "handling. Add actions to it.")
                       .arg(taskLabel(m_graph.startTask())));
        } else {
            m_start = m_graph.start();
        }
    }

    void buildGraph() {
        for (int i = 0; i < m_graph.size(); ++i) {
            if (const JumpProps* jump = actionAt(i).as<JumpProps>()) {
                if (jump->task.isEmpty()) {
                    report(
                        "FLW023", at(i, u"props.task"_s),
                        handoff::flow::tr("%1 jumps nowhere; choose the reusable task it continues in.").arg(label(i)));
                } else if (m_flow.taskIndex(jump->task) < 0) {
                    report("FLW023", at(i, u"props.task"_s),
                           handoff::flow::tr("%1 jumps to the task '%2', which does not exist. Choose an existing "
                                             "task or add it.")
                               .arg(label(i), jump->task));
                }
            }
        }
    }

    // ---- expressions ------------------------------------------------------------------------------------------

    QList<ExpressionField> expressionsOf(const Action& a) const {
        QList<ExpressionField> list;
        auto audio = [&list](const Audio& audioValue, const QString& field) {
            if (!audioValue.tts.isEmpty()) {
                list.append({field + u".tts"_s, audioValue.tts, true});
            }
        };
        std::visit(
            [&](const auto& p) {
                using T = std::decay_t<decltype(p)>;
                if constexpr (std::is_same_v<T, PlayAudioProps>) {
                    audio(p.audio, u"props.audio"_s);
                } else if constexpr (std::is_same_v<T, CallDataProps>) {
                    for (qsizetype k = 0; k < p.inputs.size(); ++k) {
                        list.append({u"props.inputs[%1].expression"_s.arg(k), p.inputs[k].value, false});
                    }
                } else if constexpr (std::is_same_v<T, DecisionProps>) {
                    list.append({u"props.condition"_s, p.condition, false});
                } else if constexpr (std::is_same_v<T, UpdateDataProps>) {
                    for (qsizetype k = 0; k < p.assignments.size(); ++k) {
                        list.append({u"props.assignments[%1].expression"_s.arg(k), p.assignments[k].value, false});
                    }
                } else if constexpr (std::is_same_v<T, SetUuiDataProps>) {
                    if (p.source == UuiSource::Expression) {
                        list.append({u"props.expression"_s, p.expression, false});
                    }
                } else if constexpr (std::is_same_v<T, TransferProps>) {
                    list.append({u"props.number"_s, p.number, false});
                    audio(p.preTransferAudio, u"props.preTransferAudio"_s);
                    audio(p.failedTransferAudio, u"props.failedTransferAudio"_s);
                } else if constexpr (std::is_same_v<T, SetPostFlowProps>) {
                    list.append({u"props.invocationData"_s, p.invocationData, true});
                }
            },
            a.props);
        return list;
    }

    // Variables an action reads (from its expressions and its variable-valued settings), in order.
    QList<std::pair<QString, QString>> readsOf(int i) const {
        QList<std::pair<QString, QString>> reads; // (variable, field)
        const Action& a = actionAt(i);
        for (const ExpressionField& f : expressionsOf(a)) {
            if (const Expression* e = parsedAt(i, f.field)) {
                for (const VariableReference& ref : e->variables()) {
                    reads.append({ref.name, f.field});
                }
            }
        }
        if (const SetUuiDataProps* uui = a.as<SetUuiDataProps>(); uui && uui->source == UuiSource::ProjectTemplate) {
            if (!uui->tokenVariable.isEmpty()) {
                reads.append({uui->tokenVariable, u"props.tokenVariable"_s});
            }
            if (!uui->callIdVariable.isEmpty()) {
                reads.append({uui->callIdVariable, u"props.callIdVariable"_s});
            }
        }
        return reads;
    }

    void checkVariableName(const QString& name, const diagnostics::Location& field, bool written) {
        if (name.isEmpty()) {
            return;
        }
        if (!m_flow.hasVariable(name)) {
            report("FLW004", field,
                   handoff::flow::tr(
                       "There is no variable %1. Declare it in the flow's variables (with its scope, e.g. Flow.%2), or "
                       "fix the spelling.")
                       .arg(name, name.section(u'.', -1)));
            return;
        }
        if (written && isBuiltIn(name)) {
            report("FLW024", field,
                   handoff::flow::tr("%1 is a read-only built-in variable; write to a Flow. or Task. variable "
                                     "instead.")
                       .arg(name));
        }
    }

    void checkExpressions() {
        for (int i = 0; i < m_graph.size(); ++i) {
            const Action& a = actionAt(i);
            for (const ExpressionField& f : expressionsOf(a)) {
                const diagnostics::Location field = at(i, f.field);
                if (f.text.trimmed().isEmpty()) {
                    if (!f.optional) {
                        report("FLW001", field,
                               handoff::flow::tr("%1: this expression is empty. Write a value (\"\" for empty text).")
                                   .arg(label(i)));
                    }
                    continue;
                }
                auto parsed = Expression::parse(f.text);
                if (!parsed) {
                    const ExpressionError& e = parsed.error();
                    report(e.code.toLatin1().constData(), field,
                           handoff::flow::tr("%1, column %2 of the expression: %3")
                               .arg(label(i))
                               .arg(e.where.column)
                               .arg(e.message),
                           e.where.offset, e.where.length);
                    continue;
                }
                for (const VariableReference& ref : parsed->unsupported()) {
                    report("FLW002", field,
                           handoff::flow::tr(
                               "%1: %2 is valid Architect but not supported by the simulator; simulated calls stop "
                               "there. Test this step in Architect.")
                               .arg(label(i), ref.name));
                }
                for (const VariableReference& ref : parsed->variables()) {
                    checkVariableName(ref.name, field, false);
                }
                m_parsed.insert(key(i, f.field), *parsed);
            }
            // Variable-valued settings.
            if (const CallDataProps* p = a.as<CallDataProps>()) {
                for (qsizetype k = 0; k < p->successOutputs.size(); ++k) {
                    checkVariableName(p->successOutputs[k].value, at(i, u"props.successOutputs[%1].variable"_s.arg(k)),
                                      true);
                }
            } else if (const UpdateDataProps* u = a.as<UpdateDataProps>()) {
                for (qsizetype k = 0; k < u->assignments.size(); ++k) {
                    const diagnostics::Location field = at(i, u"props.assignments[%1].variable"_s.arg(k));
                    if (u->assignments[k].name.isEmpty()) {
                        report("FLW004", field,
                               handoff::flow::tr("%1: an assignment has no variable; name the variable it sets.")
                                   .arg(label(i)));
                    }
                    checkVariableName(u->assignments[k].name, field, true);
                }
            } else if (const SetUuiDataProps* s = a.as<SetUuiDataProps>();
                       s && s->source == UuiSource::ProjectTemplate) {
                checkVariableName(s->tokenVariable, at(i, u"props.tokenVariable"_s), false);
                checkVariableName(s->callIdVariable, at(i, u"props.callIdVariable"_s), false);
                if (s->tokenVariable.isEmpty()) {
                    report("FLW004", at(i, u"props.tokenVariable"_s),
                           handoff::flow::tr("%1 needs the variable that holds the UUI token.").arg(label(i)));
                }
            } else if (const TransferProps* t = a.as<TransferProps>()) {
                checkVariableName(t->errorTypeVariable, at(i, u"props.errorTypeVariable"_s), true);
                checkVariableName(t->errorMessageVariable, at(i, u"props.errorMessageVariable"_s), true);
            }
        }
    }

    // ---- reachability and facts --------------------------------------------------------------------------------

    void computeReachability() {
        m_reachable.assign(static_cast<size_t>(m_graph.size()), false);
        QList<int> stack{m_start};
        m_reachable[m_start] = true;
        while (!stack.isEmpty()) {
            const int i = stack.takeLast();
            for (const GraphEdge& e : m_graph.node(i).edges) {
                if (e.target >= 0 && !m_reachable[e.target]) {
                    m_reachable[e.target] = true;
                    stack.append(e.target);
                }
            }
        }
        QSet<int> unreachableTasks;
        for (int t = 0; t < m_flow.tasks.size(); ++t) {
            const int entry = m_graph.entryOf(t);
            if (entry >= 0 && !m_reachable[entry]) {
                unreachableTasks.insert(t);
                report("FLW017", taskLocation(m_flow.tasks[t].id),
                       handoff::flow::tr("No call reaches the task %1: the starting task does not jump to it on any "
                                         "path. Add a Jump to Reusable Task or delete the task.")
                           .arg(taskLabel(t)));
            }
        }
        for (int i = 0; i < m_graph.size(); ++i) {
            const GraphNode& n = m_graph.node(i);
            if (m_reachable[i] || actionAt(i).id.isEmpty() || unreachableTasks.contains(n.task)) {
                continue;
            }
            // One report for a run of unreachable actions: the first of its list, not those after it or nested
            // in it.
            const int parent = n.place.parentId.isEmpty() ? -1 : m_graph.indexOf(n.place.parentId);
            if (parent >= 0 && !m_reachable[parent]) {
                continue;
            }
            bool previousUnreachable = false;
            for (int k = i - 1; k >= 0; --k) {
                const GraphNode& m = m_graph.node(k);
                if (m.task == n.task && m.place.parentId == n.place.parentId && m.place.output == n.place.output &&
                    m.place.index == n.place.index - 1) {
                    previousUnreachable = !m_reachable[k];
                    break;
                }
            }
            if (previousUnreachable) {
                continue;
            }
            report("FLW017", at(i),
                   handoff::flow::tr("No call can reach %1, nor what follows it in its list: it comes after an action "
                                     "that ends the call or jumps away, or every path before it does. Move it or "
                                     "delete it.")
                       .arg(label(i)));
        }
    }

    Facts after(int i, const Facts& in, const GraphEdge& edge) const {
        Facts out = in;
        const Action& a = actionAt(i);
        if (const SetUuiDataProps* uui = a.as<SetUuiDataProps>(); uui && uui->mode == UuiMode::Transfer) {
            out.uuiForTransfer = true;
        } else if (const UpdateDataProps* update = a.as<UpdateDataProps>()) {
            for (const Binding& b : update->assignments) {
                out.setVariables.insert(b.name);
            }
        } else if (const CallDataProps* callData = a.as<CallDataProps>();
                   callData && edge.path == QLatin1StringView(kPathSuccess)) {
            out.voiceCallCreated = true;
            for (const Binding& b : callData->successOutputs) {
                out.setVariables.insert(b.value);
            }
        } else if (const TransferProps* transfer = a.as<TransferProps>()) {
            if (!transfer->errorTypeVariable.isEmpty()) {
                out.setVariables.insert(transfer->errorTypeVariable);
            }
            if (!transfer->errorMessageVariable.isEmpty()) {
                out.setVariables.insert(transfer->errorMessageVariable);
            }
        }
        return out;
    }

    void computeFacts() {
        m_in.assign(static_cast<size_t>(m_graph.size()), Facts{});
        Facts initial;
        initial.top = false;
        for (const BuiltInVariable& v : builtInVariables()) {
            initial.setVariables.insert(QString::fromLatin1(v.name));
        }
        for (const Variable& v : m_flow.variables) {
            if (v.initial.isSet() || v.suppliedBy != Supplier::None) {
                initial.setVariables.insert(v.name);
            }
        }
        m_in[m_start] = initial;
        QList<int> work{m_start};
        while (!work.isEmpty()) {
            const int i = work.takeFirst();
            for (const GraphEdge& e : m_graph.node(i).edges) {
                if (e.target < 0) {
                    continue;
                }
                if (m_in[e.target].meet(after(i, m_in[i], e))) {
                    work.append(e.target);
                }
            }
        }
    }

    // ---- rules -------------------------------------------------------------------------------------------------

    void checkPaths() {
        for (int i = 0; i < m_graph.size(); ++i) {
            if (!m_reachable[i]) {
                continue;
            }
            const ActionKind kind = actionAt(i).kind();
            for (const GraphEdge& e : m_graph.node(i).edges) {
                if (e.target != GraphEdge::kTaskEnd) {
                    continue;
                }
                const QString task = taskLabel(e.endOfTask);
                const bool failureLike =
                    e.path == QLatin1StringView(kPathFailure) || e.path == QLatin1StringView(kPathTimeout);
                if (failureLike && e.emptyOutput &&
                    (kind == ActionKind::CallData || kind == ActionKind::TransferToNumber)) {
                    report("FLW014", at(i, u"outputs."_s + e.path),
                           handoff::flow::tr(
                               "The %1 path of %2 is empty and nothing after it ends the task %3: a call that takes "
                               "it falls out of the flow. Tell the caller (Play Audio), then Disconnect or transfer "
                               "to a queue.")
                               .arg(e.path, label(i), task));
                } else if (e.path == QLatin1StringView(kPathJump)) {
                    report("FLW013", at(i, u"props.task"_s),
                           handoff::flow::tr("%1 jumps to the task %2, which has no actions: the call falls out of "
                                             "the flow. Add actions to that task, ending with Disconnect.")
                               .arg(label(i), task));
                } else {
                    report("FLW013", at(i, e.path == QLatin1StringView(kPathNext) ? QString() : u"outputs."_s + e.path),
                           handoff::flow::tr(
                               "After %1 (%2) the task %3 ends without a terminating action: the call falls out of the "
                               "flow. End the task with Disconnect or Jump to Reusable Task.")
                               .arg(label(i), e.path, task));
                }
            }
        }
    }

    void checkTransfers() {
        for (int i = 0; i < m_graph.size(); ++i) {
            if (!m_reachable[i] || actionAt(i).kind() != ActionKind::TransferToNumber) {
                continue;
            }
            const Facts& in = m_in[i];
            if (!in.voiceCallCreated) {
                report("FLW010", at(i),
                       handoff::flow::tr(
                           "%1 can be reached before the VoiceCall is created. Salesforce needs the VoiceCall record "
                           "before the call arrives: put the transfer on the success path of the Call Data Action.")
                           .arg(label(i)));
            }
            if (!in.uuiForTransfer) {
                report("FLW011", at(i),
                       handoff::flow::tr(
                           "%1 can be reached without Set UUI Data (For Transfers) before it on every path, so the "
                           "INVITE may carry no UUI and Salesforce refuses the call. Add Set UUI Data with mode "
                           "transfer before the transfer on each path.")
                           .arg(label(i)));
            }
        }
    }

    // The variables bound to a Call Data Action's voiceCallId output: where a callId may come from.
    QSet<QString> voiceCallIdOutputs() const {
        QSet<QString> outputs;
        m_flow.forEachAction([&outputs](const Task&, const Action& a) {
            if (const CallDataProps* p = a.as<CallDataProps>()) {
                for (const Binding& b : p->successOutputs) {
                    if (b.name == u"voiceCallId"_s) {
                        outputs.insert(b.value);
                    }
                }
            }
        });
        return outputs;
    }

    void checkReads() {
        for (int i = 0; i < m_graph.size(); ++i) {
            if (!m_reachable[i] || m_in[i].top) {
                continue;
            }
            QSet<QString> set = m_in[i].setVariables;
            const Action& a = actionAt(i);
            QSet<QString> reported;
            auto check = [&](const QString& name, const QString& field) {
                if (!m_flow.hasVariable(name) || set.contains(name) || reported.contains(name)) {
                    return;
                }
                reported.insert(name);
                report("FLW018", at(i, field),
                       handoff::flow::tr(
                           "%1 reads %2, which may be NOT_SET here: no path sets it before on every way in. Set it "
                           "earlier (Update Data, a data action output), give it an initial value, or guard it with "
                           "IsSet(%2).")
                           .arg(label(i), name));
            };
            if (const UpdateDataProps* update = a.as<UpdateDataProps>()) {
                // Assignments run in order: later ones may read earlier ones.
                for (qsizetype k = 0; k < update->assignments.size(); ++k) {
                    if (const Expression* e = parsedAt(i, u"props.assignments[%1].expression"_s.arg(k))) {
                        for (const VariableReference& ref : e->variables()) {
                            check(ref.name, u"props.assignments[%1].expression"_s.arg(k));
                        }
                    }
                    set.insert(update->assignments[k].name);
                }
                continue;
            }
            for (const auto& [name, field] : readsOf(i)) {
                check(name, field);
            }
        }
    }

    void checkCycles() {
        // Tarjan's strongly connected components over the reachable actions.
        const int n = m_graph.size();
        std::vector<int> index(n, -1), low(n, 0), component(n, -1);
        std::vector<bool> onStack(n, false);
        std::vector<int> stack;
        int counter = 0;
        int components = 0;
        std::function<void(int)> connect = [&](int v) {
            index[v] = low[v] = counter++;
            stack.push_back(v);
            onStack[v] = true;
            for (const GraphEdge& e : m_graph.node(v).edges) {
                if (e.target < 0) {
                    continue;
                }
                if (index[e.target] < 0) {
                    connect(e.target);
                    low[v] = std::min(low[v], low[e.target]);
                } else if (onStack[e.target]) {
                    low[v] = std::min(low[v], index[e.target]);
                }
            }
            if (low[v] == index[v]) {
                int w = -1;
                do {
                    w = stack.back();
                    stack.pop_back();
                    onStack[w] = false;
                    component[w] = components;
                } while (w != v);
                ++components;
            }
        };
        for (int v = 0; v < n; ++v) {
            if (m_reachable[v] && index[v] < 0) {
                connect(v);
            }
        }
        for (int c = 0; c < components; ++c) {
            QList<int> members;
            for (int v = 0; v < n; ++v) {
                if (component[v] == c) {
                    members.append(v);
                }
            }
            bool cyclic = members.size() > 1;
            bool exits = false;
            QSet<QString> assigned;
            for (int v : members) {
                const Action& a = actionAt(v);
                if (a.kind() == ActionKind::TransferToNumber) {
                    exits = true; // a successful transfer leaves the flow
                }
                if (const UpdateDataProps* update = a.as<UpdateDataProps>()) {
                    for (const Binding& b : update->assignments) {
                        assigned.insert(b.name);
                    }
                }
                for (const GraphEdge& e : m_graph.node(v).edges) {
                    if (e.target == v) {
                        cyclic = true;
                    }
                    if (e.target < 0 || component[e.target] != c) {
                        exits = true;
                    }
                }
            }
            if (!cyclic) {
                continue;
            }
            QStringList ids;
            for (int v : members) {
                ids.append(actionAt(v).id);
            }
            const diagnostics::Location field = at(members.constFirst());
            if (!exits) {
                report("FLW019", field,
                       handoff::flow::tr(
                           "The actions %1 form a loop with no way out: every call that enters it runs until "
                           "Architect's limit of %2 actions and then ends in error handling. Add a Decision that "
                           "leaves the loop.")
                           .arg(ids.join(u", "_s))
                           .arg(Flow::kActionLimit));
                continue;
            }
            bool bounded = false;
            for (int v : members) {
                if (actionAt(v).kind() == ActionKind::Decision) {
                    if (const Expression* e = parsedAt(v, u"props.condition"_s)) {
                        for (const VariableReference& ref : e->variables()) {
                            bounded = bounded || assigned.contains(ref.name);
                        }
                    }
                }
            }
            if (!bounded) {
                report("FLW020", field,
                       handoff::flow::tr(
                           "The actions %1 form a loop that leaves only when an outcome changes (for example a data "
                           "action that keeps failing repeats until Architect's limit of %2 actions). Count the "
                           "rounds in a variable (Update Data) and leave after a few with a Decision.")
                           .arg(ids.join(u", "_s))
                           .arg(Flow::kActionLimit));
            }
        }
    }

    void checkProperties() {
        static const QRegularExpression flatName(u"^[A-Za-z_][A-Za-z0-9_]*$"_s);
        static const QStringList reserved{u"orgId"_s, u"integrationId"_s, u"rawRequest"_s};
        const QSet<QString> outputs = voiceCallIdOutputs();
        for (int i = 0; i < m_graph.size(); ++i) {
            const Action& a = actionAt(i);
            if (const CallDataProps* p = a.as<CallDataProps>()) {
                QSet<QString> names;
                for (qsizetype k = 0; k < p->inputs.size(); ++k) {
                    const QString& name = p->inputs[k].name;
                    const diagnostics::Location field = at(i, u"props.inputs[%1].name"_s.arg(k));
                    if (!flatName.match(name).hasMatch()) {
                        report("FLW021", field,
                               handoff::flow::tr(
                                   "The input name '%1' of %2 is not flat: Genesys data action input contracts are "
                                   "flat objects, so use letters, digits and _ only (no dots, brackets or spaces).")
                                   .arg(name, label(i)));
                    } else if (names.contains(name)) {
                        report("FLW021", field,
                               handoff::flow::tr("The input '%1' of %2 is given twice; keep one.").arg(name, label(i)));
                    }
                    names.insert(name);
                    for (const QString& r : reserved) {
                        if (name.compare(r, Qt::CaseInsensitive) == 0) {
                            report("FLW022", field,
                                   handoff::flow::tr(
                                       "'%1' is reserved by Genesys in data action contracts (the help article's "
                                       "sample uses orgId all the same). Rename the input, e.g. to salesforce%2, in "
                                       "the contract, the function and here.")
                                       .arg(name, r.left(1).toUpper() + r.mid(1)));
                        }
                    }
                }
            } else if (const OpaqueProps* opaque = a.as<OpaqueProps>()) {
                report("FLW027", at(i),
                       handoff::flow::tr("%1 is the Archy action %2, which Handoff Studio does not model: it is kept "
                                         "and exported unchanged, but not checked or simulated. Test it in Architect.")
                           .arg(label(i), opaque->archyKind));
            } else if (a.kind() == ActionKind::TransferToNumber) {
                checkNumber(i);
            } else if (const SetPostFlowProps* post = a.as<SetPostFlowProps>()) {
                if (post->target != PostFlowTarget::Caller) {
                    report("FLW016", at(i, u"props.target"_s),
                           handoff::flow::tr(
                               "%1 targets the Agent. To send the caller to the escalation flow when the Agentforce "
                               "agent hangs up, set Target to Caller.")
                               .arg(label(i)));
                }
            } else if (const SetUuiDataProps* uui = a.as<SetUuiDataProps>()) {
                if (!uui->userToUser) {
                    report(
                        "FLW025", at(i, u"props.userToUser"_s),
                        handoff::flow::tr("%1 does not use the User-to-User option; Salesforce reads the UUI from the "
                                          "User-to-User header. Select it.")
                            .arg(label(i)));
                }
                checkCallIdSource(i, *uui, outputs);
            }
        }
    }

    void checkNumber(int i) {
        const diagnostics::Location field = at(i, u"props.number"_s);
        const Expression* e = parsedAt(i, u"props.number"_s);
        if (!e) {
            return;
        }
        std::optional<QString> number;
        if (const auto lit = e->asLiteral(); lit && lit->type() == ValueType::String) {
            number = lit->asString();
        } else if (const auto var = e->asSingleVariable()) {
            if (const Variable* v = m_flow.variable(*var); v && v->initial.type() == ValueType::String) {
                number = v->initial.asString();
            }
        }
        if (number && !isE164(*number)) {
            report("FLW015", field,
                   handoff::flow::tr(
                       "The transfer number '%1' of %2 is not in E.164 form. Write + and the country code and number, "
                       "1 to 15 digits, no spaces or tel: prefix (for example +15550100100): the Agentforce Voice "
                       "SIP address from the channel setup.")
                       .arg(*number, label(i)));
        }
    }

    void checkCallIdSource(int i, const SetUuiDataProps& uui, const QSet<QString>& outputs) {
        if (uui.source == UuiSource::ProjectTemplate) {
            if (!uui.callIdVariable.isEmpty() && !outputs.contains(uui.callIdVariable)) {
                report("FLW012", at(i, u"props.callIdVariable"_s),
                       handoff::flow::tr(
                           "The UUI's callId comes from %1, which no Call Data Action sets. Bind the data action's "
                           "voiceCallId output to a variable and use that variable here.")
                           .arg(uui.callIdVariable));
            }
            return;
        }
        const diagnostics::Location field = at(i, u"props.expression"_s);
        const Expression* e = parsedAt(i, u"props.expression"_s);
        if (!e || !uui.expression.contains(u"callId"_s, Qt::CaseInsensitive)) {
            return;
        }
        for (const VariableReference& ref : e->variables()) {
            if (outputs.contains(ref.name)) {
                return;
            }
        }
        report("FLW012", field,
               handoff::flow::tr(
                   "The UUI expression of %1 writes a callId, but not from the Call Data Action's output: it would "
                   "send a fixed or wrong VoiceCall id. Use the variable bound to the voiceCallId output.")
                   .arg(label(i)));
    }

    const Flow& m_flow;
    FlowGraph m_graph;
    diagnostics::Diagnostics m_out;
    int m_start = -1;
    std::vector<bool> m_reachable;
    std::vector<Facts> m_in;
    QHash<QString, Expression> m_parsed; // field -> parsed expression
};

} // namespace

bool isE164(QStringView number) {
    static const QRegularExpression e164(u"^\\+[0-9]{1,15}$"_s);
    return e164.match(number.toString()).hasMatch();
}

diagnostics::Diagnostics validate(const Flow& flow) {
    Validator validator(flow);
    return validator.run();
}

} // namespace handoff::flow
