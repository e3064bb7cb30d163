#include "exports/SetUuiDataExport.h"
#include "flow/FlowEdit.h"
#include "flow/FlowTemplates.h"
#include "flow/Simulator.h"
#include "jwt/Jwt.h"
#include "project/Composition.h"
#include "project/SimulationSetup.h"
#include "salesforce/SalesforceId.h"
#include "telephony/ScriptedBackend.h"
#include "uui/SipHeaderBudget.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace handoff;
using namespace handoff::flow;
using telephony::CallOutcome;

using Mutation = std::function<void(Flow&)>;
Q_DECLARE_METATYPE(Mutation)

Q_DECLARE_METATYPE(handoff::telephony::CallOutcome)

namespace {

const QDateTime kStart = QDateTime(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC);

// The org of the template's defaults, a hex trunk (what Salesforce requires) and the limit read on the decoded data
// (docs/uui-budget.md).
SimulationContext context(uui::LimitAppliesTo appliesTo = uui::LimitAppliesTo::DecodedData) {
    SimulationContext c;
    c.org.orgId = u"00D000000000001"_s;
    c.org.scrt2Domain = u"mycompany.my.salesforce-scrt.com"_s;
    c.org.callCenterApiName = u"scv4cc1"_s;
    c.org.customerType = salesforce::CustomerType::VoiceWithTelephonyProviders;
    c.uuiTemplate.orgId = c.org.orgId;
    c.uuiTemplate.scrt2Domain = c.org.scrt2Domain;
    c.trunk.encoding = uui::UuiEncoding::Hex;
    c.trunk.limitAppliesTo = appliesTo;
    c.tokens.iss = c.org.orgId;
    c.tokens.sub = u"scv4cc1"_s;
    c.seed = 42;
    return c;
}

// The article's way: a UUI token pasted into the flow (Flow.uuiToken) and reused until it expires.
Flow pastedTokenTemplate() {
    TemplateOptions options;
    options.tokenFromFunction = false;
    return sipTransferTemplate(options);
}

QString id18(const QString& id15) {
    return salesforce::SalesforceId::parse(id15)->id18();
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

// A backend that, while it answers, runs another call through the same simulator (as a backend's event loop could
// lead back into it), then answers as the scripted backend does.
class ReenteringBackend final : public telephony::VoiceCallsBackend {
public:
    Simulator* simulator = nullptr;
    std::optional<Trace> inner;
    telephony::VoiceCallsReply* createVoiceCall(const telephony::VoiceCallRequest& request,
                                                QObject* parent = nullptr) override {
        if (simulator && !inner) {
            SimulatedCall other = call();
            other.ani = u"tel:+14155550199"_s;
            inner = simulator->run(other, CallScript{CallOutcome::Success, true});
        }
        return m_scripted.createVoiceCall(request, parent);
    }
    QString describe() const override { return m_scripted.describe(); }
    ReenteringBackend() { m_scripted.enqueue(telephony::ScriptedBackend::Step::success(u"0LQRM0000006CSz"_s)); }

private:
    telephony::ScriptedBackend m_scripted;
};

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
        QCOMPARE(stepOf(trace, u"transfer"_s)->taskId, u"main"_s);

        // The data action: inputs evaluated as the article maps them; the function's outputs bound to variables:
        // the 18-character id of the 15 the API returns, and a UUI token minted for this call.
        const TraceStep* data = stepOf(trace, u"create-voicecall"_s);
        QVERIFY(data);
        QCOMPARE(data->path, u"success"_s);
        QCOMPARE(valueOf(data->inputs, u"from"_s), Value::string(u"tel:+14155550100"_s));
        QCOMPARE(valueOf(data->inputs, u"to"_s), Value::string(u"+18005550100"_s));
        QCOMPARE(valueOf(data->inputs, u"vendorCallKey"_s), Value::string(trace.call.conversationId));
        const QString id = id18(telephony::ScriptedBackend::generatedId(1));
        QCOMPARE(id.size(), 18);
        QCOMPARE(valueOf(data->outputs, u"voiceCallId"_s), Value::string(id));
        const QString token = valueOf(data->outputs, u"uuiToken"_s).asString();
        const auto decoded = jwt::decode(token.toLatin1());
        QVERIFY(decoded.has_value());
        QCOMPARE(decoded->claims.intClaim(u"iat"_s), kStart.toSecsSinceEpoch());
        QCOMPARE(decoded->claims.intClaim(u"exp"_s), kStart.toSecsSinceEpoch() + 24 * 3600);
        QCOMPARE(decoded->claims.stringClaim(u"iss"_s), u"00D000000000001"_s);
        QCOMPARE(decoded->claims.stringClaim(u"sub"_s), u"scv4cc1"_s);
        QCOMPARE(data->changes.size(), 2);
        QCOMPARE(data->changes[0].name, u"Task.voiceCallId"_s);
        QCOMPARE(data->changes[1].name, u"Task.uuiToken"_s);

        QCOMPARE(stepOf(trace, u"voicecall-created"_s)->path, u"yes"_s);

        // Set UUI Data: the project's template with the minted token and the 18-character VoiceCall id.
        const TraceStep* set = stepOf(trace, u"set-uui"_s);
        QVERIFY(set && set->uui);
        const QJsonObject uuiJson = QJsonDocument::fromJson(set->uui->json).object();
        QCOMPARE(uuiJson.value(u"callId"_s).toString(), id);
        QCOMPARE(uuiJson.value(u"token"_s).toString(), token);
        QCOMPARE(uuiJson.value(u"orgId"_s).toString(), u"00D000000000001"_s);
        QVERIFY(set->uui->budget.fits());
        QVERIFY(!set->uui->hasErrors);

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
        QVERIFY(invite.text().contains(u"\r\nUser-to-User: 04"_s)); // hex, PD octet first
        QVERIFY(invite.text().endsWith(u"Content-Length: 0\r\n\r\n"_s));

        // The post-flow route for the escalation.
        QVERIFY(trace.postFlow);
        QCOMPARE(trace.postFlow->target, PostFlowTarget::Caller);
        QCOMPARE(trace.postFlow->flowName, u"Escalation to Rep"_s);
        QCOMPARE(QJsonDocument::fromJson(trace.postFlow->invocationData.asString().toUtf8())
                     .object()
                     .value(u"voiceCallId"_s)
                     .toString(),
                 id);
    }

