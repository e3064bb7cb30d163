#include "emulator/VoiceCallsEmulator.h"

#include "crypto/SecureBytes.h"
#include "emulator/LoopbackCertificate.h"
#include "jwt/Jwt.h"
#include "salesforce/SalesforceId.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QPointer>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <sys/socket.h>

using namespace Qt::StringLiterals;

namespace handoff::emulator {

namespace {

Q_LOGGING_CATEGORY(lcEmulator, "handoff.emulator", QtWarningMsg)

QString tr(const char* text) {
    return QCoreApplication::translate("handoff::emulator", text);
}

constexpr QLatin1StringView kVoiceCallsPath("/telephony/v1/voiceCalls");
constexpr QLatin1StringView kListPath("/_emulator/voiceCalls");
constexpr QLatin1StringView kHealthPath("/_emulator/health");

// A refusal: HTTP status, the emulator's reason code and a message for a person.
struct Refusal {
    int status = 400;
    QString code;
    QString message;
};

// The 15-character ids the emulator hands out: 0LQ + "EM" + a base-62 counter.
QString emulatorId(quint64 n) {
    static constexpr char kDigits[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    QString digits;
    for (int i = 0; i < 10; ++i) {
        digits.prepend(QLatin1Char(kDigits[n % 62]));
        n /= 62;
    }
    return u"0LQEM"_s + digits;
}

} // namespace

QJsonObject CreatedCall::toJson() const {
    return QJsonObject{{u"voiceCallId"_s, voiceCallId},
                       {u"voiceCallId18"_s, voiceCallId18},
                       {u"orgId"_s, orgId},
                       {u"callCenterApiName"_s, callCenterApiName},
                       {u"sub"_s, subject},
                       {u"jti"_s, jti},
                       {u"telephonyProviderName"_s, telephonyProviderName},
                       {u"createdAt"_s, createdAt.toUTC().toString(Qt::ISODateWithMs)},
                       {u"partial"_s, partial},
                       {u"request"_s, body}};
}

// One client connection. Reads requests within the emulator's HttpLimits, hands each complete one to
// VoiceCallsEmulator::handleRequest() and writes the answer; one request at a time, so that answers keep their order
// when a latency fault delays one (later bytes wait in the socket's bounded read buffer). A request refused at the
// socket (too large, malformed, too slow) is answered, then the connection is half-closed and drained for a moment
// so that the client reads the answer instead of a reset.
class EmulatorConnection final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EmulatorConnection)

public:
    static constexpr qint64 kReadChunk = 16 * 1024;

    EmulatorConnection(VoiceCallsEmulator* owner, QTcpSocket* socket, const HttpLimits& limits)
        : QObject(socket)
        , m_owner(owner)
        , m_socket(socket)
        , m_parser(limits)
        , m_limits(limits) {
        socket->setReadBufferSize(4 * kReadChunk);
        m_idle.setSingleShot(true);
        m_deadline.setSingleShot(true);
        connect(&m_idle, &QTimer::timeout, this, &EmulatorConnection::timedOut);
        connect(&m_deadline, &QTimer::timeout, this, &EmulatorConnection::timedOut);
        connect(socket, &QTcpSocket::readyRead, this, &EmulatorConnection::readMore);
        connect(socket, &QTcpSocket::bytesWritten, this, &EmulatorConnection::maybeHalfClose);
        if (auto* tls = qobject_cast<QSslSocket*>(socket)) {
            connect(tls, &QSslSocket::encryptedBytesWritten, this, &EmulatorConnection::maybeHalfClose);
        }
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        m_idle.start(m_limits.idleTimeoutMs);
    }

    void start() { readMore(); }

    // More connections than HttpLimits::maxConnections: answer 503 at once.
    void refuseBusy() {
        send(m_owner->refusalResponse(503, u"TOO_MANY_CONNECTIONS"_s,
                                      handoff::emulator::tr("The emulator has %1 connections open, its limit; retry "
                                                            "later.")
                                          .arg(m_limits.maxConnections)));
    }

private:
    void readMore() {
        while (!m_busy && m_socket->bytesAvailable() > 0) {
            const QByteArray chunk = m_socket->read(kReadChunk);
            if (m_closing) {
                continue; // draining after a refusal: what the client still sends is not read
            }
            m_idle.start(m_limits.idleTimeoutMs);
            if (!m_deadline.isActive()) {
                m_deadline.start(m_limits.requestTimeoutMs);
            }
            process(m_parser.feed(chunk));
        }
    }

