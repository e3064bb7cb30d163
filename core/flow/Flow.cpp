#include "Flow.h"

#include "diagnostics/Catalog.h"

#include <QCoreApplication>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace handoff::flow {

namespace {
QString tr(const char* text) {
    return QCoreApplication::translate("handoff::flow", text);
}

struct KindInfo {
    ActionKind kind;
    const char* key;
    const char* name;
};

constexpr KindInfo kKinds[] = {
    {ActionKind::Transcription, "transcription", QT_TRANSLATE_NOOP("handoff::flow", "Transcription")},
    {ActionKind::EnableParticipantRecording, "enableParticipantRecording",
     QT_TRANSLATE_NOOP("handoff::flow", "Enable Participant Recording")},
    {ActionKind::PlayAudio, "playAudio", QT_TRANSLATE_NOOP("handoff::flow", "Play Audio")},
    {ActionKind::CallData, "callData", QT_TRANSLATE_NOOP("handoff::flow", "Call Data Action")},
    {ActionKind::Decision, "decision", QT_TRANSLATE_NOOP("handoff::flow", "Decision")},
    {ActionKind::UpdateData, "updateData", QT_TRANSLATE_NOOP("handoff::flow", "Update Data")},
    {ActionKind::SetUuiData, "setUuiData", QT_TRANSLATE_NOOP("handoff::flow", "Set UUI Data")},
    {ActionKind::TransferToNumber, "transferToNumber", QT_TRANSLATE_NOOP("handoff::flow", "Transfer to Number")},
    {ActionKind::SetPostFlow, "setPostFlow", QT_TRANSLATE_NOOP("handoff::flow", "Set Post-Flow")},
    {ActionKind::Disconnect, "disconnect", QT_TRANSLATE_NOOP("handoff::flow", "Disconnect")},
    {ActionKind::Jump, "jump", QT_TRANSLATE_NOOP("handoff::flow", "Jump to Reusable Task")},
};

constexpr BuiltInVariable kBuiltIns[] = {
    {"Call.Ani", ValueType::String, "The caller's address, e.g. tel:+14155550100."},
    {"Call.CalledAddress", ValueType::String, "The address the call was delivered to."},
    {"Call.CalledAddressOriginal", ValueType::String, "The number the caller dialled."},
    {"Call.ConversationId", ValueType::String, "The Genesys conversation (interaction) id."},
    {"Call.UUIData", ValueType::String, "The UUI that arrived with the call (read-only)."},
};
} // namespace

QString actionKindKey(ActionKind kind) {
    return QString::fromLatin1(kKinds[static_cast<int>(kind)].key);
}

std::optional<ActionKind> actionKindFromKey(QStringView key) {
    for (const KindInfo& info : kKinds) {
        if (key == QLatin1StringView(info.key)) {
            return info.kind;
        }
    }
    return std::nullopt;
}

QString actionKindName(ActionKind kind) {
    return handoff::flow::tr(kKinds[static_cast<int>(kind)].name);
}

QStringList pathsOf(ActionKind kind) {
    switch (kind) {
    case ActionKind::CallData:
        return {QString::fromLatin1(kPathSuccess), QString::fromLatin1(kPathFailure),
                QString::fromLatin1(kPathTimeout)};
    case ActionKind::Decision:
        return {QString::fromLatin1(kPathYes), QString::fromLatin1(kPathNo)};
    case ActionKind::TransferToNumber:
        return {QString::fromLatin1(kPathFailure)};
    case ActionKind::Disconnect:
    case ActionKind::Jump:
        return {};
    default:
        return {QString::fromLatin1(kPathNext)};
    }
}

std::span<const BuiltInVariable> builtInVariables() {
    return kBuiltIns;
}

bool isBuiltIn(QStringView name) {
    for (const BuiltInVariable& v : kBuiltIns) {
        if (name == QLatin1StringView(v.name)) {
            return true;
        }
    }
    return false;
}

const Action* Flow::find(const QString& id) const {
    const qsizetype i = indexOf(id);
    return i < 0 ? nullptr : &actions[i];
}

Action* Flow::find(const QString& id) {
    const qsizetype i = indexOf(id);
    return i < 0 ? nullptr : &actions[i];
}

