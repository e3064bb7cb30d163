// `handoff preflight PROJECT [--key FILE] [--emulator | --org [--base-url URL]] [--json]`: the go-live check
// (core/project/GoLiveCheck.h), with the optional credential probe (core/telephony/CredentialProbe.h) against the
// built-in emulator, started in this process, or the org.
#include "PreflightCommands.h"

#include "CliContext.h"
#include "ProjectLoading.h"
#include "diagnostics/Catalog.h"
#include "emulator/VoiceCallsEmulator.h"
#include "project/Composition.h"
#include "project/ProjectFile.h"
#include "telephony/ApiTokenSource.h"
#include "telephony/CredentialProbe.h"
#include "telephony/Endpoint.h"
#include "telephony/VoiceCallsClient.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <memory>

using namespace Qt::StringLiterals;

namespace handoff::cli {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("handoff::cli", text);
}

QString statusMark(project::CheckStatus status) {
    switch (status) {
    case project::CheckStatus::Pass:
        return u"pass   "_s;
    case project::CheckStatus::Warn:
        return u"WARN   "_s;
    case project::CheckStatus::Fail:
        return u"FAIL   "_s;
    case project::CheckStatus::NotRun:
        break;
    }
    return u"not run"_s;
}

std::shared_ptr<telephony::ApiTokenSource> apiTokens(const project::Project& p, const crypto::PrivateKey& key,
                                                     const Clock& clock) {
    auto tokens = std::make_shared<telephony::JwtApiTokenSource>(key, p.org.orgId, p.org.callCenterApiName,
                                                                 p.org.customerType, clock);
    tokens->setPolicy(p.apiToken.ttlSeconds, p.apiToken.jti);
    return tokens;
}

telephony::ProbeResult waitForProbe(telephony::VoiceCallsClient& client, const project::Project& p) {
    std::unique_ptr<telephony::VoiceCallsReply> reply(telephony::startCredentialProbe(client, p.org));
    reply->waitForFinished(client.options().totalTimeoutMs + client.options().connectTimeoutMs + 5000);
    if (!reply->isFinished()) {
        reply->abort();
        reply->waitForFinished(1000);
    }
    return telephony::judgeProbe(reply->result(), client.describe());
}

// The probe against a built-in emulator that knows the project's org, call centre and public key.
std::variant<telephony::ProbeResult, Error> probeEmulator(const project::Project& p, const crypto::PrivateKey& key,
                                                          const Clock& clock) {
    emulator::VoiceCallsEmulator emulator(clock);
    const QStringList callCenters =
        p.org.callCenterApiName.isEmpty() ? QStringList() : QStringList{p.org.callCenterApiName};
    if (auto registered = emulator.registerPublicKey(p.org.orgId, key.publicKey(), callCenters, p.org.customerType);
        !registered) {
        return registered.error();
    }
    auto port = emulator.listen(0);
    if (!port) {
        return port.error();
    }
    telephony::VoiceCallsClient client(emulator.voiceCallsUrl(), apiTokens(p, key, clock), clock);
    telephony::ProbeResult result = waitForProbe(client, p);
    result.target = tr("built-in emulator (%1)").arg(emulator.voiceCallsUrl().toString());
    return result;
}

