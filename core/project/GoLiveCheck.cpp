#include "GoLiveCheck.h"

#include "crypto/Certificate.h"
#include "crypto/PrivateKey.h"
#include "diagnostics/Catalog.h"
#include "exports/DataActionContracts.h"
#include "exports/FunctionPackage.h"
#include "flow/Simulator.h"
#include "jwt/ClaimRules.h"
#include "jwt/JwtClaims.h"
#include "jwt/OrgClaims.h"
#include "project/SimulationSetup.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QLocale>
#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace handoff::project {

namespace {

QString tr(const char* text, const char* disambiguation = nullptr, int n = -1) {
    return QCoreApplication::translate("handoff::project", text, disambiguation, n);
}

CheckResult make(const char* id, QString title, QString page, QString field) {
    CheckResult c;
    c.id = QString::fromLatin1(id);
    c.title = std::move(title);
    c.fix = {std::move(page), std::move(field)};
    return c;
}

// The desktop app's page that shows a model field (the pages register the same fields); empty when unknown.
QString pageForField(const QString& field) {
    static const QList<std::pair<QString, QString>> prefixes{
        {u"org."_s, u"org"_s},      {u"key"_s, u"org"_s},         {u"certificate"_s, u"org"_s},
        {u"tokens."_s, u"token"_s}, {u"claims."_s, u"token"_s},   {u"token."_s, u"token"_s},
        {u"uui"_s, u"uui"_s},       {u"trunk."_s, u"uui"_s},      {u"budget"_s, u"uui"_s},
        {u"header."_s, u"uui"_s},   {u"exports."_s, u"export"_s}, {u"functionDataAction."_s, u"export"_s},
        {u"flow"_s, u"flow"_s},     {u"testCall."_s, u"call"_s},
    };
    for (const auto& [prefix, page] : prefixes) {
        if (field.startsWith(prefix)) {
            return page;
        }
    }
    return {};
}

// Pass / warn / fail from the problems behind a check; the fix field follows the first problem that has one.
void settle(CheckResult& c, const QString& passReason) {
    const diagnostics::Severity worst = diagnostics::worstSeverity(c.diagnostics);
    const bool any = std::any_of(c.diagnostics.cbegin(), c.diagnostics.cend(), [](const diagnostics::Diagnostic& d) {
        return d.severity != diagnostics::Severity::Info;
    });
    if (!any) {
        c.status = CheckStatus::Pass;
        c.reason = passReason;
        return;
    }
    c.status = worst == diagnostics::Severity::Error ? CheckStatus::Fail : CheckStatus::Warn;
    for (const diagnostics::Diagnostic& d : std::as_const(c.diagnostics)) {
        if (d.severity == worst) {
            c.reason = d.code + u": "_s + d.message;
            if (!d.where.field.isEmpty()) {
                c.fix.field = d.where.field;
                if (const QString page = pageForField(d.where.field); !page.isEmpty()) {
                    c.fix.pageId = page;
                }
            } else if (d.where.isInFlow()) {
                c.fix = {u"flow"_s, u"flow"_s};
            }
            break;
        }
    }
}

QString hours(qint64 secs) {
    return secs % 3600 == 0 ? handoff::project::tr("%n h", nullptr, int(secs / 3600))
                            : handoff::project::tr("%n min", nullptr, int(secs / 60));
}

CheckResult checkOrg(const Project& p) {
    CheckResult c = make(checks::kOrg, handoff::project::tr("Org settings"), u"org"_s, u"org.orgId"_s);
    c.diagnostics = p.org.validate();
    settle(c, handoff::project::tr("Org id, SCRT2 domain and Call Center API name are well formed."));
    return c;
}

CheckResult checkKey(const GoLiveInputs& in) {
    CheckResult c = make(checks::kKey, handoff::project::tr("Private key"), u"org"_s, u"key"_s);
    if (!in.key || in.key->isNull()) {
        c.status = CheckStatus::Fail;
        c.reason = in.keyProblem.isEmpty()
                       ? handoff::project::tr("No private key is loaded: no token can be signed. Generate or import "
                                              "one on the Org & credentials page (or give --key FILE).")
                       : in.keyProblem;
        return c;
    }
    c.diagnostics = in.key->checkForRs256(u"key"_s);
    settle(c, handoff::project::tr("%1 %2 bits: fit for RS256.")
                  .arg(crypto::algorithmName(in.key->algorithm()))
                  .arg(in.key->bits()));
    return c;
}

CheckResult checkCertificate(const Project& p, const GoLiveInputs& in, const Clock& clock) {
    CheckResult c = make(checks::kCertificate, handoff::project::tr("Certificate uploaded to Salesforce"), u"org"_s,
                         u"certificate"_s);
    if (!in.certificate || in.certificate->isNull()) {
        if (!in.certificateProblem.isEmpty()) {
            c.status = CheckStatus::Fail;
            c.reason = in.certificateProblem;
        } else {
            c.status = CheckStatus::NotRun;
            c.reason = handoff::project::tr("The project names no certificate file, so the certificate registered in "
                                            "Salesforce cannot be compared with the key. Save the certificate on the "
                                            "Org & credentials page.");
        }
        return c;
    }
    c.diagnostics = keyDiagnostics(in.key, in.certificate, clock);
    c.diagnostics.removeIf([](const diagnostics::Diagnostic& d) { return d.where.field == u"key"_s; });
    // Days left against the token policy: a token signed now must not outlive the certificate it is checked with.
    const QDateTime notAfter = in.certificate->notAfter();
    const qint64 longest = qMax(p.uuiToken.ttlSeconds, p.apiToken.ttlSeconds);
    const qint64 left = clock.now().secsTo(notAfter);
    if (left > 0 && left < longest) {
        c.diagnostics.append(diagnostics::make(
            checks::kCertificate,
            handoff::project::tr("The certificate expires at %1, before a token signed now under the token policy "
                                 "(%2) would. Make a new key pair and upload its certificate before go-live.")
                .arg(notAfter.toString(Qt::ISODate), hours(longest)),
            {u"certificate"_s}));
    }
    const QString fingerprint = QString::fromLatin1(in.certificate->sha256Fingerprint().toHex(':')).toUpper();
    settle(c, handoff::project::tr("Belongs to the key; valid until %1 (%n day(s) left). SHA-256 %2.", nullptr,
                                   int(left / 86400))
                  .arg(notAfter.toString(Qt::ISODate), fingerprint));
    if (in.key && !in.key->isNull() && in.certificate->matches(*in.key) && c.status == CheckStatus::Pass) {
        return c;
    }
    if ((!in.key || in.key->isNull()) && c.status == CheckStatus::Pass) {
        c.reason = handoff::project::tr("Valid until %1 (%n day(s) left); not compared with a key (none loaded).",
                                        nullptr, int(left / 86400))
                       .arg(notAfter.toString(Qt::ISODate));
    }
    return c;
}

CheckResult checkTokenPreset(const Project& p, const Clock& clock, bool uui) {
    const TokenPolicy& policy = uui ? p.uuiToken : p.apiToken;
    CheckResult c = make(uui ? checks::kUuiToken : checks::kApiToken,
                         uui ? handoff::project::tr("UUI token preset") : handoff::project::tr("API token preset"),
                         u"token"_s, uui ? u"tokens.uui"_s : u"tokens.api"_s);
    jwt::TokenSpec spec;
    spec.issuer = jwt::tokenIssuer(p.org);
    spec.subject = jwt::tokenSubject(p.org);
    spec.ttlSecs = policy.ttlSeconds;
    spec.withJti = policy.jti;
    spec.reusable = uui && !policy.jti;
    jwt::ClaimRuleOptions options;
    options.reusable = spec.reusable;
    c.diagnostics = jwt::checkClaims(jwt::buildClaims(spec, clock), &p.org, clock, options);
    // The org's own problems are GOL001's; here only what the token policy decides.
    c.diagnostics.removeIf([](const diagnostics::Diagnostic& d) { return d.where.field.startsWith(u"org."_s); });
    if (uui && policy.jti) {
        c.diagnostics.append(diagnostics::make(
            "GOL014",
            handoff::project::tr("The UUI token preset has a jti, so each token works for one call only; the flow "
                                 "must mint one per call (the Function Data Action does)."),
            {u"tokens.uui"_s}));
    }
    if (!uui && !policy.jti) {
        c.diagnostics.append(diagnostics::make(
            "GOL015",
            handoff::project::tr("The API token preset has no jti: a stolen token can be replayed until it expires. "
                                 "Turn jti on (the preset: 5 minutes, single use)."),
            {u"tokens.api"_s}));
    }
    settle(c, handoff::project::tr("Expires %1 after it is signed; %2.")
                  .arg(hours(policy.ttlSeconds), policy.jti ? handoff::project::tr("single use (jti)")
                                                            : handoff::project::tr("reusable (no jti)")));
    return c;
}

CheckResult checkUui(const Project& p, const Composition& composed) {
    CheckResult c = make(checks::kUui, handoff::project::tr("UUI under the trunk profile"), u"uui"_s, u"budget"_s);
    c.diagnostics = p.trunk.validate();
    c.diagnostics.append(composed.lintDiagnostics);
    c.diagnostics.append(composed.budgetDiagnostics);
    const uui::SipBudget& b = composed.budget;
    QString reason = handoff::project::tr("%1 of %2 characters used (%3), %4 left.")
                         .arg(b.measured)
                         .arg(b.limit)
                         .arg(uui::limitAppliesToKey(b.limitAppliesTo))
                         .arg(b.remaining);
    if (composed.tokenEstimated) {
        reason += u' ' + handoff::project::tr("Measured with a stand-in for a 2048-bit key's token (no key loaded).");
    }
    settle(c, reason);
    return c;
}

bool hasErrorsIn(const CheckResult& c) {
    return c.status == CheckStatus::Fail;
}

CheckResult checkFlow(const Project& p, const GoLiveInputs& in, const Clock& clock) {
    CheckResult c = make(checks::kFlow, handoff::project::tr("Flow validation"), u"flow"_s, u"flow"_s);
    if (p.flow.tasks.isEmpty()) {
        c.status = CheckStatus::Fail;
        c.reason = handoff::project::tr("The project has no flow. Start one from the template (handoff flow new "
                                        "--template sip-transfer) or in the flow designer.");
        return c;
    }
    c.diagnostics = in.flowDiagnostics ? *in.flowDiagnostics : validateFlow(p, clock);
    settle(c, handoff::project::tr("The flow holds together and its success path reaches the agent."));
    return c;
}

CheckResult checkMatrix(const Project& p, const Clock& clock, const CheckResult& flowCheck) {
    CheckResult c = make(checks::kMatrix, handoff::project::tr("Every outcome handled"), u"flow"_s, u"flow"_s);
    if (hasErrorsIn(flowCheck)) {
        c.reason = handoff::project::tr("Not run: fix the flow's validation first (%1).").arg(flowCheck.id);
        return c;
    }
    const flow::MatrixReport report = flow::runMatrix(p.flow, simulationContext(p), clock);
    c.diagnostics = report.diagnostics;
    const qsizetype good =
        std::count_if(report.rows.cbegin(), report.rows.cend(), [](const flow::MatrixRow& r) { return r.expected; });
    for (const flow::MatrixRow& r : report.rows) {
        if (!r.expected && !diagnostics::hasErrors(c.diagnostics)) {
            c.diagnostics.append(diagnostics::make(
                checks::kMatrix,
                handoff::project::tr("Data action %1, transfer %2: %3")
                    .arg(telephony::callOutcomeName(r.dataAction), r.transferAccepted ? u"ok"_s : u"fail"_s, r.verdict),
                {u"flow"_s}));
        }
    }
    settle(c, handoff::project::tr("%1 of %2 data-action and transfer outcomes end as they should.")
                  .arg(good)
                  .arg(report.rows.size()));
    return c;
}

CheckResult checkWindow(const Project& p, const GoLiveInputs& in, const Clock& clock, const CheckResult& flowCheck) {
    CheckResult c = make(checks::kWindow, handoff::project::tr("Tokens over time"), u"token"_s, u"tokens.uui"_s);
    if (hasErrorsIn(flowCheck)) {
        c.reason = handoff::project::tr("Not run: fix the flow's validation first (%1).").arg(flowCheck.id);
        return c;
    }
    flow::WindowOptions options;
    options.hours = qMax(1, in.windowHours);
    options.callsPerHour = qMax(1, in.windowCallsPerHour);
    const flow::WindowReport report = flow::runWindow(p.flow, simulationContext(p), clock, options);
    c.diagnostics = report.diagnostics;
    if (report.firstFailure && !diagnostics::hasErrors(c.diagnostics)) {
        c.diagnostics.append(
            diagnostics::make(checks::kWindow,
                              handoff::project::tr("Transfers start failing in hour %1 (%2): %3.")
                                  .arg(report.firstFailingHour.value_or(0))
                                  .arg(report.firstFailure->toUTC().toString(Qt::ISODate), report.firstFailureCode),
                              {u"tokens.uui"_s}));
    }
    settle(c, handoff::project::tr("%1 of %2 calls over %3 h reached the agent with the UUI token policy.")
                  .arg(report.transferred)
                  .arg(report.calls)
                  .arg(options.hours));
    return c;
}

CheckResult checkContracts(const Project& p, const Composition& composed) {
    CheckResult c = make(checks::kContracts, handoff::project::tr("Data action contracts and Set UUI Data"),
                         u"export"_s, u"exports."_s);
    const exports::DataActionContracts contracts = exports::buildDataActionContracts(p);
    c.diagnostics = exports::checkContract(contracts.inputContract, exports::ContractKind::Input);
    c.diagnostics.append(exports::checkContract(contracts.outputContract, exports::ContractKind::Output));
    c.diagnostics.append(p.exports.validate());
    for (const diagnostics::Diagnostic& d : composed.setUuiData.diagnostics) {
        const bool seen = std::any_of(c.diagnostics.cbegin(), c.diagnostics.cend(), [&d](const auto& e) {
            return e.code == d.code && e.where.field == d.where.field;
        });
        if (!seen) {
            c.diagnostics.append(d);
        }
    }
    settle(c, handoff::project::tr("The contracts pass Genesys' rules; the Set UUI Data value is bound."));
    return c;
}

CheckResult checkFunction(const Project& p) {
    CheckResult c = make(checks::kFunction, handoff::project::tr("Function Data Action package"), u"export"_s,
                         u"functionDataAction.runtime"_s);
    const exports::FunctionPackage package = exports::buildFunctionPackage(p);
    c.diagnostics = package.diagnostics;
    settle(c, handoff::project::tr("Runtime %1, timeout %2 s.")
                  .arg(p.functionDataAction.runtime)
                  .arg(p.functionDataAction.timeoutSeconds));
    return c;
}

CheckResult checkProbe(const GoLiveInputs& in) {
    CheckResult c = make(checks::kProbe, handoff::project::tr("Credential probe (API token)"), u"golive"_s, {});
    if (!in.probe) {
        c.reason = handoff::project::tr("Not run. Run the credential probe against the built-in emulator or the "
                                        "org; it proves the API token's path only, not the UUI token's.");
        return c;
    }
    const telephony::ProbeResult& probe = *in.probe;
    c.diagnostics = probe.diagnostics;
    switch (probe.verdict) {
    case telephony::ProbeVerdict::TokenRefused:
    case telephony::ProbeVerdict::NoAnswer:
        c.status = CheckStatus::Fail;
        break;
    case telephony::ProbeVerdict::TokenNotRefused:
    case telephony::ProbeVerdict::RecordCreated:
    case telephony::ProbeVerdict::Unexplained:
        c.status = CheckStatus::Warn;
        break;
    }
    c.reason = probe.target.isEmpty() ? probe.reason : probe.target + u": "_s + probe.reason;
    return c;
}

CheckResult checkRealTransfer(const Project& p, qsizetype uuiBytes) {
    CheckResult c = make(checks::kRealTransfer, handoff::project::tr("A real transfer at this UUI size"), u"golive"_s,
                         u"realTransfers"_s);
    if (p.realTransfers.isEmpty()) {
        c.reason = handoff::project::tr(
                       "Not run: no real transfer is recorded. Only a transfer to Salesforce shows how it reads the "
                       "1,024 limit; make one with this UUI (%1 bytes) and record its date, size and outcome.")
                       .arg(uuiBytes);
        return c;
    }
    const RealTransferRecord& last = p.realTransfers.constLast();
    const QString when = last.date.toString(Qt::ISODate);
    if (last.succeeded) {
        if (last.uuiBytes >= uuiBytes) {
            c.status = CheckStatus::Pass;
            c.reason = handoff::project::tr("A real transfer succeeded on %1 with %2 bytes of UUI (now %3).")
                           .arg(when)
                           .arg(last.uuiBytes)
                           .arg(uuiBytes);
        } else {
            c.status = CheckStatus::Warn;
            c.reason = handoff::project::tr("The last real transfer (%1) succeeded with %2 bytes, but the UUI now has "
                                            "%3 bytes: make and record one at this size.")
                           .arg(when)
                           .arg(last.uuiBytes)
                           .arg(uuiBytes);
        }
        return c;
    }
    if (last.uuiBytes <= uuiBytes) {
        c.status = CheckStatus::Fail;
        c.reason = handoff::project::tr("The last real transfer (%1) failed with %2 bytes of UUI, and the UUI now has "
                                        "%3 bytes.")
                       .arg(when)
                       .arg(last.uuiBytes)
                       .arg(uuiBytes);
    } else {
        c.status = CheckStatus::Warn;
        c.reason = handoff::project::tr("The last real transfer (%1) failed with %2 bytes; the UUI is smaller now "
                                        "(%3 bytes): make and record another.")
                       .arg(when)
                       .arg(last.uuiBytes)
                       .arg(uuiBytes);
    }
    return c;
}

} // namespace

