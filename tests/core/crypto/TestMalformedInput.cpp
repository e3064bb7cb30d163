#include "crypto/Certificate.h"
#include "crypto/PrivateKey.h"
#include "jwt/Jwt.h"
#include "salesforce/SalesforceId.h"

#include <QFile>
#include <QRandomGenerator>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace handoff;

namespace {
QByteArray readData(const QString& name) {
    QFile file(QStringLiteral(HANDOFF_TEST_DATA) + u'/' + name);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Deterministic damage: flipped bits, dropped and duplicated ranges, cut ends.
QByteArray damaged(const QByteArray& original, QRandomGenerator& random) {
    QByteArray bytes = original;
    const int edits = 1 + int(random.bounded(4));
    for (int i = 0; i < edits && !bytes.isEmpty(); ++i) {
        const qsizetype at = qsizetype(random.bounded(quint32(bytes.size())));
        switch (random.bounded(4)) {
        case 0:
            bytes[at] = char(bytes[at] ^ char(1 << random.bounded(8)));
            break;
        case 1:
            bytes.remove(at, qsizetype(random.bounded(40)));
            break;
        case 2:
            bytes.insert(at, bytes.mid(qsizetype(random.bounded(quint32(bytes.size()))), 16));
            break;
        default:
            bytes.truncate(at);
            break;
        }
    }
    return bytes;
}
} // namespace

// Damaged keys, certificates, tokens and ids never crash and never pass as valid when they are not: each is refused
// with a code, or (when the damage happened to miss the content) still reads as what it was.
class TestMalformedInput final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void damagedPrivateKeys() {
        QRandomGenerator random(20261128);
        const QByteArray pem = readData(u"rsa2048-pkcs8-test-only.pem"_s);
        const auto original = crypto::PrivateKey::fromPem(pem);
        QVERIFY(original);
        int refused = 0;
        for (int i = 0; i < 300; ++i) {
            const auto key = crypto::PrivateKey::fromPem(damaged(pem, random));
            if (!key) {
                QVERIFY(key.error().code.startsWith(u"KEY"_s));
                QVERIFY(!key.error().message.isEmpty());
                ++refused;
            }
        }
        QVERIFY(refused > 200);
    }

    void damagedEncryptedKeys() {
        QRandomGenerator random(7);
        const QByteArray pem = readData(u"rsa2048-pkcs8-encrypted-test-only.pem"_s);
        const crypto::SecureBytes passphrase(QByteArrayView("handoff-test-only"));
        for (int i = 0; i < 100; ++i) {
            const auto key = crypto::PrivateKey::fromPem(damaged(pem, random), passphrase);
            if (!key) {
                QVERIFY(key.error().code.startsWith(u"KEY"_s));
            }
        }
    }

    void damagedCertificates() {
        QRandomGenerator random(42);
        for (const QString& name : {u"rsa2048-test-only.crt.pem"_s, u"rsa2048-test-only.crt.der"_s}) {
            const QByteArray data = readData(name);
            for (int i = 0; i < 200; ++i) {
                const auto cert = crypto::Certificate::fromData(damaged(data, random));
                if (cert) {
                    // Whatever OpenSSL accepted must still answer every question without crashing.
                    (void)cert->subject();
                    (void)cert->sha256Fingerprint();
                    (void)cert->publicKey().bits();
                    (void)cert->notAfter();
                } else {
                    QVERIFY(cert.error().code.startsWith(u"KEY"_s));
                }
            }
        }
    }

    void damagedTokensNeverVerify() {
        QRandomGenerator random(1515);
        const auto key = crypto::PrivateKey::fromPem(readData(u"rsa2048-pkcs8-test-only.pem"_s));
        QVERIFY(key);
        jwt::Claims claims;
        claims.set(u"iat"_s, 1800000000);
        claims.set(u"exp"_s, 1800000300);
        claims.set(u"iss"_s, u"00D50000000IZ3Z"_s);
        const QByteArray token = *jwt::sign(claims, *key);
        const crypto::PublicKey publicKey = key->publicKey();
        const QByteArray signingInput = token.left(token.lastIndexOf('.'));
        const QByteArray signature = *jwt::base64UrlDecode(token.mid(token.lastIndexOf('.') + 1));
        for (int i = 0; i < 300; ++i) {
            const QByteArray changed = damaged(token, random);
            const auto decoded = jwt::decode(changed);
            if (!decoded) {
                QVERIFY(decoded.error().code.startsWith(u"JWT"_s));
                continue;
            }
            // The signature covers the base64url text of header and payload: only those exact bytes, with the
            // same signature bytes (base64url has spare bits, so a changed last character may decode the same),
            // may verify.
            const bool untouched = decoded->signingInput() == signingInput && decoded->signature == signature;
            QCOMPARE(bool(jwt::verify(*decoded, publicKey)), untouched);
        }
    }

    void randomIds() {
        QRandomGenerator random(99);
        static const char alphabet[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz -_.";
        for (int i = 0; i < 2000; ++i) {
            QString text;
            const int length = int(random.bounded(20));
            for (int j = 0; j < length; ++j) {
                text += QLatin1Char(alphabet[random.bounded(int(sizeof alphabet - 1))]);
            }
            const auto id = salesforce::SalesforceId::parse(text);
            if (id) {
                // Valid ids round-trip through both forms.
                QCOMPARE(salesforce::SalesforceId::parse(id->id18())->id15(), id->id15());
                QCOMPARE(salesforce::SalesforceId::parse(id->id15())->id18(), id->id18());
            } else {
                QVERIFY(id.error().code.startsWith(u"ID"_s));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestMalformedInput)
#include "TestMalformedInput.moc"
