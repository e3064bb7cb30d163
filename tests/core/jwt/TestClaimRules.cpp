#include "jwt/ClaimRules.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace handoff;
using namespace handoff::jwt;
using salesforce::CustomerType;
using salesforce::OrgProfile;

namespace {

constexpr qint64 kNow = 1756767713;
constexpr qint64 kIat = kNow - 100;

enum class Profile { None, Voice, OpenCti };

OrgProfile profileFor(Profile kind) {
    OrgProfile profile;
    profile.orgId = u"00D50000000IZ3Z"_s;
    profile.scrt2Domain = u"mycompany.my.salesforce-scrt.com"_s;
    profile.callCenterApiName = kind == Profile::Voice ? u"scv4cc1"_s : QString();
    profile.customerType = kind == Profile::Voice ? CustomerType::VoiceWithTelephonyProviders : CustomerType::Other;
    return profile;
}

// {"iat":..,"exp":..,"iss":"00D50000000IZ3Z","sub":"scv4cc1"} with parts replaced or dropped.
QByteArray claims(const QString& iat = QString::number(kIat), const QString& exp = QString::number(kIat + 86400),
                  const QString& iss = u"\"00D50000000IZ3Z\""_s, const QString& sub = u"\"scv4cc1\""_s,
                  const QString& extra = {}) {
    QStringList parts;
    if (!iat.isEmpty()) {
        parts << u"\"iat\":"_s + iat;
    }
    if (!exp.isEmpty()) {
        parts << u"\"exp\":"_s + exp;
    }
    if (!iss.isEmpty()) {
        parts << u"\"iss\":"_s + iss;
    }
    if (!sub.isEmpty()) {
        parts << u"\"sub\":"_s + sub;
    }
    if (!extra.isEmpty()) {
        parts << extra;
    }
    return (u'{' + parts.join(u',') + u'}').toUtf8();
}

QString n(qint64 value) {
    return QString::number(value);
}

QStringList codes(const diagnostics::Diagnostics& list) {
    QStringList result;
    for (const auto& d : list) {
        result << d.code;
    }
    return result;
}

} // namespace

class TestClaimRules final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void claimRules_data() {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<int>("profile");
        QTest::addColumn<bool>("reusable");
        QTest::addColumn<QStringList>("expected");
        const int voice = int(Profile::Voice);
        const int openCti = int(Profile::OpenCti);
        const int none = int(Profile::None);
        const QString noSub;

