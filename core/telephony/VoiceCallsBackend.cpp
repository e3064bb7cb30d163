#include "telephony/VoiceCallsBackend.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace handoff::telephony {

QString initiationMethodName(InitiationMethod method) {
    switch (method) {
    case InitiationMethod::Inbound:
        return u"Inbound"_s;
    case InitiationMethod::Transfer:
        return u"Transfer"_s;
    }
    return u"Inbound"_s;
}

QString callOutcomeName(CallOutcome outcome) {
    switch (outcome) {
    case CallOutcome::Success:
        return u"success"_s;
    case CallOutcome::Failure:
        return u"failure"_s;
    case CallOutcome::Timeout:
        return u"timeout"_s;
    case CallOutcome::Cancelled:
        return u"cancelled"_s;
    }
    return u"failure"_s;
}

VoiceCallsReply::VoiceCallsReply(QObject* parent)
    : QObject(parent) {}

VoiceCallsReply::~VoiceCallsReply() = default;

void VoiceCallsReply::abort() {
    if (m_finished) {
        return;
    }
    abortWork();
    VoiceCallResult cancelled;
    cancelled.outcome = CallOutcome::Cancelled;
    finish(std::move(cancelled));
}

bool VoiceCallsReply::waitForFinished(int timeoutMs) {
    if (m_finished) {
        // finished() may still be queued; let it through so that connected code has run when this returns.
        QCoreApplication::processEvents();
        return true;
    }
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
    connect(this, &VoiceCallsReply::finished, &loop, &QEventLoop::quit);
    timer.start(timeoutMs);
    loop.exec();
    return m_finished;
}

void VoiceCallsReply::finish(VoiceCallResult result) {
    if (m_finished) {
        return;
    }
    m_result = std::move(result);
    m_finished = true;
    QMetaObject::invokeMethod(this, &VoiceCallsReply::finished, Qt::QueuedConnection);
}

} // namespace handoff::telephony
