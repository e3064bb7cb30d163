#include "shell/MainWindow.h"

#include "flow/FlowPage.h"
#include "flow/SimulationPanel.h"
#include "pages/ExportPage.h"
#include "pages/GoLivePage.h"
#include "pages/OrgPage.h"
#include "pages/TestCallPage.h"
#include "pages/TokenPage.h"
#include "pages/UuiPage.h"
#include "project/SecretStore.h"
#include "shell/Dialogs.h"
#include "shell/KeychainSecretStore.h"
#include "shell/Page.h"
#include "shell/PreferencesDialog.h"
#include "shell/ProblemsDock.h"
#include "shell/ProjectController.h"
#include "shell/StateColours.h"
#include "shell/Workspace.h"
#include "training/HelpDocs.h"
#include "training/StartDialog.h"
#include "training/TrainingPage.h"
#include "uui/TrunkUuiProfile.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QFrame>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QPainter>
#include <QScreen>
#include <QScrollArea>
#include <QSettings>
#include <QSignalBlocker>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QTreeView>
#include <QUndoStack>
#include <QVBoxLayout>

#include <memory>

using namespace Qt::StringLiterals;

// The shared resources (icons, samples) are a static library: pull them in explicitly.
static void initSharedResources() {
    Q_INIT_RESOURCE(resources);
}

namespace handoff::shell {

namespace {

const auto kGeometryKey = u"window/geometry"_s;
const auto kStateKey = u"window/state"_s;
const auto kPageKey = u"window/page"_s;

// Numbers the way the admin reads them; the "C" locale (tests, minimal systems) would print 1486 without grouping.
QLocale numberLocale() {
    QLocale locale;
    if (locale.language() == QLocale::C) {
        locale = QLocale(QLocale::English, QLocale::UnitedStates);
    }
    return locale;
}

QIcon themeIcon(const QString& name, QStyle::StandardPixmap fallback, const QStyle* style) {
    return QIcon::fromTheme(name, style->standardIcon(fallback));
}

// The page icons are drawn in an accent colour that disappears on the selection highlight: add a Selected mode
// drawn in the palette's highlighted-text colour. A new pixmap icon at 1x, 2x and 3x (an SVG icon engine keeps one
// added pixmap per mode and would drop all but the last size), so it stays sharp on HiDPI screens.
QIcon withSelectedVariant(const QIcon& icon, const QColor& colour, int size) {
    QIcon result;
    for (const qreal dpr : {1.0, 2.0, 3.0}) {
        const QPixmap normal = icon.pixmap(QSize(size, size), dpr);
        result.addPixmap(normal, QIcon::Normal);
        QPixmap selected = normal;
        QPainter painter(&selected);
        painter.setCompositionMode(QPainter::CompositionMode_SourceIn);
        painter.fillRect(QRect(QPoint(0, 0), selected.deviceIndependentSize().toSize()), colour);
        painter.end();
        result.addPixmap(selected, QIcon::Selected);
    }
    return result;
}

} // namespace

MainWindow::MainWindow(Workspace& workspace, Dialogs& dialogs, KeychainSecretStore* keychain, QWidget* parent)
    : QMainWindow(parent)
    , m_workspace(workspace)
    , m_dialogs(dialogs)
    , m_keychain(keychain)
    , m_projects(new ProjectController(workspace, dialogs, this, this))
    , m_pageList(new QListWidget(this))
    , m_pageStack(new QStackedWidget(this))
    , m_keyBanner(new QFrame(this))
    , m_keyBannerText(new QLabel(m_keyBanner))
    , m_problems(new ProblemsDock(this))
    , m_readinessIcon(new QLabel(this))
    , m_readinessLabel(new QLabel(this))
    , m_budgetIcon(new QLabel(this))
    , m_budgetLabel(new QLabel(this))
    , m_keyStatus(new QLabel(this)) {
    initSharedResources();
    setObjectName(u"mainWindow"_s);
    setWindowIcon(QIcon(u":/handoff/icons/handoff-studio.svg"_s));

    // Sidebar | banner over the page stack.
    m_pageList->setObjectName(u"pageListWidget"_s);
    m_pageList->setSelectionMode(QAbstractItemView::SingleSelection);
    m_pageList->setIconSize(QSize(24, 24));
    m_pageList->setSpacing(2);
    m_pageList->setFrameShape(QFrame::NoFrame);
    m_pageList->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_pageList->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Expanding);
    m_pageList->setAccessibleName(tr("Pages"));
    // A focus ring the admin can see when tabbing through (the style's own is a dotted line or nothing).
    m_pageList->setStyleSheet(u"QListWidget#pageListWidget { border: 2px solid transparent; }"
                              "QListWidget#pageListWidget:focus { border: 2px solid palette(highlight); }"_s);
    m_pageStack->setObjectName(u"pageStackedWidget"_s);