    void process(HttpRequestParser::State state) {
        if (state == HttpRequestParser::State::NeedMore) {
            if (m_parser.wantsContinue()) {
                m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
                m_parser.continueSent();
            }
            if (!m_parser.inRequest()) {
                m_deadline.stop();
            }
            return;
        }
        m_deadline.stop();
        if (state == HttpRequestParser::State::Failed) {
            send(m_owner->refusalResponse(m_parser.failureStatus(), m_parser.failureCode(), m_parser.failureMessage()));
            return;
        }
        HttpResponse response = m_owner->handleRequest(m_parser.request());
        response.closeAfter = response.closeAfter || m_parser.closeRequested();
        m_busy = true;
        if (response.delayMs > 0) {
            QTimer::singleShot(response.delayMs, this, [this, response] { send(response); });
        } else {
            send(response);
        }
    }

    void send(const HttpResponse& response) {
        m_busy = false;
        if (response.drop) {
            m_closing = true;
            m_socket->abort();
            m_socket->deleteLater();
            return;
        }
        m_socket->write(response.serialize());
        if (response.closeAfter) {
            m_closing = true;
            m_idle.stop();
            m_deadline.start(m_limits.idleTimeoutMs); // the drain ends at the latest then
            maybeHalfClose();
            return;
        }
        const HttpRequestParser::State next = m_parser.next();
        if (next != HttpRequestParser::State::NeedMore || m_parser.inRequest()) {
            m_deadline.start(m_limits.requestTimeoutMs);
        }
        process(next);
        if (!m_busy && !m_closing) {
            readMore();
        }
    }

    void maybeHalfClose() {
        if (!m_closing || m_halfClosed || m_socket->bytesToWrite() > 0) {
            return;
        }
        if (auto* tls = qobject_cast<QSslSocket*>(m_socket); tls && tls->encryptedBytesToWrite() > 0) {
            return;
        }
        m_halfClosed = true;
        m_socket->flush();
        ::shutdown(int(m_socket->socketDescriptor()), SHUT_WR);
    }

    void timedOut() {
        if (m_closing) {
            m_socket->abort();
            m_socket->deleteLater();
            return;
        }
        if (m_busy) {
            return; // the answer is on its way (latency fault); the client is not the slow one
        }
        if (m_parser.inRequest()) {
            send(m_owner->refusalResponse(
                408, u"REQUEST_TIMEOUT"_s,
                handoff::emulator::tr("The request was not complete within the emulator's time limit (%1 ms idle, %2 "
                                      "ms in all).")
                    .arg(m_limits.idleTimeoutMs)
                    .arg(m_limits.requestTimeoutMs)));
            return;
        }
        m_closing = true; // idle between requests: close quietly
        m_socket->disconnectFromHost();
    }

    VoiceCallsEmulator* m_owner;
    QTcpSocket* m_socket;
    HttpRequestParser m_parser;
    HttpLimits m_limits;
    QTimer m_idle;
    QTimer m_deadline;
    bool m_busy = false;
    bool m_closing = false;
    bool m_halfClosed = false;
};

struct VoiceCallsEmulator::Private {
    explicit Private(const Clock& c)
        : clock(c) {}

    const Clock& clock;
    EmulatorAssumptions assumptions;
    QList<Registration> registrations;
    Fault runFault;
    QList<Fault> faultQueue;
    HttpLimits limits;
    QTcpServer* tcpServer = nullptr;
    int openConnections = 0;
    std::optional<LoopbackCertificate> tls;
    quint16 port = 0;
    quint64 nextId = 1;
    QHash<QString, qint64> seenJti; // jti -> exp, pruned once expired
    qint64 lastJtiPrune = 0;
    QList<CreatedCall> created;
    QList<RequestRecord> log;

    const Registration* registrationFor(const QString& orgId15) const {
        for (const Registration& r : registrations) {
            if (r.orgId == orgId15) {
                return &r;
            }
        }
        return nullptr;
    }

