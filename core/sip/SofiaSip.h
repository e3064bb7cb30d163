#pragma once

// Private to core/sip: the one place that includes Sofia-SIP's C headers and holds its small C++ adapters.

#include <QByteArray>
#include <QString>

#include <sofia-sip/msg.h>
#include <sofia-sip/msg_addr.h>
#include <sofia-sip/nta.h>
#include <sofia-sip/sip.h>
#include <sofia-sip/sip_header.h>
#include <sofia-sip/sip_protos.h>
#include <sofia-sip/sip_status.h>
#include <sofia-sip/sip_tag.h>
#include <sofia-sip/su.h>
#include <sofia-sip/su_wait.h>
#include <sofia-sip/tport_tag.h>
#include <sofia-sip/url.h>

namespace handoff::sip::sofia {

// su_init() once per process (Sofia keeps per-thread reactors after that).
void ensureInitialised();

// A message exactly as it goes on the wire (or came from it): its serialised bytes.
QByteArray bytesOf(msg_t* msg);

// The text of a header value, "" for null.
// A URL in text where Sofia-SIP takes a url_string_t: the library's own URL_STRING_MAKE casts the C string to that
// union, which it reads as characters. The cast is the library's idiom; clang's -Wcast-align would flag every use.
inline const url_string_t* url(const char* textUrl) {
#if defined(__clang__)
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wcast-align"
#endif
    return reinterpret_cast<const url_string_t*>(textUrl);
#if defined(__clang__)
#pragma clang diagnostic pop
#endif
}

inline QString text(const char* s) {
    return s ? QString::fromUtf8(s) : QString();
}

} // namespace handoff::sip::sofia