    // The function's rules, the same ones the exported function restates in JavaScript: 15 -> 18, an 18-character
    // id unchanged, a fresh token per call, `errors` as a string is a warning.
    void dataActionFunction_data() {
        QTest::addColumn<QString>("returned");
        QTest::addColumn<QString>("expected");
        QTest::newRow("15 characters (the API's form)") << u"0LQRM0000006CSz"_s << u"0LQRM0000006CSz4AM"_s;
        QTest::newRow("18 characters pass unchanged") << u"0LQRM0000006CSz4AM"_s << u"0LQRM0000006CSz4AM"_s;
    }

    void dataActionFunction() {
        QFETCH(QString, returned);
        QFETCH(QString, expected);
        // Worked by hand: 0LQRM -> bits 01111 -> 30 -> '4'; 00000 -> 'A'; 06CSz -> 00110 -> 12 -> 'M'.
        QCOMPARE(id18(u"0LQRM0000006CSz"_s), u"0LQRM0000006CSz4AM"_s);
        telephony::VoiceCallResult result;
        result.outcome = CallOutcome::Success;
        result.voiceCallId = returned;
        result.errors = {u"Department__c: bad value"_s};
        result.errorsWasString = true;
        TokenSupply supply;
        supply.iss = u"00D000000000001"_s;
        const FunctionOutputs a = flow::dataActionFunction(result, {}, supply, 1000, 1);
        const FunctionOutputs b = flow::dataActionFunction(result, {}, supply, 1000, 2);
        QCOMPARE(a.voiceCallId, expected);
        QCOMPARE(a.warning, u"Department__c: bad value"_s);
        // RS256 is deterministic: the same claims in the same second give the same token, as the exported
        // function's crypto.sign does; another second or a jti gives another.
        QCOMPARE(a.uuiToken, b.uuiToken);
        QVERIFY(flow::dataActionFunction(result, {}, supply, 1001, 1).uuiToken != a.uuiToken);
        TokenSupply withJti = supply;
        withJti.jti = true;
        QVERIFY(flow::dataActionFunction(result, {}, withJti, 1000, 1).uuiToken !=
                flow::dataActionFunction(result, {}, withJti, 1000, 2).uuiToken);
        FunctionInputs inputs;
        inputs.salesforceOrgId = u"00D5g000004XyZ1"_s;
        const auto decoded = jwt::decode(flow::dataActionFunction(result, inputs, supply, 1000, 1).uuiToken.toLatin1());
        QCOMPARE(decoded->claims.stringClaim(u"iss"_s), u"00D5g000004XyZ1"_s); // the function signs for its input
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
        SimulationContext c = context();
        c.trunk.encoding = encoding;
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
        QTest::newRow("timeout") << CallOutcome::Timeout << true << EndState::Disconnected << u"failure-disconnect"_s
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
            // The jump to the reusable task, then its actions.
            QCOMPARE(stepOf(trace, outcome == CallOutcome::Failure ? u"failure-jump"_s : u"timeout-jump"_s)->path,
                     u"jump"_s);
            QCOMPARE(stepOf(trace, u"failure-audio"_s)->taskId, u"failure-handling"_s);
        }
    }

    // Under the decoded-data reading (the default) the UUI fits; read on the header line it cannot, and the
    // transfer is taken to fail.
    void limitReadings() {
        const FixedClock clock(kStart);
        Simulator decoded(sipTransferTemplate(), context(), clock);
        const Trace fits = decoded.run(call(), CallScript{CallOutcome::Success, true});
        QCOMPARE(fits.end, EndState::Transferred);
        const uui::SipBudget& budget = stepOf(fits, u"set-uui"_s)->uui->budget;
        QCOMPARE(budget.measured, budget.decodedBytes);
        QVERIFY(budget.headerLineLength > 1024); // the header is longer than 1,024, the data is not

        Simulator line(sipTransferTemplate(), context(uui::LimitAppliesTo::HeaderLine), clock);
        const Trace trace = line.run(call(), CallScript{CallOutcome::Success, true});
        QCOMPARE(trace.end, EndState::Disconnected);
        QVERIFY(codes(trace.diagnostics).contains(u"FLW041"_s));
        const SipInvite& invite = *stepOf(trace, u"transfer"_s)->invite;
        QVERIFY(!invite.uuiFits);
        QCOMPARE(invite.measured, budget.headerLineLength);
    }

    // The UUI composed at Set UUI Data goes through the rules `handoff uui compose` applies, with the same codes.
    void uuiRulesOfCore_data() {
        QTest::addColumn<Mutation>("change");
        QTest::addColumn<QString>("code");
        QTest::newRow("15-character callId") << Mutation([](Flow& f) {
            // The raw API output bound instead of the function's: a 15-character id reaches the UUI.
            f.find(u"set-uui"_s)->as<SetUuiDataProps>()->callIdVariable = u"Flow.rawId"_s;
            f.variables.append({u"Flow.rawId"_s, ValueType::String, Value::string(u"0LQRM0000006CSz"_s), {}, {}, {}});
        }) << u"UUI025"_s;
        QTest::newRow("no org settings") << Mutation([](Flow&) {}) << u"UUI013"_s;
    }

    void uuiRulesOfCore() {
        QFETCH(Mutation, change);
        QFETCH(QString, code);
        Flow flow = sipTransferTemplate();
        change(flow);
        SimulationContext c = context();
        if (code == u"UUI013"_s) {
            c.uuiTemplate.scrt2Domain.clear(); // a template with no org settings yet
        }
        const FixedClock clock(kStart);
        Simulator simulator(flow, c, clock);
        const Trace trace = simulator.run(call(), CallScript{CallOutcome::Success, true});
        QVERIFY2(codes(trace.diagnostics).contains(code), qPrintable(codes(trace.diagnostics).join(u',')));
        QVERIFY(codes(trace.diagnostics).contains(u"FLW049"_s));
        QCOMPARE(trace.end, EndState::Disconnected); // Salesforce is taken to refuse it
        QCOMPARE(valueOf(stepOf(trace, u"transfer"_s)->outputs, u"errorType"_s), Value::string(u"uui.invalid"_s));
        for (const diagnostics::Diagnostic& d : trace.diagnostics) {
            if (d.code == code) {
                QCOMPARE(d.where.actionId, u"set-uui"_s);
                QCOMPARE(d.where.taskId, u"main"_s);
            }
        }
    }

    // The same UUI, checked by the simulator and by the project's composition (what `handoff uui compose` runs):
    // the same codes.
    void sameCodesAsUuiCompose() {
        project::Project p = project::Project::defaults();
        p.org.orgId = u"00D5g000004XyZ1"_s;
        p.org.scrt2Domain = u"acme-voice.my.salesforce-scrt.com"_s;
        p.org.callCenterApiName = u"acme_agentforce"_s;
        p.uui.transactionId = u"order-1"_s;
        TemplateOptions options;
        options.salesforceOrgId = p.org.orgId;
        options.callCenterApiName = p.org.callCenterApiName;
        Flow flow = sipTransferTemplate(options);
        flow.find(u"set-uui"_s)->as<SetUuiDataProps>()->callIdVariable = u"Flow.rawId"_s;
        flow.variables.append({u"Flow.rawId"_s, ValueType::String, Value::string(u"0LQRM0000006CSz"_s), {}, {}, {}});
        const FixedClock clock(kStart);
        Simulator simulator(flow, project::simulationContext(p), clock);
        const Trace trace = simulator.run(call(), CallScript{CallOutcome::Success, true});
        const TraceStep* set = stepOf(trace, u"set-uui"_s);
        const QJsonObject sent = QJsonDocument::fromJson(set->uui->json).object();

        project::Project same = p;
        same.uui.callId = sent.value(u"callId"_s).toString();
        const project::Composition c =
            project::composeWithToken(same, sent.value(u"token"_s).toString().toLatin1(), clock);
        QCOMPARE(c.uui.json, set->uui->json);
        QStringList composed;
        for (const diagnostics::Diagnostic& d : c.lintDiagnostics + c.claimDiagnostics + c.budgetDiagnostics) {
            composed.append(d.code);
        }
        QStringList simulated = codes(set->diagnostics);
        composed.sort();
        simulated.sort();
        QVERIFY2(simulated == composed, qPrintable(simulated.join(u',') + u" vs "_s + composed.join(u',')));
        QVERIFY(simulated.contains(u"UUI025"_s));
        QVERIFY(simulated.contains(u"UUI032"_s)); // the SCV customer type's callId conflict, as compose says it

        // The template's flow variables name another org than the project: the minted token's iss disagrees with
        // orgId, and the simulation says so with the codes the claim rules use.
        Simulator other(sipTransferTemplate(), project::simulationContext(p), clock);
        const QStringList found = codes(other.run(call(), CallScript{CallOutcome::Success, true}).diagnostics);
        QVERIFY2(found.contains(u"UUI021"_s) && found.contains(u"JWT015"_s), qPrintable(found.join(u',')));
    }

    // Calls that reuse the last call's UUI checks report what a first call reports: the same codes, located at the
    // Set UUI Data action, with and without a trace; and the new findings once the pasted token has expired.
    void repeatedCallsReportWhatAFirstCallReports() {
        SimulationContext c = context();
        c.uuiTemplate.scrt2Domain.clear(); // a template without its org settings: UUI findings on every call
        const FixedClock clock(kStart);
        const auto located = [](const Trace& t) {
            QStringList out;
            for (const diagnostics::Diagnostic& d : t.diagnostics) {
                out.append(d.code + u'@' + d.where.actionId);
            }
            return out;
        };
        Simulator fresh(pastedTokenTemplate(), c, clock);
        fresh.setRecordSteps(false);
        const QStringList first = located(fresh.run(call()));
        QVERIFY2(first.contains(u"UUI013@set-uui"_s), qPrintable(first.join(u',')));
        telephony::ScriptedBackend backend;
        Simulator repeated(pastedTokenTemplate(), c, clock);
        repeated.setRecordSteps(false);
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(located(repeated.run(call(), {}, &backend)), first);
        }
        repeated.setRecordSteps(true);
        const Trace traced = repeated.run(call(), {}, &backend);
        QCOMPARE(located(traced), first);
        QCOMPARE(codes(stepOf(traced, u"set-uui"_s)->diagnostics).size(),
                 first.filter(QRegularExpression(u"@set-uui$"_s)).size());
        repeated.setRecordSteps(false);
        // Two days on, the same pasted token has expired: UUI022 joins the findings.
        SimulatedCall later = call();
        later.startTime = kStart.addDays(2);
        const QStringList expired = located(repeated.run(later, {}, &backend));
        QVERIFY2(expired.contains(u"UUI022@set-uui"_s), qPrintable(expired.join(u',')));
        QCOMPARE(located(repeated.run(call(), {}, &backend)), first);
    }

    // A call run while another waits for its data action has variables of its own: neither sees the other's.
    void aCallRunDuringAnotherKeepsItsOwnVariables() {
        const FixedClock clock(kStart);
        Simulator simulator(sipTransferTemplate(), context(), clock);
        ReenteringBackend backend;
        backend.simulator = &simulator;
        const Trace outer = simulator.run(call(), {}, &backend);
        QVERIFY(backend.inner.has_value());
        QVERIFY(outer.reachedAgent());
        QVERIFY(backend.inner->reachedAgent());
        const auto fromOf = [](const Trace& t) {
            const TraceStep* data = stepOf(t, u"create-voicecall"_s);
            for (const auto& [name, value] : data->inputs) {
                if (name == u"from"_s) {
                    return value.toDisplay();
                }
            }
            return QString();
        };
        QVERIFY2(fromOf(outer).contains(u"+14155550100"_s), qPrintable(fromOf(outer)));
        QVERIFY2(fromOf(backend.inner.value()).contains(u"+14155550199"_s), qPrintable(fromOf(backend.inner.value())));
        // The outer call's variables are its own: Task.voiceCallId was NOT_SET before its data action answered,
        // though the inner call had set it in its scope meanwhile.
        const TraceStep* created = stepOf(outer, u"create-voicecall"_s);
        const auto change = std::find_if(created->changes.cbegin(), created->changes.cend(),
                                         [](const VariableChange& ch) { return ch.name == u"Task.voiceCallId"_s; });
        QVERIFY(change != created->changes.cend());
        QVERIFY2(!change->before.isSet(), qPrintable(change->before.toDisplay()));
        QVERIFY(stepOf(*backend.inner, u"set-uui"_s)->uui->json.contains(id18(u"0LQSC0000000001"_s).toLatin1()));
        QCOMPARE(codes(outer.diagnostics),
                 codes(Simulator(sipTransferTemplate(), context(), clock).run(call()).diagnostics));
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
        // The seed is not a key: the function's token, signed like RS256 from the same claims, is the same.
        QCOMPARE(stepOf(tc, u"set-uui"_s)->uui->json, stepOf(ta, u"set-uui"_s)->uui->json);
        QVERIFY(stepOf(tc, u"transfer"_s)->invite->text() != stepOf(ta, u"transfer"_s)->invite->text());
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
        const telephony::VoiceCallRequest request = backend.requests().constFirst();
        QCOMPARE(request.from, u"tel:+14155550100"_s);
        QCOMPARE(request.to, u"+18005550100"_s);
        QCOMPARE(request.vendorCallKey, trace.call.conversationId);
        QCOMPARE(request.callCenterApiName, u"scv4cc1"_s);
        QCOMPARE(request.callAttributes.size(), 1);
        QCOMPARE(request.callAttributes[0].field, u"Department__c"_s);
        QCOMPARE(request.startTime, kStart);
        // The emulator or an org answers as the raw API (15 characters); the simulator converts as the function does.
        QCOMPARE(QJsonDocument::fromJson(stepOf(trace, u"set-uui"_s)->uui->json).object().value(u"callId"_s),
                 QJsonValue(u"0LQRM0000006CSz4AM"_s));
    }

    void expressionSourceUui() {
        Flow flow = sipTransferTemplate();
        SetUuiDataProps* uui = flow.find(u"set-uui"_s)->as<SetUuiDataProps>();
        uui->source = UuiSource::Expression;
        uui->expression =
            u"Append(\"{\\\"scrt2Domain\\\":\\\"mycompany.my.salesforce-scrt.com\\\",\\\"token\\\":\\\"\", "
            "Task.uuiToken, \"\\\",\\\"callId\\\":\\\"\", Task.voiceCallId, \"\\\"}\")"_s;
        const FixedClock clock(kStart);
        Simulator simulator(flow, context(), clock);
        const Trace trace = simulator.run(call());
        QVERIFY2(trace.end == EndState::Transferred, qPrintable(codes(trace.diagnostics).join(u',')));
        const QJsonObject o = QJsonDocument::fromJson(stepOf(trace, u"set-uui"_s)->uui->json).object();
        QCOMPARE(o.value(u"callId"_s).toString(), id18(telephony::ScriptedBackend::generatedId(1)));
        QCOMPARE(o.keys(), (QStringList{u"callId"_s, u"scrt2Domain"_s, u"token"_s}));
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
        exports::ExportBindings bindings;
        bindings.tokenVariable = u"Task.uuiToken"_s; // the template's: the token the function minted
        const exports::SetUuiDataExport exported = exports::exportSetUuiData(model, bindings);
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
        flow.find(u"failure-disconnect"_s)->props = JumpProps{u"failure-handling"_s};
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
        QCOMPARE(ends, (QSet<QString>{u"transfer"_s, u"transfer-failed-disconnect"_s, u"failure-disconnect"_s}));
        // Every action is on some path, except the Decision's "no" jump: a successful data action always returns
        // an id in the simulator.
        flow.forEachAction([&](const Task&, const Action& a) {
            if (a.id != u"no-id-jump"_s) {
                QVERIFY2(visited.contains(a.id), qPrintable(a.id));
            }
        });
        QCOMPARE(report.rows[0].end, EndState::Transferred);
        QCOMPARE(report.rows[1].end, EndState::Disconnected);
    }

    void matrixFindsBadPaths() {
        Flow flow = sipTransferTemplate();
        // The failure handling no longer ends the call: it falls off the end of its task.
        QVERIFY(edit::removeAction(flow, u"failure-disconnect"_s, edit::RemoveMode::WithNested).has_value());
        const FixedClock clock(kStart);
        const MatrixReport report = runMatrix(flow, context(), clock, call());
        QVERIFY(!report.ok());
        int bad = 0;
        for (const MatrixRow& row : report.rows) {
            if (!row.expected) {
                ++bad;
                QVERIFY(row.dataAction != CallOutcome::Success);
                QCOMPARE(row.end, EndState::FlowError);
                QCOMPARE(row.endTaskId, u"failure-handling"_s);
            }
        }
        QCOMPARE(bad, 4);
        QCOMPARE(codes(report.diagnostics), (QStringList{u"FLW046"_s, u"FLW046"_s, u"FLW046"_s, u"FLW046"_s}));
        // And with the limit read on the header line, the all-success combination does not reach the agent.
        const MatrixReport hex =
            runMatrix(sipTransferTemplate(), context(uui::LimitAppliesTo::HeaderLine), clock, call());
        QVERIFY(!hex.ok());
        QVERIFY(!hex.rows[0].expected);
        QVERIFY(hex.rows[0].verdict.contains(u"SIP001"_s)); // the budget's own code comes first, as in uui compose
        QVERIFY(codes(hex.rows[0].diagnostics).contains(u"FLW041"_s));
    }

    void windowFindsTheExpiryHour() {
        const FixedClock clock(kStart);
        WindowOptions options;
        options.start = kStart;
        options.hours = 48;
        options.callsPerHour = 4;
        const WindowReport report = runWindow(pastedTokenTemplate(), context(), clock, options, call());
        QCOMPARE(report.calls, 48 * 4);
        QVERIFY(report.firstFailingHour.has_value());
        QCOMPARE(*report.firstFailingHour, 24);
        QCOMPARE(*report.firstFailure, kStart.addSecs(24 * 3600));
        // The call's first error: the UUI rule `uui compose` reports for an expired token, at Set UUI Data (the
        // transfer then fails with FLW042).
        QCOMPARE(report.firstFailureCode, u"UUI022"_s);
        QCOMPARE(report.transferred, 24 * 4);
        for (const WindowHour& hour : report.hours) {
            QCOMPARE(hour.transferred, hour.hour < 24 ? 4 : 0);
        }
        QCOMPARE(codes(report.diagnostics), QStringList{u"FLW047"_s});
        QVERIFY(report.diagnostics[0].message.contains(u"expired"_s));
        QVERIFY(!report.ok());
        // With the token minted by the function for each call (the template's default), nothing expires.
        const WindowReport minted = runWindow(sipTransferTemplate(), context(), clock, options, call());
        QVERIFY(minted.ok());
        QCOMPARE(minted.transferred, 48 * 4);
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
            runWindow(sipTransferTemplate(), context(uui::LimitAppliesTo::HeaderLine), clock, options, call());
        QCOMPARE(report.transferred, 0);
        QCOMPARE(*report.firstFailingHour, 0);
        QCOMPARE(report.firstFailureCode, u"SIP001"_s); // the header budget's own code, as `uui compose` says it
        QCOMPARE(codes(report.diagnostics), QStringList{u"FLW047"_s});
        QVERIFY(report.diagnostics[0].message.contains(u"SIP001"_s));
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
        QCOMPARE(*runWindow(pastedTokenTemplate(), c, clock, options, call()).firstFailingHour, 6);
        // Minted again every 12 h: never fails.
        c.tokens.issuedAt = {};
        c.tokens.ttlSeconds = 24 * 3600;
        c.tokens.refreshSeconds = 12 * 3600;
        const WindowReport refreshed = runWindow(pastedTokenTemplate(), c, clock, options, call());
        QVERIFY(!refreshed.firstFailure);
        QVERIFY(refreshed.ok());
        QCOMPARE(refreshed.transferred, 96);
        // One per call: never fails.
        c.tokens.refreshSeconds = 0;
        c.tokens.mode = TokenSupply::Mode::PerCall;
        QVERIFY(runWindow(pastedTokenTemplate(), c, clock, options, call()).ok());
    }

    void reusedSingleUseTokenFailsOnTheSecondCall() {
        const FixedClock clock(kStart);
        WindowOptions options;
        options.start = kStart;
        options.hours = 2;
        options.callsPerHour = 3;
        SimulationContext c = context();
        c.tokens.jti = true;
        const WindowReport report = runWindow(pastedTokenTemplate(), c, clock, options, call());
        QCOMPARE(report.transferred, 1);
        QCOMPARE(report.firstFailureCode, u"FLW043"_s);
        QVERIFY(report.diagnostics.value(0).message.contains(u"jti"_s));
        QCOMPARE(*report.firstFailure, kStart.addSecs(1200));
        // With jti, minting per call works.
        c.tokens.mode = TokenSupply::Mode::PerCall;
        QCOMPARE(runWindow(pastedTokenTemplate(), c, clock, options, call()).transferred, 6);
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
        QVERIFY(jwt::decode(token).has_value()); // core's decoder reads it
        QCOMPARE(QByteArray::fromBase64(parts[1], QByteArray::Base64UrlEncoding).left(8), QByteArray(R"({"iat":1)"));
        QCOMPARE(parts[2].size(), 342); // 256 bytes of a 2048-bit RS256 signature, base64url
        QCOMPARE(standInToken(1756767613, 1756854013, supply, 7), token);
    }
};

QTEST_GUILESS_MAIN(TestSimulator)
#include "TestSimulator.moc"
