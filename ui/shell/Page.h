#pragma once

#include "diagnostics/Diagnostic.h"
#include "project/Project.h"

#include <QHash>
#include <QIcon>
#include <QPointer>
#include <QString>
#include <QWidget>

class QLabel;
class QSplitter;

class QComboBox;

namespace handoff::shell {

class Dialogs;
class Workspace;

// A page of the main window's sidebar. Pages bind to the Workspace they are given, register the editors that show
// each model field (so that the Problems dock can take the admin to the field a diagnostic is about) and may
// override focusField() when a field lives in a richer editor (for example a byte range in a JSON view).
//
// Adding a page to the app is one line in MainWindow: addPage(new MyPage(m_workspace, this));
class Page : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Page)

public:
    explicit Page(Workspace& workspace, QWidget* parent = nullptr);
    ~Page() override;

    // Shown in the sidebar and as the page heading; translated.
    virtual QString title() const = 0;
    virtual QIcon icon() const = 0;
    // A stable, untranslated id ("org", "token", "uui", "export", "call"), used for settings and tests.
    virtual QString pageId() const = 0;

    // True when a diagnostic about `field` (e.g. "org.orgId", "uui.token", "claims.exp") is shown on this page. The
    // default answers from the registered fields: an exact match, or a registered prefix ending in '.'.
    virtual bool ownsField(const QString& field) const;

    // Brings the editor of `field` into view, gives it keyboard focus and highlights it briefly (or, for text
    // editors, selects `where`'s range). Returns false when this page does not show the field. The default uses the
    // registered widgets.
    virtual bool focusField(const QString& field, const diagnostics::Location& where);

    // The registered editor for a field, or null; for tests and for subclasses.
    QWidget* fieldWidget(const QString& field) const;
    // True when `widget` is registered for some field (its undo and redo then go to the project's undo stack).
    bool isFieldWidget(const QWidget* widget) const;

    Workspace& workspace() const { return m_workspace; }
    // The message-box and file-dialog seam; MainWindow sets it when the page is added.
    Dialogs& dialogs() const;
    void setDialogs(Dialogs& dialogs);

    // Briefly highlights a widget (a palette-aware outline that fades), used when a problem is activated.
    static void flash(QWidget* widget);
    // The page heading (the title, large and bold, like the Org & credentials page has), for the top of a page.
    static QLabel* makeHeading(const QString& text, QWidget* parent = nullptr);
    // Fills a switcher with the project's environment names (item data: the name), when they changed, and selects
    // the selected one, without emitting activated (the Org page's and the main window's toolbar's).
    static void showEnvironments(QComboBox* combo, const project::Project& project);

Q_SIGNALS:
    // The page asks the window to take the admin to where `diagnostic` is shown (maybe on another page); MainWindow
    // connects it to its focusDiagnostic().
    void problemActivated(const handoff::diagnostics::Diagnostic& diagnostic);

protected:
    // For a page whose two halves sit in `splitter`: side by side where the page has room for about 150 average
    // characters, one above the other in a narrow window (or at a large scale factor). Call from resizeEvent().
    void orientSplitter(QSplitter* splitter) const;

    // Registers the editor that shows a model field. Several fields may share one widget. A field ending in '.'
    // registers a prefix: every field below it is shown by that widget.
    void registerField(const QString& field, QWidget* widget);

private:
    Workspace& m_workspace;
    Dialogs* m_dialogs = nullptr;
    QHash<QString, QPointer<QWidget>> m_fields;
};

} // namespace handoff::shell
