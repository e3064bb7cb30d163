#include "jwt/Jwt.h"

#include <QFile>
#include <QRandomGenerator>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace handoff;

namespace {
QString dataPath(const QString& name) {
    return QStringLiteral(HANDOFF_TEST_DATA) + u'/' + name;
}
QByteArray readData(const QString& name) {
    QFile file(dataPath(name));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// RFC 7515 Appendix A.2: JWS using RSASSA-PKCS1-v1_5 SHA-256. Header {"alg":"RS256"}, payload with CRLFs.
constexpr char kRfcHeader[] = "eyJhbGciOiJSUzI1NiJ9";
constexpr char kRfcPayload[] =
    "eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ";
constexpr char kRfcSignature[] =
    "cC4hiUPoj9Eetdgtv3hF80EGrhuB__dzERat0XF9g2VtQgr9PJbu3XOiZj5RZmh7AAuHIm4Bh-0Qc_lF5YKt_O8W2Fp5jujGbds9uJdbF9CUAr7t"
    "1dnZcAcQjbKBYNX4BAynRFdiuB--f_nZLgrnbyTyWzO75vRK5h6xBArLIARNPvkSjtQBMHlb1L07Qe7K0GarZRmB_eSN9383LcOLn6_dO--xi12j"
    "zDwusC-eOkHWEsqtFZESc6BfI7noOPqvhJ1phCnvWh6IeYI2w9QOYEUipUTI8np6LbgGY9Fs98rqVt5AXLIhWkWywlVmtVrBp0igcN_IoypGlUPQ"
    "Ge77Rw";

QByteArray rfcToken() {
    return QByteArray(kRfcHeader) + '.' + kRfcPayload + '.' + kRfcSignature;
}
} // namespace

class TestJwt final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void rfc7515SignatureMatchesByteForByte() {
        const auto key = crypto::PrivateKey::load(dataPath(u"rfc7515-a2-rsa-test-only.pem"_s));
        QVERIFY(key);
        const QByteArray signingInput = QByteArray(kRfcHeader) + '.' + kRfcPayload;
        const auto signature = jwt::signRs256(signingInput, *key);
        QVERIFY(signature);
        QCOMPARE(signature->size(), 256);
        QCOMPARE(jwt::base64UrlEncode(*signature), QByteArray(kRfcSignature));
    }

    void rfc7515TokenDecodesAndVerifies() {
        const auto decoded = jwt::decode(rfcToken());
        QVERIFY2(decoded, qPrintable(decoded ? QString() : decoded.error().message));
        QCOMPARE(decoded->headerJson, QByteArray(R"({"alg":"RS256"})"));
        QCOMPARE(decoded->payloadJson,
                 QByteArray("{\"iss\":\"joe\",\r\n \"exp\":1300819380,\r\n \"http://example.com/is_root\":true}"));
        QCOMPARE(decoded->algorithm(), u"RS256"_s);
        QCOMPARE(decoded->claims.names(), (QStringList{u"iss"_s, u"exp"_s, u"http://example.com/is_root"_s}));
        QCOMPARE(decoded->claims.intClaim(u"exp"_s), 1300819380);
        QCOMPARE(decoded->rawHeader, QByteArray(kRfcHeader));
        QCOMPARE(decoded->rawPayload, QByteArray(kRfcPayload));
        QCOMPARE(decoded->rawSignature, QByteArray(kRfcSignature));
        QCOMPARE(decoded->signature.size(), 256);

        const auto publicKey = crypto::PublicKey::fromPem(readData(u"rfc7515-a2-rsa-test-only.pub.pem"_s));
        QVERIFY(publicKey);
        const auto verified = jwt::verify(*decoded, *publicKey);
        QVERIFY2(verified, qPrintable(verified ? QString() : verified.error().message));
    }

    void tamperedTokenFailsVerification_data() {
        QTest::addColumn<QByteArray>("token");
        const QByteArray token = rfcToken();
        // Payload {"iss":"joe",...} with one claim changed ("joe" -> "jim"), original signature kept.
        QByteArray payload = *jwt::base64UrlDecode(kRfcPayload);
        payload.replace("joe", "jim");
        QTest::newRow("payload changed") << QByteArray(kRfcHeader) + '.' + jwt::base64UrlEncode(payload) + '.' +
                                                kRfcSignature;
        QByteArray signature = *jwt::base64UrlDecode(kRfcSignature);
        signature[10] = char(signature[10] ^ 0x01);
        QTest::newRow("signature bit flipped")
            << QByteArray(kRfcHeader) + '.' + kRfcPayload + '.' + jwt::base64UrlEncode(signature);
        QTest::newRow("signature truncated") << token.left(token.size() - 4);
    }
    void tamperedTokenFailsVerification() {
        QFETCH(QByteArray, token);
        const auto decoded = jwt::decode(token);
        QVERIFY(decoded);
        const auto publicKey = crypto::PublicKey::fromPem(readData(u"rfc7515-a2-rsa-test-only.pub.pem"_s));
        QVERIFY(publicKey);
        const auto verified = jwt::verify(*decoded, *publicKey);
        QVERIFY(!verified);
        QCOMPARE(verified.error().code, u"JWT007"_s);
    }

