#pragma once

// Test support only: a large flow for the validator's tests and benchmarks.

#include "flow/Flow.h"
#include "flow/FlowTemplates.h"

#include <QString>

#include <iterator>

namespace handoff::testsupport {

// The sip-transfer template with `blocks` blocks put in front of its starting task, each of five actions: an Update
// Data, a Decision on what it wrote (yes: a Play Audio; no: an Update Data) and a Play Audio, the mix of expressions,
// branches and merges a real flow has. Action ids are note-<n>, decide-<n>, yes-<n>, no-<n>, hold-<n>.
inline flow::Flow generatedFlow(int blocks) {
    using namespace Qt::StringLiterals;
    using namespace flow;
    Flow result = sipTransferTemplate();
    result.variables.append(Variable{u"Flow.note"_s, ValueType::String, Value::string(u""_s), {}, Supplier::None, {}});
    ActionList list;
    for (int n = 0; n < blocks; ++n) {
        const QString k = QString::number(n);
        list.push_back(Action::make(u"note-"_s + k, u"Note "_s + k,
                                    UpdateDataProps{{Binding{u"Flow.note"_s, u"Append(Flow.note, \"x\")"_s, {}}}}));
        Action decision = Action::make(u"decide-"_s + k, u"Decide "_s + k, DecisionProps{u"Flow.note == \"xx\""_s});
        decision.output(u"yes")->push_back(
            Action::make(u"yes-"_s + k, u"Yes "_s + k, PlayAudioProps{Audio{u"\"Three.\""_s, {}, {}}}));
        decision.output(u"no")->push_back(Action::make(
            u"no-"_s + k, u"No "_s + k, UpdateDataProps{{Binding{u"Flow.note"_s, u"ToString(Flow.note)"_s, {}}}}));
        list.push_back(std::move(decision));
        list.push_back(
            Action::make(u"hold-"_s + k, u"Hold "_s + k, PlayAudioProps{Audio{u"\"Please hold.\""_s, {}, {}}}));
    }
    Task* start = result.task(result.startTaskId);
    start->actions.insert(start->actions.begin(), std::make_move_iterator(list.begin()),
                          std::make_move_iterator(list.end()));
    return result;
}

// The number of blocks that takes the template to at least `actions` actions.
inline int blocksFor(qsizetype actions) {
    const qsizetype missing = actions - flow::sipTransferTemplate().actionCount();
    return missing <= 0 ? 0 : static_cast<int>((missing + 4) / 5);
}

} // namespace handoff::testsupport
