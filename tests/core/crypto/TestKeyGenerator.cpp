#include "crypto/KeyGenerator.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace handoff::crypto;
using handoff::FixedClock;

class TestKeyGenerator final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void generatesAMatchingPair() {
        const FixedClock clock = FixedClock::atSecs(1756767613);
        KeyGenOptions options;
        options.days = 30;
        options.commonName = u"Acme Genesys integration"_s;
        const auto pair = generateKeyPair(options, clock);
        QVERIFY2(pair, qPrintable(pair ? QString() : pair.error().message));
        QCOMPARE(pair->key.algorithm(), KeyAlgorithm::Rsa);
        QCOMPARE(pair->key.bits(), 2048);
        QVERIFY(pair->certificate.matches(pair->key));
        QVERIFY(pair->certificate.isSelfSigned());
        QCOMPARE(pair->certificate.commonName(), u"Acme Genesys integration"_s);
        QCOMPARE(pair->certificate.signatureAlgorithm(), u"sha256WithRSAEncryption"_s);
        QCOMPARE(pair->certificate.notBefore().toSecsSinceEpoch(), 1756767613);
        QCOMPARE(pair->certificate.notAfter().toSecsSinceEpoch(), 1756767613 + 30 * 86400);
        // Valid now, expiring within 30 days: the warning is right.
        const auto diagnostics = pair->certificate.check(clock);
        QCOMPARE(diagnostics.size(), 1);
        QCOMPARE(diagnostics.first().code, u"KEY012"_s);
    }

    void refusesBadOptions_data() {
        QTest::addColumn<int>("bits");
        QTest::addColumn<int>("days");
        QTest::addColumn<QString>("cn");
        QTest::newRow("512 bits") << 512 << 365 << u"x"_s;
        QTest::newRow("2000 bits") << 2000 << 365 << u"x"_s;
        QTest::newRow("0 days") << 2048 << 0 << u"x"_s;
        QTest::newRow("11 years") << 2048 << 4000 << u"x"_s;
        QTest::newRow("empty CN") << 2048 << 365 << u"  "_s;
        QTest::newRow("long CN") << 2048 << 365 << QString(65, u'c');
    }
    void refusesBadOptions() {
        QFETCH(int, bits);
        QFETCH(int, days);
        QFETCH(QString, cn);
        const auto pair = generateKeyPair({bits, days, cn}, FixedClock::atSecs(0));
        QVERIFY(!pair);
        QCOMPARE(pair.error().code, u"KEY014"_s);
    }

    void writesKeyOwnerOnlyAndNeverOverwrites() {
        QTemporaryDir dir;
        const auto pair = generateKeyPair({}, FixedClock::atSecs(1756767613));
        QVERIFY(pair);
        const QString keyPath = dir.filePath(u"handoff.key"_s);
        const QString certPath = dir.filePath(u"handoff.crt"_s);
        QVERIFY(writeKeyPair(*pair, keyPath, certPath));
        const auto permissions = QFile::permissions(keyPath);
        QVERIFY(permissions.testFlag(QFileDevice::ReadOwner));
        QVERIFY(!permissions.testFlag(QFileDevice::ReadGroup));
        QVERIFY(!permissions.testFlag(QFileDevice::ReadOther));

        const auto key = PrivateKey::load(keyPath);
        QVERIFY(key);
        QCOMPARE(key->encoding(), KeyEncoding::Pkcs8);
        const auto cert = Certificate::load(certPath);
        QVERIFY(cert);
        QVERIFY(cert->matches(*key));

        QFile keyFile(keyPath);
        QVERIFY(keyFile.open(QIODevice::ReadOnly));
        const QByteArray before = keyFile.readAll();
        keyFile.close();
        const auto another = generateKeyPair({}, FixedClock::atSecs(1756767613));
        QVERIFY(another);
        const auto again = writeKeyPair(*another, keyPath, dir.filePath(u"new.crt"_s));
        QVERIFY(!again);
        QCOMPARE(again.error().code, u"KEY015"_s);
        QVERIFY(keyFile.open(QIODevice::ReadOnly));
        QCOMPARE(keyFile.readAll(), before);
        QVERIFY(!QFile::exists(dir.filePath(u"new.crt"_s)));
        // An existing certificate file stops it too, before the key is written.
        const auto certExists = writeKeyPair(*another, dir.filePath(u"new.key"_s), certPath);
        QCOMPARE(certExists.error().code, u"KEY015"_s);
        QVERIFY(!QFile::exists(dir.filePath(u"new.key"_s)));
    }

    void writesAnEncryptedKey() {
        QTemporaryDir dir;
        const auto pair = generateKeyPair({}, FixedClock::atSecs(1756767613));
        QVERIFY(pair);
        const QString keyPath = dir.filePath(u"enc.key"_s);
        const SecureBytes passphrase(QByteArrayView("correct horse"));
        QVERIFY(writeKeyPair(*pair, keyPath, dir.filePath(u"enc.crt"_s), passphrase));
        QCOMPARE(PrivateKey::load(keyPath).error().code, u"KEY004"_s);
        const auto key = PrivateKey::load(keyPath, passphrase);
        QVERIFY(key);
        QCOMPARE(key->encoding(), KeyEncoding::EncryptedPkcs8);
        QVERIFY(pair->certificate.matches(*key));
    }

    void missingFolderLeavesNothing() {
        QTemporaryDir dir;
        const auto pair = generateKeyPair({}, FixedClock::atSecs(1756767613));
        QVERIFY(pair);
        const QString keyPath = dir.filePath(u"k.key"_s);
        const auto result = writeKeyPair(*pair, keyPath, dir.filePath(u"missing/c.crt"_s));
        QVERIFY(!result);
        QVERIFY(!QFile::exists(keyPath));
    }
};

QTEST_GUILESS_MAIN(TestKeyGenerator)
#include "TestKeyGenerator.moc"
