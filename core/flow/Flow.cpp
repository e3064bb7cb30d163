#include "flow/Flow.h"

#include "diagnostics/Catalog.h"
#include "flow/FlowReader.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QSet>

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
    {ActionKind::Opaque, "opaque", QT_TRANSLATE_NOOP("handoff::flow", "Action not modelled")},
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

QStringList outputsOf(ActionKind kind) {
    switch (kind) {
    case ActionKind::CallData:
        return {QString::fromLatin1(kPathSuccess), QString::fromLatin1(kPathFailure),
                QString::fromLatin1(kPathTimeout)};
    case ActionKind::Decision:
        return {QString::fromLatin1(kPathYes), QString::fromLatin1(kPathNo)};
    case ActionKind::TransferToNumber:
        return {QString::fromLatin1(kPathFailure)};
    default:
        return {};
    }
}

bool isTerminating(ActionKind kind) {
    return kind == ActionKind::Disconnect || kind == ActionKind::Jump;
}

bool isRefIdSafe(QStringView id) {
    if (id.isEmpty()) {
        return false;
    }
    for (const QChar c : id) {
        if (c == u'[' || c == u']' || c == u'#' || c == u'~' || c == u'/' || c.isSpace()) {
            return false;
        }
    }
    return true;
}

Action Action::make(QString id, QString name, ActionProps props) {
    Action a;
    a.id = std::move(id);
    a.name = std::move(name);
    a.props = std::move(props);
    for (const QString& key : outputsOf(a.kind())) {
        a.outputs.append(Output{key, {}});
    }
    return a;
}

const ActionList* Action::output(QStringView key) const {
    for (const Output& o : outputs) {
        if (o.key == key) {
            return &o.actions;
        }
    }
    return nullptr;
}

ActionList* Action::output(QStringView key) {
    for (Output& o : outputs) {
        if (o.key == key) {
            return &o.actions;
        }
    }
    return nullptr;
}

bool operator==(const Output& a, const Output& b) {
    return a.key == b.key && a.actions == b.actions;
}

bool operator==(const Action& a, const Action& b) {
    return a.id == b.id && a.name == b.name && a.props == b.props && a.outputs == b.outputs && a.extra == b.extra;
}

diagnostics::Location actionLocation(const QString& taskId, const QString& actionId, const QString& property) {
    diagnostics::Location where;
    where.taskId = taskId;
    where.actionId = actionId;
    where.property = property;
    return where;
}

