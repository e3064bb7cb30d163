#pragma once

#include "flow/FlowLayout.h"

#include <QGraphicsView>
#include <QPoint>
#include <QString>

class QMimeData;

namespace handoff::flow {

class FlowScene;

// Mime types of the designer's drags: a kind from the toolbox, an action already on the canvas.
inline constexpr const char* kActionKindMime = "application/x-handoff-action-kind";
inline constexpr const char* kActionIdMime = "application/x-handoff-action-id";

// The canvas: zoom (Ctrl+wheel, Ctrl++ / Ctrl+- / Ctrl+0 to fit), pan (scroll bars, wheel, middle button drag),
// drag and drop from the toolbox and of actions on it, with the allowed connectors shown while dragging. Keys the
// page handles (arrows, Enter, Delete, ...) are passed to it through keyPressed.
class FlowView final : public QGraphicsView {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FlowView)

public:
    explicit FlowView(FlowScene* scene, QWidget* parent = nullptr);

    FlowScene* flowScene() const { return m_scene; }
    qreal zoom() const;
    void setZoom(qreal factor);
    void zoomBy(qreal factor);
    void fitAll();

Q_SIGNALS:
    // A drop on an allowed connector: the page turns it into an insert (a kind) or a move (an action id).
    void dropped(const handoff::flow::ConnectorPlace& place, const QString& kindKey, const QString& actionId);
    void zoomChanged(qreal factor);
    void viewportMoved();

protected:
    void wheelEvent(QWheelEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dragMoveEvent(QDragMoveEvent* event) override;
    void dragLeaveEvent(QDragLeaveEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void scrollContentsBy(int dx, int dy) override;
    void focusInEvent(QFocusEvent* event) override;
    void drawBackground(QPainter* painter, const QRectF& rect) override;

private:
    static bool accepts(const QMimeData* mime);

    FlowScene* m_scene;
    QPoint m_pressPos;
    QString m_pressedAction;
    bool m_panning = false;
    QPoint m_panLast;
};

// A small overview of the whole canvas with the visible part outlined; clicking or dragging in it moves the view.
class FlowMinimap final : public QGraphicsView {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FlowMinimap)

public:
    FlowMinimap(FlowView* view, QWidget* parent = nullptr);
    void refit();

protected:
    void drawForeground(QPainter* painter, const QRectF& rect) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void centreAt(const QPoint& pos);
    FlowView* m_view;
};

} // namespace handoff::flow
