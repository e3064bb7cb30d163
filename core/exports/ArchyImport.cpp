#include "ArchyImport.h"

#include "ArchyExport.h"
#include "ArchyYaml.h"
#include "SetUuiDataExport.h"
#include "common/TextPosition.h"
#include "diagnostics/Catalog.h"
#include "flow/FlowEdit.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>

#include <yaml-cpp/yaml.h>

using namespace Qt::StringLiterals;

namespace handoff::exports {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("handoff::exports", text);
}

using namespace handoff::flow;

QString keyText(const YAML::Node& key) {
    return key.IsScalar() ? QString::fromStdString(key.Scalar()) : QString();
}

// Keys of `inboundCall` this reader keeps as they are (Archy settings the model does not have).
const QStringList& keptTopKeys() {
    static const QStringList keys{u"division"_s,
                                  u"defaultLanguage"_s,
                                  u"supportedLanguages"_s,
                                  u"initialGreeting"_s,
                                  u"settingsActionDefaults"_s,
                                  u"settingsErrorHandling"_s,
                                  u"settingsMenu"_s,
                                  u"settingsPrompts"_s,
                                  u"settingsSpeechRec"_s,
                                  u"menus"_s};
    return keys;
}

// Line and column of a yaml-cpp mark in the product's one unit (characters, common/TextPosition.h): yaml-cpp counts
// its column in bytes, so the byte offset is turned into a position over the text itself.
void placeAt(diagnostics::Location& where, const YAML::Mark& mark, const QByteArray& text) {
    if (mark.pos >= 0 && mark.pos <= text.size()) {
        const handoff::text::TextPosition at = handoff::text::positionAt(text, mark.pos);
        where.line = at.line;
        where.column = at.column;
    } else {
        where.line = mark.line + 1;
        where.column = mark.column + 1;
    }
}

class Reader {
public:
    explicit Reader(const QByteArray& text)
        : m_text(text) {}

    diagnostics::Diagnostics diagnostics;
    Flow flow;

    void report(const char* code, const QString& message, const YAML::Node& at, const QString& field = {}) {
        diagnostics::Location where;
        where.field = field;
        const YAML::Mark mark = at.IsDefined() ? at.Mark() : YAML::Mark::null_mark();
        if (!mark.is_null()) {
            placeAt(where, mark, m_text);
        }
        diagnostics.append(diagnostics::make(code, message, where));
    }

    // Every mapping key must be a scalar. A key that is itself a mapping is what `{{name}}` (an unrendered
    // Terraform or Handlebars placeholder) becomes in YAML 1.2.
    void checkKeys(const YAML::Node& node) {
        if (node.IsSequence()) {
            for (const YAML::Node& item : node) {
                checkKeys(item);
            }
        } else if (node.IsMap()) {
            QSet<QString> seen;
            for (const auto& kv : node) {
                const QString keyName = kv.first.IsScalar() ? keyText(kv.first) : QString();
                if (kv.first.IsScalar() && seen.contains(keyName)) {
                    // YAML requires unique keys in a mapping; readers differ on which one wins (yaml-cpp keeps both,
                    // a JSON view the last), so the flow would change on its way through the export (fuzz_archy_yaml).
                    report("EXP042",
                           handoff::exports::tr("The key \"%1\" appears twice in this mapping; YAML allows each key "
                                                "once. Keep one of them.")
                               .arg(keyName),
                           kv.first);
                    continue;
                }
                seen.insert(keyName);
                if (!kv.first.IsScalar()) {
                    QString name;
                    if (kv.first.IsMap() && kv.first.size() == 1) {
                        name = keyText(kv.first.begin()->first);
                    }
                    report("EXP043",
                           name.isEmpty()
                               ? handoff::exports::tr("A mapping key here is not a plain value; Archy keys are names. "
                                                      "If the file came from a template, render it first.")
                               : handoff::exports::tr(
                                     "{{%1}} looks like an unrendered template placeholder (Terraform, Handlebars): "
                                     "YAML reads it as a nested mapping, and Archy would refuse it. Render the "
                                     "template (put in the value for %1) and import the result.")
                                     .arg(name),
                           kv.first);
                } else {
                    checkKeys(kv.second);
                }
            }
        }
    }

    QJsonValue toJson(const YAML::Node& node) {
        return archy::yamlToJson(node, [](const YAML::Node&) {}); // keys were checked before
    }

    bool expectMap(const YAML::Node& node, const QString& what) {
        if (node.IsDefined() && node.IsMap()) {
            return true;
        }
        report("EXP042", handoff::exports::tr("%1 must be a mapping (key: value lines).").arg(what), node, what);
        return false;
    }

