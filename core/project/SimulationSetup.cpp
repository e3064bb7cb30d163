#include "SimulationSetup.h"

namespace handoff::project {

flow::SimulationContext simulationContext(const Project& project) {
    flow::SimulationContext c;
    c.uuiTemplate = project.uuiModel(QString());
    c.uuiTemplate.callId.reset(); // the flow's callId variable gives it, per call
    c.includeCallId = project.uui.includeCallId;
    c.trunk = project.trunk;
    c.org = project.org;
    c.tokens.ttlSeconds = project.uuiToken.ttlSeconds;
    c.tokens.jti = project.uuiToken.jti;
    c.tokens.iss = project.org.orgId.trimmed();
    c.tokens.sub = project.org.subRequired() ? project.org.callCenterApiName.trimmed() : QString();
    return c;
}

} // namespace handoff::project
