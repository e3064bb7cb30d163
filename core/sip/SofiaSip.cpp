#include "SofiaSip.h"

#include <QList>
#include <QLoggingCategory>

#include <cstdarg>
#include <cstdio>
#include <mutex>
#include <sofia-sip/su_log.h>

namespace handoff::sip::sofia {

namespace {

Q_LOGGING_CATEGORY(lcSofia, "handoff.sip.sofia", QtWarningMsg)

// Sofia-SIP's own log lines go to a Qt logging category (QT_LOGGING_RULES="handoff.sip.sofia.debug=true"), not to
// standard error where they would mix with the command line's output.
[[gnu::format(printf, 2, 0)]] void forwardLog(void*, const char* format, va_list ap) {
    char line[1024];
    va_list copy;
    va_copy(copy, ap);
    std::vsnprintf(line, sizeof line, format, copy);
    va_end(copy);
    qCDebug(lcSofia, "%s", line);
}

} // namespace

void ensureInitialised() {
    static std::once_flag once;
    std::call_once(once, [] {
        su_init();
        su_log_redirect(nullptr, forwardLog, nullptr);
    });
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
