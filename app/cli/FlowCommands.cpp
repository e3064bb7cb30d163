#include "ArchyCommands.h"
#include "CliContext.h"
#include "FlowEditCommands.h"
#include "ProjectLoading.h"
#include "common/SaveFile.h"
#include "crypto/PrivateKey.h"
#include "crypto/SecureBytes.h"
#include "diagnostics/Catalog.h"
#include "flow/FlowTemplates.h"
#include "flow/FlowValidator.h"
#include "flow/JsonLocator.h"
#include "flow/Scenario.h"
#include "flow/SimulationReport.h"
#include "flow/Simulator.h"
#include "project/ProjectFile.h"
#include "project/SimulationSetup.h"
#include "sip/LiveRehearsal.h"
#include "telephony/ApiTokenSource.h"
#include "telephony/Endpoint.h"
#include "telephony/VoiceCallsClient.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace handoff::cli {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("handoff::cli", text);
}

std::optional<QDateTime> parseTime(const QString& text) {
    bool isNumber = false;
    const qint64 epoch = text.toLongLong(&isNumber);
    if (isNumber) {
        return QDateTime::fromSecsSinceEpoch(epoch, Qt::UTC);
    }
    QDateTime t = QDateTime::fromString(text, Qt::ISODate);
    if (!t.isValid()) {
        return std::nullopt;
    }
    if (t.timeSpec() == Qt::LocalTime) {
        t.setTimeSpec(Qt::UTC); // no zone given: UTC, as everything else in the product
    }
    return t.toUTC();
}

QString valueText(const flow::Value& v) {
    QString text = v.toDisplay();
    if (text.size() > 120) {
        text = text.left(100) + u"... ("_s + QString::number(text.size()) + u" characters)"_s;
    }
    return text;
}

void printTrace(QTextStream& out, const flow::Trace& trace) {
    out << tr("Call %1 from %2 to %3 at %4")
               .arg(trace.call.conversationId, trace.call.ani, trace.call.dialledNumber,
                    trace.call.startTime.toUTC().toString(Qt::ISODate))
        << u"\n\n"_s;
    for (const flow::TraceStep& s : trace.steps) {
        out << QString::number(s.number).rightJustified(3) << u". "_s << s.actionId << u"  ["_s
            << flow::actionKindName(s.kind) << u']';
        if (!s.path.isEmpty()) {
            out << u"  -> "_s << s.path;
        }
        out << u'\n';
        if (!s.note.isEmpty()) {
            out << u"       "_s << s.note << u'\n';
        }
        for (const auto& [name, value] : s.inputs) {
            out << u"       in  "_s << name << u" = "_s << valueText(value) << u'\n';
        }
        for (const auto& [name, value] : s.outputs) {
            out << u"       out "_s << name << u" = "_s << valueText(value) << u'\n';
        }
        for (const flow::VariableChange& c : s.changes) {
            out << u"       set "_s << c.name << u": "_s << valueText(c.before) << u" -> "_s << valueText(c.after)
                << u'\n';
        }
        if (s.uui && !s.uui->json.isEmpty()) {
            out << u"       UUI "_s << QString::fromUtf8(s.uui->json) << u'\n';
            out << u"       "_s
                << tr("budget: %1 of %2 characters (%3), %4")
                       .arg(s.uui->budget.measured)
                       .arg(s.uui->budget.limit)
                       .arg(uui::limitAppliesToName(s.uui->budget.limitAppliesTo),
                            s.uui->budget.fits() ? tr("fits") : tr("OVER by %1").arg(-s.uui->budget.remaining))
                << u'\n';
            for (const uui::WayOut& w : s.uui->budget.waysOut) {
                out << u"       - "_s << w.message << u'\n';
            }
        }
        if (s.invite) {
            out << u"       "_s << tr("SIP INVITE as sent (no SDP body):") << u'\n';
            out << u"         "_s << s.invite->requestLine << u'\n';
            for (const QString& h : s.invite->headers) {
                out << u"         "_s << h << u'\n';
            }
            if (s.invite->hasUui) {
                out << u"       "_s
                    << (s.invite->uuiFits ? tr("The UUI fits (%1 of %2).") : tr("The UUI does NOT fit (%1 of %2)."))
                           .arg(s.invite->measured)
                           .arg(s.invite->limit)
                    << u'\n';
            }
        }
        if (s.answer) {
            out << u"       "_s
                << (s.answer->sipStatus ? tr("Far end over SIP: %1 %2").arg(s.answer->sipStatus).arg(s.answer->reason)
                                        : tr("Far end over SIP: no final answer (%1)").arg(s.answer->reason))
                << u'\n';
            for (const QString& n : s.answer->notes) {
                out << u"         "_s << n << u'\n';
            }
        }
    }
    out << u'\n'
        << tr("End: %1 at %2 after %3 actions.")
               .arg(flow::endStateKey(trace.end), trace.endActionId)
               .arg(trace.actionsRun)
        << u'\n';
    if (trace.postFlow) {
        out << tr("When the Agentforce agent hangs up: the %1 goes to %2 \"%3\", invocation data %4.")
                   .arg(trace.postFlow->target == flow::PostFlowTarget::Caller ? tr("caller") : tr("agent"),
                        trace.postFlow->flowType, trace.postFlow->flowName, valueText(trace.postFlow->invocationData))
            << u'\n';
    }
    out.flush();
}

