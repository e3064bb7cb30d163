#pragma once

#include "common/Clock.h"
#include "common/Error.h"
#include "crypto/Certificate.h"
#include "emulator/Fault.h"
#include "emulator/HttpMessage.h"
#include "salesforce/OrgProfile.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <memory>

class QTcpSocket;

namespace handoff::emulator {

// What the emulator does where Salesforce does not document the behaviour [undocumented; docs/emulator.md]. Every field
// is a visible, changeable assumption; docs/emulator.md explains each and the defaults.
struct EmulatorAssumptions {
    int successStatus = 201; // 200 or 201: the documentation shows only the body
    enum class ErrorBody {
        ErrorsArray,    // {"voiceCallId":null,"errors":[{"errorCode":"...","message":"..."}]}  (default)
        SalesforceRest, // [{"errorCode":"...","message":"..."}]  (the classic Salesforce REST error list)
        ErrorsString,   // {"voiceCallId":null,"errors":"CODE: message"}
    };
    ErrorBody errorBody = ErrorBody::ErrorsArray;
    int tokenErrorStatus = 401;          // status for every token problem
    qint64 maxTokenLifetimeSecs = 86400; // exp - iat at most this (documented: 24 h)
    qint64 clockSkewSecs = 60;           // iat/exp tolerance against the emulator's clock
    bool callCenterMustMatchSub = true;  // body callCenterApiName must equal the token's sub (SCV customers)
    bool explainErrors = true;           // put the precise reason in the error body (real Salesforce may not)
};

// A certificate registered for an org, as an admin registers it in Salesforce.
struct Registration {
    QString orgId;                 // 15 characters (18 accepted, stored as 15)
    QList<crypto::PublicKey> keys; // the public keys of the registered certificates
    QStringList callCenters;       // Call Center API names; the JWT `sub` must be one of them for SCV customers
    salesforce::CustomerType customerType = salesforce::CustomerType::VoiceWithTelephonyProviders;
};

// A VoiceCall the emulator created, for inspection (GET /_emulator/voiceCalls and createdCalls()).
struct CreatedCall {
    QString voiceCallId;   // 15 characters, 0LQ...
    QString voiceCallId18; // its case-safe form
    QString orgId;
    QString callCenterApiName;
    QString subject; // the token's sub
    QString jti;     // empty when the token had none
    QString telephonyProviderName;
    QDateTime createdAt;  // from the emulator's clock
    QJsonObject body;     // the request body as received
    bool partial = false; // answered with `errors` as a string (the "partial" fault)

    QJsonObject toJson() const;
};

// One request as the emulator saw and answered it.
struct RequestRecord {
    QDateTime at;
    QString method;
    QString path;
    int status = 0;    // 0 when the connection was dropped
    QString errorCode; // the emulator's reason code when it refused ("TOKEN_EXPIRED", ...)
    QString fault;     // the fault applied, "none" without
};

// A local stand-in for the SCRT2 voiceCalls endpoint (docs/emulator.md): POST /telephony/v1/voiceCalls verifies
// the bearer JWT against the certificates registered per org and validates the body, then answers as documented
// with a new 15-character 0LQ id. Listens on 127.0.0.1 only. Optional HTTPS with a generated self-signed
// certificate that clients trust by its SHA-256 pin. Bytes from the socket are read within HttpLimits before any
// request reaches handleRequest(). Faults can be injected per run, per queue entry or per
// request (X-Handoff-Fault header). Time comes from the Clock given at construction, which must outlive this.
class VoiceCallsEmulator final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VoiceCallsEmulator)

public:
    explicit VoiceCallsEmulator(const Clock& clock, QObject* parent = nullptr);
    ~VoiceCallsEmulator() override;

    // Registers a certificate for an org and the call centers it may sign for (adds to an existing org).
    // EMU004 for an org id that is not a valid 00D id, KEY errors for a null certificate.
    Result<void>
    registerCertificate(const QString& orgId, const crypto::Certificate& certificate, const QStringList& callCenters,
                        salesforce::CustomerType type = salesforce::CustomerType::VoiceWithTelephonyProviders);
    // The same with the public key alone (what a certificate registers): for the desktop app, whose emulator
    // follows the project's key even before a certificate file exists.
    Result<void>
    registerPublicKey(const QString& orgId, const crypto::PublicKey& key, const QStringList& callCenters,
                      salesforce::CustomerType type = salesforce::CustomerType::VoiceWithTelephonyProviders);
    void clearRegistrations();
    QList<Registration> registrations() const;

    void setAssumptions(const EmulatorAssumptions& assumptions);
    const EmulatorAssumptions& assumptions() const;

    // A fault applied to every request (Fault{} for none).
    void setRunFault(const Fault& fault);
    Fault runFault() const;
    // Faults used one per request, in order, before the run fault. A request's X-Handoff-Fault header wins over both.
    void enqueueFault(const Fault& fault);
    qsizetype queuedFaults() const;

    // Serve HTTPS with a freshly generated self-signed certificate (EC P-256, for 127.0.0.1 and localhost). Call
    // before listen(). EMU001 when it cannot be set up.
    Result<void> enableTls();
    bool isTls() const;
    QByteArray certificatePem() const;    // empty without TLS
    QByteArray certificateSha256() const; // raw 32 bytes: the pin clients trust; empty without TLS

    // Starts listening on 127.0.0.1 (port 0 = any free port). EMU001 when the port cannot be used.
    Result<quint16> listen(quint16 port = 0);
    bool isListening() const;
    quint16 port() const;
    void close();

    // The limits applied at the socket (body and header size, idle and request time, connections). Call before
    // listen(); connections opened later use the limits set then.
    void setLimits(const HttpLimits& limits);
    const HttpLimits& limits() const;

    // The emulator's whole HTTP behaviour on one request, as plain data: routes, token, body, faults. The socket
    // layer calls this for every complete request within the limits; tests and the fuzzer call it directly.
    // Records the request (requestLog(), requestHandled) and, on success, the call (createdCalls(), callCreated).
    HttpResponse handleRequest(const HttpRequest& request);

    QUrl baseUrl() const;       // http(s)://127.0.0.1:PORT/telephony/v1
    QUrl voiceCallsUrl() const; // baseUrl() + /voiceCalls

    QList<CreatedCall> createdCalls() const;
    void clearCreatedCalls();
    QList<RequestRecord> requestLog() const;
    void clearRequestLog();

Q_SIGNALS:
    void callCreated(const handoff::emulator::CreatedCall& call);
    void requestHandled(const handoff::emulator::RequestRecord& record);

private:
    friend class EmulatorConnection;
    void accept(QTcpSocket* socket);
    // A request refused at the socket (status 400, 408, 413, 431, 501, 503, 505): logged, answered, then closed.
    HttpResponse refusalResponse(int status, const QString& code, const QString& message);

    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace handoff::emulator

Q_DECLARE_METATYPE(handoff::emulator::CreatedCall)
Q_DECLARE_METATYPE(handoff::emulator::RequestRecord)
