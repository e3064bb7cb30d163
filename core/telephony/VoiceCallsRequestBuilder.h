#pragma once

#include "common/Clock.h"
#include "diagnostics/Diagnostic.h"
#include "telephony/VoiceCallRequest.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QUrl>

#include <utility>

namespace handoff::telephony {

// How the builder treats what the admin typed.
struct BuildOptions {
    // ISO 3166 region for numbers typed in national form ("US", "GB"); empty = only +country-code numbers normalise.
    QString defaultRegion;
    // Normalise `to`, `from` and participant keys to E.164 where possible (never refuses; see PhoneNumbers.h).
    bool normaliseNumbers = true;
    // The optional Telephony-Provider-Name header; empty = not sent. The API documents the header but no list of
    // values; samples send "amazon-connect" and "demo-connector" [undocumented; docs/emulator.md].
    QString telephonyProviderName;
};

// The body as it will be sent, and what the builder found.
struct BuiltBody {
    QByteArray json;       // compact, fields in the documented order
    VoiceCallRequest sent; // the request after normalisation (numbers, startTime, participants filled in)
    diagnostics::Diagnostics diagnostics;

    bool ok() const { return !diagnostics::hasErrors(diagnostics); }
};

// Checks the request and produces the JSON body of POST /telephony/v1/voiceCalls: required fields (TEL001), phone
// numbers (TEL002/TEL003), callAttributes as a JSON-object string (TEL005), callSubtype (TEL008),
// parentVoiceCallId only with Transfer (TEL007). An empty startTime becomes the clock's now, UTC ISO-8601 with
// milliseconds ("2026-11-28T12:15:30.000Z"); empty participants become one END_USER keyed by `from`.
BuiltBody buildVoiceCallBody(const VoiceCallRequest& request, const BuildOptions& options, const Clock& clock);

// UTC ISO-8601 with milliseconds and Z, as JavaScript's Date.toISOString() (what the vendor's function sends).
QString isoUtc(const QDateTime& time);

// One HTTP request, fully described: what the client sends and what the cURL rendering prints.
struct HttpRequestSpec {
    QUrl url;
    QList<std::pair<QByteArray, QByteArray>> headers; // in order; Authorization included when a token is set
    QByteArray body;

    QByteArray header(const QByteArray& name) const; // case-insensitive; empty when absent
};

// The request for one create: endpoint, Content-Type, the optional Telephony-Provider-Name, and Authorization
// with `apiToken` (a fresh JWT per request; see ApiTokenSource).
HttpRequestSpec voiceCallsHttpRequest(const QUrl& endpoint, const QByteArray& body, const QByteArray& apiToken,
                                      const BuildOptions& options);

} // namespace handoff::telephony
