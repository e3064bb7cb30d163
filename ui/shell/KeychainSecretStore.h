#pragma once

#include "project/SecretStore.h"

#include <QObject>
#include <QString>

#include <memory>

namespace handoff::shell {

// Keeps private keys in the operating system's keychain through qtkeychain (Secret Service / KWallet on Linux,
// Keychain on macOS, Credential Manager on Windows).
//
// Where no keychain service runs (no D-Bus secret service, a headless session), the first keychain call fails; from
// then on the store keeps keys in wiped memory for this session only, isPersistent() turns false, and
// availabilityChanged() lets the window say so. probe() finds out at start-up, before the admin imports a key.
class KeychainSecretStore final : public QObject, public project::SecretStore {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KeychainSecretStore)

public:
    enum class Mode {
        Keychain,    // use the OS keychain; fall back to session memory if it turns out to be missing
        SessionOnly, // never touch the keychain (chosen by the admin, or forced by tests)
    };
    enum class State { Unknown, Available, Unavailable };

    explicit KeychainSecretStore(Mode mode = Mode::Keychain, QObject* parent = nullptr);
    ~KeychainSecretStore() override;

    // The keychain service name entries are filed under.
    static QString serviceName();

    void storePrivateKey(const QString& reference, const crypto::SecureBytes& pem, DoneCallback done) override;
    void loadPrivateKey(const QString& reference, LoadCallback done) override;
    void removePrivateKey(const QString& reference, DoneCallback done) override;
    bool isPersistent() const override;
    QString displayName() const override;

    State state() const { return m_state; }
    // Why the keychain is not used, for the banner; empty while it is.
    QString unavailableReason() const { return m_reason; }

    // Asks the keychain for an entry that does not exist, to learn whether a service answers. Emits
    // availabilityChanged() when the state becomes known.
    void probe();

Q_SIGNALS:
    void availabilityChanged();

private:
    void markUnavailable(const QString& reason);
    void markAvailable();
    bool usesMemory() const { return m_mode == Mode::SessionOnly || m_state == State::Unavailable; }

    Mode m_mode;
    State m_state = State::Unknown;
    QString m_reason;
    std::unique_ptr<project::MemorySecretStore> m_memory;
};

} // namespace handoff::shell
