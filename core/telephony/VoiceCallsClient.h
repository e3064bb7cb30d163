#pragma once

#include "common/Clock.h"
#include "telephony/ApiTokenSource.h"
#include "telephony/Endpoint.h"
#include "telephony/VoiceCallsBackend.h"
#include "telephony/VoiceCallsRequestBuilder.h"

#include <QByteArray>
#include <QObject>
#include <QUrl>

#include <memory>

class QNetworkAccessManager;

namespace handoff::telephony {

struct ClientOptions {
    int connectTimeoutMs = 10000; // until the request is on the wire (DNS, TCP, TLS)
    int totalTimeoutMs = 15000;   // the whole exchange, retry included (a Genesys data action allows at most 15 s)
    bool retryOn429 = true;       // one retry, after Retry-After
    int maxRetryAfterSecs = 10;   // a longer Retry-After is not waited for (TEL029)
    // Trust a server certificate only if the SHA-256 of its DER is this (raw 32 bytes): for the emulator's
    // self-signed certificate. With a pin, a certificate that does not match is refused even if publicly trusted.
    QByteArray pinnedCertificateSha256;
    BuildOptions build;
};

// The HTTP voiceCalls client (QNetworkAccessManager, asynchronous). TLS verification is always on; the only way to
// trust a self-signed certificate is ClientOptions::pinnedCertificateSha256. Each request gets a fresh token from the
// ApiTokenSource (also on the one retry after a 429). Results are explained as TEL0xx diagnostics.
class VoiceCallsClient final : public QObject, public VoiceCallsBackend {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VoiceCallsClient)

public:
    // `endpoint` is the full voiceCalls URL (see resolveEndpoint). The clock must outlive the client.
    VoiceCallsClient(QUrl endpoint, std::shared_ptr<ApiTokenSource> tokens, const Clock& clock,
                     ClientOptions options = {}, QObject* parent = nullptr);
    ~VoiceCallsClient() override;

    const ClientOptions& options() const { return m_options; }
    QUrl endpoint() const { return m_endpoint; }

    VoiceCallsReply* createVoiceCall(const VoiceCallRequest& request, QObject* parent = nullptr) override;
    QString describe() const override;

    // Sends `body` exactly as given, unchecked, with a fresh token and the usual headers (the credential probe's
    // deliberately incomplete body, telephony/CredentialProbe.h). Never retried, not even after a 429.
    VoiceCallsReply* sendBody(const QByteArray& body, QObject* parent = nullptr);

    // The request exactly as createVoiceCall() would send it (a fresh token when `withToken`), for the cURL rendering.
    // Diagnostics of the build (and TEL009 when no token could be made) go to `diagnostics`.
    HttpRequestSpec prepare(const VoiceCallRequest& request, bool withToken, diagnostics::Diagnostics* diagnostics);

private:
    friend class ClientReply;
    QNetworkAccessManager* m_network;
    QUrl m_endpoint;
    std::shared_ptr<ApiTokenSource> m_tokens;
    const Clock& m_clock;
    ClientOptions m_options;
};

} // namespace handoff::telephony