qsizetype Flow::indexOf(const QString& id) const {
    if (id.isEmpty()) {
        return -1;
    }
    for (qsizetype i = 0; i < actions.size(); ++i) {
        if (actions[i].id == id) {
            return i;
        }
    }
    return -1;
}

const Variable* Flow::variable(const QString& variableName) const {
    for (const Variable& v : variables) {
        if (v.name == variableName) {
            return &v;
        }
    }
    return nullptr;
}

bool Flow::hasVariable(const QString& variableName) const {
    return variableType(variableName).has_value();
}

std::optional<ValueType> Flow::variableType(const QString& variableName) const {
    if (const Variable* v = variable(variableName)) {
        return v->type;
    }
    for (const BuiltInVariable& v : kBuiltIns) {
        if (variableName == QLatin1StringView(v.name)) {
            return v.type;
        }
    }
    return std::nullopt;
}

// ---------------------------------------------------------------------------------------------------------------
// JSON

namespace {

QJsonArray bindingsToJson(const QList<Binding>& list, const QString& valueKey) {
    QJsonArray array;
    for (const Binding& b : list) {
        array.append(QJsonObject{{u"name"_s, b.name}, {valueKey, b.value}});
    }
    return array;
}

QJsonObject audioToJson(const Audio& audio) {
    QJsonObject o;
    if (!audio.tts.isEmpty()) {
        o.insert(u"tts"_s, audio.tts);
    }
    if (!audio.prompt.isEmpty()) {
        o.insert(u"prompt"_s, audio.prompt);
    }
    return o;
}

QJsonObject propsToJson(const ActionProps& props) {
    QJsonObject o;
    std::visit(
        [&o](const auto& p) {
            using T = std::decay_t<decltype(p)>;
            if constexpr (std::is_same_v<T, TranscriptionProps>) {
                o.insert(u"enabled"_s, p.enabled);
            } else if constexpr (std::is_same_v<T, PlayAudioProps>) {
                o.insert(u"audio"_s, audioToJson(p.audio));
            } else if constexpr (std::is_same_v<T, CallDataProps>) {
                o.insert(u"integration"_s, p.integration);
                o.insert(u"dataAction"_s, p.dataAction);
                o.insert(u"inputs"_s, bindingsToJson(p.inputs, u"expression"_s));
                o.insert(u"successOutputs"_s, bindingsToJson(p.successOutputs, u"variable"_s));
                o.insert(u"timeoutSeconds"_s, p.timeoutSeconds);
            } else if constexpr (std::is_same_v<T, DecisionProps>) {
                o.insert(u"condition"_s, p.condition);
            } else if constexpr (std::is_same_v<T, UpdateDataProps>) {
                QJsonArray array;
                for (const Binding& b : p.assignments) {
                    array.append(QJsonObject{{u"variable"_s, b.name}, {u"expression"_s, b.value}});
                }
                o.insert(u"assignments"_s, array);
            } else if constexpr (std::is_same_v<T, SetUuiDataProps>) {
                o.insert(u"mode"_s, p.mode == UuiMode::Transfer ? u"transfer"_s : u"disconnect"_s);
                o.insert(u"source"_s, p.source == UuiSource::Expression ? u"expression"_s : u"projectTemplate"_s);
                if (p.source == UuiSource::Expression) {
                    o.insert(u"expression"_s, p.expression);
                } else {
                    o.insert(u"tokenVariable"_s, p.tokenVariable);
                    o.insert(u"callIdVariable"_s, p.callIdVariable);
                }
                o.insert(u"userToUser"_s, p.userToUser);
            } else if constexpr (std::is_same_v<T, TransferProps>) {
                o.insert(u"number"_s, p.number);
                o.insert(u"releaseLinkTransfer"_s, p.releaseLinkTransfer);
                o.insert(u"connectTimeoutSeconds"_s, p.connectTimeoutSeconds);
                o.insert(u"preTransferAudio"_s, audioToJson(p.preTransferAudio));
                o.insert(u"failedTransferAudio"_s, audioToJson(p.failedTransferAudio));
                o.insert(u"errorTypeVariable"_s, p.errorTypeVariable);
                o.insert(u"errorMessageVariable"_s, p.errorMessageVariable);
            } else if constexpr (std::is_same_v<T, SetPostFlowProps>) {
                o.insert(u"target"_s, p.target == PostFlowTarget::Caller ? u"Caller"_s : u"Agent"_s);
                o.insert(u"flowType"_s, p.flowType);
                o.insert(u"flowName"_s, p.flowName);
                o.insert(u"invocationData"_s, p.invocationData);
            } else if constexpr (std::is_same_v<T, JumpProps>) {
                o.insert(u"target"_s, p.target);
            }
        },
        props);
    return o;
}

// Reads typed fields and records a located diagnostic for each one of the wrong type.
class Reader {
public:
    explicit Reader(diagnostics::Diagnostics& out)
        : m_out(out) {}

