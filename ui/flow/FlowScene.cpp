#include "flow/FlowScene.h"

#include "flow/FlowEdit.h"
#include "shell/StateColours.h"

#include <QGraphicsSceneMouseEvent>
#include <QPainter>
#include <QPalette>
#include <QStyleOptionGraphicsItem>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace handoff::flow {

namespace {

QPalette paletteOf(const QGraphicsItem* item) {
    return item->scene() ? item->scene()->palette() : QPalette();
}

// Heading colours that read in light and dark palettes: red for an error, amber for a warning.
QColor headingColour(const QPalette& palette, const ItemMarks& marks) {
    const bool dark = shell::isDarkPalette(palette);
    if (marks.severity == diagnostics::Severity::Error) {
        return dark ? QColor(0xb7, 0x3a, 0x3a) : QColor(0xd3, 0x2f, 0x2f);
    }
    if (marks.severity == diagnostics::Severity::Warning) {
        return dark ? QColor(0xc9, 0x9a, 0x1e) : QColor(0xf5, 0xc2, 0x42);
    }
    return palette.color(QPalette::Button);
}

QColor headingText(const QPalette& palette, const ItemMarks& marks) {
    if (marks.severity == diagnostics::Severity::Error) {
        return Qt::white;
    }
    if (marks.severity == diagnostics::Severity::Warning) {
        return Qt::black;
    }
    return palette.color(QPalette::ButtonText);
}

QColor dropColour(const QPalette& palette) {
    return shell::isDarkPalette(palette) ? QColor(0x5a, 0xa9, 0xff) : QColor(0x1e, 0x6f, 0xd9);
}

} // namespace

QString outputName(const QString& outputKey) {
    if (outputKey == QLatin1StringView(kPathSuccess)) {
        return FlowScene::tr("Success");
    }
    if (outputKey == QLatin1StringView(kPathFailure)) {
        return FlowScene::tr("Failure");
    }
    if (outputKey == QLatin1StringView(kPathTimeout)) {
        return FlowScene::tr("Timeout");
    }
    if (outputKey == QLatin1StringView(kPathYes)) {
        return FlowScene::tr("Yes");
    }
    if (outputKey == QLatin1StringView(kPathNo)) {
        return FlowScene::tr("No");
    }
    return outputKey;
}

// ---- ActionItem

ActionItem::ActionItem(const Action& action)
    : m_id(action.id) {
    setFlags(ItemIsSelectable);
    setAcceptHoverEvents(false);
    setAction(action);
}

void ActionItem::setAction(const Action& action) {
    m_name = action.name;
    m_kind = action.kind();
    setToolTip(FlowScene::tr("%1 (%2), id %3").arg(action.name, actionKindName(action.kind()), action.id));
    update();
}

void ActionItem::setSize(const QSizeF& size) {
    if (size != m_size) {
        prepareGeometryChange();
        m_size = size;
    }
}

void ActionItem::setHiddenCount(int count) {
    if (count != m_hidden) {
        m_hidden = count;
        update();
    }
}

void ActionItem::setMarks(const ItemMarks& marks) {
    if (marks == m_marks) {
        return;
    }
    m_marks = marks;
    setOpacity(marks.unreachable ? 0.45 : 1.0);
    update();
}

QRectF ActionItem::boundingRect() const {
    return QRectF(QPointF(-2, -2), m_size + QSizeF(4, 4));
}

void ActionItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) {
    const QPalette pal = paletteOf(this);
    const QRectF r(QPointF(0, 0), m_size);
    const qreal heading = std::min<qreal>(22, r.height() / 2);
    painter->setRenderHint(QPainter::Antialiasing);

    painter->setPen(QPen(pal.color(QPalette::Mid), 1));
    painter->setBrush(pal.color(QPalette::Base));
    painter->drawRoundedRect(r, 4, 4);
    if (m_marks.current) {
        QColor tint = pal.color(QPalette::Highlight);
        tint.setAlpha(60);
        painter->setBrush(tint);
        painter->drawRoundedRect(r, 4, 4);
    }

    // The heading: the action's name, coloured by its worst problem.
    QPainterPath headingPath;
    headingPath.addRoundedRect(QRectF(r.left(), r.top(), r.width(), heading + 4), 4, 4);
    QPainterPath clip;
    clip.addRect(QRectF(r.left(), r.top(), r.width(), heading));
    painter->setPen(Qt::NoPen);
    painter->setBrush(headingColour(pal, m_marks));
    painter->drawPath(headingPath.intersected(clip));

    QFont font = painter->font();
    QFont bold = font;
    bold.setBold(true);
    painter->setFont(bold);
    painter->setPen(headingText(pal, m_marks));
    QString title = m_name.isEmpty() ? actionKindName(m_kind) : m_name;
    if (m_marks.severity == diagnostics::Severity::Error) {
        title = FlowScene::tr("%1 (error)").arg(title);
    } else if (m_marks.severity == diagnostics::Severity::Warning) {
        title = FlowScene::tr("%1 (warning)").arg(title);
    }
    const QRectF titleRect = QRectF(r.left() + 8, r.top(), r.width() - 16, heading);
    painter->drawText(titleRect, Qt::AlignVCenter | Qt::AlignLeft,
                      painter->fontMetrics().elidedText(title, Qt::ElideRight, int(titleRect.width())));

    painter->setFont(font);
    painter->setPen(pal.color(QPalette::Text));
    QString detail = actionKindName(m_kind) + u"  \u00b7  "_s + m_id;
    if (m_marks.unreachable) {
        detail = FlowScene::tr("Unavailable: no call reaches it  \u00b7  %1").arg(m_id);
    }
    QRectF detailRect(r.left() + 8, r.top() + heading, r.width() - 16, r.height() - heading);
    if (m_hidden > 0) {
        const QString hidden = FlowScene::tr("+%n hidden", nullptr, m_hidden);
        const qreal w = painter->fontMetrics().horizontalAdvance(hidden) + 8;
        painter->drawText(detailRect, Qt::AlignVCenter | Qt::AlignRight, hidden);
        detailRect.setRight(detailRect.right() - w);
    }
    painter->drawText(detailRect, Qt::AlignVCenter | Qt::AlignLeft,
                      painter->fontMetrics().elidedText(detail, Qt::ElideRight, int(detailRect.width())));

    // The simulated path: a stripe on the left; the current action: a strong outline.
    if (m_marks.onPath || m_marks.current) {
        painter->setPen(Qt::NoPen);
        painter->setBrush(pal.color(QPalette::Highlight));
        painter->drawRect(QRectF(r.left(), r.top() + heading, 5, r.height() - heading));
    }
    if (m_marks.current) {
        painter->setPen(QPen(pal.color(QPalette::Highlight), 3));
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(r.adjusted(-1, -1, 1, 1), 5, 5);
    }
    if (isSelected()) {
        QPen dashed(pal.color(QPalette::Highlight), 2, Qt::DashLine);
        painter->setPen(dashed);
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(r.adjusted(-1.5, -1.5, 1.5, 1.5), 5, 5);
    }
}

// ---- OutputItem

OutputItem::OutputItem(const OutputBox& box)
    : m_box(box) {
    setFlags(ItemIsSelectable);
    setPos(box.rect.topLeft());
}

void OutputItem::setBox(const OutputBox& box) {
    if (box == m_box) {
        return; // a relayout moves only what is below a change: the rest need not be drawn again
    }
    if (box.rect.size() != m_box.rect.size()) {
        prepareGeometryChange();
    }
    m_box = box;
    setPos(box.rect.topLeft());
    update();
}

QRectF OutputItem::boundingRect() const {
    return QRectF(QPointF(-2, -2), m_box.rect.size() + QSizeF(4, 4));
}

void OutputItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) {
    const QPalette pal = paletteOf(this);
    const QRectF r(QPointF(0, 0), m_box.rect.size());
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(pal.color(QPalette::Mid), 1));
    painter->setBrush(pal.color(QPalette::AlternateBase));
    painter->drawRoundedRect(r, 3, 3);
    painter->setPen(pal.color(QPalette::Text));
    const QString arrow = m_box.collapsed ? u"\u25b8 "_s : u"\u25be "_s;
    QString label = arrow + outputName(m_box.output);
    if (m_box.collapsed) {
        label += u"  "_s + FlowScene::tr("(%n action(s) hidden)", nullptr, m_box.actionCount);
    } else {
        label += u"  "_s + FlowScene::tr("(%n action(s))", nullptr, m_box.actionCount);
    }
    painter->drawText(r.adjusted(8, 0, -8, 0), Qt::AlignVCenter | Qt::AlignLeft, label);
    if (isSelected()) {
        painter->setPen(QPen(pal.color(QPalette::Highlight), 2, Qt::DashLine));
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(r.adjusted(-1, -1, 1, 1), 4, 4);
    }
}

// ---- TaskItem

TaskItem::TaskItem(const TaskBox& box, const QString& name) {
    setFlags(ItemIsSelectable);
    setZValue(-1);
    set(box, name);
}

void TaskItem::set(const TaskBox& box, const QString& name) {
    if (box.column.size() != m_box.column.size()) {
        prepareGeometryChange();
    }
    m_box = box;
    m_name = name;
    setPos(box.column.topLeft());
    update();
}

void TaskItem::setMarks(const ItemMarks& marks) {
    if (marks != m_marks) {
        m_marks = marks;
        update();
    }
}

QRectF TaskItem::headerRect() const {
    return QRectF(QPointF(0, 0), m_box.header.size());
}

QRectF TaskItem::boundingRect() const {
    return QRectF(QPointF(-6, -2), m_box.column.size() + QSizeF(12, 8));
}

void TaskItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) {
    const QPalette pal = paletteOf(this);
    painter->setRenderHint(QPainter::Antialiasing);
    QColor column = pal.color(QPalette::Window).darker(shell::isDarkPalette(pal) ? 80 : 104);
    painter->setPen(Qt::NoPen);
    painter->setBrush(column);
    painter->drawRoundedRect(QRectF(QPointF(-6, 0), m_box.column.size() + QSizeF(12, 6)), 6, 6);

    const QRectF h = headerRect();
    painter->setBrush(headingColour(pal, m_marks));
    painter->setPen(QPen(pal.color(QPalette::Mid), 1));
    painter->drawRoundedRect(h.adjusted(0, 2, 0, -6), 4, 4);
    QFont bold = painter->font();
    bold.setBold(true);
    const QFont normal = painter->font();
    painter->setFont(bold);
    painter->setPen(headingText(pal, m_marks));
    const QRectF nameRect = h.adjusted(8, 2, -8, -h.height() / 2);
    painter->drawText(nameRect, Qt::AlignBottom | Qt::AlignLeft,
                      painter->fontMetrics().elidedText(m_name, Qt::ElideRight, int(nameRect.width())));
    painter->setFont(normal);
    const QString sub = m_box.starting ? FlowScene::tr("Starting task  \u00b7  %1").arg(m_box.id)
                                       : FlowScene::tr("Reusable task  \u00b7  %1").arg(m_box.id);
    const QRectF subRect = h.adjusted(8, h.height() / 2 - 2, -8, -6);
    painter->drawText(subRect, Qt::AlignVCenter | Qt::AlignLeft,
                      painter->fontMetrics().elidedText(sub, Qt::ElideRight, int(subRect.width())));
    if (isSelected()) {
        painter->setPen(QPen(pal.color(QPalette::Highlight), 2, Qt::DashLine));
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(h.adjusted(-1, 1, 1, -5), 5, 5);
    }
}

// ---- ConnectorItem

ConnectorItem::ConnectorItem(const ConnectorBox& box)
    : m_box(box) {
    setZValue(-0.5);
    setPos(box.rect.topLeft());
}

void ConnectorItem::setBox(const ConnectorBox& box) {
    if (box == m_box) {
        return;
    }
    if (box.rect.size() != m_box.rect.size()) {
        prepareGeometryChange();
    }
    m_box = box;
    setPos(box.rect.topLeft());
    update();
}

void ConnectorItem::setDropState(bool dragging, bool hovered) {
    if (dragging != m_dragging || hovered != m_hovered) {
        m_dragging = dragging;
        m_hovered = hovered;
        update();
    }
}

QRectF ConnectorItem::boundingRect() const {
    return QRectF(QPointF(0, 0), m_box.rect.size());
}

void ConnectorItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) {
    const QPalette pal = paletteOf(this);
    const QRectF r = boundingRect();
    const qreal cx = 24;
    painter->setRenderHint(QPainter::Antialiasing);
    if (m_dragging && m_box.place.allowed) {
        const QColor blue = dropColour(pal);
        painter->setPen(QPen(blue, m_hovered ? 3 : 1.5));
        painter->drawLine(QPointF(r.left(), r.center().y()), QPointF(r.right(), r.center().y()));
        if (m_hovered) {
            painter->setBrush(blue);
            painter->drawEllipse(QPointF(cx, r.center().y()), 6, 6);
        }
        return;
    }
    if (!m_box.place.allowed) {
        return; // nothing can follow a terminating action: no connector is drawn
    }
    painter->setPen(QPen(pal.color(QPalette::Mid), 1.5));
    painter->drawLine(QPointF(cx, r.top()), QPointF(cx, r.bottom()));
}

// ---- FlowScene

FlowScene::FlowScene(QObject* parent)
    : QGraphicsScene(parent) {
    setItemIndexMethod(QGraphicsScene::BspTreeIndex);
    connect(this, &QGraphicsScene::selectionChanged, this, [this] {
        const QString key = selectedKey();
        if (key != m_lastSelected) {
            m_lastSelected = key;
            Q_EMIT selectedKeyChanged(key);
        }
    });
}

FlowScene::~FlowScene() {
    // Removing the items changes the selection: nobody is to hear of it while the page goes away.
    blockSignals(true);
    clear();
}

ActionItem* FlowScene::createActionItem(const Action& action) {
    auto* item = new ActionItem(action);
    ++m_actionItemsCreated;
    addItem(item);
    m_actions.insert(action.id, item);
    return item;
}

void FlowScene::setFlow(const Flow& next) {
    if (!m_built) {
        m_built = true;
        m_flow = next;
        m_flow.forEachAction([this](const Task&, const Action& a) {
            if (!m_actions.contains(a.id)) {
                createActionItem(a);
            }
        });
        relayout();
        applyMarks();
        return;
    }
    const edit::Diff d = edit::diff(m_flow, next);
    // A rename or a property change leaves every box where it was: only the changed cards are drawn again. A task's
    // change (its name is on its column) is laid out like any other.
    const bool sameBoxes = !d.isEmpty() && d.changedTasks.isEmpty() && sameLayout(m_flow, next);
    m_flow = next;
    if (d.isEmpty()) {
        return;
    }
    for (const QString& id : d.removedActions) {
        if (ActionItem* item = m_actions.take(id)) {
            removeItem(item);
            delete item;
        }
        m_collapse.actions.remove(id);
    }
    for (const QString& id : d.addedActions) {
        if (const Action* a = m_flow.find(id)) {
            if (ActionItem* existing = m_actions.value(id)) {
                existing->setAction(*a);
            } else {
                createActionItem(*a);
            }
        }
    }
    for (const QString& id : d.changedActions) {
        if (const Action* a = m_flow.find(id); a && m_actions.contains(id)) {
            m_actions.value(id)->setAction(*a);
        }
    }
    if (sameBoxes) {
        return; // no item was added, so none lacks its marks
    }
    relayout();
    applyMarks();
}

