#pragma once

#include "common/Error.h"
#include "diagnostics/Diagnostic.h"
#include "flow/ExpressionValue.h"

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QPointF>
#include <QString>
#include <QStringList>

#include <span>
#include <variant>

namespace handoff::flow {

// The actions of a Genesys Architect inbound call flow that the handoff recipe uses (DOMAIN.md §6), each with the
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
    Jump, // "Jump to Reusable Task" / a loop back: continues at another action of the flow
};

QString actionKindKey(ActionKind kind);
std::optional<ActionKind> actionKindFromKey(QStringView key);
QString actionKindName(ActionKind kind); // translated, as Architect names it ("Call Data Action", ...)

// The output paths each kind has. An action's `next` maps each path to the id of the action that follows; an
// absent or empty entry means the path has no actions (it ends there).
inline constexpr const char* kPathNext = "next";       // the single way on, for actions without named paths
inline constexpr const char* kPathSuccess = "success"; // Call Data Action
inline constexpr const char* kPathFailure = "failure"; // Call Data Action, Transfer to Number
inline constexpr const char* kPathTimeout = "timeout"; // Call Data Action
inline constexpr const char* kPathYes = "yes";         // Decision
inline constexpr const char* kPathNo = "no";           // Decision
QStringList pathsOf(ActionKind kind);

// A name bound to an expression (data action inputs, Update Data assignments) or to a variable (data action
// success outputs: name = output contract name, value = the variable that receives it).
struct Binding {
    QString name;
    QString value;
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
    QString tokenVariable = QStringLiteral("Flow.uuiToken");     // for UuiSource::ProjectTemplate
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
    QString target; // id of the action to continue at
    friend bool operator==(const JumpProps&, const JumpProps&) = default;
};

using ActionProps =
    std::variant<TranscriptionProps, RecordingProps, PlayAudioProps, CallDataProps, DecisionProps, UpdateDataProps,
                 SetUuiDataProps, TransferProps, SetPostFlowProps, DisconnectProps, JumpProps>;

struct Action {
    QString id;   // unique in the flow; stable across edits ("create-voicecall")
    QString name; // the name shown in Architect
    ActionProps props;
    QMap<QString, QString> next; // path -> next action id (see pathsOf)
    QPointF position;            // for the designer

    ActionKind kind() const { return static_cast<ActionKind>(props.index()); }
    QString nextOn(const QString& path) const { return next.value(path); }

    template <typename T>
    const T* as() const {
        return std::get_if<T>(&props);
    }
    template <typename T>
    T* as() {
        return std::get_if<T>(&props);
    }
    friend bool operator==(const Action&, const Action&) = default;
};

// Who gives a variable its value besides the flow's own actions.
enum class Supplier : quint8 {
    None,
    // The UUI token the project mints under its token policy (DOMAIN.md §3). In Architect this is a token the admin
    // pastes into the flow or a data table and reuses until it expires: the simulator models exactly that, so the
    // time-window mode can show when it expires. Key "projectUuiToken".
    ProjectUuiToken,
};

// A variable of the flow. Names carry their scope: "Flow.uuiToken", "Task.voiceCallId".
struct Variable {
    QString name;
    ValueType type = ValueType::String;
    Value initial; // NOT_SET unless given
    QString description;
    Supplier suppliedBy = Supplier::None;
    friend bool operator==(const Variable&, const Variable&) = default;
};

// A built-in Call.* variable (DOMAIN.md §6). Read-only in Architect.
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
    QString startActionId;
    QList<Action> actions;
    QList<Variable> variables;
    QString sipHost = QString::fromLatin1(kDefaultSipHost);

    const Action* find(const QString& id) const;
    Action* find(const QString& id);
    qsizetype indexOf(const QString& id) const;
    const Variable* variable(const QString& variableName) const;
    // Declared variables and Call.* built-ins.
    bool hasVariable(const QString& variableName) const;
    std::optional<ValueType> variableType(const QString& variableName) const;

    friend bool operator==(const Flow&, const Flow&) = default;
};

// JSON form (inside the project file, or alone). fromJson reports problems as diagnostics pointing at a field path
// ("flow.actions[3].props.number") and refuses the flow when any is an error.
QJsonObject toJson(const Flow& flow);
struct FlowReadResult {
    Flow flow;
    diagnostics::Diagnostics diagnostics; // FLW005, one per wrong field
    bool ok() const { return !diagnostics::hasErrors(diagnostics); }
};
FlowReadResult flowFromJson(const QJsonObject& json, const QString& fieldPrefix = QStringLiteral("flow"));

} // namespace handoff::flow
