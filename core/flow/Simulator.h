#pragma once

#include "common/Clock.h"
#include "common/Error.h"
#include "diagnostics/Diagnostic.h"
#include "flow/Expression.h"
#include "flow/Flow.h"
#include "salesforce/OrgProfile.h"
#include "telephony/VoiceCallsBackend.h"
#include "uui/SipHeaderBudget.h"
#include "uui/TrunkUuiProfile.h"
#include "uui/UuiModel.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QSet>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

namespace handoff::flow {

class TransferBackend; // flow/TransferBackend.h

// One inbound call to simulate: what Genesys knows when the flow starts.
struct SimulatedCall {
    QString ani = QStringLiteral("tel:+14155550100");       // Call.Ani (Genesys may deliver the tel: form)
    QString dialledNumber = QStringLiteral("+18005550100"); // Call.CalledAddressOriginal and Call.CalledAddress
    QString conversationId; // Call.ConversationId; empty = a UUID derived from the seed and the call's number
    QDateTime startTime;    // null = the clock's now
    QString inboundUui;     // Call.UUIData; empty = NOT_SET
};

// How the UUI token reaches the flow (docs/keys-and-tokens.md): minted once and reused (pasted into the flow or a data
// table, the article's advice: exp at the 24 h maximum), or minted fresh for every call.
struct TokenSupply {
    enum class Mode { Reused, PerCall };
    Mode mode = Mode::Reused;
    QDateTime issuedAt;        // Reused: when it was minted; null = the start of the first simulated call
    qint64 refreshSeconds = 0; // Reused: minted again this often (0 = never)
    qint64 ttlSeconds = 24 * 60 * 60;
    bool jti = false;                                // a jti makes each token single-use at Salesforce
    int keyBits = 2048;                              // the signature's length follows the RSA key size
    QString iss = QStringLiteral("00D000000000001"); // the org id
    QString sub;                                     // the Call Center API name; empty = omitted (not an SCV customer)
};

// Signs a UUI token with these claims (iat, exp, iss, sub, jti as `claims` says) with the project's private key, as
// the exported Function Data Action does; for a rehearsal against the emulator's SIP stand-in, which verifies it.
// The flow module holds no key: the caller (the CLI's --live-emulator) supplies the signer.
using UuiTokenMinter = std::function<Result<QByteArray>(qint64 iat, qint64 exp, const TokenSupply& claims)>;

// The simulator does not hold the private key: it mints a stand-in token with the real header and claims and a
// signature of the right length. It decodes like a JWT and takes the same room in the UUI; it does not verify. Like
// RS256, it is deterministic: the same claims give the same token. The seed makes the jti, when the supply has one.
QByteArray standInToken(qint64 iat, qint64 exp, const TokenSupply& supply, quint64 seed);

// What the Function Data Action gets from the flow that matters for its answer, and what it returns: its output
// contract (docs/exports.md). The exported function and the simulator follow the same rules: the API's
// 15-character id becomes 18 characters, and a fresh UUI token is signed for this call under the project's UUI
// token policy, so no pasted token can expire under a running flow.
struct FunctionInputs {
    QString salesforceOrgId;   // the token's iss
    QString callCenterApiName; // the token's sub, for customers whose tokens carry one
};
struct FunctionOutputs {
    QString voiceCallId; // 18 characters
    QString uuiToken;
    QString warning; // the API's `errors` when it was a string (created, but some fields failed); else empty
};
// The simulator's stand-in signs nothing: the token has the real claims and a signature of the key's length.
// `mintToken` false leaves uuiToken empty, for a flow whose output contract does not read it.
FunctionOutputs dataActionFunction(const telephony::VoiceCallResult& result, const FunctionInputs& inputs,
                                   const TokenSupply& supply, qint64 now, quint64 seed, bool mintToken = true);
// The claims the function signs for this call: the project's policy with the org and call center the flow passed.
TokenSupply functionTokenClaims(const TokenSupply& supply, const FunctionInputs& inputs);

// What the simulator needs from the project: org, UUI template, trunk, token policy. The project module builds it
// (project::simulationContext); the flow module does not know projects.
struct SimulationContext {
    uui::UuiModel uuiTemplate;  // orgId, scrt2Domain, transactionId, custom parameters; token and callId are set
                                // per call from the flow's variables
    bool includeCallId = true;  // write callId from the Set UUI Data action's callId variable
    uui::TrunkUuiProfile trunk; // how the SIP trunk writes the User-to-User header
    TokenSupply tokens;
    quint64 seed = 1; // conversation ids, SIP tags and stand-in jtis derive from it
    int actionLimit = Flow::kActionLimit;
    QString edgeHost = QStringLiteral("genesys-edge.invalid"); // the INVITE's sending side [open]
    salesforce::OrgProfile org; // the UUI token's claims are checked against it, as `handoff uui compose` does
    // The selected environment's SIP address: a Transfer to Number whose number is a string literal sends the
    // INVITE here instead (empty: to the number as written).
    QString transferAddress;
    // Initial values that replace those the flow declares, for the variables named (the environment's org values,
    // project::simulationContext); a name the flow does not declare is ignored.
    QList<std::pair<QString, Value>> initialValues;
};

// The scripted answers for one call. The data action's outcome, when given, answers every Call Data Action of
// the call (else the backend passed to the simulator answers). The transfer's far end accepts or refuses.
struct CallScript {
    std::optional<telephony::CallOutcome> dataAction;
    bool transferAccepted = true;
};

enum class EndState : quint8 {
    Transferred,  // the INVITE was accepted: the caller reached the Agentforce Voice agent
    Disconnected, // the flow ended the call (on a failure path, or by design)
    FlowError,    // the flow could not go on (an expression failed, a path ended, a missing action): Architect's
                  // error handling takes the call
    ActionLimit,  // the call ran 10,000 actions
};
QString endStateKey(EndState state); // "transferred", "disconnected", "flowError", "actionLimit"

struct VariableChange {
    QString name;
    Value before;
    Value after;
};

// At Set UUI Data: what was composed, and whether it fits.
struct UuiSnapshot {
    UuiMode mode = UuiMode::Transfer;
    bool cleared = false; // "" clears the UUI
    bool notSet = false;  // NOT_SET sends nothing
    QByteArray json;
    uui::SipBudget budget;
    bool hasErrors = false; // core's UUI rules found an error (the step's diagnostics say which)
};

// At Transfer to Number: the SIP INVITE as the trunk would send it (headers only; the SDP body is left out).
struct SipInvite {
    QString requestLine;
    QStringList headers; // "Name: value", in order; the User-to-User header among them when a UUI is set
    QByteArray userToUserValue;
    bool hasUui = false;
    bool uuiFits = true;
    qsizetype measured = 0; // the length the trunk's limit applies to
    int limit = 0;
    QString text() const; // request line and headers, CRLF-separated, as on the wire
};

// What the far end of a Transfer to Number answered when the INVITE really went out.
struct TransferAnswer {
    bool accepted = false; // a 2xx final response
    int sipStatus = 0;     // the final status; 0 when none arrived (timeout, transport failure)
    QString reason;        // the reason phrase, or why there was no answer
    QStringList warnings;  // the final response's Warning header values (what the far end said was wrong)
    QStringList notes;     // one line each: Warning headers, transport chosen, CANCEL sent, ... (for the trace)
    QByteArray sent;       // the INVITE exactly as sent (request line, headers, SDP body)
    QByteArray received;   // the final response exactly as received (empty without one)
};

struct PostFlowRoute {
    PostFlowTarget target = PostFlowTarget::Caller;
    QString flowType;
    QString flowName;
    Value invocationData;
};

struct TraceStep {
    int number = 0; // 1-based count of actions run
    QString taskId;
    QString actionId;
    QString actionName;
    ActionKind kind = ActionKind::Disconnect;
    QList<std::pair<QString, Value>> inputs;  // evaluated inputs ("number", data action inputs, ...)
    QList<std::pair<QString, Value>> outputs; // data action outputs, transfer errorType/errorMessage
    QList<VariableChange> changes;
    QString path; // the path taken; empty when the action ends the call
    QString note; // one line for people
    std::optional<UuiSnapshot> uui;
    std::optional<SipInvite> invite;
    std::optional<TransferAnswer> answer; // the far end's answer, when a TransferBackend really sent the INVITE
    diagnostics::Diagnostics diagnostics;
};

struct Trace {
    SimulatedCall call; // with the conversation id and start time filled in
    QList<TraceStep> steps;
    EndState end = EndState::FlowError;
    QString endActionId;
    std::optional<PostFlowRoute> postFlow; // where the caller goes when the agent hangs up (after a transfer)
    diagnostics::Diagnostics diagnostics;  // every problem of the call, FLW04x and those of the steps
    qsizetype actionsRun = 0;

