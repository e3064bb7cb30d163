#include "../CliRunner.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace {
// The test certificates are valid from 2026-11-28; sign and check inside that window.
constexpr qint64 kIat = 1800000000;
const QString kOrg = u"00D50000000IZ3Z"_s;

QString dataPath(const QString& name) {
    return QStringLiteral(HANDOFF_TEST_DATA) + u'/' + name;
}
QString n(qint64 value) {
    return QString::number(value);
}
QProcessEnvironment envWithoutPassphrase() {
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(u"HANDOFF_KEY_PASSPHRASE"_s);
    return env;
}
QByteArray signToken(const QStringList& extra) {
    const CliRun run =
        runHandoff(QStringList{u"jwt"_s, u"sign"_s, u"--key"_s, dataPath(u"rsa2048-pkcs8-test-only.pem"_s), u"--iss"_s,
                               kOrg, u"--at"_s, n(kIat)} +
                   extra);
    return run.exitCode == 0 ? run.out.trimmed() : QByteArray();
}
QJsonObject payloadOf(const QByteArray& token) {
    return QJsonDocument::fromJson(QByteArray::fromBase64(token.split('.').value(1), QByteArray::Base64UrlEncoding))
        .object();
}
} // namespace

class TestCliJwt final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void signPrintsTheTokenAlone() {
        const CliRun run = runHandoff({u"jwt"_s, u"sign"_s, u"--key"_s, dataPath(u"rsa2048-pkcs1-test-only.pem"_s),
                                       u"--iss"_s, kOrg, u"--sub"_s, u"scv4cc1"_s, u"--at"_s, n(kIat)});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY(run.out.endsWith('\n'));
        const QByteArray token = run.out.trimmed();
        QCOMPARE(token.count('.'), 2);
        QVERIFY(!token.contains('\n'));
        QVERIFY(token.startsWith("eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9."));
        const QJsonObject claims = payloadOf(token);
        QCOMPARE(claims.value(u"iat"_s).toInteger(), kIat);
        QCOMPARE(claims.value(u"exp"_s).toInteger(), kIat + 300); // the API preset by default
        QCOMPARE(claims.value(u"iss"_s).toString(), kOrg);
        QCOMPARE(claims.value(u"sub"_s).toString(), u"scv4cc1"_s);
        QCOMPARE(claims.value(u"jti"_s).toString().size(), 36);
    }

    void presetsTtlJtiAndClaims() {
        const QByteArray uui = signToken({u"--preset"_s, u"uui"_s});
        QVERIFY(!uui.isEmpty());
        QCOMPARE(payloadOf(uui).value(u"exp"_s).toInteger(), kIat + 86400);
        QVERIFY(!payloadOf(uui).contains(u"jti"_s));

        const QByteArray custom =
            signToken({u"--ttl"_s, u"2h"_s, u"--jti"_s, u"none"_s, u"--claim"_s, u"dept=Support"_s, u"--claim"_s,
                       u"priority=3"_s, u"--claim"_s, u"vip=true"_s});
        QVERIFY(!custom.isEmpty());
        const QJsonObject claims = payloadOf(custom);
        QCOMPARE(claims.value(u"exp"_s).toInteger(), kIat + 7200);
        QVERIFY(!claims.contains(u"jti"_s));
        QCOMPARE(claims.value(u"dept"_s).toString(), u"Support"_s);
        QCOMPARE(claims.value(u"priority"_s).toInt(), 3);
        QCOMPARE(claims.value(u"vip"_s).toBool(), true);
        // Keys keep the order they were given in.
        const QByteArray json = QByteArray::fromBase64(custom.split('.').value(1), QByteArray::Base64UrlEncoding);
        QVERIFY(json.startsWith(R"({"iat":1800000000,"exp":1800007200,"iss":"00D50000000IZ3Z","dept":)"));
    }

    void signRefusesBrokenRules_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QByteArray>("code");
        QTest::newRow("48 h") << QStringList{u"--ttl"_s, u"48h"_s} << 1 << QByteArray("JWT009");
        QTest::newRow("jti on the UUI preset")
            << QStringList{u"--preset"_s, u"uui"_s, u"--jti"_s, u"auto"_s} << 1 << QByteArray("JWT019");
        QTest::newRow("bad ttl") << QStringList{u"--ttl"_s, u"soon"_s} << 2 << QByteArray("duration");
        QTest::newRow("bad preset") << QStringList{u"--preset"_s, u"x"_s} << 2 << QByteArray("--preset");
        QTest::newRow("bad claim") << QStringList{u"--claim"_s, u"novalue"_s} << 2 << QByteArray("--claim");
    }
    void signRefusesBrokenRules() {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QByteArray, code);
        const CliRun run = runHandoff(
            QStringList{u"jwt"_s, u"sign"_s, u"--key"_s, dataPath(u"rsa2048-pkcs8-test-only.pem"_s), u"--iss"_s, kOrg} +
            args);
        QCOMPARE(run.exitCode, exitCode);
        QVERIFY(run.out.isEmpty());
        QVERIFY2(run.err.contains(code), run.err.constData());
    }

    void signRefusesBadIssuerAndKeys_data() {
        QTest::addColumn<QString>("keyFile");
        QTest::addColumn<QString>("iss");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QByteArray>("code");
        QTest::newRow("iss a VoiceCall id")
            << u"rsa2048-pkcs8-test-only.pem"_s << u"0LQRM0000006CSz"_s << 1 << QByteArray("JWT014");
        QTest::newRow("EC key") << u"ec-p256-test-only.pem"_s << kOrg << 1 << QByteArray("KEY006");
        QTest::newRow("garbage key") << u"garbage-test-only.pem"_s << kOrg << 3 << QByteArray("KEY002");
        QTest::newRow("no passphrase") << u"rsa2048-pkcs8-encrypted-test-only.pem"_s << kOrg << 3
                                       << QByteArray("KEY004");
    }
    void signRefusesBadIssuerAndKeys() {
        QFETCH(QString, keyFile);
        QFETCH(QString, iss);
        QFETCH(int, exitCode);
        QFETCH(QByteArray, code);
        const CliRun run = runHandoff({u"jwt"_s, u"sign"_s, u"--key"_s, dataPath(keyFile), u"--iss"_s, iss}, {},
                                      envWithoutPassphrase());
        QCOMPARE(run.exitCode, exitCode);
        QVERIFY(run.out.isEmpty());
        QVERIFY2(run.err.contains(code), run.err.constData());
    }

    void signWithEncryptedKeyFromStdin() {
        const CliRun run = runHandoff(
            {u"jwt"_s, u"sign"_s, u"--key"_s, dataPath(u"rsa2048-pkcs8-encrypted-test-only.pem"_s), u"--iss"_s, kOrg},
            "handoff-test-only\n", envWithoutPassphrase());
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QCOMPARE(run.out.trimmed().count('.'), 2);
        QVERIFY(!run.out.contains("handoff-test-only"));
    }

    void decodeShowsClaimsInOrder() {
        const QByteArray token = signToken({u"--sub"_s, u"scv4cc1"_s, u"--jti"_s, u"none"_s});
        QVERIFY(!token.isEmpty());
        const CliRun run = runHandoff({u"jwt"_s, u"decode"_s, QString::fromLatin1(token)});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.startsWith("header: {\"alg\":\"RS256\",\"typ\":\"JWT\"}\nclaims:\n  iat: 1800000000"));
        QVERIFY(run.out.contains("  iss: \"00D50000000IZ3Z\"\n  sub: \"scv4cc1\"\n"));

        const CliRun json = runHandoff({u"jwt"_s, u"decode"_s, u"-"_s, u"--json"_s}, token + '\n');
        QCOMPARE(json.exitCode, 0);
        const QJsonObject object = QJsonDocument::fromJson(json.out).object();
        QCOMPARE(object.value(u"claimOrder"_s).toArray(), (QJsonArray{u"iat"_s, u"exp"_s, u"iss"_s, u"sub"_s}));
        QCOMPARE(object.value(u"header"_s).toObject().value(u"alg"_s).toString(), u"RS256"_s);
        QCOMPARE(object.value(u"parts"_s).toObject().value(u"signature"_s).toString().toLatin1(),
                 token.split('.').value(2));
    }

    void decodeRefusesNonTokens() {
        const CliRun run = runHandoff({u"jwt"_s, u"decode"_s, u"not a token"_s});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.err.contains("JWT001"));
    }

    void verifyChecksSignatureAndClaims_data() {
        QTest::addColumn<QStringList>("signArgs");
        QTest::addColumn<QString>("cert");
        QTest::addColumn<QStringList>("verifyArgs");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QByteArray>("code"); // expected in stderr; empty for none
        const QString good = u"rsa2048-test-only.crt.pem"_s;
        QTest::newRow("valid") << QStringList{u"--sub"_s, u"scv4cc1"_s} << good << QStringList{u"--at"_s, n(kIat + 60)}
                               << 0 << QByteArray();
        QTest::newRow("valid with profile")
            << QStringList{u"--sub"_s, u"scv4cc1"_s} << good
            << QStringList{u"--at"_s,          n(kIat + 60), u"--org-id"_s, u"00D50000000IZ3ZEAW"_s,
                           u"--call-center"_s, u"scv4cc1"_s}
            << 0 << QByteArray();
        QTest::newRow("DER certificate") << QStringList() << u"rsa2048-test-only.crt.der"_s
                                         << QStringList{u"--at"_s, n(kIat + 60)} << 0 << QByteArray();
        QTest::newRow("public key") << QStringList() << u"rfc7515-a2-rsa-test-only.pub.pem"_s
                                    << QStringList{u"--at"_s, n(kIat + 60)} << 1 << QByteArray("JWT007");
        QTest::newRow("other certificate") << QStringList() << u"other-rsa2048-test-only.crt.pem"_s
                                           << QStringList{u"--at"_s, n(kIat + 60)} << 1 << QByteArray("JWT007");
        QTest::newRow("expired") << QStringList() << good << QStringList{u"--at"_s, n(kIat + 301)} << 1
                                 << QByteArray("JWT010");
        QTest::newRow("another org") << QStringList() << good
                                     << QStringList{u"--at"_s, n(kIat + 60), u"--org-id"_s, u"00D000000000001"_s} << 1
                                     << QByteArray("JWT015");
        QTest::newRow("sub missing") << QStringList() << good
                                     << QStringList{u"--at"_s, n(kIat + 60), u"--call-center"_s, u"scv4cc1"_s} << 1
                                     << QByteArray("JWT016");
        QTest::newRow("sub for Open CTI")
            << QStringList{u"--sub"_s, u"scv4cc1"_s} << good
            << QStringList{u"--at"_s, n(kIat + 60), u"--customer-type"_s, u"other"_s} << 1 << QByteArray("JWT017");
        QTest::newRow("jti on reused token")
            << QStringList() << good << QStringList{u"--at"_s, n(kIat + 60), u"--reusable"_s} << 1
            << QByteArray("JWT019");
        QTest::newRow("iat in the future")
            << QStringList() << good << QStringList{u"--at"_s, n(kIat - 61)} << 1 << QByteArray("JWT011");
        QTest::newRow("iat within a larger skew")
            << QStringList() << good << QStringList{u"--at"_s, n(kIat - 61), u"--skew"_s, u"120"_s} << 0
            << QByteArray();
    }
    void verifyChecksSignatureAndClaims() {
        QFETCH(QStringList, signArgs);
        QFETCH(QString, cert);
        QFETCH(QStringList, verifyArgs);
        QFETCH(int, exitCode);
        QFETCH(QByteArray, code);
        const QByteArray token = signToken(signArgs);
        QVERIFY(!token.isEmpty());
        const CliRun run = runHandoff(
            QStringList{u"jwt"_s, u"verify"_s, QString::fromLatin1(token), u"--cert"_s, dataPath(cert)} + verifyArgs);
        QVERIFY2(run.exitCode == exitCode, run.err.constData());
        if (code.isEmpty()) {
            QVERIFY2(!run.err.contains("error"), run.err.constData());
            QVERIFY(run.out.contains("signature: valid"));
        } else {
            QVERIFY2(run.err.contains(QByteArray("error " + code)), run.err.constData());
        }
        const CliRun json = runHandoff(
            QStringList{u"jwt"_s, u"verify"_s, u"-"_s, u"--cert"_s, dataPath(cert), u"--json"_s} + verifyArgs, token);
        QCOMPARE(json.exitCode, exitCode);
        const QJsonObject object = QJsonDocument::fromJson(json.out).object();
        QCOMPARE(object.value(u"valid"_s).toBool(), exitCode == 0);
    }

    void verifyRefusesTamperedAndUnsignedTokens() {
        const QByteArray token = signToken({});
        QList<QByteArray> parts = token.split('.');
        // alg none, no signature.
        const QByteArray none =
            QByteArray(R"({"alg":"none"})").toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals) +
            '.' + parts[1] + '.';
        const CliRun unsigned_ = runHandoff({u"jwt"_s, u"verify"_s, QString::fromLatin1(none), u"--cert"_s,
                                             dataPath(u"rsa2048-test-only.crt.pem"_s), u"--at"_s, n(kIat + 1)});
        QCOMPARE(unsigned_.exitCode, 1);
        QVERIFY(unsigned_.err.contains("JWT004"));
        // One claim changed, signature kept.
        QByteArray payload = QByteArray::fromBase64(parts[1], QByteArray::Base64UrlEncoding);
        payload.replace("00D50000000IZ3Z", "00D50000000IZ3Y");
        parts[1] = payload.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
        const CliRun tampered = runHandoff({u"jwt"_s, u"verify"_s, QString::fromLatin1(parts.join('.')), u"--cert"_s,
                                            dataPath(u"rsa2048-test-only.crt.pem"_s), u"--at"_s, n(kIat + 1)});
        QCOMPARE(tampered.exitCode, 1);
        QVERIFY(tampered.err.contains("JWT007"));
    }

    void usageErrors() {
        QCOMPARE(runHandoff({u"jwt"_s}).exitCode, 2);
        QCOMPARE(runHandoff({u"jwt"_s, u"sign"_s, u"--iss"_s, kOrg}).exitCode, 2);
        QCOMPARE(runHandoff({u"jwt"_s, u"verify"_s, u"a.b.c"_s}).exitCode, 2);
        QCOMPARE(runHandoff({u"jwt"_s, u"frob"_s}).exitCode, 2);
        const CliRun help = runHandoff({u"jwt"_s, u"--help"_s});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains("sign") && help.out.contains("decode") && help.out.contains("verify"));
    }
};

QTEST_GUILESS_MAIN(TestCliJwt)
#include "TestCliJwt.moc"
