// Shows the simulation view on the sample project with the test-only key, for looking at it (screenshots at 100%
// and 200%, light and dark): simulation-viewer [call|matrix|window] [dark].
#include "common/Clock.h"
#include "crypto/Certificate.h"
#include "crypto/PrivateKey.h"
#include "flow/FlowTemplates.h"
#include "flow/SimulationPanel.h"
#include "flow/SimulationRun.h"
#include "project/ProjectFile.h"
#include "project/SecretStore.h"
#include "shell/Workspace.h"

#include <QApplication>
#include <QPalette>
#include <QScreen>
#include <QStandardPaths>

using namespace Qt::StringLiterals;
using namespace handoff;

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    const QStringList args = QApplication::arguments();
    if (args.contains(u"dark"_s)) {
        QApplication::setStyle(u"Fusion"_s);
        QPalette dark;
        dark.setColor(QPalette::Window, QColor(45, 45, 48));
        dark.setColor(QPalette::WindowText, QColor(230, 230, 230));
        dark.setColor(QPalette::Base, QColor(30, 30, 32));
        dark.setColor(QPalette::AlternateBase, QColor(40, 40, 44));
        dark.setColor(QPalette::Text, QColor(230, 230, 230));
        dark.setColor(QPalette::Button, QColor(55, 55, 60));
        dark.setColor(QPalette::ButtonText, QColor(230, 230, 230));
        dark.setColor(QPalette::Highlight, QColor(42, 130, 218));
        dark.setColor(QPalette::HighlightedText, Qt::white);
        dark.setColor(QPalette::PlaceholderText, QColor(150, 150, 150));
        dark.setColor(QPalette::Mid, QColor(90, 90, 95));
        QApplication::setPalette(dark);
    }
    FixedClock clock = FixedClock::atSecs(1795867200); // 2026-11-28 12:00:00 UTC
    project::MemorySecretStore secrets;
    shell::Workspace workspace(clock, secrets);
    auto loaded = project::ProjectFile::load(QStringLiteral(HANDOFF_SOURCE_DIR "/resources/samples/sample.handoff"));
    if (!loaded) {
        return 3;
    }
    workspace.resetProject(loaded->project);
    auto key = crypto::PrivateKey::load(QStringLiteral(HANDOFF_TEST_DATA "/rsa2048-pkcs8-test-only.pem"));
    if (key) {
        workspace.setKey(*key, {}, false);
    }
    const QString mode = args.value(1, u"call"_s);
    if (mode == u"window"_s) {
        flow::TemplateOptions options;
        options.tokenFromFunction = false; // a pasted, reused token: the window shows it expire
        workspace.edit(u"flow"_s,
                       [&](project::Project& p) { p.flow = *flow::flowTemplate(u"sip-transfer"_s, options); });
    }
    workspace.recomputeNow();
    flow::SimulationPanel panel(&workspace);
    panel.setWindowTitle(u"Simulation"_s);
    const QSize available = QApplication::primaryScreen()->availableSize();
    panel.resize(std::min(1280, available.width()), std::min(760, available.height()));
    if (mode == u"matrix"_s) {
        panel.runMatrix();
        panel.selectMatrixRow(1);
    } else if (mode == u"window"_s) {
        panel.runWindow();
    } else {
        panel.selectScenario(u"happy-path"_s);
        if (mode == u"rehearse"_s) { // the rehearsal on this computer, at its transfer
            panel.setRehearsal(true);
            panel.runCall();
            panel.setCurrentStep(panel.trace() ? flow::inviteStepIndex(*panel.trace()) : 3);
        } else {
            panel.runCall();
            panel.setCurrentStep(3);
        }
    }
    panel.show();
    return QApplication::exec();
}
