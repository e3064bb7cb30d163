// Shows one page on the sample project with the test-only key, for looking at it (screenshots at 100% and 200%).
#include "PageTestSupport.h"
#include "flow/FlowTemplates.h"
#include "pages/ExportPage.h"
#include "pages/GoLivePage.h"
#include "pages/TokenPage.h"
#include "pages/UuiPage.h"

#include <QApplication>
#include <QFile>
#include <QPalette>
#include <QScreen>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    initSharedResources();
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
        dark.setColor(QPalette::ToolTipBase, QColor(60, 60, 64));
        dark.setColor(QPalette::ToolTipText, QColor(230, 230, 230));
        QApplication::setPalette(dark);
    }
    const QString which = args.value(1, u"uui"_s);
    const QString mode = args.value(2);
    handoff::pagetest::Fixture fixture(mode != u"nokey"_s);
    if (mode == u"over"_s) {
        fixture.workspace->edit(u"params"_s, [](handoff::project::Project& p) {
            p.uui.customParams = {{u"department"_s, u"Support"_s}, {u"priority"_s, u"high"_s}};
            p.trunk.limitAppliesTo = handoff::uui::LimitAppliesTo::HeaderLine; // over only under a strict reading
        });
        fixture.workspace->recomputeNow();
    }
    std::unique_ptr<handoff::shell::Page> page;
    if (which == u"token"_s) {
        auto* token = new handoff::pages::TokenPage(*fixture.workspace);
        if (mode == u"api"_s) {
            token->setPreset(handoff::jwt::TokenPreset::Api);
        }
        if (mode == u"verify"_s) {
            token->setPastedToken(QString::fromLatin1(fixture.workspace->derived().token));
        }
        page.reset(token);
    } else if (which == u"export"_s) {
        page.reset(new handoff::pages::ExportPage(*fixture.workspace));
    } else if (which == u"golive"_s) {
        // With the article's flow for the sample's org, so that the flow checks run.
        handoff::flow::TemplateOptions options;
        options.callCenterApiName = fixture.workspace->project().org.callCenterApiName;
        options.salesforceOrgId = fixture.workspace->project().org.orgId;
        const handoff::flow::Flow flow = handoff::flow::sipTransferTemplate(options);
        fixture.workspace->edit(u"flow"_s, [flow](handoff::project::Project& p) { p.flow = flow; });
        fixture.workspace->recomputeNow();
        page.reset(new handoff::pages::GoLivePage(*fixture.workspace));
    } else {
        auto* uui = new handoff::pages::UuiPage(*fixture.workspace);
        if (mode == u"paste"_s) {
            QFile sample(handoff::pagetest::testData(u"uui/article-sample-2.txt"_s));
            if (sample.open(QIODevice::ReadOnly)) {
                uui->checkPastedText(QString::fromUtf8(sample.readAll()));
            }
        }
        page.reset(uui);
    }
    page->setWindowTitle(page->title());
    const QSize available = QApplication::primaryScreen()->availableSize();
    page->resize(std::min(1280, available.width()), std::min(860, available.height()));
    page->show();
    return QApplication::exec();
}
