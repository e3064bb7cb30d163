#include "Sdp.h"

#include <QList>

#include <openssl/rand.h>

#include <sofia-sip/sdp.h>
#include <sofia-sip/su_alloc.h>

using namespace Qt::StringLiterals;

namespace handoff::sip {

namespace {

// 30 random bytes (16-byte key, 14-byte salt) in base64: an SDES inline key (RFC 4568 §6.1).
QByteArray freshSdesKey() {
    QByteArray key(30, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char*>(key.data()), int(key.size())) != 1) {
        key.fill('\0'); // never used for media; the line keeps its shape
    }
    return key.toBase64();
}

QByteArray common(const QString& address, quint64 sessionId) {
    const QByteArray ip = address.toLatin1();
    const QByteArray family = address.contains(u':') ? "IP6" : "IP4";
    return "v=0\r\no=handoff " + QByteArray::number(sessionId) + ' ' + QByteArray::number(sessionId) + " IN " + family +
           ' ' + ip + "\r\ns=Handoff Studio\r\nc=IN " + family + ' ' + ip + "\r\nt=0 0\r\n";
}

QByteArray audio(quint16 port, bool srtp) {
    QByteArray out = "m=audio " + QByteArray::number(port) + (srtp ? " RTP/SAVP 0\r\n" : " RTP/AVP 0\r\n");
    out += "a=rtpmap:0 PCMU/8000\r\na=ptime:20\r\na=sendrecv\r\n";
    if (srtp) {
        out += "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:" + freshSdesKey() + "\r\n";
    }
    return out;
}

} // namespace

QByteArray sdpOffer(const QString& address, quint16 port, bool srtp, quint64 sessionId) {
    return common(address, sessionId) + audio(port, srtp);
}

SdpOffer readSdpOffer(const QByteArray& sdp) {
    SdpOffer out;
    su_home_t* home = static_cast<su_home_t*>(su_home_new(sizeof(su_home_t)));
    sdp_parser_t* parser = sdp_parse(home, sdp.constData(), isize_t(sdp.size()), 0);
    const sdp_session_t* session = sdp_session(parser);
    if (!session) {
        out.error = QString::fromUtf8(sdp_parsing_error(parser));
    } else {
        out.parsed = true;
        for (const sdp_media_t* m = session->sdp_media; m; m = m->m_next) {
            if (m->m_type != sdp_media_audio || m->m_port == 0) {
                continue;
            }
            out.audio = true;
            for (const sdp_rtpmap_t* rm = m->m_rtpmaps; rm; rm = rm->rm_next) {
                if (rm->rm_encoding && qstricmp(rm->rm_encoding, "PCMU") == 0 && rm->rm_rate == 8000) {
                    out.pcmu = true;
                }
            }
            for (const sdp_list_t* f = m->m_format; f; f = f->l_next) {
                if (f->l_text && qstrcmp(f->l_text, "0") == 0) {
                    out.pcmu = true; // the static payload type of PCMU (RFC 3551)
                }
            }
            bool crypto = false;
            for (const sdp_attribute_t* a = m->m_attributes; a; a = a->a_next) {
                if (a->a_name && qstricmp(a->a_name, "crypto") == 0 && a->a_value) {
                    crypto = true;
                    if (out.cryptoSuite.isEmpty()) {
                        const QList<QByteArray> parts = QByteArray(a->a_value).split(' ');
                        out.cryptoSuite = parts.size() > 1 ? QString::fromLatin1(parts.at(1)) : QString();
                    }
                }
            }
            out.proto = m->m_proto_name ? QString::fromLatin1(m->m_proto_name) : QString();
            const bool secureProfile = m->m_proto == sdp_proto_srtp || out.proto.startsWith(u"RTP/SAVP"_s);
            out.srtp = out.srtp || (secureProfile && crypto);
            if (out.pcmu) {
                break;
            }
        }
    }
    sdp_parser_free(parser);
    su_home_unref(home);
    return out;
}

QByteArray sdpAnswer(const SdpOffer& offer, const QString& address, quint16 port, quint64 sessionId) {
    return common(address, sessionId) + audio(port, offer.srtp);
}

} // namespace handoff::sip
