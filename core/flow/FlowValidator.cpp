#include "FlowValidator.h"

#include "diagnostics/Catalog.h"
#include "flow/Expression.h"
#include "flow/FlowGraph.h"
#include "flow/FlowRules.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <functional>
#include <utility>
#include <vector>

using namespace Qt::StringLiterals;

namespace handoff::flow {

using namespace detail;

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

// The whole flow's rules: the structure, each action's own rules (ActionRules), then the control-flow graph's.
class Validator {
public:
    explicit Validator(const Flow& flow)
        : m_flow(flow)
        , m_graph(flow) {}

    Findings run() {
        m_sink = &m_findings.structure;
        checkStructure();
        m_findings.callIdOutputs = voiceCallIdOutputs(m_flow);
        ActionRules rules(m_flow, m_findings.callIdOutputs);
        m_findings.actions.reserve(static_cast<size_t>(m_graph.size()));
        for (int i = 0; i < m_graph.size(); ++i) {
            m_findings.actions.push_back(rules.check(m_graph.node(i).taskId(m_flow), actionAt(i)));
        }
        m_sink = &m_findings.global;
        if (m_start >= 0) {
            computeReachability();
            computeFacts();
            checkPaths();
            checkTransfers();
            checkReads();
            checkCycles();
        }
        m_sink = nullptr;
        return std::move(m_findings);
    }

private:
    const Action& actionAt(int i) const { return *m_graph.node(i).action; }

    diagnostics::Location at(int i, const QString& property = {}) const {
        const GraphNode& n = m_graph.node(i);
        return actionLocation(n.taskId(m_flow), n.id(), property);
    }

    QString label(int i) const { return actionLabel(actionAt(i)); }

    QString taskLabel(int t) const {
        const Task& task = m_flow.tasks[t];
        return task.name.isEmpty() ? u"'%1'"_s.arg(task.id) : u"'%1' (%2)"_s.arg(task.name, task.id);
    }

    void report(const char* code, const diagnostics::Location& where, const QString& message) {
        m_sink->append(diagnostics::make(code, message, where));
    }