diagnostics::Location taskLocation(const QString& taskId, const QString& property) {
    return actionLocation(taskId, {}, property);
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

namespace {

template <typename List, typename Visit>
bool walk(List& list, Visit&& visit) {
    for (auto& a : list) {
        if (visit(a)) {
            return true;
        }
        for (auto& o : a.outputs) {
            if (walk(o.actions, visit)) {
                return true;
            }
        }
    }
    return false;
}

template <typename List>
bool findPlace(const List& list, QStringView id, ActionPlace& place, const QString& parentId, const QString& output) {
    for (int i = 0; i < static_cast<int>(list.size()); ++i) {
        const Action& a = list[i];
        if (a.id == id) {
            place.parentId = parentId;
            place.output = output;
            place.index = i;
            return true;
        }
        for (const Output& o : a.outputs) {
            if (findPlace(o.actions, id, place, a.id, o.key)) {
                return true;
            }
        }
    }
    return false;
}

} // namespace

const Task* Flow::task(QStringView id) const {
    const qsizetype i = taskIndex(id);
    return i < 0 ? nullptr : &tasks[i];
}

Task* Flow::task(QStringView id) {
    const qsizetype i = taskIndex(id);
    return i < 0 ? nullptr : &tasks[i];
}

qsizetype Flow::taskIndex(QStringView id) const {
    if (id.isEmpty()) {
        return -1;
    }
    for (qsizetype i = 0; i < tasks.size(); ++i) {
        if (tasks[i].id == id) {
            return i;
        }
    }
    return -1;
}

const Action* Flow::find(QStringView id) const {
    if (id.isEmpty()) {
        return nullptr;
    }
    const Action* found = nullptr;
    for (const Task& t : tasks) {
        if (walk(t.actions, [&](const Action& a) {
                if (a.id == id) {
                    found = &a;
                    return true;
                }
                return false;
            })) {
            break;
        }
    }
    return found;
}

namespace {

// Detaches every implicitly shared list under `list` (the outputs' QLists: the ActionLists are vectors, copied deep
// already), by touching each through its non-const accessors.
void detachNested(ActionList& list) {
    for (Action& a : list) {
        for (Output& o : a.outputs) {
            detachNested(o.actions);
        }
    }
}

} // namespace

void Flow::detachAll() {
    for (Task& t : tasks) {
        detachNested(t.actions);
    }
}

// The mutable accessors detach the whole flow first: a pointer found through the const path points into data that an
// implicitly shared copy of this flow may share (tasks, and the outputs of every action at every depth), and writing
// through it would change that copy too.
Action* Flow::find(QStringView id) {
    detachAll();
    return const_cast<Action*>(std::as_const(*this).find(id));
}

std::optional<ActionPlace> Flow::placeOf(QStringView id) const {
    if (id.isEmpty()) {
        return std::nullopt;
    }
    for (const Task& t : tasks) {
        ActionPlace place;
        if (findPlace(t.actions, id, place, {}, {})) {
            place.taskId = t.id;
            return place;
        }
    }
    return std::nullopt;
}

const ActionList* Flow::list(const ActionPlace& place) const {
    const Task* t = task(place.taskId);
    if (!t) {
        return nullptr;
    }
    if (place.parentId.isEmpty()) {
        return &t->actions;
    }
    const Action* parent = find(place.parentId);
    if (!parent || !placeOf(place.parentId) || placeOf(place.parentId)->taskId != place.taskId) {
        return nullptr;
    }
    return parent->output(place.output);
}

ActionList* Flow::list(const ActionPlace& place) {
    detachAll();
    return const_cast<ActionList*>(std::as_const(*this).list(place));
}

qsizetype Flow::actionCount() const {
    qsizetype n = 0;
    forEachAction([&n](const Task&, const Action&) { ++n; });
    return n;
}

void Flow::forEachAction(const std::function<void(const Task&, const Action&)>& visit) const {
    for (const Task& t : tasks) {
        walk(t.actions, [&](const Action& a) {
            visit(t, a);
            return false;
        });
    }
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

// Keys the reader did not know go back where they were, without overwriting what this version writes.
void mergeExtra(QJsonObject& o, const QJsonObject& extra) {
    for (auto it = extra.constBegin(); it != extra.constEnd(); ++it) {
        const auto existing = o.constFind(it.key());
        if (existing == o.constEnd()) {
            o.insert(it.key(), it.value());
        } else if (existing->isObject() && it.value().isObject()) {
            QJsonObject inner = existing->toObject();
            mergeExtra(inner, it.value().toObject());
            o.insert(it.key(), inner);
        }
    }
}

QJsonArray bindingsToJson(const QList<Binding>& list, const QString& nameKey, const QString& valueKey) {
    QJsonArray array;
    for (const Binding& b : list) {
        QJsonObject o{{nameKey, b.name}, {valueKey, b.value}};
        mergeExtra(o, b.extra);
        array.append(o);
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
    mergeExtra(o, audio.extra);
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
                o.insert(u"inputs"_s, bindingsToJson(p.inputs, u"name"_s, u"expression"_s));
                o.insert(u"successOutputs"_s, bindingsToJson(p.successOutputs, u"name"_s, u"variable"_s));
                o.insert(u"timeoutSeconds"_s, p.timeoutSeconds);
            } else if constexpr (std::is_same_v<T, DecisionProps>) {
                o.insert(u"condition"_s, p.condition);
            } else if constexpr (std::is_same_v<T, UpdateDataProps>) {
                o.insert(u"assignments"_s, bindingsToJson(p.assignments, u"variable"_s, u"expression"_s));
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
                o.insert(u"task"_s, p.task);
            } else if constexpr (std::is_same_v<T, OpaqueProps>) {
                o.insert(u"archyKind"_s, p.archyKind);
                o.insert(u"raw"_s, p.raw);
            }
        },
        props);
    return o;
}

