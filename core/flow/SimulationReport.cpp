#include "SimulationReport.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace handoff::flow {

namespace {

QJsonArray diagnosticsJson(const diagnostics::Diagnostics& list) {
    return diagnostics::toJson(list);
}

QJsonObject pairsJson(const QList<std::pair<QString, Value>>& pairs) {
    QJsonObject o;
    for (const auto& [name, value] : pairs) {
        o.insert(name, value.toJson());
    }
    return o;
}

QJsonObject budgetJson(const uui::SipBudget& b) {
    return QJsonObject{{u"jsonBytes"_s, b.jsonBytes},
                       {u"headerLine"_s, QString::fromLatin1(b.headerLine)},
                       {u"headerLineLength"_s, b.headerLineLength},
                       {u"headerValueLength"_s, b.headerValueLength},
                       {u"decodedBytes"_s, b.decodedBytes},
                       {u"limit"_s, b.limit},
                       {u"limitAppliesTo"_s, uui::limitAppliesToKey(b.limitAppliesTo)},
                       {u"measured"_s, b.measured},
                       {u"remaining"_s, b.remaining},
                       {u"fits"_s, b.fits()}};
}

QString outcomeName(telephony::CallOutcome outcome) {
    return telephony::callOutcomeName(outcome);
}

} // namespace

QString endStateKey(EndState state) {
    switch (state) {
    case EndState::Transferred:
        return u"transferred"_s;
    case EndState::Disconnected:
        return u"disconnected"_s;
    case EndState::FlowError:
        return u"flowError"_s;
    case EndState::ActionLimit:
        return u"actionLimit"_s;
    }
    return u"flowError"_s;
}

QString SipInvite::text() const {
    QString out = requestLine + u"\r\n"_s;
    for (const QString& h : headers) {
        out += h + u"\r\n"_s;
    }
    return out + u"\r\n"_s;
}

QJsonObject toJson(const Trace& trace) {
    QJsonArray steps;
    for (const TraceStep& s : trace.steps) {
        QJsonObject o{{u"number"_s, s.number},
                      {u"task"_s, s.taskId},
                      {u"action"_s, s.actionId},
                      {u"name"_s, s.actionName},
                      {u"kind"_s, actionKindKey(s.kind)},
                      {u"path"_s, s.path},
                      {u"note"_s, s.note}};
        if (!s.inputs.isEmpty()) {
            o.insert(u"inputs"_s, pairsJson(s.inputs));
        }
        if (!s.outputs.isEmpty()) {
            o.insert(u"outputs"_s, pairsJson(s.outputs));
        }
        if (!s.changes.isEmpty()) {
            QJsonArray changes;
            for (const VariableChange& c : s.changes) {
                changes.append(QJsonObject{
                    {u"variable"_s, c.name}, {u"before"_s, c.before.toJson()}, {u"after"_s, c.after.toJson()}});
            }
            o.insert(u"changes"_s, changes);
        }
        if (s.uui) {
            QJsonObject u{{u"mode"_s, s.uui->mode == UuiMode::Transfer ? u"transfer"_s : u"disconnect"_s},
                          {u"notSet"_s, s.uui->notSet},
                          {u"cleared"_s, s.uui->cleared}};
            if (!s.uui->json.isEmpty()) {
                u.insert(u"json"_s, QString::fromUtf8(s.uui->json));
                u.insert(u"budget"_s, budgetJson(s.uui->budget));
                QJsonArray ways;
                for (const uui::WayOut& w : s.uui->budget.waysOut) {
                    ways.append(QJsonObject{{u"message"_s, w.message}, {u"saves"_s, w.saves}, {u"fits"_s, w.fits}});
                }
                if (!ways.isEmpty()) {
                    u.insert(u"waysOut"_s, ways);
                }
            }
            o.insert(u"uui"_s, u);
        }
        if (s.invite) {
            o.insert(u"invite"_s, QJsonObject{{u"requestLine"_s, s.invite->requestLine},
                                              {u"headers"_s, QJsonArray::fromStringList(s.invite->headers)},
                                              {u"text"_s, s.invite->text()},
                                              {u"hasUui"_s, s.invite->hasUui},
                                              {u"uuiFits"_s, s.invite->uuiFits},
                                              {u"measured"_s, s.invite->measured},
                                              {u"limit"_s, s.invite->limit}});
        }
        if (s.answer) {
            o.insert(u"answer"_s, QJsonObject{{u"accepted"_s, s.answer->accepted},
                                              {u"sipStatus"_s, s.answer->sipStatus},
                                              {u"reason"_s, s.answer->reason},
                                              {u"warnings"_s, QJsonArray::fromStringList(s.answer->warnings)},
                                              {u"notes"_s, QJsonArray::fromStringList(s.answer->notes)},
                                              {u"sent"_s, QString::fromUtf8(s.answer->sent)},
                                              {u"received"_s, QString::fromUtf8(s.answer->received)}});
        }
        if (!s.diagnostics.isEmpty()) {
            o.insert(u"diagnostics"_s, diagnosticsJson(s.diagnostics));
        }
        steps.append(o);
    }
    QJsonObject root{
        {u"call"_s, QJsonObject{{u"ani"_s, trace.call.ani},
                                {u"dialledNumber"_s, trace.call.dialledNumber},
                                {u"conversationId"_s, trace.call.conversationId},
                                {u"startTime"_s, trace.call.startTime.toUTC().toString(Qt::ISODate)}}},
        {u"steps"_s, steps},
        {u"end"_s, endStateKey(trace.end)},
        {u"endAction"_s, trace.endActionId},
        {u"endTask"_s, trace.steps.isEmpty() ? QString() : trace.steps.constLast().taskId},
        {u"reachedAgent"_s, trace.reachedAgent()},
        {u"actionsRun"_s, trace.actionsRun},
        {u"diagnostics"_s, diagnosticsJson(trace.diagnostics)},
    };
    if (trace.postFlow) {
        root.insert(
            u"postFlow"_s,
            QJsonObject{{u"target"_s, trace.postFlow->target == PostFlowTarget::Caller ? u"Caller"_s : u"Agent"_s},
                        {u"flowType"_s, trace.postFlow->flowType},
                        {u"flowName"_s, trace.postFlow->flowName},
                        {u"invocationData"_s, trace.postFlow->invocationData.toJson()}});
    }
    return root;
}

