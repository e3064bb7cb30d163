#pragma once

#include "flow/FlowValidator.h"
#include "flow/Simulator.h"
#include "project/Project.h"

namespace handoff::project {

// What the flow simulator takes from a project: the org profile, the UUI template (org id, SCRT2 domain,
// transactionId, custom parameters), the trunk's UUI profile, and the UUI token policy (ttl, jti; iss from the org
// id, sub from the Call Center API name for Salesforce Voice customers). Stand-in tokens are 2048-bit sized unless
// the caller says otherwise (the project refers to a key but does not hold it). Here rather than in core/flow, so
// that the flow module does not depend on projects (a project holds a flow).
// In a project with more than one environment, the selected one's org values are the initial values of the
// template's org variables (environmentVariables) and its SIP address replaces a literal transfer number.
flow::SimulationContext simulationContext(const Project& project);

// The flow variables of the article's template (flow::sipTransferTemplate) that carry an environment's org values,
// with that environment's values: Flow.salesforceOrgId (15 characters), Flow.scrtBaseUrl, Flow.callCenterApiName.
QList<std::pair<QString, QString>> environmentVariables(const Environment& environment);

// The project's flow checked in its project: the flow's own rules (flow::validate), and what one call along the
// all-success path meets at Set UUI Data and Transfer to Number under the project's org, UUI template, trunk and
// token policy (the UUI rules of `handoff uui compose`, the header budget, FLW041-FLW049). `handoff flow validate`
// and the success row of `flow matrix` so agree about what they both check. With `validator`, the flow's own rules
// are rechecked only where the flow changed since its last use (flow::IncrementalValidator; the same result).
diagnostics::Diagnostics validateFlow(const Project& project, const Clock& clock,
                                      flow::IncrementalValidator* validator = nullptr);

} // namespace handoff::project
