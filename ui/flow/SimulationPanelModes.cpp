// The simulation view's outcome matrix and time window tabs (building, running, showing); the Call tab, stepping
// and the shared state are in SimulationPanel.cpp.
#include "flow/SimulationPanel.h"
#include "flow/SimulationRun.h"
#include "flow/TokenWindowChart.h"
#include "shell/StateColours.h"
#include "shell/Workspace.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace handoff::flow {

namespace {
// The window runs on the GUI thread: at most this many calls (a few seconds in a debug build), more is refused with
// the reason and the command line's `flow window` named.
constexpr qint64 kMaxWindowCalls = 10000;
} // namespace

QWidget* SimulationPanel::buildMatrixTab() {
    auto* tab = new QWidget(this);
    tab->setObjectName(u"matrixTabWidget"_s);
    auto* layout = new QVBoxLayout(tab);
    auto* top = new QHBoxLayout();
    m_runMatrix = new QPushButton(tr("&Run matrix"), tab);
    m_runMatrix->setObjectName(u"runMatrixPushButton"_s);
    m_runMatrix->setToolTip(tr("Run one call for every data-action outcome and transfer outcome (F5). The calls "
                               "start at the Call tab's start time. Enter on a row runs its call on the Call tab, "
                               "to step through it."));
    connect(m_runMatrix, &QPushButton::clicked, this, &SimulationPanel::runMatrix);
    m_matrixSummary = new QLabel(tab);
    m_matrixSummary->setObjectName(u"matrixSummaryLabel"_s);
    m_matrixSummary->setWordWrap(true);
    top->addWidget(m_runMatrix);
    top->addWidget(m_matrixSummary, 1);
    layout->addLayout(top);
    m_matrixTable = new QTableWidget(0, 5, tab);
    m_matrixTable->setObjectName(u"matrixTableWidget"_s);
    m_matrixTable->setHorizontalHeaderLabels({tr("Data action"), tr("Transfer"), tr("End"), tr("At"), tr("Verdict")});
    m_matrixTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_matrixTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_matrixTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_matrixTable->verticalHeader()->setVisible(false);
    m_matrixTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_matrixTable->horizontalHeader()->setStretchLastSection(true);
    m_matrixTable->setWordWrap(false);
    m_matrixTable->setAccessibleName(tr("Outcome matrix"));
    connect(m_matrixTable, &QTableWidget::cellActivated, this, [this](int row) { runMatrixRowCall(row); });
    connect(m_matrixTable, &QTableWidget::currentCellChanged, this, [this](int row) {
        if (m_filling || !m_matrix || row < 0 || row >= m_matrix->rows.size()) {
            return;
        }
        const QStringList& path = m_matrix->rows.at(row).path;
        m_matrixPath->setText(tr("Path of this row: %1").arg(path.join(u" \u2192 "_s)));
        Q_EMIT pathChanged(path);
    });
    layout->addWidget(m_matrixTable, 1);
    m_matrixPath = new QLabel(tab);
    m_matrixPath->setObjectName(u"matrixPathLabel"_s);
    m_matrixPath->setWordWrap(true);
    m_matrixPath->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    layout->addWidget(m_matrixPath);
    return tab;
}