    QString scalar(const YAML::Node& node, const QString& what) {
        if (!node.IsDefined()) {
            return {};
        }
        if (node.IsScalar()) {
            return QString::fromStdString(node.Scalar());
        }
        if (!node.IsNull()) {
            report("EXP042", handoff::exports::tr("%1 must be a single value.").arg(what), node, what);
        }
        return {};
    }

    // An Archy value as an Architect expression: {exp: e} -> e, {lit: x} -> the literal, {var: v} -> v,
    // {noValue: true} -> empty. `type` says how a plain literal reads (a string literal for "string").
    QString expression(const YAML::Node& node, const QString& what, const QString& type = {}) {
        if (!node.IsDefined() || !node.IsMap() || node.size() != 1) {
            report("EXP042",
                   handoff::exports::tr("%1 must be one of {exp: ...}, {lit: ...}, {var: ...} or {noValue: true}.")
                       .arg(what),
                   node, what);
            return {};
        }
        const QString k = keyText(node.begin()->first);
        const YAML::Node v = node.begin()->second;
        if (k == u"exp"_s || k == u"var"_s) {
            return scalar(v, what);
        }
        if (k == u"noValue"_s) {
            return {};
        }
        if (k == u"lit"_s && v.IsScalar()) {
            const QString text = QString::fromStdString(v.Scalar());
            const bool plain = v.Tag() == "?";
            if (plain && type != u"string"_s && archy::isPlainLiteral(text)) {
                return text;
            }
            if (plain && type != u"string"_s && (text == u"True"_s || text == u"TRUE"_s)) {
                return u"true"_s;
            }
            if (plain && type != u"string"_s && (text == u"False"_s || text == u"FALSE"_s)) {
                return u"false"_s;
            }
            return architectStringLiteral(text);
        }
        report("EXP042",
               handoff::exports::tr("%1: '%2' with this value cannot be read as an expression here.").arg(what, k),
               node, what);
        return {};
    }

    bool boolean(const YAML::Node& node, const QString& what, bool fallback) {
        const QString e = expression(node, what, u"boolean"_s);
        if (e.isEmpty()) {
            return fallback;
        }
        if (e == u"true"_s || e == u"false"_s) {
            return e == u"true"_s;
        }
        report("EXP042", handoff::exports::tr("%1 must be {lit: true} or {lit: false}.").arg(what), node, what);
        return fallback;
    }

    QString literalText(const YAML::Node& node, const QString& what) {
        const QString e = expression(node, what, u"string"_s);
        return parseStringLiteral(e).value_or(e);
    }

    std::optional<int> seconds(const YAML::Node& node, const QString& what) {
        if (node.IsMap() && node["noValue"]) {
            return std::nullopt;
        }
        if (node.IsMap() && node["lit"] && node["lit"].IsMap() && node["lit"]["seconds"] &&
            node["lit"]["seconds"].IsScalar()) {
            bool ok = false;
            const int n = QString::fromStdString(node["lit"]["seconds"].Scalar()).toInt(&ok);
            if (ok && n >= 0) {
                return n;
            }
        }
        report("EXP042", handoff::exports::tr("%1 must be a duration: {lit: {seconds: N}}.").arg(what), node, what);
        return std::nullopt;
    }

    Audio audio(const YAML::Node& node, const QString& what) {
        Audio a;
        if (!expectMap(node, what)) {
            return a;
        }
        for (const auto& kv : node) {
            const QString k = keyText(kv.first);
            if (k == u"tts"_s) {
                a.tts = architectStringLiteral(scalar(kv.second, what + u".tts"_s));
            } else if (k == u"prompt"_s) {
                a.prompt = scalar(kv.second, what + u".prompt"_s);
            } else if (k == u"exp"_s) {
                static const QRegularExpression tts(u"^ToAudioTTS\\((.*)\\)$"_s);
                const QString e = scalar(kv.second, what + u".exp"_s);
                const QRegularExpressionMatch m = tts.match(e);
                if (m.hasMatch()) {
                    a.tts = m.captured(1);
                } else {
                    a.extra.insert(u"exp"_s, e); // audio the model does not compose (ToAudioBlank(1) ...): kept
                }
            } else if (k != u"noValue"_s) {
                unknownKey(kv.first, what);
                a.extra.insert(k, toJson(kv.second));
            }
        }
        return a;
    }