    const Expression* parsedAt(int i, const QString& property) const {
        return m_findings.actions[static_cast<size_t>(i)].parsedAt(property);
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
            for (const auto& [name, field] : m_findings.actions[static_cast<size_t>(i)].summary.reads) {
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

    const Flow& m_flow;
    FlowGraph m_graph;
    Findings m_findings;
    diagnostics::Diagnostics* m_sink = nullptr;
    int m_start = -1;
    std::vector<bool> m_reachable;
    std::vector<Facts> m_in;
};

} // namespace

bool isE164(QStringView number) {
    static const QRegularExpression e164(u"^\\+[0-9]{1,15}$"_s);
    return e164.match(number.toString()).hasMatch();
}

diagnostics::Diagnostics validate(const Flow& flow) {
    const Findings findings = Validator(flow).run();
    return assemble(findings, findings.actions);
}

// ---- IncrementalValidator ------------------------------------------------------------------------------------

namespace {

// What the last validation saw of one action: its place (the flow's shape), its own content and its findings.
struct ActionRecord {
    QString id;
    int task = -1;
    QString parentId;
    QString output;
    size_t index = 0;
    QStringList outputKeys;
    QString name;
    ActionProps props;
    ActionChecks checks;
};

const ActionChecks& checksOf(const ActionRecord& record) {
    return record.checks;
}

} // namespace

struct IncrementalValidator::State {
    QString startTaskId;
    QList<Variable> variables;
    QStringList taskIds;
    QStringList taskNames;
    std::vector<ActionRecord> actions;
    Findings findings;          // findings.actions is empty: each action's are in its record
    QSet<QString> ambiguousIds; // empty or used by more than one action
    diagnostics::Diagnostics result;
};

IncrementalValidator::IncrementalValidator() = default;
IncrementalValidator::~IncrementalValidator() = default;
IncrementalValidator::IncrementalValidator(IncrementalValidator&&) noexcept = default;
IncrementalValidator& IncrementalValidator::operator=(IncrementalValidator&&) noexcept = default;

namespace {

void recordShape(const ActionList& list, int task, const QString& parentId, const QString& output,
                 std::vector<ActionRecord>& out) {
    for (size_t i = 0; i < list.size(); ++i) {
        const Action& a = list[i];
        ActionRecord r;
        r.id = a.id;
        r.task = task;
        r.parentId = parentId;
        r.output = output;
        r.index = i;
        for (const Output& o : a.outputs) {
            r.outputKeys.append(o.key);
        }
        r.name = a.name;
        r.props = a.props;
        out.push_back(std::move(r));
        for (const Output& o : a.outputs) {
            recordShape(o.actions, task, a.id, o.key, out);
        }
    }
}

// Walks `list` in FlowGraph's order beside the records: false when the shape differs (an action added, removed,
// moved, renamed, or its outputs changed); the actions whose own content differs are added to `changed`.
bool sameShape(const ActionList& list, int task, const QString& parentId, const QString& output,
               const std::vector<ActionRecord>& records, size_t& k,
               std::vector<std::pair<size_t, const Action*>>& changed) {
    for (size_t i = 0; i < list.size(); ++i) {
        const Action& a = list[i];
        if (k >= records.size()) {
            return false;
        }
        const ActionRecord& r = records[k];
        if (r.index != i || r.task != task || r.id != a.id || r.parentId != parentId || r.output != output ||
            r.outputKeys.size() != a.outputs.size()) {
            return false;
        }
        for (qsizetype o = 0; o < a.outputs.size(); ++o) {
            if (r.outputKeys[o] != a.outputs[o].key) {
                return false;
            }
        }
        if (r.name != a.name || !(r.props == a.props)) {
            changed.emplace_back(k, &a);
        }
        ++k;
        for (const Output& o : a.outputs) {
            if (!sameShape(o.actions, task, a.id, o.key, records, k, changed)) {
                return false;
            }
        }
    }
    return true;
}

} // namespace

diagnostics::Diagnostics IncrementalValidator::validate(const Flow& flow) {
    m_last = {};
    if (m_state && m_state->startTaskId == flow.startTaskId && m_state->taskIds.size() == flow.tasks.size() &&
        m_state->variables == flow.variables) {
        State& st = *m_state;
        bool same = true;
        for (qsizetype t = 0; same && t < flow.tasks.size(); ++t) {
            same = st.taskIds[t] == flow.tasks[t].id && st.taskNames[t] == flow.tasks[t].name;
        }
        std::vector<std::pair<size_t, const Action*>> changed;
        size_t k = 0;
        for (int t = 0; same && t < flow.tasks.size(); ++t) {
            same = sameShape(flow.tasks[t].actions, t, {}, {}, st.actions, k, changed);
        }
        same = same && k == st.actions.size();
        // Rechecking more than a quarter of the actions one by one costs about what a full validation does.
        if (same && changed.size() * 4 <= st.actions.size()) {
            ActionRules rules(flow, st.findings.callIdOutputs);
            std::vector<ActionChecks> fresh;
            fresh.reserve(changed.size());
            for (const auto& [index, action] : changed) {
                fresh.push_back(rules.check(flow.tasks[st.actions[index].task].id, *action));
                if (!(fresh.back().summary == st.actions[index].checks.summary)) {
                    same = false; // the edit can change what the flow-wide rules find
                    break;
                }
            }
            // A new name: into the flow-wide messages located at the action, where its label appears once.
            for (size_t c = 0; same && c < changed.size(); ++c) {
                const ActionRecord& r = st.actions[changed[c].first];
                const Action& a = *changed[c].second;
                if (r.name == a.name) {
                    continue;
                }
                if (st.ambiguousIds.contains(r.id)) {
                    same = false; // another action's messages are located at the same id: check it all
                    break;
                }
                const QString before = labelOf(r.id, r.name);
                const QString after = actionLabel(a);
                for (diagnostics::Diagnostic& d : st.findings.global) {
                    if (d.where.actionId != r.id) {
                        continue;
                    }
                    const qsizetype count = d.message.count(before);
                    if (count > 1) {
                        same = false; // the label is not the only place the old text appears: check it all
                        break;
                    }
                    if (count == 1) {
                        d.message.replace(before, after);
                    }
                }
            }
            if (same) {
                for (size_t c = 0; c < changed.size(); ++c) {
                    ActionRecord& r = st.actions[changed[c].first];
                    r.name = changed[c].second->name;
                    r.props = changed[c].second->props;
                    r.checks = std::move(fresh[c]);
                }
                if (!changed.empty()) {
                    st.result = assemble(st.findings, st.actions);
                }
                m_last.incremental = true;
                m_last.recheckedActions = static_cast<int>(changed.size());
                return st.result;
            }
        }
    }
    // A full validation, remembered for the next call.
    auto st = std::make_unique<State>();
    st->startTaskId = flow.startTaskId;
    st->variables = flow.variables;
    for (const Task& t : flow.tasks) {
        st->taskIds.append(t.id);
        st->taskNames.append(t.name);
    }
    for (int t = 0; t < flow.tasks.size(); ++t) {
        recordShape(flow.tasks[t].actions, t, {}, {}, st->actions);
    }
    QSet<QString> seen;
    for (const ActionRecord& r : st->actions) {
        if (r.id.isEmpty() || seen.contains(r.id)) {
            st->ambiguousIds.insert(r.id);
        }
        seen.insert(r.id);
    }
    st->findings = Validator(flow).run();
    st->result = assemble(st->findings, st->findings.actions);
    for (size_t i = 0; i < st->actions.size() && i < st->findings.actions.size(); ++i) {
        st->actions[i].checks = std::move(st->findings.actions[i]);
    }
    st->findings.actions.clear();
    m_state = std::move(st);
    m_last.recheckedActions = static_cast<int>(m_state->actions.size());
    return m_state->result;
}

IncrementalValidator::Run IncrementalValidator::lastRun() const {
    return m_last;
}

void IncrementalValidator::reset() {
    m_state.reset();
}

} // namespace handoff::flow