QWidget* SimulationPanel::buildWindowTab() {
    auto* tab = new QWidget(this);
    tab->setObjectName(u"windowTabWidget"_s);
    auto* layout = new QVBoxLayout(tab);
    auto* form = new QGridLayout();
    m_hours = new QSpinBox(tab);
    m_hours->setObjectName(u"windowHoursSpinBox"_s);
    m_hours->setRange(1, 24 * 366);
    m_hours->setValue(48);
    m_hoursLabel = new QLabel(tr("&Hours:"), tab);
    m_hoursLabel->setBuddy(m_hours);
    m_perHour = new QSpinBox(tab);
    m_perHour->setObjectName(u"windowCallsPerHourSpinBox"_s);
    m_perHour->setRange(1, 3600);
    m_perHour->setValue(10);
    m_perHourLabel = new QLabel(tr("Calls &per hour:"), tab);
    m_perHourLabel->setBuddy(m_perHour);
    m_windowStartNow = new QCheckBox(tr("Start n&ow"), tab);
    m_windowStartNow->setObjectName(u"windowStartNowCheckBox"_s);
    m_windowStartNow->setChecked(true);
    m_windowStart = makeTimeEdit(tab, u"windowStartDateTimeEdit"_s);
    m_windowStart->setDateTime(m_workspace->clock().now());
    m_windowStart->setEnabled(false);
    connect(m_windowStartNow, &QCheckBox::toggled, m_windowStart,
            [this](bool now) { m_windowStart->setEnabled(!now); });
    m_supply = new QComboBox(tab);
    m_supply->setObjectName(u"tokenSupplyComboBox"_s);
    m_supply->addItem(tr("Minted once and reused"), u"reused"_s);
    m_supply->addItem(tr("Minted for every call"), u"perCall"_s);
    m_supply->setToolTip(tr("How a token the flow takes from the project reaches it: pasted once and reused until it "
                            "expires, or minted fresh per call."));
    m_supplyLabel = new QLabel(tr("UUI &token:"), tab);
    m_supplyLabel->setBuddy(m_supply);
    m_issuedAtStart = new QCheckBox(tr("Minted at the window's &start"), tab);
    m_issuedAtStart->setObjectName(u"issuedAtStartCheckBox"_s);
    m_issuedAtStart->setChecked(true);
    m_issuedAt = makeTimeEdit(tab, u"tokenIssuedDateTimeEdit"_s);
    m_issuedAt->setDateTime(m_workspace->clock().now());
    m_issuedAt->setEnabled(false);
    connect(m_issuedAtStart, &QCheckBox::toggled, m_issuedAt,
            [this](bool atStart) { m_issuedAt->setEnabled(!atStart); });
    m_refresh = new QSpinBox(tab);
    m_refresh->setObjectName(u"refreshHoursSpinBox"_s);
    m_refresh->setRange(0, 24 * 366);
    m_refresh->setSpecialValueText(tr("never"));
    m_refresh->setSuffix(tr(" h"));
    m_refresh->setToolTip(tr("Mint the reused token again this often."));
    m_refreshLabel = new QLabel(tr("Mint a&gain every:"), tab);
    m_refreshLabel->setBuddy(m_refresh);
    connect(m_supply, &QComboBox::currentIndexChanged, this, [this] {
        const bool reused = m_supply->currentData().toString() == u"reused"_s;
        m_issuedAtStart->setEnabled(reused);
        m_issuedAt->setEnabled(reused && !m_issuedAtStart->isChecked());
        m_refresh->setEnabled(reused);
    });
    m_runWindow = new QPushButton(tr("&Run window"), tab);
    m_runWindow->setObjectName(u"runWindowPushButton"_s);
    m_runWindow->setToolTip(tr("Spread scripted calls over the hours and chart when transfers start failing (F5)."));
    connect(m_runWindow, &QPushButton::clicked, this, &SimulationPanel::runWindow);

    // The options in a column on the left, the chart beside them: the panel sits below the canvas, wide and low.
    form->addWidget(m_hoursLabel, 0, 0);
    form->addWidget(m_hours, 0, 1);
    form->addWidget(m_perHourLabel, 1, 0);
    form->addWidget(m_perHour, 1, 1);
    form->addWidget(m_windowStartNow, 2, 0, 1, 2);
    form->addWidget(m_windowStart, 3, 0, 1, 2);
    form->addWidget(m_supplyLabel, 4, 0);
    form->addWidget(m_supply, 4, 1);
    form->addWidget(m_refreshLabel, 5, 0);
    form->addWidget(m_refresh, 5, 1);
    form->addWidget(m_issuedAtStart, 6, 0, 1, 2);
    form->addWidget(m_issuedAt, 7, 0, 1, 2);
    form->addWidget(m_runWindow, 8, 0, 1, 2);
    form->setRowStretch(9, 1);
    auto* row = new QHBoxLayout();
    row->addLayout(form);
    m_chart = new TokenWindowChart(tab);
    row->addWidget(m_chart, 1);
    layout->addLayout(row, 1);
    return tab;
}

// ---- running ---------------------------------------------------------------------------------------------------

bool SimulationPanel::runMatrix() {
    showTab(Tab::Matrix);
    const project::Project& project = m_workspace->project();
    if (project.flow.isEmpty()) {
        m_matrix.reset();
        showMatrix();
        m_statusLabel->setText(tr("The project has no flow yet: build one on the Flow page, then run the matrix."));
        return false;
    }
    SimulatedCall call;
    if (!m_startNow->isChecked()) {
        call.startTime = m_start->dateTime().toUTC();
    }
    m_matrix = flow::runMatrix(project.flow, context(), m_workspace->clock(), call);
    m_stale = false;
    showMatrix();
    updateStatus();
    return true;
}

void SimulationPanel::selectMatrixRow(int row) {
    if (m_matrix && row >= 0 && row < m_matrix->rows.size()) {
        m_matrixTable->setCurrentCell(row, 0);
    }
}