    void unknownKey(const YAML::Node& key, const QString& where) {
        report("EXP044",
               handoff::exports::tr("'%1' in %2 is a key this reader does not know; it is kept and written back on "
                                    "export, but not checked or simulated.")
                   .arg(keyText(key), where),
               key, where);
    }

    QString newActionId(const QString& base) {
        QString slug = base.toLower();
        slug.replace(QRegularExpression(u"[^a-z0-9]+"_s), u"-"_s);
        slug.remove(QRegularExpression(u"^-+|-+$"_s));
        if (slug.isEmpty()) {
            slug = u"action"_s;
        }
        QString id = slug;
        for (int n = 2; m_actionIds.contains(id); ++n) {
            id = slug + u'-' + QString::number(n);
        }
        m_actionIds.insert(id);
        return id;
    }

    ActionList actions(const YAML::Node& node, const QString& where) {
        ActionList list;
        if (node.IsNull()) {
            return list;
        }
        if (!node.IsSequence()) {
            report("EXP042", handoff::exports::tr("%1 must be a list of actions.").arg(where), node, where);
            return list;
        }
        for (const YAML::Node& item : node) {
            if (auto a = action(item, where)) {
                list.push_back(std::move(*a));
            }
        }
        return list;
    }

    std::optional<Action> action(const YAML::Node& item, const QString& where) {
        if (!item.IsMap() || item.size() != 1) {
            report("EXP042",
                   handoff::exports::tr("Each action in %1 must be one key (the action, e.g. playAudio:) with its "
                                        "settings under it.")
                       .arg(where),
                   item, where);
            return std::nullopt;
        }
        const QString kindKey = keyText(item.begin()->first);
        const YAML::Node body = item.begin()->second;
        const QString name = body.IsMap() && body["name"] && body["name"].IsScalar()
                                 ? QString::fromStdString(body["name"].Scalar())
                                 : QString();
        const auto kind = archy::kindOfArchyKey(kindKey);
        if (!kind) {
            Action a = Action::make(newActionId(name.isEmpty() ? kindKey : name), name,
                                    OpaqueProps{kindKey, toJson(body).toObject()});
            report("EXP045",
                   handoff::exports::tr("'%1'%2 is an Archy action Handoff Studio does not model; it is kept as the "
                                        "opaque action '%3' and written back unchanged, but not checked or simulated.")
                       .arg(kindKey, name.isEmpty() ? QString() : u" (\""_s + name + u"\")"_s, a.id),
                   item.begin()->first, where);
            return a;
        }
        const QString what = where + u'.' + kindKey;
        if (!body.IsNull() && !expectMap(body, what)) {
            return std::nullopt;
        }
        Action a = Action::make(newActionId(name.isEmpty() ? kindKey : name), name, defaultProps(*kind));
        QJsonObject extra;
        QStringList known{u"name"_s, u"outputs"_s};
        auto take = [&](const char* key) -> YAML::Node {
            known.append(QString::fromLatin1(key));
            return body.IsMap() ? body[key] : YAML::Node(YAML::NodeType::Undefined);
        };
        std::visit(
            [&](auto& p) {
                using T = std::decay_t<decltype(p)>;
                if constexpr (std::is_same_v<T, TranscriptionProps>) {
                    if (const YAML::Node n = take("enableTranscription")) {
                        p.enabled = boolean(n, what + u".enableTranscription"_s, true);
                    }
                } else if constexpr (std::is_same_v<T, PlayAudioProps>) {
                    if (const YAML::Node n = take("audio")) {
                        p.audio = audio(n, what + u".audio"_s);
                    }
                } else if constexpr (std::is_same_v<T, CallDataProps>) {
                    if (const YAML::Node n = take("timeout")) {
                        p.timeoutSeconds = seconds(n, what + u".timeout"_s).value_or(p.timeoutSeconds);
                    }
                    if (const YAML::Node n = take("processingPrompt"); n && !(n.IsMap() && n["noValue"])) {
                        extra.insert(u"processingPrompt"_s, toJson(n));
                    }
                    callDataCategory(take("category"), what, p, extra);
                } else if constexpr (std::is_same_v<T, DecisionProps>) {
                    if (const YAML::Node n = take("condition")) {
                        p.condition = expression(n, what + u".condition"_s);
                    }
                } else if constexpr (std::is_same_v<T, UpdateDataProps>) {
                    statements(take("statements"), what, p);
                } else if constexpr (std::is_same_v<T, SetUuiDataProps>) {
                    p.source = UuiSource::Expression;
                    if (const YAML::Node n = take("uuiData")) {
                        p.expression = expression(n, what + u".uuiData"_s);
                    }
                    if (const YAML::Node n = take("mode")) {
                        const QString mode = literalText(n, what + u".mode"_s);
                        if (mode == u"disconnect"_s) {
                            p.mode = UuiMode::Disconnect;
                        } else if (mode != u"transfer"_s) {
                            report("EXP042", handoff::exports::tr("mode must be transfer or disconnect."), n, what);
                        }
                    }
                    if (const YAML::Node n = take("userToUser")) {
                        p.userToUser = boolean(n, what + u".userToUser"_s, true);
                    }
                } else if constexpr (std::is_same_v<T, TransferProps>) {
                    if (const YAML::Node n = take("targetNumber")) {
                        p.number = expression(n, what + u".targetNumber"_s);
                    }
                    if (const YAML::Node n = take("releaseLinkTransfer")) {
                        p.releaseLinkTransfer = boolean(n, what + u".releaseLinkTransfer"_s, false);
                    }
                    if (const YAML::Node n = take("connectTimeout")) {
                        p.connectTimeoutSeconds =
                            seconds(n, what + u".connectTimeout"_s).value_or(p.connectTimeoutSeconds);
                    }
                    if (const YAML::Node n = take("preTransferAudio")) {
                        p.preTransferAudio = audio(n, what + u".preTransferAudio"_s);
                    }
                    if (const YAML::Node n = take("failureTransferAudio")) {
                        p.failedTransferAudio = audio(n, what + u".failureTransferAudio"_s);
                    }
                    if (const YAML::Node n = take("failureOutputs"); n && expectMap(n, what + u".failureOutputs"_s)) {
                        if (n["errorType"]) {
                            p.errorTypeVariable = expression(n["errorType"], what + u".failureOutputs.errorType"_s);
                        }
                        if (n["errorMessage"]) {
                            p.errorMessageVariable =
                                expression(n["errorMessage"], what + u".failureOutputs.errorMessage"_s);
                        }
                    }
                } else if constexpr (std::is_same_v<T, SetPostFlowProps>) {
                    if (const YAML::Node n = take("target")) {
                        p.target = literalText(n, what + u".target"_s) == u"Agent"_s ? PostFlowTarget::Agent
                                                                                     : PostFlowTarget::Caller;
                    }
                    if (const YAML::Node n = take("flowType")) {
                        p.flowType = literalText(n, what + u".flowType"_s);
                    }
                    if (const YAML::Node n = take("flowName")) {
                        p.flowName = literalText(n, what + u".flowName"_s);
                    }
                    if (const YAML::Node n = take("invocationData")) {
                        p.invocationData = expression(n, what + u".invocationData"_s);
                    }
                } else if constexpr (std::is_same_v<T, JumpProps>) {
                    if (const YAML::Node n = take("targetTaskRef")) {
                        m_jumps.append({a.id, scalar(n, what + u".targetTaskRef"_s), n});
                    } else {
                        // A jump without a target cannot be exported as Archy reads it (fuzz_archy_yaml).
                        report("EXP046",
                               handoff::exports::tr("A jumpToTask needs targetTaskRef, the task it jumps to; add "
                                                    "targetTaskRef: /inboundCall/tasks/task[<refId>]."),
                               body, what + u".targetTaskRef"_s);
                    }
                }
            },
            a.props);
        if (body.IsMap()) {
            for (const auto& kv : body) {
                const QString k = keyText(kv.first);
                if (!known.contains(k)) {
                    // Disconnect's `none: true` is how Archy writes an action without settings: kept quietly.
                    if (!(a.kind() == ActionKind::Disconnect && k == u"none"_s)) {
                        unknownKey(kv.first, what);
                    }
                    extra.insert(k, toJson(kv.second));
                }
            }
            if (const YAML::Node outs = body["outputs"]) {
                readOutputs(outs, what, a);
            }
        }
        if (!extra.isEmpty()) {
            a.extra.insert(u"archy"_s, extra);
        }
        return a;
    }

