// The simulation view (ui/flow/SimulationPanel), driven offscreen on the sample project: what it shows is compared
// with what the core simulator returns for the same project, the way `handoff flow simulate`, `flow matrix` and
// `flow window` call it (project::simulationContext).
#include "common/Clock.h"
#include "crypto/Certificate.h"
#include "crypto/PrivateKey.h"
#include "flow/FlowTemplates.h"
#include "flow/SimulationPanel.h"
#include "flow/SimulationRun.h"
#include "flow/Simulator.h"
#include "flow/TokenWindowChart.h"
#include "project/ProjectFile.h"
#include "project/SecretStore.h"
#include "project/SimulationSetup.h"
#include "shell/Workspace.h"

#include <QAbstractButton>
#include <QAbstractSpinBox>
#include <QApplication>
#include <QChart>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>
#include <QTranslator>
#include <QTreeWidget>

#include <memory>

using namespace Qt::StringLiterals;
using namespace handoff;
using handoff::flow::SimulationPanel;

namespace {

// 2026-11-28 12:00:00 UTC
constexpr qint64 kNow = 1795867200;

project::Project sampleProject() {
    auto loaded =
        project::ProjectFile::load(QStringLiteral(HANDOFF_SOURCE_DIR) + u"/resources/samples/sample.handoff"_s);
    return loaded ? loaded->project : project::Project{};
}

QString testData(const char* file) {
    return QStringLiteral(HANDOFF_TEST_DATA "/") + QString::fromLatin1(file);
}

} // namespace

class TestSimulationPanel final : public QObject {
    Q_OBJECT

private:
    FixedClock m_clock = FixedClock::atSecs(kNow);
    std::unique_ptr<project::MemorySecretStore> m_secrets;
    std::unique_ptr<shell::Workspace> m_workspace;
    std::unique_ptr<SimulationPanel> m_panel;

    template <typename T>
    T* child(const QString& name) const {
        T* widget = m_panel->findChild<T*>(name);
        if (!widget) {
            qWarning("missing child %s", qPrintable(name));
        }
        return widget;
    }

    // The core's answer for a call, as the CLI computes it (the 2048-bit test key: the CLI's default key size).
    flow::Trace coreTrace(const flow::Scenario& s) const {
        const project::Project& p = m_workspace->project();
        flow::Simulator simulator(p.flow, project::simulationContext(p), m_clock);
        flow::CallScript script = s.script();
        if (!script.dataAction) {
            script.dataAction = telephony::CallOutcome::Success;
        }
        return simulator.run(s.call, script);
    }

    const flow::Scenario& scenario(const QString& name) const {
        for (const flow::Scenario& s : m_workspace->project().scenarios) {
            if (s.name == name) {
                return s;
            }
        }
        qFatal("no scenario %s", qPrintable(name));
    }

    QStringList traceColumn(int column) const {
        QStringList out;
        auto* tree = child<QTreeWidget>(u"traceTreeWidget"_s);
        for (int i = 0; i < tree->topLevelItemCount(); ++i) {
            out << tree->topLevelItem(i)->text(column);
        }
        return out;
    }

    QString watchValue(const QString& name) const {
        auto* watch = child<QTreeWidget>(u"watchTreeWidget"_s);
        for (int i = 0; i < watch->topLevelItemCount(); ++i) {
            if (watch->topLevelItem(i)->data(0, Qt::UserRole).toString() == name) {
                return watch->topLevelItem(i)->toolTip(1).isEmpty() ? watch->topLevelItem(i)->text(1)
                                                                    : watch->topLevelItem(i)->toolTip(1);
            }
        }
        return u"<absent>"_s;
    }

