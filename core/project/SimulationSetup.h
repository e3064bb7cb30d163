#pragma once

#include "flow/Simulator.h"
#include "project/Project.h"

namespace handoff::project {

// What the flow simulator takes from a project: the org profile, the UUI template (org id, SCRT2 domain,
// transactionId, custom parameters), the trunk's UUI profile, and the UUI token policy (ttl, jti; iss from the org
// id, sub from the Call Center API name for Salesforce Voice customers). Stand-in tokens are 2048-bit sized unless
// the caller says otherwise (the project refers to a key but does not hold it). Here rather than in core/flow, so
// that the flow module does not depend on projects (a project holds a flow).
flow::SimulationContext simulationContext(const Project& project);

} // namespace handoff::project
