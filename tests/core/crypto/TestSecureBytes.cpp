#include "crypto/SecureBytes.h"

#include <QTest>

using namespace Qt::StringLiterals;
using handoff::crypto::SecureBytes;

class TestSecureBytes final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void holdsACopy() {
        const SecureBytes bytes(QByteArrayView("secret"));
        QCOMPARE(bytes.size(), 6);
        QCOMPARE(bytes.view(), QByteArrayView("secret"));
        QVERIFY(!bytes.isEmpty());
        QVERIFY(SecureBytes().isEmpty());
    }

    void takeFromEmptiesTheSource() {
        QByteArray source("passphrase");
        const SecureBytes bytes = SecureBytes::takeFrom(source);
        QCOMPARE(bytes.view(), QByteArrayView("passphrase"));
        QVERIFY(source.isEmpty());
    }

    // Wiping a shared array would detach it and leave the other copy as it was; wipe() drops the reference
    // instead and never touches the other holder's bytes.
    void wipeLeavesOtherHoldersAlone() {
        QByteArray secret("top secret");
        const QByteArray otherHolder = secret;
        handoff::crypto::wipe(secret);
        QVERIFY(secret.isEmpty());
        QCOMPARE(otherHolder, QByteArray("top secret"));
    }

    void moveLeavesTheSourceEmpty() {
        SecureBytes first(QByteArrayView("abc"));
        SecureBytes second(std::move(first));
        QCOMPARE(second.view(), QByteArrayView("abc"));
        QVERIFY(first.isEmpty()); // NOLINT(bugprone-use-after-move): moved-from state is specified
        SecureBytes third;
        third = std::move(second);
        QCOMPARE(third.view(), QByteArrayView("abc"));
        QVERIFY(second.isEmpty()); // NOLINT(bugprone-use-after-move)
    }

    void clearWipesAndEmpties() {
        SecureBytes bytes(QByteArrayView("abc"));
        char* data = bytes.data();
        QCOMPARE(data[0], 'a');
        bytes.clear();
        QVERIFY(bytes.isEmpty());
        QCOMPARE(bytes.data(), nullptr);
    }

    void cloneIsIndependent() {
        SecureBytes original(QByteArrayView("abc"));
        SecureBytes copy = original.clone();
        original.data()[0] = 'x';
        QCOMPARE(copy.view(), QByteArrayView("abc"));
    }
};

QTEST_GUILESS_MAIN(TestSecureBytes)
#include "TestSecureBytes.moc"
