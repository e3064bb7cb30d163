#include "OrgClaims.h"

#include "salesforce/SalesforceId.h"

namespace handoff::jwt {

QString tokenIssuer(const salesforce::OrgProfile& org) {
    const QString text = org.orgId.trimmed();
    const auto id = salesforce::SalesforceId::parse(text);
    return id ? id->id15() : text;
}

QString tokenSubject(const salesforce::OrgProfile& org) {
    return org.subRequired() ? org.callCenterApiName.trimmed() : QString();
}

} // namespace handoff::jwt
