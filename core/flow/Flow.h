#pragma once

#include "common/Error.h"
#include "diagnostics/Diagnostic.h"
#include "flow/ExpressionValue.h"

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>
#include <span>
#include <variant>
#include <vector>

namespace handoff::flow {

// The actions of a Genesys Architect inbound call flow that the handoff recipe uses (docs/flow.md), each with the
// properties Architect shows for it. Kinds have stable keys for files and --json ("callData", "setUuiData", ...).
enum class ActionKind : quint8 {
    Transcription,
    EnableParticipantRecording,
    PlayAudio,
    CallData,
    Decision,
    UpdateData,
    SetUuiData,
    TransferToNumber,
    SetPostFlow,
    Disconnect,
    Jump, // "Jump to Reusable Task": the call continues in another task
    // An Archy action this model does not have (read by the Archy importer): kept as it was, never run or checked.
    Opaque,
};

QString actionKindKey(ActionKind kind);
std::optional<ActionKind> actionKindFromKey(QStringView key);
QString actionKindName(ActionKind kind); // translated, as Architect names it ("Call Data Action", ...)

// The outputs each kind has (Architect's paths). An action with outputs holds one nested list of actions per
// output; a list that ends without a terminating action continues after its parent ("merges back"), so the
// actions after a Call Data Action run once its success path has run.
inline constexpr const char* kPathSuccess = "success"; // Call Data Action
inline constexpr const char* kPathFailure = "failure"; // Call Data Action, Transfer to Number
inline constexpr const char* kPathTimeout = "timeout"; // Call Data Action
inline constexpr const char* kPathYes = "yes";         // Decision
inline constexpr const char* kPathNo = "no";           // Decision
// Not an output: the name of the way on in a trace and in the control-flow graph (FlowGraph).
inline constexpr const char* kPathNext = "next";
inline constexpr const char* kPathJump = "jump";
QStringList outputsOf(ActionKind kind);
// Disconnect and Jump to Reusable Task end a list: nothing can follow them in it.
bool isTerminating(ActionKind kind);

// A name bound to an expression (data action inputs, Update Data assignments) or to a variable (data action
// success outputs: name = output contract name, value = the variable that receives it).
struct Binding {
    QString name;
    QString value;
    QJsonObject extra; // keys this version does not know, kept for saving
    friend bool operator==(const Binding&, const Binding&) = default;
};

struct TranscriptionProps {
    bool enabled = true;
    friend bool operator==(const TranscriptionProps&, const TranscriptionProps&) = default;
};

struct RecordingProps {
    friend bool operator==(const RecordingProps&, const RecordingProps&) = default;
};

// Audio is either text-to-speech (an expression giving the text) or a prompt name.
struct Audio {
    QString tts;    // an Architect expression, e.g. "\"Please hold.\""; empty when a prompt is used
    QString prompt; // a prompt's name, e.g. "Prompt.Welcome"
    QJsonObject extra;
    bool isEmpty() const { return tts.isEmpty() && prompt.isEmpty(); }
    friend bool operator==(const Audio&, const Audio&) = default;
};

struct PlayAudioProps {
    Audio audio;
    friend bool operator==(const PlayAudioProps&, const PlayAudioProps&) = default;
};

struct CallDataProps {
    QString integration = QStringLiteral("Function Data Actions"); // Architect's "Category"
    QString dataAction;                                            // the action's name
    QList<Binding> inputs;                                         // input contract name -> expression
    QList<Binding> successOutputs;                                 // output contract name -> variable
    int timeoutSeconds = 15;                                       // Function Data Actions run 1-15 s
    friend bool operator==(const CallDataProps&, const CallDataProps&) = default;
};

struct DecisionProps {
    QString condition; // a Boolean expression
    friend bool operator==(const DecisionProps&, const DecisionProps&) = default;
};

struct UpdateDataProps {
    QList<Binding> assignments; // variable -> expression, applied in order
    friend bool operator==(const UpdateDataProps&, const UpdateDataProps&) = default;
};

enum class UuiMode : quint8 { Transfer, Disconnect };
enum class UuiSource : quint8 {
    Expression,      // `expression` gives the UUI text
    ProjectTemplate, // the project's UUI template, token and callId from the variables named below
};

struct SetUuiDataProps {
    UuiMode mode = UuiMode::Transfer;
    UuiSource source = UuiSource::ProjectTemplate;
    QString expression;                                          // for UuiSource::Expression
    QString tokenVariable = QStringLiteral("Task.uuiToken");     // for UuiSource::ProjectTemplate
    QString callIdVariable = QStringLiteral("Task.voiceCallId"); // for UuiSource::ProjectTemplate; empty = no callId
    bool userToUser = true; // Architect's "User-to-User" option (the header Salesforce reads)
    friend bool operator==(const SetUuiDataProps&, const SetUuiDataProps&) = default;
};

struct TransferProps {
    QString number; // an expression; the Agentforce Voice SIP address in E.164 form
    bool releaseLinkTransfer = false;
    int connectTimeoutSeconds = 30;
    Audio preTransferAudio;
    Audio failedTransferAudio;
    QString errorTypeVariable;    // failure output errorType -> this variable (optional)
    QString errorMessageVariable; // failure output errorMessage -> this variable (optional)
    friend bool operator==(const TransferProps&, const TransferProps&) = default;
};

enum class PostFlowTarget : quint8 { Caller, Agent };
struct SetPostFlowProps {
    PostFlowTarget target = PostFlowTarget::Caller;
    QString flowType = QStringLiteral("inboundCall"); // "inboundCall" or "voiceSurvey"
    QString flowName;                                 // the escalation flow
    QString invocationData; // an expression giving JSON text, available there as Flow.InvocationData
    friend bool operator==(const SetPostFlowProps&, const SetPostFlowProps&) = default;
};

struct DisconnectProps {
    friend bool operator==(const DisconnectProps&, const DisconnectProps&) = default;
};

struct JumpProps {
    QString task; // id of the reusable task the call continues in
    friend bool operator==(const JumpProps&, const JumpProps&) = default;
};

// An action the model does not have, as an Archy import found it: its Archy key ("dataTableLookup") and its
// YAML node in JSON form (nested actions included), written back unchanged on export.
struct OpaqueProps {
    QString archyKind;
    QJsonObject raw;
    friend bool operator==(const OpaqueProps&, const OpaqueProps&) = default;
};

using ActionProps =
    std::variant<TranscriptionProps, RecordingProps, PlayAudioProps, CallDataProps, DecisionProps, UpdateDataProps,
                 SetUuiDataProps, TransferProps, SetPostFlowProps, DisconnectProps, JumpProps, OpaqueProps>;

struct Action;
// std::vector, not QList: the standard containers are the ones that allow the element type to be incomplete here,
// and an action nests lists of actions.
using ActionList = std::vector<Action>;

// One output of an action with its nested actions.
struct Output {
    QString key; // one of outputsOf(kind)
    ActionList actions;
};

struct Action {
    QString id;   // unique in the flow (across all tasks); stable across edits ("create-voicecall")
    QString name; // the name shown in Architect
    ActionProps props;
    QList<Output> outputs; // one per outputsOf(kind()), in that order
    QJsonObject extra;     // keys of the action this version does not know: kept, written back on save