    void readOutputs(const YAML::Node& outs, const QString& what, Action& a) {
        if (!expectMap(outs, what + u".outputs"_s)) {
            return;
        }
        for (const auto& kv : outs) {
            QString k = keyText(kv.first);
            // A YAML 1.1 writer may have turned yes/no into Booleans; Archy means the Decision's outputs.
            if (a.kind() == ActionKind::Decision) {
                if (k == u"true"_s || k == u"True"_s || k == u"y"_s) {
                    k = QString::fromLatin1(kPathYes);
                } else if (k == u"false"_s || k == u"False"_s || k == u"n"_s) {
                    k = QString::fromLatin1(kPathNo);
                }
            }
            ActionList* list = a.output(k);
            if (!list) {
                report("EXP042",
                       handoff::exports::tr("%1 has no output '%2'; its outputs are: %3.")
                           .arg(what, k, outputsOf(a.kind()).join(u", "_s)),
                       kv.first, what);
                continue;
            }
            const QString where = what + u".outputs."_s + k;
            if (kv.second.IsNull()) {
                continue;
            }
            if (!expectMap(kv.second, where)) {
                continue;
            }
            for (const auto& inner : kv.second) {
                if (keyText(inner.first) != u"actions"_s) {
                    report("EXP042",
                           handoff::exports::tr("An output holds only 'actions:'; '%1' is not read.")
                               .arg(keyText(inner.first)),
                           inner.first, where);
                }
            }
            *list = actions(kv.second["actions"], where + u".actions"_s);
        }
    }

