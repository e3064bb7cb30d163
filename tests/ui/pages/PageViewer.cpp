// Shows one page on the sample project with the test-only key, for looking at it (screenshots at 100% and 200%).
#include "PageTestSupport.h"
#include "pages/ExportPage.h"
#include "pages/TokenPage.h"
#include "pages/UuiPage.h"

#include <QApplication>
#include <QFile>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    initSharedResources();
    const QStringList args = QApplication::arguments();
    const QString which = args.value(1, u"uui"_s);
    const QString mode = args.value(2);
    handoff::pagetest::Fixture fixture(mode != u"nokey"_s);
    if (mode == u"over"_s) {
        fixture.workspace->edit(u"params"_s, [](handoff::project::Project& p) {
            p.uui.customParams = {{u"department"_s, u"Support"_s}, {u"priority"_s, u"high"_s}};
        });
        fixture.workspace->recomputeNow();
    }
    std::unique_ptr<handoff::shell::Page> page;
    if (which == u"token"_s) {
        auto* token = new handoff::pages::TokenPage(*fixture.workspace);
        if (mode == u"verify"_s) {
            token->setPastedToken(QString::fromLatin1(fixture.workspace->derived().token));
        }
        page.reset(token);
    } else if (which == u"export"_s) {
        page.reset(new handoff::pages::ExportPage(*fixture.workspace));
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
    page->resize(1280, 860);
    page->show();
    return QApplication::exec();
}
