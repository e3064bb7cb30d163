#include "Runbook.h"

#include "crypto/Certificate.h"
#include "exports/ArchyExport.h"
#include "exports/FunctionPackage.h"
#include "jwt/OrgClaims.h"
#include "salesforce/SalesforceId.h"
#include "uui/TrunkUuiProfile.h"

#include <QCoreApplication>

#include <functional>

using namespace Qt::StringLiterals;

namespace handoff::exports {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("handoff::exports", text);
}

QString orNone(const QString& value) {
    return value.trimmed().isEmpty() ? handoff::exports::tr("(not set)") : value;
}

QString ttlText(qint64 secs) {
    if (secs % 3600 == 0) {
        return handoff::exports::tr("%1 h").arg(secs / 3600);
    }
    return handoff::exports::tr("%1 min").arg(secs / 60);
}

QString policyText(const project::TokenPolicy& p) {
    return handoff::exports::tr("%1, %2").arg(ttlText(p.ttlSeconds), p.jti ? handoff::exports::tr("single use (jti)")
                                                                           : handoff::exports::tr("reusable (no jti)"));
}

// Calls `visit` for every action of the flow, depth first, in the order Architect runs them.
void forEachAction(const flow::ActionList& list, const std::function<void(const flow::Action&)>& visit) {
    for (const flow::Action& a : list) {
        visit(a);
        for (const flow::Output& o : a.outputs) {
            forEachAction(o.actions, visit);
        }
    }
}

QList<const flow::Action*> actionsOf(const flow::Flow& f, flow::ActionKind kind) {
    QList<const flow::Action*> found;
    for (const flow::Task& t : f.tasks) {
        forEachAction(t.actions, [&](const flow::Action& a) {
            if (a.kind() == kind) {
                found.append(&a);
            }
        });
    }
    return found;
}

QString presence(const flow::Flow& f, flow::ActionKind kind) {
    const QList<const flow::Action*> found = actionsOf(f, kind);
    if (found.isEmpty()) {
        return handoff::exports::tr("This project's flow has none.");
    }
    QStringList names;
    for (const flow::Action* a : found) {
        names.append(u"\""_s + a->name + u"\" ("_s + a->id + u')');
    }
    return handoff::exports::tr("In this project's flow: %1.").arg(names.join(u", "_s));
}

QString markdownEscape(QString text) {
    text.replace(u'|', u"\\|"_s);
    text.replace(u'\n', u' ');
    return text;
}

} // namespace

