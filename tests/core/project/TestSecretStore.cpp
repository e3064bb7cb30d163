#include "project/SecretStore.h"

#include <QTest>

using namespace Qt::StringLiterals;
using handoff::crypto::SecureBytes;
using handoff::project::MemorySecretStore;

class TestSecretStore final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void storeLoadRemove() {
        MemorySecretStore store;
        QVERIFY(!store.isPersistent());
        QVERIFY(!store.displayName().isEmpty());
        const QString ref = handoff::project::newSecretReference();
        QVERIFY(ref.startsWith(u"handoff-studio/"_s));
        QVERIFY(ref != handoff::project::newSecretReference());

        bool stored = false;
        store.storePrivateKey(ref, SecureBytes(QByteArrayView("pem-bytes")),
                              [&](handoff::Result<void> r) { stored = r.has_value(); });
        QVERIFY(stored);
        QVERIFY(store.contains(ref));

        QByteArray loaded;
        store.loadPrivateKey(ref, [&](handoff::Result<SecureBytes> r) {
            QVERIFY(r.has_value());
            loaded = r->view().toByteArray();
        });
        QCOMPARE(loaded, QByteArray("pem-bytes"));

        bool removed = false;
        store.removePrivateKey(ref, [&](handoff::Result<void> r) { removed = r.has_value(); });
        QVERIFY(removed);
        QVERIFY(!store.contains(ref));

        QString code;
        store.loadPrivateKey(ref, [&](handoff::Result<SecureBytes> r) {
            QVERIFY(!r.has_value());
            code = r.error().code;
        });
        QCOMPARE(code, u"PRJ008"_s);
    }

    void emptyReferenceIsRefused() {
        MemorySecretStore store;
        QString code;
        store.storePrivateKey(QString(), SecureBytes(QByteArrayView("x")),
                              [&](handoff::Result<void> r) { code = r ? QString() : r.error().code; });
        QCOMPARE(code, u"PRJ007"_s);
    }
};

QTEST_GUILESS_MAIN(TestSecretStore)
#include "TestSecretStore.moc"
