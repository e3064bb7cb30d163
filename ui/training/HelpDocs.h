#pragma once

#include <QObject>
#include <QString>

class QAction;
class QMenu;
class QWidget;

namespace handoff::shell {
class Dialogs;
}

namespace handoff::training {

// The documentation shipped with the app (docs/*.md, installed to share/doc/handoff-studio): where it is, and the
// Help menu's entries that open it with the desktop's handler through the Dialogs seam.
class HelpDocs final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HelpDocs)

public:
    // Adds the entries at the top of `menu`; the object is owned by the menu.
    HelpDocs(QMenu* menu, shell::Dialogs& dialogs, QWidget* dialogParent);

    // The folder with the docs: $HANDOFF_DOCS_DIR, else <prefix>/share/doc/handoff-studio beside the program, else
    // the source tree's docs/ (a build that is not installed). Empty when none has training.md.
    static QString docsDirectory();
    // Opens one document (a file name in docsDirectory(), "training.md"); says so through the dialogs when the docs
    // are missing. False when it could not be opened.
    bool openDocument(const QString& fileName);

    QList<QAction*> actions() const;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void retranslate();

    shell::Dialogs& m_dialogs;
    QWidget* m_parent;
    QAction* m_training = nullptr;
    QAction* m_diagnostics = nullptr;
    QAction* m_flow = nullptr;
    QAction* m_budget = nullptr;
    QAction* m_all = nullptr;
};

} // namespace handoff::training