    void showActive() {
        m_panel->resize(1200, 720);
        m_panel->show();
        m_panel->activateWindow();
        QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
        m_panel->setFocus();
    }

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(!sampleProject().flow.isEmpty());
    }

    void init() {
        m_secrets = std::make_unique<project::MemorySecretStore>();
        m_workspace = std::make_unique<shell::Workspace>(m_clock, *m_secrets);
        m_workspace->resetProject(sampleProject());
        auto key = crypto::PrivateKey::load(testData("rsa2048-pkcs8-test-only.pem"));
        auto certificate = crypto::Certificate::load(testData("rsa2048-test-only.crt.pem"));
        QVERIFY(key && certificate);
        m_workspace->setKey(*key, *certificate, false);
        m_workspace->recomputeNow();
        m_panel = std::make_unique<SimulationPanel>(m_workspace.get());
    }

    void cleanup() {
        m_panel.reset();
        m_workspace.reset();
        m_secrets.reset();
    }

    // (a) the sample's scenario: the trace, the INVITE and its UUI as the core has them.
    void scenarioShowsTheCoresTrace() {
        QVERIFY(m_panel->selectScenario(u"happy-path"_s));
        QVERIFY(!m_panel->isAdHoc());
        QVERIFY(m_panel->runCall());
        const flow::Trace expected = coreTrace(scenario(u"happy-path"_s));
        QVERIFY(m_panel->trace());
        QCOMPARE(m_panel->trace()->end, expected.end);
        QCOMPARE(m_panel->trace()->end, flow::EndState::Transferred);
        QCOMPARE(flow::pathOf(*m_panel->trace()), flow::pathOf(expected));
        QCOMPARE(traceColumn(1), flow::pathOf(expected));
        QStringList notes;
        for (const flow::TraceStep& s : expected.steps) {
            notes << s.note;
        }
        QCOMPARE(traceColumn(4), notes);

        // The INVITE as the simulator rendered it, and its User-to-User header read back to the UUI the
        // simulator composed at Set UUI Data.
        const int at = flow::inviteStepIndex(expected);
        QVERIFY(at >= 0);
        const flow::SipInvite& invite = *expected.steps.at(at).invite;
        const QString text = child<QPlainTextEdit>(u"invitePlainTextEdit"_s)->toPlainText();
        QVERIFY(text.contains(invite.requestLine));
        for (const QString& header : invite.headers) {
            QVERIFY2(text.contains(header), qPrintable(header.left(60)));
        }
        QByteArray composed;
        for (const flow::TraceStep& s : expected.steps) {
            if (s.uui && !s.uui->json.isEmpty()) {
                composed = s.uui->json;
            }
        }
        QVERIFY(!composed.isEmpty());
        const auto decoded = flow::decodeInviteUui(invite);
        QVERIFY(decoded && decoded->read.ok);
        QCOMPARE(decoded->json, composed);
        // The pretty JSON in the view names the org of the project.
        const QJsonObject uui = QJsonDocument::fromJson(composed).object();
        QCOMPARE(uui.value(u"orgId"_s).toString(), m_workspace->project().org.orgId);
        QVERIFY(text.contains(u"\"orgId\": \"%1\""_s.arg(m_workspace->project().org.orgId)));
        QVERIFY(text.contains(u"\"token\": \"eyJ"_s));
        // In the order the UUI was composed (orgId first), and the indented form is the same JSON.
        QVERIFY(decoded->prettyJson.indexOf("\"orgId\"") < decoded->prettyJson.indexOf("\"callId\""));
        QCOMPARE(QJsonDocument::fromJson(decoded->prettyJson).object(), uui);
        QVERIFY(!child<QLabel>(u"simulationStatusLabel"_s)->text().isEmpty());
    }

    // (b) stepping: the signals carry the ids of the core's trace, the watch follows the steps.
    void steppingEmitsActionsAndMovesTheWatch() {
        showActive();
        QSignalSpy current(m_panel.get(), &SimulationPanel::currentActionChanged);
        QSignalSpy path(m_panel.get(), &SimulationPanel::pathChanged);
        QVERIFY(m_panel->selectScenario(u"happy-path"_s));
        QTest::keyClick(m_panel.get(), Qt::Key_F5);
        QVERIFY(m_panel->trace());
        const flow::Trace expected = coreTrace(scenario(u"happy-path"_s));
        QCOMPARE(path.count(), 1);
        QCOMPARE(path.takeFirst().at(0).toStringList(), flow::pathOf(expected));
        QCOMPARE(current.count(), 1);
        QCOMPARE(current.takeFirst().at(0).toString(), expected.steps.at(0).actionId);

        // Forward to the Call Data Action that sets the VoiceCall id; the watch has its "before" until then.
        int dataStep = -1;
        for (int i = 0; i < expected.steps.size(); ++i) {
            for (const flow::VariableChange& c : expected.steps.at(i).changes) {
                if (c.name == u"Task.voiceCallId"_s && dataStep < 0) {
                    dataStep = i;
                }
            }
        }
        QVERIFY(dataStep > 0);
        for (int i = 1; i < dataStep; ++i) {
            QTest::keyClick(m_panel.get(), Qt::Key_F10);
            QCOMPARE(current.takeFirst().at(0).toString(), expected.steps.at(i).actionId);
        }
        QCOMPARE(watchValue(u"Task.voiceCallId"_s), u"NOT_SET"_s);
        QTest::keyClick(m_panel.get(), Qt::Key_F10);
        QCOMPARE(m_panel->currentStep(), dataStep);
        QCOMPARE(current.takeFirst().at(0).toString(), expected.steps.at(dataStep).actionId);
        QString after;
        for (const flow::VariableChange& c : expected.steps.at(dataStep).changes) {
            if (c.name == u"Task.voiceCallId"_s) {
                after = c.after.toDisplay();
            }
        }
        QCOMPARE(watchValue(u"Task.voiceCallId"_s), after);
        QVERIFY(after.contains(u"0LQ"_s));
        QCOMPARE(watchValue(u"Call.Ani"_s), flow::Value::string(expected.call.ani).toDisplay());
        QCOMPARE(watchValue(u"Flow.salesforceOrgId"_s),
                 m_workspace->project().flow.variable(u"Flow.salesforceOrgId"_s)->initial.toDisplay());
        QVERIFY(child<QPlainTextEdit>(u"stepDetailsPlainTextEdit"_s)
                    ->toPlainText()
                    .contains(expected.steps.at(dataStep).actionId));

        // Back (Shift+F10) undoes the watch; the INVITE says it is not sent yet.
        QTest::keyClick(m_panel.get(), Qt::Key_F10, Qt::ShiftModifier);
        QCOMPARE(current.takeFirst().at(0).toString(), expected.steps.at(dataStep - 1).actionId);
        QCOMPARE(watchValue(u"Task.voiceCallId"_s), u"NOT_SET"_s);
        QVERIFY(child<QPlainTextEdit>(u"invitePlainTextEdit"_s)->toPlainText().startsWith(u"Not sent yet"_s));

        // To the end; one more F10 changes nothing and emits nothing.
        m_panel->setCurrentStep(int(expected.steps.size()) - 1);
        QCOMPARE(current.takeFirst().at(0).toString(), expected.steps.last().actionId);
        QVERIFY(!child<QPushButton>(u"stepForwardPushButton"_s)->isEnabled());
        QTest::keyClick(m_panel.get(), Qt::Key_F10);
        QCOMPARE(current.count(), 0);
        QVERIFY(child<QPlainTextEdit>(u"invitePlainTextEdit"_s)->toPlainText().startsWith(u"Sent at step"_s));
        // Back before the first action: the current action is none.
        m_panel->setCurrentStep(-1);
        QCOMPARE(current.takeFirst().at(0).toString(), QString());
        QVERIFY(!child<QPushButton>(u"stepBackPushButton"_s)->isEnabled());
    }

    // (c) an ad-hoc call typed into the form, keyboard only.
    void adHocCallFromTheKeyboard() {
        showActive();
        QVERIFY(m_panel->selectScenario(u"happy-path"_s));
        auto* ani = child<QLineEdit>(u"aniLineEdit"_s);
        ani->setFocus();
        ani->selectAll();
        QTest::keyClicks(ani, u"tel:+4930123456"_s);
        QVERIFY(m_panel->isAdHoc());
        QCOMPARE(child<QComboBox>(u"scenarioComboBox"_s)->currentData().toInt(), -1);
        auto* outcome = child<QComboBox>(u"outcomeComboBox"_s);
        outcome->setFocus();
        QTest::keyClick(outcome, Qt::Key_Down); // success -> failure
        QCOMPARE(outcome->currentData().toString(), u"failure"_s);
        auto* now = child<QCheckBox>(u"startNowCheckBox"_s);
        now->setFocus();
        QTest::keyClick(now, Qt::Key_Space);
        QVERIFY(!now->isChecked());
        const QDateTime at = QDateTime::fromSecsSinceEpoch(kNow + 3 * 3600, Qt::UTC);
        child<QDateTimeEdit>(u"startDateTimeEdit"_s)->setDateTime(at);
        QTest::keyClick(m_panel.get(), Qt::Key_F5);
        QVERIFY(m_panel->trace());

        flow::Scenario s;
        s.call.ani = u"tel:+4930123456"_s;
        s.call.dialledNumber = scenario(u"happy-path"_s).call.dialledNumber;
        s.call.startTime = at;
        s.dataAction = telephony::CallOutcome::Failure;
        s.transferAccepted = true;
        const flow::Trace expected = coreTrace(s);
        QCOMPARE(m_panel->trace()->call.ani, u"tel:+4930123456"_s);
        QCOMPARE(m_panel->trace()->call.startTime, at);
        QCOMPARE(m_panel->trace()->end, expected.end);
        QCOMPARE(m_panel->trace()->end, flow::EndState::Disconnected);
        QCOMPARE(flow::pathOf(*m_panel->trace()), flow::pathOf(expected));
        QVERIFY(child<QPlainTextEdit>(u"invitePlainTextEdit"_s)->toPlainText().contains(u"no SIP INVITE"_s));

        // Choosing the scenario again puts its values back.
        QVERIFY(m_panel->selectScenario(u"happy-path"_s));
        QCOMPARE(ani->text(), scenario(u"happy-path"_s).call.ani);
        QVERIFY(!m_panel->isAdHoc());
    }

    // (d) the outcome matrix as a table; a row's path is signalled.
    void matrixTableAndRowPath() {
        showActive();
        QSignalSpy path(m_panel.get(), &SimulationPanel::pathChanged);
        QTest::keyClick(m_panel.get(), Qt::Key_M, Qt::AltModifier); // the "Outcome &matrix" tab
        QCOMPARE(child<QTabWidget>(u"simulationTabWidget"_s)->currentIndex(), int(SimulationPanel::Tab::Matrix));
        QTest::keyClick(m_panel.get(), Qt::Key_F5);
        QVERIFY(m_panel->matrix());
        const project::Project& p = m_workspace->project();
        const flow::MatrixReport expected = flow::runMatrix(p.flow, project::simulationContext(p), m_clock);
        auto* table = child<QTableWidget>(u"matrixTableWidget"_s);
        QCOMPARE(table->rowCount(), int(expected.rows.size()));
        QCOMPARE(table->rowCount(), 6); // 3 data-action outcomes x 2 transfer outcomes
        for (int r = 0; r < expected.rows.size(); ++r) {
            QCOMPARE(table->item(r, 2)->text(), flow::endStateKey(expected.rows.at(r).end));
            QCOMPARE(table->item(r, 3)->text(), expected.rows.at(r).endActionId);
            QVERIFY(table->item(r, 4)->text().endsWith(expected.rows.at(r).verdict));
            QCOMPARE(table->item(r, 4)->text().startsWith(u"OK"_s), expected.rows.at(r).expected);
        }
        table->setFocus();
        table->setCurrentCell(0, 0);
        QCOMPARE(path.last().at(0).toStringList(), expected.rows.at(0).path);
        QTest::keyClick(table, Qt::Key_Down);
        QCOMPARE(table->currentRow(), 1);
        QCOMPARE(path.last().at(0).toStringList(), expected.rows.at(1).path);
        QVERIFY(!expected.rows.at(1).path.isEmpty());

        // Enter runs the row's call on the Call tab, with the same path.
        QTest::keyClick(table, Qt::Key_Return);
        QCOMPARE(child<QTabWidget>(u"simulationTabWidget"_s)->currentIndex(), int(SimulationPanel::Tab::Call));
        QVERIFY(m_panel->isAdHoc());
        QVERIFY(m_panel->trace());
        QCOMPARE(flow::pathOf(*m_panel->trace()), expected.rows.at(1).path);
        QCOMPARE(m_panel->trace()->end, expected.rows.at(1).end);
    }

    // Odd input in the form: empty numbers still run, and the trace says what the flow made of them.
    void emptyNumbersRun() {
        child<QLineEdit>(u"aniLineEdit"_s)->clear();
        QTest::keyClicks(child<QLineEdit>(u"dialledLineEdit"_s), u" "_s);
        child<QLineEdit>(u"dialledLineEdit"_s)->clear();
        QVERIFY(m_panel->isAdHoc());
        QVERIFY(m_panel->runCall());
        flow::Scenario s;
        s.call.ani.clear();
        s.call.dialledNumber.clear();
        const flow::Trace expected = coreTrace(s);
        QCOMPARE(m_panel->trace()->end, expected.end);
        QCOMPARE(flow::pathOf(*m_panel->trace()), flow::pathOf(expected));
    }

    // (e) the time window with a reused token: the chart's hours are the core's, and the token's remaining validity
    // falls by one hour per hour from the 24 h it was minted with.
    void windowChartWithReusedToken() {
        flow::TemplateOptions options;
        options.tokenFromFunction = false;
        options.salesforceOrgId = m_workspace->project().org.orgId;
        m_workspace->edit(u"flow"_s,
                          [&](project::Project& p) { p.flow = *flow::flowTemplate(u"sip-transfer"_s, options); });
        m_workspace->recomputeNow();
        QVERIFY(m_workspace->project().flow.variable(u"Flow.uuiToken"_s));
        showActive();
        m_panel->showTab(SimulationPanel::Tab::Window);
        child<QSpinBox>(u"windowHoursSpinBox"_s)->setValue(30);
        child<QSpinBox>(u"windowCallsPerHourSpinBox"_s)->setValue(4);
        QTest::keyClick(m_panel.get(), Qt::Key_F5);
        QVERIFY(m_panel->window());

        const project::Project& p = m_workspace->project();
        flow::SimulationContext c = project::simulationContext(p);
        c.tokens.mode = flow::TokenSupply::Mode::Reused;
        flow::WindowOptions w;
        w.hours = 30;
        w.callsPerHour = 4;
        w.start = m_clock.now();
        const flow::WindowReport expected = flow::runWindow(p.flow, c, m_clock, w);
        QCOMPARE(m_panel->window()->calls, expected.calls);
        QCOMPARE(m_panel->window()->transferred, expected.transferred);
        QCOMPARE(m_panel->window()->firstFailingHour, expected.firstFailingHour);
        QVERIFY(expected.firstFailingHour.has_value()); // a 24 h token cannot carry 30 hours

        const flow::TokenWindowChart* chart = m_panel->chart();
        QCOMPARE(chart->transferredPoints().size(), 30);
        QCOMPARE(chart->failedPoints().size(), 30);
        for (int h = 0; h < 30; ++h) {
            QCOMPARE(chart->transferredPoints().at(h).y(), qreal(expected.hours.at(h).transferred));
            QCOMPARE(chart->failedPoints().at(h).y(), qreal(expected.hours.at(h).failed));
        }
        const double ttlHours = double(p.uuiToken.ttlSeconds) / 3600.0;
        const QList<QPointF> validity = chart->validityPoints();
        QCOMPARE(validity.size(), 30);
        for (const QPointF& v : validity) {
            QCOMPARE(v.y(), ttlHours - v.x());
            if (v.y() >= 1.0) {
                QCOMPARE(chart->failedPoints().at(int(v.x())).y(), 0.0); // a token with an hour left carries the hour
            }
        }
        QVERIFY(!chart->findChild<QLabel*>(u"tokenWindowCaptionLabel"_s)->text().isEmpty());

        // Minted for every call: always the full validity, every call reaches the agent.
        auto* supply = child<QComboBox>(u"tokenSupplyComboBox"_s);
        supply->setCurrentIndex(supply->findData(u"perCall"_s));
        QVERIFY(m_panel->runWindow());
        QCOMPARE(m_panel->window()->transferred, m_panel->window()->calls);
        for (const QPointF& v : m_panel->chart()->validityPoints()) {
            QCOMPARE(v.y(), ttlHours);
        }
    }

    // A window too big for the GUI thread is refused with the reason; what was shown stays.
    void windowTooLargeIsRefused() {
        QVERIFY(m_panel->runWindow());
        const int calls = m_panel->window()->calls;
        child<QSpinBox>(u"windowHoursSpinBox"_s)->setValue(8784);
        child<QSpinBox>(u"windowCallsPerHourSpinBox"_s)->setValue(60);
        QVERIFY(!m_panel->runWindow());
        QCOMPARE(m_panel->window()->calls, calls);
        QVERIFY(child<QLabel>(u"simulationStatusLabel"_s)->text().contains(u"handoff flow window"_s));
    }

    // Long windows are sampled evenly for the validity line.
    void validitySamplesSpreadOverLongWindows() {
        const project::Project& p = m_workspace->project();
        flow::WindowOptions w;
        w.hours = 1000;
        w.start = m_clock.now();
        const auto samples = flow::tokenValidity(p.flow, project::simulationContext(p), m_clock, w, 100);
        QCOMPARE(samples.size(), 100);
        QCOMPARE(samples.at(1).hour, 10);
        QCOMPARE(samples.last().hour, 990);
        for (const flow::TokenValiditySample& s : samples) {
            // The sample's flow has the function mint the token for each call: always the policy's full validity.
            QVERIFY(s.hoursLeft);
            QCOMPARE(*s.hoursLeft, double(p.uuiToken.ttlSeconds) / 3600.0);
        }
    }

    // A reused token minted yesterday morning: a call 25 hours later finds it expired, as `flow simulate
    // --token-issued-at` does.
    void reusedTokenMintedEarlier() {
        flow::TemplateOptions options;
        options.tokenFromFunction = false;
        options.salesforceOrgId = m_workspace->project().org.orgId;
        m_workspace->edit(u"flow"_s,
                          [&](project::Project& p) { p.flow = *flow::flowTemplate(u"sip-transfer"_s, options); });
        m_workspace->recomputeNow();
        const QDateTime minted = QDateTime::fromSecsSinceEpoch(kNow, Qt::UTC);
        const QDateTime at = minted.addSecs(25 * 3600);
        child<QCheckBox>(u"startNowCheckBox"_s)->setChecked(false);
        child<QDateTimeEdit>(u"startDateTimeEdit"_s)->setDateTime(at);
        child<QCheckBox>(u"tokenAtCallStartCheckBox"_s)->setChecked(false);
        child<QDateTimeEdit>(u"tokenMintedDateTimeEdit"_s)->setDateTime(minted);
        QVERIFY(m_panel->runCall());

        const project::Project& p = m_workspace->project();
        flow::SimulationContext c = project::simulationContext(p);
        c.tokens.issuedAt = minted;
        flow::Simulator simulator(p.flow, c, m_clock);
        flow::SimulatedCall call;
        call.startTime = at;
        const flow::Trace expected = simulator.run(call, flow::CallScript{telephony::CallOutcome::Success, true});
        QCOMPARE(m_panel->trace()->end, expected.end);
        QVERIFY(!m_panel->trace()->reachedAgent()); // a 24 h token, 25 h later
        QStringList codes;
        for (const diagnostics::Diagnostic& d : m_panel->trace()->diagnostics) {
            codes << d.code;
        }
        QVERIFY2(codes.contains(u"FLW042"_s), qPrintable(codes.join(u' ')));
        // Minted at the call's start: the same call reaches the agent.
        child<QCheckBox>(u"tokenAtCallStartCheckBox"_s)->setChecked(true);
        QVERIFY(m_panel->runCall());
        QVERIFY(m_panel->trace()->reachedAgent());
    }

    void chartFollowsADarkPalette() {
        QPalette dark;
        dark.setColor(QPalette::Window, QColor(45, 45, 48));
        dark.setColor(QPalette::WindowText, QColor(230, 230, 230));
        dark.setColor(QPalette::Base, QColor(30, 30, 32));
        dark.setColor(QPalette::Text, QColor(230, 230, 230));
        m_panel->setPalette(dark);
        QVERIFY(m_panel->runWindow());
        QCOMPARE(m_panel->chart()->chart()->theme(), QChart::ChartThemeDark);
        QCOMPARE(m_panel->chart()->chart()->backgroundBrush().color(), QColor(30, 30, 32));
    }

    // The panel computes only when asked: an edit marks the results out of date, a new project clears them.
    void projectChangesMarkResultsStale() {
        QSignalSpy path(m_panel.get(), &SimulationPanel::pathChanged);
        QVERIFY(m_panel->runCall());
        QVERIFY(!m_panel->isStale());
        const quint64 before = m_panel->trace()->actionsRun;
        m_workspace->edit(u"name"_s, [](project::Project& p) { p.name = u"Renamed"_s; });
        QVERIFY(m_panel->isStale());
        QCOMPARE(m_panel->trace()->actionsRun, before); // not run again on its own
        QVERIFY(child<QLabel>(u"simulationStatusLabel"_s)->text().contains(u"F5"_s));
        QVERIFY(m_panel->runCall());
        QVERIFY(!m_panel->isStale());
        m_workspace->resetProject(project::Project::defaults());
        QVERIFY(!m_panel->trace());
        QCOMPARE(path.last().at(0).toStringList(), QStringList());
        // No flow: refused with the reason, nothing shown.
        QVERIFY(!m_panel->runCall());
        QVERIFY(!m_panel->trace());
        QVERIFY(child<QLabel>(u"simulationStatusLabel"_s)->text().contains(u"no flow"_s));
        QVERIFY(!m_panel->runMatrix());
        QVERIFY(!m_panel->runWindow());
    }

    // Everything is reachable without a mouse: every control of the panel (the named ones; the item views' corner
    // buttons are Qt's) takes focus, every field has a labelled shortcut.
    void keyboardReachable() {
        showActive();
        for (QWidget* w : m_panel->findChildren<QWidget*>()) {
            const bool control = qobject_cast<QAbstractButton*>(w) || qobject_cast<QComboBox*>(w) ||
                                 qobject_cast<QLineEdit*>(w) || qobject_cast<QAbstractSpinBox*>(w) ||
                                 qobject_cast<QTreeWidget*>(w) || qobject_cast<QTableWidget*>(w) ||
                                 qobject_cast<QPlainTextEdit*>(w);
            if (!control || w->objectName().isEmpty() || qobject_cast<QAbstractSpinBox*>(w->parentWidget()) ||
                qobject_cast<QComboBox*>(w->parentWidget())) {
                continue;
            }
            QVERIFY2(w->focusPolicy() & Qt::TabFocus,
                     qPrintable(w->objectName() + u' ' + QString::fromLatin1(w->metaObject()->className()) + u' ' +
                                (w->parentWidget() ? QString::fromLatin1(w->parentWidget()->metaObject()->className())
                                                   : QString())));
        }
        for (QLabel* label : m_panel->findChildren<QLabel*>()) {
            if (label->text().contains(u'&')) {
                QVERIFY2(label->buddy(), qPrintable(label->text()));
            }
        }
        // Alt+S reaches the scenario box, Alt+W the window tab, Alt+C back to the call.
        QTest::keyClick(m_panel.get(), Qt::Key_W, Qt::AltModifier);
        QCOMPARE(child<QTabWidget>(u"simulationTabWidget"_s)->currentIndex(), int(SimulationPanel::Tab::Window));
        QTest::keyClick(m_panel.get(), Qt::Key_C, Qt::AltModifier);
        QCOMPARE(child<QTabWidget>(u"simulationTabWidget"_s)->currentIndex(), int(SimulationPanel::Tab::Call));
        QTest::keyClick(m_panel.get(), Qt::Key_S, Qt::AltModifier);
        QCOMPARE(QApplication::focusWidget(), child<QComboBox>(u"scenarioComboBox"_s));
    }

    // At 200% (the test_simulation_panel_scaled run) and at 100%: no button, label or field is squeezed below
    // what it needs, and no two buttons overlap.
    void layoutFits() {
        showActive();
        // It fits below a canvas on a 1600-pixel-wide screen at 200% (800 logical pixels, less a sidebar).
        QVERIFY2(m_panel->minimumSizeHint().width() <= 720,
                 qPrintable(QString::number(m_panel->minimumSizeHint().width())));
        for (int tab = 0; tab < 3; ++tab) {
            m_panel->showTab(static_cast<SimulationPanel::Tab>(tab));
            QApplication::processEvents();
            QStringList squeezed;
            for (QWidget* w : m_panel->findChildren<QWidget*>()) {
                if (!w->isVisibleTo(m_panel.get())) {
                    continue;
                }
                const bool button = qobject_cast<QAbstractButton*>(w) != nullptr;
                const auto* label = qobject_cast<QLabel*>(w);
                const bool fixedLabel = label && !label->wordWrap() && !label->text().isEmpty();
                const bool line = qobject_cast<QLineEdit*>(w) != nullptr;
                if ((!button && !fixedLabel && !line) || qobject_cast<QAbstractSpinBox*>(w->parentWidget())) {
                    continue;
                }
                const QSize need = w->minimumSizeHint();
                if (w->width() + 1 < need.width() || w->height() + 1 < need.height()) {
                    squeezed << u"%1 %2x%3 < %4x%5"_s.arg(w->objectName())
                                    .arg(w->width())
                                    .arg(w->height())
                                    .arg(need.width())
                                    .arg(need.height());
                }
            }
            QVERIFY2(squeezed.isEmpty(), qPrintable(squeezed.join(u"; "_s)));
        }
    }

    // The rehearsal from the app (`flow simulate --live-emulator`): the emulator creates the VoiceCall, the UUI token
    // is signed with the loaded key, the INVITE goes over real SIP to the stand-in, and the panel shows its answer,
    // its verdict and the bytes sent. The scripted answers are greyed out while it is on.
    void rehearsalOnThisComputer() {
        auto* rehearse = child<QCheckBox>(u"rehearseCheckBox"_s);
        QVERIFY(rehearse);
        QVERIFY(m_panel->canRehearse());
        QVERIFY(child<QComboBox>(u"outcomeComboBox"_s)->isEnabled());
        m_panel->setRehearsal(true);
        QVERIFY(!child<QComboBox>(u"outcomeComboBox"_s)->isEnabled());
        QVERIFY(!child<QComboBox>(u"transferComboBox"_s)->isEnabled());
        QVERIFY(m_panel->selectScenario(u"happy-path"_s));
        QVERIFY2(m_panel->runCall(), qPrintable(child<QLabel>(u"simulationStatusLabel"_s)->text()));
        const flow::Trace& t = *m_panel->trace();
        QCOMPARE(t.end, flow::EndState::Transferred);
        const int at = flow::inviteStepIndex(t);
        QVERIFY(at >= 0);
        const flow::TraceStep& transfer = t.steps.at(at);
        QVERIFY(transfer.answer);
        QCOMPARE(transfer.answer->sipStatus, 200);
        QString voiceCallId;
        for (const flow::TraceStep& s : t.steps) {
            for (const auto& [name, value] : s.outputs) {
                if (name == u"voiceCallId"_s) {
                    voiceCallId = value.toText().value_or(QString());
                }
            }
        }
        QCOMPARE(voiceCallId.size(), 18); // created by the emulator, converted by the function
        QVERIFY(
            child<QLabel>(u"simulationStatusLabel"_s)->text().contains(u"SIP stand-in at sip:agentforce@127.0.0.1:"_s));

        m_panel->setCurrentStep(at);
        const QString step = child<QPlainTextEdit>(u"stepDetailsPlainTextEdit"_s)->toPlainText();
        QVERIFY2(step.contains(u"Far end over SIP: 200"_s), qPrintable(step));
        QVERIFY2(step.contains(u"VoiceCall %1 found"_s.arg(voiceCallId)), qPrintable(step));
        const QString invite = child<QPlainTextEdit>(u"invitePlainTextEdit"_s)->toPlainText();
        QVERIFY2(invite.contains(u"The INVITE as sent over SIP"_s), qPrintable(invite));
        QVERIFY(invite.contains(u"application/sdp"_s)); // the bytes sent, with the SDP body
        QVERIFY(invite.contains(u"SIP/2.0 200 "_s));    // the stand-in's answer

        // A matrix row runs its own scripted outcomes, so it turns the rehearsal off.
        QVERIFY(m_panel->runMatrix());
        int refusedRow = -1;
        for (int i = 0; i < m_panel->matrix()->rows.size(); ++i) {
            if (!m_panel->matrix()->rows.at(i).transferAccepted) {
                refusedRow = i;
            }
        }
        QVERIFY(refusedRow >= 0);
        m_panel->setRehearsal(true);
        QVERIFY(m_panel->runMatrixRowCall(refusedRow));
        QVERIFY(!m_panel->isRehearsal());
        for (const flow::TraceStep& s : m_panel->trace()->steps) {
            QVERIFY(!s.answer); // scripted: no far end answered
        }
        QVERIFY(m_panel->trace()->end != flow::EndState::Transferred); // the row's refused transfer

        // Another project: the box is off again.
        m_panel->setRehearsal(true);
        m_workspace->resetProject(sampleProject());
        QVERIFY(!m_panel->isRehearsal());

        // Off again: the scripted simulation, no answer from a far end.
        m_panel->setRehearsal(false);
        QVERIFY(child<QComboBox>(u"outcomeComboBox"_s)->isEnabled());
        QVERIFY(m_panel->runCall());
        QVERIFY(!m_panel->trace()->steps.at(flow::inviteStepIndex(*m_panel->trace())).answer);
        QVERIFY(!child<QLabel>(u"simulationStatusLabel"_s)->text().contains(u"stand-in"_s));
    }

    // Without a key the rehearsal cannot sign its tokens: it says so and runs nothing.
    void rehearsalNeedsTheKey() {
        m_workspace->clearKey();
        QString why;
        QVERIFY(!m_panel->canRehearse(&why));
        QVERIFY(why.contains(u"Org & credentials"_s));
        QCOMPARE(child<QCheckBox>(u"rehearseCheckBox"_s)->toolTip(), why);
        m_panel->setRehearsal(true);
        QVERIFY(!m_panel->runCall());
        QVERIFY(!m_panel->trace());
        QCOMPARE(child<QLabel>(u"simulationStatusLabel"_s)->text(), why);
    }

    // Alt+letter is unambiguous on every tab: the letters of the visible labels, buttons and tabs differ.
    void mnemonicsAreUnique() {
        showActive();
        auto* tabs = child<QTabWidget>(u"simulationTabWidget"_s);
        for (int tab = 0; tab < tabs->count(); ++tab) {
            m_panel->showTab(static_cast<SimulationPanel::Tab>(tab));
            QApplication::processEvents();
            QStringList texts;
            for (int t = 0; t < tabs->count(); ++t) {
                texts << tabs->tabText(t);
            }
            for (QWidget* w : m_panel->findChildren<QWidget*>()) {
                if (!w->isVisibleTo(m_panel.get())) {
                    continue;
                }
                if (auto* label = qobject_cast<QLabel*>(w); label && label->buddy()) {
                    texts << label->text();
                } else if (auto* button = qobject_cast<QAbstractButton*>(w)) {
                    texts << button->text();
                }
            }
            QMap<QChar, QString> seen;
            for (const QString& text : texts) {
                const qsizetype amp = text.indexOf(u'&');
                if (amp < 0 || amp + 1 >= text.size() || text.at(amp + 1) == u'&') {
                    continue;
                }
                const QChar key = text.at(amp + 1).toLower();
                QVERIFY2(!seen.contains(key), qPrintable(seen.value(key) + u" and "_s + text));
                seen.insert(key, text);
            }
        }
    }