    // An action of the kind `props` holds, with its (empty) outputs.
    static Action make(QString id, QString name, ActionProps props);

    ActionKind kind() const { return static_cast<ActionKind>(props.index()); }
    const ActionList* output(QStringView key) const;
    ActionList* output(QStringView key);

    template <typename T>
    const T* as() const {
        return std::get_if<T>(&props);
    }
    template <typename T>
    T* as() {
        return std::get_if<T>(&props);
    }
};
bool operator==(const Output& a, const Output& b);
bool operator==(const Action& a, const Action& b);

// A task of the flow: the starting task or a reusable one, each an ordered list of actions.
struct Task {
    QString id;   // unique among tasks; becomes Archy's refId, so none of [ ] # ~ / (see isRefIdSafe)
    QString name; // shown in Architect
    ActionList actions;
    QJsonObject extra;
    friend bool operator==(const Task&, const Task&) = default;
};
bool isRefIdSafe(QStringView id);

// Where an action sits: in a task's own list (parentId empty) or in an output of another action.
struct ActionPlace {
    QString taskId;
    QString parentId; // empty: the task's top-level list
    QString output;   // with parentId: one of the parent's outputs
    int index = 0;    // position in that list
    friend bool operator==(const ActionPlace&, const ActionPlace&) = default;
};

// Who gives a variable its value besides the flow's own actions.
enum class Supplier : quint8 {
    None,
    // The UUI token the project mints under its token policy (docs/keys-and-tokens.md). In Architect this is a token
    // the admin pastes into the flow or a data table and reuses until it expires: the simulator models exactly that, so
    // the time-window mode can show when it expires. Key "projectUuiToken".
    ProjectUuiToken,
};

// A variable of the flow. Names carry their scope: "Flow.uuiToken", "Task.voiceCallId".
struct Variable {
    QString name;
    ValueType type = ValueType::String;
    Value initial; // NOT_SET unless given
    QString description;
    Supplier suppliedBy = Supplier::None;
    QJsonObject extra;
    friend bool operator==(const Variable&, const Variable&) = default;
};

// A built-in Call.* variable (docs/flow.md). Read-only in Architect.
struct BuiltInVariable {
    const char* name;
    ValueType type;
    const char* description;
};
std::span<const BuiltInVariable> builtInVariables();
bool isBuiltIn(QStringView name);

// Where a transfer's SIP INVITE goes. [open]: the SIP host belongs to the BYOC trunk's configuration, which Genesys
// does not put in the flow; this is what the simulator renders in the request URI.
inline constexpr const char* kDefaultSipHost = "agentforce-voice.invalid";

struct Flow {
    static constexpr int kActionLimit = 10000; // Architect runs at most this many actions per call