        QTest::newRow("valid UUI token") << claims() << voice << true << QStringList();
        QTest::newRow("18-character iss")
            << claims(n(kIat), n(kIat + 300), u"\"00D50000000IZ3ZEAW\""_s) << voice << false << QStringList();
        QTest::newRow("exp 24 h + 1 s") << claims(n(kIat), n(kIat + 86401)) << voice << false
                                        << QStringList{u"JWT009"_s};
        QTest::newRow("expired") << claims(n(kNow - 600), n(kNow - 300)) << voice << false << QStringList{u"JWT010"_s};
        QTest::newRow("expires this second")
            << claims(n(kNow - 300), n(kNow)) << voice << false << QStringList{u"JWT010"_s};
        QTest::newRow("valid one more second") << claims(n(kNow - 300), n(kNow + 1)) << voice << false << QStringList();
        QTest::newRow("iat beyond skew") << claims(n(kNow + 61), n(kNow + 361)) << voice << false
                                         << QStringList{u"JWT011"_s};
        QTest::newRow("iat within skew") << claims(n(kNow + 60), n(kNow + 360)) << voice << false << QStringList();
        QTest::newRow("no iat") << claims(QString()) << voice << false << QStringList{u"JWT012"_s};
        QTest::newRow("no exp") << claims(n(kIat), QString()) << voice << false << QStringList{u"JWT008"_s};
        QTest::newRow("iat a string") << claims(u"\"1756767613\""_s) << voice << false << QStringList{u"JWT021"_s};
        QTest::newRow("exp a fraction") << claims(n(kIat), u"1756767999.5"_s) << voice << false
                                        << QStringList{u"JWT021"_s};
        QTest::newRow("exp before iat") << claims(n(kNow), n(kNow - 1)) << voice << false
                                        << QStringList{u"JWT022"_s, u"JWT010"_s};
        QTest::newRow("no iss") << claims(n(kIat), n(kIat + 300), QString()) << voice << false
                                << QStringList{u"JWT013"_s};
        QTest::newRow("iss not an id") << claims(n(kIat), n(kIat + 300), u"\"joe\""_s) << voice << false
                                       << QStringList{u"JWT014"_s};
        QTest::newRow("iss a VoiceCall id")
            << claims(n(kIat), n(kIat + 300), u"\"0LQRM0000006CSz\""_s) << voice << false << QStringList{u"JWT014"_s};
        QTest::newRow("iss a number") << claims(n(kIat), n(kIat + 300), u"42"_s) << voice << false
                                      << QStringList{u"JWT021"_s};
        QTest::newRow("iss another org") << claims(n(kIat), n(kIat + 300), u"\"00D000000000001\""_s) << voice << false
                                         << QStringList{u"JWT015"_s};
        QTest::newRow("iss differs in case only")
            << claims(n(kIat), n(kIat + 300), u"\"00D50000000iz3z\""_s) << voice << false << QStringList{u"JWT015"_s};
        QTest::newRow("iss of another org without profile")
            << claims(n(kIat), n(kIat + 300), u"\"00D000000000001\""_s) << none << false << QStringList();
        QTest::newRow("sub missing for Voice") << claims(n(kIat), n(kIat + 300), u"\"00D50000000IZ3Z\""_s, noSub)
                                               << voice << false << QStringList{u"JWT016"_s};
        QTest::newRow("sub another call center")
            << claims(n(kIat), n(kIat + 300), u"\"00D50000000IZ3Z\""_s, u"\"SCV4CC1\""_s) << voice << false
            << QStringList{u"JWT018"_s};
        QTest::newRow("sub a number") << claims(n(kIat), n(kIat + 300), u"\"00D50000000IZ3Z\""_s, u"7"_s) << voice
                                      << false << QStringList{u"JWT021"_s};
        QTest::newRow("sub present for Open CTI") << claims() << openCti << false << QStringList{u"JWT017"_s};
        QTest::newRow("sub absent for Open CTI")
            << claims(n(kIat), n(kIat + 300), u"\"00D50000000IZ3Z\""_s, noSub) << openCti << false << QStringList();
        QTest::newRow("sub not checked without profile")
            << claims(n(kIat), n(kIat + 300), u"\"00D50000000IZ3Z\""_s, noSub) << none << false << QStringList();
        const QString jti = u"\"jti\":\"0f8fad5b-d9cb-469f-a165-70867728950e\""_s;
        QTest::newRow("jti on a reused token")
            << claims(n(kIat), n(kIat + 300), u"\"00D50000000IZ3Z\""_s, u"\"scv4cc1\""_s, jti) << voice << true
            << QStringList{u"JWT019"_s};
        QTest::newRow("jti on a single-use token")
            << claims(n(kIat), n(kIat + 300), u"\"00D50000000IZ3Z\""_s, u"\"scv4cc1\""_s, jti) << voice << false
            << QStringList();
        QTest::newRow("aud") << claims(n(kIat), n(kIat + 300), u"\"00D50000000IZ3Z\""_s, u"\"scv4cc1\""_s,
                                       u"\"aud\":\"https://scrt.salesforce.com\""_s)
                             << voice << false << QStringList{u"JWT023"_s};
    }
    void claimRules() {
        QFETCH(QByteArray, json);
        QFETCH(int, profile);
        QFETCH(bool, reusable);
        QFETCH(QStringList, expected);
        const auto parsed = Claims::fromJson(json);
        QVERIFY2(parsed, json.constData());
        const OrgProfile org = profileFor(Profile(profile));
        ClaimRuleOptions options;
        options.reusable = reusable;
        const auto list =
            checkClaims(*parsed, Profile(profile) == Profile::None ? nullptr : &org, FixedClock::atSecs(kNow), options);
        QCOMPARE(codes(list), expected);
        for (const auto& d : list) {
            QVERIFY2(d.where.field.startsWith(u"claims."_s), qPrintable(d.where.field));
            QVERIFY(d.message.size() > 20);
        }
    }

    // A profile whose own org id is broken is the profile's problem (ORG/ID codes), not the token's.
    void brokenProfileOrgIdIsNotBlamedOnTheToken() {
        const auto parsed = Claims::fromJson(claims());
        QVERIFY(parsed);
        OrgProfile org = profileFor(Profile::Voice);
        org.orgId = u"00XXXXX00000QMC-"_s;
        QVERIFY(checkClaims(*parsed, &org, FixedClock::atSecs(kNow)).isEmpty());
    }

    void skewIsConfigurable() {
        const auto parsed = Claims::fromJson(claims(n(kNow + 30), n(kNow + 330)));
        QVERIFY(parsed);
        const OrgProfile org = profileFor(Profile::Voice);
        QVERIFY(checkClaims(*parsed, &org, FixedClock::atSecs(kNow)).isEmpty());
        ClaimRuleOptions strict;
        strict.clockSkewSecs = 0;
        QCOMPARE(codes(checkClaims(*parsed, &org, FixedClock::atSecs(kNow), strict)), QStringList{u"JWT011"_s});
    }

    void expiryCheckCanBeTurnedOff() {
        const auto parsed = Claims::fromJson(claims(n(kNow - 600), n(kNow - 300)));
        QVERIFY(parsed);
        ClaimRuleOptions options;
        options.checkExpiry = false;
        QVERIFY(checkClaims(*parsed, nullptr, FixedClock::atSecs(kNow), options).isEmpty());
    }

    void headerRules_data() {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("RS256 JWT") << QByteArray(R"({"alg":"RS256","typ":"JWT"})") << QStringList();
        QTest::newRow("no typ") << QByteArray(R"({"alg":"RS256"})") << QStringList();
        QTest::newRow("none") << QByteArray(R"({"alg":"none","typ":"JWT"})") << QStringList{u"JWT004"_s};
        QTest::newRow("HS256") << QByteArray(R"({"alg":"HS256","typ":"JWT"})") << QStringList{u"JWT005"_s};
        QTest::newRow("RS512") << QByteArray(R"({"alg":"RS512","typ":"JWT"})") << QStringList{u"JWT005"_s};
        QTest::newRow("typ JOSE") << QByteArray(R"({"alg":"RS256","typ":"JOSE"})") << QStringList{u"JWT006"_s};
    }
    void headerRules() {
        QFETCH(QByteArray, header);
        QFETCH(QStringList, expected);
        const QByteArray token = base64UrlEncode(header) + '.' + base64UrlEncode(claims()) + ".c2ln";
        const auto decoded = decode(token);
        QVERIFY(decoded);
        const OrgProfile org = profileFor(Profile::Voice);
        QCOMPARE(codes(checkToken(*decoded, &org, FixedClock::atSecs(kNow))), expected);
    }
};

QTEST_GUILESS_MAIN(TestClaimRules)
#include "TestClaimRules.moc"
