#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

namespace handoff::shell {
class Page;
}
namespace handoff::widgets {
class DiagnosticList;
class SensitiveClipboard;
} // namespace handoff::widgets

namespace handoff::pages {

// The Export page's sections for Genesys' Function Data Action (issue 10 items 2-4): the function package (its
// runtime and timeout are project settings edited here; Save writes the zip) and the data action contracts and
// request template (Copy / Save). Everything shown comes from core/exports; nothing here holds a secret (the private
// key reaches the function through the integration's credentials), so copies are plain.
class GenesysExportSection final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GenesysExportSection)

public:
    enum class Text { FunctionCode, InputContract, OutputContract, RequestTemplate, Configuration, ArchyYaml };
    Q_ENUM(Text)

    // `page` gives the workspace and the dialog seam; `clipboard` is the page's.
    GenesysExportSection(shell::Page& page, widgets::SensitiveClipboard& clipboard, QWidget* parent = nullptr);
    ~GenesysExportSection() override;

    // The exact text Copy and Save use.
    QString text(Text what) const;
    void copy(Text what);
    // Asks for a file name through the dialog seam and saves atomically; false when cancelled or failed (said so).
    bool saveText(Text what);
    bool saveFunctionZip();

    // The editors of the project fields shown here, for the page to register and put in its tab order.
    QLineEdit* runtimeEdit() const { return m_runtime; }
    QSpinBox* timeoutSpinBox() const { return m_timeout; }
    QWidget* lastInTabOrder() const;

private:
    void refresh();
    Text selectedContract() const;
    void setStatus(const QString& text);

    shell::Page& m_page;
    widgets::SensitiveClipboard& m_clipboard;
    bool m_updating = false;

    QLineEdit* m_runtime = nullptr;
    QSpinBox* m_timeout = nullptr;
    widgets::DiagnosticList* m_problems = nullptr;
    QPlainTextEdit* m_code = nullptr;
    QPushButton* m_copyCode = nullptr;
    QPushButton* m_saveZip = nullptr;

    QComboBox* m_contract = nullptr;
    QPlainTextEdit* m_contractText = nullptr;
    QPushButton* m_copyContract = nullptr;
    QPushButton* m_saveContract = nullptr;
    QLabel* m_status = nullptr;
};

} // namespace handoff::pages
