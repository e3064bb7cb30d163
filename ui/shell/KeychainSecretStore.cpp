#include "shell/KeychainSecretStore.h"

#include "crypto/SecureBytes.h"

#include <QLoggingCategory>
#include <QPointer>
#include <qt6keychain/keychain.h>

using namespace Qt::StringLiterals;

namespace {
Q_LOGGING_CATEGORY(lcKeychain, "handoff.shell.keychain")
}

namespace handoff::shell {

namespace {

// The errors that mean "there is no keychain to talk to", as opposed to "this entry is missing".
bool isBackendMissing(QKeychain::Error error) {
    switch (error) {
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
    case QKeychain::OtherError:
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
        return true;
    case QKeychain::NoError:
    case QKeychain::EntryNotFound:
    case QKeychain::CouldNotDeleteEntry:
        return false;
    }
    return true;
}

} // namespace

KeychainSecretStore::KeychainSecretStore(Mode mode, QObject* parent)
    : QObject(parent)
    , m_mode(mode)
    , m_memory(std::make_unique<project::MemorySecretStore>()) {
    if (mode == Mode::SessionOnly) {
        m_state = State::Unavailable;
        m_reason = tr("Keys are kept for this session only, as chosen in the preferences.");
    }
}

KeychainSecretStore::~KeychainSecretStore() = default;

QString KeychainSecretStore::serviceName() {
    return u"Handoff Studio"_s;
}

bool KeychainSecretStore::isPersistent() const {
    return !usesMemory();
}

QString KeychainSecretStore::displayName() const {
    if (usesMemory()) {
        return tr("session memory (no keychain)");
    }
    return tr("the system keychain");
}

void KeychainSecretStore::markUnavailable(const QString& reason) {
    if (m_state == State::Unavailable) {
        return;
    }
    qCWarning(lcKeychain) << "no keychain service, keeping keys for this session only:" << reason;
    m_state = State::Unavailable;
    m_reason = tr("No system keychain is available (GNOME Keyring, KWallet or another Secret Service). The private "
                  "key is kept in memory for this session only: import it again after restarting Handoff Studio.");
    Q_EMIT availabilityChanged();
}

void KeychainSecretStore::markAvailable() {
    if (m_state == State::Available) {
        return;
    }
    m_state = State::Available;
    m_reason.clear();
    Q_EMIT availabilityChanged();
}

void KeychainSecretStore::probe() {
    if (m_mode == Mode::SessionOnly || m_state != State::Unknown) {
        return;
    }
    auto* job = new QKeychain::ReadPasswordJob(serviceName(), this);
    job->setAutoDelete(true);
    job->setKey(u"handoff-studio/probe"_s);
    connect(job, &QKeychain::Job::finished, this, [this](QKeychain::Job* finished) {
        if (finished->error() == QKeychain::NoError || finished->error() == QKeychain::EntryNotFound) {
            markAvailable();
        } else if (isBackendMissing(finished->error())) {
            markUnavailable(finished->errorString());
        }
    });
    job->start();
}

void KeychainSecretStore::storePrivateKey(const QString& reference, const crypto::SecureBytes& pem, DoneCallback done) {
    if (usesMemory()) {
        m_memory->storePrivateKey(reference, pem, std::move(done));
        return;
    }
    // Keep a session copy first: if the keychain turns out to be missing, the key still works for this session.
    m_memory->storePrivateKey(reference, pem, [](Result<void>) {});
    auto* job = new QKeychain::WritePasswordJob(serviceName(), this);
    job->setAutoDelete(true);
    job->setKey(reference);
    // qtkeychain takes a QByteArray; ours is dropped right away, the job's copy lives until the job is deleted.
    job->setBinaryData(QByteArray(pem.data(), pem.size()));
    connect(job, &QKeychain::Job::finished, this, [this, reference, done](QKeychain::Job* finished) {
        if (finished->error() == QKeychain::NoError) {
            markAvailable();
            done({});
            return;
        }
        if (isBackendMissing(finished->error())) {
            markUnavailable(finished->errorString());
            done({}); // kept in session memory: not a failure of the store, the banner says where it is
            return;
        }
        done(fail(u"KEYCHAIN"_s, tr("The key could not be stored in the keychain: %1").arg(finished->errorString())));
    });
    job->start();
}

void KeychainSecretStore::loadPrivateKey(const QString& reference, LoadCallback done) {
    if (usesMemory() || m_memory->contains(reference)) {
        m_memory->loadPrivateKey(reference, std::move(done));
        return;
    }
    auto* job = new QKeychain::ReadPasswordJob(serviceName(), this);
    job->setAutoDelete(true);
    job->setKey(reference);
    connect(job, &QKeychain::Job::finished, this, [this, reference, done](QKeychain::Job* finished) {
        auto* read = static_cast<QKeychain::ReadPasswordJob*>(finished);
        if (read->error() == QKeychain::NoError) {
            markAvailable();
            QByteArray pem = read->binaryData();
            done(crypto::SecureBytes::takeFrom(pem));
            return;
        }
        if (isBackendMissing(read->error())) {
            markUnavailable(read->errorString());
        }
        done(fail(u"KEYCHAIN"_s, tr("The private key %1 is not in %2.").arg(reference, displayName())));
    });
    job->start();
}

void KeychainSecretStore::removePrivateKey(const QString& reference, DoneCallback done) {
    if (usesMemory()) {
        m_memory->removePrivateKey(reference, std::move(done));
        return;
    }
    m_memory->removePrivateKey(reference, [](Result<void>) {});
    auto* job = new QKeychain::DeletePasswordJob(serviceName(), this);
    job->setAutoDelete(true);
    job->setKey(reference);
    connect(job, &QKeychain::Job::finished, this, [this, done](QKeychain::Job* finished) {
        if (finished->error() == QKeychain::NoError || finished->error() == QKeychain::EntryNotFound) {
            done({});
            return;
        }
        if (isBackendMissing(finished->error())) {
            markUnavailable(finished->errorString());
            done({});
            return;
        }
        done(
            fail(u"KEYCHAIN"_s, tr("The key could not be removed from the keychain: %1").arg(finished->errorString())));
    });
    job->start();
}

} // namespace handoff::shell
