#pragma once

#include "diagnostics/Diagnostic.h"
#include "flow/Flow.h"

namespace handoff::flow {

// Checks a flow against the rules of the handoff recipe (DOMAIN.md §1 and §6). Every diagnostic points at a field
// of the flow ("flow.actions[4].props.number", with the action's id in the message) and says what to do:
//  FLW001-FLW004  expressions that do not parse, use unsupported functions, or name unknown variables
//  FLW010  a Transfer to Number reachable without a created VoiceCall (Call Data Action success) on the way
//  FLW011  a Transfer to Number reachable without Set UUI Data (mode transfer) before it on every path
//  FLW012  the UUI's callId does not come from the Call Data Action's output
//  FLW013  a path that ends without a transfer, a disconnect or a jump
//  FLW014  a Call Data Action's failure or timeout path, or a transfer's failure path, missing or empty
//  FLW015  a transfer number that is not E.164 (+ and 1 to 15 digits)
//  FLW016  Set Post-Flow that does not target the Caller
//  FLW017  an action no call can reach
//  FLW018  a variable read where it may not have been set
//  FLW019  a loop with no way out (it runs into Architect's 10,000-action limit)
//  FLW020  a loop whose exit is not bounded by a counter (it could reach the limit)
//  FLW021  a data action input name that is not flat (no dots, brackets, spaces; unique)
//  FLW022  a data action input name Genesys reserves (orgId, integrationId, rawRequest)
//  FLW023  the flow's structure is broken (no start, duplicate ids, a path to a missing action)
//  FLW024  an assignment to a read-only Call.* variable
//  FLW025  Set UUI Data without the User-to-User option
diagnostics::Diagnostics validate(const Flow& flow, const QString& fieldPrefix = QStringLiteral("flow"));

// "+" and 1 to 15 digits, the E.164 form Architect and Salesforce expect for the Agentforce Voice SIP address.
bool isE164(QStringView number);

} // namespace handoff::flow
