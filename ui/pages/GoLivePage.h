#pragma once

#include "shell/Page.h"
#include "telephony/CredentialProbe.h"

#include <QByteArray>
#include <QPointer>

#include <memory>

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPagedPaintDevice;
class QPushButton;
class QSpinBox;
class QTreeWidget;
class QTreeWidgetItem;

namespace handoff::emulator {
class VoiceCallsEmulator;
}
namespace handoff::telephony {
class VoiceCallsClient;
class VoiceCallsReply;
} // namespace handoff::telephony

namespace handoff::pages {

// The Go-live page: the go-live check (core project::goLiveCheck, the Workspace's one verdict) as a list in fixing
// order, each check with a status icon and its status in words (not colour alone) and the reason; activating a check
// (Enter, double-click) takes the admin to where it is fixed. Buttons run the credential probe against the built-in
// emulator or the org (it proves the API token's path only; the page says so), record a real transfer (date, UUI
// size, outcome: GOL013), export the runbook (Markdown or HTML) and print it (Qt Print Support; "Save as PDF" writes
// a PDF atomically).
class GoLivePage final : public shell::Page {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GoLivePage)

public:
    explicit GoLivePage(shell::Workspace& workspace, QWidget* parent = nullptr);
    ~GoLivePage() override;

    QString title() const override;
    QIcon icon() const override;
    QString pageId() const override;

    // The runbook of the project now, as self-contained HTML (what Print and Save as PDF render).
    QByteArray runbookHtml() const;
    // Renders the runbook onto `device` (a QPrinter, a QPdfWriter).
    void printRunbook(QPagedPaintDevice& device) const;
    // Asks for a file through the dialog seam; .html writes HTML, anything else Markdown. False when cancelled or
    // failed (and says so).
    bool exportRunbook();
    // Asks for a .pdf file through the dialog seam and writes the runbook as PDF, atomically.
    bool saveRunbookPdf();
    // Opens the print dialog (Save as PDF is the dialog's PDF printer).
    void printWithDialog();

    // Starts the credential probe; the result arrives in the workspace (GOL012) and probeFinished() is emitted.
    void probeEmulator();
    void probeOrg();
    bool isProbing() const;

    // Appends a real-transfer record with the form's values (one undoable edit).
    void recordTransfer();

Q_SIGNALS:
    void probeFinished();

private:
    void refresh();
    void activate(QTreeWidgetItem* item);
    void startProbe(telephony::VoiceCallsClient* client, const QString& target);
    void finishProbe();

    void showDetails();

    QLabel* m_verdict = nullptr;
    QTreeWidget* m_checks = nullptr;
    QLabel* m_details = nullptr;
    QPushButton* m_probeEmulator = nullptr;
    QPushButton* m_probeOrg = nullptr;
    QLabel* m_probeNote = nullptr;
    QDateEdit* m_transferDate = nullptr;
    QSpinBox* m_transferBytes = nullptr;
    QComboBox* m_transferOutcome = nullptr;
    QLineEdit* m_transferNote = nullptr;
    QPushButton* m_record = nullptr;
    QPushButton* m_export = nullptr;
    QPushButton* m_pdf = nullptr;
    QPushButton* m_print = nullptr;
    std::unique_ptr<emulator::VoiceCallsEmulator> m_emulator;
    std::unique_ptr<telephony::VoiceCallsClient> m_client;
    std::unique_ptr<telephony::VoiceCallsReply> m_reply;
    QString m_probeTarget;
};

} // namespace handoff::pages
