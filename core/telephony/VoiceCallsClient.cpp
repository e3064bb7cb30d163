#include "telephony/VoiceCallsClient.h"

#include "diagnostics/Catalog.h"
#include "jwt/Jwt.h"
#include "telephony/VoiceCallsResponse.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QSslCertificate>
#include <QSslError>
#include <QThread>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace handoff::telephony {

namespace {

// Qt's network manager runs HTTP in a worker thread named "QNetworkAccessManager thread". Its destructor waits for
// that thread with QThread::wait(), which returns once the thread's run has ended but before the thread has run its
// exit handlers, where OpenSSL frees the thread's random-generator state. A process that exits inside that window
// exits with the state still allocated: harmless, but LeakSanitizer reports it as a leak and turns the exit code to
// 1 (docs/hardening.md, tlsPrintsThePin). At application teardown, let such threads end first: at most 5 s, and no
// wait at all when they are gone already. Linux names threads in /proc; elsewhere there is nothing to wait for.
void waitForNetworkThreads() {
#ifdef Q_OS_LINUX
    QElapsedTimer timer;
    timer.start();
    const QDir tasks(QStringLiteral("/proc/self/task"));
    while (timer.elapsed() < 5000) {
        bool running = false;
        for (const QString& task : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
            QFile name(tasks.filePath(task + QStringLiteral("/comm")));
            if (name.open(QIODevice::ReadOnly) && name.readAll().startsWith("QNetworkAccess")) {
                running = true;
                break;
            }
        }
        if (!running) {
            return;
        }
        QThread::msleep(2);
    }
#endif
}

Q_LOGGING_CATEGORY(lcTelephony, "handoff.telephony", QtInfoMsg)

QString tr(const char* text) {
    return QCoreApplication::translate("handoff::telephony", text);
}

// Seconds to wait from a Retry-After value: delta-seconds, or an HTTP date relative to the clock.
std::optional<qint64> retryAfterSecs(const QByteArray& value, const Clock& clock) {
    bool ok = false;
    const qint64 secs = value.trimmed().toLongLong(&ok);
    if (ok) {
        return secs >= 0 ? std::optional<qint64>(secs) : std::nullopt;
    }
    const QDateTime date = QDateTime::fromString(QString::fromLatin1(value.trimmed()), Qt::RFC2822Date);
    if (date.isValid()) {
        return qMax<qint64>(0, clock.now().secsTo(date));
    }
    return std::nullopt;
}

} // namespace

// A sequential, read-once request body (see ClientReply::send()).
class OneShotBody final : public QIODevice {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OneShotBody)

public:
    OneShotBody(QByteArray data, QObject* parent)
        : QIODevice(parent)
        , m_data(std::move(data)) {
        open(QIODevice::ReadOnly);
    }
    bool isSequential() const override { return true; }
    qint64 bytesAvailable() const override { return m_data.size() - m_position + QIODevice::bytesAvailable(); }
    bool reset() override { return false; }

protected:
    qint64 readData(char* data, qint64 maxSize) override {
        const qint64 n = qMin(maxSize, m_data.size() - m_position);
        memcpy(data, m_data.constData() + m_position, size_t(n));
        m_position += n;
        return n;
    }
    qint64 writeData(const char*, qint64) override { return -1; }

private:
    QByteArray m_data;
    qint64 m_position = 0;
};

// One createVoiceCall() in flight: builds, signs, sends, retries once on 429, explains the answer.
class ClientReply final : public VoiceCallsReply {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ClientReply)

public:
    ClientReply(VoiceCallsClient* client, QObject* parent)
        : VoiceCallsReply(parent)
        , m_client(client) {
        m_total.setSingleShot(true);
        m_connect.setSingleShot(true);
        m_retryWait.setSingleShot(true);
        connect(&m_total, &QTimer::timeout, this, [this] { timeOut(false); });
        connect(&m_connect, &QTimer::timeout, this, [this] { timeOut(true); });
        connect(&m_retryWait, &QTimer::timeout, this, &ClientReply::send);
    }

    ~ClientReply() override { dropNetworkReply(); }

    void start(const VoiceCallRequest& request) {
        m_elapsed.start();
        BuiltBody built = buildVoiceCallBody(request, m_client->m_options.build, m_client->m_clock);
        m_result.diagnostics = built.diagnostics;
        if (!built.ok()) {
            complete(CallOutcome::Failure);
            return;
        }
        m_body = built.json;
        m_total.start(m_client->m_options.totalTimeoutMs);
        send();
    }

    void startRaw(const QByteArray& body) {
        m_elapsed.start();
        m_noRetry = true;
        m_body = body;
        m_total.start(m_client->m_options.totalTimeoutMs);
        send();
    }

