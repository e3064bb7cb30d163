#include "flow/Simulator.h"
#include "flow/SimulatorDetail.h"
#include "jwt/Jwt.h"
#include "salesforce/SalesforceId.h"
#include "uui/UuiComposer.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

// What the exported Function Data Action answers for a created VoiceCall (the 18-character id and a fresh UUI
// token), as the simulator's scripted backend gives it; and the scripted backend of a call script.

namespace handoff::flow {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("handoff::flow", text);
}

} // namespace

using detail::mix;
using detail::uuidFrom;

QByteArray standInToken(qint64 iat, qint64 exp, const TokenSupply& supply, quint64 seed) {
    // The claims in the order a signer writes them (iat, exp, iss, sub, jti), like jwt::sign.
    QByteArray payload = "{\"iat\":" + QByteArray::number(iat) + ",\"exp\":" + QByteArray::number(exp) + ",\"iss\":";
    uui::appendJsonString(payload, supply.iss);
    if (!supply.sub.isEmpty()) {
        payload += ",\"sub\":";
        uui::appendJsonString(payload, supply.sub);
    }
    if (supply.jti) {
        payload += ",\"jti\":\"" + uuidFrom(seed ^ 0x6A7469ULL, static_cast<quint64>(iat)).toLatin1() + '"';
    }
    payload += '}';
    const QByteArray signingInput = jwt::base64UrlEncode(jwt::rs256HeaderJson()) + '.' + jwt::base64UrlEncode(payload);
    // RS256 (RSASSA-PKCS1-v1_5, RFC 8017 section 8.2) is deterministic: one key signs the same claims to the same
    // bytes. So the stand-in's bytes follow the signing input (FNV-1a, then splitmix64), not the seed: two tokens
    // minted in the same second with the same claims are identical, as the exported function's are; a jti (made
    // from the seed) makes them differ.
    quint64 state = 0xCBF29CE484222325ULL;
    for (const char c : signingInput) {
        state = (state ^ static_cast<unsigned char>(c)) * 0x100000001B3ULL;
    }
    QByteArray signature(qMax(1, supply.keyBits / 8), Qt::Uninitialized);
    char* bytes = signature.data();
    for (qsizetype i = 0; i < signature.size(); ++i) {
        if (i % 8 == 0) {
            state = mix(state);
        }
        bytes[i] = static_cast<char>((state >> ((i % 8) * 8)) & 0xFF);
    }
    return signingInput + '.' + jwt::base64UrlEncode(signature);
}

TokenSupply functionTokenClaims(const TokenSupply& supply, const FunctionInputs& inputs) {
    TokenSupply signer = supply;
    if (!inputs.salesforceOrgId.isEmpty()) {
        signer.iss = inputs.salesforceOrgId;
    }
    if (!signer.sub.isEmpty() && !inputs.callCenterApiName.isEmpty()) {
        signer.sub = inputs.callCenterApiName;
    }
    return signer;
}

FunctionOutputs dataActionFunction(const telephony::VoiceCallResult& result, const FunctionInputs& inputs,
                                   const TokenSupply& supply, qint64 now, quint64 seed, bool mintToken) {
    FunctionOutputs out;
    out.voiceCallId = result.voiceCallId18;
    if (out.voiceCallId.isEmpty()) {
        // The function converts the API's 15 characters to 18; an id that already has 18 passes unchanged.
        if (const auto id = salesforce::SalesforceId::parse(result.voiceCallId)) {
            out.voiceCallId = id->id18();
        } else {
            out.voiceCallId = result.voiceCallId;
        }
    }
    if (mintToken) {
        const TokenSupply signer = functionTokenClaims(supply, inputs);
        out.uuiToken = QString::fromLatin1(standInToken(now, now + supply.ttlSeconds, signer, seed));
    }
    if (result.errorsWasString) {
        out.warning = result.errors.join(u"; "_s);
    }
    return out;
}

namespace detail {

void OutcomeBackend::enqueueOutcome() {
    using Step = telephony::ScriptedBackend::Step;
    switch (m_outcome) {
    case telephony::CallOutcome::Success:
        m_scripted.enqueue(Step::success());
        break;
    case telephony::CallOutcome::Timeout:
        m_scripted.enqueue(Step::timeout());
        break;
    default:
        m_scripted.enqueue(Step::failure(500, {handoff::flow::tr("scripted failure")}));
        break;
    }
}

telephony::VoiceCallsReply* OutcomeBackend::createVoiceCall(const telephony::VoiceCallRequest& request,
                                                            QObject* parent) {
    enqueueOutcome();
    return m_scripted.createVoiceCall(request, parent);
}

std::optional<telephony::VoiceCallResult> OutcomeBackend::answerAtOnce(const telephony::VoiceCallRequest& request,
                                                                       AnswerDetail detail) {
    enqueueOutcome();
    return m_scripted.answerAtOnce(request, detail);
}

} // namespace detail

} // namespace handoff::flow
