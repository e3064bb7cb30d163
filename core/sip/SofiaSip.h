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
inline QString text(const char* s) {
    return s ? QString::fromUtf8(s) : QString();
}

} // namespace handoff::sip::sofia