    void callDataCategory(const YAML::Node& category, const QString& what, CallDataProps& p, QJsonObject& extra) {
        const QString where = what + u".category"_s;
        if (!category) {
            report("EXP042", handoff::exports::tr("%1 needs a category with its data action.").arg(what), YAML::Node(),
                   where);
            return;
        }
        if (!expectMap(category, where) || category.size() != 1) {
            if (category.IsMap()) {
                report("EXP042", handoff::exports::tr("%1 must name exactly one integration.").arg(where), category,
                       where);
            }
            return;
        }
        p.integration = keyText(category.begin()->first);
        const YAML::Node integration = category.begin()->second;
        if (!expectMap(integration, where) || !integration["dataAction"] || !integration["dataAction"].IsMap() ||
            integration["dataAction"].size() != 1) {
            report("EXP042", handoff::exports::tr("%1 must hold dataAction: with exactly one data action.").arg(where),
                   integration, where);
            return;
        }
        const YAML::Node action = integration["dataAction"];
        p.dataAction = keyText(action.begin()->first);
        const YAML::Node settings = action.begin()->second;
        if (settings.IsNull()) {
            return;
        }
        if (!expectMap(settings, where)) {
            return;
        }
        for (const auto& kv : settings) {
            const QString k = keyText(kv.first);
            if (k == u"inputs"_s || k == u"successOutputs"_s) {
                if (kv.second.IsNull() || !expectMap(kv.second, where + u'.' + k)) {
                    continue;
                }
                for (const auto& b : kv.second) {
                    const QString name = keyText(b.first);
                    const QString value = expression(b.second, where + u'.' + k + u'.' + name);
                    (k == u"inputs"_s ? p.inputs : p.successOutputs).append(Binding{name, value, {}});
                }
            } else {
                unknownKey(kv.first, where);
                extra.insert(u"dataAction."_s + k, toJson(kv.second));
            }
        }
    }

    void statements(const YAML::Node& node, const QString& what, UpdateDataProps& p) {
        if (!node || node.IsNull()) {
            return;
        }
        if (!node.IsSequence()) {
            report("EXP042", handoff::exports::tr("%1.statements must be a list.").arg(what), node, what);
            return;
        }
        for (const YAML::Node& s : node) {
            if (!s.IsMap() || s.size() != 1 || !s.begin()->second.IsMap()) {
                report("EXP042",
                       handoff::exports::tr("Each statement must be one type key (string:, integer:, ...) with "
                                            "variable: and value: under it."),
                       s, what);
                continue;
            }
            const QString type = keyText(s.begin()->first);
            const YAML::Node body = s.begin()->second;
            Binding b;
            b.name = scalar(body["variable"], what + u".variable"_s);
            b.value = body["value"] ? expression(body["value"], what + u".value"_s, type) : QString();
            if (body.size() > 2 || (body.size() == 2 && !body["value"])) {
                for (const auto& kv : body) {
                    if (keyText(kv.first) != u"variable"_s && keyText(kv.first) != u"value"_s) {
                        unknownKey(kv.first, what);
                        b.extra.insert(keyText(kv.first), toJson(kv.second));
                    }
                }
            }
            b.extra.insert(u"archyType"_s, type);
            p.assignments.append(b);
        }
    }

