#include "diagnostics/Catalog.h"
#include "flow/FlowRules.h"
#include "flow/FlowValidator.h"

#include <QCoreApplication>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

// The rules about one action (detail::ActionRules): its jump target, its expressions and the variables they read and
// write, its properties. The flow-wide rules are in FlowValidator.cpp.

namespace handoff::flow {
namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("handoff::flow", text);
}

} // namespace
} // namespace handoff::flow

namespace handoff::flow::detail {

// An expression-valued field of an action, for the read checks.
struct ExpressionField {
    QString field; // "props.inputs[2].expression"
    QString text;
    bool optional = false; // an empty text is fine
};

QString labelOf(const QString& id, const QString& name) {
    return name.isEmpty() ? u"'%1'"_s.arg(id) : u"'%1' (%2)"_s.arg(name, id);
}

// How every message names an action.
QString actionLabel(const Action& a) {
    return labelOf(a.id, a.name);
}

// The variables bound to a Call Data Action's voiceCallId output: where a callId may come from.
QSet<QString> voiceCallIdOutputs(const Flow& flow) {
    QSet<QString> outputs;
    flow.forEachAction([&outputs](const Task&, const Action& a) {
        if (const CallDataProps* p = a.as<CallDataProps>()) {
            for (const Binding& b : p->successOutputs) {
                if (b.name == u"voiceCallId"_s) {
                    outputs.insert(b.value);
                }
            }
        }
    });
    return outputs;
}

// The rules about one action: its jump, its expressions and variable names, its properties. The full validation
// runs them for every action; IncrementalValidator runs them again for the actions an edit changed.
class ActionRules::Impl {
public:
    Impl(const Flow& flow, const QSet<QString>& callIdOutputs)
        : m_flow(flow)
        , m_callIdOutputs(callIdOutputs) {}

    ActionChecks check(const QString& taskId, const Action& a) {
        ActionChecks node;
        m_taskId = &taskId;
        m_sink = &node.jumps;
        checkJump(a);
        m_sink = &node.expressions;
        checkExpressions(a, node);
        m_sink = &node.properties;
        checkProperties(a, node);
        m_sink = nullptr;
        node.summary = summaryOf(a, node);
        return node;
    }

private:
    QString label(const Action& a) const { return actionLabel(a); }

    diagnostics::Location at(const Action& a, const QString& property = {}) const {
        return actionLocation(*m_taskId, a.id, property);
    }

    void report(const char* code, const diagnostics::Location& where, const QString& message, qsizetype offset = -1,
                qsizetype length = 0) {
        diagnostics::Location located = where;
        located.offset = offset;
        located.length = length;
        m_sink->append(diagnostics::make(code, message, located));
    }

    static ActionSummary summaryOf(const Action& a, const ActionChecks& node) {
        ActionSummary s;
        s.kind = a.kind();
        if (const SetUuiDataProps* uui = a.as<SetUuiDataProps>()) {
            s.uuiMode = static_cast<int>(uui->mode);
        } else if (const JumpProps* jump = a.as<JumpProps>()) {
            s.jumpTask = jump->task;
        } else if (const UpdateDataProps* update = a.as<UpdateDataProps>()) {
            for (const Binding& b : update->assignments) {
                s.writes.append(b.name);
            }
        } else if (const CallDataProps* callData = a.as<CallDataProps>()) {
            s.successOutputs = callData->successOutputs;
        } else if (const TransferProps* transfer = a.as<TransferProps>()) {
            s.writes.append(transfer->errorTypeVariable);
            s.writes.append(transfer->errorMessageVariable);
        }
        // The variables the action reads, from its expressions and its variable-valued settings, in order.
        for (const auto& [field, expression] : node.parsed) {
            for (const VariableReference& ref : expression.variables()) {
                s.reads.append({ref.name, field});
            }
        }
        if (const SetUuiDataProps* uui = a.as<SetUuiDataProps>(); uui && uui->source == UuiSource::ProjectTemplate) {
            if (!uui->tokenVariable.isEmpty()) {
                s.reads.append({uui->tokenVariable, u"props.tokenVariable"_s});
            }
            if (!uui->callIdVariable.isEmpty()) {
                s.reads.append({uui->callIdVariable, u"props.callIdVariable"_s});
            }
        }
        return s;
    }