Runbook buildRunbook(const project::Project& p, const project::GoLiveReport& report,
                     const crypto::Certificate* certificate, const QString& setUuiDataExpression, const Clock& clock) {
    Runbook rb;
    const QString projectName = p.name.isEmpty() ? handoff::exports::tr("Untitled") : p.name;
    rb.title = p.otherEnvironments.isEmpty()
                   ? handoff::exports::tr("Go-live runbook: %1").arg(projectName)
                   : handoff::exports::tr("Go-live runbook: %1, environment %2").arg(projectName, p.environment);
    rb.generatedAt = clock.now().toUTC().toString(Qt::ISODate);
    rb.checks = report;

    // ---- the project's values
    const auto id = salesforce::SalesforceId::parse(p.org.orgId.trimmed());
    const salesforce::Scrt2Address scrt2 = p.org.scrt2();
    rb.projectValues = {
        {handoff::exports::tr("Environment"),
         p.otherEnvironments.isEmpty()
             ? p.environment
             : handoff::exports::tr("%1 (of %2)").arg(p.environment, p.environmentNames().join(u", "_s))},
        {handoff::exports::tr("Org id (15 characters)"), id ? id->id15() : orNone(p.org.orgId)},
        {handoff::exports::tr("Org id (18 characters)"), id ? id->id18() : handoff::exports::tr("(not a valid id)")},
        {handoff::exports::tr("SCRT2 domain"), orNone(scrt2.domain.isEmpty() ? p.org.scrt2Domain : scrt2.domain)},
        {handoff::exports::tr("voiceCalls base URL"), orNone(scrt2.baseUrl)},
        {handoff::exports::tr("Call Center API name"), orNone(p.org.callCenterApiName)},
        {handoff::exports::tr("Customer type"), salesforce::customerTypeName(p.org.customerType)},
        {handoff::exports::tr("Agentforce Voice SIP address"),
         p.sipAddress.isEmpty() ? handoff::exports::tr("(the flow's Transfer to Number)") : p.sipAddress},
    };
    if (certificate && !certificate->isNull()) {
        rb.projectValues.append({handoff::exports::tr("Certificate SHA-256"),
                                 QString::fromLatin1(certificate->sha256Fingerprint().toHex(':')).toUpper()});
        rb.projectValues.append(
            {handoff::exports::tr("Certificate expires"), certificate->notAfter().toUTC().toString(Qt::ISODate)});
    } else {
        rb.projectValues.append(
            {handoff::exports::tr("Certificate"), handoff::exports::tr("(no certificate file in the project)")});
    }
    rb.projectValues.append({handoff::exports::tr("UUI token policy"), policyText(p.uuiToken)});
    rb.projectValues.append({handoff::exports::tr("API token policy"), policyText(p.apiToken)});
    rb.projectValues.append({handoff::exports::tr("Trunk UUI header"), p.trunk.headerName});
    rb.projectValues.append({handoff::exports::tr("Trunk UUI encoding"), uui::encodingKey(p.trunk.encoding)});
    rb.projectValues.append(
        {handoff::exports::tr("Protocol discriminator"),
         u"%1 (%2)"_s.arg(QString::number(p.trunk.protocolDiscriminator, 16).rightJustified(2, u'0'),
                          uui::pdModeKey(p.trunk.pdMode))});
    rb.projectValues.append({handoff::exports::tr("UUI limit"),
                             u"%1 (%2)"_s.arg(p.trunk.limit).arg(uui::limitAppliesToKey(p.trunk.limitAppliesTo))});
    rb.projectValues.append({handoff::exports::tr("UUI size now"),
                             handoff::exports::tr("%1 bytes of decoded data").arg(report.uuiDecodedBytes)});

    // ---- the article's steps, in its order
    const QString dialled = p.testCall ? p.testCall->to : QString();
    QString transferNumber;
    for (const flow::Action* a : actionsOf(p.flow, flow::ActionKind::TransferToNumber)) {
        if (const auto* t = a->as<flow::TransferProps>()) {
            // The environment's SIP address stands in for a number written as a literal (project/Environment).
            transferNumber = !p.sipAddress.isEmpty() && parseStringLiteral(t->number) ? p.sipAddress : t->number;
            break;
        }
    }
    QString dataActionName;
    QString voiceCallIdVariable;
    for (const flow::Action* a : actionsOf(p.flow, flow::ActionKind::CallData)) {
        if (const auto* c = a->as<flow::CallDataProps>()) {
            dataActionName = c->dataAction;
            for (const flow::Binding& b : c->successOutputs) {
                if (b.name == u"voiceCallId"_s) {
                    voiceCallIdVariable = b.value;
                }
            }
            break;
        }
    }
    int n = 0;
    auto step = [&](QString title, QString detail, QString deviation = {}, QList<RunbookValue> values = {}) {
        rb.steps.append({++n, std::move(title), std::move(detail), std::move(deviation), std::move(values)});
    };
    step(handoff::exports::tr("Get the inbound number"),
         handoff::exports::tr("Buy or assign the Genesys number customers dial; calls to it start the inbound flow."),
         {}, {{handoff::exports::tr("Number dialled in test calls"), orNone(dialled)}});
    step(handoff::exports::tr("Install and publish the Function Data Action"),
         handoff::exports::tr("Install the Function Data Actions integration, add an action, paste the contracts "
                              "from `handoff export contracts`, upload the zip from `handoff export function`, test "
                              "it with the private key in the integration's credentials, then publish."),
         handoff::exports::tr("The article's input contract has orgId and privateKey inputs. Genesys reserves orgId, "
                              "and a key as a flow input would travel through the flow: the exported contract has "
                              "neither; the key comes from the integration's credentials."),
         {{handoff::exports::tr("Action name"), orNone(dataActionName)},
          {handoff::exports::tr("Handler"), QString::fromLatin1(kFunctionHandler)},
          {handoff::exports::tr("Runtime"), p.functionDataAction.runtime},
          {handoff::exports::tr("Timeout"), handoff::exports::tr("%1 s").arg(p.functionDataAction.timeoutSeconds)}});
    step(handoff::exports::tr("Create the inbound call flow in Architect"),
         handoff::exports::tr("Create the inbound call flow (or import it with `handoff export archy`)."), {},
         {{handoff::exports::tr("Flow name"), orNone(p.flow.name)}});
    step(handoff::exports::tr("Turn on transcription"), presence(p.flow, flow::ActionKind::Transcription));
    step(handoff::exports::tr("Turn on recording"), presence(p.flow, flow::ActionKind::EnableParticipantRecording));
    step(handoff::exports::tr("Greet the caller"), presence(p.flow, flow::ActionKind::PlayAudio));
    step(handoff::exports::tr("Create the VoiceCall with a Call Data Action"),
         presence(p.flow, flow::ActionKind::CallData) + u' ' +
             handoff::exports::tr("The record must exist, with its id known, before the call is transferred."),
         handoff::exports::tr("The API returns the 15-character id; the UUI's callId needs the 18-character form, "
                              "which the exported function returns."));
    step(handoff::exports::tr("Keep the VoiceCall id"),
         handoff::exports::tr("Map the action's voiceCallId output to a flow variable."), {},
         {{handoff::exports::tr("Variable"), orNone(voiceCallIdVariable)}});
    step(handoff::exports::tr("Branch on the outcome"),
         presence(p.flow, flow::ActionKind::Decision) + u' ' +
             handoff::exports::tr("Success, failure and timeout each need a path; the go-live check's GOL008 runs "
                                  "them all."));
    step(handoff::exports::tr("Add Set UUI Data"), presence(p.flow, flow::ActionKind::SetUuiData),
         handoff::exports::tr("The article's sample value has typographic quotes and a placeholder token, which "
                              "break the JSON: use the expression below, with straight quotes and the token from "
                              "the bound variable. With several environments, add one Set UUI Data per "
                              "environment."));
    step(handoff::exports::tr("Name the action"), handoff::exports::tr("Give the Set UUI Data action a name."));
    step(handoff::exports::tr("Enter the UUI"),
         handoff::exports::tr("Outgoing UUI Data: For Transfers; choose User-to-User; paste the expression."), {},
         {{handoff::exports::tr("Expression"),
           // A runbook is a document that is printed and passed around: it never carries a token. Unbound, the
           // expression would hold the signed UUI token itself.
           p.exports.bindToken
               ? orNone(setUuiDataExpression)
               : handoff::exports::tr("(the token is not bound to a flow variable, so the expression would hold the "
                                      "token itself: bind it on the Export page; a runbook never carries a token)")}});
    step(handoff::exports::tr("Transfer to the Agentforce Voice SIP address"),
         presence(p.flow, flow::ActionKind::TransferToNumber) + u' ' +
             handoff::exports::tr("The number is the SIP address of the Agentforce Voice channel in E.164 form, not a "
                                  "real phone number. The trunk sends the UUI as set below."),
         {},
         {{handoff::exports::tr("Number"), orNone(transferNumber)},
          {handoff::exports::tr("Trunk UUI header"), p.trunk.headerName},
          {handoff::exports::tr("Trunk UUI encoding"), uui::encodingKey(p.trunk.encoding)}});
    step(handoff::exports::tr("Tell the caller"),
         handoff::exports::tr("Set the pre-transfer and failed-transfer audio of the transfer, or add Play Audio."));
    step(handoff::exports::tr("Set Post-Flow to the escalation flow"),
         presence(p.flow, flow::ActionKind::SetPostFlow) + u' ' +
             handoff::exports::tr("Target: Caller, so the caller reaches the escalation flow when the agent hangs "
                                  "up."));
    step(handoff::exports::tr("End with Disconnect"), presence(p.flow, flow::ActionKind::Disconnect));
    step(handoff::exports::tr("Save, validate and publish the flow"),
         handoff::exports::tr("Then route the number to the flow in Genesys Admin, make one real transfer, and "
                              "record its date, UUI size and outcome (the go-live check's GOL013)."));
    return rb;
}