    void variables(const YAML::Node& node, const QString& where, const QString& taskRefId) {
        if (!node.IsSequence()) {
            report("EXP042", handoff::exports::tr("%1 must be a list of variables.").arg(where), node, where);
            return;
        }
        for (const YAML::Node& item : node) {
            if (!item.IsMap() || item.size() != 1 || !item.begin()->second.IsMap()) {
                report("EXP042",
                       handoff::exports::tr("Each variable must be one type key (stringVariable:, ...) with name: "
                                            "under it."),
                       item, where);
                continue;
            }
            const QString type = keyText(item.begin()->first);
            const YAML::Node body = item.begin()->second;
            Variable v;
            v.name = scalar(body["name"], where + u".name"_s);
            if (v.name.isEmpty()) {
                report("EXP042", handoff::exports::tr("A variable needs a name."), item, where);
                continue;
            }
            if (!taskRefId.isEmpty()) {
                v.extra.insert(u"archyTask"_s, taskRefId);
            }
            // A plain bool and value instead of std::optional: GCC 12 at -O2 takes the optional's value for
            // possibly uninitialised where it is read below.
            const auto typeOf = type.endsWith(u"Variable"_s) ? archy::valueTypeOfStatement(type.chopped(8))
                                                             : std::optional<ValueType>();
            const bool modelled = typeOf.has_value();
            const ValueType modelledType = typeOf.value_or(ValueType::String);
            if (modelled) {
                v.type = modelledType;
            } else {
                // Durations, queues, collections ...: kept as written; the simulator sees a String.
                v.type = ValueType::String;
                v.extra.insert(u"archyType"_s, type);
            }
            QJsonObject extra;
            for (const auto& kv : body) {
                const QString k = keyText(kv.first);
                if (k == u"name"_s) {
                    continue;
                }
                if (k == u"description"_s) {
                    v.description = scalar(kv.second, where + u".description"_s);
                } else if (k == u"initialValue"_s) {
                    const YAML::Node lit = kv.second.IsMap() ? kv.second["lit"] : YAML::Node(YAML::NodeType::Undefined);
                    if (modelled && lit && lit.IsScalar()) {
                        const QString text = QString::fromStdString(lit.Scalar());
                        const QJsonValue json =
                            modelledType == ValueType::String ? QJsonValue(text) : archy::plainScalarToJson(text);
                        if (auto value = Value::fromJson(json, modelledType)) {
                            v.initial = *value;
                            continue;
                        }
                    }
                    if (!(kv.second.IsMap() && kv.second["noValue"])) { // noValue: the same as none
                        v.extra.insert(u"archyInitialValue"_s, toJson(kv.second));
                    }
                } else {
                    unknownKey(kv.first, where + u'.' + v.name);
                    extra.insert(k, toJson(kv.second));
                }
            }
            if (!extra.isEmpty()) {
                v.extra.insert(u"archy"_s, extra);
            }
            flow.variables.append(v);
        }
    }

    // startUpRef and targetTaskRef: "/inboundCall/tasks/task[<refId>]" or relative "./tasks/task[<refId>]".
    std::optional<QString> resolveTaskRef(const QString& ref, const YAML::Node& at, const QString& what) {
        static const QRegularExpression form(u"^(?:/inboundCall|\\.|\\./\\.\\.|\\.\\.)/tasks/task\\[([^\\]]+)\\]$"_s);
        const QRegularExpressionMatch m = form.match(ref.trimmed());
        if (!m.hasMatch()) {
            report("EXP046",
                   handoff::exports::tr("%1 \"%2\" is not a reference to a task; write "
                                        "/inboundCall/tasks/task[<refId>] (a menu cannot be the start here).")
                       .arg(what, ref),
                   at, what);
            return std::nullopt;
        }
        const QString refId = m.captured(1);
        if (!m_taskIdOfRef.contains(refId)) {
            report("EXP046",
                   handoff::exports::tr("%1 names the task \"%2\", which the flow does not have.").arg(what, refId), at,
                   what);
            return std::nullopt;
        }
        return m_taskIdOfRef.value(refId);
    }

