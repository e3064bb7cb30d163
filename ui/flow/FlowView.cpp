#include "flow/FlowView.h"

#include "flow/FlowScene.h"

#include <QApplication>
#include <QDrag>
#include <QMimeData>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace handoff::flow {

namespace {
constexpr qreal kMinZoom = 0.1;
constexpr qreal kMaxZoom = 4.0;
} // namespace

FlowView::FlowView(FlowScene* scene, QWidget* parent)
    : QGraphicsView(scene, parent)
    , m_scene(scene) {
    setObjectName(u"flowCanvasView"_s);
    setAcceptDrops(true);
    setFocusPolicy(Qt::StrongFocus);
    setRenderHint(QPainter::Antialiasing);
    setViewportUpdateMode(QGraphicsView::SmartViewportUpdate);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setAlignment(Qt::AlignLeft | Qt::AlignTop);
    setDragMode(QGraphicsView::NoDrag);
    setAccessibleName(tr("Flow canvas"));
    setAccessibleDescription(tr("Arrow keys move the selection along the flow; Enter edits; Delete deletes."));
}

qreal FlowView::zoom() const {
    return transform().m11();
}

void FlowView::setZoom(qreal factor) {
    factor = std::clamp(factor, kMinZoom, kMaxZoom);
    if (qFuzzyCompare(factor, zoom())) {
        return;
    }
    setTransform(QTransform::fromScale(factor, factor));
    Q_EMIT zoomChanged(factor);
    Q_EMIT viewportMoved();
}

void FlowView::zoomBy(qreal factor) {
    setZoom(zoom() * factor);
}

void FlowView::fitAll() {
    const QRectF bounds = sceneRect();
    if (bounds.isEmpty() || viewport()->width() <= 0) {
        return;
    }
    const qreal fx = viewport()->width() / bounds.width();
    const qreal fy = viewport()->height() / bounds.height();
    setZoom(std::min({fx, fy, 1.0}));
    centerOn(bounds.center());
}

void FlowView::wheelEvent(QWheelEvent* event) {
    if (event->modifiers() & Qt::ControlModifier) {
        const int steps = event->angleDelta().y() / 120;
        if (steps != 0) {
            zoomBy(std::pow(1.15, steps));
        }
        event->accept();
        return;
    }
    QGraphicsView::wheelEvent(event);
}

void FlowView::mousePressEvent(QMouseEvent* event) {
    if (event->button() == Qt::MiddleButton) {
        m_panning = true;
        m_panLast = event->position().toPoint();
        setCursor(Qt::ClosedHandCursor);
        event->accept();
        return;
    }
    m_pressPos = event->position().toPoint();
    m_pressedAction.clear();
    if (event->button() == Qt::LeftButton) {
        if (QGraphicsItem* item = itemAt(m_pressPos); item && item->type() == ActionItem::Type) {
            m_pressedAction = static_cast<ActionItem*>(item)->id();
        }
    }
    QGraphicsView::mousePressEvent(event);
}

void FlowView::mouseMoveEvent(QMouseEvent* event) {
    if (m_panning) {
        const QPoint delta = event->position().toPoint() - m_panLast;
        m_panLast = event->position().toPoint();
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() - delta.x());
        verticalScrollBar()->setValue(verticalScrollBar()->value() - delta.y());
        event->accept();
        return;
    }
    if (!m_pressedAction.isEmpty() && (event->buttons() & Qt::LeftButton) &&
        (event->position().toPoint() - m_pressPos).manhattanLength() >= QApplication::startDragDistance()) {
        auto* mime = new QMimeData;
        mime->setData(QString::fromLatin1(kActionIdMime), m_pressedAction.toUtf8());
        auto* drag = new QDrag(this);
        drag->setMimeData(mime);
        m_pressedAction.clear();
        drag->exec(Qt::MoveAction);
        return;
    }
    QGraphicsView::mouseMoveEvent(event);
}

void FlowView::mouseReleaseEvent(QMouseEvent* event) {
    if (m_panning && event->button() == Qt::MiddleButton) {
        m_panning = false;
        unsetCursor();
        event->accept();
        return;
    }
    m_pressedAction.clear();
    QGraphicsView::mouseReleaseEvent(event);
}

