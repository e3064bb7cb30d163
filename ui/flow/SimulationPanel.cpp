#include "flow/SimulationPanel.h"

#include "flow/SimulationRun.h"
#include "flow/TokenWindowChart.h"
#include "shell/StateColours.h"
#include "shell/Workspace.h"
#include "uui/SipHeaderBudget.h"
#include "widgets/DiagnosticList.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGridLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace handoff::flow {

namespace {

constexpr int kAdHoc = -1;
QString shortValue(const Value& v) {
    QString text = v.toDisplay();
    if (text.size() > 120) {
        text = text.left(100) + u"\u2026 ("_s + QString::number(text.size()) + u')';
    }
    return text;
}

QString utc(const QDateTime& t) {
    return t.toUTC().toString(u"yyyy-MM-dd HH:mm:ss 'UTC'"_s);
}

} // namespace

QDateTimeEdit* SimulationPanel::makeTimeEdit(QWidget* parent, const QString& objectName) {
    auto* edit = new QDateTimeEdit(parent);
    edit->setObjectName(objectName);
    edit->setTimeSpec(Qt::UTC);
    edit->setDisplayFormat(u"yyyy-MM-dd HH:mm:ss 'UTC'"_s);
    edit->setCalendarPopup(true);
    return edit;
}

SimulationPanel::SimulationPanel(shell::Workspace* workspace, QWidget* parent)
    : QWidget(parent)
    , m_workspace(workspace) {
    Q_ASSERT(m_workspace);
    setObjectName(u"simulationPanel"_s);
    buildUi();
    refreshScenarios();
    connect(m_workspace, &shell::Workspace::projectChanged, this, &SimulationPanel::onProjectChanged);
    connect(m_workspace, &shell::Workspace::projectReset, this, &SimulationPanel::onProjectReset);
    connect(m_workspace, &shell::Workspace::keyChanged, this, &SimulationPanel::onProjectChanged);
    connect(m_workspace, &shell::Workspace::keyChanged, this, &SimulationPanel::updateRehearsal);
    updateRehearsal();
    updateStatus();
    updateStepButtons();
}

SimulationPanel::~SimulationPanel() = default;

// ---- building ------------------------------------------------------------------------------------------------

void SimulationPanel::buildUi() {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    m_runAction = new QAction(tr("Run"), this);
    m_runAction->setObjectName(u"runAction"_s);
    m_runAction->setShortcut(QKeySequence(Qt::Key_F5));
    m_runAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_forwardAction = new QAction(tr("Step forward"), this);
    m_forwardAction->setObjectName(u"stepForwardAction"_s);
    m_forwardAction->setShortcut(QKeySequence(Qt::Key_F10));
    m_forwardAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_backAction = new QAction(tr("Step back"), this);
    m_backAction->setObjectName(u"stepBackAction"_s);
    m_backAction->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F10));
    m_backAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(m_runAction);
    addAction(m_forwardAction);
    addAction(m_backAction);
    connect(m_runAction, &QAction::triggered, this, [this] {
        switch (static_cast<Tab>(m_tabs->currentIndex())) {
        case Tab::Call:
            runCall();
            break;
        case Tab::Matrix:
            runMatrix();
            break;
        case Tab::Window:
            runWindow();
            break;
        }
    });
    connect(m_forwardAction, &QAction::triggered, this, &SimulationPanel::stepForward);
    connect(m_backAction, &QAction::triggered, this, &SimulationPanel::stepBack);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(u"simulationTabWidget"_s);
    m_tabs->addTab(buildCallTab(), tr("&Call"));
    m_tabs->addTab(buildMatrixTab(), tr("Outcome &matrix"));
    m_tabs->addTab(buildWindowTab(), tr("Time &window"));
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] { updateStatus(); });

    m_statusLabel = new QLabel(this);
    m_statusLabel->setObjectName(u"simulationStatusLabel"_s);
    m_statusLabel->setWordWrap(true);
    m_statusLabel->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_statusLabel->setContentsMargins(6, 2, 6, 2);

    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_statusLabel);
}