    void read(const YAML::Node& root) {
        if (!root.IsMap()) {
            report("EXP041",
                   handoff::exports::tr("This is not an Archy flow: the document must start with inboundCall:."), root);
            return;
        }
        if (!root["inboundCall"]) {
            QStringList keys;
            for (const auto& kv : root) {
                keys.append(keyText(kv.first));
            }
            const bool project = root["version"] && root["flow"];
            report("EXP041",
                   project ? handoff::exports::tr("This looks like a Handoff Studio project file, not an Archy flow; "
                                                  "use it as it is, or export it with 'handoff export archy'.")
                           : handoff::exports::tr("This is not an Archy inboundCall flow (it has %1); only inbound "
                                                  "call flows can be imported.")
                                 .arg(keys.join(u", "_s)),
                   root);
            return;
        }
        if (root.size() != 1) {
            for (const auto& kv : root) {
                if (keyText(kv.first) != u"inboundCall"_s) {
                    report("EXP041",
                           handoff::exports::tr("An Archy file holds one flow; '%1' beside inboundCall is not read.")
                               .arg(keyText(kv.first)),
                           kv.first);
                }
            }
            return;
        }
        const YAML::Node ic = root["inboundCall"];
        if (!expectMap(ic, u"inboundCall"_s)) {
            return;
        }
        QJsonObject top;
        YAML::Node startUpRef;
        YAML::Node tasks;
        YAML::Node variableList;
        for (const auto& kv : ic) {
            const QString k = keyText(kv.first);
            if (k == u"name"_s) {
                flow.name = scalar(kv.second, u"inboundCall.name"_s);
            } else if (k == u"description"_s) {
                flow.description = scalar(kv.second, u"inboundCall.description"_s);
            } else if (k == u"startUpRef"_s) {
                startUpRef = kv.second;
            } else if (k == u"tasks"_s) {
                tasks = kv.second;
            } else if (k == u"variables"_s) {
                variableList = kv.second;
            } else {
                if (!keptTopKeys().contains(k)) {
                    unknownKey(kv.first, u"inboundCall"_s);
                }
                top.insert(k, toJson(kv.second));
            }
        }
        if (flow.name.isEmpty()) {
            report("EXP042", handoff::exports::tr("inboundCall needs a name."), ic, u"inboundCall.name"_s);
        }
        // What the export writes for a flow that has none of these is not kept: an export imported again must give
        // the same flow (a finding of fuzz_archy_yaml: a file without `division` came back with `division: Home`).
        // `division` and `defaultLanguage` are names: an empty one (`division:`, or a comment after the colon) is
        // the same as none; any other value that is not text is refused, since Architect has no such division or
        // language and the export could only write its default instead (a finding of fuzz_archy_yaml).
        for (const QString& key : {u"division"_s, u"defaultLanguage"_s}) {
            if (!top.contains(key)) {
                continue;
            }
            if (top.value(key).isNull()) {
                top.remove(key);
            } else if (!top.value(key).isString()) {
                report("EXP042",
                       handoff::exports::tr("inboundCall.%1 must be a name, such as %2.")
                           .arg(key, key == u"division"_s ? u"Home"_s : u"en-us"_s),
                       ic[key.toStdString()], u"inboundCall."_s + key);
                top.remove(key);
            }
        }
        if (top.value(u"division"_s) == QJsonValue(u"Home"_s)) {
            top.remove(u"division"_s);
        }
        const QString language = top.value(u"defaultLanguage"_s).toString(u"en-us"_s);
        const QJsonObject defaultLanguages{
            {language, QJsonObject{{u"defaultLanguageSkill"_s, QJsonObject{{u"noValue"_s, true}}}}}};
        if (top.value(u"supportedLanguages"_s) == QJsonValue(defaultLanguages)) {
            top.remove(u"supportedLanguages"_s);
        }
        if (top.value(u"defaultLanguage"_s) == QJsonValue(u"en-us"_s)) {
            top.remove(u"defaultLanguage"_s);
        }
        if (!top.isEmpty()) {
            flow.extra.insert(u"archy"_s, top);
        }
        if (variableList && !variableList.IsNull()) {
            variables(variableList, u"inboundCall.variables"_s, {});
        }
        if (!tasks || !tasks.IsSequence() || tasks.size() == 0) {
            report("EXP042", handoff::exports::tr("inboundCall needs tasks: a list with at least the starting task."),
                   tasks ? tasks : ic, u"inboundCall.tasks"_s);
            return;
        }
        // Task ids first, so that jumps and the start resolve whatever their order.
        struct Pending {
            YAML::Node node;
            QString refId;
        };
        QList<Pending> pending;
        QSet<QString> ids;
        for (const YAML::Node& item : tasks) {
            const YAML::Node t = item.IsMap() ? item["task"] : YAML::Node();
            if (!t || !t.IsMap()) {
                report("EXP042", handoff::exports::tr("Each entry of tasks must be task: with its settings under it."),
                       item, u"inboundCall.tasks"_s);
                continue;
            }
            const QString refId = scalar(t["refId"], u"task.refId"_s);
            if (refId.isEmpty() || refId.contains(QRegularExpression(u"[\\[\\]#~/]"_s))) {
                report("EXP046",
                       handoff::exports::tr("A task needs a refId without [ ] # ~ or /; \"%1\" is not one.").arg(refId),
                       t["refId"] ? t["refId"] : t, u"task.refId"_s);
                continue;
            }
            if (m_taskIdOfRef.contains(refId)) {
                report("EXP046", handoff::exports::tr("The refId \"%1\" is used by two tasks.").arg(refId), t["refId"],
                       u"task.refId"_s);
                continue;
            }
            QString id = refId;
            id.replace(QRegularExpression(u"\\s+"_s), u"_"_s);
            const QString base = id;
            for (int n = 2; ids.contains(id); ++n) {
                id = base + u'-' + QString::number(n);
            }
            ids.insert(id);
            m_taskIdOfRef.insert(refId, id);
            pending.append({t, refId});
        }
        for (const Pending& p : pending) {
            Task task;
            task.id = m_taskIdOfRef.value(p.refId);
            const QString where = u"task["_s + p.refId + u']';
            QJsonObject extra;
            if (task.id != p.refId) {
                task.extra.insert(u"archyRefId"_s, p.refId);
            }
            for (const auto& kv : p.node) {
                const QString k = keyText(kv.first);
                if (k == u"name"_s) {
                    task.name = scalar(kv.second, where + u".name"_s);
                } else if (k == u"refId"_s) {
                    continue;
                } else if (k == u"variables"_s) {
                    variables(kv.second, where + u".variables"_s, task.id);
                } else if (k == u"actions"_s) {
                    task.actions = actions(kv.second, where + u".actions"_s);
                } else {
                    unknownKey(kv.first, where);
                    extra.insert(k, toJson(kv.second));
                }
            }
            if (!extra.isEmpty()) {
                task.extra.insert(u"archy"_s, extra);
            }
            if (task.name.isEmpty()) {
                // Archy gives every task a name, and the export writes the id for a task without one: take it now,
                // so that the flow does not change on its way through the export (a finding of fuzz_archy_yaml).
                task.name = task.id;
            }
            flow.tasks.append(std::move(task));
        }
        for (const PendingJump& j : m_jumps) {
            if (const auto id = resolveTaskRef(j.ref, j.node, u"targetTaskRef"_s)) {
                flow.find(j.actionId)->props = JumpProps{*id};
            }
        }
        if (!startUpRef || startUpRef.IsNull()) {
            report("EXP042", handoff::exports::tr("inboundCall needs startUpRef, the starting task."), ic,
                   u"inboundCall.startUpRef"_s);
        } else if (const auto id = resolveTaskRef(scalar(startUpRef, u"startUpRef"_s), startUpRef, u"startUpRef"_s)) {
            flow.startTaskId = *id;
        }
    }

private:
    struct PendingJump {
        QString actionId;
        QString ref;
        YAML::Node node;
    };
    const QByteArray& m_text;
    QSet<QString> m_actionIds;
    QMap<QString, QString> m_taskIdOfRef;
    QList<PendingJump> m_jumps;
};

} // namespace

