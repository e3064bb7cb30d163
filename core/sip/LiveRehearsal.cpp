#include "sip/LiveRehearsal.h"

#include "jwt/Jwt.h"
#include "jwt/JwtClaims.h"
#include "telephony/ApiTokenSource.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QThread>

using namespace Qt::StringLiterals;

namespace handoff::sip {

namespace {
QString tr(const char* text) {
    return QCoreApplication::translate("handoff::sip", text);
}
} // namespace

// The SIP sender's TransferBackend, with the stand-in's side of each INVITE added to the answer's notes: how it
// read the UUI, its verdict and why, and the VoiceCall the UUI's callId named.
class LiveRehearsal::StandInTransfer final : public flow::TransferBackend {
public:
    StandInTransfer(SendOptions options, SipEndpoint& standIn)
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
        std::optional<ReceivedRequest> found;
        const QDeadlineTimer deadline(2000);
        while (!found && answer.sipStatus != 0) {
            const QList<ReceivedRequest> received = m_standIn.received();
            for (const ReceivedRequest& r : received) {
                if (r.method == u"INVITE"_s && r.callId == callId) {
                    found = r;
                }
            }
            if (found || deadline.hasExpired()) {
                break;
            }
            QThread::msleep(10);
        }
        const ReceivedRequest* seen = found ? &*found : nullptr;
        if (!seen) {
            answer.notes.append(handoff::sip::tr("Stand-in: no INVITE arrived."));
            return answer;
        }
        answer.notes.append(handoff::sip::tr("Stand-in: INVITE received over %1 from %2, answered %3 %4.")
                                .arg(seen->transport, seen->peer)
                                .arg(seen->status)
                                .arg(seen->reason));
        if (seen->uuiHeaderName.isEmpty()) {
            answer.notes.append(handoff::sip::tr("Stand-in: no User-to-User header."));
        } else {
            answer.notes.append(handoff::sip::tr("Stand-in: read %1 (%2).").arg(seen->uuiHeaderName, seen->uuiForm));
        }
        const QString uuiCallId = QJsonDocument::fromJson(seen->uuiJson).object().value(u"callId"_s).toString();
        if (seen->status >= 200 && seen->status < 300 && !uuiCallId.isEmpty()) {
            answer.notes.append(
                handoff::sip::tr(
                    "Stand-in: the token verified against the registered key; VoiceCall %1 found (created by the "
                    "emulator for this call).")
                    .arg(uuiCallId));
        }
        for (const diagnostics::Diagnostic& d : seen->diagnostics) {
            answer.notes.append(
                handoff::sip::tr("Stand-in: %1 %2: %3").arg(diagnostics::severityName(d.severity), d.code, d.message));
        }
        return answer;
    }

private:
    SipTransferBackend m_sender;
    SipEndpoint& m_standIn;
};

LiveRehearsal::~LiveRehearsal() {
    if (m_standIn) {
        m_standIn->close();
    }
    if (m_emulator) {
        m_emulator->close();
    }
}

Result<std::unique_ptr<LiveRehearsal>> LiveRehearsal::create(const project::Project& project,
                                                             const crypto::PrivateKey& key, const Clock& clock) {
    std::unique_ptr<LiveRehearsal> live(new LiveRehearsal);
    live->m_project = project;
    live->m_key = key;
    live->m_clock = &clock;
    const QString orgId = project.org.orgId.trimmed();
    const QString callCenter = project.org.callCenterApiName.trimmed();
    const QStringList centers = callCenter.isEmpty() ? QStringList() : QStringList{callCenter};

    // The emulator, with the key's public half registered for the project's org (what uploading its certificate
    // to Salesforce does).
    live->m_emulator = std::make_unique<emulator::VoiceCallsEmulator>(clock);
    if (auto registered =
            live->m_emulator->registerPublicKey(orgId, key.publicKey(), centers, project.org.customerType);
        !registered) {
        return fail(registered.error().code,
                    handoff::sip::tr("The project's org cannot be registered with the emulator: %1")
                        .arg(registered.error().message));
    }
    return live;
}

Result<void> LiveRehearsal::listen() {
    if (m_standIn) {
        return {};
    }
    if (auto listening = m_emulator->listen(0); !listening) {
        return tl::unexpected(listening.error());
    }
    // The SIP stand-in, judging against the emulator's registrations and the VoiceCalls it creates, with the
    // project's trunk profile.
    JudgeContext judge;
    judge.trunk = m_project.trunk;
    for (const emulator::Registration& r : m_emulator->registrations()) {
        judge.orgs.append({r.orgId, r.keys, r.callCenters, r.customerType});
    }
    judge.clockSkewSecs = m_emulator->assumptions().clockSkewSecs;
    auto standIn = std::make_unique<SipEndpoint>(*m_clock);
    standIn->setContext(judge);
    if (auto listening = standIn->listen(0); !listening) {
        m_emulator->close();
        return tl::unexpected(listening.error());
    }
    m_standIn = std::move(standIn);
    SipEndpoint* endpoint = m_standIn.get();
    QObject::connect(m_emulator.get(), &emulator::VoiceCallsEmulator::callCreated, endpoint,
                     [endpoint](const emulator::CreatedCall& call) { endpoint->addVoiceCall(call.voiceCallId); });

    // The Call Data Action's request, signed like the function's API token.
    const salesforce::OrgProfile& org = m_project.org;
    auto tokens = std::make_shared<telephony::JwtApiTokenSource>(
        m_key, org.orgId.trimmed(), org.callCenterApiName.trimmed(), org.customerType, *m_clock);
    m_client = std::make_unique<telephony::VoiceCallsClient>(m_emulator->voiceCallsUrl(), std::move(tokens), *m_clock);
    SendOptions options;
    options.to = sipUri();
    m_transfer = std::make_unique<StandInTransfer>(options, *endpoint);
    return {};
}

void LiveRehearsal::attach(flow::Simulator& simulator) {
    Q_ASSERT(m_transfer); // after listen()
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
    return m_standIn ? m_emulator->voiceCallsUrl().toString() : QString();
}

QString LiveRehearsal::sipUri() const {
    return m_standIn ? u"sip:agentforce@127.0.0.1:%1"_s.arg(m_standIn->port()) : QString();
}

} // namespace handoff::sip
