#pragma once

#include "CliContext.h"
#include "crypto/PrivateKey.h"
#include "emulator/VoiceCallsEmulator.h"
#include "flow/Simulator.h"
#include "flow/TransferBackend.h"
#include "project/Project.h"
#include "sip/SipEndpoint.h"
#include "sip/SipTransferBackend.h"
#include "telephony/VoiceCallsClient.h"

#include <memory>
#include <variant>

namespace handoff::cli {

// `handoff flow simulate PROJECT --live-emulator --key KEY` (docs/sip.md, "The rehearsal"): the built-in voiceCalls
// emulator and the Agentforce Voice SIP stand-in, both in this process on 127.0.0.1, with the key's public half
// registered for the project's org. The Call Data Action is answered by the emulator (the simulator applies the
// function's 15 -> 18 conversion and signs the UUI token with the key, as the exported function does), and the
// transfer's INVITE goes over real SIP to the stand-in, whose verdict and the VoiceCall it found go into the trace.
class LiveRehearsal final {
public:
    ~LiveRehearsal();

    // Starts both; the exit code on failure (the reason printed).
    static std::variant<std::unique_ptr<LiveRehearsal>, int> start(Context& context, const project::Project& project,
                                                                   const crypto::PrivateKey& key);

    // Wires the simulator: the real transfer and the real UUI token signer.
    void attach(flow::Simulator& simulator);
    telephony::VoiceCallsBackend* backend() const;

    QString voiceCallsUrl() const;
    QString sipUri() const;

private:
    LiveRehearsal() = default;

    class StandInTransfer;
    std::unique_ptr<emulator::VoiceCallsEmulator> m_emulator;
    std::unique_ptr<sip::SipEndpoint> m_standIn;
    std::unique_ptr<telephony::VoiceCallsClient> m_client;
    std::unique_ptr<StandInTransfer> m_transfer;
    crypto::PrivateKey m_key;
    const Clock* m_clock = nullptr;
};

} // namespace handoff::cli
