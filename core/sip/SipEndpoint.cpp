#include "SipEndpoint.h"

#include "Sdp.h"
#include "SofiaSip.h"

#include <QCoreApplication>
#include <QFile>
#include <QMutex>
#include <QMutexLocker>
#include <QTemporaryDir>

#include <atomic>
#include <future>
#include <thread>

using namespace Qt::StringLiterals;

namespace handoff::sip {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("handoff::sip", text);
}

QString transportOf(const sip_t* sip) {
    if (!sip->sip_via || !sip->sip_via->v_protocol) {
        return {};
    }
    const QString protocol = QString::fromLatin1(sip->sip_via->v_protocol);
    return protocol.section(u'/', -1).toLower();
}

QString peerOf(const sip_t* sip) {
    const sip_via_t* via = sip->sip_via;
    if (!via) {
        return {};
    }
    const QString host = sofia::text(via->v_received ? via->v_received : via->v_host);
    const QString port = sofia::text(via->v_rport && *via->v_rport ? via->v_rport : via->v_port);
    return port.isEmpty() ? host : host + u':' + port;
}

quint16 portOf(nta_agent_t* agent, const char* protocolSuffix) {
    for (const sip_via_t* v = nta_agent_via(agent); v; v = v->v_next) {
        if (v->v_protocol && QByteArray(v->v_protocol).endsWith(protocolSuffix) && v->v_port) {
            return quint16(QByteArray(v->v_port).toUInt());
        }
    }
    return 0;
}

} // namespace

struct SipEndpoint::Private {
    SipEndpoint* q = nullptr;
    const Clock& clock;
    mutable QMutex mutex;
    JudgeContext context;
    QList<ReceivedRequest> received;

    QByteArray certificatePem;
    QByteArray privateKeyPem;
    quint16 wantedTlsPort = 0;
    std::unique_ptr<QTemporaryDir> tlsDirectory;

    std::thread thread;
    std::atomic<bool> stop{false};
    bool listening = false;
    quint16 port = 0;
    quint16 tlsPort = 0;

    // Owned by the stand-in's thread.
    nta_agent_t* agent = nullptr;
    quint64 sessions = 0;

    Private(SipEndpoint* owner, const Clock& c)
        : q(owner)
        , clock(c) {}

    void record(ReceivedRequest request) {
        {
            QMutexLocker lock(&mutex);
            received.append(request);
        }
        Q_EMIT q->requestReceived(request);
    }

