#include "FlowGraph.h"

using namespace Qt::StringLiterals;

namespace handoff::flow {

namespace {

void collect(const ActionList& list, int task, const QString& taskId, const QString& parentId, const QString& output,
             std::vector<GraphNode>& nodes) {
    for (int i = 0; i < static_cast<int>(list.size()); ++i) {
        const Action& a = list[static_cast<size_t>(i)];
        GraphNode node;
        node.action = &a;
        node.task = task;
        node.place = ActionPlace{taskId, parentId, output, i};
        nodes.push_back(std::move(node));
        for (const Output& o : a.outputs) {
            collect(o.actions, task, taskId, a.id, o.key, nodes);
        }
    }
}

} // namespace

FlowGraph::FlowGraph(const Flow& flow)
    : m_flow(flow) {
    m_nodes.reserve(static_cast<size_t>(flow.actionCount()));
    for (int t = 0; t < flow.tasks.size(); ++t) {
        collect(flow.tasks[t].actions, t, flow.tasks[t].id, {}, {}, m_nodes);
    }
    for (int i = 0; i < size(); ++i) {
        const GraphNode& n = m_nodes[static_cast<size_t>(i)];
        m_byAddress.insert(n.action, i);
        if (m_index.contains(n.id())) {
            m_duplicates.append(n.id());
        } else {
            m_index.insert(n.id(), i);
        }
    }
    m_taskEntry.resize(static_cast<size_t>(flow.tasks.size()), GraphEdge::kTaskEnd);
    for (int t = 0; t < flow.tasks.size(); ++t) {
        if (!flow.tasks[t].actions.empty()) {
            m_taskEntry[static_cast<size_t>(t)] = m_byAddress.value(&flow.tasks[t].actions.front());
        }
    }
    for (int t = 0; t < flow.tasks.size(); ++t) {
        GraphEdge end;
        end.target = GraphEdge::kTaskEnd;
        end.endOfTask = t;
        addList(flow.tasks[t].actions, t, end);
    }
    m_startTask = static_cast<int>(flow.taskIndex(flow.startTaskId));
    m_start = m_startTask < 0 ? GraphEdge::kMissing : entryOf(m_startTask);
}

int FlowGraph::entryOf(int task) const {
    if (task < 0 || task >= static_cast<int>(m_taskEntry.size())) {
        return GraphEdge::kMissing;
    }
    return m_taskEntry[static_cast<size_t>(task)];
}

GraphEdge FlowGraph::entryEdge(const ActionList& list, const GraphEdge& after) const {
    if (list.empty()) {
        GraphEdge e = after;
        e.emptyOutput = true;
        return e;
    }
    GraphEdge e;
    e.target = m_byAddress.value(&list.front());
    return e;
}

void FlowGraph::addList(const ActionList& list, int task, const GraphEdge& after) {
    for (size_t k = 0; k < list.size(); ++k) {
        const Action& a = list[k];
        GraphEdge cont = after;
        if (k + 1 < list.size()) {
            cont = GraphEdge{};
            cont.target = m_byAddress.value(&list[k + 1]);
        }
        cont.emptyOutput = false;
        const int i = m_byAddress.value(&a);
        GraphNode& node = m_nodes[static_cast<size_t>(i)];
        for (const Output& o : a.outputs) {
            GraphEdge e = entryEdge(o.actions, cont);
            e.path = o.key;
            node.edges.append(e);
            addList(o.actions, task, cont);
        }
        if (const JumpProps* jump = a.as<JumpProps>()) {
            GraphEdge e;
            e.path = QString::fromLatin1(kPathJump);
            const int t = static_cast<int>(m_flow.taskIndex(jump->task));
            e.target = entryOf(t);
            if (e.target == GraphEdge::kTaskEnd) {
                e.endOfTask = t;
            }
            node.edges.append(e);
        } else if (a.outputs.isEmpty() && a.kind() != ActionKind::Disconnect) {
            GraphEdge e = cont;
            e.path = QString::fromLatin1(kPathNext);
            node.edges.append(e);
        }
    }
}

} // namespace handoff::flow
