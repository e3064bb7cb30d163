#include "NewProject.h"

#include "flow/FlowTemplates.h"
#include "salesforce/SalesforceId.h"

using namespace Qt::StringLiterals;

namespace handoff::project {

namespace {

QString orgId15(const QString& typed) {
    const auto id = salesforce::SalesforceId::parse(typed.trimmed());
    return id ? id->id15() : typed.trimmed();
}

} // namespace

salesforce::OrgProfile orgProfileOf(const NewProjectForm& form) {
    salesforce::OrgProfile org;
    org.orgId = form.orgId.trimmed();
    org.scrt2Domain = form.scrt2Domain.trimmed();
    org.callCenterApiName = form.callCenterApiName.trimmed();
    org.customerType = form.customerType;
    return org;
}

diagnostics::Diagnostics checkNewProjectForm(const NewProjectForm& form) {
    return orgProfileOf(form).validate();
}

Project projectFromTemplate(const NewProjectForm& form) {
    Project project = Project::defaults();
    project.name = form.name.trimmed();
    project.org = orgProfileOf(form);
    if (project.org.scrt2().sandbox) {
        (void)project.renameEnvironment(project.environment, u"sandbox"_s); // as the version 4 migration names it
    }

    flow::TemplateOptions options;
    options.callCenterApiName = project.org.callCenterApiName;
    const salesforce::Scrt2Address scrt2 = project.org.scrt2();
    options.scrtBaseUrl = scrt2.isValid() ? scrt2.baseUrl : project.org.scrt2Domain;
    options.salesforceOrgId = orgId15(project.org.orgId);
    project.flow = flow::sipTransferTemplate(options);
    return project;
}

QString defaultCommonName(const Project& project) {
    QStringList parts;
    if (!project.org.callCenterApiName.trimmed().isEmpty()) {
        parts.append(project.org.callCenterApiName.trimmed());
    }
    if (!project.org.orgId.trimmed().isEmpty()) {
        parts.append(orgId15(project.org.orgId));
    }
    QString name = parts.isEmpty() ? project.name.trimmed() : parts.join(u' ');
    constexpr qsizetype kMaxCommonName = 64; // RFC 5280 ub-common-name
    if (name.size() > kMaxCommonName) {
        name.truncate(kMaxCommonName);
        name = name.trimmed();
    }
    return name;
}

} // namespace handoff::project
