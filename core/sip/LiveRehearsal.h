#pragma once

#include "common/Clock.h"
#include "common/Error.h"
#include "crypto/PrivateKey.h"
#include "emulator/VoiceCallsEmulator.h"
#include "flow/Simulator.h"
#include "flow/TransferBackend.h"
#include "project/Project.h"
#include "sip/SipEndpoint.h"
#include "sip/SipTransferBackend.h"
#include "telephony/VoiceCallsClient.h"

#include <memory>

namespace handoff::sip {

// The rehearsal of a call on this computer (docs/sip.md, "The rehearsal"; `handoff flow simulate --live-emulator`
// and the app's simulation view): the built-in voiceCalls emulator and the Agentforce Voice SIP stand-in, both in
// this process on 127.0.0.1, with the key's public half registered for the project's org. The Call Data Action is
// answered by the emulator (the simulator applies the function's 15 -> 18 conversion and signs the UUI token with the
// key, as the exported function does), and the transfer's INVITE goes over real SIP to the stand-in, whose verdict
// and the VoiceCall it found go into the trace as the transfer answer's notes.
//
// The emulator answers on the thread that created it: run the simulator on that thread (its request waits in a local
// event loop). The stand-in has a thread of its own.
class LiveRehearsal final {
public:
    ~LiveRehearsal();

    // Registers the project's org with the key (fails when the project's org settings cannot be registered: a
    // problem of the project); nothing listens yet.
    static Result<std::unique_ptr<LiveRehearsal>> create(const project::Project& project, const crypto::PrivateKey& key,
                                                         const Clock& clock);
    // Starts the emulator and the stand-in on free loopback ports (fails when neither can listen).
    Result<void> listen();

    // Wires the simulator: the real transfer and the real UUI token signer.
    void attach(flow::Simulator& simulator);
    // What answers the Call Data Action (the emulator, through a client that signs the API token with the key).
    telephony::VoiceCallsBackend* backend() const;

    QString voiceCallsUrl() const;
    QString sipUri() const;
    const emulator::VoiceCallsEmulator& emulator() const { return *m_emulator; }

private:
    LiveRehearsal() = default;

    class StandInTransfer;
    project::Project m_project;
    std::unique_ptr<emulator::VoiceCallsEmulator> m_emulator;
    std::unique_ptr<SipEndpoint> m_standIn;
    std::unique_ptr<telephony::VoiceCallsClient> m_client;
    std::unique_ptr<StandInTransfer> m_transfer;
    crypto::PrivateKey m_key;
    const Clock* m_clock = nullptr;
};

} // namespace handoff::sip