QWidget* SimulationPanel::buildCallTab() {
    auto* tab = new QWidget(this);
    tab->setObjectName(u"callTabWidget"_s);
    auto* layout = new QVBoxLayout(tab);

    // The call: a scenario, or the same fields edited into an ad-hoc call.
    auto* form = new QGridLayout();
    m_scenario = new QComboBox(tab);
    m_scenario->setObjectName(u"scenarioComboBox"_s);
    m_scenario->setToolTip(tr("A scenario of the project, or an ad-hoc call: changing a field below makes the call "
                              "ad hoc."));
    m_scenarioLabel = new QLabel(tr("&Scenario:"), tab);
    m_scenarioLabel->setBuddy(m_scenario);
    m_ani = new QLineEdit(tab);
    m_ani->setObjectName(u"aniLineEdit"_s);
    m_ani->setToolTip(tr("Call.Ani: the caller's address as Genesys delivers it, e.g. tel:+14155550100."));
    m_aniLabel = new QLabel(tr("Caller (&ANI):"), tab);
    m_aniLabel->setBuddy(m_ani);
    m_dialled = new QLineEdit(tab);
    m_dialled->setObjectName(u"dialledLineEdit"_s);
    m_dialled->setToolTip(tr("Call.CalledAddressOriginal: the number the caller dialled."));
    m_dialledLabel = new QLabel(tr("&Dialled number:"), tab);
    m_dialledLabel->setBuddy(m_dialled);
    m_outcome = new QComboBox(tab);
    m_outcome->setObjectName(u"outcomeComboBox"_s);
    m_outcome->addItem(tr("Success"), u"success"_s);
    m_outcome->addItem(tr("Failure"), u"failure"_s);
    m_outcome->addItem(tr("Timeout"), u"timeout"_s);
    m_outcome->setToolTip(tr("How the Call Data Action that creates the VoiceCall answers."));
    m_outcomeLabel = new QLabel(tr("Data acti&on:"), tab);
    m_outcomeLabel->setBuddy(m_outcome);
    m_transfer = new QComboBox(tab);
    m_transfer->setObjectName(u"transferComboBox"_s);
    m_transfer->addItem(tr("Accepted"), true);
    m_transfer->addItem(tr("Refused"), false);
    m_transfer->setToolTip(tr("Whether the far end accepts the Transfer to Number."));
    m_transferLabel = new QLabel(tr("&Transfer:"), tab);
    m_transferLabel->setBuddy(m_transfer);
    m_startNow = new QCheckBox(tr("Start &now"), tab);
    m_startNow->setObjectName(u"startNowCheckBox"_s);
    m_startNow->setChecked(true);
    m_startNow->setToolTip(tr("Start the call at the clock's current time; clear it to pick a start time (UTC)."));
    m_start = makeTimeEdit(tab, u"startDateTimeEdit"_s);
    m_start->setDateTime(m_workspace->clock().now());
    m_start->setEnabled(false);
    m_start->setToolTip(tr("The call's start time in UTC."));
    m_tokenAtStart = new QCheckBox(tr("Tok&en minted at the call's start"), tab);
    m_tokenAtStart->setObjectName(u"tokenAtCallStartCheckBox"_s);
    m_tokenAtStart->setChecked(true);
    m_tokenAtStart->setToolTip(tr("For a flow that reuses a pasted UUI token (supplied by the project): when it was "
                                  "minted. Clear it to pick the time (UTC), e.g. yesterday morning."));
    m_tokenIssued = makeTimeEdit(tab, u"tokenMintedDateTimeEdit"_s);
    m_tokenIssued->setDateTime(m_workspace->clock().now());
    m_tokenIssued->setEnabled(false);
    connect(m_tokenAtStart, &QCheckBox::toggled, m_tokenIssued,
            [this](bool atStart) { m_tokenIssued->setEnabled(!atStart); });
    m_rehearse = new QCheckBox(tr("Re&hearse on this computer"), tab);
    m_rehearse->setObjectName(u"rehearseCheckBox"_s);
    connect(m_rehearse, &QCheckBox::toggled, this, &SimulationPanel::updateRehearsal);

    form->addWidget(m_scenarioLabel, 0, 0);
    form->addWidget(m_scenario, 0, 1);
    form->addWidget(m_outcomeLabel, 0, 2);
    form->addWidget(m_outcome, 0, 3);
    form->addWidget(m_aniLabel, 1, 0);
    form->addWidget(m_ani, 1, 1);
    form->addWidget(m_transferLabel, 1, 2);
    form->addWidget(m_transfer, 1, 3);
    form->addWidget(m_dialledLabel, 2, 0);
    form->addWidget(m_dialled, 2, 1);
    form->addWidget(m_startNow, 2, 2);
    form->addWidget(m_start, 2, 3);
    form->addWidget(m_rehearse, 3, 0, 1, 2);
    form->addWidget(m_tokenAtStart, 3, 2);
    form->addWidget(m_tokenIssued, 3, 3);
    form->setColumnStretch(1, 3);
    form->setColumnStretch(3, 2);
    layout->addLayout(form);
    m_scenarioDescription = new QLabel(tab);
    m_scenarioDescription->setObjectName(u"scenarioDescriptionLabel"_s);
    m_scenarioDescription->setWordWrap(true);
    layout->addWidget(m_scenarioDescription);

    connect(m_scenario, &QComboBox::currentIndexChanged, this, [this] {
        if (m_filling) {
            return;
        }
        const int index = m_scenario->currentData().toInt();
        if (index >= 0 && index < m_scenarios.size()) {
            fillForm(m_scenarios.at(index));
            m_adHoc = false;
        } else {
            m_adHoc = true;
            m_scenarioDescription->setText(tr("An ad-hoc call: the fields above as they are now."));
        }
    });
    connect(m_ani, &QLineEdit::textEdited, this, &SimulationPanel::formEdited);
    connect(m_dialled, &QLineEdit::textEdited, this, &SimulationPanel::formEdited);
    connect(m_outcome, &QComboBox::currentIndexChanged, this, &SimulationPanel::formEdited);
    connect(m_transfer, &QComboBox::currentIndexChanged, this, &SimulationPanel::formEdited);
    connect(m_startNow, &QCheckBox::toggled, this, [this](bool now) {
        m_start->setEnabled(!now);
        formEdited();
    });
    connect(m_start, &QDateTimeEdit::dateTimeChanged, this, &SimulationPanel::formEdited);

    // Run and step.
    auto* buttons = new QHBoxLayout();
    m_run = new QPushButton(tr("&Run call"), tab);
    m_run->setObjectName(u"runCallPushButton"_s);
    m_run->setToolTip(tr("Run the call through the flow (F5)."));
    m_back = new QPushButton(tr("Step &back"), tab);
    m_back->setObjectName(u"stepBackPushButton"_s);
    m_back->setToolTip(tr("Go to the previous action of the call (Shift+F10)."));
    m_forward = new QPushButton(tr("Step &forward"), tab);
    m_forward->setObjectName(u"stepForwardPushButton"_s);
    m_forward->setToolTip(tr("Go to the next action of the call (F10)."));
    m_stepLabel = new QLabel(tab);
    m_stepLabel->setObjectName(u"stepLabel"_s);
    connect(m_run, &QPushButton::clicked, this, &SimulationPanel::runCall);
    connect(m_back, &QPushButton::clicked, this, &SimulationPanel::stepBack);
    connect(m_forward, &QPushButton::clicked, this, &SimulationPanel::stepForward);
    buttons->addWidget(m_run);
    buttons->addSpacing(12);
    buttons->addWidget(m_back);
    buttons->addWidget(m_forward);
    buttons->addWidget(m_stepLabel, 1);
    layout->addLayout(buttons);

    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);

    // Left: the trace and the current step; right: the watch and the INVITE.
    auto* columns = new QSplitter(Qt::Horizontal, tab);
    columns->setObjectName(u"callSplitter"_s);
    columns->setChildrenCollapsible(false);
    auto* left = new QSplitter(Qt::Vertical, columns);
    left->setChildrenCollapsible(false);
    m_traceTree = new QTreeWidget(left);
    m_traceTree->setObjectName(u"traceTreeWidget"_s);
    m_traceTree->setRootIsDecorated(false);
    m_traceTree->setUniformRowHeights(true);
    m_traceTree->setAlternatingRowColors(true);
    m_traceTree->setHeaderLabels({tr("#"), tr("Action"), tr("Kind"), tr("Path"), tr("What happened")});
    m_traceTree->setAccessibleName(tr("Trace"));
    m_traceTree->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_traceTree->header()->setStretchLastSection(true);
    connect(m_traceTree, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem* item) {
        if (m_filling || !item) {
            return;
        }
        setCurrentStep(m_traceTree->indexOfTopLevelItem(item));
    });
    auto* stepBox = new QWidget(left);
    auto* stepLayout = new QVBoxLayout(stepBox);
    stepLayout->setContentsMargins(0, 0, 0, 0);
    m_stepDetails = new QPlainTextEdit(stepBox);
    m_stepDetails->setObjectName(u"stepDetailsPlainTextEdit"_s);
    m_stepDetails->setReadOnly(true);
    m_stepDetails->setAccessibleName(tr("Current step"));
    m_stepDetails->setFont(mono);
    m_problems = new widgets::DiagnosticList(stepBox);
    m_problems->setObjectName(u"callProblemsList"_s);
    m_problems->setEmptyText(tr("The call met no problems."));
    m_problems->setVisibleRows(3);
    m_problems->setAccessibleName(tr("Problems of the call"));
    connect(m_problems, &widgets::DiagnosticList::diagnosticActivated, this, [this](const diagnostics::Diagnostic& d) {
        if (!m_trace || d.where.actionId.isEmpty()) {
            return;
        }
        for (int i = int(m_trace->steps.size()) - 1; i >= 0; --i) {
            if (m_trace->steps.at(i).actionId == d.where.actionId) {
                setCurrentStep(i);
                return;
            }
        }
    });
    stepLayout->addWidget(m_stepDetails, 1);
    stepLayout->addWidget(m_problems);

    auto* right = new QSplitter(Qt::Vertical, columns);
    right->setChildrenCollapsible(false);
    auto* watchBox = new QWidget(right);
    auto* watchLayout = new QVBoxLayout(watchBox);
    watchLayout->setContentsMargins(0, 0, 0, 0);
    m_watch = new QTreeWidget(watchBox);
    m_watch->setObjectName(u"watchTreeWidget"_s);
    m_watch->setRootIsDecorated(false);
    m_watch->setUniformRowHeights(true);
    m_watch->setHeaderLabels({tr("Variable"), tr("Value")});
    m_watch->setAccessibleName(tr("Variable watch"));
    m_watch->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_watchLabel = new QLabel(tr("&Variables at the current step:"), watchBox);
    m_watchLabel->setBuddy(m_watch);
    watchLayout->addWidget(m_watchLabel);
    watchLayout->addWidget(m_watch, 1);
    auto* inviteBox = new QWidget(right);
    auto* inviteLayout = new QVBoxLayout(inviteBox);
    inviteLayout->setContentsMargins(0, 0, 0, 0);
    m_invite = new QPlainTextEdit(inviteBox);
    m_invite->setObjectName(u"invitePlainTextEdit"_s);
    m_invite->setReadOnly(true);
    m_invite->setFont(mono);
    m_invite->setAccessibleName(tr("SIP INVITE"));
    m_inviteLabel = new QLabel(tr("SIP &INVITE and its UUI:"), inviteBox);
    m_inviteLabel->setBuddy(m_invite);
    inviteLayout->addWidget(m_inviteLabel);
    inviteLayout->addWidget(m_invite, 1);
    columns->setStretchFactor(0, 3);
    columns->setStretchFactor(1, 2);
    layout->addWidget(columns, 1);
    return tab;
}

