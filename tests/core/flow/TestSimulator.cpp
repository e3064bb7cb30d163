#include "exports/SetUuiDataExport.h"
#include "flow/FlowTemplates.h"
#include "flow/Simulator.h"
#include "telephony/ScriptedBackend.h"
#include "uui/SipHeaderBudget.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace handoff;
using namespace handoff::flow;
using telephony::CallOutcome;

Q_DECLARE_METATYPE(handoff::telephony::CallOutcome)

namespace {

const QDateTime kStart = QDateTime(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC);

SimulationContext context(uui::UuiEncoding encoding = uui::UuiEncoding::Ascii) {
    SimulationContext c;
    c.uuiTemplate.orgId = u"00D000000000001"_s;
    c.uuiTemplate.scrt2Domain = u"mycompany.my.salesforce-scrt.com"_s;
    c.trunk.encoding = encoding;
    c.trunk.limitAppliesTo = uui::LimitAppliesTo::HeaderLine; // the strict reading these tests were written for
    c.tokens.iss = u"00D000000000001"_s;
    c.tokens.sub = u"scv4cc1"_s;
    c.seed = 42;
    return c;
}

SimulatedCall call() {
    SimulatedCall c;
    c.ani = u"tel:+14155550100"_s;
    c.dialledNumber = u"+18005550100"_s;
    c.startTime = kStart;
    return c;
}

QStringList ids(const Trace& trace) {
    QStringList out;
    for (const TraceStep& s : trace.steps) {
        out.append(s.actionId);
    }
    return out;
}

const TraceStep* stepOf(const Trace& trace, const QString& id) {
    for (const TraceStep& s : trace.steps) {
        if (s.actionId == id) {
            return &s;
        }
    }
    return nullptr;
}

Value valueOf(const QList<std::pair<QString, Value>>& list, const QString& name) {
    for (const auto& [key, value] : list) {
        if (key == name) {
            return value;
        }
    }
    return Value::notSet();
}

QStringList codes(const diagnostics::Diagnostics& list) {
    QStringList out;
    for (const auto& d : list) {
        out.append(d.code);
    }
    return out;
}

} // namespace

class TestSimulator final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void successReachesTheAgent() {
        const FixedClock clock(kStart);
        Simulator simulator(sipTransferTemplate(), context(), clock);
        const Trace trace = simulator.run(call(), CallScript{CallOutcome::Success, true});
        QCOMPARE(trace.end, EndState::Transferred);
        QVERIFY(trace.reachedAgent());
        QCOMPARE(trace.endActionId, u"transfer"_s);
        QCOMPARE(ids(trace), (QStringList{u"transcription"_s, u"recording"_s, u"greeting"_s, u"create-voicecall"_s,
                                          u"voicecall-created"_s, u"post-flow"_s, u"set-uui"_s, u"transfer"_s}));
        QVERIFY2(!diagnostics::hasErrors(trace.diagnostics), qPrintable(codes(trace.diagnostics).join(u',')));

        // The data action: inputs evaluated as the article maps them, output bound to Task.voiceCallId.
        const TraceStep* data = stepOf(trace, u"create-voicecall"_s);
        QVERIFY(data);
        QCOMPARE(data->path, u"success"_s);
        QCOMPARE(valueOf(data->inputs, u"from"_s), Value::string(u"tel:+14155550100"_s));
        QCOMPARE(valueOf(data->inputs, u"to"_s), Value::string(u"+18005550100"_s));
        QCOMPARE(valueOf(data->inputs, u"vendorCallKey"_s), Value::string(trace.call.conversationId));
        QCOMPARE(valueOf(data->outputs, u"voiceCallId"_s), Value::string(telephony::ScriptedBackend::generatedId(1)));
        QCOMPARE(data->changes.size(), 1);
        QCOMPARE(data->changes[0].name, u"Task.voiceCallId"_s);
        QCOMPARE(data->changes[0].before, Value::notSet());

        QCOMPARE(stepOf(trace, u"voicecall-created"_s)->path, u"yes"_s);