    m_keyBanner->setObjectName(u"keyBannerFrame"_s);
    m_keyBanner->setFrameShape(QFrame::StyledPanel);
    m_keyBanner->setAutoFillBackground(true);
    m_keyBannerText->setObjectName(u"keyBannerLabel"_s);
    m_keyBannerText->setWordWrap(true);
    m_keyBannerText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* bannerIcon = new QLabel(m_keyBanner);
    bannerIcon->setPixmap(QIcon(u":/handoff/icons/severity-warning.svg"_s).pixmap(QSize(16, 16)));
    auto* bannerClose = new QToolButton(m_keyBanner);
    bannerClose->setObjectName(u"keyBannerCloseButton"_s);
    bannerClose->setAutoRaise(true);
    bannerClose->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    bannerClose->setToolTip(tr("Hide this message"));
    bannerClose->setAccessibleName(tr("Hide this message"));
    bannerClose->setFocusPolicy(Qt::StrongFocus);
    bannerClose->setStyleSheet(u"QToolButton { border: 2px solid transparent; border-radius: 3px; }"
                               "QToolButton:focus { border: 2px solid palette(highlight); }"_s);
    connect(bannerClose, &QToolButton::clicked, this, [this] {
        m_dismissedBanner = m_keyBannerText->text();
        m_keyBanner->hide();
    });
    auto* bannerLayout = new QHBoxLayout(m_keyBanner);
    bannerLayout->addWidget(bannerIcon, 0, Qt::AlignTop);
    bannerLayout->addWidget(m_keyBannerText, 1);
    bannerLayout->addWidget(bannerClose, 0, Qt::AlignTop);
    m_keyBanner->hide();

    auto* right = new QWidget(this);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_keyBanner);
    rightLayout->addWidget(m_pageStack, 1);

    auto* central = new QWidget(this);
    auto* layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_pageList);
    auto* separator = new QFrame(central);
    separator->setFrameShape(QFrame::VLine);
    separator->setFrameShadow(QFrame::Sunken);
    layout->addWidget(separator);
    layout->addWidget(right, 1);
    setCentralWidget(central);

    addDockWidget(Qt::BottomDockWidgetArea, m_problems);

    // Status bar: budget summary (icon + coloured text), key storage.
    m_budgetLabel->setObjectName(u"budgetStatusLabel"_s);
    m_keyStatus->setObjectName(u"keyStatusLabel"_s);
    m_readinessLabel->setObjectName(u"readinessStatusLabel"_s);
    m_readinessIcon->setObjectName(u"readinessStatusIcon"_s);
    statusBar()->addPermanentWidget(m_readinessIcon);
    statusBar()->addPermanentWidget(m_readinessLabel);
    statusBar()->addPermanentWidget(m_keyStatus);
    statusBar()->addPermanentWidget(m_budgetIcon);
    statusBar()->addPermanentWidget(m_budgetLabel);

    createActions();
    createMenus();

    connect(m_pageList, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0 && row < m_pageStack->count()) {
            m_pageStack->setCurrentIndex(row);
        }
    });
    connect(m_problems, &ProblemsDock::problemActivated, this, &MainWindow::focusDiagnostic);
    connect(&m_workspace, &Workspace::diagnosticsChanged, this,
            [this] { m_problems->setDiagnostics(m_workspace.diagnostics()); });
    connect(&m_workspace, &Workspace::derivedChanged, this, &MainWindow::updateStatus);
    connect(&m_workspace, &Workspace::keyChanged, this, &MainWindow::updateStatus);
    connect(&m_workspace, &Workspace::dirtyChanged, this, &MainWindow::updateTitle);
    connect(&m_workspace, &Workspace::filePathChanged, this, &MainWindow::updateTitle);
    connect(&m_workspace, &Workspace::keyStoreMessageChanged, this, &MainWindow::updateKeyBanner);
    connect(m_projects, &ProjectController::recentFilesChanged, this, &MainWindow::updateRecentMenu);
    connect(m_projects, &ProjectController::statusMessage, this,
            [this](const QString& message) { statusBar()->showMessage(message, 5000); });
    if (m_keychain) {
        connect(m_keychain, &KeychainSecretStore::availabilityChanged, this, &MainWindow::updateKeyBanner);
    }

    // Pages, in sidebar order. Pages from other branches are added here, one line each.
    addPage(new pages::OrgPage(m_workspace, this));
    addPage(new pages::TokenPage(m_workspace, this));
    addPage(new pages::UuiPage(m_workspace, this));
    addPage(new pages::ExportPage(m_workspace, this));
    addPage(new pages::TestCallPage(m_workspace, this));
    auto* flowPage = new flow::FlowPage(m_workspace, this);
    addPage(flowPage);
    attachSimulation(flowPage);
    addPage(new pages::GoLivePage(m_workspace, this));
    addPage(new training::TrainingPage(m_workspace, m_projects, this));

    m_problems->setDiagnostics(m_workspace.diagnostics());
    qApp->installEventFilter(this);
    retranslate();
    updateTitle();
    updateStatus();
    updateRecentMenu();
    updateKeyBanner();
    readSettings();
}