void SimulationPanel::showTab(Tab tab) {
    m_tabs->setCurrentIndex(static_cast<int>(tab));
}

// ---- the call form ---------------------------------------------------------------------------------------------

void SimulationPanel::refreshScenarios() {
    const QList<Scenario>& scenarios = m_workspace->project().scenarios;
    if (scenarios == m_scenarios && m_scenario->count() == scenarios.size() + 1) {
        return;
    }
    const QString previous = m_adHoc ? QString() : m_scenario->currentText();
    m_scenarios = scenarios;
    m_filling = true;
    m_scenario->clear();
    for (qsizetype i = 0; i < m_scenarios.size(); ++i) {
        m_scenario->addItem(m_scenarios.at(i).name, int(i));
        if (!m_scenarios.at(i).description.isEmpty()) {
            m_scenario->setItemData(int(i), m_scenarios.at(i).description, Qt::ToolTipRole);
        }
    }
    m_scenario->addItem(tr("Ad-hoc call"), kAdHoc);
    m_filling = false;
    int index = previous.isEmpty() ? -1 : m_scenario->findText(previous);
    if (m_adHoc) {
        index = m_scenario->count() - 1;
    } else if (index < 0) {
        index = m_scenarios.isEmpty() ? m_scenario->count() - 1 : 0;
    }
    m_filling = true;
    m_scenario->setCurrentIndex(index);
    m_filling = false;
    const int selected = m_scenario->currentData().toInt();
    if (selected >= 0 && selected < m_scenarios.size()) {
        fillForm(m_scenarios.at(selected));
        m_adHoc = false;
    } else {
        if (!m_adHoc) {
            fillForm(Scenario{});
        }
        m_adHoc = true;
    }
}