        // Set UUI Data: the project's template with the token and the VoiceCall id.
        const TraceStep* set = stepOf(trace, u"set-uui"_s);
        QVERIFY(set && set->uui);
        const QJsonObject uuiJson = QJsonDocument::fromJson(set->uui->json).object();
        QCOMPARE(uuiJson.value(u"callId"_s).toString(), telephony::ScriptedBackend::generatedId(1));
        QCOMPARE(uuiJson.value(u"orgId"_s).toString(), u"00D000000000001"_s);
        QVERIFY(uuiJson.value(u"token"_s).toString().count(u'.') == 2);
        QVERIFY(set->uui->budget.fits());

        // Transfer: the INVITE as sent, with the User-to-User header.
        const TraceStep* transfer = stepOf(trace, u"transfer"_s);
        QVERIFY(transfer && transfer->invite);
        const SipInvite& invite = *transfer->invite;
        QCOMPARE(invite.requestLine, u"INVITE sip:+15550100100@agentforce-voice.invalid;transport=tls SIP/2.0"_s);
        QVERIFY(invite.hasUui);
        QVERIFY(invite.uuiFits);
        QVERIFY(invite.headers.contains(u"To: <sip:+15550100100@agentforce-voice.invalid>"_s));
        QVERIFY(invite.headers.contains(u"From: <sip:+14155550100@genesys-edge.invalid>;tag="_s +
                                        invite.headers[2].section(u"tag="_s, 1)));
        QVERIFY(invite.text().contains(u"\r\nUser-to-User: "_s));
        QVERIFY(invite.text().endsWith(u"Content-Length: 0\r\n\r\n"_s));

