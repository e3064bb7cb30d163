#include "flow/FlowLayout.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace handoff::flow {

QString taskKey(const QString& taskId) {
    return u"#task/"_s + taskId;
}

bool isTaskKey(const QString& key) {
    return key.startsWith(u"#task/"_s);
}

QString taskIdOfKey(const QString& key) {
    return isTaskKey(key) ? key.mid(6) : QString();
}

int countActions(const ActionList& list) {
    int n = 0;
    for (const Action& a : list) {
        ++n;
        for (const Output& o : a.outputs) {
            n += countActions(o.actions);
        }
    }
    return n;
}

QList<const Task*> taskColumns(const Flow& flow) {
    QList<const Task*> columns;
    columns.reserve(flow.tasks.size());
    if (const Task* start = flow.task(flow.startTaskId)) {
        columns.append(start);
    }
    for (const Task& t : flow.tasks) {
        if (!columns.contains(&t)) {
            columns.append(&t);
        }
    }
    return columns;
}

namespace {

class Builder {
public:
    Builder(FlowLayout& out, const CollapseState& collapsed, const LayoutMetrics& m)
        : m_out(out)
        , m_collapsed(collapsed)
        , m_m(m) {}

    // Lays out a list at depth `depth` from y; returns the y below it.
    qreal list(const ActionList& actions, const QString& taskId, const QString& parentId, const QString& output,
               int depth, qreal x, qreal y) {
        const qreal indentX = x + depth * m_m.indent;
        const qreal width = m_m.cardWidth;
        bool terminated = false;
        for (int i = 0; i <= static_cast<int>(actions.size()); ++i) {
            ConnectorBox c;
            c.place = ConnectorPlace{taskId, parentId, output, i, !terminated};
            c.rect = QRectF(indentX, y, width, m_m.connectorHeight);
            m_out.connectors.append(c);
            y += m_m.connectorHeight;
            if (i == static_cast<int>(actions.size())) {
                break;
            }
            const Action& a = actions[static_cast<size_t>(i)];
            if (isTerminating(a.kind())) {
                terminated = true;
            }
            ActionBox box;
            box.id = a.id;
            box.taskId = taskId;
            box.depth = depth;
            box.rect = QRectF(indentX, y, width, m_m.cardHeight);
            y += m_m.cardHeight;
            m_out.order.append(a.id);
            const bool actionCollapsed = m_collapsed.actions.contains(a.id);
            if (actionCollapsed) {
                for (const Output& o : a.outputs) {
                    box.hiddenCount += countActions(o.actions);
                }
                m_out.actions.insert(a.id, box);
                continue;
            }
            m_out.actions.insert(a.id, box);
            for (const Output& o : a.outputs) {
                OutputBox ob;
                ob.actionId = a.id;
                ob.output = o.key;
                ob.taskId = taskId;
                ob.depth = depth;
                ob.actionCount = countActions(o.actions);
                ob.collapsed = m_collapsed.outputs.contains(ob.key());
                ob.rect = QRectF(indentX + m_m.indent / 2, y, width - m_m.indent / 2, m_m.outputHeight);
                y += m_m.outputHeight;
                m_out.order.append(ob.key());
                m_out.outputs.append(ob);
                if (!ob.collapsed) {
                    y = list(o.actions, taskId, a.id, o.key, depth + 1, x, y);
                }
            }
        }
        return y;
    }

private:
    FlowLayout& m_out;
    const CollapseState& m_collapsed;
    const LayoutMetrics& m_m;
};

bool sameListLayout(const ActionList& a, const ActionList& b) {
    if (a.size() != b.size()) {
        return false;
    }
    for (size_t i = 0; i < a.size(); ++i) {
        const Action& x = a[i];
        const Action& y = b[i];
        if (x.id != y.id || isTerminating(x.kind()) != isTerminating(y.kind()) ||
            x.outputs.size() != y.outputs.size()) {
            return false;
        }
        for (qsizetype o = 0; o < x.outputs.size(); ++o) {
            if (x.outputs[o].key != y.outputs[o].key || !sameListLayout(x.outputs[o].actions, y.outputs[o].actions)) {
                return false;
            }
        }
    }
    return true;
}

// How deep a list nests (0: no outputs with actions).
int depthOf(const ActionList& list) {
    int d = 0;
    for (const Action& a : list) {
        for (const Output& o : a.outputs) {
            d = std::max(d, 1 + depthOf(o.actions));
        }
    }
    return d;
}

} // namespace

FlowLayout layoutFlow(const Flow& flow, const CollapseState& collapsed, const LayoutMetrics& metrics) {
    FlowLayout out;
    out.actions.reserve(static_cast<qsizetype>(flow.actionCount()));
    Builder builder(out, collapsed, metrics);
    qreal x = metrics.margin;
    qreal bottom = metrics.margin;
    for (const Task* t : taskColumns(flow)) {
        TaskBox tb;
        tb.id = t->id;
        tb.starting = t->id == flow.startTaskId;
        const qreal columnWidth = metrics.cardWidth + depthOf(t->actions) * metrics.indent;
        tb.header = QRectF(x, metrics.margin, columnWidth, metrics.taskHeaderHeight);
        out.order.append(taskKey(t->id));
        const qreal end = builder.list(t->actions, t->id, {}, {}, 0, x, tb.header.bottom());
        tb.column = QRectF(x, metrics.margin, columnWidth, end - metrics.margin + metrics.connectorHeight / 2);
        out.tasks.append(tb);
        bottom = std::max(bottom, tb.column.bottom());
        x += columnWidth + metrics.columnGap;
    }
    out.bounds = QRectF(0, 0, x - metrics.columnGap + metrics.margin, bottom + metrics.margin);
    return out;
}

bool sameLayout(const Flow& a, const Flow& b) {
    if (a.startTaskId != b.startTaskId || a.tasks.size() != b.tasks.size()) {
        return false;
    }
    for (qsizetype i = 0; i < a.tasks.size(); ++i) {
        if (a.tasks[i].id != b.tasks[i].id || !sameListLayout(a.tasks[i].actions, b.tasks[i].actions)) {
            return false;
        }
    }
    return true;
}

} // namespace handoff::flow
