#include "BudgetBar.h"

#include <QAccessible>
#include <QHash>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QStyle>
#include <QStyleOptionFocusRect>
#include <QToolTip>

#include <algorithm>
#include <array>
#include <cmath>

using namespace Qt::StringLiterals;

namespace handoff::widgets {

namespace {

// Hues for the field segments; red is left out on purpose: it means "over the limit".
constexpr std::array<int, 8> kHues{210, 140, 35, 275, 180, 320, 55, 100};

bool isDark(const QPalette& palette) {
    return palette.color(QPalette::Window).lightness() < 128;
}

QString number(qsizetype value) {
    return QLocale().toString(static_cast<qlonglong>(value));
}

QColor overflowColor(const QPalette& palette) {
    return isDark(palette) ? QColor(255, 107, 107) : QColor(200, 30, 30);
}

QColor readableTextOn(const QColor& background) {
    // Relative luminance, roughly (sRGB weights); good enough to pick black or white text.
    const double luminance = 0.2126 * background.redF() + 0.7152 * background.greenF() + 0.0722 * background.blueF();
    return luminance > 0.55 ? QColor(Qt::black) : QColor(Qt::white);
}

} // namespace

qsizetype BudgetBarModel::segmentSum() const {
    qsizetype sum = 0;
    for (const BudgetSegment& segment : segments) {
        sum += std::max<qsizetype>(0, segment.encodedChars);
    }
    return sum;
}

qsizetype BudgetBarModel::overhead() const {
    return std::max<qsizetype>(0, total - segmentSum());
}

BudgetBar::BudgetBar(QWidget* parent)
    : QWidget(parent) {
    setFocusPolicy(Qt::StrongFocus);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setMouseTracking(false);
    setAccessibleName(tr("Size budget"));
    updateAccessibility();
}

void BudgetBar::setModel(const BudgetBarModel& model) {
    if (model == m_model) {
        return;
    }
    m_model = model;
    if (m_current >= segmentCount()) {
        m_current = segmentCount() - 1;
    }
    updateAccessibility();
    update();
}

int BudgetBar::segmentCount() const {
    return static_cast<int>(m_model.segments.size()) + (m_model.overhead() > 0 ? 1 : 0);
}

bool BudgetBar::isOverheadSegment(int index) const {
    return m_model.overhead() > 0 && index == static_cast<int>(m_model.segments.size());
}

QString BudgetBar::segmentName(int index) const {
    if (index < 0 || index >= segmentCount()) {
        return {};
    }
    if (isOverheadSegment(index)) {
        return tr("JSON syntax and header");
    }
    return m_model.segments.at(index).name;
}

qsizetype BudgetBar::segmentChars(int index) const {
    if (index < 0 || index >= segmentCount()) {
        return 0;
    }
    if (isOverheadSegment(index)) {
        return m_model.overhead();
    }
    return std::max<qsizetype>(0, m_model.segments.at(index).encodedChars);
}

int BudgetBar::barHeight() const {
    return qRound(fontMetrics().height() * 1.7);
}

QRectF BudgetBar::barRect() const {
    const QRect area = contentsRect();
    const int labelHeight = fontMetrics().height() + 2;
    return QRectF(area.left() + 1.0, area.top() + labelHeight + 2.0, std::max(0.0, area.width() - 2.0), barHeight());
}

qreal BudgetBar::scale() const {
    const qsizetype full = std::max(m_model.total, m_model.limit);
    if (full <= 0) {
        return 0.0;
    }
    return barRect().width() / static_cast<qreal>(full);
}

QRectF BudgetBar::segmentRect(int index) const {
    if (index < 0 || index >= segmentCount()) {
        return {};
    }
    const QRectF bar = barRect();
    qsizetype before = 0;
    for (int i = 0; i < index; ++i) {
        before += segmentChars(i);
    }
    const qreal s = scale();
    return QRectF(bar.left() + static_cast<qreal>(before) * s, bar.top(), static_cast<qreal>(segmentChars(index)) * s,
                  bar.height());
}

qreal BudgetBar::limitX() const {
    if (m_model.limit <= 0) {
        return -1.0;
    }
    return barRect().left() + static_cast<qreal>(m_model.limit) * scale();
}

QRectF BudgetBar::overflowRect() const {
    if (!m_model.isOver()) {
        return {};
    }
    const QRectF bar = barRect();
    const qreal start = limitX();
    const qreal end = bar.left() + static_cast<qreal>(m_model.total) * scale();
    return QRectF(start, bar.top(), end - start, bar.height());
}

int BudgetBar::segmentAt(const QPointF& pos) const {
    for (int i = 0; i < segmentCount(); ++i) {
        const QRectF r = segmentRect(i);
        if (pos.x() >= r.left() && pos.x() < r.right() && pos.y() >= r.top() - 2 && pos.y() <= r.bottom() + 2) {
            return i;
        }
    }
    return -1;
}

void BudgetBar::setCurrentSegment(int index) {
    const int clamped = segmentCount() == 0 ? -1 : std::clamp(index, 0, segmentCount() - 1);
    if (clamped == m_current) {
        return;
    }
    m_current = clamped;
    updateAccessibility();
    update();
}

QString BudgetBar::summaryText() const {
    const QString unit = m_model.unit.isEmpty() ? tr("characters") : m_model.unit;
    if (m_model.limit <= 0) {
        return tr("%1 %2, no limit set").arg(number(m_model.total), unit);
    }
    if (m_model.isOver()) {
        return tr("%1 / %2 %3: %4 over")
            .arg(number(m_model.total), number(m_model.limit), unit, number(m_model.total - m_model.limit));
    }
    return tr("%1 / %2 %3: %4 left")
        .arg(number(m_model.total), number(m_model.limit), unit, number(m_model.limit - m_model.total));
}

QString BudgetBar::segmentToolTip(int index) const {
    if (index < 0 || index >= segmentCount()) {
        return {};
    }
    const qsizetype chars = segmentChars(index);
    const QString unit = m_model.unit.isEmpty() ? tr("characters") : m_model.unit;
    QString text = tr("%1: %2 %3").arg(segmentName(index), number(chars), unit);
    if (m_model.total > 0) {
        text += u'\n' + tr("%1% of the total").arg(QLocale().toString(100.0 * chars / m_model.total, 'f', 1));
    }
    if (m_model.limit > 0) {
        text += u'\n' + tr("%1% of the limit").arg(QLocale().toString(100.0 * chars / m_model.limit, 'f', 1));
    }
    if (isOverheadSegment(index)) {
        text +=
            u'\n' + tr("Braces, quotes, key names and separators of the JSON, plus the header's prefix and parameters");
    } else if (!m_model.segments.at(index).detail.isEmpty()) {
        text += u'\n' + m_model.segments.at(index).detail;
    }
    return text;
}

QColor BudgetBar::segmentColor(int index) const {
    const QPalette& pal = palette();
    if (isOverheadSegment(index)) {
        QColor mid = pal.color(QPalette::Mid);
        return isDark(pal) ? mid.lighter(130) : mid.lighter(115);
    }
    // The standard fields have fixed hues; any other name (a custom parameter, the header parts) one from its name.
    static const QHash<QString, int> kFixed{
        {u"orgId"_s, 0}, {u"scrt2Domain"_s, 1}, {u"token"_s, 2}, {u"callId"_s, 3}, {u"transactionId"_s, 4}};
    if (m_model.segments.at(index).structural) {
        const QColor mid = pal.color(QPalette::Mid);
        return isDark(pal) ? mid.lighter(150) : mid.lighter(135);
    }
    const QString name = m_model.segments.at(index).name;
    const auto fixed = kFixed.constFind(name);
    const std::size_t slot =
        fixed != kFixed.cend() ? static_cast<std::size_t>(*fixed) : 5 + static_cast<std::size_t>(qHash(name, 0) % 3);
    const int hue = kHues.at(slot % kHues.size());
    return isDark(pal) ? QColor::fromHsl(hue, 110, 105) : QColor::fromHsl(hue, 140, 175);
}

QString BudgetBar::legendHtml() const {
    QStringList items;
    for (int i = 0; i < segmentCount(); ++i) {
        items << u"<span style=\"background-color:%1;\">&nbsp;&nbsp;&nbsp;</span>&nbsp;%2"_s.arg(
            segmentColor(i).name(), segmentName(i).toHtmlEscaped());
    }
    return items.join(u"&nbsp;&nbsp; "_s);
}

QSize BudgetBar::sizeHint() const {
    const QFontMetrics fm = fontMetrics();
    const QMargins m = contentsMargins();
    const int height = (fm.height() + 2) + 2 + barHeight() + 4 + fm.height() + 2;
    return QSize(fm.averageCharWidth() * 60 + m.left() + m.right(), height + m.top() + m.bottom());
}

QSize BudgetBar::minimumSizeHint() const {
    return QSize(fontMetrics().averageCharWidth() * 20, sizeHint().height());
}

void BudgetBar::paintEvent(QPaintEvent* /*event*/) {
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing, true);
    const QPalette& pal = palette();
    const QFontMetrics fm = fontMetrics();
    const QRectF bar = barRect();
    const QColor overColor = overflowColor(pal);