bool SimulationPanel::runMatrixRowCall(int row) {
    if (!m_matrix || row < 0 || row >= m_matrix->rows.size()) {
        return false;
    }
    const MatrixRow& r = m_matrix->rows.at(row);
    // The row's combination as an ad-hoc call: the matrix's calls are the default call at the form's start time,
    // scripted (a rehearsal would have the emulator and the stand-in answer, not the row's outcomes).
    setRehearsal(false);
    const Scenario defaults;
    m_filling = true;
    m_ani->setText(defaults.call.ani);
    m_dialled->setText(defaults.call.dialledNumber);
    m_outcome->setCurrentIndex(std::max(0, m_outcome->findData(telephony::callOutcomeName(r.dataAction))));
    m_transfer->setCurrentIndex(r.transferAccepted ? 0 : 1);
    m_filling = false;
    m_adHoc = false;
    formEdited();
    return runCall();
}

WindowOptions SimulationPanel::windowOptions() const {
    WindowOptions options;
    options.hours = m_hours->value();
    options.callsPerHour = m_perHour->value();
    if (!m_windowStartNow->isChecked()) {
        options.start = m_windowStart->dateTime().toUTC();
    }
    return options;
}

TokenSupply SimulationPanel::windowTokenSupply() const {
    TokenSupply supply = context().tokens;
    if (m_supply->currentData().toString() == u"perCall"_s) {
        supply.mode = TokenSupply::Mode::PerCall;
    } else {
        supply.mode = TokenSupply::Mode::Reused;
        if (!m_issuedAtStart->isChecked()) {
            supply.issuedAt = m_issuedAt->dateTime().toUTC();
        }
        supply.refreshSeconds = qint64(m_refresh->value()) * 3600;
    }
    return supply;
}

bool SimulationPanel::runWindow() {
    showTab(Tab::Window);
    const project::Project& project = m_workspace->project();
    if (project.flow.isEmpty()) {
        m_window.reset();
        m_chart->clear();
        m_statusLabel->setText(tr("The project has no flow yet: build one on the Flow page, then run the window."));
        return false;
    }
    WindowOptions options = windowOptions();
    if (qint64(options.hours) * options.callsPerHour > kMaxWindowCalls) {
        m_statusLabel->setText(tr("%1 calls are more than the view runs at once (%2): choose fewer hours or calls per "
                                  "hour, or run `handoff flow window` on the command line.")
                                   .arg(qint64(options.hours) * options.callsPerHour)
                                   .arg(kMaxWindowCalls));
        return false;
    }
    SimulationContext c = context();
    c.tokens = windowTokenSupply();
    if (!options.start.isValid()) {
        options.start = m_workspace->clock().now(); // one start for the report and the validity samples
    }
    QGuiApplication::setOverrideCursor(Qt::WaitCursor);
    m_window = flow::runWindow(project.flow, c, m_workspace->clock(), options);
    m_chart->setReport(*m_window, tokenValidity(project.flow, c, m_workspace->clock(), options));
    QGuiApplication::restoreOverrideCursor();
    m_stale = false;
    updateStatus();
    return true;
}

// ---- showing ---------------------------------------------------------------------------------------------------

void SimulationPanel::showMatrix() {
    m_filling = true;
    m_matrixTable->clearContents();
    m_matrixTable->setRowCount(m_matrix ? int(m_matrix->rows.size()) : 0);
    if (m_matrix) {
        const QColor ok = shell::stateColour(palette(), shell::StateColour::Ok);
        const QColor bad = shell::stateColour(palette(), shell::StateColour::Error);
        for (int r = 0; r < m_matrix->rows.size(); ++r) {
            const MatrixRow& row = m_matrix->rows.at(r);
            const QString outcome = telephony::callOutcomeName(row.dataAction);
            const QStringList cells = {
                outcome == u"success"_s   ? tr("Success")
                : outcome == u"failure"_s ? tr("Failure")
                : outcome == u"timeout"_s ? tr("Timeout")
                                          : outcome,
                row.transferAccepted ? tr("Accepted") : tr("Refused"),
                endStateKey(row.end),
                row.endActionId,
                (row.expected ? tr("OK: %1") : tr("BAD: %1")).arg(row.verdict),
            };
            for (int c = 0; c < cells.size(); ++c) {
                auto* item = new QTableWidgetItem(cells.at(c));
                item->setToolTip(cells.at(c));
                if (c == 4) {
                    item->setForeground(row.expected ? ok : bad);
                }
                m_matrixTable->setItem(r, c, item);
            }
        }
        const qsizetype bads = std::count_if(m_matrix->rows.cbegin(), m_matrix->rows.cend(),
                                             [](const MatrixRow& r) { return !r.expected; });
        m_matrixSummary->setText(bads == 0
                                     ? tr("Every combination ends as it should (%1 calls).").arg(m_matrix->rows.size())
                                     : tr("%1 of %2 combinations end badly.").arg(bads).arg(m_matrix->rows.size()));
    } else {
        m_matrixSummary->clear();
    }
    m_matrixPath->setText(m_matrix ? tr("Select a row to see its path.") : QString());
    m_filling = false;
}

} // namespace handoff::flow
