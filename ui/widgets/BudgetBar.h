#pragma once

#include <QList>
#include <QRectF>
#include <QString>
#include <QWidget>

namespace handoff::widgets {

// One part of a size budget: a UUI field and the characters it takes once encoded for the SIP header.
struct BudgetSegment {
    QString name;
    qsizetype encodedChars = 0;
    QString detail;          // optional extra line for the tooltip, e.g. "278 bytes, hex doubles it"
    bool structural = false; // not a field (braces, PD octet, header name, parameters): drawn in a neutral shade

    friend bool operator==(const BudgetSegment&, const BudgetSegment&) = default;
};

// What the bar shows. It is a plain value so that the widget does not depend on the UUI core: the page adapts the
// core's budget result into it. `total` may exceed the sum of the segments (JSON punctuation, header prefix and
// parameters); the difference is drawn as one more segment, labelled as overhead.
struct BudgetBarModel {
    QList<BudgetSegment> segments;
    qsizetype total = 0;
    qsizetype limit = 0;  // 0: no limit known
    QString unit;         // e.g. "characters (hex)"; shown after the numbers
    QString limitMeaning; // e.g. "applies to the header value"; shown in the tooltip of the limit line

    bool isOver() const { return limit > 0 && total > limit; }
    qsizetype segmentSum() const;
    qsizetype overhead() const; // total - sum of segments, never negative

    friend bool operator==(const BudgetBarModel&, const BudgetBarModel&) = default;
};

// A horizontal bar: one segment per field, sized by its encoded characters; the limit drawn as a line; whatever
// lies beyond the limit hatched in red. Painted from the palette (light and dark) with no pixmaps, so it is sharp
// at any scale. Keyboard: Tab focuses it, Left/Right walk the segments (their numbers show as a tooltip and in the
// accessible description), Enter or Space activates the current one.
class BudgetBar final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BudgetBar)

public:
    explicit BudgetBar(QWidget* parent = nullptr);

    void setModel(const BudgetBarModel& model);
    const BudgetBarModel& model() const { return m_model; }

    // Segments as drawn: the model's segments, then the overhead segment when there is overhead.
    int segmentCount() const;
    QString segmentName(int index) const;
    qsizetype segmentChars(int index) const;
    bool isOverheadSegment(int index) const;

    // Geometry in widget coordinates (for painting, hit-testing and tests).
    QRectF barRect() const;
    QRectF segmentRect(int index) const;
    QRectF overflowRect() const; // empty unless the total exceeds the limit
    qreal limitX() const;        // negative when there is no limit
    int segmentAt(const QPointF& pos) const;

    int currentSegment() const { return m_current; }
    void setCurrentSegment(int index);

    // One line for people: "1,486 / 1,024 characters (hex), 462 over the limit".
    QString summaryText() const;
    QString segmentToolTip(int index) const;
    // The fill of a segment. It follows the segment's name, not its place, so that a field keeps its colour in
    // every encoding, PD mode and limit reading (segments come and go in front of it). The legend uses it too.
    QColor segmentColor(int index) const;
    // The legend: one swatch and name per segment, as rich text for a label under the bar.
    QString legendHtml() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    // A segment was clicked or activated from the keyboard; the page focuses the field it stands for.
    void segmentActivated(int index);

protected:
    void paintEvent(QPaintEvent* event) override;
    bool event(QEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    qreal scale() const;
    int barHeight() const;
    void updateAccessibility();
    void showCurrentToolTip();

    BudgetBarModel m_model;
    int m_current = -1;
};

} // namespace handoff::widgets
