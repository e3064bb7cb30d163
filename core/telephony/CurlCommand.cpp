#include "telephony/CurlCommand.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace handoff::telephony {

QString shellQuote(const QString& argument) {
    if (!argument.isEmpty()) {
        bool plain = true;
        for (const QChar c : argument) {
            if (!(c.isLetterOrNumber() && c.unicode() < 128) && !QStringView(u"-_./:=@%+,").contains(c)) {
                plain = false;
                break;
            }
        }
        if (plain) {
            return argument;
        }
    }
    QString quoted = argument;
    quoted.replace(u"'"_s, u"'\\''"_s);
    return u'\'' + quoted + u'\'';
}

QString renderCurl(const HttpRequestSpec& request, const CurlOptions& options) {
    QStringList parts;
    parts << u"curl -sS -i -X POST"_s;
    parts << shellQuote(request.url.toString(QUrl::FullyEncoded));
    if (!options.caCertFile.isEmpty()) {
        parts << u"--cacert "_s + shellQuote(options.caCertFile);
    }
    if (options.connectTimeoutSecs > 0) {
        parts << u"--connect-timeout "_s + QString::number(options.connectTimeoutSecs);
    }
    if (options.maxTimeSecs > 0) {
        parts << u"--max-time "_s + QString::number(options.maxTimeSecs);
    }
    for (const auto& [name, value] : request.headers) {
        if (name.compare("Authorization", Qt::CaseInsensitive) == 0 && !options.revealToken) {
            // "$VAR" in double quotes: the shell substitutes it, nothing else in the string is special.
            parts << u"-H \"Authorization: Bearer $"_s + options.tokenVariable + u'"';
            continue;
        }
        parts << u"-H "_s + shellQuote(QString::fromUtf8(name) + u": "_s + QString::fromUtf8(value));
    }
    parts << u"--data-raw "_s + shellQuote(QString::fromUtf8(request.body));
    return parts.join(options.multiline ? u" \\\n  "_s : u" "_s) + u'\n';
}

} // namespace handoff::telephony