    int onRequest(nta_incoming_t* irq, const sip_t* sip) {
        ReceivedRequest r;
        r.at = clock.now();
        r.transport = transportOf(sip);
        r.peer = peerOf(sip);
        r.method = sofia::text(sip->sip_request ? sip->sip_request->rq_method_name : nullptr);
        r.callId = sofia::text(sip->sip_call_id ? sip->sip_call_id->i_id : nullptr);
        if (msg_t* msg = nta_incoming_getrequest(irq)) {
            r.request = sofia::bytesOf(msg);
            msg_destroy(msg);
        }
        const sip_method_t method = sip->sip_request ? sip->sip_request->rq_method : sip_method_unknown;
        if (method == sip_method_ack) {
            record(std::move(r));
            return 0;
        }
        if (method == sip_method_bye || method == sip_method_options) {
            nta_incoming_treply(irq, SIP_200_OK, TAG_END());
            r.status = 200;
            r.reason = u"OK"_s;
        } else if (method == sip_method_invite) {
            ReceivedInvite invite;
            for (const sip_unknown_t* u = sip->sip_unknown; u; u = u->un_next) {
                invite.headers.append({sofia::text(u->un_name), QByteArray(u->un_value ? u->un_value : "")});
            }
            if (sip->sip_content_type && sip->sip_content_type->c_type) {
                invite.contentType = QString::fromLatin1(sip->sip_content_type->c_type);
            }
            if (sip->sip_payload && sip->sip_payload->pl_data) {
                invite.body = QByteArray(sip->sip_payload->pl_data, qsizetype(sip->sip_payload->pl_len));
            }
            nta_incoming_treply(irq, SIP_100_TRYING, TAG_END());
            JudgeContext judging;
            {
                QMutexLocker lock(&mutex);
                judging = context;
            }
            const Verdict verdict = judgeInvite(invite, judging, clock);
            const QByteArray warning = verdict.warnings.join(u", "_s).toUtf8();
            const QByteArray reason = verdict.reason.toUtf8();
            if (verdict.accepted()) {
                ++sessions;
                const QByteArray answer = sdpAnswer(readSdpOffer(invite.body), u"127.0.0.1"_s,
                                                    quint16(40000 + 2 * (sessions % 1000)), sessions);
                // The Contact the ACK and BYE go to: the transport the INVITE came over.
                QByteArray contact;
                if (r.transport == u"tls"_s) {
                    contact = "<sips:agentforce@127.0.0.1:" + QByteArray::number(tlsPort) + '>';
                } else {
                    contact = "<sip:agentforce@127.0.0.1:" + QByteArray::number(port) +
                              (r.transport == u"tcp"_s ? QByteArray(";transport=tcp>") : QByteArray(">"));
                }
                nta_incoming_tag(irq, nullptr);
                nta_incoming_treply(irq, verdict.status, reason.constData(), SIPTAG_CONTACT_STR(contact.constData()),
                                    TAG_IF(!warning.isEmpty(), SIPTAG_WARNING_STR(warning.constData())),
                                    SIPTAG_CONTENT_TYPE_STR("application/sdp"), SIPTAG_PAYLOAD_STR(answer.constData()),
                                    TAG_END());
            } else {
                nta_incoming_treply(irq, verdict.status, reason.constData(),
                                    TAG_IF(!warning.isEmpty(), SIPTAG_WARNING_STR(warning.constData())), TAG_END());
            }
            r.status = verdict.status;
            r.reason = verdict.reason;
            r.warnings = verdict.warnings;
            r.uuiHeaderName = verdict.uuiHeaderName;
            r.uuiForm = verdict.uuiForm;
            r.uuiJson = verdict.uuiJson;
            r.diagnostics = verdict.diagnostics;
        } else {
            nta_incoming_treply(irq, SIP_501_NOT_IMPLEMENTED, TAG_END());
            r.status = 501;
            r.reason = u"Not Implemented"_s;
        }
        if (msg_t* msg = nta_incoming_getresponse(irq)) {
            r.response = sofia::bytesOf(msg);
            msg_destroy(msg);
        }
        nta_incoming_destroy(irq);
        record(std::move(r));
        return 0;
    }

    static int requestCallback(nta_leg_magic_t* magic, nta_leg_t*, nta_incoming_t* irq, const sip_t* sip) {
        return reinterpret_cast<Private*>(magic)->onRequest(irq, sip);
    }

    void run(quint16 wantedPort, std::promise<Result<void>>& started) {
        sofia::ensureInitialised();
        su_root_t* root = su_root_create(nullptr);
        if (!root) {
            started.set_value(fail(u"RSIP001"_s, handoff::sip::tr("The SIP stack could not start.")));
            return;
        }
        const QByteArray url = "sip:127.0.0.1:" + (wantedPort ? QByteArray::number(wantedPort) : QByteArray("*"));
        agent = nta_agent_create(root, sofia::url(url.constData()), nullptr, nullptr, NTATAG_UDP_MTU(65535),
                                 NTATAG_SERVER_RPORT(1), NTATAG_USE_NAPTR(0), NTATAG_USE_SRV(0), TAG_END());
        if (!agent) {
            su_root_destroy(root);
            started.set_value(
                fail(u"RSIP001"_s,
                     handoff::sip::tr("The SIP stand-in cannot listen on 127.0.0.1:%1 (in use?).").arg(wantedPort)));
            return;
        }
        if (tlsDirectory) {
            const QByteArray tlsUrl =
                "sips:127.0.0.1:" + (wantedTlsPort ? QByteArray::number(wantedTlsPort) : QByteArray("*"));
            const QByteArray directory = QFile::encodeName(tlsDirectory->path());
            if (nta_agent_add_tport(agent, sofia::url(tlsUrl.constData()), TPTAG_CERTIFICATE(directory.constData()),
                                    TAG_END()) < 0) {
                nta_agent_destroy(agent);
                su_root_destroy(root);
                agent = nullptr;
                started.set_value(fail(u"RSIP001"_s, handoff::sip::tr("The SIP stand-in cannot serve TLS on "
                                                                      "127.0.0.1:%1.")
                                                         .arg(wantedTlsPort)));
                return;
            }
        }
        nta_leg_t* leg = nta_leg_tcreate(agent, requestCallback, reinterpret_cast<nta_leg_magic_t*>(this),
                                         NTATAG_NO_DIALOG(1), TAG_END());
        port = portOf(agent, "UDP");
        tlsPort = tlsDirectory ? portOf(agent, "TLS") : 0;
        started.set_value({});
        while (!stop.load()) {
            su_root_step(root, 50);
        }
        nta_leg_destroy(leg);
        nta_agent_destroy(agent);
        agent = nullptr;
        su_root_destroy(root);
    }
};

