#include "Project.h"

#include "diagnostics/Catalog.h"
#include "flow/FlowValidator.h"
#include "salesforce/SalesforceId.h"

#include <QCoreApplication>

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
    if (!sipAddress.isEmpty() && !flow::isE164(sipAddress)) {
        list.append(diagnostics::make(
            "PRJ009",
            QCoreApplication::translate("handoff::project",
                                        "The SIP address of the environment \"%1\" is \"%2\", not E.164: write it as "
                                        "+ and 1 to 15 digits, the number of the Agentforce Voice channel.")
                .arg(environment, sipAddress),
            diagnostics::Location{u"sipAddress"_s}));
    }
    return list;
}

Project Project::defaults() {
    return Project();
}

} // namespace handoff::project