QJsonObject toJson(const MatrixReport& report) {
    QJsonArray rows;
    for (const MatrixRow& r : report.rows) {
        rows.append(QJsonObject{{u"dataAction"_s, outcomeName(r.dataAction)},
                                {u"transfer"_s, r.transferAccepted ? u"ok"_s : u"fail"_s},
                                {u"end"_s, endStateKey(r.end)},
                                {u"endAction"_s, r.endActionId},
                                {u"path"_s, QJsonArray::fromStringList(r.path)},
                                {u"ok"_s, r.expected},
                                {u"verdict"_s, r.verdict},
                                {u"diagnostics"_s, diagnosticsJson(r.diagnostics)}});
    }
    return QJsonObject{
        {u"rows"_s, rows}, {u"ok"_s, report.ok()}, {u"diagnostics"_s, diagnosticsJson(report.diagnostics)}};
}

QJsonObject toJson(const WindowReport& report) {
    QJsonArray hours;
    for (const WindowHour& h : report.hours) {
        QJsonObject reasons;
        for (auto it = h.reasons.cbegin(); it != h.reasons.cend(); ++it) {
            reasons.insert(it.key(), it.value());
        }
        hours.append(QJsonObject{{u"hour"_s, h.hour},
                                 {u"from"_s, h.from.toUTC().toString(Qt::ISODate)},
                                 {u"calls"_s, h.calls},
                                 {u"transferred"_s, h.transferred},
                                 {u"failed"_s, h.failed},
                                 {u"reasons"_s, reasons}});
    }
    QJsonObject root{{u"calls"_s, report.calls},
                     {u"transferred"_s, report.transferred},
                     {u"hours"_s, hours},
                     {u"ok"_s, report.ok()},
                     {u"diagnostics"_s, diagnosticsJson(report.diagnostics)}};
    root.insert(u"firstFailure"_s, report.firstFailure ? QJsonValue(report.firstFailure->toUTC().toString(Qt::ISODate))
                                                       : QJsonValue(QJsonValue::Null));
    root.insert(u"firstFailingHour"_s,
                report.firstFailingHour ? QJsonValue(*report.firstFailingHour) : QJsonValue(QJsonValue::Null));
    root.insert(u"firstFailureCode"_s, report.firstFailureCode);
    return root;
}

} // namespace handoff::flow