MainWindow::~MainWindow() {
    qApp->removeEventFilter(this);
}

void MainWindow::attachSimulation(flow::FlowPage* page) {
    // The simulation view below the canvas: the call's path and its current step drawn on the canvas.
    auto* simulation = new flow::SimulationPanel(&m_workspace);
    // Scrolls rather than squeezes in a short window or at a large scale factor.
    auto* scroll = new QScrollArea(page);
    scroll->setObjectName(u"simulationScrollArea"_s);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(simulation);
    page->addBottomPanel(scroll, tr("Simulation"));
    auto path = std::make_shared<QStringList>();
    connect(simulation, &flow::SimulationPanel::pathChanged, page, [page, path](const QStringList& ids) {
        *path = ids;
        if (ids.isEmpty()) {
            page->clearSimulationHighlight();
        } else {
            page->showSimulationHighlight(ids, {});
        }
    });
    connect(simulation, &flow::SimulationPanel::currentActionChanged, page, [page, path](const QString& id) {
        if (path->isEmpty() && id.isEmpty()) {
            page->clearSimulationHighlight();
        } else {
            page->showSimulationHighlight(*path, id);
        }
    });
}

void MainWindow::addPage(Page* page) {
    page->setParent(this);
    page->setDialogs(m_dialogs);
    connect(page, &Page::problemActivated, this, &MainWindow::focusDiagnostic);
    auto* scroll = new QScrollArea(m_pageStack);
    scroll->setObjectName(page->pageId() + u"ScrollArea"_s);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(page);
    m_pageStack->addWidget(scroll);
    auto* item = new QListWidgetItem(
        withSelectedVariant(page->icon(), palette().color(QPalette::HighlightedText), m_pageList->iconSize().width()),
        page->title(), m_pageList);
    item->setData(Qt::UserRole, page->pageId());
    item->setSizeHint(QSize(item->sizeHint().width(), fontMetrics().height() * 2 + 8));
    m_pages.append(page);

    // Ctrl+1 ... Ctrl+9 switch pages.
    const int index = static_cast<int>(m_pages.size());
    if (index <= 9) {
        auto* action = new QAction(page->icon(), QString(page->title()).replace(u'&', u"&&"_s), this);
        action->setShortcut(QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_0 + index)));
        action->setData(page->pageId());
        connect(action, &QAction::triggered, this, [this, id = page->pageId()] { showPage(id); });
        m_pageActions.append(action);
        if (m_viewMenu) {
            m_viewMenu->addAction(action);
        }
    }
    m_pageList->setFixedWidth(std::max(m_pageList->sizeHintForColumn(0) + 2 * m_pageList->spacing() + 24,
                                       fontMetrics().horizontalAdvance(u"M"_s) * 14));
    if (m_pageList->currentRow() < 0) {
        m_pageList->setCurrentRow(0);
    }
}

Page* MainWindow::page(const QString& pageId) const {
    for (Page* p : m_pages) {
        if (p->pageId() == pageId) {
            return p;
        }
    }
    return nullptr;
}

Page* MainWindow::currentPage() const {
    const int row = m_pageList->currentRow();
    return row >= 0 && row < m_pages.size() ? m_pages.at(row) : nullptr;
}

