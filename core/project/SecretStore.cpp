#include "SecretStore.h"

#include <QCoreApplication>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace handoff::project {

SecretStore::~SecretStore() = default;

MemorySecretStore::~MemorySecretStore() = default; // SecureBytes wipes each key

void MemorySecretStore::storePrivateKey(const QString& reference, const crypto::SecureBytes& pem, DoneCallback done) {
    if (reference.isEmpty()) {
        done(fail(u"PRJ007"_s,
                  QCoreApplication::translate("handoff::project", "A key needs a reference to be stored.")));
        return;
    }
    m_keys.insert_or_assign(reference, pem.clone());
    done({});
}

void MemorySecretStore::loadPrivateKey(const QString& reference, LoadCallback done) {
    const auto it = m_keys.find(reference);
    if (it == m_keys.end()) {
        done(fail(u"PRJ008"_s, QCoreApplication::translate("handoff::project",
                                                           "No key is stored under \"%1\" in this session; import the "
                                                           "key again.")
                                   .arg(reference)));
        return;
    }
    done(it->second.clone());
}

void MemorySecretStore::removePrivateKey(const QString& reference, DoneCallback done) {
    m_keys.erase(reference);
    done({});
}

QString MemorySecretStore::displayName() const {
    return QCoreApplication::translate("handoff::project", "This session only (not saved)");
}

QString newSecretReference() {
    return u"handoff-studio/"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace handoff::project
