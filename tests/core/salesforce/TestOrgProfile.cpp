#include "salesforce/OrgProfile.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace handoff::salesforce;

namespace {
QStringList codes(const handoff::diagnostics::Diagnostics& list) {
    QStringList result;
    for (const auto& d : list) {
        result << d.code;
    }
    return result;
}
} // namespace

class TestOrgProfile final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void parsesDomainOrBaseUrl_data() {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("domain");
        QTest::addColumn<QStringList>("codes");
        const QString d = u"mycompany.my.salesforce-scrt.com"_s;
        QTest::newRow("bare domain") << d << d << QStringList();
        QTest::newRow("help article base url")
            << u"mycompany.my.salesforce-scrt.com/telephony/v1"_s << d << QStringList();
        QTest::newRow("https base url") << u"https://mycompany.my.salesforce-scrt.com/telephony/v1"_s << d
                                        << QStringList();
        QTest::newRow("trailing slash") << u"https://mycompany.my.salesforce-scrt.com/telephony/v1/"_s << d
                                        << QStringList();
        QTest::newRow("https domain only") << u"https://mycompany.my.salesforce-scrt.com"_s << d << QStringList();
        QTest::newRow("surrounding spaces") << u"  mycompany.my.salesforce-scrt.com \n"_s << d << QStringList();
        QTest::newRow("endpoint path") << u"https://mycompany.my.salesforce-scrt.com/telephony/v1/voiceCalls"_s << d
                                       << QStringList{u"ORG007"_s};
        QTest::newRow("http") << u"http://mycompany.my.salesforce-scrt.com"_s << d << QStringList{u"ORG007"_s};
        QTest::newRow("upper case") << u"MyCompany.my.salesforce-scrt.com"_s << d << QStringList{u"ORG007"_s};
        QTest::newRow("sandbox") << u"mycompany--uat.sandbox.my.salesforce-scrt.com"_s
                                 << u"mycompany--uat.sandbox.my.salesforce-scrt.com"_s << QStringList{u"ORG005"_s};
        QTest::newRow("no .my.") << u"mycompany.salesforce-scrt.com"_s << u"mycompany.salesforce-scrt.com"_s
                                 << QStringList{u"ORG006"_s};
    }
    void parsesDomainOrBaseUrl() {
        QFETCH(QString, input);
        QFETCH(QString, domain);
        QFETCH(QStringList, codes);
        const Scrt2Address address = parseScrt2(input);
        QCOMPARE(::codes(address.diagnostics), codes);
        QVERIFY(address.isValid());
        QCOMPARE(address.domain, domain);
        QCOMPARE(address.baseUrl, u"https://"_s + domain + u"/telephony/v1"_s);
        // The derived forms read back to themselves.
        QCOMPARE(parseScrt2(address.baseUrl).domain, domain);
        QCOMPARE(parseScrt2(address.domain).baseUrl, address.baseUrl);
        for (const auto& diagnostic : address.diagnostics) {
            QCOMPARE(diagnostic.where.field, u"org.scrt2Domain"_s);
        }
    }

    void refusesWhatIsNotAnScrt2Domain_data() {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("code");
        QTest::newRow("empty") << QString() << u"ORG002"_s;
        QTest::newRow("org my domain") << u"mycompany.my.salesforce.com"_s << u"ORG003"_s;
        QTest::newRow("lightning") << u"https://mycompany.lightning.force.com"_s << u"ORG003"_s;
        QTest::newRow("name only") << u"mycompany"_s << u"ORG003"_s;
        QTest::newRow("ftp scheme") << u"ftp://mycompany.my.salesforce-scrt.com"_s << u"ORG003"_s;
        QTest::newRow("space inside") << u"my company.my.salesforce-scrt.com"_s << u"ORG003"_s;
        QTest::newRow("port") << u"mycompany.my.salesforce-scrt.com:443"_s << u"ORG003"_s;
        QTest::newRow("no name") << u"my.salesforce-scrt.com"_s << u"ORG003"_s;
        QTest::newRow("leading hyphen") << u"-x.my.salesforce-scrt.com"_s << u"ORG003"_s;
        QTest::newRow("help article placeholder") << u"<org_domain>.my.salesforce-scrt.com"_s << u"ORG003"_s;
    }
    void refusesWhatIsNotAnScrt2Domain() {
        QFETCH(QString, input);
        QFETCH(QString, code);
        const Scrt2Address address = parseScrt2(input, u"uui.scrt2Domain"_s);
        QVERIFY(!address.isValid());
        QVERIFY(codes(address.diagnostics).contains(code));
        QCOMPARE(address.diagnostics.first().where.field, u"uui.scrt2Domain"_s);
    }

    void domainLimitIs128Bytes() {
        const QString suffix = u".my.salesforce-scrt.com"_s;
        const QString fits = QString(128 - suffix.size(), u'a') + suffix;
        QCOMPARE(fits.size(), 128);
        QVERIFY(parseScrt2(fits).isValid());
        const QString tooLong = QString(129 - suffix.size(), u'a') + suffix;
        const Scrt2Address address = parseScrt2(tooLong);
        QVERIFY(!address.isValid());
        QVERIFY(codes(address.diagnostics).contains(u"ORG004"_s));
    }

    void callCenterApiNameRules_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("valid");
        QTest::newRow("help article sample") << u"scv4cc1"_s << true;
        QTest::newRow("underscores") << u"My_Call_Center"_s << true;
        QTest::newRow("80 characters") << (u"A"_s + QString(79, u'b')) << true;
        QTest::newRow("81 characters") << (u"A"_s + QString(80, u'b')) << false;
        QTest::newRow("starts with digit") << u"1center"_s << false;
        QTest::newRow("starts with underscore") << u"_center"_s << false;
        QTest::newRow("double underscore") << u"my__center"_s << false;
        QTest::newRow("trailing underscore") << u"center_"_s << false;
        QTest::newRow("space") << u"My Center"_s << false;
        QTest::newRow("hyphen") << u"my-center"_s << false;
    }
    void callCenterApiNameRules() {
        QFETCH(QString, name);
        QFETCH(bool, valid);
        const auto list = checkCallCenterApiName(name, u"org.callCenterApiName"_s);
        QCOMPARE(list.isEmpty(), valid);
        if (!valid) {
            QCOMPARE(list.first().code, u"ORG009"_s);
            QCOMPARE(list.first().where.field, u"org.callCenterApiName"_s);
        }
    }

    void validateReportsEachField() {
        OrgProfile profile;
        profile.orgId = u"00D50000000IZ3Z"_s;
        profile.scrt2Domain = u"mycompany.my.salesforce-scrt.com/telephony/v1"_s;
        profile.callCenterApiName = u"scv4cc1"_s;
        QVERIFY(profile.validate().isEmpty());
        QVERIFY(profile.subRequired());
        QCOMPARE(profile.scrt2().domain, u"mycompany.my.salesforce-scrt.com"_s);

        OrgProfile empty;
        const auto missing = empty.validate();
        QCOMPARE(codes(missing), (QStringList{u"ORG001"_s, u"ORG002"_s, u"ORG008"_s}));
        QCOMPARE(missing.at(0).where.field, u"org.orgId"_s);
        QCOMPARE(missing.at(1).where.field, u"org.scrt2Domain"_s);
        QCOMPARE(missing.at(2).where.field, u"org.callCenterApiName"_s);

        OrgProfile wrongKind = profile;
        wrongKind.orgId = u"0LQRM0000006CSz"_s;
        QCOMPARE(codes(wrongKind.validate()), QStringList{u"ID005"_s});

        OrgProfile openCti = profile;
        openCti.customerType = CustomerType::Other;
        QVERIFY(!openCti.subRequired());
        QCOMPARE(codes(openCti.validate()), QStringList{u"ORG010"_s});
        openCti.callCenterApiName.clear();
        QVERIFY(openCti.validate().isEmpty());
    }

    void customerTypeKeysRoundTrip() {
        for (CustomerType type : {CustomerType::VoiceWithTelephonyProviders, CustomerType::Other}) {
            QCOMPARE(customerTypeFromKey(customerTypeKey(type)), type);
            QVERIFY(!customerTypeName(type).isEmpty());
        }
        QVERIFY(!customerTypeFromKey(u"SCV").has_value());
    }
};

QTEST_GUILESS_MAIN(TestOrgProfile)
#include "TestOrgProfile.moc"
