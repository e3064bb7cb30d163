// The simulator's Call Data Action answered by the built-in emulator over loopback HTTP, through hs/calls' real
// voiceCalls client: the VoiceCall the emulator creates is the one the UUI carries.
#include "crypto/Certificate.h"
#include "crypto/PrivateKey.h"
#include "emulator/VoiceCallsEmulator.h"
#include "flow/FlowTemplates.h"
#include "flow/Simulator.h"
#include "salesforce/SalesforceId.h"
#include "telephony/ApiTokenSource.h"
#include "telephony/VoiceCallsClient.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace handoff;

class TestSimulatorWithEmulator final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void dataActionCreatesARealVoiceCall() {
        const QString orgId = u"00DHs0000000001"_s;
        const QString callCenter = u"scv4cc1"_s;
        const FixedClock clock(QDateTime::currentDateTimeUtc()); // the emulator checks token times against its clock
        emulator::VoiceCallsEmulator server(clock);
        const auto certificate =
            crypto::Certificate::load(QStringLiteral(HANDOFF_TEST_DATA "/rsa2048-test-only.crt.pem"));
        QVERIFY(certificate.has_value());
        QVERIFY(server.registerCertificate(orgId, *certificate, {callCenter}).has_value());
        QVERIFY(server.listen().has_value());

        auto key = crypto::PrivateKey::load(QStringLiteral(HANDOFF_TEST_DATA "/rsa2048-pkcs8-test-only.pem"));
        QVERIFY(key.has_value());
        auto tokens = std::make_shared<telephony::JwtApiTokenSource>(
            *key, orgId, callCenter, salesforce::CustomerType::VoiceWithTelephonyProviders, clock);
        telephony::VoiceCallsClient client(server.voiceCallsUrl(), tokens, clock);

        flow::TemplateOptions options;
        options.callCenterApiName = callCenter;
        options.salesforceOrgId = orgId;
        flow::SimulationContext context;
        context.org.orgId = orgId;
        context.org.scrt2Domain = u"mycompany.my.salesforce-scrt.com"_s;
        context.org.callCenterApiName = callCenter;
        context.uuiTemplate.orgId = orgId;
        context.uuiTemplate.scrt2Domain = context.org.scrt2Domain;
        context.tokens.iss = orgId;
        context.tokens.sub = callCenter;
        flow::Simulator simulator(flow::sipTransferTemplate(options), context, clock);
        flow::SimulatedCall call;
        call.ani = u"+14155550199"_s;
        call.dialledNumber = u"+14155550100"_s;
        const flow::Trace trace = simulator.run(call, {}, &client);

        QStringList codes;
        for (const diagnostics::Diagnostic& d : trace.diagnostics) {
            codes.append(d.code + u": "_s + d.message);
        }
        QVERIFY2(trace.end == flow::EndState::Transferred, qPrintable(codes.join(u'\n')));
        QCOMPARE(server.createdCalls().size(), 1);
        const QString created = server.createdCalls().constFirst().voiceCallId;
        QVERIFY(created.startsWith(u"0LQ"_s));
        const flow::TraceStep* uuiStep = nullptr;
        for (const flow::TraceStep& s : trace.steps) {
            if (s.actionId == u"set-uui"_s) {
                uuiStep = &s;
            }
        }
        QVERIFY(uuiStep && uuiStep->uui);
        // The emulator answers as the API does, with 15 characters; the UUI carries the 18 the function makes of it.
        QCOMPARE(created.size(), 15);
        QCOMPARE(QJsonDocument::fromJson(uuiStep->uui->json).object().value(u"callId"_s).toString(),
                 salesforce::SalesforceId::parse(created)->id18());
    }

    void emulatorRefusalTakesTheFailurePath() {
        const FixedClock clock(QDateTime::currentDateTimeUtc());
        emulator::VoiceCallsEmulator server(clock); // nothing registered: the token is refused
        QVERIFY(server.listen().has_value());
        auto key = crypto::PrivateKey::load(QStringLiteral(HANDOFF_TEST_DATA "/rsa2048-pkcs8-test-only.pem"));
        QVERIFY(key.has_value());
        auto tokens = std::make_shared<telephony::JwtApiTokenSource>(
            *key, u"00DHs0000000001"_s, u"scv4cc1"_s, salesforce::CustomerType::VoiceWithTelephonyProviders, clock);
        telephony::VoiceCallsClient client(server.voiceCallsUrl(), tokens, clock);
        flow::Simulator simulator(flow::sipTransferTemplate(), flow::SimulationContext{}, clock);
        const flow::Trace trace = simulator.run(flow::SimulatedCall{}, {}, &client);
        QCOMPARE(trace.end, flow::EndState::Disconnected);
        QCOMPARE(trace.endActionId, u"failure-disconnect"_s);
        QVERIFY(server.createdCalls().isEmpty());
        // A real backend's refusal is a problem of the setup (with a scripted failure it would not be).
        QVERIFY(diagnostics::hasErrors(trace.diagnostics));
    }
};

QTEST_GUILESS_MAIN(TestSimulatorWithEmulator)
#include "TestSimulatorWithEmulator.moc"
