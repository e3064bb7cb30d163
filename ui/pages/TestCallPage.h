#pragma once

#include "shell/Page.h"
#include "telephony/TestCallSettings.h"
#include "telephony/VoiceCallsBackend.h"

#include <QDateTime>
#include <QList>

#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;
class QTreeWidget;

namespace handoff::emulator {
class VoiceCallsEmulator;
}

namespace handoff::telephony {
class VoiceCallsClient;
}

namespace handoff::pages {

// Test Call: one click sends a real voiceCalls request (creates a VoiceCall) with a freshly signed API token, to the
// built-in emulator (started in this process on demand, the default, so that everything can be tried without an
// org) or to the org's SCRT2 endpoint, and explains the answer. The request form is the project's "testCall"
// section (edited through the workspace, so undoable and saved with the project); the org id, call center and key
// come from Org & credentials. The emulator's registered key follows the workspace's key. The session keeps a
// history of test calls; "Copy as cURL" copies the same request with the token redacted.
class TestCallPage final : public shell::Page {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TestCallPage)

public:
    explicit TestCallPage(shell::Workspace& workspace, QWidget* parent = nullptr);
    ~TestCallPage() override;

    QString title() const override;
    QIcon icon() const override;
    QString pageId() const override;

    struct HistoryEntry {
        QDateTime at;
        telephony::TestCallTarget target = telephony::TestCallTarget::Emulator;
        QString endpoint;
        QString vendorCallKey;
        QString requestLine; // "POST <url>"
        QString requestRest; // the headers as sent but Authorization, one per line, a blank line, the body
        telephony::VoiceCallResult result;
    };
    const QList<HistoryEntry>& history() const { return m_history; }

    // The actions behind the buttons, for shortcuts and tests.
    // Starts a test call; false (with the reason shown in the response area) when it cannot start.
    bool sendTestCall();
    void cancelTestCall();
    bool isSending() const;
    // The cURL command for the current form and target, token redacted; empty (reason shown) when not possible.
    QString curlCommand();
    void copyAsCurl();
    // Replaces the callAttributes pairs with pasted text (JSON, or the help article's single-quote form, which is
    // read with a warning). False when nothing usable was pasted.
    bool pasteCallAttributes(const QString& text);
    // Puts the 18-character id of the shown result into the UUI composer's callId (one undoable edit); false when
    // the shown result created no VoiceCall.
    bool useVoiceCallId();

    // The in-process emulator; null until the first test call to it.
    emulator::VoiceCallsEmulator* emulator() const { return m_emulator.get(); }

Q_SIGNALS:
    void testCallFinished();

private:
    void buildUi();
    void refreshFromProject();
    void refreshEmulatorRegistration();
    void refreshTargetInfo();
    void editSettings(const QString& text, const QString& mergeKey,
                      const std::function<void(telephony::TestCallSettings&)>& change);
    void writeAttributes();
    telephony::TestCallSettings settings() const;
    // Where the call goes, or an explanation of why it cannot go anywhere.
    std::optional<QUrl> endpoint(QString* problem);
    std::unique_ptr<telephony::VoiceCallsClient> makeClient(const QUrl& url);
    void showProblem(const QString& text);
    void showResult(const HistoryEntry& entry);
    // The raw HTTP request and response of `entry`; the API token in place only while "Show the API token" is on.
    QString rawText(const HistoryEntry& entry) const;
    void onReplyFinished();

    QComboBox* m_target = nullptr;
    QLabel* m_targetInfo = nullptr;
    QLabel* m_orgInfo = nullptr;
    QLineEdit* m_to = nullptr;
    QLineEdit* m_from = nullptr;
    QComboBox* m_initiation = nullptr;
    QLineEdit* m_callOrigin = nullptr;
    QComboBox* m_callSubtype = nullptr;
    QLineEdit* m_queue = nullptr;
    QLineEdit* m_provider = nullptr;
    QLineEdit* m_region = nullptr;
    QTableWidget* m_attributes = nullptr;
    QPushButton* m_addAttribute = nullptr;
    QPushButton* m_removeAttribute = nullptr;
    QPushButton* m_pasteAttributes = nullptr;
    QPushButton* m_send = nullptr;
    QPushButton* m_cancel = nullptr;
    QPushButton* m_copyCurl = nullptr;
    QLabel* m_status = nullptr;
    QLabel* m_ids = nullptr;
    QPushButton* m_useId = nullptr;
    QString m_shownId18; // the 18-character id of the result shown, empty when none
    QListWidget* m_explanation = nullptr;
    QPlainTextEdit* m_raw = nullptr;  // the raw HTTP request and response of the shown result
    QCheckBox* m_showToken = nullptr; // shows the API token in m_raw; off on every start, never saved
    int m_shownEntry = -1;            // index in m_history of the result shown, -1 for none
    QTreeWidget* m_historyView = nullptr;

    std::unique_ptr<emulator::VoiceCallsEmulator> m_emulator;
    std::unique_ptr<telephony::VoiceCallsClient> m_client;
    telephony::VoiceCallsReply* m_reply = nullptr;
    HistoryEntry m_pending;
    QList<HistoryEntry> m_history;
    bool m_orgConfirmed = false;
    bool m_refreshing = false;
};

} // namespace handoff::pages