// Options shared by the simulating commands.
struct SimulationOptions {
    QCommandLineOption seed{u"seed"_s, tr("Seed for conversation ids, SIP tags and stand-in tokens (default 1)."),
                            u"N"_s};
    QCommandLineOption keyBits{u"key-bits"_s, tr("RSA key size the stand-in UUI token is sized for (default 2048)."),
                               u"bits"_s};
    QCommandLineOption json{u"json"_s, tr("Print the result as JSON.")};

    void add(QCommandLineParser& parser) const { parser.addOptions({seed, keyBits, json}); }

    // Applies the options; returns a usage error message, or empty.
    QString apply(const QCommandLineParser& parser, flow::SimulationContext& c) const {
        if (parser.isSet(seed)) {
            bool ok = false;
            c.seed = parser.value(seed).toULongLong(&ok);
            if (!ok) {
                return tr("--seed must be a whole number.");
            }
        }
        if (parser.isSet(keyBits)) {
            bool ok = false;
            c.tokens.keyBits = parser.value(keyBits).toInt(&ok);
            if (!ok || c.tokens.keyBits < 512 || c.tokens.keyBits > 16384) {
                return tr("--key-bits must be a key size such as 2048.");
            }
        }
        return {};
    }
};

// ---- flow new -------------------------------------------------------------------------------------------------

