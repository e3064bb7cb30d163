#include "jwt/Jwt.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace handoff;

namespace {

// Independent implementations: PyJWT from Debian's python3-jwt (Debian's own python, not a pyenv one on PATH) and
// Node's built-in crypto. Each script reads one JSON object on standard input.
const QString kPython = u"/usr/bin/python3"_s;

constexpr char kPyVerify[] = R"(
import sys, json, jwt
data = json.load(sys.stdin)
claims = jwt.decode(data["token"], data["publicKey"], algorithms=["RS256"],
                    options={"verify_exp": False, "verify_iat": False, "verify_nbf": False})
print(json.dumps({"header": jwt.get_unverified_header(data["token"]), "claims": claims}))
)";

constexpr char kPySign[] = R"(
import sys, json, jwt
data = json.load(sys.stdin)
with open(data["keyPath"]) as f:
    key = f.read()
print(jwt.encode(data["claims"], key, algorithm="RS256"))
)";

constexpr char kNodeVerify[] = R"(
const crypto = require('crypto');
let input = '';
process.stdin.on('data', (d) => { input += d; });
process.stdin.on('end', () => {
  const { token, publicKey } = JSON.parse(input);
  const [h, p, s] = token.split('.');
  const ok = crypto.verify('sha256', Buffer.from(h + '.' + p), publicKey, Buffer.from(s, 'base64url'));
  if (!ok) { console.error('signature does not verify'); process.exit(1); }
  console.log(JSON.stringify({ header: JSON.parse(Buffer.from(h, 'base64url')),
                               claims: JSON.parse(Buffer.from(p, 'base64url')) }));
});
)";

constexpr char kNodeSign[] = R"(
const crypto = require('crypto');
const fs = require('fs');
let input = '';
process.stdin.on('data', (d) => { input += d; });
process.stdin.on('end', () => {
  const { keyPath, claims, passphrase } = JSON.parse(input);
  const key = passphrase ? { key: fs.readFileSync(keyPath), passphrase } : fs.readFileSync(keyPath);
  const h = Buffer.from(JSON.stringify({ alg: 'RS256', typ: 'JWT' })).toString('base64url');
  const p = Buffer.from(JSON.stringify(claims)).toString('base64url');
  const s = crypto.sign('sha256', Buffer.from(h + '.' + p), key).toString('base64url');
  console.log(h + '.' + p + '.' + s);
});
)";

QString dataPath(const QString& name) {
    return QStringLiteral(HANDOFF_TEST_DATA) + u'/' + name;
}

struct Run {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run run(const QString& program, const QStringList& args, const QJsonObject& input) {
    QProcess process;
    process.start(program, args);
    Run result;
    if (!process.waitForStarted()) {
        result.err = "could not start " + program.toUtf8();
        return result;
    }
    process.write(QJsonDocument(input).toJson(QJsonDocument::Compact));
    process.closeWriteChannel();
    process.waitForFinished(60000);
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput().trimmed();
    result.err = process.readAllStandardError();
    return result;
}

QString nodePath() {
    return QStandardPaths::findExecutable(u"node"_s);
}

jwt::Claims sampleClaims() {
    jwt::Claims claims;
    claims.set(u"iat"_s, 1756767613);
    claims.set(u"exp"_s, 1756767913);
    claims.set(u"iss"_s, u"00D50000000IZ3Z"_s);
    claims.set(u"sub"_s, u"scv4cc1"_s);
    claims.set(u"jti"_s, u"0f8fad5b-d9cb-469f-a165-70867728950e"_s);
    claims.set(u"note"_s, u"caf\u00e9 \"quoted\""_s);
    return claims;
}

} // namespace

