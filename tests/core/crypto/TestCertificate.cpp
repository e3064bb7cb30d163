#include "crypto/Certificate.h"

#include <QFile>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace handoff::crypto;
using handoff::FixedClock;

namespace {
QString dataPath(const QString& name) {
    return QStringLiteral(HANDOFF_TEST_DATA) + u'/' + name;
}
QByteArray readData(const QString& name) {
    QFile file(dataPath(name));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}
QStringList codes(const handoff::diagnostics::Diagnostics& list) {
    QStringList result;
    for (const auto& d : list) {
        result << d.code;
    }
    return result;
}
// Reference values printed by `openssl x509 -noout -fingerprint -sha256 -subject -nameopt RFC2253 -dates -serial`.
const QString kFingerprint =
    u"8f:68:3e:79:45:ce:5f:18:82:0d:31:25:b6:87:21:35:98:b8:aa:af:b6:fe:f4:f2:2a:e3:49:96:0d:7e:a6:01"_s;
const QDateTime kNotBefore(QDate(2026, 11, 28), QTime(12, 19, 3), Qt::UTC);
const QDateTime kNotAfter(QDate(2126, 11, 4), QTime(12, 19, 3), Qt::UTC);
} // namespace

class TestCertificate final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void readsPemAndDer_data() {
        QTest::addColumn<QString>("file");
        QTest::newRow("PEM") << u"rsa2048-test-only.crt.pem"_s;
        QTest::newRow("DER") << u"rsa2048-test-only.crt.der"_s;
    }
    void readsPemAndDer() {
        QFETCH(QString, file);
        const auto cert = Certificate::load(dataPath(file));
        QVERIFY2(cert, qPrintable(cert ? QString() : cert.error().message));
        QCOMPARE(fingerprintHex(cert->sha256Fingerprint()), kFingerprint);
        QCOMPARE(cert->subject(), u"O=Handoff Studio tests,CN=Handoff Studio test-only"_s);
        QCOMPARE(cert->issuer(), cert->subject());
        QCOMPARE(cert->commonName(), u"Handoff Studio test-only"_s);
        QCOMPARE(cert->serialNumberHex(), u"1c249725e3fcd5692a9384fd010f8849bb43179e"_s);
        QCOMPARE(cert->notBefore(), kNotBefore);
        QCOMPARE(cert->notAfter(), kNotAfter);
        QCOMPARE(cert->signatureAlgorithm(), u"sha256WithRSAEncryption"_s);
        QVERIFY(cert->isSelfSigned());
        QCOMPARE(cert->publicKey().bits(), 2048);
        QCOMPARE(cert->der(), readData(u"rsa2048-test-only.crt.der"_s));
    }

    void matchesOnlyItsKey() {
        const auto cert = Certificate::load(dataPath(u"rsa2048-test-only.crt.pem"_s));
        QVERIFY(cert);
        const auto key = PrivateKey::load(dataPath(u"rsa2048-pkcs1-test-only.pem"_s));
        const auto other = PrivateKey::load(dataPath(u"other-rsa2048-test-only.pem"_s));
        QVERIFY(key && other);
        QVERIFY(cert->matches(*key));
        QVERIFY(!cert->matches(*other));
        const auto otherCert = Certificate::load(dataPath(u"other-rsa2048-test-only.crt.pem"_s));
        QVERIFY(otherCert);
        QVERIFY(otherCert->matches(*other));
        QVERIFY(!otherCert->matches(*key));
    }

    void refusesBadInput_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("code");
        QTest::newRow("truncated") << u"truncated-test-only.crt.pem"_s << u"KEY003"_s;
        QTest::newRow("garbage") << u"garbage-test-only.pem"_s << u"KEY013"_s;
        QTest::newRow("a private key") << u"rsa2048-pkcs8-test-only.pem"_s << u"KEY013"_s;
        QTest::newRow("missing") << u"missing-test-only.crt.pem"_s << u"KEY001"_s;
    }
    void refusesBadInput() {
        QFETCH(QString, file);
        QFETCH(QString, code);
        const auto cert = Certificate::load(dataPath(file));
        QVERIFY(!cert);
        QCOMPARE(cert.error().code, code);
    }

    void validityDependsOnTheClock_data() {
        QTest::addColumn<QDateTime>("at");
        QTest::addColumn<QStringList>("codes");
        QTest::newRow("inside") << kNotBefore.addDays(10) << QStringList();
        QTest::newRow("before") << kNotBefore.addSecs(-1) << QStringList{u"KEY011"_s};
        QTest::newRow("expired") << kNotAfter.addSecs(1) << QStringList{u"KEY010"_s};
        QTest::newRow("expires soon") << kNotAfter.addDays(-29) << QStringList{u"KEY012"_s};
        QTest::newRow("31 days left") << kNotAfter.addDays(-31) << QStringList();
    }
    void validityDependsOnTheClock() {
        QFETCH(QDateTime, at);
        QFETCH(QStringList, codes);
        const auto cert = Certificate::load(dataPath(u"rsa2048-test-only.crt.pem"_s));
        QVERIFY(cert);
        const FixedClock clock(at);
        QCOMPARE(::codes(cert->check(clock)), codes);
    }

    void ecCertificateIsUnfitForRs256() {
        const auto cert = Certificate::load(dataPath(u"ec-p256-test-only.crt.pem"_s));
        QVERIFY(cert);
        const FixedClock clock(cert->notBefore().addDays(1));
        QCOMPARE(codes(cert->check(clock, u"certificate"_s)), QStringList{u"KEY006"_s});
    }

    void copiesShareTheCertificate() {
        const auto cert = Certificate::load(dataPath(u"rsa2048-test-only.crt.pem"_s));
        QVERIFY(cert);
        Certificate copy = *cert;
        QCOMPARE(copy.get(), cert->get());
        Certificate assigned;
        assigned = copy;
        QCOMPARE(assigned.sha256Fingerprint(), cert->sha256Fingerprint());
    }
};

QTEST_GUILESS_MAIN(TestCertificate)
#include "TestCertificate.moc"
