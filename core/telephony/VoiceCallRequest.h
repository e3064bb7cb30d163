#pragma once

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

namespace handoff::telephony {

// How the call reached the contact centre (docs/emulator.md: `initiationMethod`).
enum class InitiationMethod { Inbound, Transfer };

QString initiationMethodName(InitiationMethod method); // "Inbound" / "Transfer", as the API spells them

// One entry of `participants` (docs/emulator.md).
struct Participant {
    QString participantKey; // the caller's number
    QString type = QStringLiteral("END_USER");

    friend bool operator==(const Participant&, const Participant&) = default;
};

// One `callAttributes` entry: a VoiceCall field API name and its value. Kept as an ordered list so that what the
// admin typed is what is sent, in the same order; sent as a JSON object encoded in a string.
struct CallAttribute {
    QString field; // e.g. "Department__c"
    QString value;

    friend bool operator==(const CallAttribute&, const CallAttribute&) = default;
};

// The body of POST /telephony/v1/voiceCalls, field for field (docs/emulator.md), as the admin entered it. Phone numbers
// are kept as typed here; the builder (VoiceCallsRequestBuilder) normalises them and reports what it changed.
struct VoiceCallRequest {
    QString callCenterApiName; // required
    QString vendorCallKey;     // required; Genesys: Call.ConversationId
    QString to;                // required; the contact-centre number dialled
    QString from;              // required; Genesys: Call.Ani, may be "tel:+1..."
    InitiationMethod initiationMethod = InitiationMethod::Inbound;
    QDateTime startTime;                 // required by the API; null = "now" from the builder's Clock
    QList<Participant> participants;     // empty = one END_USER participant keyed by `from`
    QString callOrigin;                  // optional
    QString callSubtype;                 // optional: "PSTN" or "WebRTC"
    QString parentVoiceCallId;           // optional; Transfer only
    QString queue;                       // optional
    QList<CallAttribute> callAttributes; // optional

    friend bool operator==(const VoiceCallRequest&, const VoiceCallRequest&) = default;
};

} // namespace handoff::telephony

// Every member is a Qt implicitly shared type or a plain value: QList may move it with memmove as it grows.
Q_DECLARE_TYPEINFO(handoff::telephony::VoiceCallRequest, Q_RELOCATABLE_TYPE);
Q_DECLARE_METATYPE(handoff::telephony::VoiceCallRequest)
