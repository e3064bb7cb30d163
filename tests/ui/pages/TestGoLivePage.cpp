#include "PageTestSupport.h"
#include "flow/FlowEdit.h"
#include "flow/FlowTemplates.h"
#include "pages/GoLivePage.h"
#include "salesforce/SalesforceId.h"

#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QPrinter>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>
#include <QUndoStack>

using namespace Qt::StringLiterals;
using handoff::pages::GoLivePage;
using handoff::pagetest::Fixture;
namespace project = handoff::project;

namespace {

// The fixture's project with the article's flow, made for its org.
void addFlow(Fixture& f) {
    const project::Project& p = f.workspace->project();
    handoff::flow::TemplateOptions options;
    options.callCenterApiName = p.org.callCenterApiName;
    options.salesforceOrgId = p.org.orgId;
    options.scrtBaseUrl = p.org.scrt2Domain + u"/telephony/v1"_s;
    const handoff::flow::Flow flow = handoff::flow::sipTransferTemplate(options);
    f.workspace->edit(u"flow"_s, [flow](project::Project& project) { project.flow = flow; });
    f.workspace->recomputeNow();
}

QTreeWidgetItem* itemFor(QTreeWidget* tree, const QString& id) {
    for (int i = 0; i < tree->topLevelItemCount(); ++i) {
        if (tree->topLevelItem(i)->data(0, Qt::UserRole).toString() == id) {
            return tree->topLevelItem(i);
        }
    }
    return nullptr;
}

QByteArray readFile(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestGoLivePage final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        initSharedResources();
    }

    // The checks in fixing order, each with an icon and its status in words, as the workspace's go-live check has
    // them; the verdict line is the one verdict.
    void listsEveryCheckWithWordsAndIcons() {
        Fixture f;
        addFlow(f);
        GoLivePage page(*f.workspace);
        auto* tree = page.findChild<QTreeWidget*>(u"goLiveChecksTreeWidget"_s);
        QVERIFY(tree);
        const project::GoLiveReport& report = f.workspace->goLive();
        QCOMPARE(tree->topLevelItemCount(), report.checks.size());
        for (int i = 0; i < tree->topLevelItemCount(); ++i) {
            const QTreeWidgetItem* item = tree->topLevelItem(i);
            const project::CheckResult& c = report.checks.at(i);
            QCOMPARE(item->data(0, Qt::UserRole).toString(), c.id);
            QCOMPARE(item->text(1), project::checkStatusName(c.status));
            QCOMPARE(item->data(1, Qt::UserRole).toString(), project::checkStatusKey(c.status));
            QVERIFY(!item->icon(1).isNull());
            QCOMPARE(item->text(2), c.reason);
        }
        QCOMPARE(page.findChild<QLabel*>(u"goLiveVerdictLabel"_s)->text(), f.workspace->readiness().summary);
        QVERIFY(page.findChild<QLabel*>(u"probeNoteLabel"_s)->text().contains(u"API token's path only"_s));
    }

    // Enter on a failing check asks the window to go to its fix: the field of the problem behind it.
    void activatingACheckGoesToItsFix() {
        Fixture f;
        addFlow(f);
        f.workspace->edit(u"org"_s, [](project::Project& p) { p.org.scrt2Domain = u"not a domain"_s; });
        f.workspace->recomputeNow();
        GoLivePage page(*f.workspace);
        page.show();
        auto* tree = page.findChild<QTreeWidget*>(u"goLiveChecksTreeWidget"_s);
        QTreeWidgetItem* org = itemFor(tree, u"GOL001"_s);
        QVERIFY(org);
        QCOMPARE(org->data(1, Qt::UserRole).toString(), u"fail"_s);
        QSignalSpy spy(&page, &GoLivePage::problemActivated);
        tree->setFocus();
        tree->setCurrentItem(org);
        QTest::keyClick(tree, Qt::Key_Return);
        QCOMPARE(spy.count(), 1);
        const auto d = spy.constFirst().constFirst().value<handoff::diagnostics::Diagnostic>();
        QCOMPARE(d.where.field, u"org.scrt2Domain"_s);
    }