void MainWindow::showStartScreen() {
    if (auto* open = findChild<training::StartDialog*>(); open && open->isVisible()) {
        open->raise();
        open->activateWindow();
        return;
    }
    auto* start = new training::StartDialog(m_workspace, m_projects, this);
    start->setAttribute(Qt::WA_DeleteOnClose);
    connect(start, &QDialog::finished, this, [this, start] {
        if (start->choice() == training::StartDialog::Choice::Training) {
            showPage(u"training"_s);
        }
    });
    start->open();
}

bool MainWindow::showPage(const QString& pageId) {
    for (int i = 0; i < m_pages.size(); ++i) {
        if (m_pages.at(i)->pageId() == pageId) {
            m_pageList->setCurrentRow(i);
            return true;
        }
    }
    return false;
}

bool MainWindow::focusDiagnostic(const diagnostics::Diagnostic& diagnostic) {
    // Flow problems are located by task and action id, not by a model field: the Flow page shows them.
    const QString field =
        diagnostic.where.field.isEmpty() && diagnostic.where.isInFlow() ? u"flow"_s : diagnostic.where.field;
    if (field.isEmpty()) {
        statusBar()->showMessage(tr("%1 is not about a single field.").arg(diagnostic.code), 4000);
        return false;
    }
    // The current page first: a field shown on several pages is focused where the admin already is.
    QList<Page*> order = m_pages;
    if (Page* current = currentPage()) {
        order.removeOne(current);
        order.prepend(current);
    }
    for (Page* p : order) {
        if (p->ownsField(field)) {
            showPage(p->pageId());
            if (p->focusField(field, diagnostic.where)) {
                return true;
            }
        }
    }
    statusBar()->showMessage(tr("No page shows %1 yet.").arg(field), 4000);
    return false;
}

bool MainWindow::goToProblem(int step) {
    QTreeView* view = m_problems->view();
    const int rows = view->model()->rowCount();
    if (rows == 0) {
        statusBar()->showMessage(tr("No problems."), 3000);
        return false;
    }
    const int current = view->currentIndex().isValid() ? view->currentIndex().row() : (step > 0 ? -1 : rows);
    const int next = ((current + step) % rows + rows) % rows; // wraps around
    const QModelIndex index = view->model()->index(next, 0);
    m_problems->show();
    view->setCurrentIndex(index);
    view->scrollTo(index);
    return focusDiagnostic(index.data(ProblemsModel::DiagnosticRole).value<diagnostics::Diagnostic>());
}

