// The emulator under attack (issue 13, item 5): the plain-data handler refuses forged and replayed tokens, and the
// socket layer bounds what a client can make it hold or wait for.
#include "EmulatorFixture.h"
#include "emulator/HttpMessage.h"
#include "emulator/VoiceCallsEmulator.h"
#include "jwt/Jwt.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace handoff;
using handoff::emulator::HttpLimits;
using handoff::emulator::HttpRequest;
using handoff::emulator::HttpRequestParser;
using handoff::emulator::HttpResponse;
using handoff::emulator::VoiceCallsEmulator;

namespace {
constexpr qint64 kNow = 1795000000;

QString errorCode(const HttpResponse& response) {
    return QJsonDocument::fromJson(response.body)
        .object()
        .value(u"errors"_s)
        .toArray()
        .at(0)
        .toObject()
        .value(u"errorCode"_s)
        .toString();
}

QString errorMessage(const QByteArray& body) {
    return QJsonDocument::fromJson(body)
        .object()
        .value(u"errors"_s)
        .toArray()
        .at(0)
        .toObject()
        .value(u"message"_s)
        .toString();
}

QByteArray part(const QJsonObject& object) {
    return jwt::base64UrlEncode(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QJsonObject claims(const Clock& clock, const QString& iss = fixture::kOrgId) {
    return QJsonObject{{u"iss"_s, iss},
                       {u"sub"_s, fixture::kCallCenter},
                       {u"iat"_s, clock.nowSecs()},
                       {u"exp"_s, clock.nowSecs() + 300}};
}

// A token with any header, RS256-signed with `key`.
QByteArray rs256Token(const QJsonObject& header, const QJsonObject& payload, const crypto::PrivateKey& key) {
    const QByteArray input = part(header) + '.' + part(payload);
    return input + '.' + jwt::base64UrlEncode(jwt::signRs256(input, key).value_or(QByteArray()));
}

// Reads one HTTP answer from a raw socket: status and body (Content-Length framed).
struct RawAnswer {
    int status = 0;
    QByteArray head;
    QByteArray body;
};

// The emulator runs in this thread: every wait here spins the event loop (never a blocking socket wait).
RawAnswer readAnswer(QTcpSocket& socket, QByteArray* buffer, int timeoutMs = 15000) {
    RawAnswer answer;
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < timeoutMs) {
        *buffer += socket.readAll();
        const qsizetype headEnd = buffer->indexOf("\r\n\r\n");
        if (headEnd >= 0) {
            const QByteArray head = buffer->left(headEnd);
            const qsizetype at = head.toLower().indexOf("content-length: ");
            const qsizetype length = at < 0 ? 0 : head.mid(at + 16).split('\r').at(0).toLongLong();
            if (buffer->size() >= headEnd + 4 + length) {
                answer.head = head;
                answer.status = head.mid(9, 3).toInt();
                answer.body = buffer->mid(headEnd + 4, length);
                buffer->remove(0, headEnd + 4 + length);
                return answer;
            }
        }
        if (socket.state() == QAbstractSocket::UnconnectedState && socket.bytesAvailable() == 0) {
            return answer;
        }
        QTest::qWait(5);
    }
    return answer;
}

} // namespace

class TestEmulatorAttacks final : public QObject {
    Q_OBJECT

private:
    FixedClock m_clock = FixedClock::atSecs(kNow);
    std::unique_ptr<VoiceCallsEmulator> m_emulator;

    HttpResponse post(const QByteArray& token, const QByteArray& body = fixture::validBody()) {
        HttpRequest request;
        request.method = "POST";
        request.target = "/telephony/v1/voiceCalls";
        request.headers = {{"Authorization", "Bearer " + token}, {"Content-Type", "application/json"}};
        request.body = body;
        return m_emulator->handleRequest(request);
    }

    QTcpSocket* connectRaw() {
        auto* socket = new QTcpSocket(m_emulator.get());
        socket->connectToHost(QHostAddress::LocalHost, m_emulator->port());
        QSignalSpy connected(socket, &QTcpSocket::connected);
        return socket->state() == QAbstractSocket::ConnectedState || connected.wait(10000) ? socket : nullptr;
    }

