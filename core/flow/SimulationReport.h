#pragma once

#include "flow/Simulator.h"

#include <QJsonObject>

namespace handoff::project {
struct Project;
}

namespace handoff::flow {

// What the simulator takes from a project: the UUI template (org id, SCRT2 domain, transactionId, custom
// parameters), the trunk's UUI profile, and the UUI token policy (ttl, jti; iss from the org id, sub from the Call
// Center API name for Salesforce Voice customers). Stand-in tokens are 2048-bit sized unless the caller says
// otherwise (the project refers to a key but does not hold it).
SimulationContext contextFor(const project::Project& project);

// JSON for --json output and the designer. Stable keys; values as in the trace.
QJsonObject toJson(const Trace& trace);
QJsonObject toJson(const MatrixReport& report);
QJsonObject toJson(const WindowReport& report);

} // namespace handoff::flow
