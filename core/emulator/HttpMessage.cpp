#include "emulator/HttpMessage.h"

#include <QCoreApplication>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace handoff::emulator {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("handoff::emulator", text);
}

// RFC 9110 §5.6.2: the characters of a token (method, header name).
bool isTokenChar(char c) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
        return true;
    }
    return QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
}

bool isToken(QByteArrayView text) {
    if (text.isEmpty()) {
        return false;
    }
    for (const char c : text) {
        if (!isTokenChar(c)) {
            return false;
        }
    }
    return true;
}

// Field values may hold visible characters, spaces, tabs and obs-text (bytes >= 0x80), not other controls.
bool isFieldValue(QByteArrayView text) {
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if ((u < 0x20 && c != '\t') || u == 0x7f) {
            return false;
        }
    }
    return true;
}

constexpr qsizetype kMaxContentLengthDigits = 18; // fits in qint64

} // namespace

QByteArray HttpRequest::header(QByteArrayView name) const {
    for (const auto& [key, value] : headers) {
        if (QByteArrayView(key).compare(name, Qt::CaseInsensitive) == 0) {
            return value;
        }
    }
    return {};
}

QString HttpRequest::path() const {
    const qsizetype query = target.indexOf('?');
    const QByteArray raw = query < 0 ? target : target.left(query);
    return QUrl::fromPercentEncoding(raw);
}

QByteArray reasonPhrase(int status) {
    switch (status) {
    case 100:
        return "Continue";
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 408:
        return "Request Timeout";
    case 413:
        return "Content Too Large";
    case 429:
        return "Too Many Requests";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 501:
        return "Not Implemented";
    case 503:
        return "Service Unavailable";
    case 505:
        return "HTTP Version Not Supported";
    default:
        return "Status";
    }
}

QByteArray HttpResponse::serialize() const {
    if (drop) {
        return {};
    }
    QByteArray response = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    response += "Content-Type: " + contentType + "\r\n";
    response += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    for (const auto& [name, value] : headers) {
        response += name + ": " + value + "\r\n";
    }
    if (closeAfter) {
        response += "Connection: close\r\n";
    }
    response += "Server: handoff-emulator\r\n\r\n" + body;
    return response;
}

HttpRequestParser::HttpRequestParser(HttpLimits limits)
    : m_limits(limits) {}

HttpRequestParser::State HttpRequestParser::feed(QByteArrayView bytes) {
    if (m_state != State::NeedMore) {
        // A complete request waits for next(); a failed connection takes no more. Keep what a pipelining client
        // sent after a complete request, within the header limit, so that next() finds it.
        if (m_state == State::Complete && m_buffer.size() + bytes.size() <= m_limits.maxHeaderBytes + 4) {
            m_buffer.append(bytes);
        }
        return m_state;
    }
    m_buffer.append(bytes);
    return parse();
}

HttpRequestParser::State HttpRequestParser::next() {
    m_request = HttpRequest{};
    m_headersDone = false;
    m_contentLength = 0;
    m_wantsContinue = false;
    m_state = State::NeedMore;
    return parse();
}

HttpRequestParser::State HttpRequestParser::fail(int status, const char* code, QString message) {
    m_state = State::Failed;
    m_failureStatus = status;
    m_failureCode = QString::fromLatin1(code);
    m_failureMessage = std::move(message);
    m_buffer.clear();
    m_close = true;
    return m_state;
}

HttpRequestParser::State HttpRequestParser::parse() {
    if (!m_headersDone) {
        // Empty lines before a request line are ignored (RFC 9112 §2.2).
        qsizetype skip = 0;
        while (skip < m_buffer.size() && (m_buffer.at(skip) == '\r' || m_buffer.at(skip) == '\n')) {
            ++skip;
        }
        if (skip > 0) {
            m_buffer.remove(0, skip);
        }
        const qsizetype headEnd = m_buffer.indexOf("\r\n\r\n");
        if (headEnd < 0) {
            if (m_buffer.size() > m_limits.maxHeaderBytes) {
                return fail(431, "HEADERS_TOO_LARGE",
                            handoff::emulator::tr("The request line and headers are longer than %1 bytes.")
                                .arg(m_limits.maxHeaderBytes));
            }
            return m_state;
        }
        if (headEnd + 4 > m_limits.maxHeaderBytes) {
            return fail(431, "HEADERS_TOO_LARGE",
                        handoff::emulator::tr("The request line and headers are longer than %1 bytes.")
                            .arg(m_limits.maxHeaderBytes));
        }
        if (parseHead(headEnd) == State::Failed) {
            return m_state;
        }
        m_buffer.remove(0, headEnd + 4);
        m_headersDone = true;
        m_wantsContinue = m_wantsContinue && m_contentLength > m_buffer.size();
    }
    if (m_buffer.size() < m_contentLength) {
        return m_state;
    }
    m_request.body = m_buffer.left(m_contentLength);
    m_buffer.remove(0, m_contentLength);
    m_wantsContinue = false;
    m_state = State::Complete;
    return m_state;
}

