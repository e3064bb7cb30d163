// The work factor of an encrypted key is read before decrypting, and too many PBKDF2 iterations are refused (KEY020)
// instead of keeping the app busy (docs/hardening.md).
#include "crypto/PrivateKey.h"
#include "crypto/SecureBytes.h"

#include <QFile>
#include <QTest>

#include <openssl/evp.h>
#include <openssl/x509.h>

using namespace Qt::StringLiterals;
using namespace handoff;

namespace {

// An EncryptedPrivateKeyInfo (PKCS#8) with PBES2/PBKDF2 at `iterations` and an encrypted part that is not a key:
// enough to be read, never decrypted.
QByteArray encryptedKeyInfo(int iterations, bool pem) {
    unsigned char salt[16] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};
    X509_ALGOR* algorithm = PKCS5_pbe2_set_iv(EVP_aes_256_cbc(), iterations, salt, sizeof salt, nullptr, NID_undef);
    if (!algorithm) {
        return {};
    }
    unsigned char* algorithmDer = nullptr;
    const int algorithmLength = i2d_X509_ALGOR(algorithm, &algorithmDer);
    X509_ALGOR_free(algorithm);
    if (algorithmLength <= 0) {
        return {};
    }
    // SEQUENCE { algorithm, OCTET STRING (32 bytes that decrypt to nothing) }
    QByteArray body(reinterpret_cast<const char*>(algorithmDer), algorithmLength);
    OPENSSL_free(algorithmDer);
    body += QByteArray("\x04\x20", 2) + QByteArray(32, '\x5a');
    const QByteArray length =
        body.size() < 128 ? QByteArray(1, char(body.size())) : QByteArray("\x81", 1) + char(body.size());
    const QByteArray der = QByteArray("\x30", 1) + length + body;
    if (!pem) {
        return der;
    }
    return "-----BEGIN ENCRYPTED PRIVATE KEY-----\n" + der.toBase64() + "\n-----END ENCRYPTED PRIVATE KEY-----\n";
}

} // namespace

class TestPassphraseWorkFactor final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void iterationsAreRead_data() {
        QTest::addColumn<int>("iterations");
        QTest::addColumn<bool>("pem");
        QTest::newRow("2048 PEM") << 2048 << true;
        QTest::newRow("600000 DER") << 600000 << false;
        QTest::newRow("2^31-1 PEM") << 2147483647 << true;
    }
    void iterationsAreRead() {
        QFETCH(int, iterations);
        QFETCH(bool, pem);
        const QByteArray key = encryptedKeyInfo(iterations, pem);
        QVERIFY(!key.isEmpty());
        QCOMPARE(crypto::passphraseIterations(key), qint64(iterations));
    }

    void tooManyIterationsAreRefusedBeforeDecrypting() {
        for (const bool pem : {true, false}) {
            const QByteArray key = encryptedKeyInfo(2147483647, pem);
            const auto loaded = crypto::PrivateKey::fromPem(key, crypto::SecureBytes(QByteArrayLiteral("x")));
            QVERIFY(!loaded);
            QCOMPARE(loaded.error().code, u"KEY020"_s);
            QVERIFY(loaded.error().message.contains(u"2147483647"_s));
        }
    }

    void theLimitItselfIsAccepted() {
        const QByteArray key = encryptedKeyInfo(int(crypto::kMaxPassphraseIterations), true);
        QVERIFY(crypto::checkPassphraseWorkFactor(key));
        QVERIFY(!crypto::checkPassphraseWorkFactor(encryptedKeyInfo(int(crypto::kMaxPassphraseIterations) + 1, true)));
    }

    void keysInUseAreNotAffected() {
        QFile file(QStringLiteral(HANDOFF_TEST_DATA "/rsa2048-pkcs8-encrypted-test-only.pem"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray pem = file.readAll();
        QVERIFY(crypto::passphraseIterations(pem) > 0);
        QVERIFY(crypto::passphraseIterations(pem) <= crypto::kMaxPassphraseIterations);
        QVERIFY(crypto::PrivateKey::fromPem(pem, crypto::SecureBytes(QByteArrayLiteral("handoff-test-only"))));
        QFile plain(QStringLiteral(HANDOFF_TEST_DATA "/rsa2048-pkcs8-test-only.pem"));
        QVERIFY(plain.open(QIODevice::ReadOnly));
        QCOMPARE(crypto::passphraseIterations(plain.readAll()), 0);
    }
};

QTEST_GUILESS_MAIN(TestPassphraseWorkFactor)
#include "TestPassphraseWorkFactor.moc"
