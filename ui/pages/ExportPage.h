#pragma once

#include "shell/Page.h"
#include "widgets/SensitiveClipboard.h"

#include <chrono>

class QCheckBox;
class QFrame;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTimer;

namespace handoff::widgets {
class DiagnosticList;
class JsonEditor;
} // namespace handoff::widgets

namespace handoff::pages {

class GenesysExportSection;

// The Export page: the Set UUI Data value to paste into Architect, as literal JSON and as an Architect expression
// whose token and callId come from flow variables (the bindings are edited here). Copy puts exactly the text on the
// clipboard; anything holding a token is marked secret for clipboard managers and cleared after the configured
// time. Save writes the text atomically to a file chosen through the shell's dialog seam.
class ExportPage final : public shell::Page {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExportPage)

public:
    enum class What { Json, Expression };
    Q_ENUM(What)

    explicit ExportPage(shell::Workspace& workspace, QWidget* parent = nullptr);
    ~ExportPage() override;

    QString title() const override;
    QIcon icon() const override;
    QString pageId() const override;

    // The exact text Copy and Save use.
    QString exportText(What what) const;
    // The Function Data Action and contract sections (GenesysExportSection).
    GenesysExportSection& genesysSection() const { return *m_genesys; }
    // Whether that text holds a token (then the clipboard copy is secret and cleared).
    bool holdsToken(What what) const;

    void copy(What what);
    // Asks for a file name through the dialog seam and saves; returns false when cancelled or failed (and says so).
    bool saveToFile(What what);

    // How long a copied token stays on the clipboard; zero: not cleared. Also saved as the preference.
    void setClipboardClearDelay(std::chrono::milliseconds delay);
    std::chrono::milliseconds clipboardClearDelay() const;
    widgets::SensitiveClipboard& clipboard() { return *m_clipboard; }

    // The readiness banner (project::readiness, the same verdict as the status bar): "not ready" with the first
    // error and a button to the page that fixes it, "ready", or, for an empty project, neither.
    QString readinessText() const;
    // Takes the admin to the blocking problem (what the banner's button does); false when nothing blocks.
    bool goToBlockingProblem();

private:
    void refreshFromProject();
    void refreshDerived();
    void updateClipboardStatus();
    void refreshReadiness();

    widgets::SensitiveClipboard* m_clipboard = nullptr;
    QTimer* m_statusTimer = nullptr;
    std::chrono::steady_clock::time_point m_clearAt;
    bool m_updating = false;

    QFrame* m_readiness = nullptr;
    QLabel* m_readinessIcon = nullptr;
    QLabel* m_readinessText = nullptr;
    QPushButton* m_readinessGo = nullptr;

    QCheckBox* m_bindToken = nullptr;
    QLineEdit* m_tokenVariable = nullptr;
    QCheckBox* m_bindCallId = nullptr;
    QLineEdit* m_callIdVariable = nullptr;
    widgets::DiagnosticList* m_problems = nullptr;

    QPlainTextEdit* m_expression = nullptr;
    QPushButton* m_copyExpression = nullptr;
    QPushButton* m_saveExpression = nullptr;
    QLabel* m_expressionNote = nullptr;

    widgets::JsonEditor* m_json = nullptr;
    QPushButton* m_copyJson = nullptr;
    QPushButton* m_saveJson = nullptr;
    QLabel* m_jsonNote = nullptr;

    GenesysExportSection* m_genesys = nullptr; // the Function Data Action and its contracts

    QSpinBox* m_clearSeconds = nullptr;
    QLabel* m_clipboardStatus = nullptr;
};

} // namespace handoff::pages