class TestJwtInterop final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void signedHereVerifiesThere_data() {
        QTest::addColumn<QString>("verifier");
        QTest::addColumn<QString>("keyFile");
        QTest::newRow("PyJWT, 2048") << u"python"_s << u"rsa2048-pkcs1-test-only.pem"_s;
        QTest::newRow("PyJWT, 4096") << u"python"_s << u"rsa4096-test-only.pem"_s;
        QTest::newRow("Node, 2048") << u"node"_s << u"rsa2048-pkcs1-test-only.pem"_s;
        QTest::newRow("Node, 4096") << u"node"_s << u"rsa4096-test-only.pem"_s;
    }
    void signedHereVerifiesThere() {
        QFETCH(QString, verifier);
        QFETCH(QString, keyFile);
        const bool python = verifier == u"python"_s;
        if (python && !QFile::exists(kPython)) {
            QSKIP("/usr/bin/python3 is not installed");
        }
        if (!python && nodePath().isEmpty()) {
            QSKIP("node is not installed");
        }
        const auto key = crypto::PrivateKey::load(dataPath(keyFile));
        QVERIFY(key);
        const jwt::Claims claims = sampleClaims();
        const auto token = jwt::sign(claims, *key);
        QVERIFY(token);
        const QJsonObject input{{u"token"_s, QString::fromLatin1(*token)},
                                {u"publicKey"_s, QString::fromLatin1(key->publicKey().toPem())}};
        const Run result = python ? run(kPython, {u"-c"_s, QString::fromUtf8(kPyVerify)}, input)
                                  : run(nodePath(), {u"-e"_s, QString::fromUtf8(kNodeVerify)}, input);
        QVERIFY2(result.exitCode == 0, result.err.constData());
        const QJsonObject output = QJsonDocument::fromJson(result.out).object();
        QCOMPARE(output.value(u"header"_s).toObject(), (QJsonObject{{u"alg"_s, u"RS256"_s}, {u"typ"_s, u"JWT"_s}}));
        QCOMPARE(output.value(u"claims"_s).toObject(), claims.toObject());

        // The same verifier refuses the token once it is tampered with.
        QByteArray tampered = *token;
        const qsizetype dot = tampered.indexOf('.');
        tampered[dot + 5] = tampered[dot + 5] == 'A' ? 'B' : 'A';
        const QJsonObject badInput{{u"token"_s, QString::fromLatin1(tampered)},
                                   {u"publicKey"_s, QString::fromLatin1(key->publicKey().toPem())}};
        const Run bad = python ? run(kPython, {u"-c"_s, QString::fromUtf8(kPyVerify)}, badInput)
                               : run(nodePath(), {u"-e"_s, QString::fromUtf8(kNodeVerify)}, badInput);
        QVERIFY(bad.exitCode != 0);
    }

    void signedThereVerifiesHere_data() {
        QTest::addColumn<QString>("signer");
        QTest::addColumn<QString>("keyFile");
        QTest::addColumn<QString>("passphrase");
        QTest::newRow("PyJWT, PKCS#8") << u"python"_s << u"rsa2048-pkcs8-test-only.pem"_s << QString();
        QTest::newRow("Node, PKCS#1") << u"node"_s << u"rsa2048-pkcs1-test-only.pem"_s << QString();
        QTest::newRow("Node, encrypted PKCS#8")
            << u"node"_s << u"rsa2048-pkcs8-encrypted-test-only.pem"_s << u"handoff-test-only"_s;
    }
    void signedThereVerifiesHere() {
        QFETCH(QString, signer);
        QFETCH(QString, keyFile);
        QFETCH(QString, passphrase);
        const bool python = signer == u"python"_s;
        if (python && !QFile::exists(kPython)) {
            QSKIP("/usr/bin/python3 is not installed");
        }
        if (!python && nodePath().isEmpty()) {
            QSKIP("node is not installed");
        }
        const jwt::Claims claims = sampleClaims();
        QJsonObject input{{u"keyPath"_s, dataPath(keyFile)}, {u"claims"_s, claims.toObject()}};
        if (!passphrase.isEmpty()) {
            input.insert(u"passphrase"_s, passphrase);
        }
        const Run result = python ? run(kPython, {u"-c"_s, QString::fromUtf8(kPySign)}, input)
                                  : run(nodePath(), {u"-e"_s, QString::fromUtf8(kNodeSign)}, input);
        QVERIFY2(result.exitCode == 0, result.err.constData());
        const auto decoded = jwt::decode(result.out);
        QVERIFY2(decoded, qPrintable(decoded ? QString() : decoded.error().message));
        QCOMPARE(decoded->algorithm(), u"RS256"_s);
        QCOMPARE(decoded->claims.toObject(), claims.toObject());
        const auto cert = crypto::Certificate::load(dataPath(u"rsa2048-test-only.crt.pem"_s));
        QVERIFY(cert);
        const auto verified = jwt::verify(*decoded, *cert);
        QVERIFY2(verified, qPrintable(verified ? QString() : verified.error().message));
        const auto otherCert = crypto::Certificate::load(dataPath(u"other-rsa2048-test-only.crt.pem"_s));
        QVERIFY(otherCert);
        QVERIFY(!jwt::verify(*decoded, *otherCert));
    }
};

QTEST_GUILESS_MAIN(TestJwtInterop)
#include "TestJwtInterop.moc"
