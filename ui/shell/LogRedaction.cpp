#include "shell/LogRedaction.h"

#include "jwt/Jwt.h"
#include "shell/Preferences.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace handoff::shell {

namespace {

QtMessageHandler g_previous = nullptr;

void redactingHandler(QtMsgType type, const QMessageLogContext& context, const QString& message) {
    const QString shown = Preferences::redactTokensInLogs() ? redactTokens(message) : message;
    if (g_previous) {
        g_previous(type, context, shown);
    }
}

} // namespace

QString redactTokens(const QString& message) {
    if (!message.contains(u"eyJ"_s)) {
        return message;
    }
    static const QRegularExpression jwt(u"eyJ[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+"_s);
    QString out;
    qsizetype last = 0;
    auto it = jwt.globalMatch(message);
    while (it.hasNext()) {
        const auto match = it.next();
        out += message.mid(last, match.capturedStart() - last);
        out += QString::fromLatin1(jwt::redactSignature(match.captured().toLatin1()));
        last = match.capturedEnd();
    }
    out += message.mid(last);
    return out;
}

void installRedactingMessageHandler() {
    g_previous = qInstallMessageHandler(redactingHandler);
}

} // namespace handoff::shell
