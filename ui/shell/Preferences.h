#pragma once

#include <QObject>
#include <QString>

#include <chrono>

namespace handoff::shell {

// The admin's preferences, kept in QSettings. Nothing secret is ever stored here. Read them through these
// accessors; listen to Preferences::notifier().changed to follow changes made in the Preferences dialog.
class Preferences final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Preferences)

public:
    // "" follows the system language; otherwise a language code the app ships ("en", "de").
    static QString language();
    static void setLanguage(const QString& code);
    // How long a copied token stays on the clipboard; zero: it is not cleared.
    static std::chrono::seconds clipboardClearDelay();
    static void setClipboardClearDelay(std::chrono::seconds delay);
    // Whether logs show a token's signature; on by default (redacted).
    static bool redactTokensInLogs();
    static void setRedactTokensInLogs(bool redact);
    // Whether to skip the OS keychain and keep keys for the session only.
    static bool sessionOnlyKeys();
    static void setSessionOnlyKeys(bool sessionOnly);

    // The languages the app ships, as (code, native name) pairs; English first.
    static QList<std::pair<QString, QString>> availableLanguages();

    static Preferences& notifier();

Q_SIGNALS:
    void changed();

private:
    Preferences() = default;
};

} // namespace handoff::shell