ArchyImportResult importArchy(const QByteArray& yaml) {
    Reader reader(yaml);
    YAML::Node root;
    try {
        root = YAML::Load(yaml.toStdString());
    } catch (const YAML::ParserException& e) {
        diagnostics::Location where;
        placeAt(where, e.mark, yaml);
        reader.diagnostics.append(
            diagnostics::make("EXP040",
                              handoff::exports::tr("The file is not valid YAML: %1. Fix the file at this place.")
                                  .arg(QString::fromStdString(e.msg)),
                              where));
        return {{}, reader.diagnostics};
    } catch (const YAML::Exception& e) {
        reader.diagnostics.append(diagnostics::make(
            "EXP040", handoff::exports::tr("The file is not valid YAML: %1.").arg(QString::fromStdString(e.msg))));
        return {{}, reader.diagnostics};
    }
    reader.checkKeys(root);
    if (diagnostics::hasErrors(reader.diagnostics)) {
        return {{}, reader.diagnostics};
    }
    try {
        reader.read(root);
    } catch (const YAML::Exception& e) {
        reader.diagnostics.append(diagnostics::make(
            "EXP042", handoff::exports::tr("The flow could not be read: %1.").arg(QString::fromStdString(e.msg))));
    }
    if (diagnostics::hasErrors(reader.diagnostics)) {
        return {{}, reader.diagnostics};
    }
    return {std::move(reader.flow), std::move(reader.diagnostics)};
}

} // namespace handoff::exports
