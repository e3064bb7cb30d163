#pragma once

#include "common/Error.h"
#include "diagnostics/Diagnostic.h"
#include "flow/Flow.h"

#include <QHash>
#include <QPointer>
#include <QString>
#include <QWidget>

#include <functional>

class QFormLayout;
class QLabel;
class QLineEdit;

namespace handoff::flow {

// The configuration of the selected action (every property of its kind), task or output, on the right of the
// canvas as in Architect. Every change is a call of the core edit API through `apply`, which the page records as
// one undo step (typing in one field merges into one step). Expression fields say at once where they do not parse
// and complete variable names (Ctrl+Space or while typing).
class FlowProperties final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FlowProperties)

public:
    // Applies one edit of the flow; false (and nothing changed) when the core refused it.
    using Apply = std::function<bool(const QString& text, const std::function<Result<void>(Flow&)>& change,
                                     const QString& merge)>;

    FlowProperties(Apply apply, QWidget* parent = nullptr);

    // Shows `key` (an action id, an output key, a task key, or nothing) of `flow`. Called again after every change:
    // editors of the same target keep their cursor, only values that differ are replaced.
    void show(const Flow& flow, const QString& key);
    const QString& key() const { return m_key; }

    // The editor of a property ("name", "id", "props.number", "props.audio.tts"), or null.
    QWidget* editor(const QString& property) const;
    // Focuses the editor of `property` (or the first editor), selecting its text; false when there is none.
    bool focusProperty(const QString& property);
    // The workspace's problems located on the shown action or task, listed under the title (code and message).
    void setProblems(const diagnostics::Diagnostics& problems);
    QString problemsText() const;
    // The inline problem text under an expression field (empty when it parses).
    QString expressionProblem(const QString& property) const;

Q_SIGNALS:
    // An action or task id was renamed here: the page selects the new key.
    void keyRenamed(const QString& oldKey, const QString& newKey);

private:
    void rebuild(const Flow& flow);
    void refreshValues(const Flow& flow);
    QString signatureOf(const Flow& flow) const;
    void addActionEditors(const Flow& flow, const Action& action);
    void addTaskEditors(const Flow& flow, const Task& task);
    QLineEdit* addLine(const QString& property, const QString& label, const QString& value, bool expression,
                       bool variables);
    void setLine(const QString& property, const QString& value);
    QStringList variableNames(const Flow& flow) const;

    Apply m_apply;
    QString m_key;
    QString m_signature;
    QFormLayout* m_form = nullptr;
    QWidget* m_body = nullptr;
    QLabel* m_title = nullptr;
    QLabel* m_located = nullptr;
    QHash<QString, QPointer<QWidget>> m_editors;
    QHash<QString, QPointer<QLabel>> m_problems;
    QStringList m_variables;
};

} // namespace handoff::flow
