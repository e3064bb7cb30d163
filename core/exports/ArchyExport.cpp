#include "ArchyExport.h"

#include "ArchyYaml.h"
#include "SetUuiDataExport.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <yaml-cpp/yaml.h>

using namespace Qt::StringLiterals;

namespace handoff::exports {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("handoff::exports", text);
}

using namespace handoff::flow;

// The comment written next to a key no public Archy example confirms. Constant text, so that the export stays a
// function of the flow alone.
constexpr const char* kAssumption = "assumption: key not confirmed by a public Archy example (docs/archy.md)";

// The refId a task is written with: the one an import found (Archy allows spaces, task ids do not), else the id.
QString refIdOf(const Flow& flow, const QString& taskId) {
    const Task* t = flow.task(taskId);
    const QString kept = t ? t->extra.value(u"archyRefId"_s).toString() : QString();
    return kept.isEmpty() ? taskId : kept;
}

class Writer {
public:
    explicit Writer(const ArchyExportOptions& options)
        : m_options(options) {
        m_out.SetIndent(2);
        m_out.SetMapFormat(YAML::Block);
        m_out.SetSeqFormat(YAML::Block);
    }

    YAML::Emitter& out() { return m_out; }

    void key(const QString& k) {
        m_out << YAML::Key;
        archy::emitString(m_out, k);
        m_out << YAML::Value;
    }
    void assumedKey(const QString& k) {
        m_out << YAML::Key;
        archy::emitString(m_out, k);
        m_out << YAML::Comment(kAssumption) << YAML::Value;
    }
    void string(const QString& k, const QString& v) {
        key(k);
        archy::emitString(m_out, v);
    }

    void noValue() {
        m_out << YAML::Flow << YAML::BeginMap << YAML::Key << "noValue" << YAML::Value << true << YAML::EndMap;
    }

    // An expression as an Archy value: a plain string literal as `lit:`, a bare number or Boolean as `lit:`, an
    // empty one as `noValue: true`, anything else as `exp:`.
    // `type` "string": a Boolean or a number is never a literal of a string statement.
    void value(const QString& expression, const QString& type = {}) {
        if (expression.isEmpty()) {
            noValue();
            return;
        }
        m_out << YAML::BeginMap;
        if (const auto text = parseStringLiteral(expression)) {
            string(u"lit"_s, *text);
        } else if (type != u"string"_s && archy::isPlainLiteral(expression)) {
            key(u"lit"_s);
            archy::emitJson(m_out, archy::plainScalarToJson(expression));
        } else {
            string(u"exp"_s, expression);
        }
        m_out << YAML::EndMap;
    }
    void literal(const QJsonValue& v) {
        m_out << YAML::BeginMap;
        key(u"lit"_s);
        archy::emitJson(m_out, v);
        m_out << YAML::EndMap;
    }
    void seconds(int n) {
        m_out << YAML::BeginMap;
        key(u"lit"_s);
        m_out << YAML::BeginMap << YAML::Key << "seconds" << YAML::Value << n << YAML::EndMap;
        m_out << YAML::EndMap;
    }
    void variableRef(const QString& name) {
        if (name.isEmpty()) {
            noValue();
            return;
        }
        m_out << YAML::BeginMap;
        string(u"var"_s, name);
        m_out << YAML::EndMap;
    }

    void audio(const Audio& a) {
        m_out << YAML::BeginMap;
        if (!a.prompt.isEmpty()) {
            string(u"prompt"_s, a.prompt);
        } else if (const auto text = parseStringLiteral(a.tts)) {
            string(u"tts"_s, *text);
        } else if (!a.tts.isEmpty()) {
            string(u"exp"_s, u"ToAudioTTS("_s + a.tts + u')');
        } else if (a.extra.contains(u"exp"_s)) {
            string(u"exp"_s, a.extra.value(u"exp"_s).toString());
        } else {
            key(u"noValue"_s);
            m_out << true;
        }
        extraKeys(a.extra, {u"exp"_s});
        m_out << YAML::EndMap;
    }

    // Keys an import kept: written back in key order.
    void extraKeys(const QJsonObject& extra, const QStringList& skip = {}) {
        for (auto it = extra.begin(); it != extra.end(); ++it) {
            if (!skip.contains(it.key())) {
                key(it.key());
                archy::emitJson(m_out, it.value());
            }
        }
    }