bool FlowView::accepts(const QMimeData* mime) {
    return mime && (mime->hasFormat(QString::fromLatin1(kActionKindMime)) ||
                    mime->hasFormat(QString::fromLatin1(kActionIdMime)));
}

void FlowView::dragEnterEvent(QDragEnterEvent* event) {
    if (!accepts(event->mimeData())) {
        event->ignore();
        return;
    }
    m_scene->updateDrag(true, mapToScene(event->position().toPoint()));
    event->acceptProposedAction();
}

void FlowView::dragMoveEvent(QDragMoveEvent* event) {
    if (!accepts(event->mimeData())) {
        event->ignore();
        return;
    }
    if (m_scene->updateDrag(true, mapToScene(event->position().toPoint()))) {
        event->acceptProposedAction();
    } else {
        event->ignore(); // no connector here allows a drop: the cursor says so
    }
}

void FlowView::dragLeaveEvent(QDragLeaveEvent* event) {
    m_scene->updateDrag(false);
    QGraphicsView::dragLeaveEvent(event);
}

void FlowView::dropEvent(QDropEvent* event) {
    const auto place = m_scene->updateDrag(true, mapToScene(event->position().toPoint()));
    m_scene->updateDrag(false);
    const QMimeData* mime = event->mimeData();
    if (!place || !accepts(mime)) {
        event->ignore();
        return;
    }
    const QString kind = QString::fromUtf8(mime->data(QString::fromLatin1(kActionKindMime)));
    const QString id = QString::fromUtf8(mime->data(QString::fromLatin1(kActionIdMime)));
    event->acceptProposedAction();
    Q_EMIT dropped(*place, kind, id);
}

void FlowView::scrollContentsBy(int dx, int dy) {
    QGraphicsView::scrollContentsBy(dx, dy);
    Q_EMIT viewportMoved();
}

void FlowView::focusInEvent(QFocusEvent* event) {
    QGraphicsView::focusInEvent(event);
    viewport()->update();
}

void FlowView::drawBackground(QPainter* painter, const QRectF& rect) {
    painter->fillRect(rect, palette().color(QPalette::Window));
}

// ---- FlowMinimap

FlowMinimap::FlowMinimap(FlowView* view, QWidget* parent)
    : QGraphicsView(view->scene(), parent)
    , m_view(view) {
    setObjectName(u"flowMinimapView"_s);
    setInteractive(false);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setFocusPolicy(Qt::NoFocus);
    setRenderHint(QPainter::Antialiasing);
    setAccessibleName(tr("Overview of the flow"));
    setToolTip(tr("Overview: click or drag to move the canvas."));
    connect(view, &FlowView::viewportMoved, this, [this] { viewport()->update(); });
    connect(view->scene(), &QGraphicsScene::sceneRectChanged, this, [this] { refit(); });
}

void FlowMinimap::refit() {
    if (!scene()->sceneRect().isEmpty()) {
        fitInView(scene()->sceneRect(), Qt::KeepAspectRatio);
    }
    viewport()->update();
}

void FlowMinimap::drawForeground(QPainter* painter, const QRectF&) {
    const QRectF visible = m_view->mapToScene(m_view->viewport()->rect()).boundingRect();
    QColor fill = palette().color(QPalette::Highlight);
    fill.setAlpha(40);
    painter->setBrush(fill);
    painter->setPen(QPen(palette().color(QPalette::Highlight), 0));
    painter->drawRect(visible);
}

void FlowMinimap::mousePressEvent(QMouseEvent* event) {
    centreAt(event->position().toPoint());
}

void FlowMinimap::mouseMoveEvent(QMouseEvent* event) {
    if (event->buttons() & Qt::LeftButton) {
        centreAt(event->position().toPoint());
    }
}

void FlowMinimap::resizeEvent(QResizeEvent* event) {
    QGraphicsView::resizeEvent(event);
    refit();
}

void FlowMinimap::centreAt(const QPoint& pos) {
    m_view->centerOn(mapToScene(pos));
    viewport()->update();
}

} // namespace handoff::flow
