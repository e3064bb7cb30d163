#include "CliContext.h"
#include "ProjectLoading.h"
#include "SipStandIn.h"
#include "common/SaveFile.h"
#include "emulator/LoopbackCertificate.h"
#include "flow/Scenario.h"
#include "flow/SimulationReport.h"
#include "flow/Simulator.h"
#include "jwt/Jwt.h"
#include "jwt/JwtClaims.h"
#include "project/ProjectFile.h"
#include "project/SimulationSetup.h"
#include "sip/SipSender.h"
#include "sip/SipTransferBackend.h"
#include "telephony/ApiTokenSource.h"
#include "telephony/Endpoint.h"
#include "telephony/VoiceCallsClient.h"
#include "uui/SipHeaderBudget.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace handoff::cli {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("handoff::cli", text);
}

// The UUI token of the simulated INVITE replaced by a real one signed with `key` (same claims policy: iss, sub,
// lifetime, jti), and the header encoded again under the trunk profile. The simulator only makes stand-in tokens.
Result<void> resignToken(flow::SipInvite& invite, const project::Project& p, const flow::SimulationContext& c,
                         const crypto::PrivateKey& key, const Clock& clock) {
    const auto json = uui::decodeHeaderValue(invite.userToUserValue, p.trunk);
    QJsonObject uuiObject = json ? QJsonDocument::fromJson(*json).object() : QJsonObject();
    if (uuiObject.isEmpty()) {
        return fail(u"RSIP003"_s, tr("The simulated INVITE carries no UUI whose token could be signed."));
    }
    jwt::TokenSpec spec;
    spec.issuer = c.tokens.iss;
    spec.subject = c.tokens.sub;
    spec.ttlSecs = c.tokens.ttlSeconds;
    spec.withJti = c.tokens.jti;
    spec.reusable = c.tokens.mode == flow::TokenSupply::Mode::Reused;
    const auto token = jwt::sign(jwt::buildClaims(spec, clock), key);
    if (!token) {
        return tl::unexpected(token.error());
    }
    uuiObject.insert(u"token"_s, QString::fromLatin1(*token));
    // Keep the key order the composer wrote (QJsonObject sorts): replace the token's value in the text instead.
    QByteArray text = *json;
    const QByteArray oldToken = QJsonDocument::fromJson(*json).object().value(u"token"_s).toString().toLatin1();
    const qsizetype at = text.indexOf(oldToken);
    if (oldToken.isEmpty() || at < 0) {
        return fail(u"RSIP003"_s, tr("The simulated UUI has no token to replace."));
    }
    text.replace(at, oldToken.size(), *token);
    const uui::SipBudget budget = uui::budgetForData(text, p.trunk);
    for (QString& h : invite.headers) {
        if (h.startsWith(p.trunk.headerName + u':', Qt::CaseInsensitive)) {
            h = QString::fromLatin1(budget.headerLine);
        }
    }
    invite.userToUserValue = budget.headerValue;
    invite.measured = budget.measured;
    invite.uuiFits = budget.fits();
    return {};
}

QJsonObject responseJson(const sip::SipResponse& r) {
    return {{u"status"_s, r.status}, {u"reason"_s, r.reason}, {u"bytes"_s, QString::fromUtf8(r.bytes)}};
}