    void signsWithTheFixedHeader() {
        const auto key = crypto::PrivateKey::load(dataPath(u"rsa2048-pkcs8-test-only.pem"_s));
        QVERIFY(key);
        QCOMPARE(jwt::base64UrlEncode(jwt::rs256HeaderJson()), QByteArray("eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9"));
        jwt::Claims claims;
        claims.set(u"iat"_s, 1756767613);
        claims.set(u"exp"_s, 1756854013);
        claims.set(u"iss"_s, u"00D50000000IZ3Z"_s);
        claims.set(u"sub"_s, u"scv4cc1"_s);
        const auto token = jwt::sign(claims, *key);
        QVERIFY(token);
        const auto decoded = jwt::decode(*token);
        QVERIFY(decoded);
        QCOMPARE(decoded->headerJson, QByteArray(R"({"alg":"RS256","typ":"JWT"})"));
        QCOMPARE(decoded->payloadJson,
                 QByteArray(R"({"iat":1756767613,"exp":1756854013,"iss":"00D50000000IZ3Z","sub":"scv4cc1"})"));
        // PKCS#1 v1.5 is deterministic: the same input signs to the same token.
        QCOMPARE(*jwt::sign(claims, *key), *token);
        const auto cert = crypto::Certificate::load(dataPath(u"rsa2048-test-only.crt.pem"_s));
        QVERIFY(cert);
        QVERIFY(jwt::verify(*decoded, *cert));
        const auto otherCert = crypto::Certificate::load(dataPath(u"other-rsa2048-test-only.crt.pem"_s));
        QVERIFY(otherCert);
        QCOMPARE(jwt::verify(*decoded, *otherCert).error().code, u"JWT007"_s);
    }

    void refusesToSignWithAnEcKey() {
        const auto key = crypto::PrivateKey::load(dataPath(u"ec-p256-test-only.pem"_s));
        QVERIFY(key);
        const auto token = jwt::sign(jwt::Claims(), *key);
        QVERIFY(!token);
        QCOMPARE(token.error().code, u"KEY006"_s);
        QVERIFY(token.error().message.contains(u"RSA"_s));
    }

    void refusesOtherAlgorithms_data() {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<QString>("code");
        QTest::newRow("none") << QByteArray(R"({"alg":"none"})") << u"JWT004"_s;
        QTest::newRow("None") << QByteArray(R"({"alg":"None","typ":"JWT"})") << u"JWT004"_s;
        QTest::newRow("HS256") << QByteArray(R"({"alg":"HS256","typ":"JWT"})") << u"JWT005"_s;
        QTest::newRow("missing alg") << QByteArray(R"({"typ":"JWT"})") << u"JWT005"_s;
    }
    void refusesOtherAlgorithms() {
        QFETCH(QByteArray, header);
        QFETCH(QString, code);
        const QByteArray token = jwt::base64UrlEncode(header) + '.' + kRfcPayload + '.';
        const auto decoded = jwt::decode(token);
        QVERIFY(decoded);
        const auto publicKey = crypto::PublicKey::fromPem(readData(u"rfc7515-a2-rsa-test-only.pub.pem"_s));
        QVERIFY(publicKey);
        const auto verified = jwt::verify(*decoded, *publicKey);
        QVERIFY(!verified);
        QCOMPARE(verified.error().code, code);
    }

    void decodeRefusesMalformedTokens_data() {
        QTest::addColumn<QByteArray>("token");
        QTest::addColumn<QString>("code");
        QTest::newRow("empty") << QByteArray("  ") << u"JWT001"_s;
        QTest::newRow("two parts") << QByteArray("eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJqb2UifQ") << u"JWT001"_s;
        QTest::newRow("five parts (JWE)") << QByteArray("a.b.c.d.e") << u"JWT001"_s;
        QTest::newRow("bearer prefix") << (QByteArray("Bearer ") + rfcToken()) << u"JWT001"_s;
        // The help article's sample token: spaces and [THIS IS A SAMPLE TOKEN] placeholders.
        QTest::newRow("help article sample")
            << QByteArray("adbcdefgsdfsdJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiIwMERTQjAw"
                          "MD[THIS IS A SAMPLE TOKEN]5h AwZFBWR2ciLCJzdWIiOiJhc2FzaXBv")
            << u"JWT001"_s;
        QTest::newRow("standard base64") << QByteArray("eyJhbGciOiJSUzI1NiJ9.eyJpc3Mi+/.abc") << u"JWT002"_s;
        QTest::newRow("empty payload") << QByteArray("eyJhbGciOiJSUzI1NiJ9..abc") << u"JWT002"_s;
        QTest::newRow("header not JSON") << (jwt::base64UrlEncode("alg=RS256") + '.' + kRfcPayload + ".abc")
                                         << u"JWT003"_s;
        QTest::newRow("payload an array")
            << (QByteArray(kRfcHeader) + '.' + jwt::base64UrlEncode("[1,2]") + ".abc") << u"JWT003"_s;
    }
    void decodeRefusesMalformedTokens() {
        QFETCH(QByteArray, token);
        QFETCH(QString, code);
        const auto decoded = jwt::decode(token);
        QVERIFY(!decoded);
        QCOMPARE(decoded.error().code, code);
    }