    RawAnswer readAnswer(QTcpSocket& socket) { return ::readAnswer(socket, &m_buffers[&socket]); }
    QHash<QTcpSocket*, QByteArray> m_buffers;

private Q_SLOTS:
    void init() {
        m_emulator = std::make_unique<VoiceCallsEmulator>(m_clock);
        QVERIFY(m_emulator->registerCertificate(fixture::kOrgId, fixture::testCertificate(), {fixture::kCallCenter}));
    }

    void cleanup() {
        m_buffers.clear();
        m_emulator.reset();
    }

    // ---- the plain-data handler

    void validTokenIsAccepted() {
        const HttpResponse response = post(fixture::token(m_clock));
        QCOMPARE(response.status, 201);
        QVERIFY(QJsonDocument::fromJson(response.body).object().value(u"voiceCallId"_s).toString().startsWith(u"0LQ"));
    }

    void algNoneIsRefused() {
        const QByteArray token =
            part(QJsonObject{{u"alg"_s, u"none"_s}, {u"typ"_s, u"JWT"_s}}) + '.' + part(claims(m_clock)) + '.';
        const HttpResponse response = post(token);
        QCOMPARE(response.status, 401);
        QCOMPARE(errorCode(response), u"UNSUPPORTED_ALGORITHM"_s);
        QVERIFY(m_emulator->createdCalls().isEmpty());
    }

    // The classic confusion: HS256 with the registered certificate's public key (which anyone has) as the secret.
    void hs256WithThePublicKeyAsSecretIsRefused() {
        const QByteArray input =
            part(QJsonObject{{u"alg"_s, u"HS256"_s}, {u"typ"_s, u"JWT"_s}}) + '.' + part(claims(m_clock));
        for (const QByteArray& secret :
             {fixture::testCertificate().publicKey().toPem(), fixture::testCertificate().toPem(),
              fixture::testCertificate().publicKey().spkiDer()}) {
            const QByteArray mac = QMessageAuthenticationCode::hash(input, secret, QCryptographicHash::Sha256);
            const HttpResponse response = post(input + '.' + jwt::base64UrlEncode(mac));
            QCOMPARE(response.status, 401);
            QCOMPARE(errorCode(response), u"UNSUPPORTED_ALGORITHM"_s);
        }
        QVERIFY(m_emulator->createdCalls().isEmpty());
    }

    // kid, jku and x5u point at keys elsewhere; the emulator never fetches or selects by them: the registered
    // certificate alone decides.
    void keyLocationHeadersAreIgnored_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("value");
        QTest::newRow("kid") << u"kid"_s << u"../../../../dev/null"_s;
        QTest::newRow("jku") << u"jku"_s << u"https://attacker.invalid/jwks.json"_s;
        QTest::newRow("x5u") << u"x5u"_s << u"https://attacker.invalid/cert.pem"_s;
    }
    void keyLocationHeadersAreIgnored() {
        QFETCH(QString, name);
        QFETCH(QString, value);
        const QJsonObject header{{u"alg"_s, u"RS256"_s}, {u"typ"_s, u"JWT"_s}, {name, value}};
        // Signed by another key, which the header "points to": refused.
        const HttpResponse forged =
            post(rs256Token(header, claims(m_clock), fixture::testKey("other-rsa2048-test-only.pem")));
        QCOMPARE(forged.status, 401);
        QCOMPARE(errorCode(forged), u"INVALID_SIGNATURE"_s);
        // Signed by the registered key: the header changes nothing.
        QCOMPARE(post(rs256Token(header, claims(m_clock), fixture::testKey())).status, 201);
    }

    void replayedJtiIsRefused() {
        const QByteArray token = fixture::token(m_clock);
        QCOMPARE(post(token).status, 201);
        const HttpResponse replay = post(token);
        QCOMPARE(replay.status, 401);
        QCOMPARE(errorCode(replay), u"REPLAYED_JTI"_s);
        QCOMPARE(m_emulator->createdCalls().size(), 1);
    }