    QByteArray errorBody(const Refusal& refusal) const {
        const QString message = assumptions.explainErrors ? refusal.message : QString();
        const QJsonObject item{{u"errorCode"_s, refusal.code}, {u"message"_s, message}};
        switch (assumptions.errorBody) {
        case EmulatorAssumptions::ErrorBody::SalesforceRest:
            return QJsonDocument(QJsonArray{item}).toJson(QJsonDocument::Compact);
        case EmulatorAssumptions::ErrorBody::ErrorsString:
            return QJsonDocument(
                       QJsonObject{{u"voiceCallId"_s, QJsonValue::Null},
                                   {u"errors"_s, message.isEmpty() ? refusal.code : refusal.code + u": "_s + message}})
                .toJson(QJsonDocument::Compact);
        case EmulatorAssumptions::ErrorBody::ErrorsArray:
            break;
        }
        return QJsonDocument(QJsonObject{{u"voiceCallId"_s, QJsonValue::Null}, {u"errors"_s, QJsonArray{item}}})
            .toJson(QJsonDocument::Compact);
    }

    std::optional<Refusal> verifyToken(const HttpRequest& request, QString* orgId, QString* subject, QString* jti,
                                       qint64* exp) const;
    std::optional<Refusal> validateBody(const QJsonObject& body, const QString& orgId, const QString& subject) const;
};

VoiceCallsEmulator::VoiceCallsEmulator(const Clock& clock, QObject* parent)
    : QObject(parent)
    , d(std::make_unique<Private>(clock)) {
    qRegisterMetaType<CreatedCall>();
    qRegisterMetaType<RequestRecord>();
}

VoiceCallsEmulator::~VoiceCallsEmulator() {
    // The connections count themselves out of d when destroyed: end them while d is alive.
    delete d->tcpServer;
    d->tcpServer = nullptr;
}

Result<void> VoiceCallsEmulator::registerCertificate(const QString& orgId, const crypto::Certificate& certificate,
                                                     const QStringList& callCenters, salesforce::CustomerType type) {
    if (certificate.isNull()) {
        return fail(u"EMU002"_s, handoff::emulator::tr("No certificate to register for org %1.").arg(orgId));
    }
    return registerPublicKey(orgId, certificate.publicKey(), callCenters, type);
}

Result<void> VoiceCallsEmulator::registerPublicKey(const QString& orgId, const crypto::PublicKey& key,
                                                   const QStringList& callCenters, salesforce::CustomerType type) {
    const auto id = salesforce::SalesforceId::parse(orgId.trimmed());
    if (!id || id->kind() != salesforce::IdKind::Organization) {
        return fail(u"EMU004"_s,
                    handoff::emulator::tr("\"%1\" is not a Salesforce org id (15 or 18 characters starting with 00D).")
                        .arg(orgId));
    }
    if (key.isNull()) {
        return fail(u"EMU002"_s, handoff::emulator::tr("No certificate to register for org %1.").arg(id->id15()));
    }
    for (Registration& r : d->registrations) {
        if (r.orgId == id->id15()) {
            r.keys.append(key);
            for (const QString& center : callCenters) {
                if (!r.callCenters.contains(center)) {
                    r.callCenters.append(center);
                }
            }
            r.customerType = type;
            return {};
        }
    }
    d->registrations.append(Registration{id->id15(), {key}, callCenters, type});
    return {};
}

void VoiceCallsEmulator::clearRegistrations() {
    d->registrations.clear();
}

QList<Registration> VoiceCallsEmulator::registrations() const {
    return d->registrations;
}

void VoiceCallsEmulator::setAssumptions(const EmulatorAssumptions& assumptions) {
    d->assumptions = assumptions;
}

const EmulatorAssumptions& VoiceCallsEmulator::assumptions() const {
    return d->assumptions;
}

void VoiceCallsEmulator::setRunFault(const Fault& fault) {
    d->runFault = fault;
}

Fault VoiceCallsEmulator::runFault() const {
    return d->runFault;
}

void VoiceCallsEmulator::enqueueFault(const Fault& fault) {
    d->faultQueue.append(fault);
}

qsizetype VoiceCallsEmulator::queuedFaults() const {
    return d->faultQueue.size();
}

Result<void> VoiceCallsEmulator::enableTls() {
    if (isListening()) {
        return fail(u"EMU001"_s, handoff::emulator::tr("TLS must be enabled before the emulator starts listening."));
    }
    auto generated = LoopbackCertificate::generate(d->clock);
    if (!generated) {
        return tl::unexpected(generated.error());
    }
    d->tls = std::move(*generated);
    return {};
}

bool VoiceCallsEmulator::isTls() const {
    return d->tls.has_value();
}