    void checkJump(const Action& a) {
        if (const JumpProps* jump = a.as<JumpProps>()) {
            if (jump->task.isEmpty()) {
                report("FLW023", at(a, u"props.task"_s),
                       handoff::flow::tr("%1 jumps nowhere; choose the reusable task it continues in.").arg(label(a)));
            } else if (m_flow.taskIndex(jump->task) < 0) {
                report("FLW023", at(a, u"props.task"_s),
                       handoff::flow::tr("%1 jumps to the task '%2', which does not exist. Choose an existing "
                                         "task or add it.")
                           .arg(label(a), jump->task));
            }
        }
    }

    QList<ExpressionField> expressionsOf(const Action& a) const {
        QList<ExpressionField> list;
        auto audio = [&list](const Audio& audioValue, const QString& field) {
            if (!audioValue.tts.isEmpty()) {
                list.append({field + u".tts"_s, audioValue.tts, true});
            }
        };
        std::visit(
            [&](const auto& p) {
                using T = std::decay_t<decltype(p)>;
                if constexpr (std::is_same_v<T, PlayAudioProps>) {
                    audio(p.audio, u"props.audio"_s);
                } else if constexpr (std::is_same_v<T, CallDataProps>) {
                    for (qsizetype k = 0; k < p.inputs.size(); ++k) {
                        list.append({u"props.inputs[%1].expression"_s.arg(k), p.inputs[k].value, false});
                    }
                } else if constexpr (std::is_same_v<T, DecisionProps>) {
                    list.append({u"props.condition"_s, p.condition, false});
                } else if constexpr (std::is_same_v<T, UpdateDataProps>) {
                    for (qsizetype k = 0; k < p.assignments.size(); ++k) {
                        list.append({u"props.assignments[%1].expression"_s.arg(k), p.assignments[k].value, false});
                    }
                } else if constexpr (std::is_same_v<T, SetUuiDataProps>) {
                    if (p.source == UuiSource::Expression) {
                        list.append({u"props.expression"_s, p.expression, false});
                    }
                } else if constexpr (std::is_same_v<T, TransferProps>) {
                    list.append({u"props.number"_s, p.number, false});
                    audio(p.preTransferAudio, u"props.preTransferAudio"_s);
                    audio(p.failedTransferAudio, u"props.failedTransferAudio"_s);
                } else if constexpr (std::is_same_v<T, SetPostFlowProps>) {
                    list.append({u"props.invocationData"_s, p.invocationData, true});
                }
            },
            a.props);
        return list;
    }

    void checkVariableName(const QString& name, const diagnostics::Location& field, bool written) {
        if (name.isEmpty()) {
            return;
        }
        if (!m_flow.hasVariable(name)) {
            report("FLW004", field,
                   handoff::flow::tr(
                       "There is no variable %1. Declare it in the flow's variables (with its scope, e.g. Flow.%2), or "
                       "fix the spelling.")
                       .arg(name, name.section(u'.', -1)));
            return;
        }
        if (written && isBuiltIn(name)) {
            report("FLW024", field,
                   handoff::flow::tr("%1 is a read-only built-in variable; write to a Flow. or Task. variable "
                                     "instead.")
                       .arg(name));
        }
    }

