#include "diagnostics/Catalog.h"

#include <QtGlobal>

namespace handoff::diagnostics {

namespace {
// Codes of core/flow. Keep each one stable once released; document it in docs/diagnostics.md.
constexpr CodeInfo kCodes[] = {
    // Expressions
    {"FLW001", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics", "An Architect expression has a syntax error at the marked character.")},
    {"FLW002", Severity::Warning,
     QT_TRANSLATE_NOOP("handoff::diagnostics",
                       "An expression uses a function or operator the simulator does not model; it is not guessed.")},
    {"FLW003", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics",
                       "An expression mixes types or uses a NOT_SET value where Architect does not accept one.")},
    {"FLW004", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics", "An expression names a variable the flow does not declare.")},
    // Flow model and validation
    {"FLW006", Severity::Warning,
     QT_TRANSLATE_NOOP("handoff::diagnostics", "The flow section of the project file has a key this version ignores.")},
    {"FLW005", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics",
                       "A field of the flow in the project file has the wrong type or an unknown value.")},
    {"FLW007", Severity::Info,
     QT_TRANSLATE_NOOP("handoff::diagnostics",
                       "Opening a version 2 flow turned an action reached from several places into a reusable task.")},
    {"FLW010", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics", "A Transfer to Number can be reached before the VoiceCall is created.")},
    {"FLW011", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics",
                       "A Transfer to Number can be reached without Set UUI Data (For Transfers) before it.")},
    {"FLW012", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics", "The UUI's callId does not come from the Call Data Action's output.")},
    {"FLW013", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics", "A path ends without a transfer, a disconnect or a jump.")},
    {"FLW014", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics", "A failure or timeout path is missing or empty.")},
    {"FLW015", Severity::Error, QT_TRANSLATE_NOOP("handoff::diagnostics", "The transfer number is not in E.164 form.")},
    {"FLW016", Severity::Error, QT_TRANSLATE_NOOP("handoff::diagnostics", "Set Post-Flow does not target the Caller.")},
    {"FLW017", Severity::Warning,
     QT_TRANSLATE_NOOP("handoff::diagnostics", "An action cannot be reached by any call.")},
    {"FLW018", Severity::Warning,
     QT_TRANSLATE_NOOP("handoff::diagnostics", "A variable is read where it may not be set yet.")},
    {"FLW019", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics", "A loop has no way out and runs into the 10,000-action limit.")},
    {"FLW020", Severity::Warning,
     QT_TRANSLATE_NOOP("handoff::diagnostics",
                       "A loop leaves only when an outcome changes; it could reach the 10,000-action limit.")},
    {"FLW021", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics", "A data action input name is not flat or is given twice.")},
    {"FLW022", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics", "A data action input name is reserved by Genesys.")},
    {"FLW023", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics",
                       "The flow's structure is broken: no start, a duplicate id, or a path to a missing action.")},
    {"FLW026", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics",
                       "A task id is empty, used twice or has a character Archy's refId does not allow.")},
    {"FLW024", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics", "An action writes to a read-only built-in Call variable.")},
    {"FLW027", Severity::Warning,
     QT_TRANSLATE_NOOP("handoff::diagnostics",
                       "An action imported from Archy that the model does not have: kept and exported unchanged, "
                       "not checked or simulated; test it in Architect.")},
    {"FLW025", Severity::Warning,
     QT_TRANSLATE_NOOP("handoff::diagnostics", "Set UUI Data does not use the User-to-User option.")},
    // Simulation
    {"FLW040", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics",
                       "A simulated call stopped in an error: Architect's error handling takes it.")},
    {"FLW050", Severity::Warning,
     QT_TRANSLATE_NOOP(
         "handoff::diagnostics",
         "A call reaches the Agentforce agent with no Set Post-Flow (Target: Caller) before the transfer: "
         "an escalation drops the caller.")},
    {"FLW041", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics",
                       "The UUI does not fit the SIP header limit, so the transfer is taken to fail.")},
    {"FLW042", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics", "The UUI token had expired when the call was transferred.")},
    {"FLW043", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics", "A single-use UUI token (with jti) was presented a second time.")},
    {"FLW044", Severity::Error, QT_TRANSLATE_NOOP("handoff::diagnostics", "The transfer's INVITE carries no UUI.")},
    {"FLW045", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics", "A simulated call ran into Architect's 10,000-action limit.")},
    {"FLW046", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics", "A combination of data-action and transfer outcomes ends badly.")},
    {"FLW047", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics",
                       "In the time window, transfers start failing (for example when a reused token expires).")},
    {"FLW048", Severity::Info,
     QT_TRANSLATE_NOOP("handoff::diagnostics", "The far end refused the transfer (scripted).")},
    {"FLW049", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics",
                       "The UUI of a simulated transfer breaks Salesforce's rules, so the transfer is taken to fail.")},
    // A real transfer (Simulator::setTransferBackend, `flow simulate --live-emulator`) and real UUI tokens
    {"FLW090", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics", "The far end refused the transfer's INVITE sent over SIP.")},
    {"FLW091", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics", "The transfer's INVITE sent over SIP got no final answer.")},
    {"FLW092", Severity::Warning,
     QT_TRANSLATE_NOOP("handoff::diagnostics",
                       "The far end accepted an INVITE the simulator expected to fail: its assumption does not hold.")},
    {"FLW093", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics", "A UUI token could not be signed with the project's key.")},
    // Edits (the edit API and `handoff flow edit`): the flow is left unchanged
    {"FLW060", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics", "An edit names an action, task or variable the flow does not have.")},
    {"FLW061", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics", "An edit gives an id or name that is not allowed or already in use.")},
    {"FLW062", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics", "An edit names a place in the flow that does not exist.")},
    {"FLW063", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics",
                       "An edit puts an action where Architect allows none, such as after a terminating action.")},
    {"FLW064", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics",
                       "An edit removes or renames something still in use (a task that is jumped to, the start).")},
    {"FLW065", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics", "An edit sets a property the action's kind does not have.")},
    // The flow designer (ui/flow)
    {"FLW070", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics", "Pasted text is not a flow action copied from the designer.")},
};
} // namespace

std::span<const CodeInfo> flowCodes() {
    return kCodes;
}

} // namespace handoff::diagnostics