void SimulationPanel::fillForm(const Scenario& scenario) {
    m_filling = true;
    m_scenarioDescription->setText(scenario.description);
    m_ani->setText(scenario.call.ani);
    m_dialled->setText(scenario.call.dialledNumber);
    const QString outcome = scenario.dataAction ? outcomeKey(scenario.dataAction) : u"success"_s;
    m_outcome->setCurrentIndex(std::max(0, m_outcome->findData(outcome)));
    m_transfer->setCurrentIndex(scenario.transferAccepted ? 0 : 1);
    m_startNow->setChecked(scenario.call.startTime.isNull());
    m_start->setEnabled(!m_startNow->isChecked());
    if (!scenario.call.startTime.isNull()) {
        m_start->setDateTime(scenario.call.startTime.toUTC());
    }
    m_filling = false;
}

void SimulationPanel::formEdited() {
    if (m_filling || m_adHoc) {
        return;
    }
    m_adHoc = true;
    m_filling = true;
    m_scenario->setCurrentIndex(m_scenario->count() - 1);
    m_filling = false;
    m_scenarioDescription->setText(tr("An ad-hoc call: the fields above as they are now."));
}

bool SimulationPanel::selectScenario(const QString& name) {
    const int index = m_scenario->findText(name);
    if (index < 0 || m_scenario->itemData(index).toInt() == kAdHoc) {
        return false;
    }
    m_scenario->setCurrentIndex(index);
    return true;
}