    bool reachedAgent() const { return end == EndState::Transferred; }
};

// Runs simulated calls through one flow. Expressions are parsed once, when the simulator is made; each run is
// independent except for what Salesforce would remember between calls (single-use token ids). Deterministic for a
// given context (seed) and clock; no real time passes.
class Simulator final {
public:
    Simulator(const Flow& flow, SimulationContext context, const Clock& clock);
    ~Simulator();
    Q_DISABLE_COPY_MOVE(Simulator)

    // `backend` answers the Call Data Action when the script does not say (scripted, the emulator, a real org); it
    // may be null, then the data action succeeds with a generated id.
    Trace run(const SimulatedCall& call, const CallScript& script = {},
              telephony::VoiceCallsBackend* backend = nullptr);

    // Fewer allocations: no trace steps, only the end state and diagnostics (matrix and window modes, benchmarks).
    void setRecordSteps(bool record) { m_recordSteps = record; }

    // A real transfer (core/sip's SipTransferBackend; not owned, may be null = the default, the scripted far end):
    // Transfer to Number sends the INVITE through it and the far end's answer decides the path; the simulator's own
    // prediction stays in the diagnostics (FLW092 when the answer contradicts it).
    void setTransferBackend(TransferBackend* backend);
    // Real UUI tokens instead of stand-in ones, for the Function Data Action's output and a reused token (null = the
    // default, stand-in tokens that do not verify).
    void setTokenMinter(UuiTokenMinter minter);

