#pragma once

#include "diagnostics/Diagnostic.h"
#include "project/Project.h"
#include "salesforce/OrgProfile.h"

#include <QString>

namespace handoff::project {

// The short form a new project starts from (the desktop app's start screen, training): the four values of the
// help article's setup that everything else derives from.
struct NewProjectForm {
    QString name;
    QString orgId;             // 15 or 18 characters, 00D...
    QString scrt2Domain;       // a domain or a base URL
    QString callCenterApiName; // the token's sub for Salesforce Voice with Telephony Providers
    salesforce::CustomerType customerType = salesforce::CustomerType::VoiceWithTelephonyProviders;
};

// The org profile the form describes.
salesforce::OrgProfile orgProfileOf(const NewProjectForm& form);

// The form's problems, checked by the org profile's own rules (ORG0xx, ID0xx), located at "org.orgId",
// "org.scrt2Domain" and "org.callCenterApiName" so that a form can show each under its field as it is typed.
diagnostics::Diagnostics checkNewProjectForm(const NewProjectForm& form);

// A project from the help article's template: the defaults, the form's org, and the sip-transfer flow with the
// org's values filled in (the org id, the SCRT2 base URL and the Call Center API name the data action sends). Made
// even when the form has problems, so that a caller can show them on the result.
Project projectFromTemplate(const NewProjectForm& form);

// The common name a new certificate for this project gets: the Call Center API name and the 15-character org id
// ("acme_cc 00D5g000004XyZ1"), whichever the project has, else the project's name; at most 64 characters (the
// X.509 limit). Empty when the project names none of them.
QString defaultCommonName(const Project& project);

} // namespace handoff::project
