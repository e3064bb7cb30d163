// Not a test: shows the Flow page on the sample project, for screenshots.
//   flow-viewer [sample|problems|simulation] [--dark]
// "problems" breaks the transfer number and adds a task no call reaches; "simulation" highlights a path.
#include "../pages/PageTestSupport.h"
#include "flow/FlowEdit.h"
#include "flow/FlowPage.h"
#include "project/ProjectFile.h"

#include <QApplication>
#include <QPalette>
#include <QStyleFactory>

using namespace Qt::StringLiterals;
using namespace handoff;

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    initSharedResources();
    const QStringList args = app.arguments();
    if (args.contains(u"--dark"_s)) {
        QApplication::setStyle(QStyleFactory::create(u"Fusion"_s));
        QPalette dark;
        dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
        dark.setColor(QPalette::WindowText, QColor(0xee, 0xee, 0xee));
        dark.setColor(QPalette::Base, QColor(0x1f, 0x1f, 0x1f));
        dark.setColor(QPalette::AlternateBase, QColor(0x33, 0x33, 0x33));
        dark.setColor(QPalette::Text, QColor(0xee, 0xee, 0xee));
        dark.setColor(QPalette::Button, QColor(0x3a, 0x3a, 0x3a));
        dark.setColor(QPalette::ButtonText, QColor(0xee, 0xee, 0xee));
        dark.setColor(QPalette::Mid, QColor(0x66, 0x66, 0x66));
        dark.setColor(QPalette::Highlight, QColor(0x3d, 0x8b, 0xfd));
        dark.setColor(QPalette::HighlightedText, Qt::white);
        QApplication::setPalette(dark);
    }
    const QString which = args.size() > 1 && !args.at(1).startsWith(u"--"_s) ? args.at(1) : u"sample"_s;
    pagetest::Fixture fixture;
    auto loaded =
        project::ProjectFile::load(QStringLiteral(HANDOFF_SOURCE_DIR) + u"/resources/samples/sample.handoff"_s);
    if (!loaded) {
        return 3;
    }
    project::Project project = loaded->project;
    if (which == u"problems"_s) {
        (void)flow::edit::setProperty(project.flow, u"transfer"_s, u"number"_s, u"\"5550100\""_s);
        (void)flow::edit::addTask(project.flow, u"after-hours"_s, u"After hours"_s);
        (void)flow::edit::insertAction(project.flow, flow::edit::Place{u"after-hours"_s, {}, {}, -1},
                                       flow::Action::make({}, u"Closed"_s, flow::PlayAudioProps{}));
    }
    fixture.workspace->resetProject(project);
    fixture.workspace->recomputeNow();
    flow::FlowPage page(*fixture.workspace);
    page.setDialogs(fixture.dialogs);
    page.resize(1580, 960);
    page.show();
    if (which == u"simulation"_s) {
        page.showSimulationHighlight({u"transcription"_s, u"recording"_s, u"greeting"_s, u"create-voicecall"_s,
                                      u"voicecall-created"_s, u"post-flow"_s, u"set-uui"_s},
                                     u"transfer"_s);
    } else {
        page.select(which == u"problems"_s ? u"transfer"_s : u"create-voicecall"_s);
    }
    return app.exec();
}