bool SimulationPanel::isAdHoc() const {
    return m_adHoc;
}

Scenario SimulationPanel::formCall() const {
    Scenario s;
    const int index = m_scenario->currentData().toInt();
    if (!m_adHoc && index >= 0 && index < m_scenarios.size()) {
        s = m_scenarios.at(index);
    } else {
        s.name = QString();
        s.call.ani = m_ani->text().trimmed();
        s.call.dialledNumber = m_dialled->text().trimmed();
        std::optional<telephony::CallOutcome> outcome;
        if (outcomeFromKey(m_outcome->currentData().toString(), outcome)) {
            s.dataAction = outcome;
        }
        s.transferAccepted = m_transfer->currentData().toBool();
        s.call.startTime = m_startNow->isChecked() ? QDateTime() : m_start->dateTime().toUTC();
    }
    return s;
}

SimulationContext SimulationPanel::context() const {
    return panelContext(m_workspace->project(), m_workspace->hasKey() ? &m_workspace->key() : nullptr);
}

// ---- running ---------------------------------------------------------------------------------------------------

bool SimulationPanel::runCall() {
    showTab(Tab::Call);
    const project::Project& project = m_workspace->project();
    if (project.flow.isEmpty()) {
        m_trace.reset();
        m_stale = false;
        showTrace();
        m_statusLabel->setText(tr("The project has no flow yet: build one on the Flow page, then run the call."));
        return false;
    }
    SimulationContext c = context();
    if (!m_tokenAtStart->isChecked()) {
        c.tokens.issuedAt = m_tokenIssued->dateTime().toUTC(); // `flow simulate --token-issued-at`
    }
    if (isRehearsal()) {
        QString why;
        if (!canRehearse(&why)) {
            m_statusLabel->setText(why);
            return false;
        }
        if (m_rehearsing) {
            return false; // a second F5 while the emulator answers in its local event loop
        }
        // The emulator answers in a local event loop, where input and edits are still delivered: run what the
        // project is now, and let a change made meanwhile mark the result out of date.
        const project::Project ran = project;
        m_rehearsing = true;
        m_run->setEnabled(false);
        m_runAction->setEnabled(false);
        m_stale = false;
        QGuiApplication::setOverrideCursor(Qt::WaitCursor);
        auto rehearsed = rehearseCall(ran, formCall(), c, m_workspace->clock(), m_workspace->key());
        QGuiApplication::restoreOverrideCursor();
        m_run->setEnabled(true);
        m_runAction->setEnabled(true);
        m_rehearsing = false;
        if (!rehearsed) {
            m_statusLabel->setText(
                tr("The rehearsal could not start: %1 (%2)").arg(rehearsed.error().message, rehearsed.error().code));
            return false;
        }
        const bool changedMeanwhile = m_stale;
        m_trace = std::move(rehearsed->trace);
        m_rehearsedAt =
            tr("voiceCalls emulator at %1, SIP stand-in at %2").arg(rehearsed->voiceCallsUrl, rehearsed->sipUri);
        m_traceFlow = ran.flow;
        m_stale = changedMeanwhile;
    } else {
        m_trace = runScenarioCall(project, formCall(), c, m_workspace->clock());
        m_rehearsedAt.clear();
        m_traceFlow = project.flow; // the watch reads the variables of the flow that ran, even after an edit
        m_stale = false;
    }
    showTrace();
    Q_EMIT pathChanged(pathOf(*m_trace));
    setCurrentStep(m_trace->steps.isEmpty() ? -1 : 0);
    updateStatus();
    return true;
}

void SimulationPanel::setRehearsal(bool live) {
    m_rehearse->setChecked(live);
}

bool SimulationPanel::isRehearsal() const {
    return m_rehearse->isChecked();
}

bool SimulationPanel::canRehearse(QString* why) const {
    if (!m_workspace->hasKey()) {
        if (why) {
            *why = tr("The rehearsal signs the API and UUI tokens with the project's private key: load it on Org & "
                      "credentials first.");
        }
        return false;
    }
    return true;
}

