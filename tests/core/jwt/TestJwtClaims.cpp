#include "jwt/JwtClaims.h"

#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace handoff;
using namespace handoff::jwt;

class TestJwtClaims final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void keepsInsertionOrderInCompactJson() {
        Claims claims;
        claims.set(u"zeta"_s, 1);
        claims.set(u"alpha"_s, u"a \"quoted\" / é"_s);
        claims.set(u"mid"_s, QJsonValue(true));
        claims.set(u"zeta"_s, 2); // replaced in place
        QCOMPARE(claims.names(), (QStringList{u"zeta"_s, u"alpha"_s, u"mid"_s}));
        QCOMPARE(claims.toJson(), QByteArray("{\"zeta\":2,\"alpha\":\"a \\\"quoted\\\" / \xc3\xa9\",\"mid\":true}"));
        claims.remove(u"alpha"_s);
        QCOMPARE(claims.toJson(), QByteArray(R"({"zeta":2,"mid":true})"));
    }

    void fromJsonKeepsTheTextsOrder() {
        const auto claims = Claims::fromJson(" {\"b\":{\"x\":1,\"a\":2},\"a\":[1,{\"c\":3}],\"c\\\"d\":\"v\"} ");
        QVERIFY(claims);
        QCOMPARE(claims->names(), (QStringList{u"b"_s, u"a"_s, u"c\"d"_s}));
        QCOMPARE(claims->toJson(), QByteArray("{\"b\":{\"a\":2,\"x\":1},\"a\":[1,{\"c\":3}],\"c\\\"d\":\"v\"}"));
        QVERIFY(!Claims::fromJson("[1]"));
        QCOMPARE(Claims::fromJson("{oops").error().code, u"JWT003"_s);
    }

    void typedAccessors() {
        const auto claims = Claims::fromJson(R"({"iat":1756767613,"f":1.5,"s":"x","big":1e300})");
        QVERIFY(claims);
        QCOMPARE(claims->intClaim(u"iat"_s), 1756767613);
        QVERIFY(!claims->intClaim(u"f"_s));
        QVERIFY(!claims->intClaim(u"s"_s));
        QVERIFY(!claims->intClaim(u"big"_s));
        QVERIFY(!claims->intClaim(u"missing"_s));
        QCOMPARE(claims->stringClaim(u"s"_s), u"x"_s);
        QVERIFY(!claims->stringClaim(u"iat"_s));
    }

    void presets() {
        const FixedClock clock = FixedClock::atSecs(1756767613);
        const TokenSpec uui = TokenSpec::forPreset(TokenPreset::Uui, u"00D50000000IZ3Z"_s, u"scv4cc1"_s);
        const Claims uuiClaims = buildClaims(uui, clock);
        QCOMPARE(uuiClaims.toJson(),
                 QByteArray(R"({"iat":1756767613,"exp":1756854013,"iss":"00D50000000IZ3Z","sub":"scv4cc1"})"));
        QVERIFY(uui.reusable);

        const TokenSpec api = TokenSpec::forPreset(TokenPreset::Api, u"00D50000000IZ3Z"_s);
        const Claims apiClaims = buildClaims(api, clock);
        QCOMPARE(apiClaims.names(), (QStringList{u"iat"_s, u"exp"_s, u"iss"_s, u"jti"_s}));
        QCOMPARE(*apiClaims.intClaim(u"exp"_s) - *apiClaims.intClaim(u"iat"_s), 300);
        static const QRegularExpression uuidV4(
            u"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"_s);
        const QString jti = *apiClaims.stringClaim(u"jti"_s);
        QVERIFY2(uuidV4.match(jti).hasMatch(), qPrintable(jti));
        QVERIFY(jti != *buildClaims(api, clock).stringClaim(u"jti"_s));
        QVERIFY(!api.reusable);

        for (TokenPreset preset : {TokenPreset::Uui, TokenPreset::Api}) {
            QCOMPARE(presetFromKey(presetKey(preset)), preset);
            QVERIFY(!presetName(preset).isEmpty());
        }
    }

    void extraClaimsFollowInOrderAndMayReplace() {
        TokenSpec spec;
        spec.issuer = u"00D50000000IZ3Z"_s;
        spec.withJti = false;
        spec.issuedAt = 100;
        spec.ttlSecs = 60;
        spec.extraClaims = {{u"zz"_s, 1}, {u"aa"_s, u"b"_s}, {u"exp"_s, 999}};
        const Claims claims = buildClaims(spec, FixedClock::atSecs(5));
        QCOMPARE(claims.toJson(), QByteArray(R"({"iat":100,"exp":999,"iss":"00D50000000IZ3Z","zz":1,"aa":"b"})"));
    }

    void durations_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("seconds"); // -1: refused
        QTest::newRow("plain") << u"300"_s << qint64(300);
        QTest::newRow("seconds") << u"300s"_s << qint64(300);
        QTest::newRow("minutes") << u"5m"_s << qint64(300);
        QTest::newRow("hours") << u"24h"_s << qint64(86400);
        QTest::newRow("days") << u"1d"_s << qint64(86400);
        QTest::newRow("zero") << u"0s"_s << qint64(-1);
        QTest::newRow("negative") << u"-5m"_s << qint64(-1);
        QTest::newRow("unknown unit") << u"5w"_s << qint64(-1);
        QTest::newRow("empty") << QString() << qint64(-1);
        QTest::newRow("fraction") << u"1.5h"_s << qint64(-1);
    }
    void durations() {
        QFETCH(QString, text);
        QFETCH(qint64, seconds);
        const auto parsed = parseDuration(text);
        if (seconds < 0) {
            QVERIFY(!parsed);
            QCOMPARE(parsed.error().code, u"JWT024"_s);
        } else {
            QCOMPARE(parsed, seconds);
        }
    }
};

QTEST_GUILESS_MAIN(TestJwtClaims)
#include "TestJwtClaims.moc"
