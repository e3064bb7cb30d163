#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>

#include <chrono>

class QTimer;

namespace handoff::widgets {

// Copies text to the clipboard. A secret (anything holding a token) is marked for clipboard managers with the
// "x-kde-passwordManagerHint: secret" hint, so they do not keep it in their history, and is cleared after a delay,
// but only if the clipboard still holds what we put there: whatever the user copied since stays untouched. Only a
// hash of the copied text is kept. Pending clears also happen when the helper is destroyed (the app quits).
class SensitiveClipboard final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SensitiveClipboard)

public:
    enum class Kind { Plain, Secret };
    Q_ENUM(Kind)

    explicit SensitiveClipboard(QObject* parent = nullptr);
    ~SensitiveClipboard() override;

    // Delay before a secret is cleared; zero or negative: never cleared automatically.
    void setClearDelay(std::chrono::milliseconds delay);
    std::chrono::milliseconds clearDelay() const { return m_delay; }

    void copy(const QString& text, Kind kind);
    bool isClearPending() const;
    // Clears now if the clipboard still holds the last secret we copied.
    void clearNow();

    static QString passwordManagerHintMime(); // "x-kde-passwordManagerHint"

Q_SIGNALS:
    void copied(handoff::widgets::SensitiveClipboard::Kind kind);
    void cleared();

private:
    bool clipboardHoldsOurs() const;

    std::chrono::milliseconds m_delay{std::chrono::seconds(30)};
    QTimer* m_timer = nullptr;
    QByteArray m_hash; // SHA-256 of the secret we put there; empty when none
};

} // namespace handoff::widgets