// The rehearsal answers the data action and the transfer itself: the form's scripted answers do not apply.
void SimulationPanel::updateRehearsal() {
    QString why;
    const bool can = canRehearse(&why);
    m_rehearse->setToolTip(
        can ? tr("Run the call against the built-in voiceCalls emulator and send the INVITE over real SIP to its "
                 "Agentforce Voice stand-in on 127.0.0.1 (as 'handoff flow simulate --live-emulator'): the trace "
                 "shows what the stand-in answered and why. The scripted data action and transfer answers do not "
                 "apply.")
            : why);
    const bool live = m_rehearse->isChecked();
    m_outcome->setEnabled(!live);
    m_outcomeLabel->setEnabled(!live);
    m_transfer->setEnabled(!live);
    m_transferLabel->setEnabled(!live);
}

// ---- stepping --------------------------------------------------------------------------------------------------

void SimulationPanel::setCurrentStep(int index) {
    const int count = m_trace ? int(m_trace->steps.size()) : 0;
    const int step = count == 0 ? -1 : std::clamp(index, -1, count - 1);
    m_step = step;
    m_filling = true;
    if (step >= 0) {
        m_traceTree->setCurrentItem(m_traceTree->topLevelItem(step));
        m_traceTree->scrollToItem(m_traceTree->topLevelItem(step));
    } else {
        m_traceTree->setCurrentItem(nullptr);
    }
    m_filling = false;
    showStep();
    showWatch();
    showInvite();
    updateStepButtons();
    emitCurrentAction();
}

void SimulationPanel::stepForward() {
    if (m_trace && m_step + 1 < m_trace->steps.size()) {
        setCurrentStep(m_step + 1);
    }
}

void SimulationPanel::stepBack() {
    if (m_trace && m_step >= 0) {
        setCurrentStep(m_step - 1);
    }
}

QString SimulationPanel::currentActionId() const {
    if (!m_trace || m_step < 0 || m_step >= m_trace->steps.size()) {
        return {};
    }
    return m_trace->steps.at(m_step).actionId;
}

void SimulationPanel::emitCurrentAction() {
    const QString id = currentActionId();
    if (id != m_emittedAction) {
        m_emittedAction = id;
        Q_EMIT currentActionChanged(id);
    }
}

void SimulationPanel::updateStepButtons() {
    const int count = m_trace ? int(m_trace->steps.size()) : 0;
    m_back->setEnabled(count > 0 && m_step >= 0);
    m_forward->setEnabled(count > 0 && m_step + 1 < count);
    m_backAction->setEnabled(m_back->isEnabled());
    m_forwardAction->setEnabled(m_forward->isEnabled());
    if (count == 0) {
        m_stepLabel->setText(m_trace ? tr("The call ran no action.") : tr("Not run yet."));
    } else if (m_step < 0) {
        m_stepLabel->setText(tr("Before the first action (%1 actions in the trace).").arg(count));
    } else {
        m_stepLabel->setText(tr("Step %1 of %2: %3").arg(m_step + 1).arg(count).arg(currentActionId()));
    }
}

// ---- showing ---------------------------------------------------------------------------------------------------

void SimulationPanel::showTrace() {
    m_filling = true;
    m_traceTree->clear();
    if (m_trace) {
        for (const TraceStep& s : m_trace->steps) {
            auto* item = new QTreeWidgetItem(m_traceTree);
            item->setText(0, QString::number(s.number));
            item->setText(1, s.actionId);
            item->setText(2, actionKindName(s.kind));
            item->setText(3, s.path.isEmpty() ? tr("(ends)") : s.path);
            item->setText(4, s.note);
            item->setToolTip(4, s.note);
            item->setData(1, Qt::UserRole, s.actionId);
            if (diagnostics::hasErrors(s.diagnostics)) {
                item->setForeground(4, shell::stateColour(palette(), shell::StateColour::Error));
            }
        }
        // Located by action, not by a line and column of a text this panel does not show.
        diagnostics::Diagnostics shown = m_trace->diagnostics;
        for (diagnostics::Diagnostic& d : shown) {
            d.where.line = 0;
            d.where.column = 0;
            if (!d.where.actionId.isEmpty()) {
                d.message = d.where.actionId + u": "_s + d.message;
            }
        }
        m_problems->setDiagnostics(shown);
    } else {
        m_problems->setDiagnostics({});
    }
    m_filling = false;
    m_step = -1;
    showStep();
    showWatch();
    showInvite();
    updateStepButtons();
    emitCurrentAction();
}