int runNew(Context& context, const QStringList& args) {
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Make a project with a flow from a template. Writes it to standard output, "
                                        "or atomically to --out."));
    const QCommandLineOption templ(u"template"_s, tr("The template: %1.").arg(flow::templateNames().join(u", "_s)),
                                   u"name"_s);
    const QCommandLineOption out(u"out"_s, tr("Write the project to this file (atomically)."), u"file"_s);
    const QCommandLineOption force(u"force"_s, tr("Replace --out if it exists."));
    const QCommandLineOption name(u"name"_s, tr("The project's name."), u"text"_s);
    const QCommandLineOption number(
        u"number"_s, tr("The Agentforce Voice SIP address in E.164 form (default: a fictional +15550100100)."),
        u"e164"_s);
    const QCommandLineOption orgId(u"org-id"_s, tr("The Salesforce org id (00D...), for the project and the flow."),
                                   u"id"_s);
    const QCommandLineOption domain(u"scrt2-domain"_s, tr("The SCRT2 domain, <name>.my.salesforce-scrt.com."),
                                    u"domain"_s);
    const QCommandLineOption callCenter(u"call-center"_s, tr("The Call Center API name."), u"name"_s);
    const QCommandLineOption json(u"json"_s, tr("With --out, print a JSON summary instead of nothing."));
    parser.addOptions({templ, out, force, name, number, orgId, domain, callCenter, json});
    if (auto code = parseCommandLine(parser, args, context)) {
        return *code;
    }
    if (!parser.positionalArguments().isEmpty()) {
        return context.usageError(tr("'flow new' takes no file name; use --out."));
    }
    const QString templateName = parser.value(templ).isEmpty() ? u"sip-transfer"_s : parser.value(templ);
    flow::TemplateOptions options;
    if (parser.isSet(number)) {
        options.agentforceNumber = parser.value(number);
        if (!flow::isE164(options.agentforceNumber)) {
            return context.usageError(tr("--number must be E.164: + and 1 to 15 digits, for example +15550100100."));
        }
    }
    project::Project p = project::Project::defaults();
    p.name = parser.isSet(name) ? parser.value(name) : tr("New SIP transfer project");
    if (parser.isSet(orgId)) {
        p.org.orgId = parser.value(orgId).trimmed();
        options.salesforceOrgId = p.org.orgId;
    }
    if (parser.isSet(domain)) {
        p.org.scrt2Domain = parser.value(domain).trimmed();
        const salesforce::Scrt2Address address = p.org.scrt2();
        if (!address.isValid()) {
            context.printDiagnostics(address.diagnostics);
            return context.usageError(tr("--scrt2-domain is not an SCRT2 domain."));
        }
        QString base = address.baseUrl;
        base.remove(QRegularExpression(u"^https?://"_s)); // the form the help article shows
        options.scrtBaseUrl = base;
    }
    if (parser.isSet(callCenter)) {
        p.org.callCenterApiName = parser.value(callCenter).trimmed();
        options.callCenterApiName = p.org.callCenterApiName;
    }
    const auto made = flow::flowTemplate(templateName, options);
    if (!made) {
        return context.usageError(
            tr("There is no template '%1'. Templates: %2.").arg(templateName, flow::templateNames().join(u", "_s)));
    }
    p.flow = *made;
    p.scenarios = flow::defaultScenarios();
    const QByteArray bytes = project::ProjectFile::serialize(p);
    if (!parser.isSet(out)) {
        context.out() << QString::fromUtf8(bytes) << Qt::flush;
        return Ok;
    }
    io::SaveOptions save;
    save.failIfExists = !parser.isSet(force);
    if (auto written = io::saveAtomically(parser.value(out), bytes, save); !written) {
        return context.reportError(written.error(), Failure);
    }
    if (parser.isSet(json)) {
        context.printJson(QJsonObject{{u"path"_s, parser.value(out)},
                                      {u"template"_s, templateName},
                                      {u"actions"_s, p.flow.actionCount()},
                                      {u"scenarios"_s, p.scenarios.size()}});
    } else {
        context.err() << tr("Wrote %1 (%2 actions, %3 scenarios).")
                             .arg(parser.value(out))
                             .arg(p.flow.actionCount())
                             .arg(p.scenarios.size())
                      << u'\n' << Qt::flush;
    }
    return Ok;
}

// ---- flow validate --------------------------------------------------------------------------------------------

int runValidate(Context& context, const QStringList& args) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Check a project's flow against the SIP handoff rules (FLW0xx), and what a call along the all-success "
           "path meets under the project's settings: the UUI rules and header budget of `handoff uui compose` and "
           "the transfer's checks."));
    parser.addOption(environmentOption());
    parser.addPositionalArgument(u"project"_s, tr("The .handoff project, or - for standard input."));
    const QCommandLineOption json(u"json"_s, tr("Print the result as JSON."));
    parser.addOption(json);
    if (auto code = parseCommandLine(parser, args, context)) {
        return *code;
    }
    auto loaded = loadProjectArgument(context, parser);
    if (const int* code = std::get_if<int>(&loaded)) {
        return *code;
    }
    LoadedProject& lp = std::get<LoadedProject>(loaded);
    diagnostics::Diagnostics list = lp.diagnostics;
    list.append(project::validateFlow(lp.project, context.clock()));
    locate(list, lp.text, lp.project);
    if (parser.isSet(json)) {
        context.printJson(QJsonObject{{u"project"_s, lp.path},
                                      {u"actions"_s, lp.project.flow.actionCount()},
                                      {u"ok"_s, !diagnostics::hasErrors(list)},
                                      {u"diagnostics"_s, Context::diagnosticsToJson(list)}});
    } else {
        context.printDiagnostics(list, lp.path);
        if (list.isEmpty()) {
            context.out()
                << tr("%1: the flow passes every check (%2 actions).").arg(lp.path).arg(lp.project.flow.actionCount())
                << u'\n' << Qt::flush;
        }
    }
    return Context::exitCodeFor(list);
}

// ---- flow simulate --------------------------------------------------------------------------------------------

