#pragma once

#include "flow/Simulator.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace handoff::flow {

// TransferAnswer (what the far end answered) is declared in Simulator.h, beside the trace step that holds it.

// Answers the simulator's Transfer to Number with a real transfer: core/sip's SipTransferBackend sends the INVITE
// over SIP (to the emulator's SIP stand-in for a rehearsal). Called on the simulator's thread; may block until the
// far end answers or the implementation's timeout.
class TransferBackend {
public:
    virtual ~TransferBackend() = default;
    virtual TransferAnswer transfer(const SipInvite& invite) = 0;
};

} // namespace handoff::flow
