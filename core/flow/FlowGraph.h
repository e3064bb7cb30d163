#pragma once

#include "flow/Flow.h"

#include <QHash>
#include <QList>
#include <QString>

#include <vector>

namespace handoff::flow {

// The control-flow graph of a flow: what a call can run next after each action. The flow is Architect's nested
// structure (tasks, outputs that merge back); the validator's data-flow rules and the simulator walk this graph
// instead, so that "what comes after" is computed in one place:
// - an output's first action, or when the output is empty, what follows the action ("merge back");
// - after the last action of a nested list, what follows its parent; after the last of a task, the task's end;
// - Jump to Reusable Task continues at the target task's first action;
// - Disconnect and a successful Transfer to Number end the call (they have no edge for it).
struct GraphEdge {
    static constexpr int kTaskEnd = -2; // the call falls off the end of a task (`endOfTask` says which)
    static constexpr int kMissing = -1; // a jump to a task that does not exist

    QString path; // "next", an output key, or "jump"
    int target = kMissing;
    int endOfTask = -1; // with kTaskEnd: the index of the task in Flow::tasks
    // The output the edge leaves by is empty (the edge is its merge back).
    bool emptyOutput = false;
};

struct GraphNode {
    const Action* action = nullptr;
    int task = -1; // index in Flow::tasks
    ActionPlace place;
    QList<GraphEdge> edges;
    const QString& id() const { return action->id; }
    const QString& taskId(const Flow& flow) const { return flow.tasks[task].id; }
};

class FlowGraph final {
public:
    // The graph points into `flow`, which must outlive it and stay unchanged.
    explicit FlowGraph(const Flow& flow);

    const Flow& flow() const { return m_flow; }
    const std::vector<GraphNode>& nodes() const { return m_nodes; }
    const GraphNode& node(int i) const { return m_nodes[static_cast<size_t>(i)]; }
    int size() const { return static_cast<int>(m_nodes.size()); }
    int indexOf(const QString& actionId) const { return m_index.value(actionId, -1); }
    // The first node of a task, or GraphEdge::kTaskEnd for an empty task, or kMissing for no such task.
    int entryOf(int task) const;
    // Where a call starts: the starting task's entry (kMissing without a starting task).
    int start() const { return m_start; }
    int startTask() const { return m_startTask; }
    // Action ids used twice (the graph keeps the first).
    const QStringList& duplicateIds() const { return m_duplicates; }

private:
    void addList(const ActionList& list, int task, const GraphEdge& after);
    GraphEdge entryEdge(const ActionList& list, const GraphEdge& after) const;

    const Flow& m_flow;
    std::vector<GraphNode> m_nodes;
    QHash<QString, int> m_index;
    QHash<const Action*, int> m_byAddress;
    QStringList m_duplicates;
    std::vector<int> m_taskEntry;
    int m_start = GraphEdge::kMissing;
    int m_startTask = -1;
};

} // namespace handoff::flow
