#pragma once

#include <QByteArray>
#include <QString>

namespace handoff::sip {

// The media offer the sender puts in its INVITE: one audio stream, G.711 PCMU (payload 0, what Agentforce Voice
// requires), and with `srtp` an RTP/SAVP profile with an SDES crypto line (RFC 4568, AES_CM_128_HMAC_SHA1_80, a
// fresh random master key). No media is ever sent: the offer only lets the receiver judge what would flow.
QByteArray sdpOffer(const QString& address, quint16 port, bool srtp, quint64 sessionId);

// What an SDP offer holds, read with Sofia-SIP's SDP parser.
struct SdpOffer {
    bool parsed = false;
    QString error; // why it did not parse
    bool audio = false;
    bool pcmu = false;   // an audio stream offers PCMU (static payload 0 or an rtpmap PCMU/8000)
    bool srtp = false;   // RTP/SAVP(F) with an a=crypto line
    QString proto;       // the audio stream's transport ("RTP/SAVP")
    QString cryptoSuite; // the first crypto line's suite
};
SdpOffer readSdpOffer(const QByteArray& sdp);

// The stand-in's answer: PCMU at `address`:`port`, SRTP when offered (with its own fresh key). Only for an offer
// with PCMU.
QByteArray sdpAnswer(const SdpOffer& offer, const QString& address, quint16 port, quint64 sessionId);

} // namespace handoff::sip
