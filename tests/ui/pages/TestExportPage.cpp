#include "PageTestSupport.h"
#include "pages/ExportPage.h"
#include "widgets/SensitiveClipboard.h"

#include <QCheckBox>
#include <QClipboard>
#include <QFile>
#include <QGuiApplication>
#include <QLineEdit>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using handoff::pages::ExportPage;
using handoff::pagetest::Fixture;
using handoff::widgets::SensitiveClipboard;
using What = ExportPage::What;

class TestExportPage final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        initSharedResources();
    }
    void init() { QGuiApplication::clipboard()->clear(); }

    void copyJsonPutsExactlyTheExportAndClearsIt() {
        Fixture f;
        ExportPage page(*f.workspace);
        page.setClipboardClearDelay(150ms);
        const QByteArray expected = f.workspace->derived().setUuiData.json;
        QVERIFY(!f.workspace->derived().token.isEmpty());
        QVERIFY(expected.contains(f.workspace->derived().token));
        QVERIFY(page.holdsToken(What::Json));

        auto* copy = page.findChild<QPushButton*>(u"copyJsonPushButton"_s);
        QVERIFY(copy && copy->isEnabled());
        QTest::mouseClick(copy, Qt::LeftButton);
        const QMimeData* mime = QGuiApplication::clipboard()->mimeData();
        QVERIFY(mime);
        QCOMPARE(mime->text().toUtf8(), expected);
        QCOMPARE(mime->data(SensitiveClipboard::passwordManagerHintMime()), QByteArray("secret"));
        QTRY_VERIFY(QGuiApplication::clipboard()->text().isEmpty());
    }

    void boundExpressionIsPlainAndStays() {
        Fixture f;
        ExportPage page(*f.workspace);
        page.setClipboardClearDelay(50ms);
        const QString expected = f.workspace->derived().setUuiData.expression;
        QVERIFY(expected.contains(u"Task.uuiToken"_s));
        QVERIFY(!page.holdsToken(What::Expression));
        page.copy(What::Expression);
        QCOMPARE(QGuiApplication::clipboard()->text(), expected);
        QVERIFY(!QGuiApplication::clipboard()->mimeData()->hasFormat(SensitiveClipboard::passwordManagerHintMime()));
        QVERIFY(!page.clipboard().isClearPending());
    }

    void literalTokenInTheExpressionIsSecret() {
        Fixture f;
        ExportPage page(*f.workspace);
        page.setClipboardClearDelay(100ms);
        auto* bind = page.findChild<QCheckBox*>(u"bindTokenCheckBox"_s);
        QVERIFY(bind && bind->isChecked());
        bind->click();
        QVERIFY(!f.workspace->project().exports.bindToken);
        f.workspace->recomputeNow();
        QVERIFY(page.holdsToken(What::Expression));
        page.copy(What::Expression);
        QCOMPARE(QGuiApplication::clipboard()->text(), f.workspace->derived().setUuiData.expression);
        QVERIFY(page.clipboard().isClearPending());
        QTRY_VERIFY(QGuiApplication::clipboard()->text().isEmpty());
    }

    void editingABindingChangesTheExpression() {
        Fixture f;
        ExportPage page(*f.workspace);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        auto* variable = page.findChild<QLineEdit*>(u"tokenVariableLineEdit"_s);
        auto* expression = page.findChild<QPlainTextEdit*>(u"expressionPlainTextEdit"_s);
        QVERIFY(variable && expression);
        variable->selectAll();
        QTest::keyClicks(variable, u"Flow.sfToken"_s);
        QCOMPARE(f.workspace->project().exports.tokenVariable, u"Flow.sfToken"_s);
        QTRY_VERIFY(expression->toPlainText().contains(u"Flow.sfToken"_s));
        QCOMPARE(page.exportText(What::Expression), expression->toPlainText());
    }

    void saveWritesTheExactTextAfterAWarning() {
        Fixture f;
        ExportPage page(*f.workspace);
        page.setDialogs(f.dialogs);
        QTemporaryDir dir;
        f.dialogs.saveFileAnswer = dir.filePath(u"uui.json"_s);

        f.dialogs.confirmAnswer = false; // declines the "token in a file" warning: nothing written
        QVERIFY(!page.saveToFile(What::Json));
        QVERIFY(!QFile::exists(f.dialogs.saveFileAnswer));

        f.dialogs.confirmAnswer = true;
        QVERIFY(page.saveToFile(What::Json));
        QFile file(f.dialogs.saveFileAnswer);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), f.workspace->derived().setUuiData.json + '\n');
        QVERIFY(!file.permissions().testFlag(QFileDevice::ReadOther));

        f.dialogs.saveFileAnswer = dir.filePath(u"no-such-folder/x.txt"_s);
        f.dialogs.asked.clear();
        QVERIFY(!page.saveToFile(What::Expression));
        QVERIFY(!f.dialogs.asked.isEmpty()); // the failure was reported
    }
};

QTEST_MAIN(TestExportPage)
#include "TestExportPage.moc"