    void tokenForAnotherOrgIsRefused() {
        // Well-formed and correctly signed, but for an org where this certificate is not registered.
        const HttpResponse response = post(fixture::token(m_clock, u"00DHs0000000002"_s));
        QCOMPARE(response.status, 401);
        QCOMPARE(errorCode(response), u"UNKNOWN_ISSUER"_s);
        // Registered for another org too, the key does not open this org's calls.
        QVERIFY(m_emulator->registerCertificate(
            u"00DHs0000000002"_s,
            *crypto::Certificate::load(u"" HANDOFF_TEST_DATA "/other-rsa2048-test-only.crt.pem"_s),
            {fixture::kCallCenter}));
        const HttpResponse crossed = post(fixture::token(m_clock, u"00DHs0000000002"_s));
        QCOMPARE(crossed.status, 401);
        QCOMPARE(errorCode(crossed), u"INVALID_SIGNATURE"_s);
    }

    void invalidUtf8IsRefused() {
        QByteArray body = fixture::validBody();
        body.replace("conv-1", "conv-\xc3\x28\xff");
        const HttpResponse response = post(fixture::token(m_clock), body);
        QCOMPARE(response.status, 400);
        QCOMPARE(errorCode(response), u"INVALID_JSON"_s);
        QVERIFY(!errorMessage(response.body).isEmpty());
        // In the token: not a JWT.
        const HttpResponse token = post("eyJ\xff\xfe.\xc3\x28.x");
        QCOMPARE(token.status, 401);
        QCOMPARE(errorCode(token), u"MALFORMED_TOKEN"_s);
        QVERIFY(m_emulator->createdCalls().isEmpty());
    }

    // ---- the request reader

    void readerTakesRequestsInPiecesAndPipelined() {
        const QByteArray body = fixture::validBody();
        const QByteArray one = "POST /telephony/v1/voiceCalls?x=1 HTTP/1.1\r\nHost: a\r\nContent-Length: " +
                               QByteArray::number(body.size()) + "\r\n\r\n" + body;
        const QByteArray two = "GET /_emulator/health HTTP/1.1\r\nConnection: close\r\n\r\n";
        HttpRequestParser parser;
        const QByteArray all = one + two;
        HttpRequestParser::State state = HttpRequestParser::State::NeedMore;
        qsizetype at = 0;
        for (; at < all.size() && state == HttpRequestParser::State::NeedMore; at += 7) {
            state = parser.feed(QByteArrayView(all).sliced(at, qMin<qsizetype>(7, all.size() - at)));
        }
        QCOMPARE(state, HttpRequestParser::State::Complete);
        QCOMPARE(parser.request().method, QByteArray("POST"));
        QCOMPARE(parser.request().path(), u"/telephony/v1/voiceCalls"_s);
        QCOMPARE(parser.request().body, body);
        QVERIFY(!parser.closeRequested());
        // What arrives while a request waits for its answer is kept for the next one.
        for (; at < all.size(); at += 7) {
            QCOMPARE(parser.feed(QByteArrayView(all).sliced(at, qMin<qsizetype>(7, all.size() - at))),
                     HttpRequestParser::State::Complete);
        }
        QCOMPARE(parser.next(), HttpRequestParser::State::Complete);
        QCOMPARE(parser.request().path(), u"/_emulator/health"_s);
        QVERIFY(parser.closeRequested());
    }

