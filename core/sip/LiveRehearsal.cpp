#include "LiveRehearsal.h"

#include "jwt/Jwt.h"
#include "jwt/JwtClaims.h"
#include "telephony/ApiTokenSource.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QThread>

using namespace Qt::StringLiterals;

namespace handoff::cli {

namespace {
QString tr(const char* text) {
    return QCoreApplication::translate("handoff::cli", text);
}
} // namespace

// The SIP sender's TransferBackend, with the stand-in's side of each INVITE added to the answer's notes: how it
// read the UUI, its verdict and why, and the VoiceCall the UUI's callId named.
class LiveRehearsal::StandInTransfer final : public flow::TransferBackend {
public:
    StandInTransfer(sip::SendOptions options, sip::SipEndpoint& standIn)
        : m_sender(std::move(options))
        , m_standIn(standIn) {}

    flow::TransferAnswer transfer(const flow::SipInvite& invite) override {
        flow::TransferAnswer answer = m_sender.transfer(invite);
        // The stand-in records an INVITE on its own thread just after it answered: wait for it (briefly).
        QString callId;
        for (const QString& h : invite.headers) {
            if (h.startsWith(u"Call-ID:"_s, Qt::CaseInsensitive)) {
                callId = h.mid(8).trimmed();
            }
        }
        std::optional<sip::ReceivedRequest> found;
        const QDeadlineTimer deadline(2000);
        while (!found && answer.sipStatus != 0) {
            const QList<sip::ReceivedRequest> received = m_standIn.received();
            for (const sip::ReceivedRequest& r : received) {
                if (r.method == u"INVITE"_s && r.callId == callId) {
                    found = r;
                }
            }
            if (found || deadline.hasExpired()) {
                break;
            }
            QThread::msleep(10);
        }
        const sip::ReceivedRequest* seen = found ? &*found : nullptr;
        if (!seen) {
            answer.notes.append(tr("Stand-in: no INVITE arrived."));
            return answer;
        }
        answer.notes.append(tr("Stand-in: INVITE received over %1 from %2, answered %3 %4.")
                                .arg(seen->transport, seen->peer)
                                .arg(seen->status)
                                .arg(seen->reason));
        if (seen->uuiHeaderName.isEmpty()) {
            answer.notes.append(tr("Stand-in: no User-to-User header."));
        } else {
            answer.notes.append(tr("Stand-in: read %1 (%2).").arg(seen->uuiHeaderName, seen->uuiForm));
        }
        const QString uuiCallId = QJsonDocument::fromJson(seen->uuiJson).object().value(u"callId"_s).toString();
        if (seen->status >= 200 && seen->status < 300 && !uuiCallId.isEmpty()) {
            answer.notes.append(
                tr("Stand-in: the token verified against the registered key; VoiceCall %1 found (created by the "
                   "emulator for this call).")
                    .arg(uuiCallId));
        }
        for (const diagnostics::Diagnostic& d : seen->diagnostics) {
            answer.notes.append(
                tr("Stand-in: %1 %2: %3").arg(diagnostics::severityName(d.severity), d.code, d.message));
        }
        return answer;
    }

private:
    sip::SipTransferBackend m_sender;
    sip::SipEndpoint& m_standIn;
};

LiveRehearsal::~LiveRehearsal() {
    if (m_standIn) {
        m_standIn->close();
    }
    if (m_emulator) {
        m_emulator->close();
    }
}

std::variant<std::unique_ptr<LiveRehearsal>, int>
LiveRehearsal::start(Context& context, const project::Project& project, const crypto::PrivateKey& key) {
    std::unique_ptr<LiveRehearsal> live(new LiveRehearsal);
    live->m_key = key;
    live->m_clock = &context.clock();
    const QString orgId = project.org.orgId.trimmed();
    const QString callCenter = project.org.callCenterApiName.trimmed();
    const salesforce::CustomerType type = project.org.customerType;
    const QStringList centers = callCenter.isEmpty() ? QStringList() : QStringList{callCenter};

    // The emulator, with the key's public half registered for the project's org (what uploading its certificate
    // to Salesforce does).
    live->m_emulator = std::make_unique<emulator::VoiceCallsEmulator>(context.clock());
    if (auto registered = live->m_emulator->registerPublicKey(orgId, key.publicKey(), centers, type); !registered) {
        return context.reportError(
            {registered.error().code,
             tr("The project's org cannot be registered with the emulator: %1").arg(registered.error().message)},
            Problems);
    }
    if (auto listening = live->m_emulator->listen(0); !listening) {
        return context.reportError(listening.error(), Failure);
    }

    // The SIP stand-in, judging against the emulator's registrations and the VoiceCalls it creates, with the
    // project's trunk profile.
    sip::JudgeContext judge;
    judge.trunk = project.trunk;
    for (const emulator::Registration& r : live->m_emulator->registrations()) {
        judge.orgs.append({r.orgId, r.keys, r.callCenters, r.customerType});
    }
    judge.clockSkewSecs = live->m_emulator->assumptions().clockSkewSecs;
    live->m_standIn = std::make_unique<sip::SipEndpoint>(context.clock());
    live->m_standIn->setContext(judge);
    if (auto listening = live->m_standIn->listen(0); !listening) {
        return context.reportError(listening.error(), Failure);
    }
    sip::SipEndpoint* standIn = live->m_standIn.get();
    QObject::connect(live->m_emulator.get(), &emulator::VoiceCallsEmulator::callCreated, standIn,
                     [standIn](const emulator::CreatedCall& call) { standIn->addVoiceCall(call.voiceCallId); });

    // The Call Data Action's request, signed like the function's API token.
    auto tokens = std::make_shared<telephony::JwtApiTokenSource>(key, orgId, callCenter, type, context.clock());
    live->m_client = std::make_unique<telephony::VoiceCallsClient>(live->m_emulator->voiceCallsUrl(), std::move(tokens),
                                                                   context.clock());
    sip::SendOptions options;
    options.to = live->sipUri();
    live->m_transfer = std::make_unique<StandInTransfer>(options, *standIn);
    return live;
}

void LiveRehearsal::attach(flow::Simulator& simulator) {
    simulator.setTransferBackend(m_transfer.get());
    const crypto::PrivateKey key = m_key;
    const Clock* clock = m_clock;
    simulator.setTokenMinter(
        [key, clock](qint64 iat, qint64 exp, const flow::TokenSupply& claims) -> Result<QByteArray> {
            jwt::TokenSpec spec;
            spec.issuer = claims.iss;
            spec.subject = claims.sub;
            spec.issuedAt = iat;
            spec.ttlSecs = exp - iat;
            spec.withJti = claims.jti;
            spec.reusable = claims.mode == flow::TokenSupply::Mode::Reused;
            return jwt::sign(jwt::buildClaims(spec, *clock), key);
        });
}

telephony::VoiceCallsBackend* LiveRehearsal::backend() const {
    return m_client.get();
}

QString LiveRehearsal::voiceCallsUrl() const {
    return m_emulator->voiceCallsUrl().toString();
}

QString LiveRehearsal::sipUri() const {
    return u"sip:agentforce@127.0.0.1:%1"_s.arg(m_standIn->port());
}

} // namespace handoff::cli
