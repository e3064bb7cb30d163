#pragma once

#include "common/Clock.h"
#include "common/Error.h"
#include "flow/Simulator.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace handoff::sip {

enum class Transport { Auto, Udp, Tcp, Tls };
QString transportKey(Transport transport); // "auto", "udp", "tcp", "tls"
std::optional<Transport> transportFromKey(const QString& key);

// RFC 3261 §18.1.1: a request over 1,300 bytes (path MTU unknown) goes over a congestion-controlled transport.
inline constexpr qsizetype kUdpSizeLimit = 1300;

struct SendOptions {
    QString to;                            // sip:USER@HOST[:PORT] or sips:...; the only host contacted
    Transport transport = Transport::Auto; // Auto: UDP, or TCP when the INVITE is over 1,300 bytes; TLS for sips:
    int timeoutMs = 8000;                  // no final response by then: CANCEL (after a provisional) and give up
    int byeTimeoutMs = 3000;               // how long to wait for the BYE's (and the CANCEL's) answer
    bool srtp = true;                      // offer SRTP (RTP/SAVP with an SDES crypto line) as Salesforce requires
    // TLS: the peer's certificate must verify, against these CA certificates (PEM: the emulator's own certificate
    // for its SIP stand-in, or a CA) or, when empty, the system's trusted CAs, and name the host of `to`. An
    // unverified peer is refused (RSIP007) before anything is sent, unless `insecure` is set.
    QString caFile;
    bool insecure = false;
};

struct SipResponse {
    int status = 0;
    QString reason;
    QByteArray bytes; // as received
};

// What happened on the wire.
struct SendReport {
    QString to;
    QString transport;       // "udp", "tcp", "tls": what was used
    QString transportReason; // why that one (forced, the size rule, sips:)
    qsizetype size = 0;      // the INVITE's bytes as sent
    QByteArray sent;         // the INVITE exactly as sent
    QList<SipResponse> provisional;
    SipResponse final;      // status 0 when none arrived
    QStringList warnings;   // the final response's Warning header values
    bool answered = false;  // a final response arrived from the peer
    bool acked = false;     // ACK sent for a 2xx (the transaction layer ACKs the others itself)
    bool cancelled = false; // CANCEL sent on timeout
    int cancelStatus = 0;   // the CANCEL's own final response (200, 481), 0 without
    bool byeSent = false;
    int byeStatus = 0;
    QByteArray byeSentBytes;
    QStringList notes;    // translated lines for people, in order
    QStringList replaced; // headers of the simulator's INVITE that the wire needed otherwise (Via, Contact, To)

    bool accepted() const { return final.status >= 200 && final.status < 300; }
};

// Sends the simulator's INVITE (SipInvite: its From, Call-ID, CSeq, Max-Forwards, User-to-User exactly as rendered;
// Via, Contact, the request URI and To follow the real target) with an SDP offer (PCMU, SRTP unless switched off)
// through Sofia-SIP's transaction layer; handles 1xx, the final response, ACK, BYE after a 2xx, CANCEL on timeout.
// Blocks the calling thread until done (at most timeoutMs + 2 * byeTimeoutMs). Errors: RSIP002 a bad --to,
// RSIP001 the stack cannot start, RSIP007 a TLS peer whose certificate does not verify, RSIP008 an unreadable
// CA file. A refusal or a timeout is a
// report (answered/final), not an error.
Result<SendReport> sendInvite(const flow::SipInvite& invite, const SendOptions& options);

// The INVITE of the first Transfer to Number step of a trace; RSIP003 when there is none.
Result<flow::SipInvite> transferInvite(const flow::Trace& trace);

} // namespace handoff::sip
