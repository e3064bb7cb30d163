#pragma once

#include "diagnostics/Diagnostic.h"
#include "flow/Flow.h"

#include <memory>

namespace handoff::flow {

// Checks a flow against the rules of the handoff recipe (docs/flow.md). Every diagnostic is located by task and
// action id and the property (diagnostics::Location), and says what to do:
//  FLW001-FLW004  expressions that do not parse, use unsupported functions, or name unknown variables
//  FLW010  a Transfer to Number reachable without a created VoiceCall (Call Data Action success) on the way
//  FLW011  a Transfer to Number reachable without Set UUI Data (mode transfer) before it on every path
//  FLW012  the UUI's callId does not come from the Call Data Action's output
//  FLW013  a task that a call can reach the end of without a terminating action (Disconnect, a jump)
//  FLW014  an empty failure or timeout path (Call Data Action, transfer) after which the task ends
//  FLW015  a transfer number that is not E.164 (+ and 1 to 15 digits)
//  FLW016  Set Post-Flow that does not target the Caller
//  FLW017  an action no call can reach
//  FLW018  a variable read where it may not have been set
//  FLW019  a loop with no way out (it runs into Architect's 10,000-action limit)
//  FLW020  a loop whose exit is not bounded by a counter (it could reach the limit)
//  FLW021  a data action input name that is not flat (no dots, brackets, spaces; unique)
//  FLW022  a data action input name Genesys reserves (orgId, integrationId, rawRequest)
//  FLW023  the flow's structure is broken (no start, duplicate ids, a jump to a missing task)
//  FLW024  an assignment to a read-only Call.* variable
//  FLW025  Set UUI Data without the User-to-User option
//  FLW026  a task id that is empty, used twice or not refId-safe
diagnostics::Diagnostics validate(const Flow& flow);

// validate() again after an edit, rechecking only what the edit can change (docs/flow.md, "Incremental
// validation"); the result is always the list validate() gives for the same flow, in the same order.
// - The first call, and any call after an edit that changes the flow's shape (an action added, removed or moved, an
//   id, a task or a variable changed, the start task), validates the whole flow and remembers its findings.
// - After an edit that changes only actions' names and properties, it reruns the rules about those actions (their
//   expressions, variable names and properties). The flow-wide rules (reachability, what is set where, paths,
//   transfers, loops) read only the flow's shape and a summary of each action (its kind, name, what it reads and
//   writes, its jump target, its UUI mode); when an edited action's summary is unchanged, their findings are too,
//   and they are reused. Otherwise the whole flow is validated.
// It keeps no reference to the flow it was given.
class IncrementalValidator final {
public:
    IncrementalValidator();
    ~IncrementalValidator();
    IncrementalValidator(IncrementalValidator&&) noexcept;
    IncrementalValidator& operator=(IncrementalValidator&&) noexcept;

    diagnostics::Diagnostics validate(const Flow& flow);

    // What the last validate() did: reuse (incremental) and how many actions' own rules it ran.
    struct Run {
        bool incremental = false;
        int recheckedActions = 0;
    };
    Run lastRun() const;
    // Forget the remembered findings: the next validate() is a full one.
    void reset();

private:
    struct State;
    std::unique_ptr<State> m_state;
    Run m_last;
};

// "+" and 1 to 15 digits, the E.164 form Architect and Salesforce expect for the Agentforce Voice SIP address.
bool isE164(QStringView number);

} // namespace handoff::flow
