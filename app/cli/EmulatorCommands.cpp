#include "CliContext.h"
#include "SipStandIn.h"
#include "common/SaveFile.h"
#include "crypto/Certificate.h"
#include "emulator/VoiceCallsEmulator.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTimer>

#include <atomic>
#include <csignal>

using namespace Qt::StringLiterals;

namespace handoff::cli {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("handoff::cli", text);
}

QString trn(const char* text, int n) {
    return QCoreApplication::translate("handoff::cli", text, nullptr, n);
}

// Set by SIGINT/SIGTERM; polled by the event loop (a signal handler may only touch a lock-free atomic).
std::atomic<int> g_stopSignal{0};

extern "C" void onStopSignal(int signal) {
    g_stopSignal.store(signal);
}

QString hexPin(const QByteArray& sha256) {
    return QString::fromLatin1(sha256.toHex());
}

int runEmulator(Context& context, const QStringList& args) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Runs a local stand-in for the SCRT2 voiceCalls endpoint on 127.0.0.1 until stopped (Ctrl+C). It verifies "
           "API tokens against the registered certificate and answers like Salesforce as far as it is documented; "
           "see docs/emulator.md for its assumptions."));
    const QCommandLineOption port(u"port"_s, tr("Port to listen on (0 = any free port, printed)."), u"n"_s, u"0"_s);
    const QCommandLineOption tls(u"tls"_s, tr("Serve HTTPS with a generated self-signed certificate; prints its "
                                              "SHA-256 pin."));
    const QCommandLineOption writeCert(u"write-cert"_s,
                                       tr("With --tls, save the certificate (PEM) here, for curl "
                                          "--cacert."),
                                       u"file"_s);
    const QCommandLineOption registerCert(u"register"_s, tr("Certificate (PEM or DER) registered for the org."),
                                          u"cert.pem"_s);
    const QCommandLineOption org(u"org"_s, tr("Org id the certificate is registered for (the tokens' iss)."), u"id"_s);
    const QCommandLineOption callCenter(
        u"call-center"_s,
        tr("Call Center API name the tokens' sub must match (repeatable). Without it, the org is a customer without "
           "Salesforce Voice with Telephony Providers and sub is not checked."),
        u"name"_s);
    const QCommandLineOption fault(u"fault"_s,
                                   tr("Fault on every request: latency=MS, 429[=S], 500, malformed, drop, "
                                      "partial (comma-separated)."),
                                   u"spec"_s);
    const QCommandLineOption faultOnce(u"fault-once"_s, tr("Fault for the next request only (repeatable, in order)."),
                                       u"spec"_s);
    const QCommandLineOption successStatus(u"success-status"_s,
                                           tr("Status of a successful create: 201 (default) or "
                                              "200 (undocumented by Salesforce)."),
                                           u"code"_s, u"201"_s);
    const QCommandLineOption json(u"json"_s, tr("Print events as JSON lines."));
    const QCommandLineOption sipPort(u"sip-port"_s,
                                     tr("Also run the Agentforce Voice SIP stand-in on this port of 127.0.0.1 (UDP "
                                        "and TCP; 0 = any free port). See docs/sip.md."),
                                     u"n"_s);
    const QCommandLineOption sipTlsPort(u"sip-tls-port"_s, tr("With --sip-port, also serve SIP over TLS here."),
                                        u"n"_s);
    const QCommandLineOption writeSipCert(u"write-sip-cert"_s,
                                          tr("With --sip-tls-port, save the SIP stand-in's TLS certificate (PEM) here, "
                                             "for `handoff sip send --ca FILE`."),
                                          u"file"_s);
    const QCommandLineOption trunkFrom(u"trunk-from"_s,
                                       tr("With --sip-port, read the trunk profile (UUI header form, the 1,024 "
                                          "limit's reading) from this project."),
                                       u"project"_s);
    parser.addOptions({port, tls, writeCert, registerCert, org, callCenter, fault, faultOnce, successStatus, json,
                       sipPort, sipTlsPort, writeSipCert, trunkFrom});
    if (auto exit = parseCommandLine(parser, args, context)) {
        return *exit;
    }
    if (!parser.isSet(registerCert) || !parser.isSet(org)) {
        return context.usageError(tr("Give the certificate to register with --register and its org with --org."));
    }
    bool ok = false;
    const uint portNumber = parser.value(port).toUInt(&ok);
    if (!ok || portNumber > 65535) {
        return context.usageError(tr("--port takes a number from 0 to 65535."));
    }
    const int status = parser.value(successStatus).toInt(&ok);
    if (!ok || (status != 200 && status != 201)) {
        return context.usageError(tr("--success-status takes 200 or 201."));
    }
    if (parser.isSet(writeCert) && !parser.isSet(tls)) {
        return context.usageError(tr("--write-cert needs --tls."));
    }

    std::optional<SipStandInOptions> sipOptions;
    if (parser.isSet(sipPort)) {
        sipOptions.emplace();
        const uint sipPortNumber = parser.value(sipPort).toUInt(&ok);
        if (!ok || sipPortNumber > 65535) {
            return context.usageError(tr("--sip-port takes a number from 0 to 65535."));
        }
        sipOptions->port = quint16(sipPortNumber);
        if (parser.isSet(sipTlsPort)) {
            const uint tlsPortNumber = parser.value(sipTlsPort).toUInt(&ok);
            if (!ok || tlsPortNumber > 65535) {
                return context.usageError(tr("--sip-tls-port takes a number from 0 to 65535."));
            }
            sipOptions->tlsPort = quint16(tlsPortNumber);
            sipOptions->writeCertificate = parser.value(writeSipCert);
        } else if (parser.isSet(writeSipCert)) {
            return context.usageError(tr("--write-sip-cert needs --sip-tls-port."));
        }
        sipOptions->projectPath = parser.value(trunkFrom);
    } else if (parser.isSet(sipTlsPort) || parser.isSet(trunkFrom)) {
        return context.usageError(tr("--sip-tls-port and --trunk-from need --sip-port."));
    }

    emulator::VoiceCallsEmulator emulator(context.clock());
    emulator::EmulatorAssumptions assumptions;
    assumptions.successStatus = status;
    emulator.setAssumptions(assumptions);
    if (parser.isSet(fault)) {
        const auto parsed = emulator::Fault::parse(parser.value(fault));
        if (!parsed) {
            return context.reportError(parsed.error(), Usage);
        }
        emulator.setRunFault(*parsed);
    }
    for (const QString& spec : parser.values(faultOnce)) {
        const auto parsed = emulator::Fault::parse(spec);
        if (!parsed) {
            return context.reportError(parsed.error(), Usage);
        }
        emulator.enqueueFault(*parsed);
    }
    const auto certificate = crypto::Certificate::load(parser.value(registerCert));
    if (!certificate) {
        return context.reportError(
            {u"EMU002"_s, tr("Cannot register %1: %2").arg(parser.value(registerCert), certificate.error().message)},
            Failure);
    }
    const QStringList centers = parser.values(callCenter);
    const auto type =
        centers.isEmpty() ? salesforce::CustomerType::Other : salesforce::CustomerType::VoiceWithTelephonyProviders;
    if (auto registered = emulator.registerCertificate(parser.value(org), *certificate, centers, type); !registered) {
        return context.reportError(registered.error(), Usage);
    }
    if (parser.isSet(tls)) {
        if (auto enabled = emulator.enableTls(); !enabled) {
            return context.reportError(enabled.error(), Failure);
        }
        if (parser.isSet(writeCert)) {
            if (auto saved = io::saveAtomically(parser.value(writeCert), emulator.certificatePem()); !saved) {
                return context.reportError(saved.error(), Failure);
            }
        }
    }
    const auto listening = emulator.listen(quint16(portNumber));
    if (!listening) {
        return context.reportError(listening.error(), Failure);
    }

    const bool jsonOut = parser.isSet(json);
    const QString orgId = emulator.registrations().constFirst().orgId;
    if (jsonOut) {
        QJsonObject event{{u"event"_s, u"listening"_s},
                          {u"baseUrl"_s, emulator.baseUrl().toString()},
                          {u"voiceCallsUrl"_s, emulator.voiceCallsUrl().toString()},
                          {u"orgId"_s, orgId},
                          {u"callCenters"_s, QJsonArray::fromStringList(centers)}};
        if (emulator.isTls()) {
            event.insert(u"pin"_s, hexPin(emulator.certificateSha256()));
        }
        context.out() << QString::fromUtf8(QJsonDocument(event).toJson(QJsonDocument::Compact)) << u'\n' << Qt::flush;
    } else {
        context.out() << tr("Emulator listening on %1").arg(emulator.baseUrl().toString()) << u'\n'
                      << tr("  POST %1").arg(emulator.voiceCallsUrl().toString()) << u'\n'
                      << tr("  org %1, call centers: %2")
                             .arg(orgId, centers.isEmpty() ? tr("(sub not checked)") : centers.join(u", "_s))
                      << u'\n';
        if (emulator.isTls()) {
            context.out() << tr("  TLS certificate SHA-256 pin: %1").arg(hexPin(emulator.certificateSha256())) << u'\n';
        }
        context.out() << tr("Press Ctrl+C to stop.") << u'\n' << Qt::flush;
    }
    QObject::connect(
        &emulator, &emulator::VoiceCallsEmulator::requestHandled, &emulator,
        [&context, jsonOut](const emulator::RequestRecord& record) {
            if (jsonOut) {
                const QJsonObject event{{u"event"_s, u"request"_s},         {u"method"_s, record.method},
                                        {u"path"_s, record.path},           {u"status"_s, record.status},
                                        {u"errorCode"_s, record.errorCode}, {u"fault"_s, record.fault}};
                context.out() << QString::fromUtf8(QJsonDocument(event).toJson(QJsonDocument::Compact)) << u'\n';
            } else {
                context.out() << record.at.toUTC().toString(Qt::ISODate) << u' ' << record.method << u' ' << record.path
                              << u' ' << (record.status ? QString::number(record.status) : tr("dropped"))
                              << (record.errorCode.isEmpty() ? QString() : u' ' + record.errorCode)
                              << (record.fault == u"none"_s ? QString() : u" [fault "_s + record.fault + u']') << u'\n';
            }
            context.out().flush();
        });
    QObject::connect(
        &emulator, &emulator::VoiceCallsEmulator::callCreated, &emulator,
        [&context, jsonOut](const emulator::CreatedCall& call) {
            if (jsonOut) {
                QJsonObject event = call.toJson();
                event.insert(u"event"_s, u"created"_s);
                context.out() << QString::fromUtf8(QJsonDocument(event).toJson(QJsonDocument::Compact)) << u'\n';
            } else {
                context.out() << tr("  created VoiceCall %1 (%2)").arg(call.voiceCallId, call.voiceCallId18) << u'\n';
            }
            context.out().flush();
        });

    std::unique_ptr<sip::SipEndpoint> standIn;
    if (sipOptions) {
        sipOptions->json = jsonOut;
        auto started = startSipStandIn(context, emulator, *sipOptions);
        if (const int* code = std::get_if<int>(&started)) {
            return *code;
        }
        standIn = std::move(std::get<std::unique_ptr<sip::SipEndpoint>>(started));
    }

    g_stopSignal.store(0);
    const auto previousInt = std::signal(SIGINT, onStopSignal);
    const auto previousTerm = std::signal(SIGTERM, onStopSignal);
    QEventLoop loop;
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&loop] {
        if (g_stopSignal.load() != 0) {
            loop.quit();
        }
    });
    poll.start(100);
    loop.exec();
    std::signal(SIGINT, previousInt);
    std::signal(SIGTERM, previousTerm);
    if (standIn) {
        standIn->close();
    }
    emulator.close();
    const qsizetype created = emulator.createdCalls().size();
    if (jsonOut) {
        context.out() << QString::fromUtf8(
                             QJsonDocument(QJsonObject{{u"event"_s, u"stopped"_s}, {u"created"_s, created}})
                                 .toJson(QJsonDocument::Compact))
                      << u'\n' << Qt::flush;
    } else {
        context.out() << trn("Stopped; %n VoiceCall(s) created.", int(created)) << u'\n' << Qt::flush;
    }
    return Ok;
}

} // namespace

CommandGroup emulatorCommands() {
    return {u"emulator"_s, tr("Run a local voiceCalls endpoint (SCRT2 emulator) for test calls without an org"),
            runEmulator};
}

} // namespace handoff::cli