void MainWindow::createActions() {
    const QStyle* st = style();
    m_newAction = new QAction(themeIcon(u"document-new"_s, QStyle::SP_FileIcon, st), QString(), this);
    m_newAction->setShortcut(QKeySequence::New);
    connect(m_newAction, &QAction::triggered, m_projects, &ProjectController::newProject);

    m_openAction = new QAction(themeIcon(u"document-open"_s, QStyle::SP_DialogOpenButton, st), QString(), this);
    m_openAction->setShortcut(QKeySequence::Open);
    connect(m_openAction, &QAction::triggered, m_projects, qOverload<>(&ProjectController::open));

    m_saveAction = new QAction(themeIcon(u"document-save"_s, QStyle::SP_DialogSaveButton, st), QString(), this);
    m_saveAction->setShortcut(QKeySequence::Save);
    connect(m_saveAction, &QAction::triggered, m_projects, &ProjectController::save);

    m_saveAsAction = new QAction(QIcon::fromTheme(u"document-save-as"_s), QString(), this);
    m_saveAsAction->setShortcut(QKeySequence::SaveAs);
    connect(m_saveAsAction, &QAction::triggered, m_projects, &ProjectController::saveAs);

    m_startScreenAction = new QAction(QIcon::fromTheme(u"go-home"_s), QString(), this);
    m_startScreenAction->setObjectName(u"startScreenAction"_s);
    connect(m_startScreenAction, &QAction::triggered, this, &MainWindow::showStartScreen);

    m_quitAction = new QAction(QIcon::fromTheme(u"application-exit"_s), QString(), this);
    m_quitAction->setShortcut(QKeySequence::Quit);
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    m_undoAction = m_workspace.undoStack()->createUndoAction(this, tr("&Undo"));
    // Curved arrows, not the style's back/forward arrows, where the desktop has no icon theme.
    m_undoAction->setIcon(QIcon::fromTheme(u"edit-undo"_s, QIcon(u":/handoff/icons/edit-undo.svg"_s)));
    m_undoAction->setShortcut(QKeySequence::Undo);
    m_redoAction = m_workspace.undoStack()->createRedoAction(this, tr("&Redo"));
    m_redoAction->setIcon(QIcon::fromTheme(u"edit-redo"_s, QIcon(u":/handoff/icons/edit-redo.svg"_s)));
    m_redoAction->setShortcuts(QKeySequence::Redo);

    m_preferencesAction = new QAction(QIcon::fromTheme(u"preferences-system"_s), QString(), this);
    m_preferencesAction->setShortcuts({QKeySequence(QKeySequence::Preferences), QKeySequence(u"Ctrl+,"_s)});
    m_preferencesAction->setMenuRole(QAction::PreferencesRole);
    connect(m_preferencesAction, &QAction::triggered, this, &MainWindow::showPreferences);

    m_aboutAction = new QAction(QIcon(u":/handoff/icons/handoff-studio.svg"_s), QString(), this);
    m_aboutAction->setMenuRole(QAction::AboutRole);
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::showAbout);
    m_aboutQtAction = new QAction(QString(), this);
    m_aboutQtAction->setMenuRole(QAction::AboutQtRole);
    connect(m_aboutQtAction, &QAction::triggered, qApp, &QApplication::aboutQt);

    m_nextProblemAction = new QAction(QString(), this);
    m_nextProblemAction->setShortcut(QKeySequence(Qt::Key_F8));
    connect(m_nextProblemAction, &QAction::triggered, this, [this] { goToProblem(1); });
    m_previousProblemAction = new QAction(QString(), this);
    m_previousProblemAction->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F8));
    connect(m_previousProblemAction, &QAction::triggered, this, [this] { goToProblem(-1); });

    m_clearRecentAction = new QAction(QString(), this);
    connect(m_clearRecentAction, &QAction::triggered, m_projects, &ProjectController::clearRecentFiles);

    auto* toolBar = addToolBar(QString());
    toolBar->setObjectName(u"mainToolBar"_s);
    toolBar->setMovable(false);
    toolBar->setToolButtonStyle(Qt::ToolButtonFollowStyle);
    toolBar->addAction(m_newAction);
    toolBar->addAction(m_openAction);
    toolBar->addAction(m_saveAction);
    toolBar->addSeparator();
    toolBar->addAction(m_undoAction);
    toolBar->addAction(m_redoAction);
    toolBar->addSeparator();
    // Which environment (org, key, trunk, SIP address) every page works on; Org & credentials manages them.
    m_environmentLabel = new QLabel(toolBar);
    m_environment = new QComboBox(toolBar);
    m_environment->setObjectName(u"toolbarEnvironmentComboBox"_s);
    m_environment->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_environmentLabel->setBuddy(m_environment);
    toolBar->addWidget(m_environmentLabel);
    toolBar->addWidget(m_environment);
    connect(m_environment, &QComboBox::activated, this, [this](int index) {
        const QString name = m_environment->itemData(index).toString();
        if (name != m_workspace.project().environment) {
            m_workspace.switchEnvironment(name);
        }
    });
    connect(&m_workspace, &Workspace::projectChanged, this, &MainWindow::updateEnvironments);
    updateEnvironments();
}

void MainWindow::updateEnvironments() {
    Page::showEnvironments(m_environment, m_workspace.project());
}

void MainWindow::createMenus() {
    m_fileMenu = menuBar()->addMenu(QString());
    m_fileMenu->addAction(m_newAction);
    m_fileMenu->addAction(m_openAction);
    m_recentMenu = m_fileMenu->addMenu(QString());
    m_fileMenu->addAction(m_startScreenAction);
    m_recentMenu->setObjectName(u"recentFilesMenu"_s);
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_saveAction);
    m_fileMenu->addAction(m_saveAsAction);
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_quitAction);

    m_editMenu = menuBar()->addMenu(QString());
    m_editMenu->addAction(m_undoAction);
    m_editMenu->addAction(m_redoAction);
    m_editMenu->addSeparator();
    m_editMenu->addAction(m_preferencesAction);

    m_viewMenu = menuBar()->addMenu(QString());
    QAction* problemsToggle = m_problems->toggleViewAction();
    problemsToggle->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M));
    m_viewMenu->addAction(problemsToggle);
    m_viewMenu->addAction(m_nextProblemAction);
    m_viewMenu->addAction(m_previousProblemAction);
    m_viewMenu->addSeparator();
    for (QAction* action : std::as_const(m_pageActions)) {
        m_viewMenu->addAction(action);
    }

    m_helpMenu = menuBar()->addMenu(QString());
    new training::HelpDocs(m_helpMenu, m_dialogs, this);
    m_helpMenu->addAction(m_aboutAction);
    m_helpMenu->addAction(m_aboutQtAction);
}

