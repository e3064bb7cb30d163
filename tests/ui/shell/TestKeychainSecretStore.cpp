#include "ScriptedDialogs.h"
#include "common/Clock.h"
#include "crypto/PrivateKey.h"
#include "crypto/SecureBytes.h"
#include "shell/KeychainSecretStore.h"
#include "shell/MainWindow.h"
#include "shell/Workspace.h"

#include <QFrame>
#include <QLabel>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;
using handoff::shell::KeychainSecretStore;

namespace {

QByteArray testPem() {
    QFile file(QStringLiteral(HANDOFF_TEST_DATA) + u"/rsa2048-pkcs8-test-only.pem"_s);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Stores and loads one key through the store's asynchronous interface.
QByteArray roundTrip(KeychainSecretStore& store, const QString& reference, const QByteArray& pem) {
    bool stored = false;
    store.storePrivateKey(reference, handoff::crypto::SecureBytes(pem),
                          [&stored](handoff::Result<void> result) { stored = result.has_value(); });
    if (!QTest::qWaitFor([&stored] { return stored; }, 10000)) {
        return {};
    }
    QByteArray loaded;
    bool done = false;
    store.loadPrivateKey(reference, [&](handoff::Result<handoff::crypto::SecureBytes> result) {
        done = true;
        if (result) {
            loaded = result->view().toByteArray();
        }
    });
    if (!QTest::qWaitFor([&done] { return done; }, 10000)) {
        return {};
    }
    return loaded;
}

} // namespace

class TestKeychainSecretStore final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"Handoff Studio Tests"_s);
        QCoreApplication::setApplicationName(u"test_ui_keychain"_s);
        QSettings().clear();
    }

    void sessionOnlyKeepsKeysInMemory() {
        KeychainSecretStore store(KeychainSecretStore::Mode::SessionOnly);
        QCOMPARE(store.state(), KeychainSecretStore::State::Unavailable);
        QVERIFY(!store.isPersistent());
        QVERIFY(!store.unavailableReason().isEmpty());
        const QByteArray pem = testPem();
        QVERIFY(!pem.isEmpty());
        QCOMPARE(roundTrip(store, u"handoff-studio/test-a"_s, pem), pem);

        bool removed = false;
        store.removePrivateKey(u"handoff-studio/test-a"_s,
                               [&removed](handoff::Result<void> r) { removed = r.has_value(); });
        QVERIFY(removed);
        bool missing = false;
        store.loadPrivateKey(u"handoff-studio/test-a"_s,
                             [&missing](handoff::Result<handoff::crypto::SecureBytes> r) { missing = !r; });
        QTRY_VERIFY(missing);
    }

    // Where no keychain service runs (this machine: no D-Bus secret service), the store notices, says so, and the key
    // still works for the session. Where one runs, the key round-trips through it.
    void fallsBackToSessionMemoryWithoutAKeychain() {
        KeychainSecretStore store(KeychainSecretStore::Mode::Keychain);
        QSignalSpy availability(&store, &KeychainSecretStore::availabilityChanged);
        store.probe();
        QTRY_VERIFY_WITH_TIMEOUT(store.state() != KeychainSecretStore::State::Unknown, 15000);
        QCOMPARE(availability.count(), 1);
        const QByteArray pem = testPem();
        const QString reference = u"handoff-studio/test-fallback"_s;
        QCOMPARE(roundTrip(store, reference, pem), pem);
        if (store.state() == KeychainSecretStore::State::Available) {
            QVERIFY(store.isPersistent());
            store.removePrivateKey(reference, [](handoff::Result<void>) {});
            QSKIP("A keychain service runs here: the fallback path is covered by the session-only test");
        }
        QVERIFY(!store.isPersistent());
        QVERIFY(store.unavailableReason().contains(u"session only"_s));
    }

    void windowSaysKeysAreKeptForThisSessionOnly() {
        handoff::FixedClock clock = handoff::FixedClock::atSecs(1'795'000'000);
        KeychainSecretStore store(KeychainSecretStore::Mode::Keychain);
        handoff::shell::test::ScriptedDialogs dialogs;
        handoff::shell::Workspace workspace(clock, store);
        handoff::shell::MainWindow window(workspace, dialogs, &store);
        window.show();
        QVERIFY(window.keyBanner()->isHidden());
        store.probe();
        QTRY_VERIFY_WITH_TIMEOUT(store.state() != KeychainSecretStore::State::Unknown, 15000);
        if (store.state() == KeychainSecretStore::State::Available) {
            QSKIP("A keychain service runs here");
        }
        QTRY_VERIFY(window.keyBanner()->isVisible());
        auto* text = window.findChild<QLabel*>(u"keyBannerLabel"_s);
        QVERIFY(text->text().contains(u"session only"_s));

        // A key imported now works for the session, and the status bar says where it is kept.
        auto key = handoff::crypto::PrivateKey::fromPem(testPem());
        QVERIFY(key.has_value());
        workspace.setKey(*key);
        QTRY_VERIFY(!workspace.derived().token.isEmpty() || workspace.hasKey());
        auto* status = window.findChild<QLabel*>(u"keyStatusLabel"_s);
        QTRY_COMPARE(status->text(), u"Key for this session only"_s);
        QVERIFY(workspace.keyStoreMessage().isEmpty());
    }
};

QTEST_MAIN(TestKeychainSecretStore)
#include "TestKeychainSecretStore.moc"
