#include "SimulationSetup.h"

#include "jwt/OrgClaims.h"

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
    c.tokens.iss = jwt::tokenIssuer(project.org);
    c.tokens.sub = jwt::tokenSubject(project.org);
    return c;
}

} // namespace handoff::project
