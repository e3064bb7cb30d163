#pragma once

#include "flow/TransferBackend.h"
#include "sip/SipSender.h"

namespace handoff::sip {

// The simulator's Transfer to Number over real SIP: sends the INVITE to `options.to` (the emulator's SIP stand-in
// for a rehearsal) and turns what the peer answered into a TransferAnswer. Blocks for the transaction.
class SipTransferBackend final : public flow::TransferBackend {
public:
    explicit SipTransferBackend(SendOptions options);
    flow::TransferAnswer transfer(const flow::SipInvite& invite) override;

    // The last full report (both sides' bytes, provisional responses, BYE), for callers that show more.
    const std::optional<SendReport>& lastReport() const { return m_last; }

private:
    SendOptions m_options;
    std::optional<SendReport> m_last;
};

// The TransferAnswer a report gives (also for the CLI's --json).
flow::TransferAnswer toTransferAnswer(const SendReport& report);

} // namespace handoff::sip
