#include "SipTransferBackend.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace handoff::sip {

namespace {
QString tr(const char* text) {
    return QCoreApplication::translate("handoff::sip", text);
}
} // namespace

SipTransferBackend::SipTransferBackend(SendOptions options)
    : m_options(std::move(options)) {}

flow::TransferAnswer toTransferAnswer(const SendReport& report) {
    flow::TransferAnswer answer;
    answer.accepted = report.accepted() && report.answered;
    answer.sipStatus = report.answered ? report.final.status : 0;
    answer.reason =
        report.final.status ? report.final.reason : handoff::sip::tr("no final response from %1").arg(report.to);
    answer.notes.append(handoff::sip::tr("INVITE sent to %1 over %2 (%3), %4 bytes.")
                            .arg(report.to, report.transport, report.transportReason)
                            .arg(report.size));
    for (const SipResponse& r : report.provisional) {
        answer.notes.append(handoff::sip::tr("Provisional: %1 %2").arg(r.status).arg(r.reason));
    }
    if (report.final.status) {
        answer.notes.append(handoff::sip::tr("Final: %1 %2").arg(report.final.status).arg(report.final.reason));
    }
    for (const QString& w : report.warnings) {
        answer.notes.append(handoff::sip::tr("Warning: %1").arg(w));
    }
    answer.notes.append(report.notes);
    answer.warnings = report.warnings;
    answer.sent = report.sent;
    answer.received = report.final.bytes;
    return answer;
}

flow::TransferAnswer SipTransferBackend::transfer(const flow::SipInvite& invite) {
    auto report = sendInvite(invite, m_options);
    if (!report) {
        m_last.reset();
        flow::TransferAnswer answer;
        answer.reason = report.error().code + u": "_s + report.error().message;
        answer.notes.append(answer.reason);
        return answer;
    }
    m_last = *report;
    return toTransferAnswer(*report);
}

} // namespace handoff::sip