int runSimulate(Context& context, const QStringList& args) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Run one simulated call through the project's flow and print the trace: each action, its inputs, outputs "
           "and variable changes, the UUI with its budget, the SIP INVITE, and the end state."));
    parser.addOption(environmentOption());
    parser.addPositionalArgument(u"project"_s, tr("The .handoff project, or - for standard input."));
    const QCommandLineOption scenario(u"scenario"_s, tr("Start from this named scenario of the project."), u"name"_s);
    const QCommandLineOption ani(u"ani"_s, tr("The caller's number, Call.Ani (default tel:+14155550100)."),
                                 u"number"_s);
    const QCommandLineOption dialled(u"dialled"_s, tr("The number dialled, Call.CalledAddressOriginal."), u"number"_s);
    const QCommandLineOption outcome(u"outcome"_s, tr("The Call Data Action's scripted outcome (default success)."),
                                     u"success|failure|timeout"_s);
    const QCommandLineOption transfer(u"transfer"_s, tr("Whether the far end accepts the transfer (default ok)."),
                                      u"ok|fail"_s);
    const QCommandLineOption at(u"at"_s, tr("The call's start time: ISO 8601 (UTC if no zone) or epoch seconds."),
                                u"time"_s);
    const QCommandLineOption issuedAt(
        u"token-issued-at"_s, tr("When the reused UUI token was minted (default: the call's start)."), u"time"_s);
    const QCommandLineOption baseUrl(
        u"base-url"_s,
        tr("Answer the Call Data Action with a real voiceCalls request to this base URL (the built-in emulator on "
           "this computer, or the org's SCRT2 address) instead of a scripted outcome. Needs --key."),
        u"url"_s);
    const QCommandLineOption keyFile(u"key"_s,
                                     tr("With --base-url: the private key (PEM) that signs the API token. A "
                                        "passphrase comes from HANDOFF_KEY_PASSPHRASE or a prompt."),
                                     u"file"_s);
    const QCommandLineOption live(
        u"live-emulator"_s,
        tr("Rehearse the handoff on this computer: start the built-in voiceCalls emulator and the Agentforce Voice SIP "
           "stand-in on 127.0.0.1, answer the Call Data Action from the emulator, sign the UUI token with --key as the "
           "exported function does, and send the transfer's INVITE over real SIP to the stand-in, whose verdict goes "
           "into the trace. Needs --key (its public key is registered for the project's org). See docs/sip.md."));
    SimulationOptions common;
    parser.addOptions({scenario, ani, dialled, outcome, transfer, at, issuedAt, baseUrl, keyFile, live});
    common.add(parser);
    if (auto code = parseCommandLine(parser, args, context)) {
        return *code;
    }
    auto loaded = loadProjectArgument(context, parser);
    if (const int* code = std::get_if<int>(&loaded)) {
        return *code;
    }
    LoadedProject& lp = std::get<LoadedProject>(loaded);

    flow::Scenario s;
    if (parser.isSet(scenario)) {
        const auto it = std::find_if(lp.project.scenarios.cbegin(), lp.project.scenarios.cend(),
                                     [&](const flow::Scenario& x) { return x.name == parser.value(scenario); });
        if (it == lp.project.scenarios.cend()) {
            QStringList names;
            for (const flow::Scenario& x : lp.project.scenarios) {
                names.append(x.name);
            }
            return context.usageError(
                tr("The project has no scenario '%1'. Scenarios: %2.")
                    .arg(parser.value(scenario), names.isEmpty() ? tr("none") : names.join(u", "_s)));
        }
        s = *it;
    }
    if (parser.isSet(ani)) {
        s.call.ani = parser.value(ani);
    }
    if (parser.isSet(dialled)) {
        s.call.dialledNumber = parser.value(dialled);
    }
    if (parser.isSet(outcome)) {
        std::optional<telephony::CallOutcome> o;
        if (!flow::outcomeFromKey(parser.value(outcome), o) || !o) {
            return context.usageError(tr("--outcome must be success, failure or timeout."));
        }
        s.dataAction = o;
    }
    if (parser.isSet(live)) {
        if (parser.isSet(baseUrl) || parser.isSet(outcome) || parser.isSet(transfer)) {
            return context.usageError(tr("--live-emulator answers the data action and the transfer itself: give "
                                         "neither --base-url, --outcome nor --transfer with it."));
        }
        if (!parser.isSet(keyFile)) {
            return context.usageError(tr("--live-emulator needs --key, the private key that signs the API and UUI "
                                         "tokens."));
        }
        s.dataAction.reset();
    } else if (parser.isSet(baseUrl)) {
        if (parser.isSet(outcome)) {
            return context.usageError(tr("Give --outcome (scripted) or --base-url (a real request), not both."));
        }
        if (!parser.isSet(keyFile)) {
            return context.usageError(tr("--base-url needs --key, the private key that signs the API token."));
        }
        s.dataAction.reset();
    } else if (!s.dataAction) {
        s.dataAction = telephony::CallOutcome::Success; // a scenario for "the backend", but none was given
    }
    if (parser.isSet(transfer)) {
        const QString t = parser.value(transfer);
        if (t != u"ok"_s && t != u"fail"_s) {
            return context.usageError(tr("--transfer must be ok or fail."));
        }
        s.transferAccepted = t == u"ok"_s;
    }
    if (parser.isSet(at)) {
        const auto t = parseTime(parser.value(at));
        if (!t) {
            return context.usageError(tr("--at must be ISO 8601 (2026-03-02T03:00:00Z) or epoch seconds."));
        }
        s.call.startTime = *t;
    }
    flow::SimulationContext c = project::simulationContext(lp.project);
    if (const QString error = common.apply(parser, c); !error.isEmpty()) {
        return context.usageError(error);
    }
    if (parser.isSet(issuedAt)) {
        const auto t = parseTime(parser.value(issuedAt));
        if (!t) {
            return context.usageError(tr("--token-issued-at must be ISO 8601 or epoch seconds."));
        }
        c.tokens.issuedAt = *t;
    }

    std::unique_ptr<telephony::VoiceCallsClient> client;
    std::unique_ptr<sip::LiveRehearsal> rehearsal;
    telephony::VoiceCallsBackend* backend = nullptr;
    if (parser.isSet(live)) {
        auto key = context.loadPrivateKey(parser.value(keyFile));
        if (!key) {
            return context.reportError(key.error(), Failure);
        }
        auto created = sip::LiveRehearsal::create(lp.project, *key, context.clock());
        if (!created) {
            return context.reportError(created.error(), Problems);
        }
        if (auto listening = (*created)->listen(); !listening) {
            return context.reportError(listening.error(), Failure);
        }
        rehearsal = std::move(*created);
        backend = rehearsal->backend();
    } else if (parser.isSet(baseUrl)) {
        const telephony::Endpoint endpoint = telephony::resolveEndpoint(parser.value(baseUrl));
        if (endpoint.voiceCallsUrl.isEmpty()) {
            context.printDiagnostics(endpoint.diagnostics);
            return context.usageError(tr("--base-url is not a voiceCalls address this tool sends tokens to."));
        }
        auto key = context.loadPrivateKey(parser.value(keyFile));
        if (!key) {
            return context.reportError(key.error(), Failure);
        }
        auto tokens = std::make_shared<telephony::JwtApiTokenSource>(std::move(*key), lp.project.org.orgId.trimmed(),
                                                                     lp.project.org.callCenterApiName.trimmed(),
                                                                     lp.project.org.customerType, context.clock());
        client =
            std::make_unique<telephony::VoiceCallsClient>(endpoint.voiceCallsUrl, std::move(tokens), context.clock());
        backend = client.get();
    }
    flow::Simulator simulator(lp.project.flow, c, context.clock());
    if (rehearsal) {
        rehearsal->attach(simulator);
    }
    const flow::Trace trace = simulator.run(s.call, s.script(), backend);
    diagnostics::Diagnostics list = trace.diagnostics;
    locate(list, lp.text, lp.project);
    if (parser.isSet(common.json)) {
        QJsonObject root = flow::toJson(trace);
        root.insert(u"diagnostics"_s, Context::diagnosticsToJson(list));
        root.insert(u"scenario"_s, s.name);
        if (rehearsal) {
            root.insert(u"liveEmulator"_s, QJsonObject{{u"voiceCallsUrl"_s, rehearsal->voiceCallsUrl()},
                                                       {u"sipUri"_s, rehearsal->sipUri()}});
        }
        context.printJson(root);
    } else {
        if (rehearsal) {
            context.out() << tr("Rehearsal on this computer: voiceCalls emulator at %1, SIP stand-in at %2.")
                                 .arg(rehearsal->voiceCallsUrl(), rehearsal->sipUri())
                          << u"\n\n"_s;
        }
        printTrace(context.out(), trace);
        context.printDiagnostics(list, lp.path);
    }
    return Context::exitCodeFor(list);
}