QByteArray VoiceCallsEmulator::certificatePem() const {
    return d->tls ? d->tls->certificatePem : QByteArray();
}

QByteArray VoiceCallsEmulator::certificateSha256() const {
    return d->tls ? d->tls->sha256 : QByteArray();
}

Result<quint16> VoiceCallsEmulator::listen(quint16 port) {
    if (isListening()) {
        return d->port;
    }
    QTcpServer* server = nullptr;
    if (d->tls) {
        const QSslCertificate certificate(d->tls->certificatePem, QSsl::Pem);
        const QSslKey key(d->tls->privateKeyPem, QSsl::Ec, QSsl::Pem);
        if (certificate.isNull() || key.isNull()) {
            return fail(u"EMU001"_s, handoff::emulator::tr(
                                         "Qt could not load the emulator's TLS certificate; TLS is not available."));
        }
        auto* sslServer = new QSslServer(this);
        QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
        configuration.setLocalCertificate(certificate);
        configuration.setPrivateKey(key);
        configuration.setProtocol(QSsl::TlsV1_2OrLater);
        configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
        sslServer->setSslConfiguration(configuration);
        // The handshake counts against the same idle limit as the request (slow-loris before TLS is up).
        sslServer->setHandshakeTimeout(d->limits.idleTimeoutMs);
        server = sslServer;
    } else {
        server = new QTcpServer(this);
    }
    if (!server->listen(QHostAddress::LocalHost, port)) {
        delete server;
        return fail(u"EMU001"_s,
                    handoff::emulator::tr("The emulator cannot listen on 127.0.0.1:%1 (in use or not allowed). Choose "
                                          "another port with --port.")
                        .arg(port));
    }
    connect(server, &QTcpServer::pendingConnectionAvailable, this, [this, server] {
        while (QTcpSocket* socket = server->nextPendingConnection()) {
            accept(socket);
        }
    });
    d->tcpServer = server;
    d->port = server->serverPort();
    qCInfo(lcEmulator) << "listening on" << baseUrl().toString();
    return d->port;
}

bool VoiceCallsEmulator::isListening() const {
    return d->tcpServer && d->tcpServer->isListening();
}

quint16 VoiceCallsEmulator::port() const {
    return d->port;
}

void VoiceCallsEmulator::close() {
    if (d->tcpServer) {
        d->tcpServer->close();
        d->tcpServer->deleteLater();
        d->tcpServer = nullptr;
    }
}

void VoiceCallsEmulator::setLimits(const HttpLimits& limits) {
    d->limits = limits;
}

const HttpLimits& VoiceCallsEmulator::limits() const {
    return d->limits;
}

QUrl VoiceCallsEmulator::baseUrl() const {
    QUrl url;
    url.setScheme(d->tls ? u"https"_s : u"http"_s);
    url.setHost(u"127.0.0.1"_s);
    url.setPort(d->port);
    url.setPath(u"/telephony/v1"_s);
    return url;
}

QUrl VoiceCallsEmulator::voiceCallsUrl() const {
    QUrl url = baseUrl();
    url.setPath(kVoiceCallsPath);
    return url;
}

QList<CreatedCall> VoiceCallsEmulator::createdCalls() const {
    return d->created;
}

void VoiceCallsEmulator::clearCreatedCalls() {
    d->created.clear();
}

QList<RequestRecord> VoiceCallsEmulator::requestLog() const {
    return d->log;
}

void VoiceCallsEmulator::clearRequestLog() {
    d->log.clear();
}

