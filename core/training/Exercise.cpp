#include "Exercise.h"

#include "diagnostics/Catalog.h"
#include "flow/FlowEdit.h"
#include "flow/FlowTemplates.h"
#include "flow/Simulator.h"
#include "project/Composition.h"
#include "project/NewProject.h"
#include "project/ProjectFile.h"
#include "project/SimulationSetup.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSet>

#include <functional>

using namespace Qt::StringLiterals;

namespace handoff::training {

namespace {

QString tr(const char* text, const char* disambiguation = nullptr, int n = -1) {
    return QCoreApplication::translate("handoff::training", text, disambiguation, n);
}

// The fictional org every exercise starts from (a valid org id that is no placeholder, a production SCRT2 domain).
project::NewProjectForm trainingForm(const QString& title) {
    project::NewProjectForm form;
    form.name = handoff::training::tr("Training: %1").arg(title);
    form.orgId = u"00D8d000001TrNg"_s;
    form.scrt2Domain = u"training.my.salesforce-scrt.com"_s;
    form.callCenterApiName = u"training_cc"_s;
    form.customerType = salesforce::CustomerType::VoiceWithTelephonyProviders;
    return form;
}

// An edit of the template that cannot fail is a programming error in this file if it does: say which.
Result<void> must(Result<void> r, const char* what) {
    if (!r) {
        return fail(r.error().code, QString::fromLatin1(what) + u": "_s + r.error().message);
    }
    return {};
}

Result<void> mustId(const Result<QString>& r, const char* what) {
    if (!r) {
        return fail(r.error().code, QString::fromLatin1(what) + u": "_s + r.error().message);
    }
    return {};
}

int indexIn(const flow::Flow& flow, const QString& taskId, const QString& actionId) {
    const flow::Task* task = flow.task(taskId);
    if (!task) {
        return -1;
    }
    for (std::size_t i = 0; i < task->actions.size(); ++i) {
        if (task->actions[i].id == actionId) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

// ---- The breaks, one function per exercise ----------------------------------------------------------------------

using Break = std::function<Result<void>(project::Project&, const Clock&)>;

// A UUI pasted from the help article's sample, whose quotes are typographic: not JSON.
Result<void> breakTypographicQuotes(project::Project& p, const Clock&) {
    flow::Action* uui = p.flow.find(u"set-uui");
    if (!uui || !uui->as<flow::SetUuiDataProps>()) {
        return fail(u"TRN010"_s, u"the template has no set-uui action"_s);
    }
    flow::SetUuiDataProps props = *uui->as<flow::SetUuiDataProps>();
    props.source = flow::UuiSource::Expression;
    props.expression = u"Append(\"{\u201CorgId\u201D:\u201C00D8d000001TrNg\u201D,\u201Cscrt2Domain\u201D:"
                       u"\u201Ctraining.my.salesforce-scrt.com\u201D,\u201Ctoken\u201D:\u201C\", Task.uuiToken, "
                       u"\"\u201D,\u201CcallId\u201D:\u201C\", Task.voiceCallId, \"\u201D}\")"_s;
    return must(flow::edit::setAction(p.flow, uui->id, uui->name, props), "typographic quotes");
}

// The VoiceCall id as the API returns it (15 characters) copied into the UUI's callId.
Result<void> breakCallId15(project::Project& p, const Clock&) {
    p.uui.callId = u"0LQ8d000000TrNg"_s;
    p.uui.includeCallId = true;
    return {};
}

// Pastes a UUI token into Flow.uuiToken (the article's way: a token pasted into the flow, not one the function mints
// per call) and has Set UUI Data read it.
Result<void> pasteToken(project::Project& p, const flow::TokenSupply& supply, qint64 iat, qint64 exp,
                        const char* what) {
    flow::Variable token;
    token.name = u"Flow.uuiToken"_s;
    token.type = flow::ValueType::String;
    token.description = handoff::training::tr("The UUI token, pasted into the flow.");
    token.initial = flow::Value::string(QString::fromLatin1(flow::standInToken(iat, exp, supply, 7)));
    if (auto r = must(flow::edit::addVariable(p.flow, token), what); !r) {
        return r;
    }
    flow::Action* uui = p.flow.find(u"set-uui");
    if (!uui || !uui->as<flow::SetUuiDataProps>()) {
        return fail(u"TRN010"_s, u"the template has no set-uui action"_s);
    }
    flow::SetUuiDataProps props = *uui->as<flow::SetUuiDataProps>();
    props.tokenVariable = token.name;
    return must(flow::edit::setAction(p.flow, uui->id, uui->name, props), what);
}

// A pasted UUI token with `sub` for an org whose customer type leaves it out.
Result<void> breakSubForOther(project::Project& p, const Clock& clock) {
    p.org.customerType = salesforce::CustomerType::Other;
    flow::TokenSupply supply;
    supply.iss = p.org.orgId;
    supply.sub = p.org.callCenterApiName; // wrong for this customer type
    const qint64 now = clock.now().toSecsSinceEpoch();
    return pasteToken(p, supply, now, now + 24 * 60 * 60, "sub token");
}

// A pasted UUI token that expired yesterday: valid for 24 hours from the day before, so every call fails.
Result<void> breakExpiredToken(project::Project& p, const Clock& clock) {
    flow::TokenSupply supply;
    supply.iss = p.org.orgId;
    supply.sub = p.org.callCenterApiName; // right for the template's customer type (SCV)
    const qint64 now = clock.now().toSecsSinceEpoch();
    const qint64 issued = now - 2 * 24 * 60 * 60;
    return pasteToken(p, supply, issued, issued + 24 * 60 * 60, "expired token");
}

// A UUI token policy over Salesforce's 24-hour maximum.
Result<void> breakTokenOver24h(project::Project& p, const Clock&) {
    p.uuiToken.ttlSeconds = 36 * 60 * 60;
    return {};
}

// Custom parameters that push the UUI over the 1,024 limit.
Result<void> breakHeaderOverLimit(project::Project& p, const Clock&) {
    p.uui.customParams = {
        {u"caseSubject"_s, u"Customer reports that the invoice for the last three months shows the wrong tariff "
                           u"and asks for a correction before the next billing run"_s},
        {u"customerNote"_s, u"Prefers a call back in the afternoon; has called twice this week about the same "
                            u"problem and was transferred to billing both times without a resolution"_s},
        {u"lastOrder"_s, u"order-2026-0122-5489 order-2026-0307-1177 order-2026-0412-8801"_s},
        {u"previousAgents"_s, u"billing-team-emea-2, billing-team-emea-7, retention-desk-1, customer-care-nightshift, "
                              u"escalations-supervisor-queue"_s},
        {u"accountSummary"_s, u"Premium plan since 2019, two lines, one device financing contract, paperless billing, "
                              u"direct debit, last payment on time"_s},
    };
    return {};
}

// The data action's org id input named `orgId`, as in the help article's sample contract.
Result<void> breakReservedInput(project::Project& p, const Clock&) {
    flow::Action* create = p.flow.find(u"create-voicecall");
    if (!create || !create->as<flow::CallDataProps>()) {
        return fail(u"TRN010"_s, u"the template has no create-voicecall action"_s);
    }
    flow::CallDataProps props = *create->as<flow::CallDataProps>();
    for (flow::Binding& b : props.inputs) {
        if (b.name == u"salesforceOrgId") {
            b.name = u"orgId"_s;
        }
    }
    return must(flow::edit::setAction(p.flow, create->id, create->name, props), "reserved input");
}

// Set UUI Data only on the "yes" path of a Decision before the transfer.
Result<void> breakTransferWithoutUui(project::Project& p, const Clock&) {
    const int at = indexIn(p.flow, u"main"_s, u"set-uui"_s);
    if (at < 0) {
        return fail(u"TRN010"_s, u"the template has no set-uui action"_s);
    }
    flow::Action decision = flow::Action::make(u"caller-known"_s, handoff::training::tr("Caller number known?"),
                                               flow::DecisionProps{u"not IsNotSetOrEmpty(Call.Ani)"_s});
    if (auto r = mustId(flow::edit::insertAction(p.flow, {u"main"_s, {}, {}, at}, std::move(decision)),
                        "transfer without uui");
        !r) {
        return r;
    }
    return must(flow::edit::moveActions(p.flow, u"set-uui"_s, 1,
                                        {u"main"_s, u"caller-known"_s, QString::fromLatin1(flow::kPathYes), -1}),
                "transfer without uui");
}

// No Set Post-Flow: when the Agentforce agent hangs up, the caller is dropped instead of reaching a rep.
Result<void> breakNoPostFlow(project::Project& p, const Clock&) {
    return must(flow::edit::removeAction(p.flow, u"post-flow"_s, flow::edit::RemoveMode::WithNested), "no post-flow");
}

// The Decision "VoiceCall created?" carries the handoff on its "yes" path; its "no" path is empty and nothing
// follows the Decision, so a call without an id falls out of the flow.
Result<void> breakDecisionNoPath(project::Project& p, const Clock&) {
    if (auto r = must(flow::edit::removeAction(p.flow, u"no-id-jump"_s, flow::edit::RemoveMode::WithNested),
                      "decision no path");
        !r) {
        return r;
    }
    const int first = indexIn(p.flow, u"main"_s, u"post-flow"_s);
    const flow::Task* main = p.flow.task(u"main");
    if (first < 0 || !main) {
        return fail(u"TRN010"_s, u"the template has no post-flow action"_s);
    }
    const int count = static_cast<int>(main->actions.size()) - first;
    return must(flow::edit::moveActions(p.flow, u"post-flow"_s, count,
                                        {u"main"_s, u"voicecall-created"_s, QString::fromLatin1(flow::kPathYes), -1}),
                "decision no path");
}

struct Entry {
    Exercise (*describe)();
    Break apply;
};

const QList<Entry>& entries() {
    static const QList<Entry> list = {
        {[] {
             return Exercise{u"typographic-quotes"_s,
                             handoff::training::tr("Typographic quotes in a pasted UUI"),
                             handoff::training::tr("Set UUI Data sends a UUI that is valid JSON."),
                             handoff::training::tr("The UUI in Set UUI Data was pasted from a document that turned "
                                                   "its quotes into \u201C \u201D. Write straight double quotes "
                                                   "(\\\" inside the expression), or let the project's UUI "
                                                   "template build it."),
                             {u"UUI002"_s}};
         },
         breakTypographicQuotes},
        {[] {
             return Exercise{u"callid-15"_s,
                             handoff::training::tr("A 15-character callId"),
                             handoff::training::tr("The UUI's callId is the 18-character VoiceCall id."),
                             handoff::training::tr("The voiceCalls API answers with a 15-character id; Salesforce "
                                                   "wants the case-safe 18-character form in the UUI. The UUI page "
                                                   "(or `handoff id convert`) gives it."),
                             {u"UUI025"_s}};
         },
         breakCallId15},
        {[] {
             return Exercise{u"sub-non-scv"_s,
                             handoff::training::tr("A sub claim for a customer type without it"),
                             handoff::training::tr("The UUI token has no sub, as this org's customer type needs."),
                             handoff::training::tr("The org is not a Salesforce Voice with Telephony Providers "
                                                   "customer, so its tokens leave sub out. The token pasted into "
                                                   "Flow.uuiToken has one: mint it again without sub, or let the "
                                                   "project mint it (the variable's supplier)."),
                             {u"JWT017"_s}};
         },
         breakSubForOther},
        {[] {
             return Exercise{u"token-over-24h"_s,
                             handoff::training::tr("A UUI token valid for over 24 hours"),
                             handoff::training::tr("The UUI token expires at most 24 hours after it is issued."),
                             handoff::training::tr("Salesforce refuses a token whose exp is more than 24 hours "
                                                   "after its iat. Set the UUI token's lifetime on the Token page "
                                                   "to 24 hours or less."),
                             {u"JWT009"_s}};
         },
         breakTokenOver24h},
        {[] {
             return Exercise{u"expired-token"_s,
                             handoff::training::tr("An expired UUI token"),
                             handoff::training::tr("The UUI token is still valid when the call is transferred."),
                             handoff::training::tr("The token pasted into Flow.uuiToken expired yesterday, so "
                                                   "Salesforce refuses every transfer. Mint a fresh one on the Token "
                                                   "page and paste it, or let the project mint it (the variable's "
                                                   "supplier)."),
                             {u"FLW042"_s}};
         },
         breakExpiredToken},
        {[] {
             return Exercise{u"header-over-limit"_s,
                             handoff::training::tr("A UUI header over the limit"),
                             handoff::training::tr("The UUI fits the trunk's limit of 1,024."),
                             handoff::training::tr("Custom parameters made the UUI too long. The UUI page's budget "
                                                   "lists the ways out, best saving first: leave out what the "
                                                   "Omni-Channel flow can look up itself."),
                             {u"SIP001"_s, u"FLW041"_s}};
         },
         breakHeaderOverLimit},
        {[] {
             return Exercise{u"reserved-input-orgid"_s,
                             handoff::training::tr("A data action input named orgId"),
                             handoff::training::tr("No Call Data Action input uses a name Genesys reserves."),
                             handoff::training::tr("Genesys reserves orgId, integrationId and rawRequest in data "
                                                   "action contracts; the help article's sample uses orgId. Rename "
                                                   "the input of the Call Data Action (for example "
                                                   "salesforceOrgId)."),
                             {u"FLW022"_s}};
         },
         breakReservedInput},
        {[] {
             return Exercise{u"transfer-without-uui"_s,
                             handoff::training::tr("A transfer without Set UUI Data on one path"),
                             handoff::training::tr("Every path to Transfer to Number sets the UUI for transfers."),
                             handoff::training::tr("Set UUI Data sits on the \"yes\" path of a Decision, so a call "
                                                   "taking \"no\" is transferred without a UUI. Move Set UUI Data "
                                                   "out of the Decision, before the transfer."),
                             {u"FLW011"_s}};
         },
         breakTransferWithoutUui},
        {[] {
             return Exercise{u"no-post-flow"_s,
                             handoff::training::tr("No Set Post-Flow"),
                             handoff::training::tr("When the Agentforce agent hangs up, the caller goes on to the "
                                                   "escalation flow."),
                             handoff::training::tr("Without Set Post-Flow (Target: Caller) before the transfer, an "
                                                   "escalation drops the caller. Add it before Transfer to Number."),
                             {u"FLW050"_s}};
         },
         breakNoPostFlow},
        {[] {
             return Exercise{u"decision-no-path"_s,
                             handoff::training::tr("A Decision whose \"no\" path is not handled"),
                             handoff::training::tr("A call without a VoiceCall id is told so and disconnected."),
                             handoff::training::tr("The Decision \"VoiceCall created?\" has nothing on its \"no\" "
                                                   "path and nothing follows it, so such a call falls out of the "
                                                   "flow. Put a Jump to Reusable Task (Failure handling) or a "
                                                   "Disconnect there."),
                             {u"FLW013"_s}};
         },
         breakDecisionNoPath},
    };
    return list;
}

const Entry* entryFor(QStringView id) {
    for (const Entry& e : entries()) {
        if (e.describe().id == id) {
            return &e;
        }
    }
    return nullptr;
}

Error unknownExercise(QStringView id) {
    QStringList ids;
    for (const Exercise& e : exercises()) {
        ids.append(e.id);
    }
    return Error{u"TRN010"_s, handoff::training::tr("There is no exercise \"%1\". The exercises are: %2.")
                                  .arg(id.toString(), ids.join(u", "_s))};
}

bool hasCode(const QStringList& codes, const diagnostics::Diagnostic& d) {
    return codes.contains(d.code);
}

} // namespace

QList<Exercise> exercises() {
    // Made on each call: the texts are translated, and the language may change while the app runs.
    QList<Exercise> list;
    for (const Entry& e : entries()) {
        list.append(e.describe());
    }
    return list;
}

std::optional<Exercise> findExercise(QStringView id) {
    if (const Entry* e = entryFor(id)) {
        return e->describe();
    }
    return std::nullopt;
}

Result<project::Project> brokenProject(QStringView id, const Clock& clock) {
    const Entry* entry = entryFor(id);
    if (!entry) {
        return tl::unexpected(unknownExercise(id));
    }
    const Exercise exercise = entry->describe();
    project::Project p = project::projectFromTemplate(trainingForm(exercise.title));
    if (id == u"sub-non-scv" || id == u"expired-token") {
        // The article's way: a token pasted into the flow rather than one the function mints per call.
        flow::TemplateOptions options;
        options.callCenterApiName = p.org.callCenterApiName;
        options.scrtBaseUrl = p.org.scrt2().baseUrl;
        options.salesforceOrgId = p.org.orgId;
        options.tokenFromFunction = false;
        p.flow = flow::sipTransferTemplate(options);
        p.flow.variables.removeIf([](const flow::Variable& v) { return v.name == u"Flow.uuiToken"; });
    }
    if (auto r = entry->apply(p, clock); !r) {
        return tl::unexpected(r.error());
    }
    return p;
}

diagnostics::Diagnostics projectProblems(const project::Project& project, const Clock& clock) {
    diagnostics::Diagnostics out = project::compose(project, nullptr, clock).diagnostics;
    out.append(project::validateFlow(project, clock));
    return out;
}

Result<CheckResult> check(QStringView id, const project::Project& project, const Clock& clock) {
    const std::optional<Exercise> exercise = findExercise(id);
    if (!exercise) {
        return tl::unexpected(unknownExercise(id));
    }
    auto broken = brokenProject(id, clock);
    if (!broken) {
        return tl::unexpected(broken.error());
    }
    QSet<QString> known;
    for (const diagnostics::Diagnostic& d : projectProblems(*broken, clock)) {
        if (d.severity == diagnostics::Severity::Error) {
            known.insert(d.code);
        }
    }
    CheckResult result;
    QSet<QString> seenNew;
    for (const diagnostics::Diagnostic& d : projectProblems(project, clock)) {
        if (hasCode(exercise->codes, d)) {
            result.remaining.append(d);
        } else if (d.severity == diagnostics::Severity::Error && !known.contains(d.code)) {
            result.newErrors.append(d);
        }
    }
    result.passed = result.remaining.isEmpty() && result.newErrors.isEmpty();
    if (result.passed) {
        result.summary = handoff::training::tr("Passed: %1").arg(exercise->goal);
    } else if (!result.remaining.isEmpty()) {
        result.summary = handoff::training::tr("Not yet: %n problem(s) of this exercise remain.", nullptr,
                                               static_cast<int>(result.remaining.size()));
    } else {
        result.summary = handoff::training::tr("Not yet: the exercise's problem is gone, but the change caused %n "
                                               "new error(s).",
                                               nullptr, static_cast<int>(result.newErrors.size()));
    }
    return result;
}

Result<QString> start(QStringView id, const QString& directory, const Clock& clock) {
    auto broken = brokenProject(id, clock);
    if (!broken) {
        return tl::unexpected(broken.error());
    }
    QDir dir(directory);
    if (!dir.exists() && !QDir().mkpath(directory)) {
        return fail(u"TRN012"_s, handoff::training::tr("The folder %1 cannot be made; choose another one.")
                                     .arg(QDir::toNativeSeparators(directory)));
    }
    const QString path = dir.filePath(id.toString() + u'.' + QString::fromLatin1(project::ProjectFile::kSuffix));
    if (QFileInfo::exists(path)) {
        return fail(u"TRN011"_s, handoff::training::tr("%1 exists already and was left as it is. Check it, or choose "
                                                       "another folder to start the exercise again.")
                                     .arg(QDir::toNativeSeparators(path)));
    }
    if (auto saved = project::ProjectFile::save(*broken, path); !saved) {
        return tl::unexpected(saved.error());
    }
    return path;
}

} // namespace handoff::training
