#pragma once

#include "diagnostics/Diagnostic.h"
#include "shell/Page.h"
#include "uui/SipHeaderBudget.h"
#include "uui/UuiLint.h"
#include "widgets/BudgetBar.h"

#include <QList>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QSplitter;
class QTableWidget;
class QTabWidget;
class QToolButton;
class QVBoxLayout;

namespace handoff::widgets {
class DiagnosticList;
class JsonEditor;
} // namespace handoff::widgets

namespace handoff::pages {

class PastedUuiCheck;

// The UUI header page. "Compose": the UUI fields and ordered custom parameters, the trunk's UUI profile, the
// composed JSON (read-only, problems marked), the budget bar, the SIP header line and, when over the limit, the ways
// out, each one click and undoable. "Check pasted UUI": lints text pasted from elsewhere, marks problems in the
// editor and offers the typographic-quote repair.
class UuiPage final : public shell::Page {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UuiPage)

public:
    explicit UuiPage(shell::Workspace& workspace, QWidget* parent = nullptr);
    ~UuiPage() override;

    QString title() const override;
    QIcon icon() const override;
    QString pageId() const override;
    bool focusField(const QString& field, const diagnostics::Location& where) override;

    // The bar's view of a budget, in the unit its limit is measured in.
    static widgets::BudgetBarModel budgetBarModel(const uui::SipBudget& budget);

    // Applies the current budget's way out `index` (see uui::SipBudget::waysOut) as one undoable edit.
    bool applyWayOut(int index);
    // Switches to the "Check pasted UUI" tab with `text` in its editor (as if pasted).
    void checkPastedText(const QString& text);
    // The result of the last check of pasted text.
    const uui::LintResult& pastedLint() const;
    // Replaces the pasted text with its typographic-quote repair (undoable in the editor); false when none applies.
    bool repairPastedText();

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    QWidget* buildComposeTab();
    QWidget* buildFieldsGroup();
    QWidget* buildParamsGroup();
    QWidget* buildTrunkGroup();
    QWidget* buildResultPane();

    void refreshFromProject();
    void refreshDerived();
    void refreshWaysOut(const uui::SipBudget& budget);
    void colourHeaderLine(const uui::SipBudget& budget);
    void markParamProblems(const diagnostics::Diagnostics& list);
    void refreshParamsTable();
    void writeParamsFromTable(const QString& text, const QString& mergeKey);
    void addParam();
    void removeParam();
    void moveParam(int delta);
    void updateParamButtons();
    void focusBudgetSegment(int index);

    QList<uui::WayOut> m_shownWays;
    bool m_updating = false;

    QTabWidget* m_tabs = nullptr;
    QSplitter* m_splitter = nullptr;

    // Compose: fields
    QLabel* m_orgIdValue = nullptr;
    QCheckBox* m_includeOrgId = nullptr;
    QLabel* m_scrt2Value = nullptr;
    QLabel* m_tokenValue = nullptr;
    QCheckBox* m_includeCallId = nullptr;
    QLineEdit* m_callId = nullptr;
    QCheckBox* m_includeTransactionId = nullptr;
    QLineEdit* m_transactionId = nullptr;
    // custom parameters
    QTableWidget* m_params = nullptr;
    QPushButton* m_addParam = nullptr;
    QPushButton* m_removeParam = nullptr;
    QToolButton* m_paramUp = nullptr;
    QToolButton* m_paramDown = nullptr;
    // trunk profile
    QComboBox* m_headerName = nullptr;
    QComboBox* m_encoding = nullptr;
    QComboBox* m_pdMode = nullptr;
    QSpinBox* m_pdOctet = nullptr;
    QCheckBox* m_encodingParameter = nullptr;
    QLineEdit* m_parameters = nullptr;
    QSpinBox* m_limit = nullptr;
    QComboBox* m_limitAppliesTo = nullptr;
    // result
    widgets::BudgetBar* m_budgetBar = nullptr;
    QLabel* m_budgetLegend = nullptr;
    QLabel* m_lengths = nullptr;
    QPlainTextEdit* m_headerLine = nullptr;
    widgets::JsonEditor* m_json = nullptr;
    QWidget* m_waysBox = nullptr;
    QVBoxLayout* m_waysLayout = nullptr;
    QLabel* m_waysIntro = nullptr;

    PastedUuiCheck* m_check = nullptr; // the "Check pasted UUI" tab
};

} // namespace handoff::pages