QString checkStatusKey(CheckStatus status) {
    switch (status) {
    case CheckStatus::Pass:
        return u"pass"_s;
    case CheckStatus::Warn:
        return u"warn"_s;
    case CheckStatus::Fail:
        return u"fail"_s;
    case CheckStatus::NotRun:
        break;
    }
    return u"not-run"_s;
}

QString checkStatusName(CheckStatus status) {
    switch (status) {
    case CheckStatus::Pass:
        return handoff::project::tr("Passed");
    case CheckStatus::Warn:
        return handoff::project::tr("Warning");
    case CheckStatus::Fail:
        return handoff::project::tr("Failed");
    case CheckStatus::NotRun:
        break;
    }
    return handoff::project::tr("Not run");
}

diagnostics::Diagnostic CheckResult::focus() const {
    const diagnostics::Severity wanted =
        status == CheckStatus::Fail ? diagnostics::Severity::Error : diagnostics::Severity::Warning;
    for (const diagnostics::Diagnostic& d : diagnostics) {
        if (d.severity == wanted) {
            return d;
        }
    }
    diagnostics::Diagnostic d = diagnostics::make(id.toLatin1().constData(), reason, {fix.field});
    if (status != CheckStatus::Fail) {
        d.severity = status == CheckStatus::Warn ? diagnostics::Severity::Warning : diagnostics::Severity::Info;
    }
    return d;
}

