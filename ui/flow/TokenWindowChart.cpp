#include "flow/TokenWindowChart.h"

#include "shell/StateColours.h"

#include <QAreaSeries>
#include <QChart>
#include <QChartView>
#include <QEvent>
#include <QLabel>
#include <QLegendMarker>
#include <QLineSeries>
#include <QPen>
#include <QVBoxLayout>
#include <QValueAxis>

using namespace Qt::StringLiterals;

namespace handoff::flow {

TokenWindowChart::TokenWindowChart(QWidget* parent)
    : QWidget(parent) {
    setObjectName(u"tokenWindowChart"_s);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_chart = new QChart();
    m_chart->setObjectName(u"tokenWindowQChart"_s);
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    m_chart->setMargins(QMargins(4, 4, 4, 4));
    m_view = new QChartView(m_chart, this);
    m_view->setObjectName(u"tokenWindowChartView"_s);
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumHeight(200);
    m_view->setFocusPolicy(Qt::NoFocus);
    m_caption = new QLabel(this);
    m_caption->setObjectName(u"tokenWindowCaptionLabel"_s);
    m_caption->setWordWrap(true);
    m_caption->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_caption);
    rebuild();
}

TokenWindowChart::~TokenWindowChart() = default;

void TokenWindowChart::setReport(const WindowReport& report, const QList<TokenValiditySample>& validity) {
    m_report = report;
    m_samples = validity;
    rebuild();
}

void TokenWindowChart::clear() {
    m_report = {};
    m_samples.clear();
    rebuild();
}

void TokenWindowChart::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::LanguageChange) {
        rebuild();
    }
}

