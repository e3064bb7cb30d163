// The UUI tokens of a simulator's calls: the reused one, the Function Data Action's, and the last one decoded.
#include "flow/SimulatorDetail.h"

namespace handoff::flow::detail {

const QByteArray& SimulatorTokens::reusedAt(const TokenSupply& supply, const QDateTime& when,
                                            const QDateTime& firstCall, quint64 seed, quint64 calls) {
    qint64 iat = 0;
    if (supply.mode == TokenSupply::Mode::PerCall) {
        iat = when.toSecsSinceEpoch();
    } else {
        iat = (supply.issuedAt.isValid() ? supply.issuedAt : firstCall).toSecsSinceEpoch();
        if (supply.refreshSeconds > 0) {
            const qint64 elapsed = when.toSecsSinceEpoch() - iat;
            if (elapsed > 0) {
                iat += (elapsed / supply.refreshSeconds) * supply.refreshSeconds;
            }
        }
    }
    if (iat != m_reusedIat || supply.mode == TokenSupply::Mode::PerCall) {
        m_reusedIat = iat;
        m_mintError.reset();
        if (m_minter) {
            auto minted = m_minter(iat, iat + supply.ttlSeconds, supply);
            if (minted) {
                m_reused = *minted;
            } else {
                m_mintError = minted.error();
                m_reused.clear();
            }
        } else {
            m_reused = standInToken(iat, iat + supply.ttlSeconds, supply,
                                    supply.mode == TokenSupply::Mode::PerCall ? seed ^ (calls << 20) : seed);
        }
        m_reusedText = QString::fromLatin1(m_reused);
    }
    return m_reused;
}

const QString& SimulatorTokens::functionStandIn(const TokenSupply& supply, const FunctionInputs& inputs, qint64 now,
                                                quint64 seed) {
    const TokenSupply signer = functionTokenClaims(supply, inputs);
    FunctionToken& last = m_function;
    if (signer.jti || last.iat != now || last.iss != signer.iss || last.sub != signer.sub) {
        last.iat = now;
        last.iss = signer.iss;
        last.sub = signer.sub;
        last.bytes = standInToken(now, now + signer.ttlSeconds, signer, seed);
        last.text = QString::fromLatin1(last.bytes);
    }
    return last.text;
}

QByteArray SimulatorTokens::bytesOf(const QString& text) const {
    if (text == m_reusedText) {
        return m_reused;
    }
    if (text == m_function.text) {
        return m_function.bytes;
    }
    return text.toLatin1();
}

const jwt::DecodedJwt* SimulatorTokens::decoded(const QByteArray& token) {
    if (token != m_decodedFor || (!m_decoded && !token.isEmpty())) {
        m_decodedFor = token;
        auto result = jwt::decode(token);
        m_decoded = result ? std::optional<jwt::DecodedJwt>(std::move(*result)) : std::nullopt;
    }
    return m_decoded ? &*m_decoded : nullptr;
}

void SimulatorTokens::setMinter(UuiTokenMinter minter) {
    m_minter = std::move(minter);
    m_reusedIat = std::numeric_limits<qint64>::min(); // mint the reused token again, with the real signer
}

} // namespace handoff::flow::detail