protected:
    void abortWork() override {
        m_total.stop();
        m_connect.stop();
        m_retryWait.stop();
        dropNetworkReply();
    }

private:
    void send() {
        auto token = m_client->m_tokens->mintToken();
        if (!token) {
            m_result.diagnostics.append(diagnostics::make("TEL009", token.error().message));
            complete(CallOutcome::Failure);
            return;
        }
        const HttpRequestSpec spec =
            voiceCallsHttpRequest(m_client->m_endpoint, m_body, *token, m_client->m_options.build);
        m_result.sentToken = *token;
        QNetworkRequest request(spec.url);
        for (const auto& [name, value] : spec.headers) {
            request.setRawHeader(name, value);
        }
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
        request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
        ++m_result.attempts;
        qCDebug(lcTelephony) << "POST" << spec.url.toString() << "attempt" << m_result.attempts << "token"
                             << jwt::redactSignature(*token);
        // The body goes through a device that can be read only once: when a connection drops before the answer,
        // QNetworkAccessManager would otherwise send the POST again by itself, a hidden and unbounded retry of a
        // request that creates a record. It fails with ContentReSendError instead, reported as the drop it is.
        request.setHeader(QNetworkRequest::ContentLengthHeader, spec.body.size());
        request.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);
        auto* upload = new OneShotBody(spec.body, this);
        m_reply = m_client->m_network->post(request, upload);
        upload->setParent(m_reply);
        m_connect.start(m_client->m_options.connectTimeoutMs);
        connect(m_reply, &QNetworkReply::requestSent, this, [this] { m_connect.stop(); });
        connect(m_reply, &QNetworkReply::sslErrors, this, &ClientReply::onSslErrors);
        connect(m_reply, &QNetworkReply::encrypted, this, &ClientReply::onEncrypted);
        connect(m_reply, &QNetworkReply::finished, this, &ClientReply::onFinished);
    }

    bool pinMatches(const QSslCertificate& certificate) const {
        const QByteArray& pin = m_client->m_options.pinnedCertificateSha256;
        return !pin.isEmpty() && !certificate.isNull() &&
               QCryptographicHash::hash(certificate.toDer(), QCryptographicHash::Sha256) == pin;
    }

    void onSslErrors(const QList<QSslError>& errors) {
        if (m_reply && pinMatches(m_reply->sslConfiguration().peerCertificate())) {
            m_reply->ignoreSslErrors(errors); // trusted by the explicit pin, and only by it
            return;
        }
        QStringList texts;
        for (const QSslError& error : errors) {
            texts << error.errorString();
        }
        m_tlsProblem = texts.join(u"; "_s);
    }

    void onEncrypted() {
        if (m_reply && !m_client->m_options.pinnedCertificateSha256.isEmpty() &&
            !pinMatches(m_reply->sslConfiguration().peerCertificate())) {
            m_tlsProblem = handoff::telephony::tr("the server's certificate does not match the pinned SHA-256");
            m_reply->abort();
        }
    }

    void timeOut(bool connecting) {
        m_timedOut = true;
        m_timedOutConnecting = connecting;
        m_retryWait.stop();
        if (m_reply) {
            m_reply->abort(); // onFinished() explains
        } else {
            explainTimeout();
            complete(CallOutcome::Timeout);
        }
    }

    void explainTimeout() {
        m_result.diagnostics.append(diagnostics::make(
            "TEL025", m_timedOutConnecting
                          ? handoff::telephony::tr("Could not connect within %1 ms (DNS, TCP and TLS).")
                                .arg(m_client->m_options.connectTimeoutMs)
                          : handoff::telephony::tr(
                                "No complete answer within %1 ms; the Genesys Call Data Action would take its timeout "
                                "path.")
                                .arg(m_client->m_options.totalTimeoutMs)));
    }

    void onFinished() {
        QNetworkReply* reply = m_reply;
        m_reply = nullptr;
        m_connect.stop();
        reply->deleteLater();
        disconnect(reply, nullptr, this, nullptr);
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray body = reply->isOpen() ? reply->readAll() : QByteArray();

        if (m_timedOut) {
            explainTimeout();
            complete(CallOutcome::Timeout);
            return;
        }
        if (!m_tlsProblem.isEmpty()) {
            m_result.diagnostics.append(diagnostics::make(
                "TEL023",
                handoff::telephony::tr("The TLS connection to %1 could not be verified: %2. Nothing was sent.")
                    .arg(m_client->m_endpoint.host(), m_tlsProblem)));
            complete(CallOutcome::Failure);
            return;
        }
        if (status == 0) {
            qCDebug(lcTelephony) << "network error" << reply->error() << reply->errorString();
            if (reply->error() == QNetworkReply::TimeoutError) {
                explainTimeout();
            } else {
                m_result.diagnostics.append(
                    explainNetworkError(reply->error(), reply->errorString(), m_client->m_endpoint));
            }
            complete(CallOutcome::Failure);
            return;
        }
        if (status == 429 && m_client->m_options.retryOn429 && !m_noRetry && m_result.attempts == 1) {
            const auto wait = retryAfterSecs(reply->rawHeader("Retry-After"), m_client->m_clock);
            const qint64 waitMs = wait.value_or(1) * 1000;
            const qint64 left = m_client->m_options.totalTimeoutMs - m_elapsed.elapsed();
            if (wait.value_or(1) <= m_client->m_options.maxRetryAfterSecs && waitMs < left) {
                m_result.diagnostics.append(diagnostics::make(
                    "TEL033",
                    handoff::telephony::tr("Rate limited (HTTP 429); retried once after %1 s as Retry-After asked.")
                        .arg(wait.value_or(1))));
                m_retryWait.start(int(waitMs));
                return;
            }
        }
        explainHttpAnswer(status, body, &m_result);
        if (status == 429 && m_result.attempts == 1) {
            const QByteArray retryAfter = reply->rawHeader("Retry-After");
            if (!retryAfter.isEmpty()) {
                m_result.diagnostics.last().message +=
                    u" "_s + handoff::telephony::tr("Retry-After: %1 s, longer than this request may wait.")
                                 .arg(QString::fromLatin1(retryAfter));
            }
        }
        complete(m_result.outcome);
    }

    void complete(CallOutcome outcome) {
        m_total.stop();
        m_connect.stop();
        m_retryWait.stop();
        m_result.outcome = outcome;
        m_result.latencyMs = m_elapsed.isValid() ? m_elapsed.elapsed() : 0;
        finish(std::move(m_result));
    }

    void dropNetworkReply() {
        if (m_reply) {
            QNetworkReply* reply = m_reply;
            m_reply = nullptr;
            disconnect(reply, nullptr, this, nullptr);
            reply->abort();
            reply->deleteLater();
        }
    }

    QPointer<VoiceCallsClient> m_client;
    QPointer<QNetworkReply> m_reply;
    QByteArray m_body;
    VoiceCallResult m_result;
    QElapsedTimer m_elapsed;
    QTimer m_total;
    QTimer m_connect;
    QTimer m_retryWait;
    QString m_tlsProblem;
    bool m_timedOut = false;
    bool m_timedOutConnecting = false;
    bool m_noRetry = false;
};