    // Track: the free space up to the limit.
    QPainterPath track;
    track.addRoundedRect(bar, 3, 3);
    painter.fillPath(track, pal.color(QPalette::Base));

    painter.save();
    painter.setClipPath(track);
    for (int i = 0; i < segmentCount(); ++i) {
        const QRectF r = segmentRect(i);
        if (r.width() <= 0) {
            continue;
        }
        const QColor fill = segmentColor(i);
        painter.fillRect(r, fill);
        // A thin separator in the window colour keeps neighbouring segments apart.
        painter.setPen(QPen(pal.color(QPalette::Window), 1.0));
        painter.drawLine(QLineF(r.right(), r.top(), r.right(), r.bottom()));

        const QString label = segmentName(i);
        const qreal padding = fm.averageCharWidth();
        // The whole name wherever it fits with a little room; cut only where the segment is really too narrow (the
        // tooltip and the legend give the rest).
        if (r.width() >= fm.horizontalAdvance(label) + padding) {
            painter.setPen(readableTextOn(fill));
            painter.drawText(r.adjusted(padding / 2, 0, 0, 0), Qt::AlignVCenter | Qt::AlignLeft, label);
        } else if (r.width() > fm.averageCharWidth() * 4 + 2 * padding) {
            painter.setPen(readableTextOn(fill));
            painter.drawText(r.adjusted(padding, 0, -padding, 0), Qt::AlignVCenter | Qt::AlignLeft,
                             fm.elidedText(label, Qt::ElideRight, static_cast<int>(r.width() - 2 * padding)));
        }
    }