    void error(const QString& field, const QString& message) {
        m_out.append(diagnostics::make("FLW005", message, diagnostics::Location{field}));
    }

    // Keys this version does not read are reported (FLW006), never dropped without a word.
    void unknownKeys(const QJsonObject& o, std::initializer_list<const char16_t*> known, const QString& path) {
        for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
            bool isKnown = false;
            for (const char16_t* k : known) {
                isKnown = isKnown || it.key() == QStringView(k);
            }
            if (!isKnown) {
                const QString field = path.isEmpty() ? it.key() : path + u'.' + it.key();
                m_out.append(diagnostics::make(
                    "FLW006",
                    handoff::flow::tr(
                        "\"%1\" is not known to this version; it is ignored and not written back when the project is "
                        "saved.")
                        .arg(field),
                    diagnostics::Location{field}));
            }
        }
    }

    QString string(const QJsonObject& o, const QString& key, const QString& path, const QString& fallback = {}) {
        const QJsonValue v = o.value(key);
        if (v.isUndefined() || v.isNull()) {
            return fallback;
        }
        if (!v.isString()) {
            error(path + u'.' + key, handoff::flow::tr("'%1' must be a string.").arg(key));
            return fallback;
        }
        return v.toString();
    }

    bool boolean(const QJsonObject& o, const QString& key, const QString& path, bool fallback) {
        const QJsonValue v = o.value(key);
        if (v.isUndefined()) {
            return fallback;
        }
        if (!v.isBool()) {
            error(path + u'.' + key, handoff::flow::tr("'%1' must be true or false.").arg(key));
            return fallback;
        }
        return v.toBool();
    }

    int integer(const QJsonObject& o, const QString& key, const QString& path, int fallback, int min, int max) {
        const QJsonValue v = o.value(key);
        if (v.isUndefined()) {
            return fallback;
        }
        const double d = v.toDouble(-1e300);
        if (!v.isDouble() || d != static_cast<double>(static_cast<int>(d)) || d < min || d > max) {
            error(path + u'.' + key,
                  handoff::flow::tr("'%1' must be a whole number from %2 to %3.").arg(key).arg(min).arg(max));
            return fallback;
        }
        return static_cast<int>(d);
    }

    QJsonObject object(const QJsonObject& o, const QString& key, const QString& path) {
        const QJsonValue v = o.value(key);
        if (v.isUndefined() || v.isNull()) {
            return {};
        }
        if (!v.isObject()) {
            error(path + u'.' + key, handoff::flow::tr("'%1' must be a JSON object.").arg(key));
            return {};
        }
        return v.toObject();
    }

    QJsonArray array(const QJsonObject& o, const QString& key, const QString& path) {
        const QJsonValue v = o.value(key);
        if (v.isUndefined() || v.isNull()) {
            return {};
        }
        if (!v.isArray()) {
            error(path + u'.' + key, handoff::flow::tr("'%1' must be a JSON array.").arg(key));
            return {};
        }
        return v.toArray();
    }

    QList<Binding> bindings(const QJsonObject& o, const QString& key, const QString& nameKey, const QString& valueKey,
                            const QString& path) {
        QList<Binding> list;
        const QJsonArray items = array(o, key, path);
        for (qsizetype i = 0; i < items.size(); ++i) {
            const QString itemPath = u"%1.%2[%3]"_s.arg(path, key).arg(i);
            if (!items[i].isObject()) {
                error(itemPath, handoff::flow::tr("Each entry of '%1' must be an object with '%2' and '%3'.")
                                    .arg(key, nameKey, valueKey));
                continue;
            }
            const QJsonObject item = items[i].toObject();
            list.append(Binding{string(item, nameKey, itemPath), string(item, valueKey, itemPath)});
        }
        return list;
    }