    void actions(const Flow& flow, const ActionList& list) {
        if (list.empty()) {
            m_out << YAML::Flow << YAML::BeginSeq << YAML::EndSeq;
            return;
        }
        m_out << YAML::BeginSeq;
        for (const Action& a : list) {
            action(flow, a);
        }
        m_out << YAML::EndSeq;
    }

    void outputs(const Flow& flow, const Action& a) {
        key(u"outputs"_s);
        m_out << YAML::BeginMap;
        for (const Output& o : a.outputs) {
            m_out << YAML::Key;
            archy::emitString(m_out, o.key); // "yes" and "no" come out quoted
            m_out << YAML::Value << YAML::BeginMap;
            key(u"actions"_s);
            actions(flow, o.actions);
            m_out << YAML::EndMap;
        }
        m_out << YAML::EndMap;
    }

    void action(const Flow& flow, const Action& a) {
        const QJsonObject archyExtra = a.extra.value(u"archy"_s).toObject();
        m_out << YAML::BeginMap;
        if (const OpaqueProps* p = a.as<OpaqueProps>()) {
            key(p->archyKind);
            archy::emitJson(m_out, p->raw);
            m_out << YAML::EndMap;
            return;
        }
        const QString kind = archy::archyKeyOf(a.kind());
        if (archy::isAssumedKey(kind)) {
            assumedKey(kind);
        } else {
            key(kind);
        }
        m_out << YAML::BeginMap;
        if (!a.name.isEmpty()) {
            string(u"name"_s, a.name);
        }
        std::visit(
            [&](const auto& p) {
                using T = std::decay_t<decltype(p)>;
                if constexpr (std::is_same_v<T, TranscriptionProps>) {
                    assumedKey(u"enableTranscription"_s);
                    literal(p.enabled);
                } else if constexpr (std::is_same_v<T, PlayAudioProps>) {
                    key(u"audio"_s);
                    audio(p.audio);
                } else if constexpr (std::is_same_v<T, CallDataProps>) {
                    if (!archyExtra.contains(u"processingPrompt"_s)) {
                        key(u"processingPrompt"_s);
                        noValue();
                    }
                    key(u"timeout"_s);
                    seconds(p.timeoutSeconds);
                    key(u"category"_s);
                    m_out << YAML::BeginMap;
                    key(p.integration);
                    m_out << YAML::BeginMap;
                    key(u"dataAction"_s);
                    m_out << YAML::BeginMap;
                    key(p.dataAction);
                    m_out << YAML::BeginMap;
                    key(u"inputs"_s);
                    bindings(p.inputs, false);
                    key(u"successOutputs"_s);
                    bindings(p.successOutputs, true);
                    m_out << YAML::EndMap << YAML::EndMap << YAML::EndMap << YAML::EndMap;
                } else if constexpr (std::is_same_v<T, DecisionProps>) {
                    key(u"condition"_s);
                    value(p.condition);
                } else if constexpr (std::is_same_v<T, UpdateDataProps>) {
                    key(u"statements"_s);
                    if (p.assignments.isEmpty()) {
                        m_out << YAML::Flow << YAML::BeginSeq << YAML::EndSeq;
                    } else {
                        m_out << YAML::BeginSeq;
                        for (const Binding& b : p.assignments) {
                            QString type = b.extra.value(u"archyType"_s).toString();
                            if (type.isEmpty()) {
                                const auto declared = flow.variableType(b.name);
                                type = archy::statementTypeOf(declared.value_or(ValueType::String));
                            }
                            m_out << YAML::BeginMap;
                            key(type);
                            m_out << YAML::BeginMap;
                            string(u"variable"_s, b.name);
                            key(u"value"_s);
                            value(b.value, type);
                            extraKeys(b.extra, {u"archyType"_s});
                            m_out << YAML::EndMap << YAML::EndMap;
                        }
                        m_out << YAML::EndSeq;
                    }
                } else if constexpr (std::is_same_v<T, SetUuiDataProps>) {
                    QString expression = p.expression;
                    if (p.source == UuiSource::ProjectTemplate) {
                        expression = m_options.uuiExpression ? m_options.uuiExpression(p) : QString();
                    }
                    assumedKey(u"uuiData"_s);
                    value(expression);
                    assumedKey(u"mode"_s);
                    literal(p.mode == UuiMode::Transfer ? u"transfer"_s : u"disconnect"_s);
                    assumedKey(u"userToUser"_s);
                    literal(p.userToUser);
                } else if constexpr (std::is_same_v<T, TransferProps>) {
                    assumedKey(u"targetNumber"_s);
                    value(p.number);
                    assumedKey(u"releaseLinkTransfer"_s);
                    literal(p.releaseLinkTransfer);
                    assumedKey(u"connectTimeout"_s);
                    seconds(p.connectTimeoutSeconds);
                    key(u"preTransferAudio"_s);
                    audio(p.preTransferAudio);
                    key(u"failureTransferAudio"_s);
                    audio(p.failedTransferAudio);
                    key(u"failureOutputs"_s);
                    m_out << YAML::BeginMap;
                    key(u"errorType"_s);
                    variableRef(p.errorTypeVariable);
                    key(u"errorMessage"_s);
                    variableRef(p.errorMessageVariable);
                    m_out << YAML::EndMap;
                } else if constexpr (std::is_same_v<T, SetPostFlowProps>) {
                    assumedKey(u"target"_s);
                    literal(p.target == PostFlowTarget::Caller ? u"Caller"_s : u"Agent"_s);
                    assumedKey(u"flowType"_s);
                    literal(p.flowType);
                    assumedKey(u"flowName"_s);
                    literal(p.flowName);
                    assumedKey(u"invocationData"_s);
                    value(p.invocationData);
                } else if constexpr (std::is_same_v<T, JumpProps>) {
                    assumedKey(u"targetTaskRef"_s);
                    archy::emitString(m_out, archy::taskRef(refIdOf(flow, p.task)));
                }
            },
            a.props);
        extraKeys(archyExtra);
        if (!a.outputs.isEmpty()) {
            outputs(flow, a);
        }
        m_out << YAML::EndMap << YAML::EndMap;
    }