void MainWindow::retranslate() {
    m_environmentLabel->setText(tr("Environment: "));
    m_environment->setToolTip(tr("The environment (org, key, trunk, SIP address) every page works on; add and "
                                 "rename them on Org & credentials"));
    m_fileMenu->setTitle(tr("&File"));
    m_recentMenu->setTitle(tr("Open &Recent"));
    m_editMenu->setTitle(tr("&Edit"));
    m_viewMenu->setTitle(tr("&View"));
    m_helpMenu->setTitle(tr("&Help"));
    m_newAction->setText(tr("&New Project"));
    m_newAction->setToolTip(
        tr("Start a new project (%1)").arg(m_newAction->shortcut().toString(QKeySequence::NativeText)));
    m_openAction->setText(tr("&Open\u2026"));
    m_openAction->setToolTip(
        tr("Open a project (%1)").arg(m_openAction->shortcut().toString(QKeySequence::NativeText)));
    m_saveAction->setText(tr("&Save"));
    m_saveAction->setToolTip(
        tr("Save the project (%1)").arg(m_saveAction->shortcut().toString(QKeySequence::NativeText)));
    m_saveAsAction->setText(tr("Save &As\u2026"));
    m_quitAction->setText(tr("&Quit"));
    m_startScreenAction->setText(tr("S&tart Screen\u2026"));
    m_startScreenAction->setToolTip(
        tr("Open the sample, create a project from the article's template, open a recent project or start the "
           "training"));
    m_preferencesAction->setText(tr("&Preferences\u2026"));
    m_aboutAction->setText(tr("&About Handoff Studio"));
    m_aboutQtAction->setText(tr("About &Qt"));
    m_clearRecentAction->setText(tr("&Clear List"));
    m_nextProblemAction->setText(tr("&Next Problem"));
    m_previousProblemAction->setText(tr("Pre&vious Problem"));
    for (QToolBar* bar : findChildren<QToolBar*>()) {
        bar->setWindowTitle(tr("Main Toolbar"));
    }
    for (int i = 0; i < m_pages.size(); ++i) {
        m_pageList->item(i)->setText(m_pages.at(i)->title());
        if (i < m_pageActions.size()) {
            // "&&" keeps the ampersand of "Org & credentials" from becoming a mnemonic.
            m_pageActions.at(i)->setText(tr("Show %1").arg(QString(m_pages.at(i)->title()).replace(u'&', u"&&"_s)));
        }
    }
    m_pageList->setAccessibleName(tr("Pages"));
    updateRecentMenu();
    updateStatus();
    updateKeyBanner();
}

void MainWindow::updateTitle() {
    setWindowTitle(tr("%1[*] \u2014 Handoff Studio").arg(m_workspace.displayName()));
    setWindowModified(m_workspace.isDirty());
    setWindowFilePath(m_workspace.filePath());
}

MainWindow::BudgetState MainWindow::budgetState() const {
    const auto& budget = m_workspace.derived().budget;
    if (budget.limit <= 0) {
        return BudgetState::Unknown;
    }
    if (!budget.fits()) {
        return BudgetState::Over;
    }
    // Within 10 % of the limit: still fits, but a longer call id or parameter may tip it over.
    return budget.measured * 10 > budget.limit * 9 ? BudgetState::Tight : BudgetState::Fits;
}

QString MainWindow::budgetSummary() const {
    const auto& budget = m_workspace.derived().budget;
    const QLocale locale = numberLocale();
    const QString encoding = budget.profile.encoding == uui::UuiEncoding::Hex ? tr("hex") : tr("ascii");
    const QString unit = budget.limitAppliesTo == uui::LimitAppliesTo::DecodedData ? tr("bytes") : tr("characters");
    QString text = tr("UUI header %1 / %2 %3 (%4)")
                       .arg(locale.toString(qlonglong(budget.measured)), locale.toString(budget.limit), unit, encoding);
    if (m_workspace.derived().tokenEstimated) {
        text += tr(", token estimated (no key)");
    }
    return text;
}

