#include "telephony/PhoneNumbers.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace handoff::telephony;

class TestPhoneNumbers final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void normalise_data() {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("region");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<bool>("e164");
        QTest::addColumn<QString>("code"); // diagnostic expected, empty for none

        QTest::newRow("already E.164") << u"+14155550100"_s << QString() << u"+14155550100"_s << true << QString();
        QTest::newRow("Genesys tel: form")
            << u"tel:+14155550100"_s << QString() << u"+14155550100"_s << true << u"TEL003"_s;
        QTest::newRow("TEL: upper case") << u"TEL:+442071838750"_s << QString() << u"+442071838750"_s << true
                                         << u"TEL003"_s;
        QTest::newRow("sip uri") << u"sip:+14155550100@10.0.0.1;user=phone"_s << QString() << u"+14155550100"_s << true
                                 << u"TEL003"_s;
        QTest::newRow("spaces and brackets")
            << u"+1 (415) 555-0100"_s << QString() << u"+14155550100"_s << true << u"TEL003"_s;
        QTest::newRow("national with region")
            << u"020 7183 8750"_s << u"GB"_s << u"+442071838750"_s << true << u"TEL003"_s;
        QTest::newRow("national without region")
            << u"(415) 555-0100"_s << QString() << u"(415) 555-0100"_s << false << u"TEL002"_s;
        QTest::newRow("extension digits") << u"1234"_s << u"US"_s << u"1234"_s << false << u"TEL002"_s;
        QTest::newRow("tel: with junk") << u"tel:anonymous"_s << QString() << u"anonymous"_s << false << u"TEL002"_s;
    }

    void normalise() {
        QFETCH(QString, input);
        QFETCH(QString, region);
        QFETCH(QString, expected);
        QFETCH(bool, e164);
        QFETCH(QString, code);
        handoff::diagnostics::Diagnostics list;
        const NormalisedNumber number = normalisePhoneNumber(input, region, u"from"_s, &list);
        QCOMPARE(number.value, expected);
        QCOMPARE(number.isE164, e164);
        QCOMPARE(number.changed, expected != input);
        if (code.isEmpty()) {
            QVERIFY(list.isEmpty());
        } else {
            QCOMPARE(list.size(), 1);
            QCOMPARE(list.constFirst().code, code);
            QCOMPARE(list.constFirst().where.field, u"from"_s);
            QVERIFY(!list.constFirst().isError()); // never refused
        }
    }

    void e164Shape_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("ok");
        QTest::newRow("ok") << u"+14155550100"_s << true;
        QTest::newRow("no plus") << u"14155550100"_s << false;
        QTest::newRow("leading zero") << u"+04155550100"_s << false;
        QTest::newRow("16 digits") << u"+1234567890123456"_s << false;
        QTest::newRow("15 digits") << u"+123456789012345"_s << true;
        QTest::newRow("space") << u"+1 4155550100"_s << false;
    }

    void e164Shape() {
        QFETCH(QString, text);
        QFETCH(bool, ok);
        QCOMPARE(isE164(text), ok);
    }
};

QTEST_GUILESS_MAIN(TestPhoneNumbers)
#include "TestPhoneNumbers.moc"