        // The post-flow route for the escalation.
        QVERIFY(trace.postFlow);
        QCOMPARE(trace.postFlow->target, PostFlowTarget::Caller);
        QCOMPARE(trace.postFlow->flowName, u"Escalation to Rep"_s);
        QCOMPARE(QJsonDocument::fromJson(trace.postFlow->invocationData.asString().toUtf8())
                     .object()
                     .value(u"voiceCallId"_s)
                     .toString(),
                 telephony::ScriptedBackend::generatedId(1));
    }

    // The INVITE's User-to-User header decodes back to exactly the UUI JSON, for each encoding and PD mode.
    void inviteHeaderDecodesToTheUui_data() {
        QTest::addColumn<uui::UuiEncoding>("encoding");
        QTest::addColumn<uui::PdMode>("pd");
        QTest::newRow("hex prefix") << uui::UuiEncoding::Hex << uui::PdMode::Prefix;
        QTest::newRow("hex param") << uui::UuiEncoding::Hex << uui::PdMode::Parameter;
        QTest::newRow("hex none") << uui::UuiEncoding::Hex << uui::PdMode::None;
        QTest::newRow("ascii none") << uui::UuiEncoding::Ascii << uui::PdMode::None;
    }

    void inviteHeaderDecodesToTheUui() {
        QFETCH(uui::UuiEncoding, encoding);
        QFETCH(uui::PdMode, pd);
        SimulationContext c = context(encoding);
        c.trunk.pdMode = pd;
        c.trunk.limit = 4096; // this test is about the encoding, not the budget
        const FixedClock clock(kStart);
        Simulator simulator(sipTransferTemplate(), c, clock);
        const Trace trace = simulator.run(call(), CallScript{CallOutcome::Success, true});
        QCOMPARE(trace.end, EndState::Transferred);
        const SipInvite& invite = *stepOf(trace, u"transfer"_s)->invite;
        const QByteArray uuiJson = stepOf(trace, u"set-uui"_s)->uui->json;
        QString headerLine;
        for (const QString& h : invite.headers) {
            if (h.startsWith(u"User-to-User: "_s)) {
                headerLine = h;
            }
        }
        QVERIFY(!headerLine.isEmpty());
        const QByteArray value = headerLine.mid(QStringLiteral("User-to-User: ").size()).toLatin1();
        QCOMPARE(value, invite.userToUserValue);
        const auto decoded = uui::decodeHeaderValue(value, c.trunk);
        QVERIFY(decoded.has_value());
        QCOMPARE(*decoded, uuiJson);
        QVERIFY(QJsonDocument::fromJson(*decoded).isObject());
    }

    void outcomes_data() {
        QTest::addColumn<CallOutcome>("outcome");
        QTest::addColumn<bool>("accepted");
        QTest::addColumn<EndState>("end");
        QTest::addColumn<QString>("endAction");
        QTest::addColumn<QString>("dataPath");
        QTest::newRow("success, accepted")
            << CallOutcome::Success << true << EndState::Transferred << u"transfer"_s << u"success"_s;
        QTest::newRow("success, refused") << CallOutcome::Success << false << EndState::Disconnected
                                          << u"transfer-failed-disconnect"_s << u"success"_s;
        QTest::newRow("failure") << CallOutcome::Failure << true << EndState::Disconnected << u"failure-disconnect"_s
                                 << u"failure"_s;
        QTest::newRow("timeout") << CallOutcome::Timeout << true << EndState::Disconnected << u"timeout-disconnect"_s
                                 << u"timeout"_s;
    }

    void outcomes() {
        QFETCH(CallOutcome, outcome);
        QFETCH(bool, accepted);
        QFETCH(EndState, end);
        QFETCH(QString, endAction);
        QFETCH(QString, dataPath);
        const FixedClock clock(kStart);
        Simulator simulator(sipTransferTemplate(), context(), clock);
        const Trace trace = simulator.run(call(), CallScript{outcome, accepted});
        QCOMPARE(trace.end, end);
        QCOMPARE(trace.endActionId, endAction);
        QCOMPARE(stepOf(trace, u"create-voicecall"_s)->path, dataPath);
        if (end != EndState::Transferred) {
            QVERIFY(!trace.postFlow); // the post-flow route only applies after a transfer
        }
        if (!accepted) {
            const TraceStep* transfer = stepOf(trace, u"transfer"_s);
            QCOMPARE(transfer->path, u"failure"_s);
            QCOMPARE(valueOf(transfer->outputs, u"errorType"_s), Value::string(u"transfer.refused"_s));
            QVERIFY(codes(trace.diagnostics).contains(u"FLW048"_s));
            QVERIFY(!diagnostics::hasErrors(trace.diagnostics));
        }
        if (outcome != CallOutcome::Success) {
            QVERIFY(!stepOf(trace, u"transfer"_s));
            QVERIFY(!stepOf(trace, u"set-uui"_s));
        }
    }

    // The default trunk (hex, 1,024 on the header line) cannot carry a 2048-bit token's UUI: the transfer fails.
    void hexUuiDoesNotFit() {
        const FixedClock clock(kStart);
        Simulator simulator(sipTransferTemplate(), context(uui::UuiEncoding::Hex), clock);
        const Trace trace = simulator.run(call(), CallScript{CallOutcome::Success, true});
        QCOMPARE(trace.end, EndState::Disconnected);
        QVERIFY(codes(trace.diagnostics).contains(u"FLW041"_s));
        const SipInvite& invite = *stepOf(trace, u"transfer"_s)->invite;
        QVERIFY(!invite.uuiFits);
        QVERIFY(invite.measured > 1024);
        QVERIFY(!stepOf(trace, u"set-uui"_s)->uui->budget.waysOut.isEmpty());
    }

    void deterministic() {
        const FixedClock clock(kStart);
        Simulator a(sipTransferTemplate(), context(), clock);
        Simulator b(sipTransferTemplate(), context(), clock);
        const Trace ta = a.run(call());
        const Trace tb = b.run(call());
        QCOMPARE(ta.call.conversationId, tb.call.conversationId);
        QCOMPARE(stepOf(ta, u"transfer"_s)->invite->text(), stepOf(tb, u"transfer"_s)->invite->text());
        SimulationContext other = context();
        other.seed = 43;
        Simulator c(sipTransferTemplate(), other, clock);
        const Trace tc = c.run(call());
        QVERIFY(tc.call.conversationId != ta.call.conversationId);
        QVERIFY(stepOf(tc, u"set-uui"_s)->uui->json != stepOf(ta, u"set-uui"_s)->uui->json);
        // The call's start time comes from the clock when not given.
        SimulatedCall untimed = call();
        untimed.startTime = {};
        QCOMPARE(a.run(untimed).call.startTime, kStart);
    }

    void backendAnswersWhenNotScripted() {
        const FixedClock clock(kStart);
        telephony::ScriptedBackend backend;
        backend.enqueue(telephony::ScriptedBackend::Step::success(u"0LQRM0000006CSz"_s));
        Simulator simulator(sipTransferTemplate(), context(), clock);
        const Trace trace = simulator.run(call(), {}, &backend);
        QCOMPARE(trace.end, EndState::Transferred);
        QCOMPARE(backend.requests().size(), 1);
        const telephony::VoiceCallRequest& request = backend.requests().constFirst();
        QCOMPARE(request.from, u"tel:+14155550100"_s);
        QCOMPARE(request.to, u"+18005550100"_s);
        QCOMPARE(request.vendorCallKey, trace.call.conversationId);
        QCOMPARE(request.callCenterApiName, u"scv4cc1"_s);
        QCOMPARE(request.callAttributes.size(), 1);
        QCOMPARE(request.callAttributes[0].field, u"Department__c"_s);
        QCOMPARE(request.startTime, kStart);
        QCOMPARE(QJsonDocument::fromJson(stepOf(trace, u"set-uui"_s)->uui->json).object().value(u"callId"_s),
                 QJsonValue(u"0LQRM0000006CSz"_s));
    }

    void expressionSourceUui() {
        Flow flow = sipTransferTemplate();
        SetUuiDataProps* uui = flow.find(u"set-uui"_s)->as<SetUuiDataProps>();
        uui->source = UuiSource::Expression;
        uui->expression = u"Append(\"{\\\"token\\\":\\\"\", Flow.uuiToken, \"\\\",\\\"callId\\\":\\\"\", "
                          "Task.voiceCallId, \"\\\"}\")"_s;
        const FixedClock clock(kStart);
        Simulator simulator(flow, context(), clock);
        const Trace trace = simulator.run(call());
        QCOMPARE(trace.end, EndState::Transferred);
        const QJsonObject o = QJsonDocument::fromJson(stepOf(trace, u"set-uui"_s)->uui->json).object();
        QCOMPARE(o.value(u"callId"_s).toString(), telephony::ScriptedBackend::generatedId(1));
        QCOMPARE(o.keys(), (QStringList{u"callId"_s, u"token"_s}));
    }

    // The Set UUI Data expression hs/uui exports for the project, pasted into the flow, sends exactly the UUI the
    // project's template composes.
    void exportedExpressionMatchesTheTemplate() {
        const FixedClock clock(kStart);
        const SimulationContext c = context();
        Simulator byTemplate(sipTransferTemplate(), c, clock);
        const Trace a = byTemplate.run(call());
        const QByteArray expected = stepOf(a, u"set-uui"_s)->uui->json;

        uui::UuiModel model = c.uuiTemplate;
        model.token = u"placeholder"_s;
        model.callId = u"placeholder"_s;
        const exports::SetUuiDataExport exported = exports::exportSetUuiData(model, exports::ExportBindings{});
        QVERIFY(!exported.expression.isEmpty());
        Flow flow = sipTransferTemplate();
        SetUuiDataProps* uui = flow.find(u"set-uui"_s)->as<SetUuiDataProps>();
        uui->source = UuiSource::Expression;
        uui->expression = exported.expression;
        Simulator byExpression(flow, c, clock);
        const Trace b = byExpression.run(call());
        QCOMPARE(b.end, EndState::Transferred);
        QCOMPARE(stepOf(b, u"set-uui"_s)->uui->json, expected);
    }

    void noUuiMeansNoTransfer() {
        Flow flow = sipTransferTemplate();
        flow.find(u"set-uui"_s)->as<SetUuiDataProps>()->mode = UuiMode::Disconnect;
        const FixedClock clock(kStart);
        Simulator simulator(flow, context(), clock);
        const Trace trace = simulator.run(call());
        QCOMPARE(trace.end, EndState::Disconnected);
        QVERIFY(codes(trace.diagnostics).contains(u"FLW044"_s));
        QVERIFY(!stepOf(trace, u"transfer"_s)->invite->hasUui);
    }

    void unsupportedFunctionStopsHonestly() {
        Flow flow = sipTransferTemplate();
        flow.find(u"voicecall-created"_s)->as<DecisionProps>()->condition = u"Length(Task.voiceCallId) > 0"_s;
        const FixedClock clock(kStart);
        Simulator simulator(flow, context(), clock);
        const Trace trace = simulator.run(call());
        QCOMPARE(trace.end, EndState::FlowError);
        QCOMPARE(trace.endActionId, u"voicecall-created"_s);
        QVERIFY(codes(trace.diagnostics).contains(u"FLW002"_s));
        QVERIFY(codes(trace.diagnostics).contains(u"FLW040"_s));
    }

    void endlessLoopHitsTheActionLimit() {
        Flow flow = sipTransferTemplate();
        flow.find(u"failure-disconnect"_s)->props = JumpProps{u"failure-audio"_s};
        const FixedClock clock(kStart);
        Simulator simulator(flow, context(), clock);
        simulator.setRecordSteps(false);
        const Trace trace = simulator.run(call(), CallScript{CallOutcome::Failure, true});
        QCOMPARE(trace.end, EndState::ActionLimit);
        QCOMPARE(trace.actionsRun, qsizetype(Flow::kActionLimit));
        QVERIFY(codes(trace.diagnostics).contains(u"FLW045"_s));
        QVERIFY(trace.steps.isEmpty());
    }

    void matrixCoversEveryCombination() {
        const FixedClock clock(kStart);
        const Flow flow = sipTransferTemplate();
        const MatrixReport report = runMatrix(flow, context(), clock, call());
        QCOMPARE(report.rows.size(), 6);
        QVERIFY(report.ok());
        QSet<QString> visited;
        QSet<QString> ends;
        for (const MatrixRow& row : report.rows) {
            QVERIFY2(row.expected, qPrintable(row.verdict));
            for (const QString& id : row.path) {
                visited.insert(id);
            }
            ends.insert(row.endActionId);
        }
        QCOMPARE(ends, (QSet<QString>{u"transfer"_s, u"transfer-failed-disconnect"_s, u"failure-disconnect"_s,
                                      u"timeout-disconnect"_s}));
        // Every action is on some path, except the Decision's "no" jump: a successful data action always returns
        // an id in the simulator.
        for (const Action& a : flow.actions) {
            if (a.id != u"no-id-jump"_s) {
                QVERIFY2(visited.contains(a.id), qPrintable(a.id));
            }
        }
        QCOMPARE(report.rows[0].end, EndState::Transferred);
        QCOMPARE(report.rows[1].end, EndState::Disconnected);
    }

    void matrixFindsBadPaths() {
        Flow flow = sipTransferTemplate();
        flow.find(u"create-voicecall"_s)->next.remove(u"timeout"_s);
        const FixedClock clock(kStart);
        const MatrixReport report = runMatrix(flow, context(), clock, call());
        QVERIFY(!report.ok());
        int bad = 0;
        for (const MatrixRow& row : report.rows) {
            if (!row.expected) {
                ++bad;
                QCOMPARE(row.dataAction, CallOutcome::Timeout);
                QCOMPARE(row.end, EndState::FlowError);
            }
        }
        QCOMPARE(bad, 2);
        QCOMPARE(codes(report.diagnostics), (QStringList{u"FLW046"_s, u"FLW046"_s}));
        // And with the default hex trunk, the all-success combination does not reach the agent.
        const MatrixReport hex = runMatrix(sipTransferTemplate(), context(uui::UuiEncoding::Hex), clock, call());
        QVERIFY(!hex.ok());
        QVERIFY(!hex.rows[0].expected);
        QVERIFY(hex.rows[0].verdict.contains(u"FLW041"_s));
    }

    void windowFindsTheExpiryHour() {
        const FixedClock clock(kStart);
        WindowOptions options;
        options.start = kStart;
        options.hours = 48;
        options.callsPerHour = 4;
        const WindowReport report = runWindow(sipTransferTemplate(), context(), clock, options, call());
        QCOMPARE(report.calls, 48 * 4);
        QVERIFY(report.firstFailingHour.has_value());
        QCOMPARE(*report.firstFailingHour, 24);
        QCOMPARE(*report.firstFailure, kStart.addSecs(24 * 3600));
        QCOMPARE(report.firstFailureCode, u"FLW042"_s);
        QCOMPARE(report.transferred, 24 * 4);
        for (const WindowHour& hour : report.hours) {
            QCOMPARE(hour.transferred, hour.hour < 24 ? 4 : 0);
        }
        QCOMPARE(codes(report.diagnostics), QStringList{u"FLW047"_s});
        QVERIFY(report.diagnostics[0].message.contains(u"expired"_s));
        QVERIFY(!report.ok());
    }

    // When every call fails for another reason (here a UUI too long for a hex trunk), the window says so from hour
    // 0 and does not blame the token's age.
    void windowBlamesTheRealFirstReason() {
        const FixedClock clock(kStart);
        WindowOptions options;
        options.start = kStart;
        options.hours = 4;
        options.callsPerHour = 2;
        const WindowReport report =
            runWindow(sipTransferTemplate(), context(uui::UuiEncoding::Hex), clock, options, call());
        QCOMPARE(report.transferred, 0);
        QCOMPARE(*report.firstFailingHour, 0);
        QCOMPARE(report.firstFailureCode, u"FLW041"_s);
        QCOMPARE(codes(report.diagnostics), QStringList{u"FLW047"_s});
        QVERIFY(report.diagnostics[0].message.contains(u"FLW041"_s));
        QVERIFY(!report.diagnostics[0].message.contains(u"expire"_s));
    }

    void windowWithAShorterTokenOrRefresh() {
        const FixedClock clock(kStart);
        WindowOptions options;
        options.start = kStart;
        options.hours = 48;
        options.callsPerHour = 2;
        SimulationContext c = context();
        // A token issued two hours before the window, valid 8 h: fails from hour 6.
        c.tokens.issuedAt = kStart.addSecs(-2 * 3600);
        c.tokens.ttlSeconds = 8 * 3600;
        QCOMPARE(*runWindow(sipTransferTemplate(), c, clock, options, call()).firstFailingHour, 6);
        // Minted again every 12 h: never fails.
        c.tokens.issuedAt = {};
        c.tokens.ttlSeconds = 24 * 3600;
        c.tokens.refreshSeconds = 12 * 3600;
        const WindowReport refreshed = runWindow(sipTransferTemplate(), c, clock, options, call());
        QVERIFY(!refreshed.firstFailure);
        QVERIFY(refreshed.ok());
        QCOMPARE(refreshed.transferred, 96);
        // One per call: never fails.
        c.tokens.refreshSeconds = 0;
        c.tokens.mode = TokenSupply::Mode::PerCall;
        QVERIFY(runWindow(sipTransferTemplate(), c, clock, options, call()).ok());
    }

    void reusedSingleUseTokenFailsOnTheSecondCall() {
        const FixedClock clock(kStart);
        WindowOptions options;
        options.start = kStart;
        options.hours = 2;
        options.callsPerHour = 3;
        SimulationContext c = context();
        c.tokens.jti = true;
        const WindowReport report = runWindow(sipTransferTemplate(), c, clock, options, call());
        QCOMPARE(report.transferred, 1);
        QCOMPARE(report.firstFailureCode, u"FLW043"_s);
        QVERIFY(report.diagnostics.value(0).message.contains(u"jti"_s));
        QCOMPARE(*report.firstFailure, kStart.addSecs(1200));
        // With jti, minting per call works.
        c.tokens.mode = TokenSupply::Mode::PerCall;
        QCOMPARE(runWindow(sipTransferTemplate(), c, clock, options, call()).transferred, 6);
    }

    void standInTokenHasTheRealShape() {
        TokenSupply supply;
        supply.iss = u"00D000000000001"_s;
        supply.sub = u"scv4cc1"_s;
        const QByteArray token = standInToken(1756767613, 1756854013, supply, 7);
        const QList<QByteArray> parts = token.split('.');
        QCOMPARE(parts.size(), 3);
        QCOMPARE(QByteArray::fromBase64(parts[0], QByteArray::Base64UrlEncoding),
                 QByteArray(R"({"alg":"RS256","typ":"JWT"})"));
        const QJsonObject claims =
            QJsonDocument::fromJson(QByteArray::fromBase64(parts[1], QByteArray::Base64UrlEncoding)).object();
        QCOMPARE(claims.value(u"exp"_s).toInteger(), 1756854013);
        QCOMPARE(claims.value(u"sub"_s).toString(), u"scv4cc1"_s);
        QVERIFY(!claims.contains(u"jti"_s));
        QCOMPARE(parts[2].size(), 342); // 256 bytes of a 2048-bit RS256 signature, base64url
        QCOMPARE(standInToken(1756767613, 1756854013, supply, 7), token);
    }
};

QTEST_GUILESS_MAIN(TestSimulator)
#include "TestSimulator.moc"