HttpRequestParser::State HttpRequestParser::parseHead(qsizetype headEnd) {
    const QByteArrayView head(m_buffer.constData(), headEnd);
    qsizetype lineEnd = head.indexOf("\r\n");
    const QByteArrayView requestLine = lineEnd < 0 ? head : head.first(lineEnd);
    const QList<QByteArray> parts = requestLine.toByteArray().split(' ');
    if (parts.size() != 3 || !isToken(parts.at(0)) || parts.at(1).isEmpty()) {
        return fail(400, "BAD_REQUEST", handoff::emulator::tr("The request line is not \"METHOD /path HTTP/1.1\"."));
    }
    if (parts.at(1).at(0) != '/' || !isFieldValue(parts.at(1))) {
        return fail(400, "BAD_REQUEST",
                    handoff::emulator::tr("The request target must be a path starting with \"/\"."));
    }
    const QByteArray& version = parts.at(2);
    if (version != "HTTP/1.1" && version != "HTTP/1.0") {
        return fail(505, "HTTP_VERSION_NOT_SUPPORTED",
                    handoff::emulator::tr("Only HTTP/1.1 and HTTP/1.0 are served; the request said \"%1\".")
                        .arg(QString::fromLatin1(version.left(20))));
    }
    m_request.method = parts.at(0);
    m_request.target = parts.at(1);
    bool keepAlive = version == "HTTP/1.1";
    bool haveLength = false;
    bool haveTransferEncoding = false;
    while (lineEnd >= 0) {
        const qsizetype start = lineEnd + 2;
        lineEnd = head.indexOf("\r\n", start);
        const QByteArrayView line = head.sliced(start, (lineEnd < 0 ? head.size() : lineEnd) - start);
        if (line.startsWith(' ') || line.startsWith('\t')) {
            return fail(400, "BAD_REQUEST",
                        handoff::emulator::tr("A header line is folded (starts with a space); send each header on "
                                              "one line."));
        }
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0 || !isToken(line.first(colon))) {
            return fail(400, "BAD_REQUEST", handoff::emulator::tr("A header line is not \"Name: value\"."));
        }
        if (m_request.headers.size() >= m_limits.maxHeaderCount) {
            return fail(431, "HEADERS_TOO_LARGE",
                        handoff::emulator::tr("The request has more than %1 headers.").arg(m_limits.maxHeaderCount));
        }
        const QByteArray name = line.first(colon).toByteArray();
        const QByteArray value = line.sliced(colon + 1).toByteArray().trimmed();
        if (!isFieldValue(value)) {
            return fail(400, "BAD_REQUEST",
                        handoff::emulator::tr("The value of header %1 holds control characters.")
                            .arg(QString::fromLatin1(name)));
        }
        m_request.headers.append({name, value});
        if (name.compare("content-length", Qt::CaseInsensitive) == 0) {
            bool ok = !value.isEmpty() && value.size() <= kMaxContentLengthDigits;
            for (const char c : value) {
                ok = ok && c >= '0' && c <= '9';
            }
            const qsizetype length = ok ? qsizetype(value.toLongLong()) : -1;
            if (!ok || (haveLength && length != m_contentLength)) {
                return fail(400, "BAD_REQUEST", handoff::emulator::tr("Content-Length is not one decimal number."));
            }
            if (length > m_limits.maxBodyBytes) {
                return fail(413, "BODY_TOO_LARGE",
                            handoff::emulator::tr("The body is %1 bytes; the emulator accepts at most %2.")
                                .arg(length)
                                .arg(m_limits.maxBodyBytes));
            }
            haveLength = true;
            m_contentLength = length;
        } else if (name.compare("transfer-encoding", Qt::CaseInsensitive) == 0) {
            haveTransferEncoding = true;
        } else if (name.compare("connection", Qt::CaseInsensitive) == 0) {
            const QByteArray lower = value.toLower();
            if (lower.contains("close")) {
                keepAlive = false;
            } else if (lower.contains("keep-alive")) {
                keepAlive = true;
            }
        } else if (name.compare("expect", Qt::CaseInsensitive) == 0) {
            m_wantsContinue = value.compare("100-continue", Qt::CaseInsensitive) == 0;
        }
    }
    if (haveTransferEncoding) {
        return fail(501, "TRANSFER_ENCODING_NOT_SUPPORTED",
                    handoff::emulator::tr("Transfer-Encoding is not supported; send the body with Content-Length."));
    }
    m_close = !keepAlive;
    return m_state;
}

} // namespace handoff::emulator