    QString name;
    QString description;
    QString startTaskId; // the starting task
    QList<Task> tasks;   // the starting task first by convention; reusable tasks after it
    QList<Variable> variables;
    QString sipHost = QString::fromLatin1(kDefaultSipHost);
    QJsonObject extra; // keys of the flow section this version does not know: kept, written back on save

    const Task* task(QStringView id) const;
    Task* task(QStringView id);
    qsizetype taskIndex(QStringView id) const;
    const Action* find(QStringView id) const; // any action, in any task, at any depth
    Action* find(QStringView id);
    std::optional<ActionPlace> placeOf(QStringView id) const;
    // Makes this flow share no list with a copy of it, at any depth (the mutable accessors call it).
    void detachAll();
    ActionList* list(const ActionPlace& place); // the list a place points into; null when it names none
    const ActionList* list(const ActionPlace& place) const;
    qsizetype actionCount() const;
    bool isEmpty() const { return tasks.isEmpty(); }
    // Every action, depth first in task order, with its task.
    void forEachAction(const std::function<void(const Task&, const Action&)>& visit) const;

    const Variable* variable(const QString& variableName) const;
    // Declared variables and Call.* built-ins.
    bool hasVariable(const QString& variableName) const;
    std::optional<ValueType> variableType(const QString& variableName) const;

    friend bool operator==(const Flow&, const Flow&) = default;
};

// JSON form (inside the project file, version 3: tasks with nested outputs). flowFromJson reports problems as
// diagnostics located by task and action id where it knows them, else by the field path, and refuses the flow when
// any is an error.
QJsonObject toJson(const Flow& flow);
struct FlowReadResult {
    Flow flow;
    diagnostics::Diagnostics diagnostics; // FLW005, one per wrong field
    bool ok() const { return !diagnostics::hasErrors(diagnostics); }
};
FlowReadResult flowFromJson(const QJsonObject& json, const QString& fieldPrefix = QStringLiteral("flow"));

// A version 2 flow (a graph: `start` names an action, each action names the next one per path) in Architect's
// shape: the start becomes the starting task, every action reached from more than one place (or jumped to) becomes
// a reusable task that each place jumps to, and each path's actions nest under their action. The diagnostics say
// what was turned into a task.
FlowReadResult flowFromVersion2Json(const QJsonObject& json, const QString& fieldPrefix = QStringLiteral("flow"));

// An action's properties as JSON ("props" in the project file), and back; for edits that set properties by name
// (`handoff flow edit set`). Reading fails with FLW005 (a wrong type or value) or FLW065 (a key the kind does not
// have), with the message of the first problem.
QJsonObject actionPropsToJson(const ActionProps& props);
Result<ActionProps> actionPropsFromJson(ActionKind kind, const QJsonObject& json);

// A location of a problem in the flow, as data.
diagnostics::Location actionLocation(const QString& taskId, const QString& actionId, const QString& property = {});
diagnostics::Location taskLocation(const QString& taskId, const QString& property = {});
// The JSON path of a flow location in the project file the flow was read from ("flow.tasks[0].actions[3]
// .outputs.failure[0].props.number"), so that a problem located by id can be shown as file:line:col. The flow
// when it names no task or action that exists.
QString jsonPathOf(const Flow& flow, const diagnostics::Location& where,
                   const QString& prefix = QStringLiteral("flow"));

} // namespace handoff::flow
