#pragma once

#include "common/Clock.h"
#include "common/Error.h"
#include "flow/Scenario.h"
#include "flow/Simulator.h"
#include "project/Project.h"
#include "sip/UuiHeaderReader.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace handoff::crypto {
class PrivateKey;
}

namespace handoff::flow {

// The simulation view's calls into the core, kept apart from the widgets so that tests check them without a
// window: the panel shows what these return, and `handoff flow simulate`, `flow matrix` and `flow window` print what
// the same core functions return for the same project.

// project::simulationContext, with the stand-in UUI token sized for the loaded key when there is one (the CLI's
// --key-bits; 2048 without a key, as the CLI's default).
SimulationContext panelContext(const project::Project& project, const crypto::PrivateKey* key);

// One call as `handoff flow simulate --scenario` runs it: a scenario whose data action is answered by "the backend"
// is scripted to succeed (the panel talks to no backend).
Trace runScenarioCall(const project::Project& project, const Scenario& scenario, const SimulationContext& context,
                      const Clock& clock);

// One call rehearsed on this computer, as `handoff flow simulate --live-emulator` runs it (sip::LiveRehearsal): the
// built-in voiceCalls emulator answers the Call Data Action (the scenario's scripted outcome is not used), the UUI
// token is signed with `key`, and the INVITE goes over real SIP to the emulator's Agentforce Voice stand-in, whose
// answer and verdict are the transfer step's `answer`. Blocks until the call ends (the emulator answers through a
// local event loop; the SIP transaction waits at most a few seconds on the loopback).
struct RehearsedCall {
    Trace trace;
    QString voiceCallsUrl; // where the emulator listened
    QString sipUri;        // where the stand-in listened
};
Result<RehearsedCall> rehearseCall(const project::Project& project, const Scenario& scenario,
                                   const SimulationContext& context, const Clock& clock, const crypto::PrivateKey& key);

// One variable in the watch at a step.
struct WatchEntry {
    QString name;
    std::optional<Value> value; // nullopt: supplied by the project at the call's start and not recorded in the trace
    bool builtIn = false;       // Call.*
    bool changedHere = false;   // the current step set it
    bool changedSoFar = false;  // some step up to the current one set it
};

// The variables at step `stepIndex` (0-based index into trace.steps, after that step ran; -1 = before the first):
// the Call.* built-ins with the call's values, then the flow's declared variables, each with the value it has after
// that step. A variable a step changed starts from that change's "before" value, which is what the simulator held.
QList<WatchEntry> watchAt(const Flow& flow, const Trace& trace, int stepIndex);

// The actions the call passed, in order.
QStringList pathOf(const Trace& trace);

// The index of the step whose Transfer to Number rendered an INVITE (the last one); -1 when none did.
int inviteStepIndex(const Trace& trace);

// The User-to-User (or X-User-to-User) header of a rendered INVITE, read back as the receiving side reads it with the
// core's reader (sip::readUuiHeader), and the UUI JSON it carries.
struct DecodedInviteUui {
    QString headerName;
    sip::ReadUui read;
    QByteArray json;       // the decoded data as it came (when read.ok)
    QByteArray prettyJson; // indented, when it is a JSON object; else empty
};
std::optional<DecodedInviteUui> decodeInviteUui(const SipInvite& invite);

// How long the UUI token a call carries is still valid, sampled once per hour of a window (at the hour's first call,
// as flow::runWindow places it): the token is the one the simulator put into the UUI at Set UUI Data, and its
// validity is its exp claim minus the call's start. At most `maxSamples` samples (spread evenly over long windows).
struct TokenValiditySample {
    int hour = 0;
    std::optional<double> hoursLeft; // nullopt: the call carried no token (it ended before Set UUI Data)
};
QList<TokenValiditySample> tokenValidity(const Flow& flow, const SimulationContext& context, const Clock& clock,
                                         const WindowOptions& options, int maxSamples = 400);

} // namespace handoff::flow
