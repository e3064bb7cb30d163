#pragma once

#include "telephony/VoiceCallsBackend.h"

#include <QByteArray>
#include <QNetworkReply>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace handoff::telephony {

// The parts of a voiceCalls response body that matter, whatever shape it came in.
struct ParsedResponse {
    bool isJson = false;
    QString voiceCallId;
    QStringList errors;           // each item: a string as is; an object as "errorCode: message"
    bool errorsWasString = false; // `errors` was one string rather than an array
};

// Reads {"voiceCallId": "...", "errors": [] | "..."}, a Salesforce REST error list [{"errorCode","message"}], or
// {"message": "..."}; anything else is reported as not JSON / unexpected.
ParsedResponse parseVoiceCallsResponse(const QByteArray& body);

// Fills `result` from an HTTP answer: outcome, ids (with the 18-character form), errors and a TEL0xx diagnostic that
// explains the status for a person (401/403 with likely causes, 404, 429, 5xx, a body that is not JSON).
// `attempts` and `latencyMs` are left as they are.
void explainHttpAnswer(int httpStatus, const QByteArray& body, VoiceCallResult* result);

// Explains a failure without an HTTP answer: TEL022 (DNS), TEL023 (TLS), TEL024 (refused, or closed before the answer:
// then the VoiceCall may or may not exist), TEL025 (a timeout inside Qt).
diagnostics::Diagnostic explainNetworkError(QNetworkReply::NetworkError error, const QString& errorString,
                                            const QUrl& endpoint);

} // namespace handoff::telephony
