#pragma once

#include "salesforce/OrgProfile.h"

#include <QString>

namespace handoff::jwt {

// The claims an org profile decides, for every token the product signs (the UUI token and the API token alike), so
// that the Token page, the live composition and the flow simulator sign the same `iss` and `sub`
// (docs/keys-and-tokens.md).

// `iss`: the org id where the certificate is registered, in its 15-character form (an 18-character id is shortened).
// Text that is not an id is passed on trimmed, so that the claim rules report it instead of it vanishing.
QString tokenIssuer(const salesforce::OrgProfile& org);

// `sub`: the Call Center API name (trimmed) for "Salesforce Voice with Telephony Providers"; empty (the claim is
// omitted) for every other customer type.
QString tokenSubject(const salesforce::OrgProfile& org);

} // namespace handoff::jwt
