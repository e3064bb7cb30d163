#include "PastedUuiCheck.h"

#include "UuiPage.h"
#include "shell/Workspace.h"
#include "uui/SipHeaderBudget.h"
#include "widgets/BudgetBar.h"
#include "widgets/DiagnosticList.h"
#include "widgets/JsonEditor.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace handoff::pages {

PastedUuiCheck::PastedUuiCheck(shell::Workspace& workspace, QWidget* parent)
    : QWidget(parent)
    , m_workspace(workspace) {
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("Paste the UUI JSON from a Set UUI Data action, a document or a colleague's message. "
                                "It is checked as you type: JSON syntax, typographic quotes, key spelling, each "
                                "field's rule and the header size under the trunk profile of this project."));
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto* buttons = new QHBoxLayout;
    auto* pasteButton = new QPushButton(tr("Paste from clip&board"));
    pasteButton->setObjectName(u"pastePushButton"_s);
    m_repairButton = new QPushButton(tr("&Replace typographic quotes"));
    m_repairButton->setObjectName(u"repairPushButton"_s);
    m_repairButton->setToolTip(tr("Replaces “ ” and ‘ ’ with straight quotes so the text is JSON again. Ctrl+Z in "
                                  "the editor undoes it."));
    auto* clearButton = new QPushButton(tr("C&lear"));
    clearButton->setObjectName(u"clearPastedPushButton"_s);
    auto* showInText = new QCheckBox(tr("Show the messages in the &text"));
    showInText->setObjectName(u"showMessagesCheckBox"_s);
    showInText->setChecked(true);
    buttons->addWidget(pasteButton);
    buttons->addWidget(m_repairButton);
    buttons->addStretch(1);
    buttons->addWidget(showInText);
    buttons->addWidget(clearButton);
    layout->addLayout(buttons);

    auto* splitter = new QSplitter(Qt::Vertical);
    splitter->setChildrenCollapsible(false);
    m_editor = new widgets::JsonEditor;
    m_editor->setObjectName(u"pastedJsonEditor"_s);
    m_editor->setPlaceholderText(tr("Paste UUI text here (Ctrl+V)"));
    m_editor->setAccessibleName(tr("Pasted UUI"));
    splitter->addWidget(m_editor);

    auto* results = new QWidget;
    auto* resultsLayout = new QVBoxLayout(results);
    resultsLayout->setContentsMargins(0, 0, 0, 0);
    m_summary = new QLabel;
    m_summary->setObjectName(u"pastedSummaryLabel"_s);
    m_summary->setWordWrap(true);
    resultsLayout->addWidget(m_summary);
    m_problems = new widgets::DiagnosticList;
    m_problems->setObjectName(u"pastedProblemsList"_s);
    m_problems->setEmptyText(tr("No problems found in the pasted text."));
    m_problems->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    resultsLayout->addWidget(m_problems, 1);
    m_budget = new widgets::BudgetBar;
    m_budget->setObjectName(u"pastedBudgetBar"_s);
    m_budget->setAccessibleName(tr("Size of the pasted UUI as a header"));
    resultsLayout->addWidget(m_budget);
    splitter->addWidget(results);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    layout->addWidget(splitter, 1);

    connect(m_editor, &widgets::JsonEditor::textChanged, this, &PastedUuiCheck::runLint);
    connect(showInText, &QCheckBox::toggled, m_editor, &widgets::JsonEditor::setAnnotationsVisible);
    connect(pasteButton, &QPushButton::clicked, this, [this] {
        m_editor->replaceAllUndoable(QApplication::clipboard()->text());
        m_editor->setFocus();
    });
    connect(m_repairButton, &QPushButton::clicked, this, &PastedUuiCheck::repair);
    connect(clearButton, &QPushButton::clicked, this, [this] { m_editor->replaceAllUndoable({}); });
    connect(m_problems, &widgets::DiagnosticList::diagnosticActivated, this, [this](const diagnostics::Diagnostic& d) {
        if (d.where.offset >= 0) {
            m_editor->highlightRange(d.where.offset, d.where.length);
        }
    });
    // The trunk profile is the project's: a change there changes what the pasted text is checked against.
    connect(&workspace, &shell::Workspace::projectChanged, this, &PastedUuiCheck::runLint);
    runLint();
}

PastedUuiCheck::~PastedUuiCheck() = default;

void PastedUuiCheck::setText(const QString& text) {
    m_editor->replaceAllUndoable(text);
    runLint();
}

void PastedUuiCheck::runLint() {
    const QByteArray text = m_editor->utf8();
    if (text.trimmed().isEmpty()) {
        m_lint = {};
        m_editor->clearMarks();
        m_problems->setDiagnostics({});
        m_problems->setEmptyText(tr("Nothing pasted yet."));
        m_summary->clear();
        m_repairButton->setEnabled(false);
        m_budget->setModel({});
        m_budget->setVisible(false);
        return;
    }
    uui::LintOptions options;
    options.profile = m_workspace.project().trunk;
    m_lint = uui::lint(text, m_workspace.clock(), options);
    m_editor->setDiagnostics(m_lint.diagnostics);
    m_problems->setEmptyText(tr("No problems found in the pasted text."));
    m_problems->setDiagnostics(m_lint.diagnostics);
    m_repairButton->setEnabled(m_lint.repaired.has_value());

    const auto errors = std::count_if(m_lint.diagnostics.cbegin(), m_lint.diagnostics.cend(),
                                      [](const diagnostics::Diagnostic& d) { return d.isError(); });
    QString summary = m_lint.validJson ? tr("Valid JSON.") : tr("Not valid JSON.");
    summary += u' ' + (errors == 0 ? tr("No errors.") : tr("%n error(s).", nullptr, static_cast<int>(errors)));
    if (m_lint.repaired) {
        summary += u' ' + tr("Typographic quotes can be replaced with straight ones.");
    }
    m_summary->setText(summary);

    const QByteArray checked =
        m_lint.validJson ? text.trimmed() : (m_lint.repaired ? *m_lint.repaired : text.trimmed());
    m_budget->setModel(UuiPage::budgetBarModel(uui::budgetForData(checked, m_workspace.project().trunk)));
    m_budget->setVisible(true);
}

bool PastedUuiCheck::repair() {
    if (!m_lint.repaired) {
        return false;
    }
    m_editor->replaceAllUndoable(QString::fromUtf8(m_lint.repaired.value()));
    runLint();
    return true;
}

} // namespace handoff::pages