std::optional<Refusal> VoiceCallsEmulator::Private::verifyToken(const HttpRequest& request, QString* orgId,
                                                                QString* subject, QString* jti, qint64* exp) const {
    const int status = assumptions.tokenErrorStatus;
    const QByteArray authorization = request.header("authorization");
    if (authorization.isEmpty()) {
        return Refusal{status, u"MISSING_TOKEN"_s,
                       handoff::emulator::tr("There is no Authorization header; send \"Bearer <JWT>\".")};
    }
    if (!authorization.startsWith("Bearer ") && !authorization.startsWith("bearer ")) {
        return Refusal{
            status, u"MISSING_TOKEN"_s,
            handoff::emulator::tr("The Authorization header does not start with \"Bearer \"; send \"Bearer <JWT>\".")};
    }
    const QByteArray token = authorization.mid(7).trimmed();
    if (token.contains("${") || token.contains('<')) {
        return Refusal{status, u"PLACEHOLDER_TOKEN"_s,
                       handoff::emulator::tr(
                           "The token is placeholder text (%1), not a JWT. The documented sample puts 'Bearer ${jwt}' "
                           "in single quotes, which sends the literal text; use backquotes or string concatenation.")
                           .arg(QString::fromUtf8(token.left(40)))};
    }
    const auto decoded = jwt::decode(token);
    if (!decoded) {
        return Refusal{status, u"MALFORMED_TOKEN"_s,
                       handoff::emulator::tr("The bearer token is not a JWT: %1").arg(decoded.error().message)};
    }
    if (decoded->algorithm() != u"RS256"_s) {
        return Refusal{status, u"UNSUPPORTED_ALGORITHM"_s,
                       handoff::emulator::tr("The token is signed with \"%1\"; only RS256 is accepted.")
                           .arg(decoded->algorithm())};
    }
    const auto iss = decoded->claims.stringClaim(u"iss"_s);
    if (!iss || iss->isEmpty()) {
        return Refusal{status, u"MISSING_CLAIM"_s,
                       handoff::emulator::tr("The token has no iss claim; set it to the org id.")};
    }
    const auto issId = salesforce::SalesforceId::parse(*iss);
    const Registration* registration = issId ? registrationFor(issId->id15()) : nullptr;
    if (!registration) {
        return Refusal{status, u"UNKNOWN_ISSUER"_s,
                       handoff::emulator::tr(
                           "iss \"%1\" is not an org with a registered certificate; iss must be the 15-character id "
                           "of the org where the certificate is registered.")
                           .arg(*iss)};
    }
    bool signatureOk = false;
    for (const crypto::PublicKey& key : registration->keys) {
        if (jwt::verify(*decoded, key)) {
            signatureOk = true;
            break;
        }
    }
    if (!signatureOk) {
        return Refusal{status, u"INVALID_SIGNATURE"_s,
                       handoff::emulator::tr(
                           "The signature does not match any certificate registered for org %1: the token was signed "
                           "with another key, or the certificate registered is not the one of this key.")
                           .arg(registration->orgId)};
    }
    const auto iat = decoded->claims.intClaim(u"iat"_s);
    const auto expiry = decoded->claims.intClaim(u"exp"_s);
    if (!iat || !expiry) {
        return Refusal{status, u"MISSING_CLAIM"_s,
                       handoff::emulator::tr("The token needs iat and exp as whole seconds since 1970-01-01 UTC.")};
    }
    const qint64 now = clock.nowSecs();
    if (*expiry - *iat > assumptions.maxTokenLifetimeSecs) {
        return Refusal{status, u"TOKEN_LIFETIME_TOO_LONG"_s,
                       handoff::emulator::tr("exp is %1 s after iat; at most %2 s (24 hours) is allowed.")
                           .arg(*expiry - *iat)
                           .arg(assumptions.maxTokenLifetimeSecs)};
    }
    if (*expiry <= *iat) {
        return Refusal{status, u"TOKEN_EXPIRED"_s,
                       handoff::emulator::tr("exp is not after iat; the token was never valid.")};
    }
    if (*expiry + assumptions.clockSkewSecs <= now) {
        return Refusal{status, u"TOKEN_EXPIRED"_s,
                       handoff::emulator::tr(
                           "The token expired at %1 (%2 s ago); sign a fresh one, and check this computer's clock.")
                           .arg(QDateTime::fromSecsSinceEpoch(*expiry, Qt::UTC).toString(Qt::ISODate))
                           .arg(now - *expiry)};
    }
    if (*iat > now + assumptions.clockSkewSecs) {
        return Refusal{status, u"TOKEN_NOT_YET_VALID"_s,
                       handoff::emulator::tr(
                           "The token is issued %1 s in the future (iat %2); check the signing computer's clock.")
                           .arg(*iat - now)
                           .arg(*iat)};
    }
    const auto sub = decoded->claims.stringClaim(u"sub"_s);
    if (registration->customerType == salesforce::CustomerType::VoiceWithTelephonyProviders) {
        if (!sub || sub->isEmpty()) {
            return Refusal{status, u"INVALID_SUBJECT"_s,
                           handoff::emulator::tr(
                               "The token has no sub; for Salesforce Voice with Telephony Providers, sub must be the "
                               "Call Center API name (one of: %1).")
                               .arg(registration->callCenters.join(u", "_s))};
        }
        if (!registration->callCenters.contains(*sub)) {
            return Refusal{status, u"INVALID_SUBJECT"_s,
                           handoff::emulator::tr(
                               "sub \"%1\" is not a call center registered for org %2 (registered: %3); sub must be "
                               "the Call Center API name, exactly.")
                               .arg(*sub, registration->orgId, registration->callCenters.join(u", "_s))};
        }
    }
    const auto tokenJti = decoded->claims.stringClaim(u"jti"_s);
    if (tokenJti && !tokenJti->isEmpty()) {
        if (seenJti.contains(*tokenJti)) {
            return Refusal{status, u"REPLAYED_JTI"_s,
                           handoff::emulator::tr(
                               "jti \"%1\" was already used; a token with jti is single-use. Sign a fresh token for "
                               "each request (or leave jti out of a reusable token).")
                               .arg(*tokenJti)};
        }
        *jti = *tokenJti;
    }
    *orgId = registration->orgId;
    *subject = sub.value_or(QString());
    *exp = *expiry;
    return std::nullopt;
}

