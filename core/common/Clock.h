#pragma once

#include <QDateTime>

namespace handoff {

// Time comes from a Clock that the caller passes in; core never asks the system for "now" on its own, so tests can
// pin it.
class Clock {
public:
    virtual ~Clock() = default;
    virtual QDateTime now() const = 0;
    qint64 nowSecs() const { return now().toSecsSinceEpoch(); }
};

class SystemClock final : public Clock {
public:
    QDateTime now() const override { return QDateTime::currentDateTimeUtc(); }
    static const SystemClock& instance();
};

class FixedClock final : public Clock {
public:
    explicit FixedClock(QDateTime at)
        : m_at(std::move(at)) {}
    static FixedClock atSecs(qint64 secsSinceEpoch) {
        return FixedClock(QDateTime::fromSecsSinceEpoch(secsSinceEpoch, Qt::UTC));
    }
    QDateTime now() const override { return m_at; }
    void set(QDateTime at) { m_at = std::move(at); }
    void advanceSecs(qint64 secs) { m_at = m_at.addSecs(secs); }

private:
    QDateTime m_at;
};

} // namespace handoff
