#pragma once

#include "diagnostics/Diagnostic.h"
#include "salesforce/OrgProfile.h"
#include "telephony/VoiceCallsBackend.h"

#include <QByteArray>
#include <QString>

namespace handoff::telephony {

// The credential probe (docs/emulator.md, "The credential probe"): one voiceCalls request signed with the project's
// key whose body is deliberately incomplete, so that an org that checks the token first refuses it for the token or
// for the body, and creates no VoiceCall either way. It proves the API token's path only (the Authorization header),
// not the UUI token's path through the SIP INVITE.
enum class ProbeVerdict {
    TokenRefused,    // 401/403: the token was refused (fail; the body's reason is given)
    TokenNotRefused, // 400 naming a body field: the token got past the check (inferred: the order is undocumented)
    RecordCreated,   // 200/201: a VoiceCall was created after all (a broken promise, reported with its id)
    NoAnswer,        // no HTTP answer (DNS, TLS, connection refused, timeout)
    Unexplained,     // any other answer (404, 429, 5xx, a 400 that names no body field), explained
};
QString probeVerdictKey(ProbeVerdict verdict); // "token-refused", "token-not-refused", ...: stable, for --json

struct ProbeResult {
    ProbeVerdict verdict = ProbeVerdict::NoAnswer;
    int httpStatus = 0;
    QString target;      // where it went (the backend's describe())
    QString reason;      // translated, one paragraph: what the answer means
    QString voiceCallId; // RecordCreated only
    QStringList errors;  // the answer's errors, as received
    // GOL040-GOL044 (the verdict), then the client's TEL0xx that explain the HTTP answer.
    diagnostics::Diagnostics diagnostics;

    bool failed() const { return verdict == ProbeVerdict::TokenRefused || verdict == ProbeVerdict::NoAnswer; }
};

// The body the probe sends: only callCenterApiName, none of the fields Salesforce documents as required
// (vendorCallKey, to, from, initiationMethod, startTime, participants).
QByteArray credentialProbeBody(const QString& callCenterApiName);

// The body fields a 400 may name for the probe to read it as "the token was not refused".
const QStringList& voiceCallsBodyFields();

class VoiceCallsClient;

// Sends the probe through `client` (its endpoint, TLS pin and token source: the project's API-token preset); judge
// the reply's result with judgeProbe(reply->result(), client.describe()).
VoiceCallsReply* startCredentialProbe(VoiceCallsClient& client, const salesforce::OrgProfile& org,
                                      QObject* parent = nullptr);

// Reads what the probe's request got back. Pure: the client's result in, the verdict out.
ProbeResult judgeProbe(const VoiceCallResult& answer, const QString& target);

} // namespace handoff::telephony