void SimulationPanel::showStep() {
    if (!m_trace) {
        m_stepDetails->setPlainText(tr("Pick a scenario or describe a call above, then run it (F5)."));
        return;
    }
    QStringList lines;
    const Trace& t = *m_trace;
    lines << tr("Call %1 from %2 to %3 at %4")
                 .arg(t.call.conversationId, t.call.ani, t.call.dialledNumber, utc(t.call.startTime));
    if (m_step < 0) {
        lines << tr("Before the first action. Step forward (F10) to follow the call.");
        m_stepDetails->setPlainText(lines.join(u'\n'));
        return;
    }
    const TraceStep& s = t.steps.at(m_step);
    lines << QString();
    lines << tr("%1. %2 [%3]").arg(s.number).arg(s.actionId, actionKindName(s.kind)) +
                 (s.path.isEmpty() ? QString() : u"  -> "_s + s.path);
    if (!s.actionName.isEmpty() && s.actionName != s.actionId) {
        lines << tr("   name: %1").arg(s.actionName);
    }
    if (!s.note.isEmpty()) {
        lines << u"   "_s + s.note;
    }
    for (const auto& [name, value] : s.inputs) {
        lines << tr("   in  %1 = %2").arg(name, shortValue(value));
    }
    for (const auto& [name, value] : s.outputs) {
        lines << tr("   out %1 = %2").arg(name, shortValue(value));
    }
    for (const VariableChange& c : s.changes) {
        lines << tr("   set %1: %2 -> %3").arg(c.name, shortValue(c.before), shortValue(c.after));
    }
    if (s.uui && !s.uui->json.isEmpty()) {
        lines << tr("   UUI %1").arg(QString::fromUtf8(s.uui->json));
        lines << tr("   budget: %1 of %2 characters (%3), %4")
                     .arg(s.uui->budget.measured)
                     .arg(s.uui->budget.limit)
                     .arg(uui::limitAppliesToName(s.uui->budget.limitAppliesTo),
                          s.uui->budget.fits() ? tr("fits") : tr("over by %1").arg(-s.uui->budget.remaining));
    }
    if (s.answer) {
        lines << tr("   Far end over SIP: %1 %2")
                     .arg(s.answer->sipStatus ? QString::number(s.answer->sipStatus) : tr("no answer"),
                          s.answer->reason);
        for (const QString& note : s.answer->notes) {
            lines << u"     "_s + note;
        }
    }
    for (const diagnostics::Diagnostic& d : s.diagnostics) {
        lines << u"   %1 %2: %3"_s.arg(diagnostics::severityName(d.severity), d.code, d.message);
    }
    if (m_step + 1 == t.steps.size()) {
        lines << QString()
              << tr("End: %1 at %2 after %3 actions.").arg(endStateKey(t.end), t.endActionId).arg(t.actionsRun);
        if (t.postFlow) {
            lines << tr("When the Agentforce agent hangs up: the %1 goes to %2 \"%3\", invocation data %4.")
                         .arg(t.postFlow->target == PostFlowTarget::Caller ? tr("caller") : tr("agent"),
                              t.postFlow->flowType, t.postFlow->flowName, shortValue(t.postFlow->invocationData));
        }
    }
    m_stepDetails->setPlainText(lines.join(u'\n'));
}

void SimulationPanel::showWatch() {
    m_watch->clear();
    if (!m_trace) {
        return;
    }
    QFont bold = m_watch->font();
    bold.setBold(true);
    for (const WatchEntry& e : watchAt(m_traceFlow, *m_trace, m_step)) {
        auto* item = new QTreeWidgetItem(m_watch);
        item->setText(0, e.name);
        if (e.value) {
            item->setText(1, shortValue(*e.value));
            item->setToolTip(1, e.value->toDisplay());
        } else {
            item->setText(1, tr("(the project's UUI token, supplied at the call's start)"));
        }
        item->setData(0, Qt::UserRole, e.name);
        if (e.changedHere) {
            item->setFont(0, bold);
            item->setFont(1, bold);
            item->setText(0, e.name + tr(" (changed)"));
        }
    }
}

