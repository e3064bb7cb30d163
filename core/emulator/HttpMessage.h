#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

#include <utility>

namespace handoff::emulator {

// An HTTP request as plain data: what the emulator's handler needs, and all a test or a fuzzer has to build.
struct HttpRequest {
    QByteArray method;                                // "POST", as sent (methods are case-sensitive)
    QByteArray target;                                // the request target, "/telephony/v1/voiceCalls?x=1"
    QList<std::pair<QByteArray, QByteArray>> headers; // in order, values trimmed
    QByteArray body;

    // The first header of that name (case-insensitive), trimmed; empty when absent.
    QByteArray header(QByteArrayView name) const;
    // The target without its query, percent-decoded.
    QString path() const;
};

// An answer as plain data. `drop` closes the connection without an answer; `delayMs` answers that much later.
struct HttpResponse {
    int status = 200;
    QByteArray contentType = "application/json;charset=UTF-8";
    QList<std::pair<QByteArray, QByteArray>> headers; // extra headers (Allow, Retry-After, ...)
    QByteArray body;
    bool drop = false;
    int delayMs = 0;
    bool closeAfter = false; // send "Connection: close" and close once written

    // The bytes on the wire: status line, headers, body.
    QByteArray serialize() const;
};

QByteArray reasonPhrase(int status);

// The emulator's own limits, applied at the socket before a request reaches the handler.
struct HttpLimits {
    qsizetype maxHeaderBytes = 16 * 1024; // request line and headers together
    qsizetype maxHeaderCount = 100;       // header lines
    qsizetype maxBodyBytes = 1024 * 1024; // Content-Length at most this
    int idleTimeoutMs = 10000;            // no byte for this long: the connection is closed
    int requestTimeoutMs = 30000;         // a request must be complete this long after its first byte
    int maxConnections = 256;             // open connections at once; more are answered 503 and closed
};

// Reads one HTTP/1.1 request from bytes as they arrive, within HttpLimits. Bytes after a complete request stay
// buffered for the next one (keep-alive, pipelining): call next() to start on them.
class HttpRequestParser final {
public:
    enum class State { NeedMore, Complete, Failed };

    explicit HttpRequestParser(HttpLimits limits = {});

    // Adds bytes and parses as far as they go.
    State feed(QByteArrayView bytes);
    State state() const { return m_state; }
    // With Complete: the request.
    const HttpRequest& request() const { return m_request; }
    // With Failed: the status to answer (400, 413, 431, 501, 505), a reason code and a message for a person.
    int failureStatus() const { return m_failureStatus; }
    const QString& failureCode() const { return m_failureCode; }
    const QString& failureMessage() const { return m_failureMessage; }
    // The headers are in and the client asked "Expect: 100-continue" for a body it has not sent yet.
    bool wantsContinue() const { return m_wantsContinue; }
    void continueSent() { m_wantsContinue = false; }
    // Whether the client asked to close after this request (Connection: close, or HTTP/1.0 without keep-alive).
    bool closeRequested() const { return m_close; }
    // Bytes of the current (incomplete) request received so far, 0 between requests.
    bool inRequest() const { return !m_buffer.isEmpty() || m_headersDone; }

    // After Complete: forget the request and parse what is buffered after it.
    State next();

private:
    State parse();
    State fail(int status, const char* code, QString message);
    State parseHead(qsizetype headEnd);

    HttpLimits m_limits;
    State m_state = State::NeedMore;
    QByteArray m_buffer;
    HttpRequest m_request;
    bool m_headersDone = false;
    qsizetype m_contentLength = 0;
    bool m_wantsContinue = false;
    bool m_close = false;
    int m_failureStatus = 0;
    QString m_failureCode;
    QString m_failureMessage;
};

} // namespace handoff::emulator
