#pragma once

#include "common/Clock.h"
#include "crypto/PrivateKey.h"
#include "diagnostics/Diagnostic.h"
#include "salesforce/OrgProfile.h"
#include "uui/TrunkUuiProfile.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace handoff::sip {

// One header of a received request, as parsed by the SIP stack: its name as written and its value.
struct ReceivedHeader {
    QString name;
    QByteArray value;
};

// What the stand-in judges: the INVITE's headers in order, and its body.
struct ReceivedInvite {
    QList<ReceivedHeader> headers;
    QString contentType;
    QByteArray body;
};

// An org whose certificate is registered (the emulator's registrations, copied).
struct RegisteredOrg {
    QString orgId;
    QList<crypto::PublicKey> keys;
    QStringList callCenters;
    salesforce::CustomerType customerType = salesforce::CustomerType::VoiceWithTelephonyProviders;
};

struct JudgeContext {
    QList<RegisteredOrg> orgs;
    QStringList voiceCalls;     // ids of the VoiceCalls the emulator created (15 or 18 characters)
    uui::TrunkUuiProfile trunk; // the header form expected and the reading of the 1,024 limit (read from it)
    qint64 clockSkewSecs = 60;  // iat/exp tolerance
    QString warnAgent = QStringLiteral("handoff-standin"); // the warn-agent of Warning headers
};

// The stand-in's answer. The codes and texts go on the wire, so they are English whatever the UI language.
struct Verdict {
    int status = 500;
    QString reason;                       // the reason phrase: says what was wrong
    QStringList warnings;                 // Warning header values: 399 <agent> "<CODE> <text>"
    diagnostics::Diagnostics diagnostics; // everything found, errors first in the order checked
    QString uuiHeaderName;                // as received
    QString uuiForm;                      // how the header was read ("hex, PD prefix 04")
    QByteArray uuiJson;                   // the decoded UUI
    bool sdpPcmu = false;
    bool sdpSrtp = false;
    bool accepted() const { return status >= 200 && status < 300; }
};

// Judges an INVITE as Agentforce Voice would (docs/sip.md states each rule and the status it answers, which
// Salesforce does not document): exactly one User-to-User header, decodable under its encoding, ASCII only, within
// the trunk's limit; JSON with the UUI keys (uui::lint); the token RS256-verified against a certificate registered
// for its iss, its claims (jwt::checkToken: expiry, 24 h, sub); callId, when present, 18 characters and a VoiceCall
// of `context.voiceCalls`; the SDP offering PCMU (SRTP missing is a warning). The clock is the emulator's.
Verdict judgeInvite(const ReceivedInvite& invite, const JudgeContext& context, const Clock& clock);

// Formats one Warning header value (RFC 3261 §20.43, code 399): quotes and backslashes escaped, non-ASCII and
// control characters replaced, at most 240 characters of text.
QString warningValue(const QString& agent, const QString& code, const QString& text);

} // namespace handoff::sip