// ---- flow matrix ----------------------------------------------------------------------------------------------

int runMatrix(Context& context, const QStringList& args) {
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Run every combination of data-action outcome (success, failure, timeout) "
                                        "and transfer outcome (ok, fail); report each path's end and the bad ones."));
    parser.addOption(environmentOption());
    parser.addPositionalArgument(u"project"_s, tr("The .handoff project, or - for standard input."));
    const QCommandLineOption at(u"at"_s, tr("The calls' start time (default now)."), u"time"_s);
    SimulationOptions common;
    parser.addOption(at);
    common.add(parser);
    if (auto code = parseCommandLine(parser, args, context)) {
        return *code;
    }
    auto loaded = loadProjectArgument(context, parser);
    if (const int* code = std::get_if<int>(&loaded)) {
        return *code;
    }
    LoadedProject& lp = std::get<LoadedProject>(loaded);
    flow::SimulationContext c = project::simulationContext(lp.project);
    if (const QString error = common.apply(parser, c); !error.isEmpty()) {
        return context.usageError(error);
    }
    flow::SimulatedCall call;
    if (parser.isSet(at)) {
        const auto t = parseTime(parser.value(at));
        if (!t) {
            return context.usageError(tr("--at must be ISO 8601 or epoch seconds."));
        }
        call.startTime = *t;
    }
    const flow::MatrixReport report = flow::runMatrix(lp.project.flow, c, context.clock(), call);
    diagnostics::Diagnostics list = report.diagnostics;
    locate(list, lp.text, lp.project);
    if (parser.isSet(common.json)) {
        QJsonObject root = flow::toJson(report);
        root.insert(u"diagnostics"_s, Context::diagnosticsToJson(list));
        context.printJson(root);
    } else {
        QTextStream& out = context.out();
        out << tr("data action  transfer  end           at                          verdict") << u'\n';
        for (const flow::MatrixRow& r : report.rows) {
            out << telephony::callOutcomeName(r.dataAction).leftJustified(12) << u' '
                << (r.transferAccepted ? u"ok"_s : u"fail"_s).leftJustified(9) << u' '
                << flow::endStateKey(r.end).leftJustified(13) << u' ' << r.endActionId.leftJustified(27) << u' '
                << (r.expected ? u"ok: "_s : u"BAD: "_s) << r.verdict << u'\n';
        }
        out.flush();
        context.printDiagnostics(list, lp.path);
    }
    return Context::exitCodeFor(list);
}