void MainWindow::updateStatus() {
    // The overall state, from core's one verdict over the project's problems (the Export page shows the same).
    const project::Readiness readiness = m_workspace.readiness();
    QString readinessIcon;
    QColor readinessColour = palette().color(QPalette::WindowText);
    switch (readiness.state) {
    case project::Readiness::State::Empty:
        m_readinessLabel->setText(tr("Nothing entered yet"));
        break;
    case project::Readiness::State::NotReady:
        m_readinessLabel->setText(tr("Not ready: %n error(s)", nullptr, readiness.errors));
        readinessIcon = severityIconPath(diagnostics::Severity::Error);
        readinessColour = stateColour(palette(), StateColour::Error);
        break;
    case project::Readiness::State::Ready:
        m_readinessLabel->setText(readiness.warnings > 0 ? tr("Ready, %n warning(s)", nullptr, readiness.warnings)
                                                         : tr("Ready"));
        readinessIcon = okIconPath();
        readinessColour = stateColour(palette(), StateColour::Ok);
        break;
    }
    QPalette readinessPalette = m_readinessLabel->palette();
    readinessPalette.setColor(QPalette::WindowText, readinessColour);
    m_readinessLabel->setPalette(readinessPalette);
    m_readinessLabel->setToolTip(readiness.summary);
    m_readinessLabel->setProperty("readinessState", static_cast<int>(readiness.state));
    m_readinessIcon->setPixmap(
        readinessIcon.isEmpty() ? QPixmap() : QIcon(readinessIcon).pixmap(QSize(16, 16), devicePixelRatioF()));
    m_readinessIcon->setToolTip(readiness.summary);

    const BudgetState state = budgetState();
    QColor colour;
    QString icon;
    QString tip;
    const auto& budget = m_workspace.derived().budget;
    const QLocale locale = numberLocale();
    switch (state) {
    case BudgetState::Fits:
        // Never green while an error stands elsewhere, nor for an empty project: the size alone is no verdict.
        colour = readiness.isReady() ? stateColour(palette(), StateColour::Ok) : palette().color(QPalette::WindowText);
        icon = readiness.isReady() ? okIconPath() : QString();
        tip = tr("The UUI header fits: %1 to spare.").arg(locale.toString(qlonglong(budget.remaining)));
        break;
    case BudgetState::Tight:
        colour = stateColour(palette(), StateColour::Warning);
        icon = severityIconPath(diagnostics::Severity::Warning);
        tip = tr("The UUI header fits, but only %1 remain.").arg(locale.toString(qlonglong(budget.remaining)));
        break;
    case BudgetState::Over:
        colour = stateColour(palette(), StateColour::Error);
        icon = severityIconPath(diagnostics::Severity::Error);
        tip = tr("The UUI header is %1 over the limit. The UUI header page lists the ways out.")
                  .arg(locale.toString(qlonglong(-budget.remaining)));
        break;
    case BudgetState::Unknown:
        colour = palette().color(QPalette::WindowText);
        break;
    }
    m_budgetLabel->setText(budgetSummary());
    QPalette labelPalette = m_budgetLabel->palette();
    labelPalette.setColor(QPalette::WindowText, colour);
    m_budgetLabel->setPalette(labelPalette);
    m_budgetLabel->setToolTip(tip);
    m_budgetLabel->setProperty("budgetState", static_cast<int>(state));
    m_budgetIcon->setPixmap(icon.isEmpty() ? QPixmap() : QIcon(icon).pixmap(QSize(16, 16), devicePixelRatioF()));
    m_budgetIcon->setToolTip(tip);

    const bool persistent = m_workspace.secretStore().isPersistent();
    if (!m_workspace.hasKey()) {
        m_keyStatus->setText(tr("No private key"));
    } else {
        m_keyStatus->setText(persistent ? tr("Key in keychain") : tr("Key for this session only"));
    }
}

void MainWindow::updateKeyBanner() {
    QStringList lines;
    if (m_keychain && m_keychain->state() == KeychainSecretStore::State::Unavailable) {
        lines << m_keychain->unavailableReason();
    }
    if (!m_workspace.keyStoreMessage().isEmpty()) {
        lines << m_workspace.keyStoreMessage();
    }
    m_keyBannerText->setText(lines.join(u'\n'));
    QPalette bannerPalette = palette();
    const bool dark = isDarkPalette(bannerPalette);
    bannerPalette.setColor(QPalette::Window, dark ? QColor(0x4a, 0x3b, 0x0a) : QColor(0xff, 0xf4, 0xce));
    bannerPalette.setColor(QPalette::WindowText, dark ? QColor(0xff, 0xe8, 0xa3) : QColor(0x4a, 0x3b, 0x0a));
    m_keyBanner->setPalette(bannerPalette);
    // A dismissed message stays hidden until it changes.
    m_keyBanner->setVisible(!lines.isEmpty() && m_keyBannerText->text() != m_dismissedBanner);
    updateStatus();
}

