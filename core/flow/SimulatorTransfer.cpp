#include "diagnostics/Catalog.h"
#include "flow/SimulatorDetail.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

// A Transfer to Number whose INVITE really went out (Simulator::setTransferBackend): the far end's answer, put into
// the trace's terms.

namespace handoff::flow {

namespace {
QString tr(const char* text) {
    return QCoreApplication::translate("handoff::flow", text);
}
} // namespace

namespace detail {

SipInvite renderInvite(const SimulationContext& context, const QString& sipHost, const SimulatedCall& call,
                       quint64 callNumber, const UuiSnapshot* uui, const QString& target, bool withText) {
    SipInvite invite;
    const bool hasUui = uui && !uui->json.isEmpty();
    invite.hasUui = hasUui;
    if (withText) {
        const quint64 tag = mix(context.seed ^ (callNumber << 8));
        invite.requestLine = u"INVITE sip:%1@%2;transport=tls SIP/2.0"_s.arg(target, sipHost);
        QString ani = call.ani;
        if (ani.startsWith(u"tel:"_s)) {
            ani = ani.mid(4);
        }
        invite.headers = {
            u"Via: SIP/2.0/TLS %1;branch=z9hG4bK%2"_s.arg(context.edgeHost, hex(tag, 16)),
            u"Max-Forwards: 70"_s,
            u"From: <sip:%1@%2>;tag=%3"_s.arg(ani, context.edgeHost, hex(tag >> 16, 8)),
            u"To: <sip:%1@%2>"_s.arg(target, sipHost),
            u"Call-ID: %1@%2"_s.arg(call.conversationId, context.edgeHost),
            u"CSeq: 1 INVITE"_s,
            u"Contact: <sip:%1;transport=tls>"_s.arg(context.edgeHost),
        };
        if (hasUui) {
            invite.headers.append(QString::fromLatin1(uui->budget.headerLine));
        }
        invite.headers.append(u"Content-Type: application/sdp"_s);
        invite.headers.append(u"Content-Length: 0"_s);
    }
    if (hasUui) {
        invite.userToUserValue = uui->budget.headerValue;
        invite.uuiFits = uui->budget.fits();
        invite.measured = uui->budget.measured;
        invite.limit = uui->budget.limit;
    }
    return invite;
}

LiveOutcome liveTransferOutcome(const TransferAnswer& answer, const QString& predictedType, const char* predictedCode,
                                const QString& taskId, const QString& actionId) {
    LiveOutcome out;
    const diagnostics::Location at = actionLocation(taskId, actionId);
    const QStringList& warnings = answer.warnings;
    const QString status = u"%1 %2"_s.arg(answer.sipStatus).arg(answer.reason);
    if (answer.accepted) {
        out.transferred = true;
        out.note = handoff::flow::tr("The far end accepted the INVITE (%1): the Agentforce Voice agent takes the call.")
                       .arg(status);
        if (predictedCode) {
            out.found.append(diagnostics::make(
                "FLW092",
                handoff::flow::tr("The far end accepted the INVITE (%1), although the simulator expected the transfer "
                                  "to fail (%2, %3). Its assumption does not hold for this peer; the call counts as "
                                  "transferred.")
                    .arg(status, predictedType, QString::fromLatin1(predictedCode)),
                at));
        }
        return out;
    }
    if (answer.sipStatus == 0) {
        out.errorType = predictedType.isEmpty() ? u"transfer.noAnswer"_s : predictedType;
        out.errorMessage = handoff::flow::tr("The INVITE got no final answer: %1.").arg(answer.reason);
        out.found.append(diagnostics::make("FLW091", out.errorMessage, at));
    } else {
        out.errorType = predictedType.isEmpty() ? u"transfer.refused"_s : predictedType;
        out.errorMessage =
            warnings.isEmpty()
                ? handoff::flow::tr("The far end refused the INVITE: %1.").arg(status)
                : handoff::flow::tr("The far end refused the INVITE: %1 (%2).").arg(status, warnings.join(u"; "_s));
        out.found.append(diagnostics::make("FLW090", out.errorMessage, at));
    }
    out.note = handoff::flow::tr("The transfer failed (%1): failure path.").arg(out.errorType);
    return out;
}

} // namespace detail

} // namespace handoff::flow
