#include "ArchyYaml.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

#include <yaml-cpp/yaml.h>

#include <cmath>

using namespace Qt::StringLiterals;

namespace handoff::exports::archy {

namespace {

struct KindKey {
    flow::ActionKind kind;
    const char* key;
    bool assumed; // not seen in a public Archy example (docs/archy.md, an assumption)
};

constexpr KindKey kKeys[] = {
    {flow::ActionKind::Transcription, "transcription", true},
    {flow::ActionKind::EnableParticipantRecording, "enableParticipantRecord", true},
    {flow::ActionKind::PlayAudio, "playAudio", false},
    {flow::ActionKind::CallData, "callData", false},
    {flow::ActionKind::Decision, "decision", false},
    {flow::ActionKind::UpdateData, "updateData", false},
    {flow::ActionKind::SetUuiData, "setUUIData", true},
    {flow::ActionKind::TransferToNumber, "transferToNumber", true},
    {flow::ActionKind::SetPostFlow, "setPostFlow", true},
    {flow::ActionKind::Disconnect, "disconnect", false},
    {flow::ActionKind::Jump, "jumpToTask", true},
};

const QRegularExpression& intPattern() {
    static const QRegularExpression re(u"^-?(0|[1-9][0-9]{0,14})$"_s);
    return re;
}
const QRegularExpression& decimalPattern() {
    static const QRegularExpression re(u"^-?(0|[1-9][0-9]{0,14})\\.[0-9]{1,15}$"_s);
    return re;
}

} // namespace

QString archyKeyOf(flow::ActionKind kind) {
    for (const KindKey& k : kKeys) {
        if (k.kind == kind) {
            return QString::fromLatin1(k.key);
        }
    }
    return {};
}

std::optional<flow::ActionKind> kindOfArchyKey(const QString& key) {
    for (const KindKey& k : kKeys) {
        if (key == QLatin1StringView(k.key)) {
            return k.kind;
        }
    }
    return std::nullopt;
}

bool isAssumedKey(const QString& key) {
    return assumedKeys().contains(key);
}

QStringList assumedKeys() {
    QStringList keys;
    for (const KindKey& k : kKeys) {
        if (k.assumed) {
            keys.append(QString::fromLatin1(k.key));
        }
    }
    // Properties of those actions that no example shows either.
    keys << u"enableTranscription"_s << u"uuiData"_s << u"mode"_s << u"userToUser"_s << u"targetNumber"_s
         << u"releaseLinkTransfer"_s << u"connectTimeout"_s << u"target"_s << u"flowType"_s << u"flowName"_s
         << u"invocationData"_s << u"targetTaskRef"_s;
    return keys;
}

QString statementTypeOf(flow::ValueType type) {
    switch (type) {
    case flow::ValueType::Integer:
        return u"integer"_s;
    case flow::ValueType::Decimal:
        return u"decimal"_s;
    case flow::ValueType::Boolean:
        return u"boolean"_s;
    default:
        return u"string"_s;
    }
}

std::optional<flow::ValueType> valueTypeOfStatement(const QString& type) {
    if (type == u"string"_s) {
        return flow::ValueType::String;
    }
    if (type == u"integer"_s) {
        return flow::ValueType::Integer;
    }
    if (type == u"decimal"_s) {
        return flow::ValueType::Decimal;
    }
    if (type == u"boolean"_s) {
        return flow::ValueType::Boolean;
    }
    return std::nullopt;
}

QString taskRef(const QString& refId) {
    return u"/inboundCall/tasks/task["_s + refId + u']';
}

bool isAmbiguousPlain(const QString& text) {
    // YAML 1.1's Boolean and null forms, and anything that starts like a number (ints, floats, sexagesimal, .inf).
    static const QRegularExpression special(
        u"^(y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL|~|"
        "[-+]?\\.?[0-9][0-9_.:eE+-]*|[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)|<<|=)$"_s);
    return text.isEmpty() || special.match(text).hasMatch() || text.trimmed() != text;
}

bool isPlainLiteral(const QString& expression) {
    return expression == u"true"_s || expression == u"false"_s || intPattern().match(expression).hasMatch() ||
           decimalPattern().match(expression).hasMatch();
}

QJsonValue plainScalarToJson(const QString& text) {
    if (text == u"true"_s || text == u"True"_s || text == u"TRUE"_s) {
        return true;
    }
    if (text == u"false"_s || text == u"False"_s || text == u"FALSE"_s) {
        return false;
    }
    if (intPattern().match(text).hasMatch()) {
        return QJsonValue(text.toLongLong());
    }
    if (decimalPattern().match(text).hasMatch()) {
        return QJsonValue(text.toDouble());
    }
    if (text == u"~"_s || text == u"null"_s || text == u"Null"_s || text == u"NULL"_s) {
        return QJsonValue(QJsonValue::Null);
    }
    return text;
}

void emitString(YAML::Emitter& out, const QString& text) {
    const std::string utf8 = text.toStdString();
    if (isAmbiguousPlain(text)) {
        out << YAML::DoubleQuoted << utf8;
    } else {
        out << utf8;
    }
}

void emitJson(YAML::Emitter& out, const QJsonValue& value) {
    switch (value.type()) {
    case QJsonValue::Bool:
        out << value.toBool();
        break;
    case QJsonValue::Double: {
        const double d = value.toDouble();
        if (std::floor(d) == d && std::abs(d) < 1e15) {
            out << static_cast<long long>(d);
        } else {
            out << d;
        }
        break;
    }
    case QJsonValue::String:
        emitString(out, value.toString());
        break;
    case QJsonValue::Array: {
        const QJsonArray array = value.toArray();
        if (array.isEmpty()) {
            out << YAML::Flow << YAML::BeginSeq << YAML::EndSeq;
            break;
        }
        out << YAML::BeginSeq;
        for (const QJsonValue& v : array) {
            emitJson(out, v);
        }
        out << YAML::EndSeq;
        break;
    }
    case QJsonValue::Object: {
        const QJsonObject object = value.toObject();
        if (object.isEmpty()) {
            out << YAML::Flow << YAML::BeginMap << YAML::EndMap;
            break;
        }
        out << YAML::BeginMap;
        for (auto it = object.begin(); it != object.end(); ++it) {
            out << YAML::Key;
            emitString(out, it.key());
            out << YAML::Value;
            emitJson(out, it.value());
        }
        out << YAML::EndMap;
        break;
    }
    default:
        out << YAML::Null;
        break;
    }
}

QJsonValue yamlToJson(const YAML::Node& node, const std::function<void(const YAML::Node&)>& badKey) {
    switch (node.Type()) {
    case YAML::NodeType::Scalar: {
        const QString text = QString::fromStdString(node.Scalar());
        return node.Tag() == "?" ? plainScalarToJson(text) : QJsonValue(text);
    }
    case YAML::NodeType::Sequence: {
        QJsonArray array;
        for (const YAML::Node& item : node) {
            array.append(yamlToJson(item, badKey));
        }
        return array;
    }
    case YAML::NodeType::Map: {
        QJsonObject object;
        for (const auto& kv : node) {
            if (!kv.first.IsScalar()) {
                badKey(kv.first);
                continue;
            }
            object.insert(QString::fromStdString(kv.first.Scalar()), yamlToJson(kv.second, badKey));
        }
        return object;
    }
    default:
        return QJsonValue(QJsonValue::Null);
    }
}

} // namespace handoff::exports::archy