int runSend(Context& context, const QStringList& args) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Send the SIP INVITE the flow simulator renders for the project (its Transfer to Number, with the "
           "User-to-User header exactly as the trunk writes it, and an SDP offer) to one SIP address, and report the "
           "answer: provisional and final responses, ACK and BYE after a 2xx, CANCEL on timeout. Only the host in "
           "--to is contacted. See docs/sip.md."));
    parser.addOption(environmentOption());
    parser.addPositionalArgument(u"project"_s, tr("The .handoff project, or - for standard input."));
    const QCommandLineOption to(u"to"_s, tr("The SIP address: sip:USER@HOST[:PORT] (sips: for TLS)."), u"uri"_s);
    const QCommandLineOption transport(
        u"transport"_s, tr("udp, tcp or tls (default: UDP, or TCP when the INVITE is over 1,300 bytes)."), u"name"_s);
    const QCommandLineOption scenario(u"scenario"_s, tr("Simulate this named scenario of the project."), u"name"_s);
    const QCommandLineOption timeout(u"timeout"_s, tr("Milliseconds to wait for a final response (default 8000)."),
                                     u"ms"_s);
    const QCommandLineOption noSrtp(u"no-srtp"_s, tr("Offer plain RTP instead of SRTP (Salesforce requires SRTP)."));
    const QCommandLineOption keyFile(
        u"key"_s,
        tr("Sign the UUI token with this private key (PEM) instead of the simulator's stand-in token, which does "
           "not verify. With --base-url it also signs the API token."),
        u"file"_s);
    const QCommandLineOption baseUrl(u"base-url"_s,
                                     tr("Answer the Call Data Action with a real voiceCalls request to this base URL "
                                        "(the emulator), so that callId names a created VoiceCall. Needs --key."),
                                     u"url"_s);
    const QCommandLineOption ca(u"ca"_s,
                                tr("TLS: verify the peer against these CA certificates (PEM; for the emulator's SIP "
                                   "stand-in its own certificate, saved by `handoff emulator --write-sip-cert FILE`) "
                                   "instead of the system's trusted CAs."),
                                u"file"_s);
    const QCommandLineOption insecure(u"insecure"_s,
                                      tr("TLS: send even when the peer's certificate does not verify (not for a real "
                                         "peer: anyone could be listening)."));
    const QCommandLineOption printSent(u"print-sent"_s,
                                       tr("Print the INVITE exactly as sent (bytes) and nothing else."));
    const QCommandLineOption json(u"json"_s, tr("Print the result as JSON (with the exact bytes sent and received)."));
    parser.addOptions({to, transport, scenario, timeout, noSrtp, keyFile, baseUrl, ca, insecure, printSent, json});
    if (auto code = parseCommandLine(parser, args, context)) {
        return *code;
    }
    if (!parser.isSet(to)) {
        return context.usageError(tr("Give the SIP address to send to with --to sip:USER@HOST[:PORT]."));
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1) {
        return context.usageError(tr("Give one project file."));
    }
    sip::SendOptions options;
    options.to = parser.value(to);
    if (parser.isSet(transport)) {
        const auto t = sip::transportFromKey(parser.value(transport));
        if (!t || *t == sip::Transport::Auto) {
            return context.usageError(tr("--transport takes udp, tcp or tls."));
        }
        options.transport = *t;
    }
    if (parser.isSet(timeout)) {
        bool ok = false;
        options.timeoutMs = parser.value(timeout).toInt(&ok);
        if (!ok || options.timeoutMs < 100 || options.timeoutMs > 120000) {
            return context.usageError(tr("--timeout takes milliseconds from 100 to 120000."));
        }
    }
    options.srtp = !parser.isSet(noSrtp);
    if (parser.isSet(ca) && parser.isSet(insecure)) {
        return context.usageError(tr("Give --ca (verify against it) or --insecure (do not verify), not both."));
    }
    options.caFile = parser.value(ca);
    options.insecure = parser.isSet(insecure);
    if (parser.isSet(baseUrl) && !parser.isSet(keyFile)) {
        return context.usageError(tr("--base-url needs --key, the private key that signs the API token."));
    }

    auto data = context.readInput(positional.constFirst());
    if (!data) {
        return context.reportError(data.error(), Failure);
    }
    auto loaded = project::ProjectFile::parse(*data);
    if (!loaded) {
        return context.reportError(loaded.error(), Failure);
    }
    if (!applyEnvironmentArgument(context, loaded->project, parser)) {
        return Usage;
    }
    const project::Project& p = loaded->project;
    flow::Scenario s;
    if (parser.isSet(scenario)) {
        const auto it = std::find_if(p.scenarios.cbegin(), p.scenarios.cend(),
                                     [&](const flow::Scenario& x) { return x.name == parser.value(scenario); });
        if (it == p.scenarios.cend()) {
            return context.usageError(tr("The project has no scenario '%1'.").arg(parser.value(scenario)));
        }
        s = *it;
    }
    std::optional<crypto::PrivateKey> key;
    if (parser.isSet(keyFile)) {
        auto k = context.loadPrivateKey(parser.value(keyFile));
        if (!k) {
            return context.reportError(k.error(), Failure);
        }
        key = std::move(*k);
    }
    std::unique_ptr<telephony::VoiceCallsClient> client;
    if (parser.isSet(baseUrl)) {
        const telephony::Endpoint endpoint = telephony::resolveEndpoint(parser.value(baseUrl));
        if (endpoint.voiceCallsUrl.isEmpty()) {
            context.printDiagnostics(endpoint.diagnostics);
            return context.usageError(tr("--base-url is not a voiceCalls address this tool sends tokens to."));
        }
        auto apiKey = context.loadPrivateKey(parser.value(keyFile));
        if (!apiKey) {
            return context.reportError(apiKey.error(), Failure);
        }
        auto tokens = std::make_shared<telephony::JwtApiTokenSource>(std::move(*apiKey), p.org.orgId.trimmed(),
                                                                     p.org.callCenterApiName.trimmed(),
                                                                     p.org.customerType, context.clock());
        client =
            std::make_unique<telephony::VoiceCallsClient>(endpoint.voiceCallsUrl, std::move(tokens), context.clock());
        s.dataAction.reset();
    } else if (!s.dataAction) {
        s.dataAction = telephony::CallOutcome::Success;
    }
    const flow::SimulationContext c = project::simulationContext(p);
    flow::Simulator simulator(p.flow, c, context.clock());
    const flow::Trace trace = simulator.run(s.call, s.script(), client.get());
    auto invite = sip::transferInvite(trace);
    if (!invite) {
        context.printDiagnostics(trace.diagnostics, positional.constFirst());
        return context.reportError(invite.error(), Problems);
    }
    if (key) {
        if (auto resigned = resignToken(*invite, p, c, *key, context.clock()); !resigned) {
            return context.reportError(resigned.error(), Failure);
        }
    }
    auto report = sip::sendInvite(*invite, options);
    if (!report) {
        const QString code = report.error().code;
        return context.reportError(report.error(), code == u"RSIP002"_s   ? Usage
                                                   : code == u"RSIP007"_s ? Problems
                                                                          : Failure);
    }
    const bool noAnswer = report->final.status == 0 || !report->answered;
    const int exit = report->accepted() && !noAnswer ? Ok : noAnswer ? Failure : Problems;
    if (parser.isSet(printSent)) {
        context.out() << QString::fromUtf8(report->sent) << Qt::flush;
    } else if (parser.isSet(json)) {
        QJsonArray provisional;
        for (const sip::SipResponse& r : report->provisional) {
            provisional.append(responseJson(r));
        }
        context.printJson(QJsonObject{
            {u"to"_s, report->to},
            {u"transport"_s, report->transport},
            {u"transportReason"_s, report->transportReason},
            {u"size"_s, report->size},
            {u"tokenResigned"_s, key.has_value()},
            {u"sent"_s, QString::fromUtf8(report->sent)},
            {u"provisional"_s, provisional},
            {u"final"_s, responseJson(report->final)},
            {u"answered"_s, report->answered},
            {u"accepted"_s, report->accepted() && report->answered},
            {u"warnings"_s, QJsonArray::fromStringList(report->warnings)},
            {u"acked"_s, report->acked},
            {u"cancelled"_s, report->cancelled},
            {u"cancelStatus"_s, report->cancelStatus},
            {u"byeSent"_s, report->byeSent},
            {u"byeStatus"_s, report->byeStatus},
            {u"replacedHeaders"_s, QJsonArray::fromStringList(report->replaced)},
            {u"notes"_s, QJsonArray::fromStringList(report->notes)},
        });
    } else {
        QTextStream& out = context.out();
        out << tr("INVITE to %1 over %2 (%3), %4 bytes.")
                   .arg(report->to, report->transport, report->transportReason)
                   .arg(report->size)
            << u'\n';
        if (key) {
            out << tr("The UUI token was signed with %1 (the simulator's stand-in token does not verify).")
                       .arg(parser.value(keyFile))
                << u'\n';
        }
        for (const sip::SipResponse& r : report->provisional) {
            out << u"  < "_s << r.status << u' ' << r.reason << u'\n';
        }
        if (report->final.status) {
            out << u"  < "_s << report->final.status << u' ' << report->final.reason << u'\n';
        }
        for (const QString& w : report->warnings) {
            out << u"    Warning: "_s << w << u'\n';
        }
        if (report->acked) {
            out << u"  > ACK"_s << u'\n';
        }
        if (report->byeSent) {
            out << u"  > BYE"_s << (report->byeStatus ? u" -> "_s + QString::number(report->byeStatus) : QString())
                << u'\n';
        }
        if (report->cancelled) {
            out << u"  > CANCEL"_s
                << (report->cancelStatus ? u" -> "_s + QString::number(report->cancelStatus) : QString()) << u'\n';
        }
        for (const QString& n : report->notes) {
            out << n << u'\n';
        }
        out.flush();
    }
    if (noAnswer) {
        context.err() << u"handoff: error RSIP004: "_s
                      << tr("%1 gave no final response; see the notes above.").arg(report->to) << u'\n' << Qt::flush;
    } else if (!report->accepted()) {
        context.err()
            << u"handoff: error RSIP006: "_s
            << tr("%1 refused the INVITE: %2 %3").arg(report->to).arg(report->final.status).arg(report->final.reason)
            << u'\n' << Qt::flush;
    }
    return exit;
}

} // namespace

