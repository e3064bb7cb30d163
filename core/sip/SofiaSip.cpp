#include "SofiaSip.h"

#include <QList>

#include <mutex>

namespace handoff::sip::sofia {

void ensureInitialised() {
    static std::once_flag once;
    std::call_once(once, [] { su_init(); });
}

QByteArray bytesOf(msg_t* msg) {
    if (!msg) {
        return {};
    }
    // A message that was sent or received is serialised and prepared: its iovecs are the bytes on the wire.
    if (!msg_is_prepared(msg)) {
        msg_serialize(msg, nullptr);
        msg_prepare(msg);
    }
    const isize_t n = msg_iovec(msg, nullptr, 0);
    if (n <= 0) {
        return {};
    }
    QList<msg_iovec_t> vec(n);
    msg_iovec(msg, vec.data(), n);
    QByteArray out;
    for (const msg_iovec_t& v : vec) {
        out.append(static_cast<const char*>(v.siv_base), qsizetype(v.siv_len));
    }
    return out;
}

} // namespace handoff::sip::sofia
