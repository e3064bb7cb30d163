// The Export page's Function Data Action and contract sections: Copy and Save give exactly core/exports' output, the
// runtime and timeout edit the project, and the section is reachable by keyboard.
#include "PageTestSupport.h"
#include "exports/DataActionContracts.h"
#include "exports/FunctionPackage.h"
#include "flow/FlowTemplates.h"
#include "pages/ExportPage.h"
#include "pages/GenesysExportSection.h"
#include "project/ProjectExports.h"
#include "widgets/SensitiveClipboard.h"

#include <QClipboard>
#include <QComboBox>
#include <QFile>
#include <QGuiApplication>
#include <QLineEdit>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace Qt::StringLiterals;
using handoff::pages::ExportPage;
using handoff::pages::GenesysExportSection;
using handoff::pagetest::Fixture;
using Text = GenesysExportSection::Text;

class TestGenesysExportSection final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        initSharedResources();
    }
    void init() { QGuiApplication::clipboard()->clear(); }

    void copyCodeIsExactlyThePackagesHandler() {
        Fixture f;
        ExportPage page(*f.workspace);
        auto* copy = page.findChild<QPushButton*>(u"copyFunctionCodePushButton"_s);
        QVERIFY(copy && copy->isEnabled());
        QTest::mouseClick(copy, Qt::LeftButton);
        const QByteArray expected =
            handoff::exports::buildFunctionPackage(f.workspace->project()).file(u"src/index.js"_s);
        QVERIFY(!expected.isEmpty());
        QCOMPARE(QGuiApplication::clipboard()->text().toUtf8(), expected);
        QVERIFY(!QGuiApplication::clipboard()->mimeData()->hasFormat(
            handoff::widgets::SensitiveClipboard::passwordManagerHintMime()));
        auto* view = page.findChild<QPlainTextEdit*>(u"functionCodePlainTextEdit"_s);
        QVERIFY(view);
        QCOMPARE(view->toPlainText().toUtf8(), expected);
    }

    void timeoutAndRuntimeEditTheProject() {
        Fixture f;
        ExportPage page(*f.workspace);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        auto* timeout = page.findChild<QSpinBox*>(u"functionTimeoutSpinBox"_s);
        auto* runtime = page.findChild<QLineEdit*>(u"functionRuntimeLineEdit"_s);
        QVERIFY(timeout && runtime);
        QCOMPARE(timeout->value(), 15);
        QCOMPARE(runtime->text(), u"nodejs20.x"_s);
        timeout->setValue(9);
        QCOMPARE(f.workspace->project().functionDataAction.timeoutSeconds, 9);
        QVERIFY(page.genesysSection().text(Text::FunctionCode).contains(u"\"timeoutSeconds\":9"_s));
        runtime->selectAll();
        QTest::keyClicks(runtime, u"nodejs16.x"_s);
        QCOMPARE(f.workspace->project().functionDataAction.runtime, u"nodejs16.x"_s);
        auto* save = page.findChild<QPushButton*>(u"saveFunctionZipPushButton"_s);
        QVERIFY(save);
        QTRY_VERIFY(!save->isEnabled()); // EXP010: not written
        f.workspace->undoStack()->undo();
        QTRY_VERIFY(save->isEnabled());
    }

    void saveZipWritesAPackagePythonReads() {
        Fixture f;
        ExportPage page(*f.workspace);
        page.setDialogs(f.dialogs);
        QTemporaryDir dir;
        f.dialogs.saveFileAnswer = dir.filePath(u"handoff-fn.zip"_s);
        QVERIFY(page.genesysSection().saveFunctionZip());
        QProcess python;
        python.start(u"python3"_s,
                     {u"-c"_s,
                      u"import sys, zipfile\nz = zipfile.ZipFile(sys.argv[1])\nassert z.testzip() is None\n"
                      u"sys.stdout.buffer.write(z.read('src/index.js'))"_s,
                      f.dialogs.saveFileAnswer});
        QVERIFY(python.waitForFinished(30000));
        QCOMPARE(python.exitCode(), 0);
        QCOMPARE(python.readAllStandardOutput(),
                 handoff::exports::buildFunctionPackage(f.workspace->project()).file(u"src/index.js"_s));

        f.dialogs.saveFileAnswer = dir.filePath(u"not uploadable.zip"_s);
        f.dialogs.asked.clear();
        QVERIFY(!page.genesysSection().saveFunctionZip());
        QVERIFY(f.dialogs.asked.contains(u"Could not save"_s));
        QVERIFY(!QFile::exists(f.dialogs.saveFileAnswer));
    }

    void contractsShowCopyAndSave_data() {
        QTest::addColumn<int>("index");
        QTest::addColumn<QString>("which");
        QTest::newRow("input") << 0 << u"input"_s;
        QTest::newRow("output") << 1 << u"output"_s;
        QTest::newRow("template") << 2 << u"template"_s;
        QTest::newRow("configuration") << 3 << u"configuration"_s;
        QTest::newRow("archy") << 4 << u"archy"_s;
    }
    void contractsShowCopyAndSave() {
        QFETCH(int, index);
        QFETCH(QString, which);
        Fixture f;
        if (which == u"archy"_s) {
            // The flow as Archy: give the project the article's flow first.
            handoff::project::Project p = f.workspace->project();
            p.flow = handoff::flow::sipTransferTemplate();
            f.workspace->resetProject(p);
        }
        ExportPage page(*f.workspace);
        page.setDialogs(f.dialogs);
        const auto contracts = handoff::exports::buildDataActionContracts(f.workspace->project());
        const auto archy = handoff::project::exportArchy(f.workspace->project());
        const QByteArray expected = which == u"input"_s      ? contracts.inputContract
                                    : which == u"output"_s   ? contracts.outputContract
                                    : which == u"template"_s ? contracts.requestTemplate
                                    : which == u"archy"_s    ? archy.value_or(QByteArray())
                                                             : contracts.configuration;
        QVERIFY(!expected.isEmpty());
        auto* combo = page.findChild<QComboBox*>(u"contractComboBox"_s);
        auto* view = page.findChild<QPlainTextEdit*>(u"contractPlainTextEdit"_s);
        auto* copy = page.findChild<QPushButton*>(u"copyContractPushButton"_s);
        auto* save = page.findChild<QPushButton*>(u"saveContractPushButton"_s);
        QVERIFY(combo && view && copy && save);
        combo->setCurrentIndex(index);
        QCOMPARE(view->toPlainText().toUtf8(), expected);
        QTest::mouseClick(copy, Qt::LeftButton);
        QCOMPARE(QGuiApplication::clipboard()->text().toUtf8(), expected);
        QTemporaryDir dir;
        f.dialogs.saveFileAnswer = dir.filePath(u"out.txt"_s);
        QTest::mouseClick(save, Qt::LeftButton);
        QFile file(f.dialogs.saveFileAnswer);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), expected);
    }

    void reachableByKeyboard() {
        Fixture f;
        ExportPage page(*f.workspace);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        auto* saveJson = page.findChild<QPushButton*>(u"saveJsonPushButton"_s);
        QVERIFY(saveJson);
        saveJson->setFocus();
        QTRY_VERIFY(saveJson->hasFocus());
        QStringList visited;
        for (int i = 0; i < 12; ++i) {
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
            visited << QApplication::focusWidget()->objectName();
        }
        QCOMPARE(visited.mid(0, 5),
                 (QStringList{u"functionRuntimeLineEdit"_s, u"functionTimeoutSpinBox"_s, u"functionProblemsList"_s,
                              u"functionCodePlainTextEdit"_s, u"copyFunctionCodePushButton"_s}));
        QVERIFY(visited.contains(u"saveFunctionZipPushButton"_s));
        QVERIFY(visited.contains(u"contractComboBox"_s));
        QVERIFY(visited.contains(u"saveContractPushButton"_s));
        QVERIFY(visited.contains(u"clearSecondsSpinBox"_s));
    }

    void problemsLocateTheSettings() {
        Fixture f;
        ExportPage page(*f.workspace);
        QVERIFY(page.ownsField(u"functionDataAction.timeoutSeconds"_s));
        QCOMPARE(page.fieldWidget(u"functionDataAction.runtime"_s),
                 page.findChild<QLineEdit*>(u"functionRuntimeLineEdit"_s));
    }
};

QTEST_MAIN(TestGenesysExportSection)
#include "TestGenesysExportSection.moc"
