#pragma once

#include "uui/UuiLint.h"

#include <QWidget>

class QLabel;
class QPushButton;

namespace handoff::shell {
class Workspace;
} // namespace handoff::shell

namespace handoff::widgets {
class BudgetBar;
class DiagnosticList;
class JsonEditor;
} // namespace handoff::widgets

namespace handoff::pages {

// The UUI header page's "Check pasted UUI" tab: lints UUI text pasted from elsewhere as it is typed (under the
// project's trunk profile, rechecked when the project changes), marks the problems in the editor and lists them,
// shows the text's size as a header, and offers the typographic-quote repair.
class PastedUuiCheck final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PastedUuiCheck)

public:
    explicit PastedUuiCheck(shell::Workspace& workspace, QWidget* parent = nullptr);
    ~PastedUuiCheck() override;

    // Puts `text` in the editor (one undo step there) and checks it.
    void setText(const QString& text);
    // The result of the last check.
    const uui::LintResult& lint() const { return m_lint; }
    // Replaces the text with its typographic-quote repair (undoable in the editor); false when none applies.
    bool repair();

private:
    void runLint();

    shell::Workspace& m_workspace;
    uui::LintResult m_lint;
    widgets::JsonEditor* m_editor = nullptr;
    QPushButton* m_repairButton = nullptr;
    QLabel* m_summary = nullptr;
    widgets::DiagnosticList* m_problems = nullptr;
    widgets::BudgetBar* m_budget = nullptr;
};

} // namespace handoff::pages