QJsonArray actionsToJson(const ActionList& list) {
    QJsonArray array;
    for (const Action& a : list) {
        QJsonObject o{
            {u"id"_s, a.id},
            {u"kind"_s, actionKindKey(a.kind())},
            {u"name"_s, a.name},
            {u"props"_s, propsToJson(a.props)},
        };
        if (!a.outputs.isEmpty()) {
            QJsonObject outputs;
            for (const Output& out : a.outputs) {
                outputs.insert(out.key, actionsToJson(out.actions));
            }
            o.insert(u"outputs"_s, outputs);
        }
        mergeExtra(o, a.extra);
        array.append(o);
    }
    return array;
}

} // namespace

namespace detail {

void Reader::enter(const QString& taskId, const QString& actionId, const QString& actionPath) {
    m_taskId = taskId;
    m_actionId = actionId;
    m_actionPath = actionPath;
}

diagnostics::Location Reader::where(const QString& field) const {
    diagnostics::Location at;
    at.field = field;
    at.taskId = m_taskId;
    if (!m_actionPath.isEmpty() && (field == m_actionPath || field.startsWith(m_actionPath + u'.'))) {
        at.actionId = m_actionId;
        at.property = field.mid(m_actionPath.size() + 1);
    }
    return at;
}

void Reader::error(const QString& field, const QString& message) {
    m_out.append(diagnostics::make("FLW005", message, where(field)));
}

void Reader::notice(const char* code, const QString& field, const QString& message) {
    m_out.append(diagnostics::make(code, message, where(field)));
}

QJsonObject Reader::unknownKeys(const QJsonObject& o, std::initializer_list<const char16_t*> known,
                                const QString& path) {
    QJsonObject unknown;
    for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
        bool isKnown = false;
        for (const char16_t* k : known) {
            isKnown = isKnown || it.key() == QStringView(k);
        }
        if (!isKnown) {
            const QString field = path.isEmpty() ? it.key() : path + u'.' + it.key();
            m_out.append(diagnostics::make(
                "FLW006",
                handoff::flow::tr("\"%1\" is not known to this version; it is kept as it is and written back when "
                                  "the project is saved.")
                    .arg(field),
                where(field)));
            unknown.insert(it.key(), it.value());
        }
    }
    return unknown;
}