const CheckResult* GoLiveReport::find(const QString& id) const {
    for (const CheckResult& c : checks) {
        if (c.id == id) {
            return &c;
        }
    }
    return nullptr;
}

diagnostics::Diagnostics keyDiagnostics(const crypto::PrivateKey* key, const crypto::Certificate* certificate,
                                        const Clock& clock) {
    diagnostics::Diagnostics list;
    const bool haveKey = key && !key->isNull();
    if (haveKey) {
        list += key->checkForRs256(u"key"_s);
    }
    if (certificate && !certificate->isNull()) {
        list += certificate->check(clock, u"certificate"_s);
        if (haveKey && !certificate->matches(*key)) {
            list += diagnostics::make(
                "KEY009",
                handoff::project::tr("The private key does not belong to the certificate. Import the key the "
                                     "certificate was made from, or generate a new pair and upload its certificate to "
                                     "Salesforce."),
                {u"certificate"_s});
        }
    }
    return list;
}

Readiness verdictOf(const Project& project, const QList<CheckResult>& list) {
    // The problems behind the checks, in fixing order, each once; a failing check that no error explains adds its
    // own (its GOL code). project::readiness then makes the verdict from them: the first error is the first failing
    // check's, since only a failing check has errors behind it.
    diagnostics::Diagnostics problems;
    QSet<QString> seen;
    for (const CheckResult& c : list) {
        for (const diagnostics::Diagnostic& d : c.diagnostics) {
            const QString key = d.code + u'\x1f' + d.where.field + u'\x1f' + d.where.actionId + u'\x1f' + d.message;
            if (!seen.contains(key)) {
                seen.insert(key);
                problems.append(d);
            }
        }
        const bool explained = std::any_of(c.diagnostics.cbegin(), c.diagnostics.cend(),
                                           [](const diagnostics::Diagnostic& d) { return d.isError(); });
        if (c.status == CheckStatus::Fail && !explained) {
            problems.append(c.focus());
        } else if (c.status == CheckStatus::Warn && c.diagnostics.isEmpty()) {
            problems.append(c.focus());
        }
    }
    return readiness(project, problems);
}

