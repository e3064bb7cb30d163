#pragma once

#include "flow/Simulator.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace handoff::flow {

// What the far end of a Transfer to Number answered when the INVITE really went out.
struct TransferAnswer {
    bool accepted = false; // a 2xx final response
    int sipStatus = 0;     // the final status; 0 when none arrived (timeout, transport failure)
    QString reason;        // the reason phrase, or why there was no answer
    QStringList notes;     // one line each: Warning headers, transport chosen, CANCEL sent, ... (for the trace)
    QByteArray sent;       // the INVITE exactly as sent (request line, headers, SDP body)
    QByteArray received;   // the final response exactly as received (empty without one)
};

// Answers the simulator's Transfer to Number with a real transfer: core/sip's SipTransferBackend sends the INVITE
// over SIP (to the emulator's SIP stand-in for a rehearsal). Called on the simulator's thread; may block until the
// far end answers or the implementation's timeout.
class TransferBackend {
public:
    virtual ~TransferBackend() = default;
    virtual TransferAnswer transfer(const SipInvite& invite) = 0;
};

} // namespace handoff::flow
