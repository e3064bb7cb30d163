#include "diagnostics/Catalog.h"
#include "flow/Simulator.h"

#include <QCoreApplication>
#include <QLoggingCategory>

using namespace Qt::StringLiterals;

// The matrix and time-window modes: many runs of the one Simulator (Simulator.cpp), summed up.

Q_DECLARE_LOGGING_CATEGORY(lcFlowSimulator) // defined in Simulator.cpp

namespace handoff::flow {

namespace {
QString tr(const char* text) {
    return QCoreApplication::translate("handoff::flow", text);
}
} // namespace

MatrixReport runMatrix(const Flow& flow, const SimulationContext& context, const Clock& clock,
                       const SimulatedCall& call) {
    MatrixReport report;
    for (telephony::CallOutcome outcome :
         {telephony::CallOutcome::Success, telephony::CallOutcome::Failure, telephony::CallOutcome::Timeout}) {
        for (bool accepted : {true, false}) {
            Simulator simulator(flow, context, clock);
            const Trace trace = simulator.run(call, CallScript{outcome, accepted});
            MatrixRow row;
            row.dataAction = outcome;
            row.transferAccepted = accepted;
            row.end = trace.end;
            row.endActionId = trace.endActionId;
            if (!trace.steps.isEmpty()) {
                row.endTaskId = trace.steps.constLast().taskId;
            }
            for (const TraceStep& s : trace.steps) {
                row.path.append(s.actionId);
            }
            row.diagnostics = trace.diagnostics;
            const QString combination =
                handoff::flow::tr("data action %1, transfer %2")
                    .arg(telephony::callOutcomeName(outcome),
                         accepted ? handoff::flow::tr("accepted") : handoff::flow::tr("refused"));
            if (trace.end == EndState::FlowError || trace.end == EndState::ActionLimit) {
                row.expected = false;
                row.verdict = handoff::flow::tr("ends in %1: Architect's error handling takes the call.")
                                  .arg(endStateKey(trace.end));
            } else if (outcome == telephony::CallOutcome::Success && accepted && trace.end != EndState::Transferred) {
                row.expected = false;
                QString why;
                for (const diagnostics::Diagnostic& d : trace.diagnostics) {
                    if (d.isError()) {
                        why = d.code;
                        break;
                    }
                }
                row.verdict =
                    why.isEmpty()
                        ? handoff::flow::tr("everything succeeded, yet the caller did not reach the agent.")
                        : handoff::flow::tr("everything succeeded, yet the caller did not reach the agent (%1).")
                              .arg(why);
            } else if (outcome != telephony::CallOutcome::Success && trace.end == EndState::Transferred) {
                row.expected = false;
                row.verdict =
                    handoff::flow::tr("transferred without a VoiceCall: Salesforce has no record to link the call to.");
            } else {
                row.verdict = trace.end == EndState::Transferred
                                  ? handoff::flow::tr("reaches the agent.")
                                  : handoff::flow::tr("handled: the caller is told and disconnected.");
            }
            if (!row.expected) {
                report.diagnostics.append(
                    diagnostics::make("FLW046", handoff::flow::tr("With %1: %2").arg(combination, row.verdict),
                                      row.endActionId.isEmpty() ? taskLocation(flow.startTaskId)
                                                                : actionLocation(row.endTaskId, row.endActionId)));
            }
            report.rows.append(std::move(row));
        }
    }
    return report;
}

WindowReport runWindow(const Flow& flow, const SimulationContext& context, const Clock& clock,
                       const WindowOptions& options, const SimulatedCall& callTemplate) {
    WindowReport report;
    const QDateTime start = options.start.isValid() ? options.start : clock.now();
    Simulator simulator(flow, context, clock);
    simulator.setRecordSteps(false);
    const int perHour = qMax(1, options.callsPerHour);
    for (int h = 0; h < options.hours; ++h) {
        WindowHour hour;
        hour.hour = h;
        hour.from = start.addSecs(qint64(h) * 3600);
        for (int i = 0; i < perHour; ++i) {
            SimulatedCall call = callTemplate;
            call.conversationId.clear();
            call.startTime = hour.from.addSecs(qint64(i) * 3600 / perHour);
            const Trace trace = simulator.run(call, CallScript{telephony::CallOutcome::Success, true});
            ++hour.calls;
            if (trace.reachedAgent()) {
                ++hour.transferred;
                continue;
            }
            ++hour.failed;
            QString code = endStateKey(trace.end);
            for (const diagnostics::Diagnostic& d : trace.diagnostics) {
                if (d.isError()) {
                    code = d.code;
                    break;
                }
            }
            hour.reasons[code] += 1;
            if (!report.firstFailure) {
                report.firstFailure = call.startTime;
                report.firstFailingHour = h;
                report.firstFailureCode = code;
            }
        }
        report.calls += hour.calls;
        report.transferred += hour.transferred;
        report.hours.append(hour);
    }
    if (report.firstFailure) {
        // The advice follows the first reason: an expired or replayed token needs a fresher one, anything else
        // (an over-long UUI, a missing VoiceCall) is fixed where its own diagnostic says.
        QString advice;
        if (report.firstFailureCode == u"UUI022"_s || report.firstFailureCode == u"FLW042"_s) {
            advice = handoff::flow::tr(
                "The reused UUI token expired: mint a new one before it expires (at most 24 h apart).");
        } else if (report.firstFailureCode == u"FLW043"_s) {
            advice = handoff::flow::tr(
                "A single-use token (with jti) was used again: mint one per call, or drop jti for a reused "
                "token.");
        } else {
            advice = handoff::flow::tr("Fix that first: it fails every call, whatever the token's age.");
        }
        report.diagnostics.append(diagnostics::make(
            "FLW047",
            handoff::flow::tr("Transfers start failing at hour %1 (%2), %3 of %4 calls fail; first reason %5. %6")
                .arg(*report.firstFailingHour)
                .arg(report.firstFailure->toUTC().toString(Qt::ISODate))
                .arg(report.calls - report.transferred)
                .arg(report.calls)
                .arg(report.firstFailureCode, advice),
            taskLocation(flow.startTaskId)));
    }
    qCDebug(lcFlowSimulator) << "window" << report.calls << "calls," << report.transferred << "transferred";
    return report;
}

} // namespace handoff::flow