QList<CheckResult> flowChecksOf(const GoLiveReport& report) {
    QList<CheckResult> list;
    for (const char* id : {checks::kFlow, checks::kMatrix, checks::kWindow}) {
        if (const CheckResult* c = report.find(QString::fromLatin1(id))) {
            list.append(*c);
        }
    }
    return list;
}

GoLiveReport goLiveCheck(const Project& project, const GoLiveInputs& inputs, const Clock& clock) {
    std::optional<Composition> own;
    const Composition* composed = inputs.composition;
    if (!composed) {
        own = compose(project, inputs.key && !inputs.key->isNull() ? inputs.key : nullptr, clock);
        composed = &*own;
    }
    GoLiveReport report;
    report.uuiDecodedBytes = composed->budget.decodedBytes;
    report.checks.append(checkOrg(project));
    report.checks.append(checkKey(inputs));
    report.checks.append(checkCertificate(project, inputs, clock));
    report.checks.append(checkTokenPreset(project, clock, true));
    report.checks.append(checkTokenPreset(project, clock, false));
    report.checks.append(checkUui(project, *composed));
    if (inputs.flowChecks && inputs.flowChecks->size() == 3) {
        report.checks.append(*inputs.flowChecks);
    } else {
        const CheckResult flowCheck = checkFlow(project, inputs, clock);
        report.checks.append(flowCheck);
        if (inputs.simulationChecks && inputs.simulationChecks->size() == 2 && !hasErrorsIn(flowCheck)) {
            report.checks.append(*inputs.simulationChecks);
        } else {
            report.checks.append(checkMatrix(project, clock, flowCheck));
            report.checks.append(checkWindow(project, inputs, clock, flowCheck));
        }
    }
    report.checks.append(checkContracts(project, *composed));
    report.checks.append(checkFunction(project));
    report.checks.append(checkProbe(inputs));
    report.checks.append(checkRealTransfer(project, report.uuiDecodedBytes));
    report.verdict = verdictOf(project, report.checks);
    return report;
}