void TokenWindowChart::rebuild() {
    m_chart->removeAllSeries();
    for (QAbstractAxis* axis : m_chart->axes()) {
        m_chart->removeAxis(axis);
        delete axis;
    }
    m_transferred.clear();
    m_failed.clear();
    m_validity.clear();

    const QPalette pal = palette();
    const bool dark = shell::isDarkPalette(pal);
    m_chart->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    m_chart->setBackgroundBrush(pal.base());
    m_chart->setTitleBrush(pal.text());
    m_chart->legend()->setLabelColor(pal.color(QPalette::Text));

    if (m_report.hours.isEmpty()) {
        m_chart->setTitle(tr("Run the time window to see when the UUI token stops carrying calls."));
        m_caption->clear();
        return;
    }
    m_chart->setTitle(tr("Calls per hour and the UUI token's remaining validity"));

    // Steps: each hour is drawn from its start to the next hour's start, so a failing hour reads as a block.
    auto* transferredLine = new QLineSeries();
    auto* failedLine = new QLineSeries();
    auto* zero = new QLineSeries();
    int maxCalls = 1;
    for (const WindowHour& h : m_report.hours) {
        m_transferred.append(QPointF(h.hour, h.transferred));
        m_failed.append(QPointF(h.hour, h.failed));
        maxCalls = std::max(maxCalls, h.calls);
        for (const int x : {h.hour, h.hour + 1}) {
            transferredLine->append(x, h.transferred);
            failedLine->append(x, h.transferred + h.failed);
            zero->append(x, 0);
        }
    }
    auto* transferred = new QAreaSeries(transferredLine, zero);
    transferred->setName(tr("Reached the agent"));
    const QColor ok = shell::stateColour(pal, shell::StateColour::Ok);
    const QColor bad = shell::stateColour(pal, shell::StateColour::Error);
    QColor okFill = ok;
    okFill.setAlpha(110);
    QColor badFill = bad;
    badFill.setAlpha(150);
    transferred->setBrush(okFill);
    transferred->setPen(QPen(ok, 1));
    // The failed band sits on top of the transferred one: its lower edge is the transferred line (a copy, since
    // a series belongs to one area).
    auto* failedLower = new QLineSeries();
    failedLower->append(transferredLine->points());
    auto* failed = new QAreaSeries(failedLine, failedLower);
    failed->setName(tr("Failed"));
    failed->setBrush(badFill);
    failed->setPen(QPen(bad, 1));

    auto* validity = new QLineSeries();
    validity->setName(tr("Token valid for (hours)"));
    QPen validityPen(pal.color(QPalette::Highlight), 2);
    validity->setPen(validityPen);
    double maxLeft = 24.0;
    for (const TokenValiditySample& s : m_samples) {
        if (s.hoursLeft) {
            const double left = std::max(0.0, *s.hoursLeft);
            m_validity.append(QPointF(s.hour, *s.hoursLeft));
            validity->append(s.hour, left);
            maxLeft = std::max(maxLeft, left);
        }
    }

    m_chart->addSeries(transferred);
    m_chart->addSeries(failed);
    m_chart->addSeries(validity);
    // An area series does not own its edge lines: make them its children, so that removeAllSeries() frees them too
    // (only after addSeries(), which takes the area from the upper line it starts parented to).
    transferredLine->setParent(transferred);
    zero->setParent(transferred);
    failedLine->setParent(failed);
    failedLower->setParent(failed);

    const int hours = int(m_report.hours.size());
    auto* x = new QValueAxis();
    x->setRange(0, hours);
    x->setLabelFormat(u"%d"_s);
    x->setTickCount(std::min(hours, 12) + 1);
    x->setTitleText(tr("Hours from %1 (UTC)").arg(m_report.hours.first().from.toUTC().toString(u"yyyy-MM-dd HH:mm"_s)));
    auto* calls = new QValueAxis();
    calls->setRange(0, maxCalls);
    calls->setTickCount(maxCalls <= 10 ? maxCalls + 1 : 6);
    calls->applyNiceNumbers();
    calls->setLabelFormat(u"%d"_s);
    calls->setTitleText(tr("Calls"));
    auto* left = new QValueAxis();
    const double leftMax = std::ceil(maxLeft / 6.0) * 6.0; // 6-hour steps: 0, 6, 12, 18, 24
    left->setRange(0, leftMax);
    left->setTickCount(int(leftMax / 6.0) + 1);
    left->setLabelFormat(u"%d"_s);
    left->setTitleText(tr("Token hours left"));
    for (QValueAxis* a : {x, calls, left}) {
        a->setLabelsColor(pal.color(QPalette::Text));
        a->setTitleBrush(pal.text());
        a->setGridLineColor(pal.color(QPalette::Mid));
    }
    left->setGridLineVisible(false); // the calls' grid is the one drawn
    m_chart->addAxis(x, Qt::AlignBottom);
    m_chart->addAxis(calls, Qt::AlignLeft);
    m_chart->addAxis(left, Qt::AlignRight);
    for (QAbstractSeries* s : {static_cast<QAbstractSeries*>(transferred), static_cast<QAbstractSeries*>(failed)}) {
        s->attachAxis(x);
        s->attachAxis(calls);
    }
    validity->attachAxis(x);
    validity->attachAxis(left);

    if (m_report.firstFailingHour) {
        m_caption->setText(
            tr("%1 of %2 calls reached the agent. Transfers start failing at hour %3 (%4 UTC), first "
               "reason %5.")
                .arg(m_report.transferred)
                .arg(m_report.calls)
                .arg(*m_report.firstFailingHour)
                .arg(m_report.firstFailure->toUTC().toString(u"yyyy-MM-dd HH:mm"_s), m_report.firstFailureCode));
    } else {
        m_caption->setText(
            tr("All %1 calls over %2 hours reached the agent.").arg(m_report.calls).arg(m_report.hours.size()));
    }
    QStringList messages;
    for (const diagnostics::Diagnostic& d : m_report.diagnostics) {
        messages << d.code + u": "_s + d.message;
    }
    if (!messages.isEmpty()) {
        m_caption->setText(m_caption->text() + u'\n' + messages.join(u'\n'));
    }
}

} // namespace handoff::flow
