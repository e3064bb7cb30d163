#pragma once

#include "flow/SimulationRun.h"
#include "flow/Simulator.h"

#include <QList>
#include <QWidget>

class QChart;
class QChartView;
class QLabel;

namespace handoff::flow {

// The time-window mode as a chart (Qt Charts): per hour of the window, the calls that reached the agent and those
// that failed (stacked areas, left axis), and how many hours the UUI token a call carried still had before it
// expired (a line, right axis, with the 24 h maximum marked); the hour transfers start failing is named below it.
class TokenWindowChart final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TokenWindowChart)

public:
    explicit TokenWindowChart(QWidget* parent = nullptr);
    ~TokenWindowChart() override;

    void setReport(const WindowReport& report, const QList<TokenValiditySample>& validity);
    void clear();

    // What is drawn, for tests: per hour (transferred, failed), and the validity line's points (hour, hours left).
    QList<QPointF> transferredPoints() const { return m_transferred; }
    QList<QPointF> failedPoints() const { return m_failed; }
    QList<QPointF> validityPoints() const { return m_validity; }
    QChart* chart() const { return m_chart; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void rebuild();

    QChart* m_chart = nullptr;
    QChartView* m_view = nullptr;
    QLabel* m_caption = nullptr;
    WindowReport m_report;
    QList<TokenValiditySample> m_samples;
    QList<QPointF> m_transferred;
    QList<QPointF> m_failed;
    QList<QPointF> m_validity;
};

} // namespace handoff::flow
