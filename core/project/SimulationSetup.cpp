#include "SimulationSetup.h"

#include "diagnostics/Catalog.h"
#include "flow/FlowValidator.h"
#include "jwt/OrgClaims.h"
#include "salesforce/SalesforceId.h"

#include <QCoreApplication>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace handoff::project {

namespace {
QString tr(const char* text) {
    return QCoreApplication::translate("handoff::project", text);
}
} // namespace

QList<std::pair<QString, QString>> environmentVariables(const Environment& e) {
    const salesforce::Scrt2Address scrt2 = e.org.scrt2();
    const auto id = salesforce::SalesforceId::parse(e.org.orgId.trimmed());
    return {
        {u"Flow.salesforceOrgId"_s, id ? id->id15() : e.org.orgId.trimmed()},
        {u"Flow.scrtBaseUrl"_s, scrt2.isValid() ? scrt2.baseUrl : e.org.scrt2Domain.trimmed()},
        {u"Flow.callCenterApiName"_s, e.org.callCenterApiName.trimmed()},
    };
}

flow::SimulationContext simulationContext(const Project& project) {
    flow::SimulationContext c;
    c.uuiTemplate = project.uuiModel(QString());
    c.uuiTemplate.callId.reset(); // the flow's callId variable gives it, per call
    c.includeCallId = project.uui.includeCallId;
    c.trunk = project.trunk;
    c.org = project.org;
    c.transferAddress = project.sipAddress;
    if (project.otherEnvironments.size() > 0) {
        for (const auto& [name, value] : environmentVariables(project.currentEnvironment())) {
            c.initialValues.append({name, flow::Value::string(value)});
        }
    }
    c.tokens.ttlSeconds = project.uuiToken.ttlSeconds;
    c.tokens.jti = project.uuiToken.jti;
    c.tokens.iss = jwt::tokenIssuer(project.org);
    c.tokens.sub = jwt::tokenSubject(project.org);
    return c;
}

diagnostics::Diagnostics validateFlow(const Project& project, const Clock& clock,
                                      flow::IncrementalValidator* validator) {
    diagnostics::Diagnostics out = validator ? validator->validate(project.flow) : flow::validate(project.flow);
    if (diagnostics::hasErrors(out)) {
        return out; // a flow that does not hold together says so first; a call through it would only repeat it
    }
    flow::Simulator simulator(project.flow, simulationContext(project), clock);
    simulator.setRecordSteps(false);
    const flow::Trace trace =
        simulator.run(flow::SimulatedCall{}, flow::CallScript{telephony::CallOutcome::Success, true});
    for (const diagnostics::Diagnostic& d : trace.diagnostics) {
        if (d.code == u"FLW040" || d.code == u"FLW048") {
            continue; // the call's own end; the flow's rules above already cover why
        }
        const bool seen = std::any_of(out.cbegin(), out.cend(), [&d](const diagnostics::Diagnostic& e) {
            return e.code == d.code && e.where.actionId == d.where.actionId && e.where.property == d.where.property;
        });
        if (!seen) {
            out.append(d);
        }
    }
    // The help article's last step: when the Agentforce agent hangs up to escalate, Set Post-Flow (Target: Caller)
    // sends the caller on to a rep. Without one before the transfer, Genesys disconnects the caller instead. Architect
    // publishes such a flow, so a warning, located at the transfer.
    if (trace.end == flow::EndState::Transferred && !trace.postFlow) {
        diagnostics::Location where;
        where.actionId = trace.endActionId;
        if (const auto place = project.flow.placeOf(trace.endActionId)) {
            where.taskId = place->taskId;
        }
        out.append(diagnostics::make(
            "FLW050",
            handoff::project::tr("The call reaches the Agentforce agent with no Set Post-Flow before the transfer: "
                                 "when the agent hangs up to escalate, the caller is disconnected instead of reaching "
                                 "a rep. Add Set Post-Flow (Target: Caller, the escalation flow) before Transfer to "
                                 "Number."),
            where));
    }
    return out;
}

} // namespace handoff::project
