#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QMessageBox>
#include <QString>

#include <optional>

class QUrl;
class QWidget;

namespace handoff::shell {

// The seam between the shell and the modal dialogs it shows: message boxes, file dialogs and the passphrase prompt.
// The application uses WidgetDialogs; GUI tests install a scripted implementation so that they run without anyone
// clicking and can check what the admin would have been told.
class Dialogs {
public:
    enum class SaveChoice { Save, Discard, Cancel };

    virtual ~Dialogs() = default;

    virtual void information(QWidget* parent, const QString& title, const QString& text) = 0;
    virtual void warning(QWidget* parent, const QString& title, const QString& text) = 0;
    virtual void critical(QWidget* parent, const QString& title, const QString& text) = 0;
    // A yes/no question; true for yes.
    virtual bool confirm(QWidget* parent, const QString& title, const QString& text, const QString& yesText) = 0;
    // A choice between two actions whose buttons say what they do ("Recover" / "Discard"); true for the first.
    // Closing the box counts as the second. The default asks confirm() (test seams script it like a question).
    virtual bool choose(QWidget* parent, const QString& title, const QString& text, const QString& yesText,
                        const QString& noText) {
        Q_UNUSED(noText)
        return confirm(parent, title, text, yesText);
    }
    // "Save changes to <document>?" with Save, Don't Save and Cancel.
    virtual SaveChoice askSaveChanges(QWidget* parent, const QString& documentName) = 0;

    // Empty when the admin cancelled.
    virtual QString openFileName(QWidget* parent, const QString& caption, const QString& dir,
                                 const QString& filter) = 0;
    virtual QString saveFileName(QWidget* parent, const QString& caption, const QString& dir,
                                 const QString& filter) = 0;

    // A passphrase, as bytes the caller wipes after use; std::nullopt when cancelled.
    virtual std::optional<QByteArray> passphrase(QWidget* parent, const QString& title, const QString& text) = 0;
    // Multi-line text pasted by the admin (a PEM key or certificate), as bytes the caller wipes after use;
    // std::nullopt when cancelled.
    virtual std::optional<QByteArray> pasteText(QWidget* parent, const QString& title, const QString& text) = 0;

    // Opens a document or web page with the desktop's handler (the Help menu's shipped docs). The default calls
    // QDesktopServices::openUrl; test seams record the URL instead. False when nothing could open it.
    virtual bool openUrl(QWidget* parent, const QUrl& url);
    // One line of text (a new environment's name); std::nullopt when cancelled. The default shows QInputDialog.
    virtual std::optional<QString> lineOfText(QWidget* parent, const QString& title, const QString& label,
                                              const QString& initial);

    // The implementation that shows real dialogs; used until a test replaces it.
    static Dialogs& standard();
};

class WidgetDialogs final : public Dialogs {
    Q_DECLARE_TR_FUNCTIONS(handoff::shell::WidgetDialogs)

public:
    void information(QWidget* parent, const QString& title, const QString& text) override;
    void warning(QWidget* parent, const QString& title, const QString& text) override;
    void critical(QWidget* parent, const QString& title, const QString& text) override;
    bool confirm(QWidget* parent, const QString& title, const QString& text, const QString& yesText) override;
    bool choose(QWidget* parent, const QString& title, const QString& text, const QString& yesText,
                const QString& noText) override;
    SaveChoice askSaveChanges(QWidget* parent, const QString& documentName) override;
    QString openFileName(QWidget* parent, const QString& caption, const QString& dir, const QString& filter) override;
    QString saveFileName(QWidget* parent, const QString& caption, const QString& dir, const QString& filter) override;
    std::optional<QByteArray> passphrase(QWidget* parent, const QString& title, const QString& text) override;
    std::optional<QByteArray> pasteText(QWidget* parent, const QString& title, const QString& text) override;
};

} // namespace handoff::shell