void MainWindow::updateRecentMenu() {
    m_recentMenu->clear();
    const QStringList files = m_projects->recentFiles();
    for (int i = 0; i < files.size(); ++i) {
        const QString& file = files.at(i);
        // &1 ... &8 make them reachable from the keyboard.
        auto* action =
            m_recentMenu->addAction(tr("&%1 %2").arg(i + 1).arg(QFileInfo(file).fileName().replace(u'&', u"&&"_s)));
        action->setToolTip(QDir::toNativeSeparators(file));
        action->setStatusTip(QDir::toNativeSeparators(file));
        connect(action, &QAction::triggered, this, [this, file] { m_projects->openFile(file); });
    }
    if (files.isEmpty()) {
        QAction* none = m_recentMenu->addAction(tr("No recent projects"));
        none->setEnabled(false);
    } else {
        m_recentMenu->addSeparator();
        m_recentMenu->addAction(m_clearRecentAction);
    }
}

void MainWindow::showPreferences() {
    PreferencesDialog dialog(this);
    dialog.exec();
}

void MainWindow::showAbout() {
    QMessageBox::about(
        this, tr("About Handoff Studio"),
        tr("<h3>Handoff Studio %1</h3><p>Design, check and export the SIP handoff of live calls from Genesys Cloud "
           "to a Salesforce Agentforce Voice agent: org credentials, signed tokens, the User-to-User header and its "
           "size budget, and the Set UUI Data expression for Architect.</p><p>Private keys are kept in the system "
           "keychain or in memory, never in project files.</p>")
            .arg(QCoreApplication::applicationVersion()));
}

void MainWindow::closeEvent(QCloseEvent* event) {
    if (!m_projects->maybeSave()) {
        event->ignore();
        return;
    }
    m_projects->removeRecovery();
    writeSettings();
    event->accept();
}

void MainWindow::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
    } else if (event->type() == QEvent::PaletteChange) {
        updateStatus();
        updateKeyBanner();
    }
    QMainWindow::changeEvent(event);
}

bool MainWindow::eventFilter(QObject* watched, QEvent* event) {
    // Undo and redo in a field that edits the project go to the project's undo stack, so there is one history and
    // the Edit menu always tells the truth. Other text boxes (pasted tokens, scratch text) keep their own undo.
    if (event->type() == QEvent::ShortcutOverride) {
        auto* key = static_cast<QKeyEvent*>(event);
        if (key->matches(QKeySequence::Undo) || key->matches(QKeySequence::Redo)) {
            if (auto* widget = qobject_cast<QWidget*>(watched); widget && m_pageStack->isAncestorOf(widget)) {
                for (Page* p : std::as_const(m_pages)) {
                    if (p->isAncestorOf(widget) && p->isFieldWidget(widget)) {
                        event->ignore();
                        return true; // not accepted: the window's Undo/Redo shortcut fires
                    }
                }
            }
        }
    }
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::readSettings() {
    QSettings settings;
    if (!restoreGeometry(settings.value(kGeometryKey).toByteArray())) {
        // First start: a comfortable size within the screen, with the Problems dock a third of the height.
        const QRect available = screen() ? screen()->availableGeometry() : QRect(0, 0, 1280, 900);
        resize(std::min(1280, available.width() * 9 / 10), std::min(900, available.height() * 9 / 10));
    }
    if (!restoreState(settings.value(kStateKey).toByteArray())) {
        // Once the window has its size, give the Problems dock a fifth of it.
        QTimer::singleShot(0, this, [this] { resizeDocks({m_problems}, {height() / 5}, Qt::Vertical); });
    }
    showPage(settings.value(kPageKey).toString());
}

void MainWindow::writeSettings() const {
    QSettings settings;
    settings.setValue(kGeometryKey, saveGeometry());
    settings.setValue(kStateKey, saveState());
    if (Page* p = currentPage()) {
        settings.setValue(kPageKey, p->pageId());
    }
}

} // namespace handoff::shell