void SimulationPanel::showInvite() {
    if (!m_trace) {
        m_invite->clear();
        return;
    }
    const int at = inviteStepIndex(*m_trace);
    if (at < 0) {
        m_invite->setPlainText(tr("This call sent no SIP INVITE: it ended (%1) at %2 before any Transfer to Number.")
                                   .arg(endStateKey(m_trace->end), m_trace->endActionId));
        return;
    }
    const TraceStep& step = m_trace->steps.at(at);
    const SipInvite& invite = *step.invite;
    QStringList lines;
    if (m_step < at) {
        lines << tr("Not sent yet at the current step: the call sends it at step %1 (%2).")
                     .arg(step.number)
                     .arg(step.actionId);
    } else if (step.answer && !step.answer->sent.isEmpty()) {
        lines << tr("Sent at step %1 (%2) over SIP to the stand-in; the bytes that went out are below the UUI:")
                     .arg(step.number)
                     .arg(step.actionId);
    } else {
        lines << tr("Sent at step %1 (%2), as the trunk writes it (the SDP body left out):")
                     .arg(step.number)
                     .arg(step.actionId);
    }
    lines << QString();
    if (!invite.hasUui) {
        lines << tr("The INVITE carries no User-to-User header: Salesforce cannot authenticate the call.");
    } else if (const auto decoded = decodeInviteUui(invite)) {
        if (decoded->read.ok) {
            lines << tr("%1 read back (%2): %3 bytes of UUI, %4 of %5 characters counted (%6).")
                         .arg(decoded->headerName, decoded->read.form())
                         .arg(decoded->json.size())
                         .arg(invite.measured)
                         .arg(invite.limit)
                         .arg(invite.uuiFits ? tr("fits") : tr("does not fit"));
            lines << (decoded->prettyJson.isEmpty() ? QString::fromUtf8(decoded->json)
                                                    : QString::fromUtf8(decoded->prettyJson).trimmed());
        } else {
            lines << tr("%1 cannot be read back: %2 %3")
                         .arg(decoded->headerName, decoded->read.errorCode, decoded->read.error);
        }
    }
    // The decoded UUI first (what Salesforce reads), then the request as on the wire.
    if (step.answer && !step.answer->sent.isEmpty() && m_step >= at) {
        // Rehearsed: the bytes that went out (with the SDP) and the stand-in's final response.
        lines << QString() << tr("The INVITE as sent over SIP (%1 bytes):").arg(step.answer->sent.size());
        lines << QString::fromUtf8(step.answer->sent).remove(u'\r').trimmed();
        lines << QString() << tr("The stand-in's final response:");
        lines << (step.answer->received.isEmpty() ? tr("(none)")
                                                  : QString::fromUtf8(step.answer->received).remove(u'\r').trimmed());
    } else {
        lines << QString() << tr("The INVITE:") << invite.requestLine;
        lines << invite.headers;
    }
    m_invite->setPlainText(lines.join(u'\n'));
}

void SimulationPanel::updateStatus() {
    QString text;
    if (m_stale) {
        text = tr("The project changed after this run: run again (F5) to see the current flow.");
    } else if (m_tabs->currentIndex() == int(Tab::Call) && m_trace) {
        const Trace& t = *m_trace;
        switch (t.end) {
        case EndState::Transferred:
            text = tr("The call reached the Agentforce Voice agent (transfer at %1).").arg(t.endActionId);
            break;
        case EndState::Disconnected:
            text = tr("The flow disconnected the call at %1.").arg(t.endActionId);
            break;
        case EndState::FlowError:
            text = tr("The flow could not go on at %1: Architect's error handling takes the call.").arg(t.endActionId);
            break;
        case EndState::ActionLimit:
            text = tr("The call ran into the limit of %1 actions.").arg(Flow::kActionLimit);
            break;
        }
        if (!m_rehearsedAt.isEmpty()) {
            text += u' ' + tr("Rehearsed on this computer: %1.").arg(m_rehearsedAt);
        }
    } else if (m_tabs->currentIndex() == int(Tab::Matrix) && m_matrix) {
        text = m_matrix->ok() ? tr("The matrix found no problem.") : tr("The matrix found problems: see the verdicts.");
    } else if (m_tabs->currentIndex() == int(Tab::Window) && m_window) {
        text = m_window->ok() ? tr("Every call of the window reached the agent.")
                              : tr("Transfers fail within the window: see the chart.");
    }
    m_statusLabel->setText(text);
}

// ---- the project changed -----------------------------------------------------------------------------------

void SimulationPanel::onProjectChanged() {
    refreshScenarios();
    if (m_trace || m_matrix || m_window) {
        m_stale = true;
        updateStatus();
    }
}

void SimulationPanel::onProjectReset() {
    m_adHoc = false;
    m_rehearsedAt.clear();
    setRehearsal(false); // another project: the admin chooses again (its key may not be loaded)
    m_scenarios.clear();
    refreshScenarios();
    m_trace.reset();
    m_matrix.reset();
    m_window.reset();
    m_stale = false;
    showTrace();
    showMatrix();
    m_chart->clear();
    updateStatus();
    Q_EMIT pathChanged({});
}

} // namespace handoff::flow
