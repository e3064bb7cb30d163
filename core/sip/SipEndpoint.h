#pragma once

#include "common/Clock.h"
#include "common/Error.h"
#include "sip/InviteJudge.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>

namespace handoff::sip {

// One request the stand-in received, and what it answered.
struct ReceivedRequest {
    QDateTime at;      // the stand-in's clock
    QString transport; // "udp", "tcp", "tls"
    QString peer;      // address:port of the sender
    QString method;
    QString callId;
    int status = 0; // the final response sent (0: none, e.g. an ACK)
    QString reason;
    QStringList warnings;  // Warning header values sent
    QString uuiHeaderName; // as received; empty without one
    QString uuiForm;
    QByteArray uuiJson;
    diagnostics::Diagnostics diagnostics;
    QByteArray request;  // as received
    QByteArray response; // the final response as sent
};

// The Agentforce Voice SIP endpoint stand-in (docs/sip.md): a Sofia-SIP user agent server on 127.0.0.1 that takes
// INVITE over UDP and TCP (one port) and TLS (a second port, with the emulator's loopback certificate), judges each
// INVITE with judgeInvite() and answers 100 Trying then 200 OK with an SDP answer, or a 4xx/6xx whose reason phrase
// and Warning header say what was wrong. ACK is absorbed, BYE and OPTIONS get 200; malformed requests get what the
// stack answers (400, or dropped as RFC 3261 §18.3 allows) and the stand-in keeps serving. It runs on a thread of
// its own (so that a sender in the same process may block); the context may change while it runs.
class SipEndpoint final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SipEndpoint)

public:
    explicit SipEndpoint(const Clock& clock, QObject* parent = nullptr);
    ~SipEndpoint() override;

    void setContext(const JudgeContext& context);
    JudgeContext context() const;
    void addVoiceCall(const QString& voiceCallId); // a VoiceCall the emulator just created

    // Serve TLS on a second port with this certificate and key (PEM), e.g. the emulator's LoopbackCertificate.
    // Call before listen(). The key goes to a private temporary directory for the SIP stack, removed by close().
    void setTlsIdentity(const QByteArray& certificatePem, const QByteArray& privateKeyPem, quint16 tlsPort = 0);

    // Starts listening on 127.0.0.1 (UDP and TCP on `port`; 0 = a free port). RSIP001 when it cannot.
    Result<quint16> listen(quint16 port = 0);
    bool isListening() const;
    quint16 port() const;
    quint16 tlsPort() const; // 0 without TLS
    void close();

    QList<ReceivedRequest> received() const;

Q_SIGNALS:
    // Emitted from the stand-in's thread; connect with a context object (queued to that object's thread).
    void requestReceived(const handoff::sip::ReceivedRequest& request);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace handoff::sip

Q_DECLARE_METATYPE(handoff::sip::ReceivedRequest)