QString Reader::string(const QJsonObject& o, const QString& key, const QString& path, const QString& fallback) {
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

bool Reader::boolean(const QJsonObject& o, const QString& key, const QString& path, bool fallback) {
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

int Reader::integer(const QJsonObject& o, const QString& key, const QString& path, int fallback, int min, int max) {
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

QJsonObject Reader::object(const QJsonObject& o, const QString& key, const QString& path) {
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

QJsonArray Reader::array(const QJsonObject& o, const QString& key, const QString& path) {
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

QList<Binding> Reader::bindings(const QJsonObject& o, const QString& key, const QString& nameKey,
                                const QString& valueKey, const QString& path) {
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
        Binding b{string(item, nameKey, itemPath), string(item, valueKey, itemPath), {}};
        if (nameKey == u"name"_s && valueKey == u"expression"_s) {
            b.extra = unknownKeys(item, {u"name", u"expression"}, itemPath);
        } else if (nameKey == u"name"_s) {
            b.extra = unknownKeys(item, {u"name", u"variable"}, itemPath);
        } else {
            b.extra = unknownKeys(item, {u"variable", u"expression"}, itemPath);
        }
        list.append(b);
    }
    return list;
}

Audio Reader::audio(const QJsonObject& o, const QString& key, const QString& path) {
    const QJsonObject a = object(o, key, path);
    const QString p = path + u'.' + key;
    Audio audio{string(a, u"tts"_s, p), string(a, u"prompt"_s, p), {}};
    audio.extra = unknownKeys(a, {u"tts", u"prompt"}, p);
    return audio;
}

} // namespace detail

namespace {
using detail::Reader;

QJsonObject checkPropKeys(ActionKind kind, const QJsonObject& o, const QString& path, Reader& r, int version) {
    switch (kind) {
    case ActionKind::Transcription:
        return r.unknownKeys(o, {u"enabled"}, path);
    case ActionKind::EnableParticipantRecording:
    case ActionKind::Disconnect:
        return r.unknownKeys(o, {}, path);
    case ActionKind::PlayAudio:
        return r.unknownKeys(o, {u"audio"}, path);
    case ActionKind::CallData:
        return r.unknownKeys(o, {u"integration", u"dataAction", u"inputs", u"successOutputs", u"timeoutSeconds"}, path);
    case ActionKind::Decision:
        return r.unknownKeys(o, {u"condition"}, path);
    case ActionKind::UpdateData:
        return r.unknownKeys(o, {u"assignments"}, path);
    case ActionKind::SetUuiData:
        return r.unknownKeys(o, {u"mode", u"source", u"expression", u"tokenVariable", u"callIdVariable", u"userToUser"},
                             path);
    case ActionKind::TransferToNumber:
        return r.unknownKeys(o,
                             {u"number", u"releaseLinkTransfer", u"connectTimeoutSeconds", u"preTransferAudio",
                              u"failedTransferAudio", u"errorTypeVariable", u"errorMessageVariable"},
                             path);
    case ActionKind::SetPostFlow:
        return r.unknownKeys(o, {u"target", u"flowType", u"flowName", u"invocationData"}, path);
    case ActionKind::Jump:
        return version >= 3 ? r.unknownKeys(o, {u"task"}, path) : r.unknownKeys(o, {u"target"}, path);
    case ActionKind::Opaque:
        return r.unknownKeys(o, {u"archyKind", u"raw"}, path);
    }
    return {};
}

// `version` 2 reads a Jump's `target` (an action id: the caller turns it into a task); 3 reads `task`.
ActionProps propsFromJson(ActionKind kind, const QJsonObject& o, const QString& path, Reader& r, int version,
                          QJsonObject& unknown) {
    unknown = checkPropKeys(kind, o, path, r, version);
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
        return JumpProps{r.string(o, version >= 3 ? u"task"_s : u"target"_s, path)};
    case ActionKind::Opaque:
        return OpaqueProps{r.string(o, u"archyKind"_s, path), r.object(o, u"raw"_s, path)};
    }
    return DisconnectProps{};
}

} // namespace

namespace detail {

std::optional<Action> actionHead(const QJsonObject& o, const QString& path, Reader& r, int version,
                                 std::initializer_list<const char16_t*> known) {
    const QString id = r.string(o, u"id"_s, path);
    r.enter(r.where(path).taskId, id, path);
    QJsonObject extra = r.unknownKeys(o, known, path);
    const QString kindKey = r.string(o, u"kind"_s, path);
    const auto kind = actionKindFromKey(kindKey);
    if (!kind) {
        r.error(path + u".kind"_s, handoff::flow::tr("Unknown action kind \"%1\"; the kinds are: %2.").arg(kindKey, [] {
            QStringList keys;
            for (const KindInfo& info : kKinds) {
                keys.append(QString::fromLatin1(info.key));
            }
            return keys.join(u", "_s);
        }()));
        return std::nullopt;
    }
    QJsonObject propsExtra;
    Action a =
        Action::make(id, r.string(o, u"name"_s, path),
                     propsFromJson(*kind, r.object(o, u"props"_s, path), path + u".props"_s, r, version, propsExtra));
    if (!propsExtra.isEmpty()) {
        extra.insert(u"props"_s, propsExtra);
    }
    a.extra = extra;
    return a;
}

QList<Variable> variablesFromJson(const QJsonObject& json, const QString& prefix, Reader& r) {
    QList<Variable> out;
    const QJsonArray variables = r.array(json, u"variables"_s, prefix);
    for (qsizetype i = 0; i < variables.size(); ++i) {
        const QString path = u"%1.variables[%2]"_s.arg(prefix).arg(i);
        const QJsonObject o = variables[i].toObject();
        Variable v;
        v.extra = r.unknownKeys(o, {u"name", u"type", u"initial", u"description", u"suppliedBy"}, path);
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
        out.append(v);
    }
    return out;
}

QString uniqueTaskId(const QString& wanted, const QSet<QString>& taken) {
    QString base = wanted;
    for (QChar& c : base) {
        if (c == u'[' || c == u']' || c == u'#' || c == u'~' || c == u'/' || c.isSpace()) {
            c = u'-';
        }
    }
    if (base.isEmpty()) {
        base = u"task"_s;
    }
    QString id = base;
    for (int n = 2; taken.contains(id); ++n) {
        id = u"%1-%2"_s.arg(base).arg(n);
    }
    return id;
}

} // namespace detail

namespace {
using detail::actionHead;
using detail::Reader;
using detail::variablesFromJson;

ActionList actionsFromJson(const QJsonArray& array, const QString& path, const QString& taskId, Reader& r) {
    ActionList list;
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString itemPath = u"%1[%2]"_s.arg(path).arg(i);
        r.enter(taskId, {}, {});
        if (!array[i].isObject()) {
            r.error(itemPath, handoff::flow::tr("Each action must be a JSON object."));
            continue;
        }
        const QJsonObject o = array[i].toObject();
        std::optional<Action> a = actionHead(o, itemPath, r, 3, {u"id", u"kind", u"name", u"props", u"outputs"});
        if (!a) {
            continue;
        }
        const QJsonObject outputs = r.object(o, u"outputs"_s, itemPath);
        const QStringList keys = outputsOf(a->kind());
        for (auto it = outputs.constBegin(); it != outputs.constEnd(); ++it) {
            const QString outPath = itemPath + u".outputs."_s + it.key();
            if (!keys.contains(it.key())) {
                r.error(outPath, handoff::flow::tr("A %1 action has no output \"%2\"; its outputs are: %3.")
                                     .arg(actionKindName(a->kind()), it.key(),
                                          keys.isEmpty() ? handoff::flow::tr("none") : keys.join(u", "_s)));
                continue;
            }
            if (!it.value().isArray()) {
                r.error(outPath, handoff::flow::tr("An output must be a JSON array of actions."));
                continue;
            }
            const QString id = a->id;
            *a->output(it.key()) = actionsFromJson(it.value().toArray(), outPath, taskId, r);
            r.enter(taskId, id, itemPath);
        }
        list.push_back(std::move(*a));
    }
    return list;
}

} // namespace

namespace {
bool pathTo(const ActionList& list, QStringView id, QString& path) {
    for (qsizetype i = 0; i < static_cast<qsizetype>(list.size()); ++i) {
        const Action& a = list[static_cast<size_t>(i)];
        const QString here = u"[%1]"_s.arg(i);
        if (a.id == id) {
            path += here;
            return true;
        }
        for (const Output& o : a.outputs) {
            QString inner = here + u".outputs."_s + o.key;
            if (pathTo(o.actions, id, inner)) {
                path += inner;
                return true;
            }
        }
    }
    return false;
}
} // namespace

QString jsonPathOf(const Flow& flow, const diagnostics::Location& where, const QString& prefix) {
    const qsizetype t = flow.taskIndex(where.taskId);
    if (t < 0) {
        return prefix;
    }
    QString path = u"%1.tasks[%2]"_s.arg(prefix).arg(t);
    if (where.actionId.isEmpty()) {
        return where.property.isEmpty() ? path : path + u'.' + where.property;
    }
    QString inner = u".actions"_s;
    if (!pathTo(flow.tasks[t].actions, where.actionId, inner)) {
        return path;
    }
    path += inner;
    return where.property.isEmpty() ? path : path + u'.' + where.property;
}

QJsonObject actionPropsToJson(const ActionProps& props) {
    return propsToJson(props);
}

Result<ActionProps> actionPropsFromJson(ActionKind kind, const QJsonObject& json) {
    diagnostics::Diagnostics problems;
    Reader r(problems);
    QJsonObject unknown;
    ActionProps props = propsFromJson(kind, json, u"props"_s, r, 3, unknown);
    for (const diagnostics::Diagnostic& d : problems) {
        if (d.isError()) {
            return fail(d.code, d.message);
        }
    }
    if (!unknown.isEmpty()) {
        return fail(u"FLW065"_s, handoff::flow::tr("A %1 action has no property \"%2\"; its properties are: %3.")
                                     .arg(actionKindName(kind), unknown.keys().join(u", "_s),
                                          propsToJson(props).keys().join(u", "_s)));
    }
    return props;
}

QJsonObject toJson(const Flow& flow) {
    QJsonObject root;
    root.insert(u"name"_s, flow.name);
    if (!flow.description.isEmpty()) {
        root.insert(u"description"_s, flow.description);
    }
    root.insert(u"startTask"_s, flow.startTaskId);
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
        mergeExtra(o, v.extra);
        variables.append(o);
    }
    root.insert(u"variables"_s, variables);
    QJsonArray tasks;
    for (const Task& t : flow.tasks) {
        QJsonObject o{{u"id"_s, t.id}, {u"name"_s, t.name}, {u"actions"_s, actionsToJson(t.actions)}};
        mergeExtra(o, t.extra);
        tasks.append(o);
    }
    root.insert(u"tasks"_s, tasks);
    mergeExtra(root, flow.extra);
    return root;
}