    Audio audio(const QJsonObject& o, const QString& key, const QString& path) {
        const QJsonObject a = object(o, key, path);
        const QString p = path + u'.' + key;
        unknownKeys(a, {u"tts", u"prompt"}, p);
        return Audio{string(a, u"tts"_s, p), string(a, u"prompt"_s, p)};
    }

private:
    diagnostics::Diagnostics& m_out;
};

void checkPropKeys(ActionKind kind, const QJsonObject& o, const QString& path, Reader& r) {
    switch (kind) {
    case ActionKind::Transcription:
        r.unknownKeys(o, {u"enabled"}, path);
        break;
    case ActionKind::EnableParticipantRecording:
    case ActionKind::Disconnect:
        r.unknownKeys(o, {}, path);
        break;
    case ActionKind::PlayAudio:
        r.unknownKeys(o, {u"audio"}, path);
        break;
    case ActionKind::CallData:
        r.unknownKeys(o, {u"integration", u"dataAction", u"inputs", u"successOutputs", u"timeoutSeconds"}, path);
        break;
    case ActionKind::Decision:
        r.unknownKeys(o, {u"condition"}, path);
        break;
    case ActionKind::UpdateData:
        r.unknownKeys(o, {u"assignments"}, path);
        break;
    case ActionKind::SetUuiData:
        r.unknownKeys(o, {u"mode", u"source", u"expression", u"tokenVariable", u"callIdVariable", u"userToUser"}, path);
        break;
    case ActionKind::TransferToNumber:
        r.unknownKeys(o,
                      {u"number", u"releaseLinkTransfer", u"connectTimeoutSeconds", u"preTransferAudio",
                       u"failedTransferAudio", u"errorTypeVariable", u"errorMessageVariable"},
                      path);
        break;
    case ActionKind::SetPostFlow:
        r.unknownKeys(o, {u"target", u"flowType", u"flowName", u"invocationData"}, path);
        break;
    case ActionKind::Jump:
        r.unknownKeys(o, {u"target"}, path);
        break;
    }
}

