#include "Project.h"

#include "salesforce/SalesforceId.h"

using namespace Qt::StringLiterals;

namespace handoff::project {

uui::UuiModel Project::uuiModel(const QString& token) const {
    uui::UuiModel model;
    if (uui.includeOrgId) {
        const auto id = salesforce::SalesforceId::parse(org.orgId.trimmed());
        model.orgId = id ? id->id15() : org.orgId.trimmed(); // the UUI wants the 15-character form
    }
    const salesforce::Scrt2Address scrt2 = org.scrt2();
    model.scrt2Domain = scrt2.domain.isEmpty() ? org.scrt2Domain.trimmed() : scrt2.domain;
    model.token = token;
    if (uui.includeCallId && !uui.callId.isEmpty()) {
        model.callId = uui.callId;
    }
    model.transactionId = uui.transactionId;
    model.customParams = uui.customParams;
    return model;
}

diagnostics::Diagnostics Project::validate() const {
    diagnostics::Diagnostics list = org.validate();
    list.append(trunk.validate());
    list.append(exports.validate());
    list.append(functionDataAction.validate());
    return list;
}

Project Project::defaults() {
    return Project();
}

} // namespace handoff::project