    void checkExpressions(const Action& a, ActionChecks& out) {
        for (const ExpressionField& f : expressionsOf(a)) {
            const diagnostics::Location field = at(a, f.field);
            if (f.text.trimmed().isEmpty()) {
                if (!f.optional) {
                    report("FLW001", field,
                           handoff::flow::tr("%1: this expression is empty. Write a value (\"\" for empty text).")
                               .arg(label(a)));
                }
                continue;
            }
            auto parsed = Expression::parse(f.text);
            if (!parsed) {
                const ExpressionError& e = parsed.error();
                report(e.code.toLatin1().constData(), field,
                       handoff::flow::tr("%1, column %2 of the expression: %3")
                           .arg(label(a))
                           .arg(e.where.column)
                           .arg(e.message),
                       e.where.offset, e.where.length);
                continue;
            }
            for (const VariableReference& ref : parsed->unsupported()) {
                report("FLW002", field,
                       handoff::flow::tr(
                           "%1: %2 is valid Architect but not supported by the simulator; simulated calls stop "
                           "there. Test this step in Architect.")
                           .arg(label(a), ref.name));
            }
            for (const VariableReference& ref : parsed->variables()) {
                checkVariableName(ref.name, field, false);
            }
            out.parsed.emplace_back(f.field, *parsed);
        }
        // Variable-valued settings.
        if (const CallDataProps* p = a.as<CallDataProps>()) {
            for (qsizetype k = 0; k < p->successOutputs.size(); ++k) {
                checkVariableName(p->successOutputs[k].value, at(a, u"props.successOutputs[%1].variable"_s.arg(k)),
                                  true);
            }
        } else if (const UpdateDataProps* u = a.as<UpdateDataProps>()) {
            for (qsizetype k = 0; k < u->assignments.size(); ++k) {
                const diagnostics::Location field = at(a, u"props.assignments[%1].variable"_s.arg(k));
                if (u->assignments[k].name.isEmpty()) {
                    report("FLW004", field,
                           handoff::flow::tr("%1: an assignment has no variable; name the variable it sets.")
                               .arg(label(a)));
                }
                checkVariableName(u->assignments[k].name, field, true);
            }
        } else if (const SetUuiDataProps* s = a.as<SetUuiDataProps>(); s && s->source == UuiSource::ProjectTemplate) {
            checkVariableName(s->tokenVariable, at(a, u"props.tokenVariable"_s), false);
            checkVariableName(s->callIdVariable, at(a, u"props.callIdVariable"_s), false);
            if (s->tokenVariable.isEmpty()) {
                report("FLW004", at(a, u"props.tokenVariable"_s),
                       handoff::flow::tr("%1 needs the variable that holds the UUI token.").arg(label(a)));
            }
        } else if (const TransferProps* t = a.as<TransferProps>()) {
            checkVariableName(t->errorTypeVariable, at(a, u"props.errorTypeVariable"_s), true);
            checkVariableName(t->errorMessageVariable, at(a, u"props.errorMessageVariable"_s), true);
        }
    }

    void checkProperties(const Action& a, const ActionChecks& node) {
        static const QRegularExpression flatName(u"^[A-Za-z_][A-Za-z0-9_]*$"_s);
        static const QStringList reserved{u"orgId"_s, u"integrationId"_s, u"rawRequest"_s};
        if (const CallDataProps* p = a.as<CallDataProps>()) {
            QSet<QString> names;
            for (qsizetype k = 0; k < p->inputs.size(); ++k) {
                const QString& name = p->inputs[k].name;
                const diagnostics::Location field = at(a, u"props.inputs[%1].name"_s.arg(k));
                if (!flatName.match(name).hasMatch()) {
                    report("FLW021", field,
                           handoff::flow::tr(
                               "The input name '%1' of %2 is not flat: Genesys data action input contracts are "
                               "flat objects, so use letters, digits and _ only (no dots, brackets or spaces).")
                               .arg(name, label(a)));
                } else if (names.contains(name)) {
                    report("FLW021", field,
                           handoff::flow::tr("The input '%1' of %2 is given twice; keep one.").arg(name, label(a)));
                }
                names.insert(name);
                for (const QString& r : reserved) {
                    if (name.compare(r, Qt::CaseInsensitive) == 0) {
                        report("FLW022", field,
                               handoff::flow::tr(
                                   "'%1' is reserved by Genesys in data action contracts (the help article's "
                                   "sample uses orgId all the same). Rename the input, e.g. to salesforce%2, in "
                                   "the contract, the function and here.")
                                   .arg(name, r.left(1).toUpper() + r.mid(1)));
                    }
                }
            }
        } else if (const OpaqueProps* opaque = a.as<OpaqueProps>()) {
            report("FLW027", at(a),
                   handoff::flow::tr("%1 is the Archy action %2, which Handoff Studio does not model: it is kept "
                                     "and exported unchanged, but not checked or simulated. Test it in Architect.")
                       .arg(label(a), opaque->archyKind));
        } else if (a.kind() == ActionKind::TransferToNumber) {
            checkNumber(a, node);
        } else if (const SetPostFlowProps* post = a.as<SetPostFlowProps>()) {
            if (post->target != PostFlowTarget::Caller) {
                report("FLW016", at(a, u"props.target"_s),
                       handoff::flow::tr(
                           "%1 targets the Agent. To send the caller to the escalation flow when the Agentforce "
                           "agent hangs up, set Target to Caller.")
                           .arg(label(a)));
            }
        } else if (const SetUuiDataProps* uui = a.as<SetUuiDataProps>()) {
            if (!uui->userToUser) {
                report("FLW025", at(a, u"props.userToUser"_s),
                       handoff::flow::tr("%1 does not use the User-to-User option; Salesforce reads the UUI from the "
                                         "User-to-User header. Select it.")
                           .arg(label(a)));
            }
            checkCallIdSource(a, *uui, node);
        }
    }

