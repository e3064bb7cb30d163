// The actions of a flow compiled for running: their expressions parsed once, and the inputs that are a variable
// alone or a literal found, so that a call reads them without evaluating.
#include "flow/SimulatorDetail.h"

using namespace Qt::StringLiterals;

namespace handoff::flow::detail {

void compile(Compiled& c, const VariableList& initialScope) {
    auto add = [&c](const QString& name, const QString& property, const QString& text) {
        c.expressions.append(Parsed{name, property, Expression::parse(text), -1, std::nullopt});
    };
    std::visit(
        [&](const auto& p) {
            using T = std::decay_t<decltype(p)>;
            if constexpr (std::is_same_v<T, PlayAudioProps>) {
                if (!p.audio.tts.isEmpty()) {
                    add(u"tts"_s, u"props.audio.tts"_s, p.audio.tts);
                }
            } else if constexpr (std::is_same_v<T, CallDataProps>) {
                for (qsizetype k = 0; k < p.inputs.size(); ++k) {
                    add(p.inputs[k].name, u"props.inputs[%1].expression"_s.arg(k), p.inputs[k].value);
                }
            } else if constexpr (std::is_same_v<T, DecisionProps>) {
                add(u"condition"_s, u"props.condition"_s, p.condition);
            } else if constexpr (std::is_same_v<T, UpdateDataProps>) {
                for (qsizetype k = 0; k < p.assignments.size(); ++k) {
                    add(p.assignments[k].name, u"props.assignments[%1].expression"_s.arg(k), p.assignments[k].value);
                }
            } else if constexpr (std::is_same_v<T, SetUuiDataProps>) {
                if (p.source == UuiSource::Expression) {
                    add(u"expression"_s, u"props.expression"_s, p.expression);
                }
            } else if constexpr (std::is_same_v<T, TransferProps>) {
                add(u"number"_s, u"props.number"_s, p.number);
            } else if constexpr (std::is_same_v<T, SetPostFlowProps>) {
                if (!p.invocationData.isEmpty()) {
                    add(u"invocationData"_s, u"props.invocationData"_s, p.invocationData);
                }
            }
        },
        c.action->props);
    for (Parsed& parsed : c.expressions) {
        if (!parsed.expression) {
            continue;
        }
        parsed.literal = parsed.expression->asLiteral();
        if (const std::optional<QString> name = parsed.expression->asSingleVariable()) {
            for (qsizetype k = 0; k < initialScope.size(); ++k) {
                if (initialScope[k].first == *name) {
                    parsed.slot = k;
                    break;
                }
            }
        }
    }
}

} // namespace handoff::flow::detail
