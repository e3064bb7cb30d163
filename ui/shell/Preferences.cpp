#include "shell/Preferences.h"

#include <QSettings>

using namespace Qt::StringLiterals;

namespace handoff::shell {

namespace {
const auto kLanguage = u"ui/language"_s;
const auto kClipboardClear = u"clipboard/clearSeconds"_s;
const auto kRedact = u"logging/redactTokens"_s;
const auto kSessionOnly = u"keys/sessionOnly"_s;
constexpr int kDefaultClipboardClearSeconds = 30;
} // namespace

Preferences& Preferences::notifier() {
    static Preferences instance;
    return instance;
}

QString Preferences::language() {
    return QSettings().value(kLanguage).toString();
}

void Preferences::setLanguage(const QString& code) {
    QSettings().setValue(kLanguage, code);
    Q_EMIT notifier().changed();
}

std::chrono::seconds Preferences::clipboardClearDelay() {
    return std::chrono::seconds(QSettings().value(kClipboardClear, kDefaultClipboardClearSeconds).toInt());
}

void Preferences::setClipboardClearDelay(std::chrono::seconds delay) {
    QSettings().setValue(kClipboardClear, static_cast<int>(delay.count()));
    Q_EMIT notifier().changed();
}

bool Preferences::redactTokensInLogs() {
    return QSettings().value(kRedact, true).toBool();
}

void Preferences::setRedactTokensInLogs(bool redact) {
    QSettings().setValue(kRedact, redact);
    Q_EMIT notifier().changed();
}

bool Preferences::sessionOnlyKeys() {
    return QSettings().value(kSessionOnly, false).toBool();
}

void Preferences::setSessionOnlyKeys(bool sessionOnly) {
    QSettings().setValue(kSessionOnly, sessionOnly);
    Q_EMIT notifier().changed();
}

QList<std::pair<QString, QString>> Preferences::availableLanguages() {
    return {{u"en"_s, u"English"_s}, {u"de"_s, u"Deutsch"_s}};
}

} // namespace handoff::shell
