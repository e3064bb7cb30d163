#pragma once

#include "CliContext.h"
#include "emulator/VoiceCallsEmulator.h"
#include "sip/SipEndpoint.h"

#include <memory>
#include <variant>

namespace handoff::cli {

// `handoff emulator --sip-port N`: the Agentforce Voice SIP stand-in beside the voiceCalls emulator, judging INVITEs
// against the emulator's registrations and the VoiceCalls it creates (docs/sip.md).
struct SipStandInOptions {
    quint16 port = 0;
    std::optional<quint16> tlsPort; // set: also serve TLS, with a loopback certificate of the emulator's kind
    QString projectPath;            // the trunk profile comes from this project; empty = the default profile
    QString writeCertificate;       // with tlsPort: save the TLS certificate (PEM) here, for `sip send --ca`
    bool json = false;
};

// Starts the stand-in and prints where it listens; returns it running, or the exit code on failure.
std::variant<std::unique_ptr<sip::SipEndpoint>, int>
startSipStandIn(Context& context, emulator::VoiceCallsEmulator& emulator, const SipStandInOptions& options);

} // namespace handoff::cli