    // The probe against the built-in emulator: GOL012 turns from "not run" to a warning (inferred).
    void probeTheEmulator() {
        Fixture f;
        addFlow(f);
        GoLivePage page(*f.workspace);
        auto* tree = page.findChild<QTreeWidget*>(u"goLiveChecksTreeWidget"_s);
        QCOMPARE(itemFor(tree, u"GOL012"_s)->data(1, Qt::UserRole).toString(), u"not-run"_s);
        QSignalSpy done(&page, &GoLivePage::probeFinished);
        QTest::mouseClick(page.findChild<QPushButton*>(u"probeEmulatorPushButton"_s), Qt::LeftButton);
        QVERIFY(page.isProbing());
        QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, 20000);
        QVERIFY(f.workspace->probeResult());
        QCOMPARE(f.workspace->probeResult()->verdict, handoff::telephony::ProbeVerdict::TokenNotRefused);
        QCOMPARE(itemFor(tree, u"GOL012"_s)->data(1, Qt::UserRole).toString(), u"warn"_s);
        QVERIFY(itemFor(tree, u"GOL012"_s)->text(2).contains(u"inferred"_s));
    }

    // Recording a real transfer at the UUI's size passes GOL013; undo takes it back.
    void recordARealTransfer() {
        Fixture f;
        addFlow(f);
        GoLivePage page(*f.workspace);
        auto* tree = page.findChild<QTreeWidget*>(u"goLiveChecksTreeWidget"_s);
        QCOMPARE(page.findChild<QSpinBox*>(u"transferBytesSpinBox"_s)->value(),
                 int(f.workspace->derived().budget.decodedBytes));
        QTest::mouseClick(page.findChild<QPushButton*>(u"recordTransferPushButton"_s), Qt::LeftButton);
        QCOMPARE(f.workspace->project().realTransfers.size(), 1);
        QVERIFY(f.workspace->project().realTransfers.constFirst().succeeded);
        f.workspace->recomputeNow();
        QCOMPARE(itemFor(tree, u"GOL013"_s)->data(1, Qt::UserRole).toString(), u"pass"_s);
        f.workspace->undoStack()->undo();
        f.workspace->recomputeNow();
        QVERIFY(f.workspace->project().realTransfers.isEmpty());
        QCOMPARE(itemFor(tree, u"GOL013"_s)->data(1, Qt::UserRole).toString(), u"not-run"_s);
    }

    // Typing reuses the flow's checks and runs them again once the edits pause. An edit of the flow checks its
    // validation at once and reuses its simulations until the pause; they run at once when there were none, and are
    // not run at once when the flow stops validating.
    void flowChecksFollowThePause() {
        Fixture f;
        const auto status = [&f](const char* id) {
            return f.workspace->goLive().find(QString::fromLatin1(id))->status;
        };
        const auto reason = [&f](const char* id) {
            return f.workspace->goLive().find(QString::fromLatin1(id))->reason;
        };
        QCOMPARE(status("GOL007"), project::CheckStatus::Fail); // no flow yet
        QCOMPARE(status("GOL008"), project::CheckStatus::NotRun);
        addFlow(f); // the first flow that validates: its simulations run at once
        QVERIFY(!f.workspace->isGoLiveCheckPending());
        QCOMPARE(status("GOL007"), project::CheckStatus::Pass);
        QCOMPARE(status("GOL008"), project::CheckStatus::Pass);
        f.workspace->edit(
            u"type"_s, [](project::Project& p) { p.uui.transactionId = u"order-1"_s; }, u"uui.transactionId"_s);
        f.workspace->recomputeNow();
        QVERIFY(f.workspace->isGoLiveCheckPending());
        QCOMPARE(status("GOL007"), project::CheckStatus::Pass);
        QTRY_VERIFY_WITH_TIMEOUT(!f.workspace->isGoLiveCheckPending(), 5000);
        QCOMPARE(status("GOL007"), project::CheckStatus::Pass);

        // A rename in the flow: validated at once, simulated once the edits pause.
        handoff::flow::Flow renamed = f.workspace->project().flow;
        QVERIFY(handoff::flow::edit::setProperty(renamed, u"greeting"_s, u"name"_s, u"Welcome"_s));
        f.workspace->editFlow(u"rename"_s, renamed);
        f.workspace->recomputeNow();
        QVERIFY(f.workspace->isGoLiveCheckPending());
        QCOMPARE(status("GOL007"), project::CheckStatus::Pass);
        QCOMPARE(status("GOL008"), project::CheckStatus::Pass);
        QTRY_VERIFY_WITH_TIMEOUT(!f.workspace->isGoLiveCheckPending(), 5000);
        project::GoLiveInputs scratch; // the same check run from scratch
        scratch.key = &f.workspace->key();
        scratch.certificate = &f.workspace->certificate();
        scratch.composition = &f.workspace->derived();
        QVERIFY(f.workspace->hasKey() && !f.workspace->certificate().isNull());
        QCOMPARE(project::toJson(f.workspace->goLive()),
                 project::toJson(project::goLiveCheck(f.workspace->project(), scratch, f.workspace->clock())));

        // A flow that stops validating: its simulations are not run, at once, and nothing waits for the pause.
        handoff::flow::Flow broken = f.workspace->project().flow;
        QVERIFY(handoff::flow::edit::setProperty(broken, u"transfer"_s, u"number"_s, u"\"not a number\""_s));
        f.workspace->editFlow(u"number"_s, broken);
        f.workspace->recomputeNow();
        QVERIFY(!f.workspace->isGoLiveCheckPending());
        QCOMPARE(status("GOL007"), project::CheckStatus::Fail);
        QCOMPARE(status("GOL008"), project::CheckStatus::NotRun);
        QVERIFY(reason("GOL009").contains(u"GOL007"_s));
        // Fixed again: there are no simulations to reuse, so they run at once.
        f.workspace->undoStack()->undo();
        f.workspace->recomputeNow();
        QVERIFY(!f.workspace->isGoLiveCheckPending());
        QCOMPARE(status("GOL008"), project::CheckStatus::Pass);
        QCOMPARE(status("GOL009"), project::CheckStatus::Pass);
    }

    // The runbook prints offscreen: to a PDF printer, and through "Save as PDF" (atomically, to the chosen file);
    // the HTML export names the org id in both forms.
    void printsAndExportsTheRunbook() {
        Fixture f;
        addFlow(f);
        GoLivePage page(*f.workspace);
        QTemporaryDir dir;
        QPrinter printer(QPrinter::HighResolution);
        printer.setOutputFormat(QPrinter::PdfFormat);
        printer.setOutputFileName(dir.filePath(u"printed.pdf"_s));
        page.printRunbook(printer);
        QVERIFY(readFile(dir.filePath(u"printed.pdf"_s)).startsWith("%PDF-"));

        f.dialogs.saveFileAnswer = dir.filePath(u"saved.pdf"_s);
        page.setDialogs(f.dialogs);
        QVERIFY(page.saveRunbookPdf());
        const QByteArray pdf = readFile(dir.filePath(u"saved.pdf"_s));
        QVERIFY(pdf.startsWith("%PDF-"));
        QVERIFY(pdf.contains("%%EOF"));

        f.dialogs.saveFileAnswer = dir.filePath(u"runbook.html"_s);
        QVERIFY(page.exportRunbook());
        const QByteArray html = readFile(dir.filePath(u"runbook.html"_s));
        const auto id = handoff::salesforce::SalesforceId::parse(f.workspace->project().org.orgId);
        QVERIFY(id);
        QVERIFY(html.contains(id->id15().toUtf8()));
        QVERIFY(html.contains(id->id18().toUtf8()));
        QVERIFY(html.contains("GOL013"));
        QCOMPARE(html, page.runbookHtml());

        f.dialogs.saveFileAnswer.clear(); // cancelled: nothing written, false
        QVERIFY(!page.saveRunbookPdf());
    }
};

QTEST_MAIN(TestGoLivePage)
#include "TestGoLivePage.moc"