    void decodeIgnoresSurroundingWhitespace() {
        const QByteArray padded = QByteArray("\n  ") + rfcToken() + "\r\n";
        QVERIFY(jwt::decode(padded));
    }

    void redactsTheSignature() {
        QCOMPARE(jwt::redactSignature(rfcToken()),
                 QByteArray(kRfcHeader) + '.' + kRfcPayload + ".<signature redacted>");
    }

    void base64UrlRoundTrip() {
        const QByteArray bytes("\xfb\xff\xfe subjects?_", 14);
        const QByteArray encoded = jwt::base64UrlEncode(bytes);
        QVERIFY(!encoded.contains('+') && !encoded.contains('/') && !encoded.contains('='));
        QCOMPARE(jwt::base64UrlDecode(encoded), bytes);
        QVERIFY(!jwt::base64UrlDecode("ab*c"));
    }

    // decode keeps the last header and payload it read: a token with the same ones and another signature gets its
    // own signature, and a token with another payload its own claims.
    void decodeKeepsNothingOfTheLastTokenButWhatIsTheSame() {
        const QByteArray header = jwt::base64UrlEncode(R"({"alg":"RS256","typ":"JWT"})");
        const QByteArray payload = jwt::base64UrlEncode(R"({"iss":"00D000000000001","exp":100})");
        const auto first = jwt::decode(QByteArray(header + '.' + payload + '.' + jwt::base64UrlEncode("first")));
        const auto second = jwt::decode(QByteArray(header + '.' + payload + '.' + jwt::base64UrlEncode("second")));
        QVERIFY(first && second);
        QCOMPARE(first->signature, QByteArray("first"));
        QCOMPARE(second->signature, QByteArray("second"));
        QCOMPARE(second->rawSignature, jwt::base64UrlEncode("second"));
        QCOMPARE(second->claims.stringClaim(u"iss"_s), u"00D000000000001"_s);
        const auto other =
            jwt::decode(QByteArray(header + '.' + jwt::base64UrlEncode(R"({"iss":"00D000000000002"})") + ".c2ln"));
        QVERIFY(other);
        QCOMPARE(other->claims.stringClaim(u"iss"_s), u"00D000000000002"_s);
        QVERIFY(!other->claims.contains(u"exp"_s));
        // A bad signature is refused even when the header and payload are the ones kept.
        const auto bad = jwt::decode(QByteArray(header + '.' + payload + ".a*b"));
        QVERIFY(!bad);
        QCOMPARE(bad.error().code, u"JWT002"_s);
    }

    // base64UrlDecode takes a faster path for plain base64url text; Qt's decoder is the reference for every input:
    // both alphabets, padding, stray characters, every length (including the 4n+1 no encoder writes).
    void base64UrlDecodeAgreesWithQt() {
        const QByteArray alphabet("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");
        const QByteArray odd("+/=*. ");
        QRandomGenerator random(515);
        for (int round = 0; round < 4000; ++round) {
            const int length = int(random.bounded(0, 42));
            QByteArray text;
            for (int i = 0; i < length; ++i) {
                text += round % 4 == 0 && random.bounded(8) == 0 ? odd.at(random.bounded(int(odd.size())))
                                                                 : alphabet.at(random.bounded(int(alphabet.size())));
            }
            const auto reference = QByteArray::fromBase64Encoding(text, QByteArray::Base64UrlEncoding |
                                                                            QByteArray::AbortOnBase64DecodingErrors);
            const auto ours = jwt::base64UrlDecode(text);
            QVERIFY2(ours.has_value() == (reference.decodingStatus == QByteArray::Base64DecodingStatus::Ok),
                     text.constData());
            if (ours) {
                QCOMPARE(*ours, reference.decoded);
            }
        }
        // Every byte value, through the encoder and back.
        QByteArray bytes;
        for (int b = 0; b < 256; ++b) {
            bytes += char(b);
            QCOMPARE(jwt::base64UrlDecode(jwt::base64UrlEncode(bytes)), bytes);
        }
    }
};

QTEST_GUILESS_MAIN(TestJwt)
#include "TestJwt.moc"