    // Everything past the limit: red tint with a hatch, so it reads as "over" even without colour vision.
    const QRectF over = overflowRect();
    if (!over.isEmpty()) {
        QColor tint = overColor;
        tint.setAlpha(110);
        painter.fillRect(over, tint);
        QBrush hatch(overColor, Qt::BDiagPattern);
        painter.fillRect(over, hatch);
    }
    painter.restore();

    // Outline of the bar; red when over.
    painter.setPen(QPen(m_model.isOver() ? overColor : pal.color(QPalette::Mid), 1.0));
    painter.setBrush(Qt::NoBrush);
    painter.drawRoundedRect(bar.adjusted(0.5, 0.5, -0.5, -0.5), 3, 3);

    // Current segment (keyboard) outline.
    if (m_current >= 0 && m_current < segmentCount()) {
        painter.setPen(QPen(pal.color(QPalette::Highlight), 2.0));
        painter.drawRect(segmentRect(m_current).adjusted(1, 1, -1, -1));
    }

    // Limit line with its label above the bar.
    const qreal lx = limitX();
    if (lx >= 0) {
        painter.setPen(QPen(pal.color(QPalette::WindowText), 2.0));
        painter.drawLine(QLineF(lx, bar.top() - 3, lx, bar.bottom() + 3));
        const QString label = tr("limit %1").arg(number(m_model.limit));
        const qreal width = fm.horizontalAdvance(label) + 4;
        qreal x = lx - width / 2;
        x = std::clamp(x, bar.left(), std::max(bar.left(), bar.right() - width));
        painter.drawText(QRectF(x, contentsRect().top(), width, fm.height()), Qt::AlignCenter, label);
    }