ActionProps propsFromJson(ActionKind kind, const QJsonObject& o, const QString& path, Reader& r) {
    checkPropKeys(kind, o, path, r);
    switch (kind) {
    case ActionKind::Transcription:
        return TranscriptionProps{r.boolean(o, u"enabled"_s, path, true)};
    case ActionKind::EnableParticipantRecording:
        return RecordingProps{};
    case ActionKind::PlayAudio:
        return PlayAudioProps{r.audio(o, u"audio"_s, path)};
    case ActionKind::CallData: {
        CallDataProps p;
        p.integration = r.string(o, u"integration"_s, path, p.integration);
        p.dataAction = r.string(o, u"dataAction"_s, path);
        p.inputs = r.bindings(o, u"inputs"_s, u"name"_s, u"expression"_s, path);
        p.successOutputs = r.bindings(o, u"successOutputs"_s, u"name"_s, u"variable"_s, path);
        p.timeoutSeconds = r.integer(o, u"timeoutSeconds"_s, path, p.timeoutSeconds, 1, 60);
        return p;
    }
    case ActionKind::Decision:
        return DecisionProps{r.string(o, u"condition"_s, path)};
    case ActionKind::UpdateData:
        return UpdateDataProps{r.bindings(o, u"assignments"_s, u"variable"_s, u"expression"_s, path)};
    case ActionKind::SetUuiData: {
        SetUuiDataProps p;
        const QString mode = r.string(o, u"mode"_s, path, u"transfer"_s);
        if (mode == u"transfer"_s || mode == u"disconnect"_s) {
            p.mode = mode == u"transfer"_s ? UuiMode::Transfer : UuiMode::Disconnect;
        } else {
            r.error(path + u".mode"_s,
                    handoff::flow::tr("'mode' must be \"transfer\" or \"disconnect\", not \"%1\".").arg(mode));
        }
        const QString source = r.string(o, u"source"_s, path, u"projectTemplate"_s);
        if (source == u"expression"_s || source == u"projectTemplate"_s) {
            p.source = source == u"expression"_s ? UuiSource::Expression : UuiSource::ProjectTemplate;
        } else {
            r.error(
                path + u".source"_s,
                handoff::flow::tr("'source' must be \"expression\" or \"projectTemplate\", not \"%1\".").arg(source));
        }
        p.expression = r.string(o, u"expression"_s, path);
        p.tokenVariable = r.string(o, u"tokenVariable"_s, path, p.tokenVariable);
        p.callIdVariable = r.string(o, u"callIdVariable"_s, path, p.callIdVariable);
        p.userToUser = r.boolean(o, u"userToUser"_s, path, true);
        return p;
    }
    case ActionKind::TransferToNumber: {
        TransferProps p;
        p.number = r.string(o, u"number"_s, path);
        p.releaseLinkTransfer = r.boolean(o, u"releaseLinkTransfer"_s, path, false);
        p.connectTimeoutSeconds = r.integer(o, u"connectTimeoutSeconds"_s, path, p.connectTimeoutSeconds, 1, 600);
        p.preTransferAudio = r.audio(o, u"preTransferAudio"_s, path);
        p.failedTransferAudio = r.audio(o, u"failedTransferAudio"_s, path);
        p.errorTypeVariable = r.string(o, u"errorTypeVariable"_s, path);
        p.errorMessageVariable = r.string(o, u"errorMessageVariable"_s, path);
        return p;
    }
    case ActionKind::SetPostFlow: {
        SetPostFlowProps p;
        const QString target = r.string(o, u"target"_s, path, u"Caller"_s);
        if (target == u"Caller"_s || target == u"Agent"_s) {
            p.target = target == u"Caller"_s ? PostFlowTarget::Caller : PostFlowTarget::Agent;
        } else {
            r.error(path + u".target"_s,
                    handoff::flow::tr("'target' must be \"Caller\" or \"Agent\", not \"%1\".").arg(target));
        }
        p.flowType = r.string(o, u"flowType"_s, path, p.flowType);
        p.flowName = r.string(o, u"flowName"_s, path);
        p.invocationData = r.string(o, u"invocationData"_s, path);
        return p;
    }
    case ActionKind::Disconnect:
        return DisconnectProps{};
    case ActionKind::Jump:
        return JumpProps{r.string(o, u"target"_s, path)};
    }
    return DisconnectProps{};
}

} // namespace

QJsonObject toJson(const Flow& flow) {
    QJsonObject root;
    root.insert(u"name"_s, flow.name);
    if (!flow.description.isEmpty()) {
        root.insert(u"description"_s, flow.description);
    }
    root.insert(u"start"_s, flow.startActionId);
    root.insert(u"sipHost"_s, flow.sipHost);
    QJsonArray variables;
    for (const Variable& v : flow.variables) {
        QJsonObject o{{u"name"_s, v.name}, {u"type"_s, valueTypeName(v.type)}, {u"initial"_s, v.initial.toJson()}};
        if (!v.description.isEmpty()) {
            o.insert(u"description"_s, v.description);
        }
        if (v.suppliedBy == Supplier::ProjectUuiToken) {
            o.insert(u"suppliedBy"_s, u"projectUuiToken"_s);
        }
        variables.append(o);
    }
    root.insert(u"variables"_s, variables);
    QJsonArray actions;
    for (const Action& a : flow.actions) {
        QJsonObject next;
        for (auto it = a.next.cbegin(); it != a.next.cend(); ++it) {
            if (!it.value().isEmpty()) {
                next.insert(it.key(), it.value());
            }
        }
        actions.append(QJsonObject{
            {u"id"_s, a.id},
            {u"kind"_s, actionKindKey(a.kind())},
            {u"name"_s, a.name},
            {u"props"_s, propsToJson(a.props)},
            {u"next"_s, next},
            {u"position"_s, QJsonObject{{u"x"_s, a.position.x()}, {u"y"_s, a.position.y()}}},
        });
    }
    root.insert(u"actions"_s, actions);
    return root;
}

