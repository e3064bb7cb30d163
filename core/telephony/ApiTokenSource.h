#pragma once

#include "common/Clock.h"
#include "common/Error.h"
#include "crypto/PrivateKey.h"
#include "salesforce/OrgProfile.h"

#include <QByteArray>
#include <QString>

namespace handoff::telephony {

// Gives the client a fresh API token for each request: Salesforce refuses a second use of a jti, so a retried or
// repeated request needs a new token.
class ApiTokenSource {
public:
    virtual ~ApiTokenSource() = default;
    virtual Result<QByteArray> mintToken() = 0;
};

// Signs with the API-token preset (docs/keys-and-tokens.md): RS256, iat now, exp now + 5 min, iss = org id, sub = Call
// Center API name for Salesforce Voice with Telephony Providers customers (omitted otherwise), jti = a new UUID. The
// key is shared by reference (never copied out of OpenSSL memory); the clock must outlive this.
class JwtApiTokenSource final : public ApiTokenSource {
public:
    JwtApiTokenSource(crypto::PrivateKey key, QString orgId, QString callCenterApiName,
                      salesforce::CustomerType customerType, const Clock& clock);

    // The project's API-token policy instead of the preset's 5 minutes with jti (docs/keys-and-tokens.md allows up to
    // 24 h).
    void setPolicy(qint64 ttlSecs, bool withJti);

    // TEL009 when the key cannot sign or the org id is missing.
    Result<QByteArray> mintToken() override;

private:
    crypto::PrivateKey m_key;
    QString m_orgId;
    QString m_callCenter;
    salesforce::CustomerType m_customerType;
    const Clock& m_clock;
    qint64 m_ttlSecs = 300;
    bool m_withJti = true;
};

// A fixed token (tests, or a token pasted by the admin). Used for every request as given.
class StaticApiTokenSource final : public ApiTokenSource {
public:
    explicit StaticApiTokenSource(QByteArray token)
        : m_token(std::move(token)) {}
    Result<QByteArray> mintToken() override { return m_token; }

private:
    QByteArray m_token;
};

} // namespace handoff::telephony
