#pragma once

// The validator's internals shared by its two files: the rules about one action (FlowActionRules.cpp) and the
// flow-wide rules with the incremental validator (FlowValidator.cpp). Not part of the flow module's interface.

#include "diagnostics/Diagnostic.h"
#include "flow/Expression.h"
#include "flow/Flow.h"

#include <QSet>
#include <QString>
#include <QStringList>

#include <algorithm>
#include <memory>
#include <utility>
#include <vector>

namespace handoff::flow::detail {

// What the flow-wide rules (reachability, data flow, paths, loops) read of one action besides the flow's shape: when
// an edit leaves this and the shape unchanged, their findings cannot change (IncrementalValidator).
// The action's name is not part of it: the flow-wide messages name an action by actionLabel() only, and only the
// action they are located at, so a new name is put into them in place.
struct ActionSummary {
    ActionKind kind = ActionKind::Disconnect;
    int uuiMode = -1;
    QString jumpTask;
    QStringList writes; // Update Data's variables, a transfer's error variables
    QList<Binding> successOutputs;
    QList<std::pair<QString, QString>> reads; // (variable, field), in the order the action reads them
    friend bool operator==(const ActionSummary&, const ActionSummary&) = default;
};

// The findings of the rules that read one action and the flow's declarations only (tasks, variables, the variables
// bound to a voiceCallId output), with the expressions parsed on the way and the action's summary.
struct ActionChecks {
    diagnostics::Diagnostics jumps;
    diagnostics::Diagnostics expressions;
    diagnostics::Diagnostics properties;
    std::vector<std::pair<QString, Expression>> parsed; // field -> parsed expression, in field order
    ActionSummary summary;

    const Expression* parsedAt(QStringView field) const {
        for (const auto& [name, expression] : parsed) {
            if (name == field) {
                return &expression;
            }
        }
        return nullptr;
    }
};

// How every message names an action: 'id', or 'id' (name) when it has a name.
QString labelOf(const QString& id, const QString& name);
QString actionLabel(const Action& a);

// The variables bound to a Call Data Action's voiceCallId output: where a callId may come from.
QSet<QString> voiceCallIdOutputs(const Flow& flow);

// The rules about one action: its jump, its expressions and variable names, its properties. The full validation
// runs them for every action; IncrementalValidator runs them again for the actions an edit changed. It keeps
// references to `flow` and `callIdOutputs`, which must outlive it.
class ActionRules {
public:
    ActionRules(const Flow& flow, const QSet<QString>& callIdOutputs);
    ~ActionRules();
    ActionRules(const ActionRules&) = delete;
    ActionRules& operator=(const ActionRules&) = delete;

    ActionChecks check(const QString& taskId, const Action& a);

private:
    class Impl;
    std::unique_ptr<Impl> m_impl;
};

// Everything validate() found, in its parts: the structure, each action's own findings, and the flow-wide rules.
struct Findings {
    diagnostics::Diagnostics structure;
    std::vector<ActionChecks> actions; // in FlowGraph order
    diagnostics::Diagnostics global;
    QSet<QString> callIdOutputs;
};

// An action's own findings, from validate()'s list or from IncrementalValidator's record of it (which has its own
// checksOf, found by argument-dependent lookup).
inline const ActionChecks& checksOf(const ActionChecks& checks) {
    return checks;
}

// The list validate() returns: the parts in the order the rules run (structure, jumps, expressions, the flow-wide
// rules, properties), errors first. `actions` gives each action's findings in FlowGraph order.
template <typename Actions>
diagnostics::Diagnostics assemble(const Findings& f, const Actions& actions) {
    diagnostics::Diagnostics out = f.structure;
    for (const auto& a : actions) {
        out.append(checksOf(a).jumps);
    }
    for (const auto& a : actions) {
        out.append(checksOf(a).expressions);
    }
    out.append(f.global);
    for (const auto& a : actions) {
        out.append(checksOf(a).properties);
    }
    std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
        return static_cast<int>(a.severity) > static_cast<int>(b.severity);
    });
    return out;
}

} // namespace handoff::flow::detail