std::optional<Refusal> VoiceCallsEmulator::Private::validateBody(const QJsonObject& body, const QString& orgId,
                                                                 const QString& subject) const {
    for (const QString& field :
         {u"callCenterApiName"_s, u"vendorCallKey"_s, u"to"_s, u"from"_s, u"initiationMethod"_s, u"startTime"_s}) {
        const QJsonValue value = body.value(field);
        if (!value.isString() || value.toString().trimmed().isEmpty()) {
            return Refusal{400, u"MISSING_FIELD"_s,
                           value.isUndefined() ? handoff::emulator::tr("%1 is required.").arg(field)
                                               : handoff::emulator::tr("%1 must be a non-empty string.").arg(field)};
        }
    }
    if (!body.contains(u"callCenterApiName"_s) && body.contains(u"callcenterApiName"_s)) {
        return Refusal{400, u"MISSING_FIELD"_s,
                       handoff::emulator::tr("callCenterApiName is required (callcenterApiName is misspelt).")};
    }
    const QString method = body.value(u"initiationMethod"_s).toString();
    if (method != u"Inbound"_s && method != u"Transfer"_s) {
        return Refusal{
            400, u"INVALID_FIELD"_s,
            handoff::emulator::tr("initiationMethod is \"%1\"; it must be Inbound or Transfer.").arg(method)};
    }
    const QDateTime start = QDateTime::fromString(body.value(u"startTime"_s).toString(), Qt::ISODateWithMs);
    if (!start.isValid()) {
        return Refusal{
            400, u"INVALID_FIELD"_s,
            handoff::emulator::tr("startTime \"%1\" is not an ISO-8601 date and time (e.g. 2026-01-02T03:04:05.000Z).")
                .arg(body.value(u"startTime"_s).toString())};
    }
    const QJsonValue participants = body.value(u"participants"_s);
    if (!participants.isArray() || participants.toArray().isEmpty()) {
        return Refusal{400, u"MISSING_FIELD"_s,
                       handoff::emulator::tr(
                           "participants is required: [{\"participantKey\": \"<caller>\", \"type\": \"END_USER\"}].")};
    }
    for (const QJsonValue& item : participants.toArray()) {
        const QJsonObject participant = item.toObject();
        if (participant.value(u"participantKey"_s).toString().isEmpty() ||
            participant.value(u"type"_s).toString().isEmpty()) {
            return Refusal{
                400, u"INVALID_FIELD"_s,
                handoff::emulator::tr("Each participant needs a participantKey and a type (END_USER for the caller).")};
        }
    }
    if (body.contains(u"callSubtype"_s)) {
        const QString subtype = body.value(u"callSubtype"_s).toString();
        if (subtype != u"PSTN"_s && subtype != u"WebRTC"_s) {
            return Refusal{400, u"INVALID_FIELD"_s,
                           handoff::emulator::tr("callSubtype is \"%1\"; it must be PSTN or WebRTC.").arg(subtype)};
        }
    }
    if (body.contains(u"callAttributes"_s)) {
        const QJsonValue attributes = body.value(u"callAttributes"_s);
        if (!attributes.isString()) {
            return Refusal{
                400, u"INVALID_FIELD"_s,
                handoff::emulator::tr("callAttributes must be a string holding a JSON object, not a JSON %1.")
                    .arg(attributes.isObject() ? u"object"_s : u"value"_s)};
        }
        QJsonParseError error{};
        const QJsonDocument inner = QJsonDocument::fromJson(attributes.toString().toUtf8(), &error);
        if (error.error != QJsonParseError::NoError || !inner.isObject()) {
            return Refusal{400, u"INVALID_FIELD"_s,
                           handoff::emulator::tr(
                               "callAttributes is not a JSON object in a string (single quotes are not JSON): %1")
                               .arg(attributes.toString().left(60))};
        }
    }
    const QString callCenter = body.value(u"callCenterApiName"_s).toString();
    const Registration* registration = registrationFor(orgId);
    if (registration && registration->customerType == salesforce::CustomerType::VoiceWithTelephonyProviders) {
        if (!registration->callCenters.contains(callCenter)) {
            return Refusal{
                400, u"UNKNOWN_CALL_CENTER"_s,
                handoff::emulator::tr("callCenterApiName \"%1\" is not a call center of org %2 (registered: %3).")
                    .arg(callCenter, orgId, registration->callCenters.join(u", "_s))};
        }
        if (assumptions.callCenterMustMatchSub && callCenter != subject) {
            return Refusal{
                400, u"CALL_CENTER_MISMATCH"_s,
                handoff::emulator::tr(
                    "callCenterApiName \"%1\" differs from the token's sub \"%2\"; use the same call center.")
                    .arg(callCenter, subject)};
        }
    }
    return std::nullopt;
}