    // Summary line under the bar.
    const QRectF textRect(bar.left(), bar.bottom() + 4, bar.width(), fm.height());
    painter.setPen(m_model.isOver() ? overColor : pal.color(QPalette::WindowText));
    painter.drawText(textRect, Qt::AlignLeft | Qt::AlignVCenter,
                     fm.elidedText(summaryText(), Qt::ElideRight, static_cast<int>(textRect.width())));

    if (hasFocus()) {
        QStyleOptionFocusRect option;
        option.initFrom(this);
        option.rect = bar.toAlignedRect().adjusted(-2, -2, 2, 2);
        option.backgroundColor = pal.color(QPalette::Window);
        style()->drawPrimitive(QStyle::PE_FrameFocusRect, &option, &painter, this);
    }
}

bool BudgetBar::event(QEvent* event) {
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const int index = segmentAt(help->pos());
        if (index >= 0) {
            QToolTip::showText(help->globalPos(), segmentToolTip(index), this, segmentRect(index).toAlignedRect());
        } else if (limitX() >= 0 && std::abs(help->pos().x() - limitX()) < 4) {
            QString text = tr("Limit: %1 %2").arg(number(m_model.limit), m_model.unit);
            if (!m_model.limitMeaning.isEmpty()) {
                text += u'\n' + m_model.limitMeaning;
            }
            QToolTip::showText(help->globalPos(), text, this);
        } else {
            QToolTip::showText(help->globalPos(), summaryText(), this);
        }
        return true;
    }
    return QWidget::event(event);
}

void BudgetBar::keyPressEvent(QKeyEvent* event) {
    switch (event->key()) {
    case Qt::Key_Left:
        setCurrentSegment(m_current < 0 ? 0 : m_current - 1);
        showCurrentToolTip();
        return;
    case Qt::Key_Right:
        setCurrentSegment(m_current < 0 ? 0 : m_current + 1);
        showCurrentToolTip();
        return;
    case Qt::Key_Home:
        setCurrentSegment(0);
        showCurrentToolTip();
        return;
    case Qt::Key_End:
        setCurrentSegment(segmentCount() - 1);
        showCurrentToolTip();
        return;
    case Qt::Key_Return:
    case Qt::Key_Enter:
    case Qt::Key_Space:
        if (m_current >= 0) {
            Q_EMIT segmentActivated(m_current);
        }
        return;
    default:
        QWidget::keyPressEvent(event);
    }
}

void BudgetBar::mousePressEvent(QMouseEvent* event) {
    if (event->button() == Qt::LeftButton) {
        const int index = segmentAt(event->position());
        if (index >= 0) {
            setCurrentSegment(index);
            Q_EMIT segmentActivated(index);
            return;
        }
    }
    QWidget::mousePressEvent(event);
}

void BudgetBar::changeEvent(QEvent* event) {
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange) {
        updateGeometry();
        update();
    }
    QWidget::changeEvent(event);
}

void BudgetBar::showCurrentToolTip() {
    if (m_current < 0) {
        return;
    }
    const QRectF r = segmentRect(m_current);
    QToolTip::showText(mapToGlobal(r.bottomLeft().toPoint()), segmentToolTip(m_current), this, r.toAlignedRect());
}

void BudgetBar::updateAccessibility() {
    QStringList parts{summaryText()};
    for (int i = 0; i < segmentCount(); ++i) {
        parts << tr("%1: %2").arg(segmentName(i), number(segmentChars(i)));
    }
    if (m_current >= 0 && m_current < segmentCount()) {
        parts << tr("Selected: %1").arg(segmentName(m_current));
    }
    setAccessibleDescription(parts.join(u"; "_s));
    setToolTip({}); // tooltips are per segment, see event()
    if (QAccessible::isActive()) {
        QAccessibleEvent accessibleEvent(this, QAccessible::DescriptionChanged);
        QAccessible::updateAccessibility(&accessibleEvent);
    }
}

} // namespace handoff::widgets
