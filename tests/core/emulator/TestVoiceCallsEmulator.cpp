#include "EmulatorFixture.h"
#include "emulator/VoiceCallsEmulator.h"
#include "salesforce/SalesforceId.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace handoff;
using handoff::emulator::Fault;
using handoff::emulator::VoiceCallsEmulator;

namespace {
constexpr qint64 kNow = 1795000000;

struct Answer {
    int status = 0;
    QByteArray body;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QString firstErrorCode() const {
        return json().value(u"errors"_s).toArray().at(0).toObject().value(u"errorCode"_s).toString();
    }
};
} // namespace

class TestVoiceCallsEmulator final : public QObject {
    Q_OBJECT

private:
    FixedClock m_clock = FixedClock::atSecs(kNow);
    std::unique_ptr<VoiceCallsEmulator> m_emulator;
    QNetworkAccessManager m_network;

    Answer send(const QByteArray& method, const QString& path, const QByteArray& body = {},
                const QList<std::pair<QByteArray, QByteArray>>& headers = {}) {
        QUrl url = m_emulator->baseUrl();
        url.setPath(path);
        QNetworkRequest request(url);
        request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
        for (const auto& [name, value] : headers) {
            request.setRawHeader(name, value);
        }
        std::unique_ptr<QNetworkReply> reply(m_network.sendCustomRequest(request, method, body));
        QSignalSpy finished(reply.get(), &QNetworkReply::finished);
        if (!finished.wait(10000)) {
            return {};
        }
        return {reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll(), reply->error()};
    }

    Answer create(const QByteArray& body, QList<std::pair<QByteArray, QByteArray>> headers = {}) {
        headers.append({QByteArray("Authorization"), QByteArray("Bearer ") + fixture::token(m_clock)});
        return send("POST", u"/telephony/v1/voiceCalls"_s, body, headers);
    }

private Q_SLOTS:
    void init() {
        m_emulator = std::make_unique<VoiceCallsEmulator>(m_clock);
        QVERIFY(m_emulator->registerCertificate(fixture::kOrgId, fixture::testCertificate(), {fixture::kCallCenter}));
        QVERIFY(m_emulator->listen());
        QCOMPARE(m_emulator->baseUrl().host(), u"127.0.0.1"_s);
    }

    void cleanup() { m_emulator.reset(); }