    void bindings(const QList<Binding>& list, bool variables) {
        if (list.isEmpty()) {
            m_out << YAML::Flow << YAML::BeginMap << YAML::EndMap;
            return;
        }
        m_out << YAML::BeginMap;
        for (const Binding& b : list) {
            key(b.name);
            if (variables) {
                variableRef(b.value);
            } else {
                value(b.value);
            }
        }
        m_out << YAML::EndMap;
    }

    void variables(const QList<const Variable*>& list) {
        m_out << YAML::BeginSeq;
        for (const Variable* v : list) {
            QString type = v->extra.value(u"archyType"_s).toString();
            if (type.isEmpty()) {
                type = archy::statementTypeOf(v->type) + u"Variable"_s;
            }
            m_out << YAML::BeginMap;
            key(type);
            m_out << YAML::BeginMap;
            string(u"name"_s, v->name);
            if (v->extra.contains(u"archyInitialValue"_s)) {
                key(u"initialValue"_s);
                archy::emitJson(m_out, v->extra.value(u"archyInitialValue"_s));
            } else if (v->initial.isSet()) {
                key(u"initialValue"_s);
                literal(v->initial.toJson());
            }
            if (!v->description.isEmpty()) {
                string(u"description"_s, v->description);
            }
            extraKeys(v->extra.value(u"archy"_s).toObject());
            m_out << YAML::EndMap << YAML::EndMap;
        }
        m_out << YAML::EndSeq;
    }

private:
    const ArchyExportOptions& m_options;
    YAML::Emitter m_out;
};

} // namespace

std::optional<QString> parseStringLiteral(const QString& expression) {
    if (expression.size() < 2 || !expression.startsWith(u'"') || !expression.endsWith(u'"')) {
        return std::nullopt;
    }
    QString text;
    for (qsizetype i = 1; i < expression.size() - 1; ++i) {
        QChar c = expression.at(i);
        if (c == u'\\') {
            if (i + 1 >= expression.size() - 1) {
                return std::nullopt;
            }
            c = expression.at(++i);
        } else if (c == u'"') {
            return std::nullopt; // "a" + "b" or the like: not one literal
        }
        text.append(c);
    }
    return text;
}

QStringList archyAssumedKeys() {
    return archy::assumedKeys();
}