QByteArray renderRunbook(const Runbook& rb, RunbookFormat format) {
    QString out;
    const QString valuesHeading = handoff::exports::tr("This project's values");
    const QString stepsHeading = handoff::exports::tr("Steps (in the help article's order)");
    const QString checksHeading = handoff::exports::tr("Go-live check at the time of export");
    const QString deviationLabel = handoff::exports::tr("Differs from the article:");
    const QString generated = handoff::exports::tr("Generated %1 by Handoff Studio.").arg(rb.generatedAt);
    if (format == RunbookFormat::Markdown) {
        out += u"# "_s + rb.title + u"\n\n"_s + generated + u"\n\n## "_s + valuesHeading + u"\n\n"_s;
        out += u"| | |\n|---|---|\n"_s;
        for (const RunbookValue& v : rb.projectValues) {
            out += u"| "_s + markdownEscape(v.label) + u" | `"_s + markdownEscape(v.value) + u"` |\n"_s;
        }
        out += u"\n## "_s + stepsHeading + u"\n\n"_s;
        for (const RunbookStep& s : rb.steps) {
            out += QString::number(s.number) + u". **"_s + s.title + u"**. "_s + s.detail + u'\n';
            for (const RunbookValue& v : s.values) {
                out += u"   - "_s + v.label + u": `"_s + v.value + u"`\n"_s;
            }
            if (!s.deviation.isEmpty()) {
                out += u"   - *"_s + deviationLabel + u"* "_s + s.deviation + u'\n';
            }
        }
        out += u"\n## "_s + checksHeading + u"\n\n"_s + rb.checks.verdict.summary + u"\n\n"_s;
        out += u"| id | "_s + handoff::exports::tr("check") + u" | "_s + handoff::exports::tr("status") + u" | "_s +
               handoff::exports::tr("reason") + u" |\n|---|---|---|---|\n"_s;
        for (const project::CheckResult& c : rb.checks.checks) {
            out += u"| "_s + c.id + u" | "_s + markdownEscape(c.title) + u" | "_s + project::checkStatusName(c.status) +
                   u" | "_s + markdownEscape(c.reason) + u" |\n"_s;
        }
        return out.toUtf8();
    }
    auto e = [](const QString& s) { return s.toHtmlEscaped(); };
    out += u"<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>"_s + e(rb.title) + u"</title>\n"_s;
    out += u"<style>body{font-family:sans-serif;max-width:50em;margin:2em auto;color:#111}"
           "table{border-collapse:collapse;width:100%}td,th{border:1px solid #888;padding:4px;text-align:left;"
           "vertical-align:top}code{font-family:monospace;word-break:break-all}.fail{font-weight:bold}"
           ".deviation{font-style:italic}</style></head><body>\n"_s;
    out += u"<h1>"_s + e(rb.title) + u"</h1>\n<p>"_s + e(generated) + u"</p>\n<h2>"_s + e(valuesHeading) +
           u"</h2>\n<table>\n"_s;
    for (const RunbookValue& v : rb.projectValues) {
        out += u"<tr><th>"_s + e(v.label) + u"</th><td><code>"_s + e(v.value) + u"</code></td></tr>\n"_s;
    }
    out += u"</table>\n<h2>"_s + e(stepsHeading) + u"</h2>\n<ol>\n"_s;
    for (const RunbookStep& s : rb.steps) {
        out += u"<li><b>"_s + e(s.title) + u"</b>. "_s + e(s.detail);
        if (!s.values.isEmpty()) {
            out += u"<ul>"_s;
            for (const RunbookValue& v : s.values) {
                out += u"<li>"_s + e(v.label) + u": <code>"_s + e(v.value) + u"</code></li>"_s;
            }
            out += u"</ul>"_s;
        }
        if (!s.deviation.isEmpty()) {
            out += u"<p class=\"deviation\">"_s + e(deviationLabel) + u' ' + e(s.deviation) + u"</p>"_s;
        }
        out += u"</li>\n"_s;
    }
    out += u"</ol>\n<h2>"_s + e(checksHeading) + u"</h2>\n<p>"_s + e(rb.checks.verdict.summary) + u"</p>\n"_s;
    out += u"<table>\n<tr><th>id</th><th>"_s + e(handoff::exports::tr("check")) + u"</th><th>"_s +
           e(handoff::exports::tr("status")) + u"</th><th>"_s + e(handoff::exports::tr("reason")) + u"</th></tr>\n"_s;
    for (const project::CheckResult& c : rb.checks.checks) {
        const bool failed = c.status == project::CheckStatus::Fail;
        out += u"<tr><td>"_s + e(c.id) + u"</td><td>"_s + e(c.title) + u"</td><td"_s +
               (failed ? u" class=\"fail\""_s : QString()) + u'>' + e(project::checkStatusName(c.status)) +
               u"</td><td>"_s + e(c.reason) + u"</td></tr>\n"_s;
    }
    out += u"</table>\n</body></html>\n"_s;
    return out.toUtf8();
}

} // namespace handoff::exports