    void checkNumber(const Action& a, const ActionChecks& node) {
        const diagnostics::Location field = at(a, u"props.number"_s);
        const Expression* e = node.parsedAt(u"props.number");
        if (!e) {
            return;
        }
        std::optional<QString> number;
        if (const auto lit = e->asLiteral(); lit && lit->type() == ValueType::String) {
            number = lit->asString();
        } else if (const auto var = e->asSingleVariable()) {
            if (const Variable* v = m_flow.variable(*var); v && v->initial.type() == ValueType::String) {
                number = v->initial.asString();
            }
        }
        if (number && !isE164(*number)) {
            report("FLW015", field,
                   handoff::flow::tr(
                       "The transfer number '%1' of %2 is not in E.164 form. Write + and the country code and number, "
                       "1 to 15 digits, no spaces or tel: prefix (for example +15550100100): the Agentforce Voice "
                       "SIP address from the channel setup.")
                       .arg(*number, label(a)));
        }
    }

    void checkCallIdSource(const Action& a, const SetUuiDataProps& uui, const ActionChecks& node) {
        if (uui.source == UuiSource::ProjectTemplate) {
            if (!uui.callIdVariable.isEmpty() && !m_callIdOutputs.contains(uui.callIdVariable)) {
                report("FLW012", at(a, u"props.callIdVariable"_s),
                       handoff::flow::tr(
                           "The UUI's callId comes from %1, which no Call Data Action sets. Bind the data action's "
                           "voiceCallId output to a variable and use that variable here.")
                           .arg(uui.callIdVariable));
            }
            return;
        }
        const diagnostics::Location field = at(a, u"props.expression"_s);
        const Expression* e = node.parsedAt(u"props.expression");
        if (!e || !uui.expression.contains(u"callId"_s, Qt::CaseInsensitive)) {
            return;
        }
        for (const VariableReference& ref : e->variables()) {
            if (m_callIdOutputs.contains(ref.name)) {
                return;
            }
        }
        report("FLW012", field,
               handoff::flow::tr(
                   "The UUI expression of %1 writes a callId, but not from the Call Data Action's output: it would "
                   "send a fixed or wrong VoiceCall id. Use the variable bound to the voiceCallId output.")
                   .arg(label(a)));
    }

    const Flow& m_flow;
    const QSet<QString>& m_callIdOutputs;
    const QString* m_taskId = nullptr;
    diagnostics::Diagnostics* m_sink = nullptr;
};

ActionRules::ActionRules(const Flow& flow, const QSet<QString>& callIdOutputs)
    : m_impl(std::make_unique<Impl>(flow, callIdOutputs)) {}

ActionRules::~ActionRules() = default;

ActionChecks ActionRules::check(const QString& taskId, const Action& a) {
    return m_impl->check(taskId, a);
}

} // namespace handoff::flow::detail