int runPreflight(Context& context, const QStringList& args) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("The go-live check: every check of the project in the order an admin fixes them (org settings, key and "
           "certificate, both token presets, the UUI under the trunk profile, the flow with its matrix and time "
           "window, the exports, the credential probe, a real transfer at this UUI size), each pass, warn, fail or "
           "not run with the reason and where to fix it. --emulator or --org also runs the credential probe: a "
           "voiceCalls request signed with the project's key whose body is deliberately incomplete, so no record is "
           "created (it proves the API token's path only, not the UUI token's). Exit 0 only when no check fails; 1 "
           "when one fails; 3 when the project cannot be read or the probe got no answer."));
    parser.addOption(environmentOption());
    parser.addPositionalArgument(u"project"_s, tr("The .handoff project, or - for standard input."));
    const QCommandLineOption keyOption(u"key"_s, tr("The private key (PEM); default: the project's key file."),
                                       u"file"_s);
    const QCommandLineOption emulatorOption(u"emulator"_s,
                                            tr("Run the credential probe against the built-in emulator."));
    const QCommandLineOption orgOption(u"org"_s, tr("Run the credential probe against the org (the SCRT2 domain)."));
    const QCommandLineOption baseUrl(
        u"base-url"_s, tr("With --org: send the probe here instead of the project's SCRT2 base URL."), u"url"_s);
    const QCommandLineOption json(u"json"_s, tr("Print the checks as JSON."));
    const QCommandLineOption record(
        u"record-transfer"_s,
        tr("Record a real transfer you made (success or failure) in the project file, saved atomically, then check."),
        u"outcome"_s);
    const QCommandLineOption recordBytes(
        u"uui-bytes"_s, tr("With --record-transfer: the UUI's decoded size it had (default: the size now)."), u"N"_s);
    const QCommandLineOption recordDate(
        u"date"_s, tr("With --record-transfer: when (YYYY-MM-DD; default: today, UTC)."), u"date"_s);
    const QCommandLineOption recordNote(u"note"_s, tr("With --record-transfer: a note (call id, who tested)."),
                                        u"text"_s);
    parser.addOptions(
        {keyOption, emulatorOption, orgOption, baseUrl, json, record, recordBytes, recordDate, recordNote});
    if (auto code = parseCommandLine(parser, args, context)) {
        return *code;
    }
    if (parser.isSet(emulatorOption) && parser.isSet(orgOption)) {
        return context.usageError(tr("Give --emulator or --org, not both."));
    }
    if (parser.isSet(baseUrl) && !parser.isSet(orgOption)) {
        return context.usageError(tr("--base-url goes with --org."));
    }
    std::optional<project::RealTransferRecord> recorded;
    if (parser.isSet(record)) {
        const QString outcome = parser.value(record);
        if (outcome != u"success"_s && outcome != u"failure"_s) {
            return context.usageError(tr("--record-transfer takes success or failure."));
        }
        project::RealTransferRecord r;
        r.succeeded = outcome == u"success"_s;
        r.date = context.clock().now().toUTC().date();
        if (parser.isSet(recordDate)) {
            r.date = QDate::fromString(parser.value(recordDate), Qt::ISODate);
            if (!r.date.isValid()) {
                return context.usageError(tr("--date must be a date such as 2026-12-01."));
            }
        }
        r.uuiBytes = -1;
        if (parser.isSet(recordBytes)) {
            bool ok = false;
            r.uuiBytes = parser.value(recordBytes).toLongLong(&ok);
            if (!ok || r.uuiBytes < 0) {
                return context.usageError(tr("--uui-bytes must be a whole number of 0 or more."));
            }
        }
        r.note = parser.value(recordNote);
        recorded = r;
        if (parser.positionalArguments().value(0) == u"-"_s) {
            return context.usageError(tr("--record-transfer writes the project file: give its path, not -."));
        }
    } else if (parser.isSet(recordBytes) || parser.isSet(recordDate) || parser.isSet(recordNote)) {
        return context.usageError(tr("--uui-bytes, --date and --note go with --record-transfer."));
    }
    auto loaded = loadProjectArgument(context, parser);
    if (const int* code = std::get_if<int>(&loaded)) {
        return *code;
    }
    LoadedProject& lp = std::get<LoadedProject>(loaded);
    project::Project& p = lp.project;
    GoLiveMaterial material = loadGoLiveMaterial(context, p, parser.value(keyOption));
    if (parser.isSet(keyOption) && !material.key) {
        return context.reportError({u"KEY001"_s, material.inputs.keyProblem}, Failure);
    }
    if (recorded) {
        if (recorded->uuiBytes < 0) {
            recorded->uuiBytes = project::compose(p, material.inputs.key, context.clock()).budget.decodedBytes;
        }
        p.realTransfers.append(*recorded);
        if (auto saved = project::ProjectFile::save(p, lp.path); !saved) {
            return context.reportError(saved.error(), Failure);
        }
        context.err() << tr("Recorded a %1 real transfer on %2 with %3 bytes of UUI in %4.")
                             .arg(recorded->succeeded ? tr("successful") : tr("failed"),
                                  recorded->date.toString(Qt::ISODate))
                             .arg(recorded->uuiBytes)
                             .arg(lp.path)
                      << u'\n' << Qt::flush;
    }

    bool probeUnanswered = false;
    if (parser.isSet(emulatorOption) || parser.isSet(orgOption)) {
        if (!material.key) {
            telephony::ProbeResult none;
            none.verdict = telephony::ProbeVerdict::NoAnswer;
            none.reason = tr("Not sent: no private key to sign the API token with (give --key FILE).");
            none.diagnostics.append(diagnostics::make("GOL044", none.reason, {u"key"_s}));
            material.inputs.probe = none;
            probeUnanswered = true;
        } else if (parser.isSet(emulatorOption)) {
            auto result = probeEmulator(p, *material.key, context.clock());
            if (const Error* error = std::get_if<Error>(&result)) {
                return context.reportError(*error, Failure);
            }
            material.inputs.probe = std::get<telephony::ProbeResult>(result);
        } else {
            const telephony::Endpoint endpoint =
                telephony::resolveEndpoint(parser.isSet(baseUrl) ? parser.value(baseUrl) : p.org.scrt2Domain);
            if (endpoint.voiceCallsUrl.isEmpty()) {
                context.printDiagnostics(endpoint.diagnostics);
                return context.usageError(tr("The probe has no address to go to: fix the SCRT2 domain or --base-url."));
            }
            telephony::VoiceCallsClient client(endpoint.voiceCallsUrl, apiTokens(p, *material.key, context.clock()),
                                               context.clock());
            material.inputs.probe = waitForProbe(client, p);
        }
        probeUnanswered = material.inputs.probe->verdict == telephony::ProbeVerdict::NoAnswer;
    }

    const project::GoLiveReport report = project::goLiveCheck(p, material.inputs, context.clock());
    if (parser.isSet(json)) {
        QJsonObject root = project::toJson(report);
        root.insert(u"project"_s, lp.path);
        root.insert(u"environment"_s, p.environment);
        if (material.inputs.probe) {
            const telephony::ProbeResult& probe = *material.inputs.probe;
            root.insert(u"probe"_s, QJsonObject{{u"verdict"_s, telephony::probeVerdictKey(probe.verdict)},
                                                {u"httpStatus"_s, probe.httpStatus},
                                                {u"target"_s, probe.target},
                                                {u"voiceCallId"_s, probe.voiceCallId},
                                                {u"reason"_s, probe.reason},
                                                {u"provesUuiToken"_s, false}});
        }
        context.printJson(root);
    } else {
        QTextStream& out = context.out();
        out << tr("Go-live check of %1").arg(lp.path) << u"\n\n"_s;
        for (const project::CheckResult& c : report.checks) {
            out << c.id << u"  "_s << statusMark(c.status) << u"  "_s << c.title << u'\n';
            out << u"        "_s << c.reason << u'\n';
            if (c.status == project::CheckStatus::Fail || c.status == project::CheckStatus::Warn) {
                out << u"        "_s << tr("fix: page %1").arg(c.fix.pageId)
                    << (c.fix.field.isEmpty() ? QString() : u", "_s + c.fix.field) << u'\n';
            }
        }
        out << u'\n' << report.verdict.summary << u'\n';
        if (material.inputs.probe) {
            out << tr("The probe proves the API token's path only, not the UUI token's.") << u'\n';
        }
        out.flush();
        diagnostics::Diagnostics problems;
        for (const project::CheckResult& c : report.checks) {
            for (const diagnostics::Diagnostic& d : c.diagnostics) {
                if (d.severity != diagnostics::Severity::Info) {
                    problems.append(d);
                }
            }
        }
        locate(problems, lp.text, p);
        context.printDiagnostics(problems, lp.path);
    }
    if (probeUnanswered) {
        return Failure;
    }
    return report.ok() ? Ok : Problems;
}

} // namespace

