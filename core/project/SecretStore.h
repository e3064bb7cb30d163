#pragma once

#include "common/Error.h"
#include "crypto/SecureBytes.h"

#include <QByteArray>
#include <QString>

#include <functional>
#include <map>

namespace handoff::project {

// Where private keys live: the OS keychain (hs/shell's qtkeychain store) or, where none runs, memory for this
// session only. A project file holds only the reference (KeyReference::keychainId), never the key.
//
// The calls are asynchronous-friendly: each reports through a callback, which a store may call before returning
// (the in-memory one does) or later from the event loop (a keychain job). The PEM travels in SecureBytes, wiped
// when it goes out of scope.
class SecretStore {
public:
    using LoadCallback = std::function<void(Result<crypto::SecureBytes> pem)>;
    using DoneCallback = std::function<void(Result<void> result)>;

    SecretStore() = default;
    virtual ~SecretStore();
    Q_DISABLE_COPY_MOVE(SecretStore)

    virtual void storePrivateKey(const QString& reference, const crypto::SecureBytes& pem, DoneCallback done) = 0;
    virtual void loadPrivateKey(const QString& reference, LoadCallback done) = 0;
    virtual void removePrivateKey(const QString& reference, DoneCallback done) = 0;

    // True when a stored key outlives the process (a keychain); false for "this session only".
    virtual bool isPersistent() const = 0;
    // A person's name for where keys are kept ("Session memory", "GNOME Keyring", ...), translated.
    virtual QString displayName() const = 0;
};

// Keys held in this process's memory only: for tests and for "session only" when no keychain runs. Every copy it
// holds is wiped (SecureBytes) when replaced, removed or when the store is destroyed. Callbacks run before the call
// returns.
class MemorySecretStore final : public SecretStore {
public:
    MemorySecretStore() = default;
    ~MemorySecretStore() override;
    Q_DISABLE_COPY_MOVE(MemorySecretStore)

    void storePrivateKey(const QString& reference, const crypto::SecureBytes& pem, DoneCallback done) override;
    void loadPrivateKey(const QString& reference, LoadCallback done) override;
    void removePrivateKey(const QString& reference, DoneCallback done) override;
    bool isPersistent() const override { return false; }
    QString displayName() const override;

    bool contains(const QString& reference) const { return m_keys.count(reference) > 0; }

private:
    std::map<QString, crypto::SecureBytes> m_keys;
};

// A fresh reference for a new keychain entry ("handoff-studio/<uuid>").
QString newSecretReference();

} // namespace handoff::project
