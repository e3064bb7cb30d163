#include "ScriptedDialogs.h"
#include "common/Clock.h"
#include "crypto/Certificate.h"
#include "flow/FlowPage.h"
#include "flow/FlowScene.h"
#include "flow/SimulationPanel.h"
#include "jwt/Jwt.h"
#include "pages/OrgPage.h"
#include "project/ProjectFile.h"
#include "project/SecretStore.h"
#include "shell/MainWindow.h"
#include "shell/ProblemsDock.h"
#include "shell/ProjectController.h"
#include "shell/Workspace.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QUndoStack>

#include <memory>

using namespace Qt::StringLiterals;
using handoff::FixedClock;
using handoff::project::Project;
using handoff::shell::Dialogs;
using handoff::shell::MainWindow;
using handoff::shell::ProblemsModel;
using handoff::shell::ProjectController;
using handoff::shell::Workspace;
using handoff::shell::test::ScriptedDialogs;

namespace {

// A valid 15-character org id (the 18-character form is 00DRM0000006CSzMAM-like; only the shape matters here).
const QString kOrgId = u"00DRM000000TEST"_s;
const QString kDomain = u"mycompany.my.salesforce-scrt.com"_s;

QString testFile(const char* name) {
    return QStringLiteral(HANDOFF_TEST_DATA) + u'/' + QLatin1StringView(name);
}

QByteArray readAll(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// One real window on a fixed clock, with scripted dialogs and an in-memory secret store.
struct Studio {
    FixedClock clock = FixedClock::atSecs(1'795'000'000);
    handoff::project::MemorySecretStore secrets;
    ScriptedDialogs dialogs;
    Workspace workspace{clock, secrets};
    MainWindow window{workspace, dialogs};

    Studio() {
        window.show();
        window.activateWindow();
        // Shortcuts need the window to be active.
        [[maybe_unused]] const bool active = QTest::qWaitForWindowActive(&window);
        workspace.recomputeNow();
    }
    handoff::pages::OrgPage* org() const { return qobject_cast<handoff::pages::OrgPage*>(window.page(u"org"_s)); }
    template <typename T>
    T* find(const QString& name) const {
        return window.findChild<T*>(name);
    }
    bool hasProblem(const QString& field) const {
        for (const auto& d : window.problemsDock()->model()->diagnostics()) {
            if (d.where.field == field) {
                return true;
            }
        }
        return false;
    }
    void fillOrg() {
        workspace.edit(u"fill"_s, [](Project& p) {
            p.name = u"Support line"_s;
            p.org.orgId = kOrgId;
            p.org.scrt2Domain = kDomain;
            p.org.callCenterApiName = u"Genesys_Voice"_s;
        });
        workspace.recomputeNow();
    }
};

} // namespace

class TestMainWindow final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"Handoff Studio Tests"_s);
        QCoreApplication::setApplicationName(u"test_ui_mainwindow"_s);
    }

    void init() {
        QSettings().clear();
        QDir(ProjectController::recoveryDirectory()).removeRecursively();
    }

    void typingIntoOrgIdUpdatesProblemsAndStatusBar() {
        Studio s;
        auto* orgId = s.find<QLineEdit>(u"orgIdLineEdit"_s);
        QVERIFY(orgId);
        const QString budgetBefore = s.window.budgetLabel()->text();
        QVERIFY(budgetBefore.startsWith(u"UUI header "_s));

        orgId->setFocus();
        QTest::keyClicks(orgId, u"00X12"_s);
        QCOMPARE(s.workspace.project().org.orgId, u"00X12"_s);
        QTRY_VERIFY(s.hasProblem(u"org.orgId"_s));
        // The inline message under the field says the same thing.
        auto* message = s.find<QLabel>(u"orgIdMessage"_s);
        QVERIFY(message && !message->isHidden());
        QVERIFY(!message->text().isEmpty());

        orgId->clear();
        QTest::keyClicks(orgId, kOrgId);
        QTRY_VERIFY(!s.hasProblem(u"org.orgId"_s));
        // orgId is part of the UUI: a longer value changes the measured header, and the status bar follows it.
        const auto& budget = s.workspace.derived().budget;
        QVERIFY(s.window.budgetLabel()->text() != budgetBefore);
        QVERIFY(
            s.window.budgetLabel()->text().contains(QLocale(QLocale::English).toString(qlonglong(budget.measured))));
        QVERIFY(s.window.budgetLabel()->text().contains(u"(hex)"_s));
        // Typing in one field is one undo step (clear() is not an edit: the typing after it replaced the text).
        QCOMPARE(s.workspace.undoStack()->count(), 1);
        s.workspace.undoStack()->undo();
        QCOMPARE(orgId->text(), Project::defaults().org.orgId);
    }

    void statusBarColourTellsTheState() {
        Studio s;
        s.fillOrg();
        auto* label = s.window.budgetLabel();
        const QColor before = label->palette().color(QPalette::WindowText);
        const bool fitsBefore = s.workspace.derived().budget.fits();
        // A tiny limit cannot fit: the label turns to the error colour.
        s.workspace.edit(u"limit"_s, [fitsBefore](Project& p) { p.trunk.limit = fitsBefore ? 10 : 100000; });
        s.workspace.recomputeNow();
        QCOMPARE(s.workspace.derived().budget.fits(), !fitsBefore);
        QVERIFY(label->palette().color(QPalette::WindowText) != before);
    }

    void statusColoursFollowADarkPalette() {
        Studio s;
        s.fillOrg();
        const QPalette original = QApplication::palette();
        const auto lightness = [&s] {
            return s.window.budgetLabel()->palette().color(QPalette::WindowText).lightness();
        };
        const int onLight = lightness();
        QPalette dark = original;
        dark.setColor(QPalette::Window, QColor(0x20, 0x20, 0x20));
        dark.setColor(QPalette::WindowText, QColor(0xee, 0xee, 0xee));
        dark.setColor(QPalette::Base, QColor(0x18, 0x18, 0x18));
        dark.setColor(QPalette::Text, QColor(0xee, 0xee, 0xee));
        // An inline field message too.
        s.workspace.edit(u"bad"_s, [](Project& p) { p.org.orgId = u"bad"_s; });
        s.workspace.recomputeNow();
        auto* message = s.find<QLabel>(u"orgIdMessage"_s);
        QVERIFY(!message->isHidden());
        const int messageOnLight = message->palette().color(QPalette::WindowText).lightness();
        QApplication::setPalette(dark);
        QTRY_VERIFY(lightness() > onLight);
        QVERIFY(lightness() > 128); // readable on a dark window
        QTRY_VERIFY(message->palette().color(QPalette::WindowText).lightness() > messageOnLight);
        QCOMPARE(message->palette().color(QPalette::Window), dark.color(QPalette::Window));
        QApplication::setPalette(original);
        QTRY_COMPARE(lightness(), onLight);
    }

    // The Flow page's simulation view draws on the canvas: after a run the call's path is marked, and stepping marks
    // the current action, the one the panel names.
    void theSimulationMarksTheCanvas() {
        Studio s;
        QVERIFY(s.window.projects()->load(QStringLiteral(HANDOFF_SOURCE_DIR) + u"/resources/samples/sample.handoff"_s));
        QVERIFY(s.window.showPage(u"flow"_s));
        auto* page = qobject_cast<handoff::flow::FlowPage*>(s.window.page(u"flow"_s));
        auto* panel = s.window.findChild<handoff::flow::SimulationPanel*>();
        QVERIFY(page && panel);
        QVERIFY(panel->runCall());
        QVERIFY(panel->trace().has_value());
        panel->stepForward();
        panel->stepForward();
        const QString current = panel->currentActionId();
        QVERIFY(!current.isEmpty());
        handoff::flow::ActionItem* item = page->scene()->actionItem(current);
        QVERIFY(item);
        QVERIFY(item->marks().current);
        QVERIFY(item->marks().onPath);
        int onPath = 0;
        for (const auto& step : panel->trace()->steps) {
            if (auto* i = page->scene()->actionItem(step.actionId); i && i->marks().onPath) {
                ++onPath;
            }
        }
        QVERIFY(onPath >= 2);
        panel->stepForward();
        QVERIFY(!item->marks().current || panel->currentActionId() == current);
    }

    void pagesAreReachableFromTheKeyboard() {
        Studio s;
        const QStringList ids{u"org"_s,  u"token"_s, u"uui"_s,    u"export"_s,
                              u"call"_s, u"flow"_s,  u"golive"_s, u"training"_s};
        QCOMPARE(s.window.pages().size(), ids.size());
        for (int i = 0; i < ids.size(); ++i) {
            QTest::keySequence(&s.window, QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_1 + i)));
            QCOMPARE(s.window.currentPage()->pageId(), ids.at(i));
        }
        // Every page has a title and an icon for the sidebar.
        for (auto* page : s.window.pages()) {
            QVERIFY(!page->title().isEmpty());
            QVERIFY(!page->icon().isNull());
        }
    }

    void clickingAProblemFocusesItsField() {
        Studio s;
        QVERIFY(QTest::qWaitForWindowActive(&s.window));
        s.workspace.edit(u"bad"_s, [](Project& p) { p.org.orgId = u"not-an-id"_s; });
        s.workspace.recomputeNow();
        auto* view = s.window.problemsDock()->view();
        QModelIndex target;
        for (int row = 0; row < view->model()->rowCount(); ++row) {
            const QModelIndex index = view->model()->index(row, ProblemsModel::MessageColumn);
            if (index.data(ProblemsModel::DiagnosticRole).value<handoff::diagnostics::Diagnostic>().where.field ==
                u"org.orgId"_s) {
                target = index;
            }
        }
        QVERIFY(target.isValid());
        view->setFocus();
        auto* orgId = s.find<QLineEdit>(u"orgIdLineEdit"_s);
        QVERIFY(!orgId->hasFocus());
        view->scrollTo(target);
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(target).center());
        QTRY_VERIFY(orgId->hasFocus());
        QCOMPARE(orgId->selectedText(), u"not-an-id"_s);

        // Keyboard: Enter on a problem does the same.
        view->setFocus();
        view->setCurrentIndex(target);
        QTest::keyClick(view, Qt::Key_Return);
        QTRY_VERIFY(orgId->hasFocus());
    }

    void aProblemOnAnotherPageSwitchesToIt_data() {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("page");
        QTest::addColumn<QString>("widget");
        QTest::newRow("UUI transactionId") << u"uui.transactionId"_s << u"uui"_s << u"transactionIdLineEdit"_s;
        QTest::newRow("token lifetime") << u"claims.exp"_s << u"token"_s << u"lifetimeSpinBox"_s;
        QTest::newRow("org id") << u"org.orgId"_s << u"org"_s << u"orgIdLineEdit"_s;
    }

    void aProblemOnAnotherPageSwitchesToIt() {
        QFETCH(QString, field);
        QFETCH(QString, page);
        QFETCH(QString, widget);
        Studio s;
        QVERIFY(QTest::qWaitForWindowActive(&s.window));
        QVERIFY(s.window.showPage(u"export"_s));
        handoff::diagnostics::Diagnostic d;
        d.code = u"UUI001"_s;
        d.message = u"test"_s;
        d.where.field = field;
        QVERIFY(s.window.focusDiagnostic(d));
        QCOMPARE(s.window.currentPage()->pageId(), page);
        auto* target = s.find<QWidget>(widget);
        QVERIFY(target);
        QTRY_VERIFY(target->hasFocus() || target->isAncestorOf(QApplication::focusWidget()) ||
                    (!target->isEnabled() && s.window.currentPage()->isAncestorOf(QApplication::focusWidget())));
        // With the field enabled, the editor itself takes the focus.
        if (!target->isEnabled()) {
            s.workspace.edit(u"enable"_s, [](Project& p) { p.uui.transactionId = u"order-1"_s; });
            QTRY_VERIFY(target->isEnabled());
            QVERIFY(s.window.showPage(u"export"_s));
            QVERIFY(s.window.focusDiagnostic(d));
            QTRY_VERIFY(target->hasFocus());
        }
    }

    void f8WalksThroughTheProblems() {
        Studio s;
        QVERIFY(QTest::qWaitForWindowActive(&s.window));
        s.workspace.edit(u"bad"_s, [](Project& p) {
            p.org.orgId = u"bad"_s;
            p.org.callCenterApiName = u"bad name"_s;
        });
        s.workspace.recomputeNow();
        const int rows = s.window.problemsDock()->model()->rowCount();
        QVERIFY(rows >= 2);
        QStringList visited;
        for (int i = 0; i < rows; ++i) {
            QTest::keyClick(&s.window, Qt::Key_F8);
            visited << s.window.problemsDock()
                           ->view()
                           ->currentIndex()
                           .data(ProblemsModel::DiagnosticRole)
                           .value<handoff::diagnostics::Diagnostic>()
                           .where.field;
        }
        QVERIFY(visited.contains(u"org.orgId"_s));
        QVERIFY(visited.contains(u"org.callCenterApiName"_s));
        QCOMPARE(s.window.problemsDock()->view()->currentIndex().row(), rows - 1);
        QTest::keyClick(&s.window, Qt::Key_F8); // wraps to the first
        QCOMPARE(s.window.problemsDock()->view()->currentIndex().row(), 0);
        QTest::keyClick(&s.window, Qt::Key_F8, Qt::ShiftModifier); // and back
        QCOMPARE(s.window.problemsDock()->view()->currentIndex().row(), rows - 1);
    }

    void saveAndReopenRoundTripsWithoutKeyMaterial() {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"roundtrip.handoff"_s);
        {
            Studio s;
            s.fillOrg();
            QVERIFY(s.org()->importKeyFile(testFile("rsa2048-pkcs8-test-only.pem")));
            QVERIFY(s.workspace.hasKey());
            QTRY_VERIFY(!s.workspace.derived().token.isEmpty());
            QVERIFY(s.window.isWindowModified());
            s.dialogs.saveFiles.enqueue(path);
            QTest::keySequence(&s.window, QKeySequence::Save);
            QTRY_VERIFY(QFile::exists(path));
            QVERIFY(!s.workspace.isDirty());
            QVERIFY(!s.window.isWindowModified());
            QCOMPARE(s.workspace.filePath(), QFileInfo(path).absoluteFilePath());
            QVERIFY(s.window.windowTitle().startsWith(u"roundtrip.handoff"_s));

            const QByteArray bytes = readAll(path);
            QVERIFY(!bytes.isEmpty());
            QVERIFY(!bytes.contains("PRIVATE KEY"));
            QVERIFY(!bytes.contains(s.workspace.derived().token.split('.').value(2)));
            const QList<QByteArray> keyLines = readAll(testFile("rsa2048-pkcs8-test-only.pem")).split('\n');
            for (int i = 1; i + 2 < keyLines.size(); ++i) {
                QVERIFY2(!bytes.contains(keyLines.at(i)), "a line of the private key is in the project file");
            }
        }
        Studio reopened;
        QVERIFY(reopened.window.projects()->load(path));
        const Project& p = reopened.workspace.project();
        QCOMPARE(p.name, u"Support line"_s);
        QCOMPARE(p.org.orgId, kOrgId);
        QCOMPARE(p.org.scrt2Domain, kDomain);
        QCOMPARE(p.org.callCenterApiName, u"Genesys_Voice"_s);
        QVERIFY(!reopened.workspace.isDirty());
        QCOMPARE(reopened.find<QLineEdit>(u"orgIdLineEdit"_s)->text(), kOrgId);
        // The key comes back from the secret store the project names (here: a new store, so from the key file).
        QVERIFY(reopened.workspace.hasKey());
        QCOMPARE(reopened.window.projects()->recentFiles().value(0), QFileInfo(path).absoluteFilePath());
        QVERIFY(reopened.dialogs.messages.isEmpty());
    }

    void theBundledSampleOpensClean() {
        Studio s;
        QVERIFY(s.window.projects()->load(QStringLiteral(HANDOFF_SOURCE_DIR) + u"/resources/samples/sample.handoff"_s));
        QVERIFY(!s.workspace.isDirty());
        QVERIFY(!s.window.isWindowModified());
        QVERIFY(!s.workspace.project().org.orgId.isEmpty());
        QVERIFY(s.dialogs.messages.isEmpty());
        QVERIFY(s.window.close()); // nothing to save
        QVERIFY(s.dialogs.messages.isEmpty());
    }

    void corruptOrNewerFileIsRefusedAndLeftUntouched_data() {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("code");
        QTest::newRow("not JSON") << QByteArray("{\"format\": \"handoff-studio-project\", \"version\": 1,,}")
                                  << u"PRJ001"_s;
        QTest::newRow("newer version") << QByteArray("{\"format\":\"handoff-studio-project\",\"version\":99}")
                                       << u"PRJ002"_s;
        QTest::newRow("not a project") << QByteArray("{\"hello\":\"world\"}") << u"PRJ006"_s;
    }

    void corruptOrNewerFileIsRefusedAndLeftUntouched() {
        QFETCH(QByteArray, content);
        QFETCH(QString, code);
        QTemporaryDir dir;
        const QString path = dir.filePath(u"broken.handoff"_s);
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(content);
        }
        Studio s;
        s.fillOrg();
        s.workspace.markSaved();
        s.dialogs.openFiles.enqueue(path);
        QTest::keySequence(&s.window, QKeySequence::Open);
        QTRY_COMPARE(s.dialogs.messages.size(), 1);
        const auto& shown = s.dialogs.messages.first();
        QCOMPARE(shown.kind, u"critical"_s);
        QVERIFY2(shown.text.contains(u"broken.handoff"_s), qPrintable(shown.text));
        QVERIFY2(shown.text.contains(code), qPrintable(shown.text));
        // Nothing overwritten, nothing replaced.
        QCOMPARE(readAll(path), content);
        QCOMPARE(s.workspace.project().org.orgId, kOrgId);
        QVERIFY(s.workspace.filePath().isEmpty());
        // Saving afterwards does not go to the broken file.
        s.workspace.edit(u"x"_s, [](Project& p) { p.name = u"Other"_s; });
        s.dialogs.saveFiles.enqueue(dir.filePath(u"other.handoff"_s));
        QVERIFY(s.window.projects()->save());
        QCOMPARE(readAll(path), content);
    }

    void generatedKeySignsATokenThatVerifies() {
        QTemporaryDir dir;
        Studio s;
        s.fillOrg();
        QVERIFY(s.workspace.derived().token.isEmpty());
        auto* generate = s.find<QPushButton>(u"generateKeyButton"_s);
        QVERIFY(generate);
        QTest::mouseClick(generate, Qt::LeftButton);
        QTRY_VERIFY(!s.workspace.derived().token.isEmpty());
        QVERIFY(!s.workspace.certificate().isNull());
        QVERIFY(s.workspace.certificate().matches(s.workspace.key()));

        auto decoded = handoff::jwt::decode(s.workspace.derived().token);
        QVERIFY(decoded.has_value());
        QVERIFY(handoff::jwt::verify(*decoded, s.workspace.certificate()).has_value());
        QCOMPARE(decoded->claims.stringClaim(u"iss"_s).value_or(QString()).left(15), kOrgId);
        QCOMPARE(decoded->claims.stringClaim(u"sub"_s).value_or(QString()), u"Genesys_Voice"_s);
        QVERIFY(s.find<QLabel>(u"keyMatchLabel"_s)->text().contains(u"match"_s));

        // The certificate saved for Salesforce verifies the same token.
        const QString certificatePath = dir.filePath(u"for-salesforce.crt"_s);
        s.dialogs.saveFiles.enqueue(certificatePath);
        QTest::mouseClick(s.find<QPushButton>(u"saveCertificateButton"_s), Qt::LeftButton);
        QTRY_VERIFY(QFile::exists(certificatePath));
        auto saved = handoff::crypto::Certificate::load(certificatePath);
        QVERIFY(saved.has_value());
        QVERIFY(handoff::jwt::verify(*decoded, *saved).has_value());
        QVERIFY(!readAll(certificatePath).contains("PRIVATE"));
        QVERIFY(s.dialogs.unexpected.isEmpty());
    }

    void encryptedKeyAsksForThePassphrase() {
        Studio s;
        s.dialogs.passphrases.enqueue("wrong");
        s.dialogs.passphrases.enqueue("handoff-test-only");
        QVERIFY(s.org()->importKeyFile(testFile("rsa2048-pkcs8-encrypted-test-only.pem")));
        QVERIFY(s.workspace.hasKey());
        QVERIFY(s.dialogs.passphrases.isEmpty());
        QVERIFY(s.dialogs.messages.isEmpty());

        Studio cancelled;
        QVERIFY(!cancelled.org()->importKeyFile(testFile("rsa2048-pkcs8-encrypted-test-only.pem")));
        QVERIFY(!cancelled.workspace.hasKey());
    }

    void pastedKeyIsUsedAndWiped() {
        Studio s;
        s.fillOrg();
        s.dialogs.pastes.enqueue(readAll(testFile("rsa2048-pkcs1-test-only.pem")));
        QTest::mouseClick(s.find<QPushButton>(u"pasteKeyButton"_s), Qt::LeftButton);
        QTRY_VERIFY(s.workspace.hasKey());
        QCOMPARE(s.workspace.key().bits(), 2048);
        QTRY_VERIFY(!s.workspace.derived().token.isEmpty());
        QVERIFY(s.find<QLabel>(u"keySummaryLabel"_s)->text().contains(u"2048"_s));
        // Garbage is refused with a message, and the key stays as it was.
        s.dialogs.pastes.enqueue(readAll(testFile("garbage-test-only.pem")));
        QTest::mouseClick(s.find<QPushButton>(u"pasteKeyButton"_s), Qt::LeftButton);
        QTRY_COMPARE(s.dialogs.messages.size(), 1);
        QCOMPARE(s.dialogs.messages.first().kind, u"critical"_s);
        QVERIFY(s.workspace.hasKey());
    }

    void closePromptsForUnsavedChanges_data() {
        QTest::addColumn<int>("choice");
        QTest::addColumn<bool>("closes");
        QTest::addColumn<bool>("saved");
        QTest::newRow("cancel keeps the window") << int(Dialogs::SaveChoice::Cancel) << false << false;
        QTest::newRow("discard closes") << int(Dialogs::SaveChoice::Discard) << true << false;
        QTest::newRow("save saves, then closes") << int(Dialogs::SaveChoice::Save) << true << true;
    }

    void closePromptsForUnsavedChanges() {
        QFETCH(int, choice);
        QFETCH(bool, closes);
        QFETCH(bool, saved);
        QTemporaryDir dir;
        const QString path = dir.filePath(u"closing.handoff"_s);
        Studio s;
        s.fillOrg();
        QVERIFY(s.window.windowTitle().contains(u"[*]"_s) || s.window.isWindowModified());
        s.dialogs.saveChoices.enqueue(static_cast<Dialogs::SaveChoice>(choice));
        s.dialogs.saveFiles.enqueue(path);
        QCOMPARE(s.window.close(), closes);
        QCOMPARE(s.dialogs.kinds(), QStringList{u"save-changes"_s});
        QCOMPARE(s.window.isVisible(), !closes);
        QCOMPARE(QFile::exists(path), saved);
        QCOMPARE(s.workspace.isDirty(), !saved);
    }

    void cleanWindowClosesWithoutAsking() {
        Studio s;
        QVERIFY(s.window.close());
        QVERIFY(s.dialogs.messages.isEmpty());
    }

    void autosaveIsOfferedAfterACrash() {
        {
            Studio crashed;
            crashed.fillOrg();
            QVERIFY(crashed.window.projects()->writeRecovery());
            QVERIFY(QFile::exists(crashed.window.projects()->recoveryFile()));
            const QByteArray recovery = readAll(crashed.window.projects()->recoveryFile());
            QVERIFY(!recovery.contains("PRIVATE KEY"));
            // No close event: the process "dies" here, leaving the recovery file behind.
        }
        Studio next;
        next.dialogs.confirmAnswers.enqueue(true);
        QVERIFY(next.window.projects()->offerRecovery());
        QCOMPARE(next.workspace.project().org.orgId, kOrgId);
        QVERIFY(next.workspace.isDirty());
        QVERIFY(next.window.isWindowModified());

        // Declined: the copy is discarded and not offered again.
        QVERIFY(next.window.projects()->writeRecovery());
        Studio declined;
        declined.dialogs.confirmAnswers.enqueue(false);
        QVERIFY(!declined.window.projects()->offerRecovery());
        QCOMPARE(declined.workspace.project().org.orgId, Project::defaults().org.orgId);
        Studio again;
        QVERIFY(!again.window.projects()->offerRecovery());
        QVERIFY(again.dialogs.messages.isEmpty());
    }

    void undoRedoFromTheKeyboardUseTheProjectHistory() {
        Studio s;
        auto* orgId = s.find<QLineEdit>(u"orgIdLineEdit"_s);
        orgId->setFocus();
        QTest::keyClicks(orgId, u"00D"_s);
        QCOMPARE(s.workspace.project().org.orgId, u"00D"_s);
        QTest::keySequence(orgId, QKeySequence::Undo);
        QCOMPARE(s.workspace.project().org.orgId, Project::defaults().org.orgId);
        QCOMPARE(orgId->text(), Project::defaults().org.orgId);
        QTest::keySequence(orgId, QKeySequence::Redo);
        QCOMPARE(orgId->text(), u"00D"_s);
    }
};

QTEST_MAIN(TestMainWindow)
#include "TestMainWindow.moc"
