#include "crypto/PrivateKey.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace handoff::crypto;

namespace {
QString dataPath(const QString& name) {
    return QStringLiteral(HANDOFF_TEST_DATA) + u'/' + name;
}
QByteArray readData(const QString& name) {
    QFile file(dataPath(name));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}
const SecureBytes& testPassphrase() {
    static const SecureBytes passphrase(QByteArrayView("handoff-test-only"));
    return passphrase;
}
} // namespace

class TestPrivateKey final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void loadsEachEncoding_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<bool>("needsPassphrase");
        QTest::addColumn<KeyEncoding>("encoding");
        QTest::newRow("PKCS#1") << u"rsa2048-pkcs1-test-only.pem"_s << false << KeyEncoding::Pkcs1;
        QTest::newRow("PKCS#8") << u"rsa2048-pkcs8-test-only.pem"_s << false << KeyEncoding::Pkcs8;
        QTest::newRow("encrypted PKCS#8")
            << u"rsa2048-pkcs8-encrypted-test-only.pem"_s << true << KeyEncoding::EncryptedPkcs8;
    }
    // The three files hold one key: each loads to the same public key.
    void loadsEachEncoding() {
        QFETCH(QString, file);
        QFETCH(bool, needsPassphrase);
        QFETCH(KeyEncoding, encoding);
        const auto key = PrivateKey::load(dataPath(file), needsPassphrase ? testPassphrase().clone() : SecureBytes());
        QVERIFY2(key, qPrintable(key ? QString() : key.error().message));
        QCOMPARE(key->algorithm(), KeyAlgorithm::Rsa);
        QCOMPARE(key->bits(), 2048);
        QCOMPARE(key->encoding(), encoding);
        QVERIFY(key->checkForRs256().isEmpty());
        QVERIFY(key->requireRs256());
        const auto reference = PrivateKey::load(dataPath(u"rsa2048-pkcs8-test-only.pem"_s));
        QVERIFY(reference);
        QCOMPARE(key->publicKey().spkiDer(), reference->publicKey().spkiDer());
        QVERIFY(keysMatch(*key, reference->publicKey()));
    }

    void refusesBadInput_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QByteArray>("passphrase");
        QTest::addColumn<QString>("code");
        QTest::newRow("encrypted without passphrase")
            << u"rsa2048-pkcs8-encrypted-test-only.pem"_s << QByteArray() << u"KEY004"_s;
        QTest::newRow("wrong passphrase")
            << u"rsa2048-pkcs8-encrypted-test-only.pem"_s << QByteArray("wrong") << u"KEY005"_s;
        QTest::newRow("truncated") << u"truncated-test-only.pem"_s << QByteArray() << u"KEY003"_s;
        QTest::newRow("garbage") << u"garbage-test-only.pem"_s << QByteArray() << u"KEY002"_s;
        QTest::newRow("a certificate") << u"rsa2048-test-only.crt.pem"_s << QByteArray() << u"KEY002"_s;
        QTest::newRow("a public key") << u"rfc7515-a2-rsa-test-only.pub.pem"_s << QByteArray() << u"KEY002"_s;
        QTest::newRow("missing file") << u"no-such-file-test-only.pem"_s << QByteArray() << u"KEY001"_s;
    }
    void refusesBadInput() {
        QFETCH(QString, file);
        QFETCH(QByteArray, passphrase);
        QFETCH(QString, code);
        const auto key = PrivateKey::load(dataPath(file), SecureBytes(passphrase));
        QVERIFY(!key);
        QCOMPARE(key.error().code, code);
        QVERIFY(key.error().message.size() > 20);
    }

    void damagedBodyIsReported() {
        QByteArray pem = readData(u"rsa2048-pkcs8-test-only.pem"_s);
        QVERIFY(!pem.isEmpty());
        pem[200] = pem[200] == 'A' ? 'B' : 'A';
        pem.remove(300, 40);
        const auto key = PrivateKey::fromPem(pem);
        QVERIFY(!key);
        QCOMPARE(key.error().code, u"KEY003"_s);
    }

    // A file holding the certificate and then the key (as some tools write them) reads as the key.
    void keyAfterACertificateInOneFile() {
        const QByteArray combined =
            readData(u"rsa2048-test-only.crt.pem"_s) + readData(u"rsa2048-pkcs1-test-only.pem"_s);
        const auto key = PrivateKey::fromPem(combined);
        QVERIFY2(key, qPrintable(key ? QString() : key.error().message));
        QCOMPARE(key->encoding(), KeyEncoding::Pkcs1);
        const QByteArray keyFirst =
            readData(u"rsa2048-pkcs8-test-only.pem"_s) + readData(u"rsa2048-test-only.crt.pem"_s);
        QVERIFY(PrivateKey::fromPem(keyFirst));
        QCOMPARE(PrivateKey::fromPem(readData(u"rsa2048-test-only.crt.pem"_s)).error().code, u"KEY002"_s);
    }

    void rs256Fitness_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("bits");
        QTest::addColumn<KeyAlgorithm>("algorithm");
        QTest::addColumn<QString>("code"); // empty: fit
        QTest::addColumn<bool>("canSign");
        QTest::newRow("2048") << u"rsa2048-pkcs8-test-only.pem"_s << 2048 << KeyAlgorithm::Rsa << QString() << true;
        QTest::newRow("4096 allowed") << u"rsa4096-test-only.pem"_s << 4096 << KeyAlgorithm::Rsa << QString() << true;
        QTest::newRow("1024 deprecated") << u"rsa1024-test-only.pem"_s << 1024 << KeyAlgorithm::Rsa << u"KEY007"_s
                                         << true;
        QTest::newRow("EC refused") << u"ec-p256-test-only.pem"_s << 256 << KeyAlgorithm::Ec << u"KEY006"_s << false;
    }
    void rs256Fitness() {
        QFETCH(QString, file);
        QFETCH(int, bits);
        QFETCH(KeyAlgorithm, algorithm);
        QFETCH(QString, code);
        QFETCH(bool, canSign);
        const auto key = PrivateKey::load(dataPath(file));
        QVERIFY(key);
        QCOMPARE(key->bits(), bits);
        QCOMPARE(key->algorithm(), algorithm);
        const auto diagnostics = key->checkForRs256(u"project.key"_s);
        if (code.isEmpty()) {
            QVERIFY(diagnostics.isEmpty());
        } else {
            QCOMPARE(diagnostics.size(), 1);
            QCOMPARE(diagnostics.first().code, code);
            QCOMPARE(diagnostics.first().where.field, u"project.key"_s);
        }
        QCOMPARE(bool(key->requireRs256()), canSign);
        if (!canSign) {
            QCOMPARE(key->requireRs256().error().code, u"KEY006"_s);
            QVERIFY(key->requireRs256().error().message.contains(u"RSA"_s));
        }
    }

    void pemRoundTripPlainAndEncrypted() {
        const auto key = PrivateKey::load(dataPath(u"rsa2048-pkcs1-test-only.pem"_s));
        QVERIFY(key);
        const auto plain = key->toPem();
        QVERIFY(plain);
        QVERIFY(plain->view().startsWith(QByteArrayView("-----BEGIN PRIVATE KEY-----")));
        const auto encrypted = key->toPem(SecureBytes(QByteArrayView("new passphrase")));
        QVERIFY(encrypted);
        QVERIFY(encrypted->view().startsWith(QByteArrayView("-----BEGIN ENCRYPTED PRIVATE KEY-----")));
        QVERIFY(!PrivateKey::fromPem(encrypted->view(), testPassphrase()));
        const auto reread = PrivateKey::fromPem(encrypted->view(), SecureBytes(QByteArrayView("new passphrase")));
        QVERIFY(reread);
        QCOMPARE(reread->encoding(), KeyEncoding::EncryptedPkcs8);
        QVERIFY(keysMatch(*reread, key->publicKey()));
    }

    void copiesShareTheKey() {
        const auto key = PrivateKey::load(dataPath(u"rsa2048-pkcs8-test-only.pem"_s));
        QVERIFY(key);
        const PrivateKey copy = *key;
        QCOMPARE(copy.get(), key->get());
        PrivateKey assigned;
        assigned = copy;
        QCOMPARE(assigned.get(), key->get());
    }

    void publicKeyFingerprintMatchesOpenSsl() {
        // openssl pkey -in rfc7515-a2-rsa-test-only.pem -pubout -outform DER | sha256sum
        const auto key = PrivateKey::load(dataPath(u"rfc7515-a2-rsa-test-only.pem"_s));
        QVERIFY(key);
        const auto publicKey = PublicKey::fromPem(readData(u"rfc7515-a2-rsa-test-only.pub.pem"_s));
        QVERIFY(publicKey);
        QCOMPARE(key->publicKey().spkiDer(), publicKey->spkiDer());
        QCOMPARE(publicKey->spkiSha256().size(), 32);
        QCOMPARE(fingerprintHex(publicKey->spkiSha256()),
                 u"6f:d1:3c:24:35:a3:61:e7:c5:88:cd:17:f5:5f:5a:d3:df:01:77:a6:6c:17:27:a6:a2:00:84:5f:4d:7a:b8:8c"_s);
        QVERIFY(publicKey->toPem().startsWith("-----BEGIN PUBLIC KEY-----"));
        QVERIFY(!keysMatch(*key, PrivateKey::load(dataPath(u"rsa2048-pkcs8-test-only.pem"_s))->publicKey()));
    }

    void permissionsAreChecked() {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"key.pem"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("x");
        file.close();
        QVERIFY(QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner));
        QVERIFY(checkKeyFilePermissions(path).isEmpty());
        QVERIFY(QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup |
                                                QFileDevice::ReadOther));
        const auto list = checkKeyFilePermissions(path);
        QCOMPARE(list.size(), 1);
        QCOMPARE(list.first().code, u"KEY017"_s);
    }
};

QTEST_GUILESS_MAIN(TestPrivateKey)
#include "TestPrivateKey.moc"