GoLiveMaterial loadGoLiveMaterial(Context& context, const project::Project& p, const QString& keyFile) {
    GoLiveMaterial m;
    const QString keyPath = keyFile.isEmpty() ? p.key.keyFile : keyFile;
    if (!keyPath.isEmpty()) {
        auto key = context.loadPrivateKey(keyPath);
        if (key) {
            m.key = *key;
        } else {
            m.inputs.keyProblem = tr("The key file %1 does not load: %2").arg(keyPath, key.error().message);
        }
    } else if (!p.key.keychainId.isEmpty()) {
        m.inputs.keyProblem = tr("The project's key is in the desktop app's keychain, which the command line does not "
                                 "read: give --key FILE.");
    }
    if (!p.key.certificateFile.isEmpty()) {
        auto certificate = crypto::Certificate::load(p.key.certificateFile);
        if (certificate) {
            m.certificate = *certificate;
        } else {
            m.inputs.certificateProblem =
                tr("The certificate file %1 does not load: %2").arg(p.key.certificateFile, certificate.error().message);
        }
    }
    m.inputs.key = m.key ? &*m.key : nullptr;
    m.inputs.certificate = m.certificate ? &*m.certificate : nullptr;
    return m;
}

CommandGroup preflightCommands() {
    return {u"preflight"_s, tr("The go-live check: every check of a project, in fixing order"), runPreflight};
}

} // namespace handoff::cli
