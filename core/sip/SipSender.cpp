#include "SipSender.h"

#include "Sdp.h"
#include "SofiaSip.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTemporaryDir>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace handoff::sip {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("handoff::sip", text);
}

// "Name: value" -> value, for the simulator's header of that name (case-insensitive); empty when absent.
QString headerValue(const flow::SipInvite& invite, const QString& name) {
    for (const QString& h : invite.headers) {
        const qsizetype colon = h.indexOf(u':');
        if (colon > 0 && h.left(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0) {
            return h.mid(colon + 1).trimmed();
        }
    }
    return {};
}

// The header lines the SIP stack takes as they are (the User-to-User header among them).
QStringList passThroughHeaders(const flow::SipInvite& invite) {
    static const QStringList handled{u"via"_s,     u"max-forwards"_s, u"from"_s,
                                     u"to"_s,      u"call-id"_s,      u"cseq"_s,
                                     u"contact"_s, u"content-type"_s, u"content-length"_s};
    QStringList out;
    for (const QString& h : invite.headers) {
        const qsizetype colon = h.indexOf(u':');
        if (colon > 0 && !handled.contains(h.left(colon).trimmed().toLower())) {
            out.append(h);
        }
    }
    return out;
}

struct Call {
    SendReport report;
    su_home_t* home = nullptr;
    nta_agent_t* agent = nullptr;
    nta_leg_t* leg = nullptr;
    nta_outgoing_t* invite = nullptr;
    nta_outgoing_t* cancel = nullptr;
    nta_outgoing_t* bye = nullptr;
    QByteArray route; // the next hop with its transport
    bool inviteDone = false;
    bool cancelDone = false;
    bool byeDone = false;

    void captureSent() {
        if (report.sent.isEmpty() && invite) {
            if (msg_t* msg = nta_outgoing_getrequest(invite)) {
                report.sent = sofia::bytesOf(msg);
                msg_destroy(msg);
            }
        }
    }

    int onInviteResponse(nta_outgoing_t* orq, const sip_t* sip) {
        captureSent();
        const int status = sip && sip->sip_status ? sip->sip_status->st_status : nta_outgoing_status(orq);
        SipResponse response;
        response.status = status;
        response.reason = sofia::text(sip && sip->sip_status ? sip->sip_status->st_phrase : nullptr);
        if (msg_t* msg = nta_outgoing_getresponse(orq)) {
            response.bytes = sofia::bytesOf(msg);
            msg_destroy(msg);
        }
        // The transaction layer answers transport failures itself (connection refused: 503, timer B: 408) with the
        // request's Via, From, To, Call-ID and CSeq and nothing else. A peer's response carries more (Contact,
        // Server, Warning, a body, ...): a heuristic, said in the report when it decides.
        const bool fromNetwork =
            sip && (sip->sip_contact || sip->sip_server || sip->sip_user_agent || sip->sip_warning ||
                    sip->sip_payload || sip->sip_unknown || sip->sip_allow || sip->sip_reason ||
                    sip->sip_record_route || sip->sip_content_type || (status != 503 && status != 408));
        if (status < 200) {
            report.provisional.append(response);
            return 0;
        }
        if (inviteDone) {
            return 0; // a retransmitted or forked 2xx: answered once
        }
        inviteDone = true;
        report.final = response;
        report.answered = fromNetwork;
        if (sip) {
            for (const sip_warning_t* w = sip->sip_warning; w; w = w->w_next) {
                report.warnings.append(
                    u"%1 %2 %3"_s.arg(w->w_code).arg(sofia::text(w->w_host), sofia::text(w->w_text)));
            }
        }
        if (status >= 300 || !sip) {
            return 0; // the transaction layer ACKs a non-2xx final response itself
        }
        // 2xx: the dialog is up. ACK it (a transaction of its own), then hang up with BYE.
        if (sip->sip_to && sip->sip_to->a_tag) {
            nta_leg_rtag(leg, sip->sip_to->a_tag);
        }
        nta_leg_client_route(leg, sip->sip_record_route, sip->sip_contact);
        const uint32_t cseq = sip->sip_cseq ? sip->sip_cseq->cs_seq : 1;
        nta_outgoing_t* ack =
            nta_outgoing_tcreate(leg, nullptr, nullptr, sofia::url(route.constData()), SIP_METHOD_ACK, nullptr,
                                 SIPTAG_CSEQ(sip_cseq_create(home, cseq, SIP_METHOD_ACK)), TAG_END());
        report.acked = ack != nullptr;
        if (ack) {
            nta_outgoing_destroy(ack);
        }
        bye = nta_outgoing_tcreate(leg, byeCallback, reinterpret_cast<nta_outgoing_magic_t*>(this),
                                   sofia::url(route.constData()), SIP_METHOD_BYE, nullptr,
                                   SIPTAG_CSEQ(sip_cseq_create(home, cseq + 1, SIP_METHOD_BYE)), TAG_END());
        report.byeSent = bye != nullptr;
        if (bye) {
            if (msg_t* msg = nta_outgoing_getrequest(bye)) {
                report.byeSentBytes = sofia::bytesOf(msg);
                msg_destroy(msg);
            }
        } else {
            byeDone = true;
        }
        return 0;
    }

    static int inviteCallback(nta_outgoing_magic_t* magic, nta_outgoing_t* orq, const sip_t* sip) {
        return reinterpret_cast<Call*>(magic)->onInviteResponse(orq, sip);
    }
    static int byeCallback(nta_outgoing_magic_t* magic, nta_outgoing_t* orq, const sip_t* sip) {
        Call* call = reinterpret_cast<Call*>(magic);
        const int status = sip && sip->sip_status ? sip->sip_status->st_status : nta_outgoing_status(orq);
        if (status >= 200) {
            call->report.byeStatus = status;
            call->byeDone = true;
        }
        return 0;
    }
    static int cancelCallback(nta_outgoing_magic_t* magic, nta_outgoing_t* orq, const sip_t* sip) {
        Call* call = reinterpret_cast<Call*>(magic);
        const int status = sip && sip->sip_status ? sip->sip_status->st_status : nta_outgoing_status(orq);
        if (status >= 200) {
            call->report.cancelStatus = status;
            call->cancelDone = true;
        }
        return 0;
    }
};

void runUntil(su_root_t* root, const QDeadlineTimer& deadline, const std::function<bool()>& done) {
    while (!done() && !deadline.hasExpired()) {
        su_root_step(root, su_duration_t(std::clamp<qint64>(deadline.remainingTime(), 1, 50)));
    }
}

// The CA certificates a TLS peer must chain to: the --ca file's, or the system's. RSIP008 for a file that cannot be
// read or holds no PEM certificate.
Result<QList<QSslCertificate>> trustedCas(const QString& caFile) {
    if (caFile.isEmpty()) {
        return QSslConfiguration::systemCaCertificates();
    }
    QFile file(caFile);
    if (!file.open(QIODevice::ReadOnly)) {
        return fail(u"RSIP008"_s,
                    handoff::sip::tr("The CA file %1 cannot be read: %2.").arg(caFile, file.errorString()));
    }
    const QList<QSslCertificate> cas = QSslCertificate::fromData(file.readAll(), QSsl::Pem);
    if (cas.isEmpty()) {
        return fail(u"RSIP008"_s, handoff::sip::tr("The CA file %1 holds no PEM certificate.").arg(caFile));
    }
    return cas;
}

// A TLS handshake with the peer before anything is sent: its certificate must chain to `cas` and name `host`
// (RFC 5922: a SIP client over TLS checks the server's identity). The SIP stack's own connection is verified against
// the same CAs. Returns a line for the report, or RSIP007 with the handshake's reasons.
Result<QString> verifyTlsPeer(const QString& host, quint16 port, const QList<QSslCertificate>& cas, int timeoutMs) {
    QSslSocket socket;
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setCaCertificates(cas);
    config.setPeerVerifyMode(QSslSocket::VerifyPeer);
    socket.setSslConfiguration(config);
    socket.connectToHostEncrypted(host, port, host);
    const bool encrypted = socket.waitForEncrypted(timeoutMs);
    QStringList reasons;
    for (const QSslError& e : socket.sslHandshakeErrors()) {
        reasons.append(e.errorString());
    }
    if (!encrypted) {
        if (reasons.isEmpty()) {
            reasons.append(socket.errorString());
        }
        socket.abort();
        return fail(u"RSIP007"_s,
                    handoff::sip::tr("The TLS peer %1:%2 is not verified: %3. Nothing was sent. Give the peer's "
                                     "certificate or its CA with --ca FILE (for the emulator's SIP stand-in: the "
                                     "certificate `handoff emulator --write-sip-cert FILE` saves), or --insecure to "
                                     "send without verifying.")
                        .arg(host)
                        .arg(port)
                        .arg(reasons.join(u"; "_s)));
    }
    const QSslCertificate peer = socket.peerCertificate();
    socket.disconnectFromHost();
    return handoff::sip::tr("TLS peer verified: %1, issued by %2 (SHA-256 %3).")
        .arg(peer.subjectDisplayName(), peer.issuerDisplayName(),
             QString::fromLatin1(peer.digest(QCryptographicHash::Sha256).toHex()));
}

} // namespace