    const SimulationContext& context() const { return m_context; }

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
    SimulationContext m_context;
    const Clock& m_clock;
    bool m_recordSteps = true;
};

// ---- Matrix mode ---------------------------------------------------------------------------------------------

struct MatrixRow {
    telephony::CallOutcome dataAction = telephony::CallOutcome::Success;
    bool transferAccepted = true;
    EndState end = EndState::FlowError;
    QString endActionId;
    QString endTaskId;
    QStringList path;     // action ids, in order
    bool expected = true; // false: this combination ends badly
    QString verdict;      // why it is (or is not) a problem
    diagnostics::Diagnostics diagnostics;
};

struct MatrixReport {
    QList<MatrixRow> rows; // data action success/failure/timeout x transfer accepted/refused
    diagnostics::Diagnostics diagnostics;
    bool ok() const { return !diagnostics::hasErrors(diagnostics); }
};

// Every combination of data-action outcome and transfer outcome, one call each, and whether each ends as it
// should: the all-success combination must reach the agent; no combination may end in a flow error or at the
// action limit; the others must be handled (disconnect or another transfer).
MatrixReport runMatrix(const Flow& flow, const SimulationContext& context, const Clock& clock,
                       const SimulatedCall& call = {});

// ---- Time-window mode ----------------------------------------------------------------------------------------

struct WindowOptions {
    QDateTime start; // null = the clock's now
    int hours = 48;
    int callsPerHour = 10; // spread evenly within each hour
};

struct WindowHour {
    int hour = 0; // 0-based from the start
    QDateTime from;
    int calls = 0;
    int transferred = 0;
    int failed = 0;
    QMap<QString, int> reasons; // FLW code -> calls of this hour it stopped
};

struct WindowReport {
    QList<WindowHour> hours;
    int calls = 0;
    int transferred = 0;
    std::optional<QDateTime> firstFailure; // the start time of the first call that did not reach the agent
    std::optional<int> firstFailingHour;   // its hour, 0-based
    QString firstFailureCode; // why: the call's first error (UUI022 expired token, FLW043 replayed jti, ...)
    diagnostics::Diagnostics diagnostics;
    bool ok() const { return !diagnostics::hasErrors(diagnostics); }
};

// Calls spread over a period with the context's token supply, everything scripted to succeed: shows when transfers
// start failing because a reused token expired (or a single-use one is replayed).
WindowReport runWindow(const Flow& flow, const SimulationContext& context, const Clock& clock,
                       const WindowOptions& options, const SimulatedCall& callTemplate = {});

} // namespace handoff::flow