QJsonObject toJson(const GoLiveReport& report) {
    QJsonArray list;
    for (const CheckResult& c : report.checks) {
        list.append(QJsonObject{{u"id"_s, c.id},
                                {u"title"_s, c.title},
                                {u"status"_s, checkStatusKey(c.status)},
                                {u"reason"_s, c.reason},
                                {u"fix"_s, QJsonObject{{u"page"_s, c.fix.pageId}, {u"field"_s, c.fix.field}}},
                                {u"diagnostics"_s, diagnostics::toJson(c.diagnostics)}});
    }
    QString state;
    switch (report.verdict.state) {
    case Readiness::State::Empty:
        state = u"empty"_s;
        break;
    case Readiness::State::NotReady:
        state = u"not-ready"_s;
        break;
    case Readiness::State::Ready:
        state = u"ready"_s;
        break;
    }
    return {{u"ok"_s, report.ok()},
            {u"verdict"_s, QJsonObject{{u"state"_s, state},
                                       {u"errors"_s, report.verdict.errors},
                                       {u"warnings"_s, report.verdict.warnings},
                                       {u"summary"_s, report.verdict.summary}}},
            {u"uuiDecodedBytes"_s, qint64(report.uuiDecodedBytes)},
            {u"checks"_s, list}};
}

} // namespace handoff::project
