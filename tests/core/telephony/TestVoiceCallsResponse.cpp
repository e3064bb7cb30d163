#include "telephony/VoiceCallsClient.h"
#include "telephony/VoiceCallsResponse.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace handoff::telephony;

class TestVoiceCallsResponse final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void explain_data() {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<CallOutcome>("outcome");
        QTest::addColumn<QString>("id18");
        QTest::addColumn<QStringList>("errors");
        QTest::addColumn<QStringList>("codes");

        // The documented sample answer (docs/emulator.md): a 15-character id, given back with its 18-character form.
        QTest::newRow("documented success")
            << 200 << QByteArray(R"({"voiceCallId":"0LQRM0000006CSz","errors":[]})") << CallOutcome::Success
            << u"0LQRM0000006CSzOAM"_s << QStringList{} << QStringList{u"TEL020"_s};
        QTest::newRow("errors as string")
            << 201 << QByteArray(R"({"voiceCallId":"0LQRM0000006CSz","errors":"Bad field"})") << CallOutcome::Success
            << u"0LQRM0000006CSzOAM"_s << QStringList{u"Bad field"_s} << QStringList{u"TEL021"_s};
        QTest::newRow("success without id") << 201 << QByteArray(R"({"errors":[]})") << CallOutcome::Failure
                                            << QString() << QStringList{} << QStringList{u"TEL031"_s};
        QTest::newRow("html on 200") << 200 << QByteArray("<html>login</html>") << CallOutcome::Failure << QString()
                                     << QStringList{} << QStringList{u"TEL031"_s};
        QTest::newRow("400 objects") << 400
                                     << QByteArray(R"({"errors":[{"errorCode":"MISSING_FIELD","message":"to"}]})")
                                     << CallOutcome::Failure << QString() << QStringList{u"MISSING_FIELD: to"_s}
                                     << QStringList{u"TEL032"_s};
        QTest::newRow("401 rest list") << 401
                                       << QByteArray(R"([{"errorCode":"INVALID_SESSION_ID","message":"expired"}])")
                                       << CallOutcome::Failure << QString()
                                       << QStringList{u"INVALID_SESSION_ID: expired"_s} << QStringList{u"TEL026"_s};
        QTest::newRow("403") << 403 << QByteArray(R"({"message":"no"})") << CallOutcome::Failure << QString()
                             << QStringList{u"no"_s} << QStringList{u"TEL027"_s};
        QTest::newRow("404 html") << 404 << QByteArray("<h1>Not found</h1>") << CallOutcome::Failure << QString()
                                  << QStringList{} << QStringList{u"TEL028"_s, u"TEL031"_s};
        QTest::newRow("429") << 429 << QByteArray(R"({"errors":["slow down"]})") << CallOutcome::Failure << QString()
                             << QStringList{u"slow down"_s} << QStringList{u"TEL029"_s};
        QTest::newRow("503 empty") << 503 << QByteArray() << CallOutcome::Failure << QString() << QStringList{}
                                   << QStringList{u"TEL030"_s};
        QTest::newRow("418") << 418 << QByteArray("{}") << CallOutcome::Failure << QString() << QStringList{}
                             << QStringList{u"TEL035"_s};
    }

    void explain() {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(CallOutcome, outcome);
        QFETCH(QString, id18);
        QFETCH(QStringList, errors);
        QFETCH(QStringList, codes);
        VoiceCallResult result;
        explainHttpAnswer(status, body, &result);
        QCOMPARE(result.outcome, outcome);
        QCOMPARE(result.httpStatus, status);
        QCOMPARE(result.voiceCallId18.isEmpty(), id18.isEmpty());
        if (!id18.isEmpty()) {
            QCOMPARE(result.voiceCallId18.left(15), id18.left(15));
            QCOMPARE(result.voiceCallId18.size(), 18);
        }
        QCOMPARE(result.errors, errors);
        QStringList got;
        for (const auto& d : result.diagnostics) {
            got << d.code;
        }
        QCOMPARE(got, codes);
    }

    void unauthorisedExplainsLikelyCauses() {
        VoiceCallResult result;
        explainHttpAnswer(401, R"({"errors":[{"errorCode":"TOKEN_EXPIRED","message":"expired at X"}]})", &result);
        const QString message = result.diagnostics.constFirst().message;
        QVERIFY(message.contains(u"TOKEN_EXPIRED: expired at X"_s));
        QVERIFY(message.contains(u"iss"_s));
        QVERIFY(message.contains(u"sub"_s));
        QVERIFY(message.contains(u"jti"_s));
    }

    void networkErrors_data() {
        QTest::addColumn<int>("error");
        QTest::addColumn<QString>("code");
        QTest::newRow("DNS") << int(QNetworkReply::HostNotFoundError) << u"TEL022"_s;
        QTest::newRow("TLS") << int(QNetworkReply::SslHandshakeFailedError) << u"TEL023"_s;
        QTest::newRow("refused") << int(QNetworkReply::ConnectionRefusedError) << u"TEL024"_s;
        QTest::newRow("closed") << int(QNetworkReply::RemoteHostClosedError) << u"TEL024"_s;
        QTest::newRow("resend refused") << int(QNetworkReply::ContentReSendError) << u"TEL024"_s;
        QTest::newRow("timeout") << int(QNetworkReply::TimeoutError) << u"TEL025"_s;
        QTest::newRow("other") << int(QNetworkReply::ProtocolFailure) << u"TEL024"_s;
    }

    void networkErrors() {
        QFETCH(int, error);
        QFETCH(QString, code);
        const auto d = explainNetworkError(QNetworkReply::NetworkError(error), u"detail"_s,
                                           QUrl(u"https://acme.my.salesforce-scrt.com/telephony/v1/voiceCalls"_s));
        QCOMPARE(d.code, code);
        QVERIFY(d.message.contains(u"acme.my.salesforce-scrt.com"_s));
    }

    void endpoint_data() {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("loopback");
        QTest::newRow("bare domain") << u"mycompany.my.salesforce-scrt.com"_s
                                     << u"https://mycompany.my.salesforce-scrt.com/telephony/v1/voiceCalls"_s << false;
        QTest::newRow("help article form")
            << u"mycompany.my.salesforce-scrt.com/telephony/v1"_s
            << u"https://mycompany.my.salesforce-scrt.com/telephony/v1/voiceCalls"_s << false;
        QTest::newRow("full url") << u"https://MyCompany.my.salesforce-scrt.com/telephony/v1/"_s
                                  << u"https://mycompany.my.salesforce-scrt.com/telephony/v1/voiceCalls"_s << false;
        QTest::newRow("emulator http") << u"http://127.0.0.1:8443"_s
                                       << u"http://127.0.0.1:8443/telephony/v1/voiceCalls"_s << true;
        QTest::newRow("emulator https path")
            << u"https://localhost:9000/telephony/v1"_s << u"https://localhost:9000/telephony/v1/voiceCalls"_s << true;
        QTest::newRow("lightning domain") << u"https://mycompany.lightning.force.com"_s << QString() << false;
        QTest::newRow("stranger") << u"https://example.com/telephony/v1"_s << QString() << false;
        QTest::newRow("empty") << QString() << QString() << false;
    }

    void endpoint() {
        QFETCH(QString, input);
        QFETCH(QString, url);
        QFETCH(bool, loopback);
        const Endpoint endpoint = resolveEndpoint(input);
        QCOMPARE(endpoint.voiceCallsUrl.toString(), url);
        QCOMPARE(endpoint.loopback, loopback);
        QCOMPARE(handoff::diagnostics::hasErrors(endpoint.diagnostics), url.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestVoiceCallsResponse)
#include "TestVoiceCallsResponse.moc"