SipEndpoint::SipEndpoint(const Clock& clock, QObject* parent)
    : QObject(parent)
    , d(std::make_unique<Private>(this, clock)) {}

SipEndpoint::~SipEndpoint() {
    close();
}

void SipEndpoint::setContext(const JudgeContext& context) {
    QMutexLocker lock(&d->mutex);
    d->context = context;
}

JudgeContext SipEndpoint::context() const {
    QMutexLocker lock(&d->mutex);
    return d->context;
}

void SipEndpoint::addVoiceCall(const QString& voiceCallId) {
    QMutexLocker lock(&d->mutex);
    d->context.voiceCalls.append(voiceCallId);
}

void SipEndpoint::setTlsIdentity(const QByteArray& certificatePem, const QByteArray& privateKeyPem, quint16 tlsPort) {
    d->certificatePem = certificatePem;
    d->privateKeyPem = privateKeyPem;
    d->wantedTlsPort = tlsPort;
}

Result<quint16> SipEndpoint::listen(quint16 port) {
    if (d->listening) {
        return d->port;
    }
    if (!d->certificatePem.isEmpty()) {
        // Sofia-SIP reads its TLS identity from files: agent.pem (key and certificate) and cafile.pem.
        d->tlsDirectory = std::make_unique<QTemporaryDir>();
        if (!d->tlsDirectory->isValid()) {
            d->tlsDirectory.reset();
            return fail(u"RSIP001"_s, handoff::sip::tr("No temporary directory for the SIP stand-in's TLS identity."));
        }
        QFile agentFile(d->tlsDirectory->filePath(u"agent.pem"_s));
        QFile caFile(d->tlsDirectory->filePath(u"cafile.pem"_s));
        const bool written = agentFile.open(QIODevice::WriteOnly) &&
                             agentFile.setPermissions(QFile::ReadOwner | QFile::WriteOwner) &&
                             agentFile.write(d->privateKeyPem + d->certificatePem) > 0 && agentFile.flush() &&
                             caFile.open(QIODevice::WriteOnly) && caFile.write(d->certificatePem) > 0 && caFile.flush();
        agentFile.close();
        caFile.close();
        if (!written) {
            d->tlsDirectory.reset();
            return fail(u"RSIP001"_s, handoff::sip::tr("The SIP stand-in's TLS identity could not be prepared."));
        }
    }
    d->stop.store(false);
    // Shared with the thread, so that the promise outlives its set_value() whatever the order of the two threads.
    auto started = std::make_shared<std::promise<Result<void>>>();
    std::future<Result<void>> ready = started->get_future();
    d->thread = std::thread([this, port, started] { d->run(port, *started); });
    Result<void> result = ready.get();
    if (!result) {
        d->thread.join();
        d->tlsDirectory.reset();
        return tl::unexpected(result.error());
    }
    d->listening = true;
    return d->port;
}

bool SipEndpoint::isListening() const {
    return d->listening;
}

quint16 SipEndpoint::port() const {
    return d->port;
}

quint16 SipEndpoint::tlsPort() const {
    return d->tlsPort;
}

void SipEndpoint::close() {
    if (d->thread.joinable()) {
        d->stop.store(true);
        d->thread.join();
    }
    d->listening = false;
    d->tlsDirectory.reset();
}

QList<ReceivedRequest> SipEndpoint::received() const {
    QMutexLocker lock(&d->mutex);
    return d->received;
}

} // namespace handoff::sip