    void readerRefuses_data() {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        const QByteArray ok = "POST /telephony/v1/voiceCalls HTTP/1.1\r\n";
        QTest::newRow("body over the limit") << ok + "Content-Length: 1048577\r\n\r\n" << 413 << u"BODY_TOO_LARGE"_s;
        QTest::newRow("huge length") << ok + "Content-Length: 99999999999999999999\r\n\r\n" << 400 << u"BAD_REQUEST"_s;
        QTest::newRow("two lengths") << ok + "Content-Length: 2\r\nContent-Length: 3\r\n\r\n{}" << 400
                                     << u"BAD_REQUEST"_s;
        QTest::newRow("signed length") << ok + "Content-Length: -1\r\n\r\n" << 400 << u"BAD_REQUEST"_s;
        QTest::newRow("headers over the limit") << ok + "X-Pad: " + QByteArray(17000, 'a') + "\r\n\r\n"
                                                << 431 << u"HEADERS_TOO_LARGE"_s;
        QByteArray many = ok;
        for (int i = 0; i < 101; ++i) {
            many += "X-" + QByteArray::number(i) + ": 1\r\n";
        }
        QTest::newRow("too many headers") << many + "\r\n" << 431 << u"HEADERS_TOO_LARGE"_s;
        QTest::newRow("chunked") << ok + "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n"
                                 << 501 << u"TRANSFER_ENCODING_NOT_SUPPORTED"_s;
        QTest::newRow("HTTP/2 preface") << QByteArray("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n") << 400 << u"BAD_REQUEST"_s;
        QTest::newRow("version") << QByteArray("GET / HTTP/3.0\r\n\r\n") << 505 << u"HTTP_VERSION_NOT_SUPPORTED"_s;
        QTest::newRow("folded header") << ok + "X-A: 1\r\n  folded\r\n\r\n" << 400 << u"BAD_REQUEST"_s;
        QTest::newRow("space before colon") << ok + "Host : a\r\n\r\n" << 400 << u"BAD_REQUEST"_s;
        QTest::newRow("control character") << ok + "X-A: a\x01z\r\n\r\n" << 400 << u"BAD_REQUEST"_s;
        QTest::newRow("not a path") << QByteArray("GET http://x/ HTTP/1.1\r\n\r\n") << 400 << u"BAD_REQUEST"_s;
    }
    void readerRefuses() {
        QFETCH(QByteArray, bytes);
        QFETCH(int, status);
        QFETCH(QString, code);
        HttpRequestParser parser;
        QCOMPARE(parser.feed(bytes), HttpRequestParser::State::Failed);
        QCOMPARE(parser.failureStatus(), status);
        QCOMPARE(parser.failureCode(), code);
        QVERIFY(!parser.failureMessage().isEmpty());
        QVERIFY(parser.closeRequested());
    }

    // Header bytes without an end are refused once past the limit, however many more arrive.
    void readerHoldsAtMostTheHeaderLimit() {
        HttpLimits limits;
        limits.maxHeaderBytes = 1024;
        HttpRequestParser parser(limits);
        QCOMPARE(parser.feed("GET / HTTP/1.1\r\nX-A: "), HttpRequestParser::State::NeedMore);
        HttpRequestParser::State state = HttpRequestParser::State::NeedMore;
        int pieces = 0;
        while (state == HttpRequestParser::State::NeedMore && pieces < 1000) {
            state = parser.feed(QByteArray(100, 'x'));
            ++pieces;
        }
        QCOMPARE(state, HttpRequestParser::State::Failed);
        QCOMPARE(parser.failureStatus(), 431);
        QVERIFY(pieces <= 11);
    }

    void expectContinue() {
        HttpRequestParser parser;
        QCOMPARE(parser.feed("POST /x HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n"),
                 HttpRequestParser::State::NeedMore);
        QVERIFY(parser.wantsContinue());
        parser.continueSent();
        QCOMPARE(parser.feed("{}"), HttpRequestParser::State::Complete);
        QCOMPARE(parser.request().body, QByteArray("{}"));
    }

    // ---- at the socket

    void oversizedBodyIsAnsweredAndClosed() {
        QVERIFY(m_emulator->listen());
        QTcpSocket* socket = connectRaw();
        QVERIFY(socket);
        socket->write(
            "POST /telephony/v1/voiceCalls HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 1073741824\r\n\r\n");
        socket->write(QByteArray(64 * 1024, '{')); // the client goes on sending; the emulator does not keep it
        const RawAnswer answer = readAnswer(*socket);
        QCOMPARE(answer.status, 413);
        QVERIFY(errorMessage(answer.body).contains(u"1048576"_s));
        QVERIFY(answer.head.contains("Connection: close"));
        QTRY_COMPARE_WITH_TIMEOUT(socket->state(), QAbstractSocket::UnconnectedState, 15000);
        QCOMPARE(m_emulator->requestLog().constLast().errorCode, u"BODY_TOO_LARGE"_s);
    }