CommandGroup sipCommands() {
    const QString summary = tr("Send the flow's INVITE over real SIP (to the emulator's SIP stand-in or a SIP peer)");
    return {u"sip"_s, summary, [summary](Context& context, const QStringList& args) {
                return dispatchSubcommands(
                    context, u"sip"_s, summary,
                    {{u"send"_s, tr("Send the simulated INVITE to one SIP address and report the answer."), runSend}},
                    args);
            }};
}

} // namespace handoff::cli

// ---- the stand-in beside the emulator -------------------------------------------------------------------------

namespace handoff::cli {

namespace {

// The received UUI for the listing, with the token's signature redacted as in every log of the product.
QString redactedUui(const QByteArray& json) {
    const QString token = QJsonDocument::fromJson(json).object().value(u"token"_s).toString();
    QString text = QString::fromUtf8(json);
    if (!token.isEmpty()) {
        text.replace(token, QString::fromLatin1(jwt::redactSignature(token.toLatin1())));
    }
    return text;
}

QJsonObject receivedJson(const sip::ReceivedRequest& r) {
    return {{u"event"_s, u"sip"_s},
            {u"method"_s, r.method},
            {u"transport"_s, r.transport},
            {u"peer"_s, r.peer},
            {u"callId"_s, r.callId},
            {u"status"_s, r.status},
            {u"reason"_s, r.reason},
            {u"warnings"_s, QJsonArray::fromStringList(r.warnings)},
            {u"uuiHeader"_s, r.uuiHeaderName},
            {u"uuiForm"_s, r.uuiForm},
            {u"uui"_s, redactedUui(r.uuiJson)},
            {u"diagnostics"_s, Context::diagnosticsToJson(r.diagnostics)}};
}

} // namespace

std::variant<std::unique_ptr<sip::SipEndpoint>, int>
startSipStandIn(Context& context, emulator::VoiceCallsEmulator& emulator, const SipStandInOptions& options) {
    sip::JudgeContext judge;
    if (!options.projectPath.isEmpty()) {
        auto data = context.readInput(options.projectPath);
        if (!data) {
            return context.reportError(data.error(), Failure);
        }
        auto loaded = project::ProjectFile::parse(*data);
        if (!loaded) {
            return context.reportError(loaded.error(), Failure);
        }
        judge.trunk = loaded->project.trunk;
    }
    for (const emulator::Registration& r : emulator.registrations()) {
        judge.orgs.append({r.orgId, r.keys, r.callCenters, r.customerType});
    }
    for (const emulator::CreatedCall& call : emulator.createdCalls()) {
        judge.voiceCalls.append(call.voiceCallId);
    }
    judge.clockSkewSecs = emulator.assumptions().clockSkewSecs;
    auto endpoint = std::make_unique<sip::SipEndpoint>(context.clock());
    endpoint->setContext(judge);
    if (options.tlsPort) {
        const auto identity = emulator::LoopbackCertificate::generate(context.clock());
        if (!identity) {
            return context.reportError(identity.error(), Failure);
        }
        endpoint->setTlsIdentity(identity->certificatePem, identity->privateKeyPem, *options.tlsPort);
        if (!options.writeCertificate.isEmpty()) {
            // For `handoff sip send --ca FILE`: the sender verifies the stand-in against it.
            if (auto saved = io::saveAtomically(options.writeCertificate, identity->certificatePem); !saved) {
                return context.reportError(saved.error(), Failure);
            }
        }
    }
    if (auto listening = endpoint->listen(options.port); !listening) {
        return context.reportError(listening.error(), Failure);
    }
    sip::SipEndpoint* standIn = endpoint.get();
    QObject::connect(&emulator, &emulator::VoiceCallsEmulator::callCreated, standIn,
                     [standIn](const emulator::CreatedCall& call) { standIn->addVoiceCall(call.voiceCallId); });
    const bool json = options.json;
    QObject::connect(
        standIn, &sip::SipEndpoint::requestReceived, standIn, [&context, json](const sip::ReceivedRequest& r) {
            if (json) {
                context.out() << QString::fromUtf8(QJsonDocument(receivedJson(r)).toJson(QJsonDocument::Compact))
                              << u'\n';
            } else {
                context.out() << r.at.toUTC().toString(Qt::ISODate) << u" SIP "_s << r.method << u' ' << r.transport
                              << u' ' << r.peer << u' '
                              << (r.status ? QString::number(r.status) + u' ' + r.reason : QString()) << u'\n';
                for (const QString& w : r.warnings) {
                    context.out() << u"    Warning: "_s << w << u'\n';
                }
                if (!r.uuiJson.isEmpty()) {
                    context.out() << u"    "_s << r.uuiHeaderName << u" ("_s << r.uuiForm << u"): "_s
                                  << redactedUui(r.uuiJson) << u'\n';
                }
            }
            context.out().flush();
        });
    const QString limit = u"%1 on %2"_s.arg(judge.trunk.limit).arg(uui::limitAppliesToKey(judge.trunk.limitAppliesTo));
    if (json) {
        QJsonObject event{{u"event"_s, u"sipListening"_s},
                          {u"sipPort"_s, standIn->port()},
                          {u"sipUri"_s, u"sip:agentforce@127.0.0.1:%1"_s.arg(standIn->port())},
                          {u"uuiLimit"_s, judge.trunk.limit},
                          {u"uuiLimitAppliesTo"_s, uui::limitAppliesToKey(judge.trunk.limitAppliesTo)}};
        if (standIn->tlsPort()) {
            event.insert(u"sipTlsPort"_s, standIn->tlsPort());
        }
        context.out() << QString::fromUtf8(QJsonDocument(event).toJson(QJsonDocument::Compact)) << u'\n' << Qt::flush;
    } else {
        context.out() << tr("SIP stand-in on sip:agentforce@127.0.0.1:%1 (UDP and TCP)").arg(standIn->port()) << u'\n';
        if (standIn->tlsPort()) {
            context.out() << tr("  TLS on sips:agentforce@127.0.0.1:%1").arg(standIn->tlsPort()) << u'\n';
        }
        context.out() << tr("  UUI header limit %1 (the trunk profile's reading, an assumption)").arg(limit) << u'\n'
                      << Qt::flush;
    }
    return endpoint;
}

} // namespace handoff::cli