FlowReadResult flowFromJson(const QJsonObject& json, const QString& prefix) {
    FlowReadResult result;
    Reader r(result.diagnostics);
    Flow& flow = result.flow;
    flow.extra =
        r.unknownKeys(json, {u"name", u"description", u"startTask", u"sipHost", u"variables", u"tasks"}, prefix);
    flow.name = r.string(json, u"name"_s, prefix);
    flow.description = r.string(json, u"description"_s, prefix);
    flow.startTaskId = r.string(json, u"startTask"_s, prefix);
    flow.sipHost = r.string(json, u"sipHost"_s, prefix, flow.sipHost);
    flow.variables = variablesFromJson(json, prefix, r);

    const QJsonArray tasks = r.array(json, u"tasks"_s, prefix);
    for (qsizetype i = 0; i < tasks.size(); ++i) {
        const QString path = u"%1.tasks[%2]"_s.arg(prefix).arg(i);
        r.enter({}, {}, {});
        if (!tasks[i].isObject()) {
            r.error(path, handoff::flow::tr("Each task must be a JSON object with an id, a name and actions."));
            continue;
        }
        const QJsonObject o = tasks[i].toObject();
        Task t;
        t.id = r.string(o, u"id"_s, path);
        r.enter(t.id, {}, {});
        t.extra = r.unknownKeys(o, {u"id", u"name", u"actions"}, path);
        t.name = r.string(o, u"name"_s, path);
        t.actions = actionsFromJson(r.array(o, u"actions"_s, path), path + u".actions"_s, t.id, r);
        flow.tasks.append(std::move(t));
    }
    return result;
}

} // namespace handoff::flow
