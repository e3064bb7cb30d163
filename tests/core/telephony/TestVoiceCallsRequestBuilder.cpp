#include "telephony/VoiceCallsRequestBuilder.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace handoff::telephony;

namespace {
QStringList codes(const handoff::diagnostics::Diagnostics& list) {
    QStringList out;
    for (const auto& d : list) {
        out << d.code;
    }
    return out;
}

VoiceCallRequest sample() {
    VoiceCallRequest r;
    r.callCenterApiName = u"scv4cc1"_s;
    r.vendorCallKey = u"b7c1a0e2-1111-4c3b-9d0e-000000000001"_s;
    r.to = u"+14155550100"_s;
    r.from = u"tel:+14155550199"_s;
    return r;
}
} // namespace

class TestVoiceCallsRequestBuilder final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void minimalRequestFillsDefaults() {
        const auto clock = handoff::FixedClock::atSecs(1756767613);
        const BuiltBody built = buildVoiceCallBody(sample(), {}, clock);
        QVERIFY(built.ok());
        QCOMPARE(codes(built.diagnostics), QStringList{u"TEL003"_s}); // the tel: prefix was removed
        QCOMPARE(built.json,
                 QByteArray(R"({"callCenterApiName":"scv4cc1","vendorCallKey":"b7c1a0e2-1111-4c3b-9d0e-000000000001",)"
                            R"("to":"+14155550100","from":"+14155550199","initiationMethod":"Inbound",)"
                            R"("startTime":"2025-09-01T23:00:13.000Z",)"
                            R"("participants":[{"participantKey":"+14155550199","type":"END_USER"}]})"));
        QCOMPARE(built.sent.startTime, QDateTime::fromSecsSinceEpoch(1756767613, Qt::UTC));
    }

    void everyFieldIsSent() {
        VoiceCallRequest r = sample();
        r.initiationMethod = InitiationMethod::Transfer;
        r.parentVoiceCallId = u"0LQRM0000006CSz"_s;
        r.callOrigin = u"Genesys"_s;
        r.callSubtype = u"PSTN"_s;
        r.queue = u"Support"_s;
        r.callAttributes = {{u"Department__c"_s, u"Support"_s}, {u"Tier__c"_s, u"Gold"_s}};
        r.startTime = QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5, 6), Qt::OffsetFromUTC, 3600);
        const BuiltBody built = buildVoiceCallBody(r, {}, handoff::FixedClock::atSecs(0));
        QVERIFY(built.ok());
        const QJsonObject body = QJsonDocument::fromJson(built.json).object();
        QCOMPARE(body.value(u"initiationMethod"_s).toString(), u"Transfer"_s);
        QCOMPARE(body.value(u"parentVoiceCallId"_s).toString(), u"0LQRM0000006CSz"_s);
        QCOMPARE(body.value(u"callOrigin"_s).toString(), u"Genesys"_s);
        QCOMPARE(body.value(u"callSubtype"_s).toString(), u"PSTN"_s);
        QCOMPARE(body.value(u"queue"_s).toString(), u"Support"_s);
        QCOMPARE(body.value(u"startTime"_s).toString(), u"2026-01-02T02:04:05.006Z"_s); // converted to UTC
        // callAttributes is a string holding a JSON object, keys in the order entered.
        QVERIFY(body.value(u"callAttributes"_s).isString());
        QCOMPARE(body.value(u"callAttributes"_s).toString(), u"{\"Department__c\":\"Support\",\"Tier__c\":\"Gold\"}"_s);
        QCOMPARE(body.keys().size(), 12);
    }

    void problems_data() {
        QTest::addColumn<QString>("change");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("field");
        QTest::newRow("missing call center") << u"callCenter"_s << u"TEL001"_s << u"callCenterApiName"_s;
        QTest::newRow("missing vendorCallKey") << u"vendorCallKey"_s << u"TEL001"_s << u"vendorCallKey"_s;
        QTest::newRow("missing to") << u"to"_s << u"TEL001"_s << u"to"_s;
        QTest::newRow("bad subtype") << u"subtype"_s << u"TEL008"_s << u"callSubtype"_s;
        QTest::newRow("parent on inbound") << u"parent"_s << u"TEL007"_s << u"parentVoiceCallId"_s;
        QTest::newRow("transfer without parent") << u"transfer"_s << u"TEL007"_s << u"parentVoiceCallId"_s;
        QTest::newRow("duplicate attribute") << u"attributes"_s << u"TEL005"_s << u"callAttributes[1]"_s;
        QTest::newRow("national number") << u"national"_s << u"TEL002"_s << u"to"_s;
    }

    void problems() {
        QFETCH(QString, change);
        QFETCH(QString, code);
        QFETCH(QString, field);
        VoiceCallRequest r = sample();
        r.from = u"+14155550199"_s;
        if (change == u"callCenter"_s) {
            r.callCenterApiName = u"  "_s;
        } else if (change == u"vendorCallKey"_s) {
            r.vendorCallKey.clear();
        } else if (change == u"to"_s) {
            r.to.clear();
        } else if (change == u"subtype"_s) {
            r.callSubtype = u"VoIP"_s;
        } else if (change == u"parent"_s) {
            r.parentVoiceCallId = u"0LQRM0000006CSz"_s;
        } else if (change == u"transfer"_s) {
            r.initiationMethod = InitiationMethod::Transfer;
        } else if (change == u"attributes"_s) {
            r.callAttributes = {{u"A__c"_s, u"1"_s}, {u"A__c"_s, u"2"_s}};
        } else if (change == u"national"_s) {
            r.to = u"415 555 0100"_s;
        }
        const BuiltBody built = buildVoiceCallBody(r, {}, handoff::FixedClock::atSecs(0));
        QCOMPARE(codes(built.diagnostics), QStringList{code});
        QCOMPARE(built.diagnostics.constFirst().where.field, field);
    }

    void nationalNumbersWithRegion() {
        VoiceCallRequest r = sample();
        r.to = u"(415) 555-0100"_s;
        BuildOptions options;
        options.defaultRegion = u"US"_s;
        const BuiltBody built = buildVoiceCallBody(r, options, handoff::FixedClock::atSecs(0));
        QCOMPARE(built.sent.to, u"+14155550100"_s);
        QVERIFY(built.ok());
    }

    void numbersKeptAsTypedWhenNormalisingIsOff() {
        VoiceCallRequest r = sample();
        r.to = u"(415) 555-0100"_s;
        BuildOptions options;
        options.normaliseNumbers = false;
        const BuiltBody built = buildVoiceCallBody(r, options, handoff::FixedClock::atSecs(0));
        QCOMPARE(built.sent.to, u"(415) 555-0100"_s);
        QVERIFY(codes(built.diagnostics).contains(u"TEL002"_s));
        QVERIFY(built.ok()); // a warning, not a refusal
    }

    void httpRequestHeaders() {
        BuildOptions options;
        options.telephonyProviderName = u"genesys-cloud"_s;
        const HttpRequestSpec spec = voiceCallsHttpRequest(
            QUrl(u"https://x.my.salesforce-scrt.com/telephony/v1/voiceCalls"_s), "{}", "aaa.bbb.ccc", options);
        QCOMPARE(spec.header("authorization"), QByteArray("Bearer aaa.bbb.ccc"));
        QCOMPARE(spec.header("Content-Type"), QByteArray("application/json"));
        QCOMPARE(spec.header("Telephony-Provider-Name"), QByteArray("genesys-cloud"));
        const HttpRequestSpec without = voiceCallsHttpRequest(QUrl(u"https://x/"_s), "{}", "t", {});
        QVERIFY(without.header("Telephony-Provider-Name").isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestVoiceCallsRequestBuilder)
#include "TestVoiceCallsRequestBuilder.moc"
