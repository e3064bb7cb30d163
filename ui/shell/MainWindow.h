#pragma once

#include "diagnostics/Diagnostic.h"

#include <QList>
#include <QMainWindow>

class QAction;
class QFrame;
class QComboBox;
class QLabel;
class QListWidget;
class QMenu;
class QStackedWidget;

namespace handoff::flow {
class FlowPage;
} // namespace handoff::flow

namespace handoff::shell {

class Dialogs;
class KeychainSecretStore;
class Page;
class ProblemsDock;
class ProjectController;
class Workspace;

// The Handoff Studio window: a sidebar of pages, the Problems dock, a status bar with the UUI header budget, and the
// File/Edit/View/Help menus. It owns no document state: that is the Workspace's.
class MainWindow final : public QMainWindow {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    // `keychain` (optional) lets the window say when keys are kept for this session only.
    MainWindow(Workspace& workspace, Dialogs& dialogs, KeychainSecretStore* keychain = nullptr,
               QWidget* parent = nullptr);
    ~MainWindow() override;

    // Adds a page to the sidebar (takes ownership).
    void addPage(Page* page);
    void attachSimulation(flow::FlowPage* page);
    const QList<Page*>& pages() const { return m_pages; }
    Page* page(const QString& pageId) const;
    Page* currentPage() const;
    bool showPage(const QString& pageId);
    // The start screen (sample, new from the template, recent, training): at start-up with no project, and from
    // File > Start Screen. Opens window-modal and returns at once.
    void showStartScreen();

    // Takes the admin to the field a diagnostic is about: switches page, focuses and highlights the editor.
    // False when no page shows that field.
    bool focusDiagnostic(const diagnostics::Diagnostic& diagnostic);

    Workspace& workspace() const { return m_workspace; }
    ProjectController* projects() const { return m_projects; }
    ProblemsDock* problemsDock() const { return m_problems; }
    QLabel* budgetLabel() const { return m_budgetLabel; }
    QFrame* keyBanner() const { return m_keyBanner; }
    QListWidget* pageList() const { return m_pageList; }

    // Goes to the next (or previous) problem in the Problems dock and takes the admin to its field (F8 / Shift+F8).
    bool goToProblem(int step);

    // "UUI header 1,486 / 1,024 characters (hex)" for the current derived state.
    QString budgetSummary() const;

protected:
    void closeEvent(QCloseEvent* event) override;
    void changeEvent(QEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    enum class BudgetState { Fits, Tight, Over, Unknown };

    void createActions();
    void createMenus();
    void retranslate();
    void updateTitle();
    void updateStatus();
    void updateRecentMenu();
    void updateKeyBanner();
    void showPreferences();
    void showAbout();
    void readSettings();
    void writeSettings() const;
    BudgetState budgetState() const;

    Workspace& m_workspace;
    Dialogs& m_dialogs;
    KeychainSecretStore* m_keychain;
    ProjectController* m_projects = nullptr;
    QList<Page*> m_pages;

    QListWidget* m_pageList = nullptr;
    QStackedWidget* m_pageStack = nullptr;
    QFrame* m_keyBanner = nullptr;
    QLabel* m_keyBannerText = nullptr;
    QString m_dismissedBanner;
    ProblemsDock* m_problems = nullptr;
    QLabel* m_readinessIcon = nullptr;
    QLabel* m_readinessLabel = nullptr;
    QLabel* m_budgetIcon = nullptr;
    QLabel* m_budgetLabel = nullptr;
    QLabel* m_keyStatus = nullptr;
    QLabel* m_environmentLabel = nullptr;
    QComboBox* m_environment = nullptr; // the toolbar's switcher
    void updateEnvironments();

    QMenu* m_fileMenu = nullptr;
    QMenu* m_recentMenu = nullptr;
    QMenu* m_editMenu = nullptr;
    QMenu* m_viewMenu = nullptr;
    QMenu* m_helpMenu = nullptr;
    QAction* m_newAction = nullptr;
    QAction* m_openAction = nullptr;
    QAction* m_saveAction = nullptr;
    QAction* m_saveAsAction = nullptr;
    QAction* m_quitAction = nullptr;
    QAction* m_startScreenAction = nullptr;
    QAction* m_undoAction = nullptr;
    QAction* m_redoAction = nullptr;
    QAction* m_preferencesAction = nullptr;
    QAction* m_aboutAction = nullptr;
    QAction* m_aboutQtAction = nullptr;
    QAction* m_clearRecentAction = nullptr;
    QAction* m_nextProblemAction = nullptr;
    QAction* m_previousProblemAction = nullptr;
    QList<QAction*> m_pageActions;
};

} // namespace handoff::shell