HttpResponse VoiceCallsEmulator::handleRequest(const HttpRequest& request) {
    RequestRecord record;
    record.at = d->clock.now();
    record.path = request.path();
    record.method = QString::fromLatin1(request.method);
    const bool isGet = request.method == "GET";
    const bool isPost = request.method == "POST";

    // Which fault: the request's header, else the queue, else the run's.
    Fault fault = d->runFault;
    const QByteArray faultHeader = request.header("x-handoff-fault");
    std::optional<Refusal> faultError;
    if (!faultHeader.isEmpty()) {
        auto parsed = Fault::parse(QString::fromUtf8(faultHeader));
        if (parsed) {
            fault = *parsed;
        } else {
            faultError = Refusal{400, u"BAD_FAULT"_s, parsed.error().message};
            fault = Fault{};
        }
    } else if (!d->faultQueue.isEmpty() && record.path == kVoiceCallsPath) {
        fault = d->faultQueue.takeFirst();
    }
    record.fault = fault.toString();

    HttpResponse response;
    int& status = response.status;
    QByteArray& body = response.body;
    QList<std::pair<QByteArray, QByteArray>>& extraHeaders = response.headers;
    bool& drop = response.drop;
    QByteArray& contentType = response.contentType;

    auto refuse = [&](const Refusal& refusal) {
        status = refusal.status;
        record.errorCode = refusal.code;
        body = d->errorBody(refusal);
    };

    if (faultError) {
        refuse(*faultError);
    } else if (record.path == kHealthPath && isGet) {
        status = 200;
        body = R"({"status":"ok"})";
    } else if (record.path == kListPath && isGet) {
        QJsonArray calls;
        for (const CreatedCall& call : std::as_const(d->created)) {
            calls.append(call.toJson());
        }
        status = 200;
        body = QJsonDocument(QJsonObject{{u"voiceCalls"_s, calls}}).toJson(QJsonDocument::Compact);
    } else if (record.path != kVoiceCallsPath) {
        refuse(Refusal{
            404, u"NOT_FOUND"_s,
            handoff::emulator::tr("Nothing here; the voiceCalls endpoint is POST %1.").arg(QString(kVoiceCallsPath))});
    } else if (!isPost) {
        refuse(Refusal{405, u"METHOD_NOT_ALLOWED"_s, handoff::emulator::tr("Use POST to create a VoiceCall.")});
        extraHeaders.append({QByteArray("Allow"), QByteArray("POST")});
    } else if (fault.kind == Fault::Kind::DropConnection) {
        drop = true;
    } else if (fault.kind == Fault::Kind::RateLimit) {
        refuse(Refusal{
            429, u"RATE_LIMITED"_s,
            handoff::emulator::tr("Too many requests (injected fault); retry after %1 s.").arg(fault.retryAfterSecs)});
        extraHeaders.append({QByteArray("Retry-After"), QByteArray::number(fault.retryAfterSecs)});
    } else if (fault.kind == Fault::Kind::ServerError) {
        refuse(Refusal{500, u"INTERNAL_ERROR"_s, handoff::emulator::tr("An internal error (injected fault).")});
    } else if (fault.kind == Fault::Kind::MalformedJson) {
        status = d->assumptions.successStatus;
        contentType = "text/html";
        body = "<html><body>Service temporarily unavailable {\"voiceCallId\":";
    } else {
        QString orgId;
        QString subject;
        QString jti;
        qint64 exp = 0;
        if (auto tokenProblem = d->verifyToken(request, &orgId, &subject, &jti, &exp)) {
            refuse(*tokenProblem);
        } else {
            QJsonParseError error{};
            const QJsonDocument document = QJsonDocument::fromJson(request.body, &error);
            std::optional<Refusal> bodyProblem;
            if (error.error != QJsonParseError::NoError || !document.isObject()) {
                bodyProblem = Refusal{400, u"INVALID_JSON"_s,
                                      handoff::emulator::tr("The body is not a JSON object: %1 at offset %2.")
                                          .arg(error.errorString())
                                          .arg(error.offset)};
            } else {
                bodyProblem = d->validateBody(document.object(), orgId, subject);
            }
            if (bodyProblem) {
                refuse(*bodyProblem);
            } else {
                // The token is spent only when the request succeeds?  No: Salesforce refuses a second use of a jti
                // whatever happened to the first, so remember it now.
                CreatedCall call;
                call.voiceCallId = emulatorId(d->nextId++);
                call.voiceCallId18 = salesforce::SalesforceId::parse(call.voiceCallId)->id18();
                call.orgId = orgId;
                call.callCenterApiName = document.object().value(u"callCenterApiName"_s).toString();
                call.subject = subject;
                call.jti = jti;
                call.telephonyProviderName = QString::fromUtf8(request.header("telephony-provider-name"));
                call.createdAt = d->clock.now();
                call.body = document.object();
                call.partial = fault.kind == Fault::Kind::PartialErrors;
                d->created.append(call);
                status = d->assumptions.successStatus;
                const QJsonValue errors =
                    call.partial ? QJsonValue(handoff::emulator::tr(
                                       "Some fields were not set: callAttributes (injected partial fault)."))
                                 : QJsonValue(QJsonArray{});
                body = QJsonDocument(QJsonObject{{u"voiceCallId"_s, call.voiceCallId}, {u"errors"_s, errors}})
                           .toJson(QJsonDocument::Compact);
                Q_EMIT callCreated(call);
            }
            if (!jti.isEmpty()) {
                // Pruned at most once per clock second: under load, a walk over every jti per request would make
                // each request slower than the one before.
                const qint64 now = d->clock.nowSecs();
                if (now != d->lastJtiPrune) {
                    d->lastJtiPrune = now;
                    for (auto it = d->seenJti.begin(); it != d->seenJti.end();) {
                        it = it.value() + d->assumptions.clockSkewSecs < now ? d->seenJti.erase(it) : std::next(it);
                    }
                }
                d->seenJti.insert(jti, exp);
            }
        }
    }

    record.status = drop ? 0 : status;
    d->log.append(record);
    Q_EMIT requestHandled(record);
    response.delayMs = fault.latencyMs;
    return response;
}

HttpResponse VoiceCallsEmulator::refusalResponse(int status, const QString& code, const QString& message) {
    RequestRecord record;
    record.at = d->clock.now();
    record.status = status;
    record.errorCode = code;
    record.fault = Fault{}.toString();
    d->log.append(record);
    Q_EMIT requestHandled(record);
    HttpResponse response;
    response.status = status;
    response.body = d->errorBody(Refusal{status, code, message});
    response.closeAfter = true;
    return response;
}

void VoiceCallsEmulator::accept(QTcpSocket* socket) {
    auto* connection = new EmulatorConnection(this, socket, d->limits);
    ++d->openConnections;
    connect(connection, &QObject::destroyed, this, [this] { --d->openConnections; });
    if (d->openConnections > d->limits.maxConnections) {
        connection->refuseBusy();
    } else {
        connection->start();
    }
}

} // namespace handoff::emulator

#include "VoiceCallsEmulator.moc"
