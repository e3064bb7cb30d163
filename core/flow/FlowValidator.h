#pragma once

#include "diagnostics/Diagnostic.h"
#include "flow/Flow.h"

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

// "+" and 1 to 15 digits, the E.164 form Architect and Salesforce expect for the Agentforce Voice SIP address.
bool isE164(QStringView number);

} // namespace handoff::flow