#ifdef HANDOFF_GERMAN
    void shownInGerman() {
        QCOMPARE(child<QPushButton>(u"runCallPushButton"_s)->text(), u"Anruf simu&lieren"_s);
        QVERIFY(m_panel->runWindow());
        QVERIFY(m_panel->chart()->chart()->title().startsWith(u"Anrufe pro Stunde"_s));
    }
#endif

    // The helper the watch uses, on a hand-made trace: before values, changes, and the value after each step.
    void watchFollowsChanges() {
        flow::Flow f;
        f.variables.append({u"Flow.x"_s, flow::ValueType::String, flow::Value::string(u"a"_s), {}, {}, {}});
        flow::Trace t;
        t.call.ani = u"tel:+1"_s;
        flow::TraceStep s1;
        s1.actionId = u"one"_s;
        s1.changes.append({u"Flow.x"_s, flow::Value::string(u"a"_s), flow::Value::string(u"b"_s)});
        flow::TraceStep s2;
        s2.actionId = u"two"_s;
        s2.changes.append({u"Flow.x"_s, flow::Value::string(u"b"_s), flow::Value::string(u"c"_s)});
        t.steps = {s1, s2};
        auto valueAt = [&](int step) {
            for (const flow::WatchEntry& e : flow::watchAt(f, t, step)) {
                if (e.name == u"Flow.x"_s) {
                    return e.value ? e.value->toDisplay() : QString();
                }
            }
            return QString();
        };
        QCOMPARE(valueAt(-1), flow::Value::string(u"a"_s).toDisplay());
        QCOMPARE(valueAt(0), flow::Value::string(u"b"_s).toDisplay());
        QCOMPARE(valueAt(1), flow::Value::string(u"c"_s).toDisplay());
        QCOMPARE(flow::watchAt(f, t, 1).first().name, u"Call.Ani"_s);
    }
};

int main(int argc, char** argv) {
#ifdef HANDOFF_SCALE_200
    qputenv("QT_SCALE_FACTOR", "2");
#endif
    QApplication app(argc, argv);
    TestSimulationPanel test;
#ifdef HANDOFF_GERMAN
    // The German run: the compiled translation (as handoff-studio embeds it); the checks whose outcome depends on
    // the words.
    QTranslator german;
    if (!german.load(u":/i18n/handoff_de.qm"_s) || !QCoreApplication::installTranslator(&german)) {
        qCritical("the compiled German translation is not embedded");
        return 1;
    }
    QStringList args = QCoreApplication::arguments();
    if (args.size() == 1) {
        args << u"mnemonicsAreUnique"_s << u"layoutFits"_s << u"shownInGerman"_s;
    }
    return QTest::qExec(&test, args);
#else
    return QTest::qExec(&test, argc, argv);
#endif
}

#include "TestSimulationPanel.moc"