    void oversizedHeaderIsAnsweredAndClosed() {
        QVERIFY(m_emulator->listen());
        QTcpSocket* socket = connectRaw();
        QVERIFY(socket);
        socket->write("GET /_emulator/health HTTP/1.1\r\nX-Pad: ");
        for (int i = 0; i < 64; ++i) {
            socket->write(QByteArray(1024, 'a'));
        }
        const RawAnswer answer = readAnswer(*socket);
        QCOMPARE(answer.status, 431);
        QVERIFY(!errorMessage(answer.body).isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(socket->state(), QAbstractSocket::UnconnectedState, 15000);
    }

    // Slow-loris: a byte at a time keeps the connection busy, never idle; the request deadline ends it.
    void slowRequestIsTimeLimited() {
        HttpLimits limits;
        limits.idleTimeoutMs = 2000;
        limits.requestTimeoutMs = 600;
        m_emulator->setLimits(limits);
        QVERIFY(m_emulator->listen());
        QTcpSocket* socket = connectRaw();
        QVERIFY(socket);
        const QByteArray request = "GET /_emulator/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: "
                                   "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n\r\n";
        qsizetype sent = 0;
        while (socket->state() == QAbstractSocket::ConnectedState && sent < request.size() &&
               !socket->bytesAvailable()) {
            socket->write(request.mid(sent++, 1));
            QTest::qWait(50);
        }
        QVERIFY2(sent < request.size(), "the trickled request was served instead of timed out");
        const RawAnswer answer = readAnswer(*socket);
        QCOMPARE(answer.status, 408);
        QCOMPARE(QJsonDocument::fromJson(answer.body)
                     .object()
                     .value(u"errors"_s)
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(u"errorCode"_s)
                     .toString(),
                 u"REQUEST_TIMEOUT"_s);
        QTRY_COMPARE_WITH_TIMEOUT(socket->state(), QAbstractSocket::UnconnectedState, 15000);
    }

    // A partial request, then silence: answered 408 after the idle time, and closed.
    void idlePartialRequestIsClosed() {
        HttpLimits limits;
        limits.idleTimeoutMs = 300;
        m_emulator->setLimits(limits);
        QVERIFY(m_emulator->listen());
        QTcpSocket* socket = connectRaw();
        QVERIFY(socket);
        socket->write("POST /telephony/v1/voiceCalls HTTP/1.1\r\nContent-Length: 10\r\n\r\n{");
        const RawAnswer answer = readAnswer(*socket);
        QCOMPARE(answer.status, 408);
        QTRY_COMPARE_WITH_TIMEOUT(socket->state(), QAbstractSocket::UnconnectedState, 15000);
        // An idle connection between requests is closed without an answer.
        QTcpSocket* quiet = connectRaw();
        QVERIFY(quiet);
        QTRY_COMPARE_WITH_TIMEOUT(quiet->state(), QAbstractSocket::UnconnectedState, 15000);
        QVERIFY(quiet->readAll().isEmpty());
    }

    void keepAliveServesSeveralRequestsInOrder() {
        QVERIFY(m_emulator->listen());
        QTcpSocket* socket = connectRaw();
        QVERIFY(socket);
        const QByteArray body = fixture::validBody();
        const QByteArray post =
            "POST /telephony/v1/voiceCalls HTTP/1.1\r\nAuthorization: Bearer " + fixture::token(m_clock) +
            "\r\nX-Handoff-Fault: latency=200\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" +
            body;
        // Pipelined: the delayed create first, the health check second; the answers come in that order.
        socket->write(post + "GET /_emulator/health HTTP/1.1\r\n\r\n");
        QCOMPARE(readAnswer(*socket).status, 201);
        QCOMPARE(readAnswer(*socket).status, 200);
        QCOMPARE(socket->state(), QAbstractSocket::ConnectedState);
    }

    void tooManyConnectionsAreRefused() {
        HttpLimits limits;
        limits.maxConnections = 2;
        m_emulator->setLimits(limits);
        QVERIFY(m_emulator->listen());
        QTcpSocket* a = connectRaw();
        QTcpSocket* b = connectRaw();
        QVERIFY(a && b);
        QTRY_VERIFY(m_emulator->requestLog().isEmpty()); // let both be accepted
        QTcpSocket* c = connectRaw();
        QVERIFY(c);
        const RawAnswer answer = readAnswer(*c);
        QCOMPARE(answer.status, 503);
        // The first two are still served.
        a->write("GET /_emulator/health HTTP/1.1\r\n\r\n");
        QCOMPARE(readAnswer(*a).status, 200);
    }
};

QTEST_GUILESS_MAIN(TestEmulatorAttacks)
#include "TestEmulatorAttacks.moc"