FlowReadResult flowFromJson(const QJsonObject& json, const QString& prefix) {
    FlowReadResult result;
    Reader r(result.diagnostics);
    Flow& flow = result.flow;
    flow.name = r.string(json, u"name"_s, prefix);
    flow.description = r.string(json, u"description"_s, prefix);
    flow.startActionId = r.string(json, u"start"_s, prefix);
    flow.sipHost = r.string(json, u"sipHost"_s, prefix, flow.sipHost);
    r.unknownKeys(json, {u"name", u"description", u"start", u"sipHost", u"variables", u"actions"}, prefix);

    const QJsonArray variables = r.array(json, u"variables"_s, prefix);
    for (qsizetype i = 0; i < variables.size(); ++i) {
        const QString path = u"%1.variables[%2]"_s.arg(prefix).arg(i);
        const QJsonObject o = variables[i].toObject();
        r.unknownKeys(o, {u"name", u"type", u"initial", u"description", u"suppliedBy"}, path);
        Variable v;
        v.name = r.string(o, u"name"_s, path);
        const QString typeName = r.string(o, u"type"_s, path, u"String"_s);
        const auto type = valueTypeFromName(typeName);
        if (!type || *type == ValueType::NotSet) {
            r.error(path + u".type"_s,
                    handoff::flow::tr("Unknown variable type \"%1\"; use String, Integer, Decimal or Boolean.")
                        .arg(typeName));
        } else {
            v.type = *type;
        }
        const auto initial = Value::fromJson(o.value(u"initial"_s), v.type);
        if (!initial) {
            r.error(path + u".initial"_s,
                    handoff::flow::tr("The initial value does not fit the type %1.").arg(valueTypeName(v.type)));
        } else {
            v.initial = *initial;
        }
        v.description = r.string(o, u"description"_s, path);
        const QString supplier = r.string(o, u"suppliedBy"_s, path);
        if (supplier == u"projectUuiToken"_s) {
            v.suppliedBy = Supplier::ProjectUuiToken;
        } else if (!supplier.isEmpty()) {
            r.error(path + u".suppliedBy"_s,
                    handoff::flow::tr("Unknown supplier \"%1\"; the only one is \"projectUuiToken\".").arg(supplier));
        }
        flow.variables.append(v);
    }

    const QJsonArray actions = r.array(json, u"actions"_s, prefix);
    for (qsizetype i = 0; i < actions.size(); ++i) {
        const QString path = u"%1.actions[%2]"_s.arg(prefix).arg(i);
        if (!actions[i].isObject()) {
            r.error(path, handoff::flow::tr("Each action must be a JSON object."));
            continue;
        }
        const QJsonObject o = actions[i].toObject();
        r.unknownKeys(o, {u"id", u"kind", u"name", u"props", u"next", u"position"}, path);
        Action a;
        a.id = r.string(o, u"id"_s, path);
        a.name = r.string(o, u"name"_s, path);
        const QString kindKey = r.string(o, u"kind"_s, path);
        const auto kind = actionKindFromKey(kindKey);
        if (!kind) {
            r.error(path + u".kind"_s, handoff::flow::tr("Unknown action kind \"%1\".").arg(kindKey));
            continue;
        }
        a.props = propsFromJson(*kind, r.object(o, u"props"_s, path), path + u".props"_s, r);
        const QJsonObject next = r.object(o, u"next"_s, path);
        const QStringList paths = pathsOf(*kind);
        for (auto it = next.constBegin(); it != next.constEnd(); ++it) {
            if (!paths.contains(it.key())) {
                r.error(path + u".next."_s + it.key(),
                        handoff::flow::tr("A %1 action has no path \"%2\"; its paths are: %3.")
                            .arg(actionKindName(*kind), it.key(),
                                 paths.isEmpty() ? handoff::flow::tr("none") : paths.join(u", "_s)));
                continue;
            }
            if (!it.value().isString()) {
                r.error(path + u".next."_s + it.key(),
                        handoff::flow::tr("A path must name the id of the next action."));
                continue;
            }
            a.next.insert(it.key(), it.value().toString());
        }
        const QJsonObject position = r.object(o, u"position"_s, path);
        a.position = QPointF(position.value(u"x"_s).toDouble(), position.value(u"y"_s).toDouble());
        flow.actions.append(a);
    }
    return result;
}

} // namespace handoff::flow