// ---- flow window ----------------------------------------------------------------------------------------------

int runWindow(Context& context, const QStringList& args) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Spread scripted calls over a period with the project's UUI token policy and report when transfers start "
           "failing (a reused token that expires, a single-use token used twice)."));
    parser.addOption(environmentOption());
    parser.addPositionalArgument(u"project"_s, tr("The .handoff project, or - for standard input."));
    const QCommandLineOption hours(u"hours"_s, tr("How many hours (default 48)."), u"N"_s);
    const QCommandLineOption perHour(u"calls-per-hour"_s, tr("Calls per hour, spread evenly (default 10)."), u"M"_s);
    const QCommandLineOption start(u"start"_s, tr("The window's start (default now)."), u"time"_s);
    const QCommandLineOption issuedAt(
        u"token-issued-at"_s, tr("When the reused UUI token was minted (default: the window's start)."), u"time"_s);
    const QCommandLineOption refresh(u"refresh-hours"_s, tr("Mint the reused token again this often (default never)."),
                                     u"H"_s);
    const QCommandLineOption perCall(u"per-call"_s, tr("Mint a fresh UUI token for every call instead."));
    SimulationOptions common;
    parser.addOptions({hours, perHour, start, issuedAt, refresh, perCall});
    common.add(parser);
    if (auto code = parseCommandLine(parser, args, context)) {
        return *code;
    }
    flow::WindowOptions options;
    auto positive = [&](const QCommandLineOption& option, int& target, int max) {
        if (!parser.isSet(option)) {
            return true;
        }
        bool ok = false;
        target = parser.value(option).toInt(&ok);
        return ok && target >= 1 && target <= max;
    };
    if (!positive(hours, options.hours, 24 * 366)) {
        return context.usageError(tr("--hours must be a whole number from 1 to 8784."));
    }
    if (!positive(perHour, options.callsPerHour, 3600)) {
        return context.usageError(tr("--calls-per-hour must be a whole number from 1 to 3600."));
    }
    auto loaded = loadProjectArgument(context, parser);
    if (const int* code = std::get_if<int>(&loaded)) {
        return *code;
    }
    LoadedProject& lp = std::get<LoadedProject>(loaded);
    flow::SimulationContext c = project::simulationContext(lp.project);
    if (const QString error = common.apply(parser, c); !error.isEmpty()) {
        return context.usageError(error);
    }
    if (parser.isSet(start)) {
        const auto t = parseTime(parser.value(start));
        if (!t) {
            return context.usageError(tr("--start must be ISO 8601 or epoch seconds."));
        }
        options.start = *t;
    }
    if (parser.isSet(issuedAt)) {
        const auto t = parseTime(parser.value(issuedAt));
        if (!t) {
            return context.usageError(tr("--token-issued-at must be ISO 8601 or epoch seconds."));
        }
        c.tokens.issuedAt = *t;
    }
    if (parser.isSet(refresh)) {
        int h = 0;
        if (!positive(refresh, h, 24 * 366)) {
            return context.usageError(tr("--refresh-hours must be a whole number of 1 or more."));
        }
        c.tokens.refreshSeconds = qint64(h) * 3600;
    }
    if (parser.isSet(perCall)) {
        c.tokens.mode = flow::TokenSupply::Mode::PerCall;
    }
    const flow::WindowReport report = flow::runWindow(lp.project.flow, c, context.clock(), options);
    diagnostics::Diagnostics list = report.diagnostics;
    locate(list, lp.text, lp.project);
    if (parser.isSet(common.json)) {
        QJsonObject root = flow::toJson(report);
        root.insert(u"diagnostics"_s, Context::diagnosticsToJson(list));
        context.printJson(root);
    } else {
        QTextStream& out = context.out();
        out << tr("%1 calls over %2 hours, %3 reached the agent.")
                   .arg(report.calls)
                   .arg(options.hours)
                   .arg(report.transferred)
            << u'\n';
        // Runs of hours with the same outcome, so that 48 hours fit on a few lines.
        qsizetype i = 0;
        while (i < report.hours.size()) {
            const flow::WindowHour& first = report.hours[i];
            qsizetype j = i;
            while (j + 1 < report.hours.size() && report.hours[j + 1].transferred == first.transferred &&
                   report.hours[j + 1].failed == first.failed && report.hours[j + 1].reasons == first.reasons) {
                ++j;
            }
            QStringList reasons;
            for (auto it = first.reasons.cbegin(); it != first.reasons.cend(); ++it) {
                reasons.append(u"%1 x%2"_s.arg(it.key()).arg(it.value()));
            }
            out << tr("  hours %1-%2 (from %3): %4 transferred, %5 failed per hour%6")
                       .arg(first.hour)
                       .arg(report.hours[j].hour)
                       .arg(first.from.toUTC().toString(Qt::ISODate))
                       .arg(first.transferred)
                       .arg(first.failed)
                       .arg(reasons.isEmpty() ? QString() : u" ("_s + reasons.join(u", "_s) + u')')
                << u'\n';
            i = j + 1;
        }
        out.flush();
        context.printDiagnostics(list, lp.path);
    }
    return Context::exitCodeFor(list);
}

} // namespace

CommandGroup flowCommands() {
    const QString summary = tr("Model, check and simulate the Genesys Architect inbound flow");
    return {u"flow"_s, summary, [summary](Context& context, const QStringList& args) {
                return dispatchSubcommands(
                    context, u"flow"_s, summary,
                    {
                        {u"new"_s, tr("Make a project from a flow template (sip-transfer)."), runNew},
                        {u"validate"_s, tr("Check the flow against the handoff rules."), runValidate},
                        {u"simulate"_s, tr("Run one simulated call and print its trace."), runSimulate},
                        {u"matrix"_s, tr("Run every data-action and transfer outcome."), runMatrix},
                        {u"window"_s, tr("Spread calls over hours; find when tokens expire."), runWindow},
                        {u"show"_s, tr("List the flow's tasks and actions with their ids."), runShow},
                        {u"edit"_s, tr("Change the flow: insert, move, set, rename, remove; tasks and variables."),
                         runEdit},
                        {u"import"_s, tr("Read an Archy YAML flow into a new project: import archy FILE --out P."),
                         runFlowImport},
                    },
                    args);
            }};
}

} // namespace handoff::cli