void FlowScene::relayout() {
    m_layout = layoutFlow(m_flow, m_collapse);
    ++m_layouts;

    for (auto it = m_actions.begin(); it != m_actions.end(); ++it) {
        const auto box = m_layout.actions.constFind(it.key());
        ActionItem* item = it.value();
        if (box == m_layout.actions.cend()) {
            item->setVisible(false); // inside a collapsed action or output
            continue;
        }
        item->setSize(box->rect.size());
        if (item->pos() != box->rect.topLeft()) {
            item->setPos(box->rect.topLeft());
        }
        item->setHiddenCount(box->hiddenCount);
        item->setVisible(true);
    }

    // The outputs still shown keep their items; what is left over in the old table is gone.
    QHash<QString, OutputItem*> outputs;
    outputs.reserve(m_layout.outputs.size());
    for (const OutputBox& ob : std::as_const(m_layout.outputs)) {
        QString key = ob.key();
        OutputItem* item = m_outputs.take(key);
        if (item) {
            item->setBox(ob);
        } else {
            item = new OutputItem(ob);
            addItem(item);
        }
        outputs.insert(std::move(key), item);
    }
    qDeleteAll(m_outputs);
    m_outputs = std::move(outputs);

    QSet<QString> seen;
    for (const TaskBox& tb : std::as_const(m_layout.tasks)) {
        seen.insert(tb.id);
        const Task* t = m_flow.task(tb.id);
        const QString name = t ? t->name : tb.id;
        if (TaskItem* item = m_tasks.value(tb.id)) {
            item->set(tb, name);
        } else {
            auto* created = new TaskItem(tb, name);
            addItem(created);
            m_tasks.insert(tb.id, created);
        }
    }
    for (auto it = m_tasks.begin(); it != m_tasks.end();) {
        if (!seen.contains(it.key())) {
            delete it.value();
            it = m_tasks.erase(it);
        } else {
            ++it;
        }
    }

    // Connectors hold nothing but their box (and the drag's state, which updateDrag sets on all of them), so they are
    // reused by position in the layout, with no key to build for each: those above a change keep their box and are
    // not touched, those below it take their new one, and only the difference in number is created or deleted.
    const qsizetype connectors = m_layout.connectors.size();
    while (m_connectors.size() > connectors) {
        delete m_connectors.takeLast();
    }
    for (qsizetype i = 0; i < connectors; ++i) {
        const ConnectorBox& cb = m_layout.connectors.at(i);
        if (i < m_connectors.size()) {
            m_connectors.at(i)->setBox(cb);
        } else {
            auto* created = new ConnectorItem(cb);
            addItem(created);
            m_connectors.append(created);
        }
    }
    setSceneRect(m_layout.bounds);
}

namespace {

void collectIds(const ActionList& list, size_t from, QSet<QString>& out) {
    for (size_t i = from; i < list.size(); ++i) {
        out.insert(list[i].id);
        for (const Output& o : list[i].outputs) {
            collectIds(o.actions, 0, out);
        }
    }
}

} // namespace

void FlowScene::setProblems(const diagnostics::Diagnostics& problems) {
    QHash<QString, ItemMarks> marks;
    // FLW017 names the first of a run no call reaches (or the task); what follows it in its list and what is
    // nested in it is unreachable too, and shown so.
    QSet<QString> unreachable;
    for (const diagnostics::Diagnostic& d : problems) {
        if (d.code != u"FLW017"_s || !d.where.isInFlow()) {
            continue;
        }
        if (d.where.actionId.isEmpty()) {
            if (const Task* t = m_flow.task(d.where.taskId)) {
                collectIds(t->actions, 0, unreachable);
            }
        } else if (const auto place = m_flow.placeOf(d.where.actionId)) {
            if (const ActionList* list = m_flow.list(*place)) {
                collectIds(*list, static_cast<size_t>(place->index), unreachable);
            }
        }
    }
    for (const QString& id : std::as_const(unreachable)) {
        marks[id].unreachable = true;
    }
    for (const diagnostics::Diagnostic& d : problems) {
        if (!d.where.isInFlow() || d.code == u"FLW017"_s) {
            continue; // unreachable actions are dimmed, not coloured as warnings
        }
        const QString key = d.where.actionId.isEmpty() ? taskKey(d.where.taskId) : d.where.actionId;
        ItemMarks& m = marks[key];
        if (!m.severity || *m.severity < d.severity) {
            if (d.severity != diagnostics::Severity::Info) {
                m.severity = d.severity;
            }
        }
    }
    m_problemMarks = std::move(marks);
    applyMarks();
}

void FlowScene::setSimulationHighlight(const QStringList& pathActionIds, const QString& currentActionId) {
    m_path = QSet<QString>(pathActionIds.cbegin(), pathActionIds.cend());
    m_current = currentActionId;
    applyMarks();
}

void FlowScene::clearSimulationHighlight() {
    m_path.clear();
    m_current.clear();
    applyMarks();
}