Result<QByteArray> exportArchy(const Flow& flow, const ArchyExportOptions& options) {
    if (flow.tasks.isEmpty()) {
        return fail(u"EXP047"_s, handoff::exports::tr("The flow has no tasks; there is nothing to write as Archy."));
    }
    for (const Task& t : flow.tasks) {
        if (!isRefIdSafe(t.id)) {
            return fail(u"EXP047"_s,
                        handoff::exports::tr("The task id \"%1\" cannot be an Archy refId (it must not be empty or "
                                             "contain [ ] # ~ / or spaces). Rename the task with 'handoff flow edit'.")
                            .arg(t.id));
        }
    }
    QString unnamedOpaque;
    flow.forEachAction([&unnamedOpaque](const Task&, const Action& a) {
        if (const OpaqueProps* p = a.as<OpaqueProps>(); p && p->archyKind.isEmpty() && unnamedOpaque.isEmpty()) {
            unnamedOpaque = a.id;
        }
    });
    if (!unnamedOpaque.isEmpty()) {
        return fail(u"EXP047"_s, handoff::exports::tr("The opaque action \"%1\" has no Archy action key (archyKind); "
                                                      "opaque actions come from an Archy import. Remove it.")
                                     .arg(unnamedOpaque));
    }
    if (!flow.task(flow.startTaskId)) {
        return fail(u"EXP047"_s, handoff::exports::tr(
                                     "The starting task \"%1\" does not exist; choose one with 'handoff flow edit'.")
                                     .arg(flow.startTaskId));
    }
    const QJsonObject top = flow.extra.value(u"archy"_s).toObject();
    Writer w(options);
    YAML::Emitter& out = w.out();
    out << YAML::Comment("Archy inboundCall flow written by Handoff Studio. Publish with: archy publish --file <this "
                         "file>");
    out << YAML::BeginMap;
    w.key(u"inboundCall"_s);
    out << YAML::BeginMap;
    w.string(u"name"_s, flow.name);
    if (!flow.description.isEmpty()) {
        w.string(u"description"_s, flow.description);
    }
    w.string(u"division"_s, top.value(u"division"_s).toString(u"Home"_s));
    w.string(u"startUpRef"_s, archy::taskRef(refIdOf(flow, flow.startTaskId)));
    w.string(u"defaultLanguage"_s, top.value(u"defaultLanguage"_s).toString(u"en-us"_s));
    w.key(u"supportedLanguages"_s);
    if (top.contains(u"supportedLanguages"_s)) {
        archy::emitJson(out, top.value(u"supportedLanguages"_s));
    } else {
        // Written the way an import keeps it, so that a second export gives the same text.
        archy::emitJson(out,
                        QJsonObject{{top.value(u"defaultLanguage"_s).toString(u"en-us"_s),
                                     QJsonObject{{u"defaultLanguageSkill"_s, QJsonObject{{u"noValue"_s, true}}}}}});
    }
    w.extraKeys(top, {u"division"_s, u"defaultLanguage"_s, u"supportedLanguages"_s});
    QList<const Variable*> flowVariables;
    for (const Variable& v : flow.variables) {
        if (!v.extra.contains(u"archyTask"_s)) {
            flowVariables.append(&v);
        }
    }
    if (!flowVariables.isEmpty()) {
        w.key(u"variables"_s);
        w.variables(flowVariables);
    }
    w.key(u"tasks"_s);
    out << YAML::BeginSeq;
    for (const Task& t : flow.tasks) {
        out << YAML::BeginMap;
        w.key(u"task"_s);
        out << YAML::BeginMap;
        w.string(u"name"_s, t.name.isEmpty() ? t.id : t.name);
        w.string(u"refId"_s, refIdOf(flow, t.id));
        QList<const Variable*> taskVariables;
        for (const Variable& v : flow.variables) {
            if (v.extra.value(u"archyTask"_s).toString() == t.id) {
                taskVariables.append(&v);
            }
        }
        if (!taskVariables.isEmpty()) {
            w.key(u"variables"_s);
            w.variables(taskVariables);
        }
        w.extraKeys(t.extra.value(u"archy"_s).toObject());
        w.key(u"actions"_s);
        w.actions(flow, t.actions);
        out << YAML::EndMap << YAML::EndMap;
    }
    out << YAML::EndSeq;
    out << YAML::EndMap << YAML::EndMap;
    if (!out.good()) {
        return fail(u"EXP047"_s,
                    handoff::exports::tr("The YAML writer failed: %1").arg(QString::fromStdString(out.GetLastError())));
    }
    QByteArray text(out.c_str());
    text.append('\n');
    return text;
}

} // namespace handoff::exports
