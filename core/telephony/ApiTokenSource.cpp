#include "telephony/ApiTokenSource.h"

#include "jwt/Jwt.h"
#include "jwt/JwtClaims.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace handoff::telephony {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("handoff::telephony", text);
}

} // namespace

JwtApiTokenSource::JwtApiTokenSource(crypto::PrivateKey key, QString orgId, QString callCenterApiName,
                                     salesforce::CustomerType customerType, const Clock& clock)
    : m_key(std::move(key))
    , m_orgId(std::move(orgId))
    , m_callCenter(std::move(callCenterApiName))
    , m_customerType(customerType)
    , m_clock(clock) {}

void JwtApiTokenSource::setPolicy(qint64 ttlSecs, bool withJti) {
    m_ttlSecs = ttlSecs;
    m_withJti = withJti;
}

Result<QByteArray> JwtApiTokenSource::mintToken() {
    if (m_key.isNull()) {
        return fail(u"TEL009"_s,
                    handoff::telephony::tr("There is no private key to sign the API token with; choose the key file."));
    }
    if (m_orgId.trimmed().isEmpty()) {
        return fail(u"TEL009"_s,
                    handoff::telephony::tr("The org id (the token's iss) is empty; enter the 15-character 00D id."));
    }
    const QString subject =
        m_customerType == salesforce::CustomerType::VoiceWithTelephonyProviders ? m_callCenter.trimmed() : QString();
    jwt::TokenSpec spec = jwt::TokenSpec::forPreset(jwt::TokenPreset::Api, m_orgId.trimmed(), subject);
    spec.ttlSecs = m_ttlSecs;
    spec.withJti = m_withJti;
    auto token = jwt::sign(jwt::buildClaims(spec, m_clock), m_key);
    if (!token) {
        return fail(u"TEL009"_s,
                    handoff::telephony::tr("The API token could not be signed: %1").arg(token.error().message));
    }
    return *token;
}

} // namespace handoff::telephony