QString transportKey(Transport transport) {
    switch (transport) {
    case Transport::Auto:
        return u"auto"_s;
    case Transport::Udp:
        return u"udp"_s;
    case Transport::Tcp:
        return u"tcp"_s;
    case Transport::Tls:
        return u"tls"_s;
    }
    return u"auto"_s;
}

std::optional<Transport> transportFromKey(const QString& key) {
    for (const Transport t : {Transport::Auto, Transport::Udp, Transport::Tcp, Transport::Tls}) {
        if (transportKey(t) == key.toLower()) {
            return t;
        }
    }
    return std::nullopt;
}

Result<flow::SipInvite> transferInvite(const flow::Trace& trace) {
    for (const flow::TraceStep& step : trace.steps) {
        if (step.invite && !step.invite->requestLine.isEmpty()) {
            return *step.invite;
        }
    }
    return fail(u"RSIP003"_s, handoff::sip::tr("The simulated call reached no Transfer to Number, so there is no "
                                               "INVITE to send. Check the flow with 'handoff flow simulate'."));
}

Result<SendReport> sendInvite(const flow::SipInvite& simulated, const SendOptions& options) {
    sofia::ensureInitialised();
    su_home_t* home = static_cast<su_home_t*>(su_home_new(sizeof(su_home_t)));
    const QByteArray toText = options.to.trimmed().toUtf8();
    url_t* target = url_make(home, toText.constData());
    if (!target || (target->url_type != url_sip && target->url_type != url_sips) || !target->url_user ||
        !*target->url_user || !target->url_host || !*target->url_host) {
        su_home_unref(home);
        return fail(u"RSIP002"_s, handoff::sip::tr("\"%1\" is not a SIP address: give sip:USER@HOST[:PORT] (for "
                                                   "example sip:+15550100100@127.0.0.1:5060).")
                                      .arg(options.to));
    }
    const bool sips = target->url_type == url_sips;
    const QByteArray host = target->url_host;
    const QByteArray hostForUrl = host.contains(':') && !host.startsWith('[') ? '[' + host + ']' : host;
    const bool loopback =
        host == "127.0.0.1" || host == "localhost" || host == "::1" || host == "[::1]" || host.startsWith("127.");
    const bool tls = options.transport == Transport::Tls || (options.transport == Transport::Auto && sips);
    QString tlsNote;
    std::unique_ptr<QTemporaryDir> tlsDirectory; // the CA file for the SIP stack's own check of the peer
    QByteArray tlsDirectoryPath;
    if (tls) {
        const QByteArray portText = target->url_port && *target->url_port ? QByteArray(target->url_port) : "5061";
        if (options.insecure) {
            tlsNote = handoff::sip::tr("TLS peer NOT verified (--insecure).");
        } else {
            auto cas = trustedCas(options.caFile);
            if (!cas) {
                su_home_unref(home);
                return tl::unexpected(cas.error());
            }
            auto verified = verifyTlsPeer(QString::fromLatin1(host).remove(u'[').remove(u']'), portText.toUShort(),
                                          *cas, qMin(options.timeoutMs, 5000));
            if (!verified) {
                su_home_unref(home);
                return tl::unexpected(verified.error());
            }
            tlsNote = *verified;
            // Sofia-SIP reads the CAs from <directory>/cafile.pem.
            tlsDirectory = std::make_unique<QTemporaryDir>();
            QFile caFile(tlsDirectory->filePath(u"cafile.pem"_s));
            QByteArray pem;
            for (const QSslCertificate& c : *cas) {
                pem += c.toPem();
            }
            if (!tlsDirectory->isValid() || !caFile.open(QIODevice::WriteOnly) || caFile.write(pem) != pem.size() ||
                !caFile.flush()) {
                su_home_unref(home);
                return fail(u"RSIP001"_s, handoff::sip::tr("No temporary directory for the TLS peer's CAs."));
            }
            caFile.close();
            tlsDirectoryPath = QFile::encodeName(tlsDirectory->path());
        }
    }

    // The agent first: the address it binds is the one Via, Contact and the SDP name. A loopback target is reached
    // from the loopback address; any other from the address the stack picks.
    const QByteArray bindHost = !loopback ? QByteArray("*") : host.contains(':') ? QByteArray("[::1]") : "127.0.0.1";
    const QByteArray bind = (tls ? "sips:" : "sip:") + bindHost + ":*";
    su_root_t* root = su_root_create(nullptr);
    nta_agent_t* agent =
        root ? nta_agent_create(root, sofia::url(bind.constData()), nullptr, nullptr, NTATAG_UDP_MTU(65535),
                                NTATAG_USE_NAPTR(0), NTATAG_USE_SRV(0), NTATAG_CLIENT_RPORT(1), NTATAG_PASS_100(1),
                                TAG_IF(!tlsDirectoryPath.isEmpty(), TPTAG_CERTIFICATE(tlsDirectoryPath.constData())),
                                TAG_IF(!tlsDirectoryPath.isEmpty(), TPTAG_TLS_VERIFY_POLICY(TPTLS_VERIFY_OUT)),
                                TAG_END())
             : nullptr;
    if (!agent) {
        if (root) {
            su_root_destroy(root);
        }
        su_home_unref(home);
        return fail(u"RSIP001"_s, handoff::sip::tr("The SIP stack could not start on %1 for %2.")
                                      .arg(QString::fromLatin1(bindHost), tls ? u"tls"_s : u"udp/tcp"_s));
    }
    const sip_contact_t* contact = nta_agent_contact(agent);
    const QString localAddress = contact && contact->m_url->url_host
                                     ? QString::fromLatin1(contact->m_url->url_host).remove(u'[').remove(u']')
                                     : QString::fromLatin1(bindHost);

    SendReport report;
    report.to = options.to.trimmed();
    if (!tlsNote.isEmpty()) {
        report.notes.append(tlsNote);
    }

    // The body and the headers, as they will go out.
    const quint64 session = QRandomGenerator::global()->generate64() >> 1;
    const QByteArray sdp = sdpOffer(localAddress, 49170, options.srtp, session);
    QString from = headerValue(simulated, u"From"_s);
    QString callId = headerValue(simulated, u"Call-ID"_s);
    QString cseq = headerValue(simulated, u"CSeq"_s);
    QString maxForwards = headerValue(simulated, u"Max-Forwards"_s);
    if (from.isEmpty()) {
        from = u"<sip:handoff@%1>;tag=%2"_s.arg(localAddress).arg(session & 0xFFFFFF, 6, 16, QChar(u'0'));
    }
    if (cseq.isEmpty()) {
        cseq = u"1 INVITE"_s;
    }
    if (maxForwards.isEmpty()) {
        maxForwards = u"70"_s;
    }
    const QString to = u"<%1>"_s.arg(report.to);
    const QStringList extra = passThroughHeaders(simulated);
    QByteArray extraText;
    for (const QString& h : extra) {
        extraText += h.toUtf8() + "\r\n";
    }
    report.replaced = {u"request URI"_s, u"Via"_s, u"To"_s, u"Contact"_s, u"Content-Length"_s};

    // Which transport: forced, sips:, or the size rule of RFC 3261 §18.1.1. The size is known before the transaction
    // layer adds Via and Contact; the estimate adds them as it writes them (local address, a 5-digit port, rport and
    // a branch), so it is exact to a few bytes. The report gives the size as sent.
    const QByteArray local =
        localAddress.contains(u':') ? '[' + localAddress.toLatin1() + ']' : localAddress.toLatin1();
    const QByteArray requestLine = "INVITE " + toText + " SIP/2.0\r\n";
    const QByteArray viaLine = "Via: SIP/2.0/UDP " + local + ":65535;rport;branch=z9hG4bK0123456789abcdef\r\n";
    const QByteArray contactLine = "Contact: <sip:" + local + ":65535>\r\n";
    const qsizetype estimate =
        requestLine.size() + viaLine.size() + ("Max-Forwards: " + maxForwards.toUtf8() + "\r\n").size() +
        ("From: " + from.toUtf8() + "\r\n").size() + ("To: " + to.toUtf8() + "\r\n").size() +
        ("Call-ID: " + callId.toUtf8() + "\r\n").size() + ("CSeq: " + cseq.toUtf8() + "\r\n").size() +
        contactLine.size() + extraText.size() +
        ("Content-Type: application/sdp\r\nContent-Length: " + QByteArray::number(sdp.size()) + "\r\n\r\n").size() +
        sdp.size();
    Transport transport = options.transport;
    if (transport == Transport::Auto) {
        if (sips) {
            transport = Transport::Tls;
            report.transportReason = handoff::sip::tr("sips: address: TLS");
        } else if (estimate > kUdpSizeLimit) {
            transport = Transport::Tcp;
            report.transportReason =
                handoff::sip::tr("about %1 bytes, over %2: TCP (RFC 3261 §18.1.1)").arg(estimate).arg(kUdpSizeLimit);
        } else {
            transport = Transport::Udp;
            report.transportReason =
                handoff::sip::tr("about %1 bytes, within %2: UDP").arg(estimate).arg(kUdpSizeLimit);
        }
    } else {
        report.transportReason = handoff::sip::tr("forced with --transport");
    }
    report.transport = transportKey(transport);
    QByteArray port = target->url_port && *target->url_port ? QByteArray(target->url_port) : QByteArray();
    if (port.isEmpty()) {
        port = transport == Transport::Tls ? "5061" : "5060";
    }

    Call call;
    call.home = home;
    call.report = report;
    call.agent = agent;
    call.route = "sip:" + hostForUrl + ':' + port + ";transport=" + transportKey(transport).toLatin1();
    const QByteArray fromBytes = from.toUtf8();
    const QByteArray toBytes = to.toUtf8();
    const QByteArray callIdBytes = callId.toUtf8();
    call.leg = nta_leg_tcreate(call.agent, nullptr, nullptr, SIPTAG_FROM_STR(fromBytes.constData()),
                               SIPTAG_TO_STR(toBytes.constData()),
                               TAG_IF(!callIdBytes.isEmpty(), SIPTAG_CALL_ID_STR(callIdBytes.constData())), TAG_END());
    const QByteArray cseqBytes = cseq.toUtf8();
    const QByteArray maxForwardsBytes = maxForwards.toUtf8();
    call.invite =
        call.leg ? nta_outgoing_tcreate(
                       call.leg, Call::inviteCallback, reinterpret_cast<nta_outgoing_magic_t*>(&call),
                       sofia::url(call.route.constData()), SIP_METHOD_INVITE, sofia::url(toText.constData()),
                       SIPTAG_CSEQ_STR(cseqBytes.constData()), SIPTAG_MAX_FORWARDS_STR(maxForwardsBytes.constData()),
                       SIPTAG_CONTACT(contact), TAG_IF(!extraText.isEmpty(), SIPTAG_HEADER_STR(extraText.constData())),
                       SIPTAG_CONTENT_TYPE_STR("application/sdp"), SIPTAG_PAYLOAD_STR(sdp.constData()), TAG_END())
                 : nullptr;
    if (!call.invite) {
        if (call.leg) {
            nta_leg_destroy(call.leg);
        }
        nta_agent_destroy(call.agent);
        su_root_destroy(root);
        su_home_unref(home);
        return fail(u"RSIP005"_s,
                    handoff::sip::tr("The INVITE to %1 could not be sent over %2.").arg(report.to, report.transport));
    }
    call.captureSent();

    // The transaction: provisional responses, the final one, or the timeout.
    runUntil(root, QDeadlineTimer(options.timeoutMs), [&call] { return call.inviteDone; });
    if (!call.inviteDone) {
        if (!call.report.provisional.isEmpty()) {
            // RFC 3261 §9.1: CANCEL only after a provisional response.
            call.cancel = nta_outgoing_tcancel(call.invite, Call::cancelCallback,
                                               reinterpret_cast<nta_outgoing_magic_t*>(&call), TAG_END());
            call.report.cancelled = call.cancel != nullptr;
            runUntil(root, QDeadlineTimer(options.byeTimeoutMs),
                     [&call] { return call.inviteDone && (call.cancelDone || !call.cancel); });
            call.report.notes.append(
                handoff::sip::tr("No final response within %1 ms after %2 provisional: CANCEL sent%3.")
                    .arg(options.timeoutMs)
                    .arg(call.report.provisional.constLast().status)
                    .arg(call.inviteDone ? handoff::sip::tr(", the INVITE ended with %1").arg(call.report.final.status)
                                         : QString()));
        } else {
            call.report.notes.append(
                handoff::sip::tr("No response at all within %1 ms: no CANCEL (RFC 3261 §9.1 allows it only after a "
                                 "provisional response); the INVITE transaction was abandoned.")
                    .arg(options.timeoutMs));
        }
    }
    if (call.bye) {
        runUntil(root, QDeadlineTimer(options.byeTimeoutMs), [&call] { return call.byeDone; });
        call.report.notes.append(call.byeDone
                                     ? handoff::sip::tr("BYE answered %1.").arg(call.report.byeStatus)
                                     : handoff::sip::tr("BYE got no answer within %1 ms.").arg(options.byeTimeoutMs));
    }
    call.captureSent();
    call.report.size = call.report.sent.size();
    if (call.report.transport == u"udp"_s && call.report.size > kUdpSizeLimit) {
        call.report.notes.append(handoff::sip::tr("The INVITE went over UDP with %1 bytes, over %2 (forced).")
                                     .arg(call.report.size)
                                     .arg(kUdpSizeLimit));
    }
    if (call.report.final.status != 0 && !call.report.answered) {
        call.report.notes.append(handoff::sip::tr("%1 %2 came from the local SIP stack, not from the peer (the "
                                                  "peer could not be reached).")
                                     .arg(call.report.final.status)
                                     .arg(call.report.final.reason));
    }

    SendReport out = call.report;
    if (call.bye) {
        nta_outgoing_destroy(call.bye);
    }
    if (call.cancel) {
        nta_outgoing_destroy(call.cancel);
    }
    nta_outgoing_destroy(call.invite);
    nta_leg_destroy(call.leg);
    nta_agent_destroy(call.agent);
    su_root_destroy(root);
    su_home_unref(home);
    return out;
}

} // namespace handoff::sip
