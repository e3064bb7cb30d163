#pragma once

#include "flow/Scenario.h"
#include "flow/Simulator.h"

#include <QStringList>
#include <QWidget>

#include <optional>

class QAction;
class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTabWidget;
class QTableWidget;
class QTreeWidget;

namespace handoff::shell {
class Workspace;
}
namespace handoff::widgets {
class DiagnosticList;
}

namespace handoff::flow {

class TokenWindowChart;

// The simulation view of the Flow page (issue 9 item 4), a widget placed below the canvas. It runs the project's
// flow through the core simulator exactly as `handoff flow simulate`, `flow matrix` and `flow window` do
// (project::simulationContext; the stand-in token sized for the loaded key) and shows:
// - Call: a project scenario or an ad-hoc call (ANI, dialled number, data-action outcome, transfer outcome, start
//   time); the trace, stepped forward and back (F10 / Shift+F10); the step's inputs, outputs and changes; the
//   variable watch at the current step; the SIP INVITE with its User-to-User header read back to the UUI JSON by
//   the core's header reader.
// - Outcome matrix: every data-action x transfer outcome, one row each; selecting a row shows its path.
// - Time window: calls spread over hours under a token policy, drawn as a chart of outcomes and token validity.
// It computes only when asked (Run, F5); after the project changes the results stay, marked as out of date.
class SimulationPanel final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SimulationPanel)

public:
    explicit SimulationPanel(shell::Workspace* workspace, QWidget* parent = nullptr);
    ~SimulationPanel() override;

    enum class Tab { Call = 0, Matrix = 1, Window = 2 };
    void showTab(Tab tab);

    // ---- the call
    // Picks a project scenario by name and puts it into the form; false when the project has none by that name.
    bool selectScenario(const QString& name);
    // The call the form describes: the selected scenario, or an ad-hoc call when the admin changed a field.
    Scenario formCall() const;
    bool isAdHoc() const;
    // Runs the form's call; false (the reason shown) when there is no flow to run, or the rehearsal could not start.
    // With setRehearsal(true): rehearsed on this computer (rehearseCall): the emulator answers the data action and
    // the INVITE goes over real SIP to the stand-in; needs the private key.
    bool runCall();
    void setRehearsal(bool live);
    bool isRehearsal() const;
    // Whether the rehearsal can run now (a key is loaded); otherwise why not.
    bool canRehearse(QString* why = nullptr) const;
    const std::optional<Trace>& trace() const { return m_trace; }

    // ---- stepping (0-based index into trace()->steps; -1 before the first step)
    int currentStep() const { return m_step; }
    void setCurrentStep(int index);
    void stepForward();
    void stepBack();
    QString currentActionId() const;

    // ---- outcome matrix and time window
    bool runMatrix();
    const std::optional<MatrixReport>& matrix() const { return m_matrix; }
    void selectMatrixRow(int row);
    // Runs a matrix row's combination as an ad-hoc call on the Call tab (Enter or double-click on the row).
    bool runMatrixRowCall(int row);
    bool runWindow();
    const std::optional<WindowReport>& window() const { return m_window; }
    WindowOptions windowOptions() const;
    TokenSupply windowTokenSupply() const;

    // True after the project changed since the shown results were computed.
    bool isStale() const { return m_stale; }

    TokenWindowChart* chart() const { return m_chart; }

Q_SIGNALS:
    // The action at the current step; empty when none (no run, or before the first step).
    void currentActionChanged(const QString& actionId);
    // The actions the current call passed, in order, after a run; or the path of the selected matrix row.
    void pathChanged(const QStringList& actionIds);

private:
    void buildUi();
    QWidget* buildCallTab();
    QWidget* buildMatrixTab();
    QWidget* buildWindowTab();
    void refreshScenarios();
    void fillForm(const Scenario& scenario);
    void formEdited();
    void onProjectChanged();
    void onProjectReset();
    void showTrace();
    void showStep();
    void showWatch();
    void showInvite();
    void showMatrix();
    void updateStatus();
    void updateStepButtons();
    void emitCurrentAction();
    void updateRehearsal();
    static QDateTimeEdit* makeTimeEdit(QWidget* parent, const QString& objectName);
    SimulationContext context() const;

    shell::Workspace* m_workspace = nullptr;
    QList<Scenario> m_scenarios; // as shown in the combo box
    bool m_adHoc = false;
    bool m_filling = false;
    bool m_stale = false;

    std::optional<Trace> m_trace;
    Flow m_traceFlow;
    int m_step = -1;
    QString m_emittedAction;
    std::optional<MatrixReport> m_matrix;
    std::optional<WindowReport> m_window;

    QAction* m_runAction = nullptr;
    QAction* m_forwardAction = nullptr;
    QAction* m_backAction = nullptr;

    QTabWidget* m_tabs = nullptr;
    QLabel* m_statusLabel = nullptr;
    // call form
    QLabel* m_scenarioLabel = nullptr;
    QComboBox* m_scenario = nullptr;
    QLabel* m_scenarioDescription = nullptr;
    QLabel* m_aniLabel = nullptr;
    QLineEdit* m_ani = nullptr;
    QLabel* m_dialledLabel = nullptr;
    QLineEdit* m_dialled = nullptr;
    QLabel* m_outcomeLabel = nullptr;
    QComboBox* m_outcome = nullptr;
    QLabel* m_transferLabel = nullptr;
    QComboBox* m_transfer = nullptr;
    QCheckBox* m_startNow = nullptr;
    QCheckBox* m_rehearse = nullptr;
    bool m_rehearsing = false;
    QString m_rehearsedAt; // "voiceCalls emulator at ..., SIP stand-in at ..." of the shown trace; empty: simulated
    QDateTimeEdit* m_start = nullptr;
    QCheckBox* m_tokenAtStart = nullptr;
    QDateTimeEdit* m_tokenIssued = nullptr;
    QPushButton* m_run = nullptr;
    QPushButton* m_back = nullptr;
    QPushButton* m_forward = nullptr;
    QLabel* m_stepLabel = nullptr;
    // call results
    QTreeWidget* m_traceTree = nullptr;
    QPlainTextEdit* m_stepDetails = nullptr;
    widgets::DiagnosticList* m_problems = nullptr;
    QTreeWidget* m_watch = nullptr;
    QPlainTextEdit* m_invite = nullptr;
    QLabel* m_watchLabel = nullptr;
    QLabel* m_inviteLabel = nullptr;
    // matrix
    QPushButton* m_runMatrix = nullptr;
    QLabel* m_matrixSummary = nullptr;
    QTableWidget* m_matrixTable = nullptr;
    QLabel* m_matrixPath = nullptr;
    // window
    QLabel* m_hoursLabel = nullptr;
    QSpinBox* m_hours = nullptr;
    QLabel* m_perHourLabel = nullptr;
    QSpinBox* m_perHour = nullptr;
    QCheckBox* m_windowStartNow = nullptr;
    QDateTimeEdit* m_windowStart = nullptr;
    QLabel* m_supplyLabel = nullptr;
    QComboBox* m_supply = nullptr;
    QCheckBox* m_issuedAtStart = nullptr;
    QDateTimeEdit* m_issuedAt = nullptr;
    QLabel* m_refreshLabel = nullptr;
    QSpinBox* m_refresh = nullptr;
    QPushButton* m_runWindow = nullptr;
    TokenWindowChart* m_chart = nullptr;
};

} // namespace handoff::flow