void FlowScene::applyMarks() {
    for (auto it = m_actions.cbegin(); it != m_actions.cend(); ++it) {
        ItemMarks m = m_problemMarks.value(it.key());
        m.onPath = m_path.contains(it.key());
        m.current = !m_current.isEmpty() && it.key() == m_current;
        it.value()->setMarks(m);
    }
    for (auto it = m_tasks.cbegin(); it != m_tasks.cend(); ++it) {
        it.value()->setMarks(m_problemMarks.value(taskKey(it.key())));
    }
}

bool FlowScene::isCollapsed(const QString& key) const {
    return m_collapse.actions.contains(key) || m_collapse.outputs.contains(key);
}

void FlowScene::setCollapsed(const QString& key, bool collapsed) {
    const bool isOutput = key.contains(u'/'); // action ids never contain '/'
    QSet<QString>& set = isOutput ? m_collapse.outputs : m_collapse.actions;
    if (collapsed == set.contains(key)) {
        return;
    }
    if (collapsed) {
        set.insert(key);
    } else {
        set.remove(key);
    }
    relayout();
    Q_EMIT collapseToggled(key);
}

QString FlowScene::selectedKey() const {
    const QList<QGraphicsItem*> items = selectedItems();
    if (items.isEmpty()) {
        return {};
    }
    QGraphicsItem* item = items.constFirst();
    switch (item->type()) {
    case ActionItem::Type:
        return static_cast<ActionItem*>(item)->id();
    case OutputItem::Type:
        return static_cast<OutputItem*>(item)->key();
    case TaskItem::Type:
        return taskKey(static_cast<TaskItem*>(item)->id());
    default:
        return {};
    }
}

void FlowScene::selectKey(const QString& key) {
    QGraphicsItem* target = nullptr;
    if (isTaskKey(key)) {
        target = m_tasks.value(taskIdOfKey(key));
    } else if (key.contains(u'/')) {
        target = m_outputs.value(key);
    } else {
        target = m_actions.value(key);
    }
    QSignalBlocker blocker(this);
    clearSelection();
    if (target && target->isVisible()) {
        target->setSelected(true);
    }
    blocker.unblock();
    const QString now = selectedKey();
    if (now != m_lastSelected) {
        m_lastSelected = now;
        Q_EMIT selectedKeyChanged(now);
    }
}

QRectF FlowScene::rectOf(const QString& key) const {
    if (isTaskKey(key)) {
        for (const TaskBox& tb : m_layout.tasks) {
            if (tb.id == taskIdOfKey(key)) {
                return tb.header;
            }
        }
        return {};
    }
    if (key.contains(u'/')) {
        const OutputItem* item = m_outputs.value(key);
        return item ? item->box().rect : QRectF();
    }
    return m_layout.actions.value(key).rect;
}

std::optional<ConnectorPlace> FlowScene::updateDrag(bool dragging, const QPointF& at) {
    ConnectorItem* best = nullptr;
    if (dragging) {
        qreal bestDistance = 40; // scene units: a drop farther from every connector is not taken
        for (ConnectorItem* c : std::as_const(m_connectors)) {
            if (!c->place().allowed) {
                continue;
            }
            const QRectF r = c->sceneBoundingRect();
            if (at.x() < r.left() - 20 || at.x() > r.right() + 20) {
                continue;
            }
            const qreal distance = std::abs(r.center().y() - at.y());
            if (distance < bestDistance) {
                bestDistance = distance;
                best = c;
            }
        }
    }
    for (ConnectorItem* c : std::as_const(m_connectors)) {
        c->setDropState(dragging, c == best);
    }
    if (!best) {
        return std::nullopt;
    }
    return best->place();
}

void FlowScene::mouseDoubleClickEvent(QGraphicsSceneMouseEvent* event) {
    QGraphicsItem* item = itemAt(event->scenePos(), QTransform());
    if (item && item->type() == OutputItem::Type) {
        const QString key = static_cast<OutputItem*>(item)->key();
        setCollapsed(key, !isCollapsed(key));
        return;
    }
    if (item && item->type() == ActionItem::Type) {
        Q_EMIT activated(static_cast<ActionItem*>(item)->id());
        return;
    }
    QGraphicsScene::mouseDoubleClickEvent(event);
}

} // namespace handoff::flow