VoiceCallsClient::VoiceCallsClient(QUrl endpoint, std::shared_ptr<ApiTokenSource> tokens, const Clock& clock,
                                   ClientOptions options, QObject* parent)
    : QObject(parent)
    , m_network(new QNetworkAccessManager(this))
    , m_endpoint(std::move(endpoint))
    , m_tokens(std::move(tokens))
    , m_clock(clock)
    , m_options(std::move(options)) {
    static const bool teardownRegistered = [] {
        qAddPostRoutine(waitForNetworkThreads);
        return true;
    }();
    Q_UNUSED(teardownRegistered)
    m_network->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    m_network->setProxy(QNetworkProxy::NoProxy);
}

VoiceCallsClient::~VoiceCallsClient() = default;

VoiceCallsReply* VoiceCallsClient::createVoiceCall(const VoiceCallRequest& request, QObject* parent) {
    auto* reply = new ClientReply(this, parent);
    reply->start(request);
    return reply;
}

VoiceCallsReply* VoiceCallsClient::sendBody(const QByteArray& body, QObject* parent) {
    auto* reply = new ClientReply(this, parent);
    reply->startRaw(body);
    return reply;
}

QString VoiceCallsClient::describe() const {
    return m_endpoint.toString();
}

HttpRequestSpec VoiceCallsClient::prepare(const VoiceCallRequest& request, bool withToken,
                                          diagnostics::Diagnostics* diagnostics) {
    BuiltBody built = buildVoiceCallBody(request, m_options.build, m_clock);
    if (diagnostics) {
        diagnostics->append(built.diagnostics);
    }
    QByteArray token;
    if (withToken) {
        auto minted = m_tokens->mintToken();
        if (minted) {
            token = *minted;
        } else if (diagnostics) {
            diagnostics->append(diagnostics::make("TEL009", minted.error().message));
        }
    }
    HttpRequestSpec spec = voiceCallsHttpRequest(m_endpoint, built.json, token, m_options.build);
    if (!withToken || token.isEmpty()) {
        // Keep the Authorization header in place so the rendering shows where the token goes.
        spec.headers.prepend({QByteArray("Authorization"), QByteArray("Bearer ")});
    }
    return spec;
}

} // namespace handoff::telephony

#include "VoiceCallsClient.moc"