    void faultText_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("normalised"); // empty = refused (EMU003)
        QTest::newRow("latency") << u"latency=250"_s << u"latency=250"_s;
        QTest::newRow("429 default") << u"429"_s << u"429=1"_s;
        QTest::newRow("429 with latency") << u" 429=5 , latency=10"_s << u"latency=10,429=5"_s;
        QTest::newRow("500") << u"500"_s << u"500"_s;
        QTest::newRow("malformed") << u"MALFORMED"_s << u"malformed"_s;
        QTest::newRow("drop") << u"drop"_s << u"drop"_s;
        QTest::newRow("partial") << u"partial"_s << u"partial"_s;
        QTest::newRow("none") << u"none"_s << u"none"_s;
        QTest::newRow("two faults") << u"500,drop"_s << QString();
        QTest::newRow("unknown") << u"explode"_s << QString();
        QTest::newRow("negative latency") << u"latency=-1"_s << QString();
        QTest::newRow("500 with value") << u"500=2"_s << QString();
    }

    void faultText() {
        QFETCH(QString, text);
        QFETCH(QString, normalised);
        const auto fault = Fault::parse(text);
        QCOMPARE(fault.has_value(), !normalised.isEmpty());
        if (fault) {
            QCOMPARE(fault->toString(), normalised);
        } else {
            QCOMPARE(fault.error().code, u"EMU003"_s);
        }
    }

    void registrationRefusesBadInput() {
        VoiceCallsEmulator other(m_clock);
        QCOMPARE(other.registerCertificate(u"001000000000001"_s, fixture::testCertificate(), {}).error().code,
                 u"EMU004"_s);
        QCOMPARE(other.registerCertificate(fixture::kOrgId, crypto::Certificate(), {}).error().code, u"EMU002"_s);
        // An 18-character org id is stored as its 15-character form.
        QVERIFY(other.registerCertificate(salesforce::SalesforceId::parse(fixture::kOrgId)->id18(),
                                          fixture::testCertificate(), {u"a"_s}));
        QCOMPARE(other.registrations().constFirst().orgId, fixture::kOrgId);
    }

    void createdCallsAreListed() {
        QSignalSpy created(m_emulator.get(), &VoiceCallsEmulator::callCreated);
        const Answer answer = create(fixture::validBody(), {{"Telephony-Provider-Name", "demo-connector"}});
        QCOMPARE(answer.status, 201);
        const QString id = answer.json().value(u"voiceCallId"_s).toString();
        QCOMPARE(id.size(), 15);
        QVERIFY(id.startsWith(u"0LQ"_s));
        QCOMPARE(answer.json().value(u"errors"_s).toArray().size(), 0);
        QCOMPARE(created.count(), 1);
        const Answer list = send("GET", u"/_emulator/voiceCalls"_s);
        QCOMPARE(list.status, 200);
        const QJsonArray calls = list.json().value(u"voiceCalls"_s).toArray();
        QCOMPARE(calls.size(), 1);
        QCOMPARE(calls.at(0).toObject().value(u"voiceCallId"_s).toString(), id);
        QCOMPARE(calls.at(0).toObject().value(u"telephonyProviderName"_s).toString(), u"demo-connector"_s);
        QCOMPARE(calls.at(0).toObject().value(u"request"_s).toObject().value(u"vendorCallKey"_s).toString(),
                 u"conv-1"_s);
    }

    void bodyIsValidated_data() {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QJsonValue>("value"); // Undefined = removed
        QTest::addColumn<QString>("errorCode");
        QTest::newRow("no callCenterApiName")
            << u"callCenterApiName"_s << QJsonValue(QJsonValue::Undefined) << u"MISSING_FIELD"_s;
        QTest::newRow("no vendorCallKey")
            << u"vendorCallKey"_s << QJsonValue(QJsonValue::Undefined) << u"MISSING_FIELD"_s;
        QTest::newRow("empty to") << u"to"_s << QJsonValue(u""_s) << u"MISSING_FIELD"_s;
        QTest::newRow("no from") << u"from"_s << QJsonValue(QJsonValue::Undefined) << u"MISSING_FIELD"_s;
        QTest::newRow("bad initiationMethod")
            << u"initiationMethod"_s << QJsonValue(u"Outbound"_s) << u"INVALID_FIELD"_s;
        QTest::newRow("no startTime") << u"startTime"_s << QJsonValue(QJsonValue::Undefined) << u"MISSING_FIELD"_s;
        QTest::newRow("bad startTime") << u"startTime"_s << QJsonValue(u"yesterday"_s) << u"INVALID_FIELD"_s;
        QTest::newRow("no participants") << u"participants"_s << QJsonValue(QJsonArray{}) << u"MISSING_FIELD"_s;
        QTest::newRow("participant without type")
            << u"participants"_s << QJsonValue(QJsonArray{QJsonObject{{u"participantKey"_s, u"+1"_s}}})
            << u"INVALID_FIELD"_s;
        QTest::newRow("callAttributes as object")
            << u"callAttributes"_s << QJsonValue(QJsonObject{{u"A__c"_s, u"x"_s}}) << u"INVALID_FIELD"_s;
        QTest::newRow("callAttributes single quotes")
            << u"callAttributes"_s << QJsonValue(u"{'A__c':'x'}"_s) << u"INVALID_FIELD"_s;
        QTest::newRow("callAttributes ok") << u"callAttributes"_s << QJsonValue(u"{\"A__c\":\"x\"}"_s) << QString();
        QTest::newRow("bad callSubtype") << u"callSubtype"_s << QJsonValue(u"SIP"_s) << u"INVALID_FIELD"_s;
        QTest::newRow("unknown call center")
            << u"callCenterApiName"_s << QJsonValue(u"nope"_s) << u"UNKNOWN_CALL_CENTER"_s;
        QTest::newRow("Transfer") << u"initiationMethod"_s << QJsonValue(u"Transfer"_s) << QString();
    }

    void bodyIsValidated() {
        QFETCH(QString, field);
        QFETCH(QJsonValue, value);
        QFETCH(QString, errorCode);
        QJsonObject body = QJsonDocument::fromJson(fixture::validBody()).object();
        if (value.isUndefined()) {
            body.remove(field);
        } else {
            body.insert(field, value);
        }
        const Answer answer = create(QJsonDocument(body).toJson());
        QCOMPARE(answer.status, errorCode.isEmpty() ? 201 : 400);
        QCOMPARE(answer.firstErrorCode(), errorCode);
        QCOMPARE(m_emulator->createdCalls().size(), errorCode.isEmpty() ? 1 : 0);
    }

    void notJson() {
        const Answer answer = create("{'callCenterApiName': 'x'}");
        QCOMPARE(answer.status, 400);
        QCOMPARE(answer.firstErrorCode(), u"INVALID_JSON"_s);
    }

    void missingToken() {
        const Answer answer = send("POST", u"/telephony/v1/voiceCalls"_s, fixture::validBody());
        QCOMPARE(answer.status, 401);
        QCOMPARE(answer.firstErrorCode(), u"MISSING_TOKEN"_s);
    }

    void routes() {
        QCOMPARE(send("GET", u"/telephony/v1/voiceCalls"_s).status, 405);
        const Answer notFound = create(fixture::validBody(), {});
        QCOMPARE(notFound.status, 201);
        QCOMPARE(send("POST", u"/telephony/v2/voiceCalls"_s, fixture::validBody()).status, 404);
        QCOMPARE(send("GET", u"/_emulator/health"_s).status, 200);
    }

    void faultByRequestHeaderWinsOverQueueAndRun() {
        m_emulator->setRunFault(*Fault::parse(u"500"_s));
        m_emulator->enqueueFault(*Fault::parse(u"drop"_s));
        QCOMPARE(create(fixture::validBody(), {{"X-Handoff-Fault", "429=7"}}).status, 429);
        QCOMPARE(m_emulator->queuedFaults(), 1); // the header did not consume the queue
        // A raw socket: QNetworkAccessManager would quietly send a buffered POST again after the drop.
        QTcpSocket raw;
        raw.connectToHost(QHostAddress::LocalHost, m_emulator->port());
        QVERIFY(raw.waitForConnected(5000));
        const QByteArray body = fixture::validBody();
        raw.write("POST /telephony/v1/voiceCalls HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                  "Content-Length: " +
                  QByteArray::number(body.size()) + "\r\n\r\n" + body);
        QTRY_COMPARE(raw.state(), QAbstractSocket::UnconnectedState);
        QVERIFY(raw.readAll().isEmpty());
        QCOMPARE(create(fixture::validBody()).status, 500); // the run's fault
        QCOMPARE(create(fixture::validBody(), {{"X-Handoff-Fault", "none"}}).status, 201);
        const Answer bad = create(fixture::validBody(), {{"X-Handoff-Fault", "explode"}});
        QCOMPARE(bad.status, 400);
        QCOMPARE(bad.firstErrorCode(), u"BAD_FAULT"_s);
        const auto log = m_emulator->requestLog();
        QCOMPARE(log.size(), 5);
        QCOMPARE(log.at(0).fault, u"429=7"_s);
        QCOMPARE(log.at(1).status, 0);
    }

    void retryAfterHeader() {
        QNetworkRequest request(m_emulator->voiceCallsUrl());
        request.setRawHeader("X-Handoff-Fault", "429=7");
        request.setRawHeader("Content-Type", "application/json");
        std::unique_ptr<QNetworkReply> reply(m_network.post(request, fixture::validBody()));
        QSignalSpy finished(reply.get(), &QNetworkReply::finished);
        QVERIFY(finished.wait(10000));
        QCOMPARE(reply->rawHeader("Retry-After"), QByteArray("7"));
    }

    void errorBodyStyles_data() {
        QTest::addColumn<int>("style");
        QTest::addColumn<bool>("topLevelArray");
        QTest::addColumn<bool>("errorsString");
        QTest::newRow("errors array") << int(emulator::EmulatorAssumptions::ErrorBody::ErrorsArray) << false << false;
        QTest::newRow("REST list") << int(emulator::EmulatorAssumptions::ErrorBody::SalesforceRest) << true << false;
        QTest::newRow("string") << int(emulator::EmulatorAssumptions::ErrorBody::ErrorsString) << false << true;
    }

    void errorBodyStyles() {
        QFETCH(int, style);
        QFETCH(bool, topLevelArray);
        QFETCH(bool, errorsString);
        emulator::EmulatorAssumptions assumptions;
        assumptions.errorBody = emulator::EmulatorAssumptions::ErrorBody(style);
        m_emulator->setAssumptions(assumptions);
        const Answer answer = send("POST", u"/telephony/v1/voiceCalls"_s, fixture::validBody());
        const QJsonDocument document = QJsonDocument::fromJson(answer.body);
        QCOMPARE(document.isArray(), topLevelArray);
        QCOMPARE(document.object().value(u"errors"_s).isString(), errorsString);
        QVERIFY(answer.body.contains("MISSING_TOKEN"));
    }
};

QTEST_GUILESS_MAIN(TestVoiceCallsEmulator)
#include "TestVoiceCallsEmulator.moc"
