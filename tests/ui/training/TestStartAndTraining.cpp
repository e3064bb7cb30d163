#include "../shell/ScriptedDialogs.h"
#include "common/Clock.h"
#include "project/NewProject.h"
#include "project/ProjectFile.h"
#include "project/SecretStore.h"
#include "salesforce/SalesforceId.h"
#include "shell/MainWindow.h"
#include "shell/ProjectController.h"
#include "shell/Workspace.h"
#include "training/HelpDocs.h"
#include "training/StartDialog.h"
#include "training/TrainingPage.h"
#include "training/TrainingProgress.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace handoff;
using shell::test::ScriptedDialogs;
using training::StartDialog;

namespace {

struct Studio {
    FixedClock clock = FixedClock::atSecs(1'795'000'000);
    project::MemorySecretStore secrets;
    ScriptedDialogs dialogs;
    shell::Workspace workspace{clock, secrets};
    shell::MainWindow window{workspace, dialogs};
    Studio() {
        window.show();
        workspace.recomputeNow();
    }
    template <typename T>
    T* find(const QString& name) const {
        return window.findChild<T*>(name);
    }
};

template <typename T>
T* child(const QWidget& parent, const char* name) {
    T* w = parent.findChild<T*>(QString::fromLatin1(name));
    if (!w) {
        qFatal("no child %s", name);
    }
    return w;
}

} // namespace

class TestStartAndTraining final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"Handoff Studio Tests"_s);
        QCoreApplication::setApplicationName(u"test_ui_start_training"_s);
    }

    void init() {
        QSettings().clear();
        QDir(training::TrainingPage::trainingDirectory()).removeRecursively();
    }

    // The form is checked as typed by the org profile's rules; Create is enabled only without errors.
    void newProjectFormIsCheckedAsTyped() {
        Studio s;
        StartDialog dialog(s.workspace, s.window.projects(), &s.window);
        dialog.show();
        auto* orgId = child<QLineEdit>(dialog, "newProjectOrgIdLineEdit");
        auto* domain = child<QLineEdit>(dialog, "newProjectScrt2LineEdit");
        auto* callCenter = child<QLineEdit>(dialog, "newProjectCallCenterLineEdit");
        auto* problems = child<QLabel>(dialog, "newProjectProblemsLabel");
        auto* create = child<QPushButton>(dialog, "createProjectPushButton");
        QVERIFY(!create->isEnabled());

        QTest::keyClicks(orgId, u"00D5g0000"_s);
        QVERIFY2(problems->text().contains(u"ID001"_s), qPrintable(problems->text()));
        QVERIFY(!create->isEnabled());
        QTest::keyClicks(orgId, u"04XyZ1"_s);
        QTest::keyClicks(domain, u"acme.my.salesforce.com"_s); // the org's own domain, not SCRT2
        QVERIFY2(problems->text().contains(u"ORG003"_s), qPrintable(problems->text()));
        QVERIFY(!problems->text().contains(u"ID001"_s));
        domain->clear();
        QTest::keyClicks(domain, u"acme.my.salesforce-scrt.com"_s);
        QVERIFY(!create->isEnabled()); // SCV needs the Call Center API name (ORG008)
        QVERIFY2(problems->text().contains(u"ORG008"_s), qPrintable(problems->text()));
        QTest::keyClicks(callCenter, u"acme_cc"_s);
        QVERIFY2(create->isEnabled(), qPrintable(problems->text()));

        QTest::mouseClick(create, Qt::LeftButton);
        QCOMPARE(dialog.choice(), StartDialog::Choice::NewProject);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        const project::Project& p = s.workspace.project();
        QCOMPARE(p.org.orgId, u"00D5g000004XyZ1"_s);
        QCOMPARE(p.org.callCenterApiName, u"acme_cc"_s);
        QVERIFY(!p.flow.isEmpty());
        QVERIFY(s.workspace.filePath().isEmpty());
        QVERIFY(s.workspace.isDirty());
        QVERIFY(s.dialogs.unexpected.isEmpty());
        // The certificate's common name follows the project, not the app's name.
        auto* cn = s.find<QLineEdit>(u"commonNameLineEdit"_s);
        QVERIFY(cn);
        QCOMPARE(cn->text(), u"acme_cc 00D5g000004XyZ1"_s);
    }

    void customerTypeOtherNeedsNoCallCenter() {
        Studio s;
        StartDialog dialog(s.workspace, s.window.projects(), &s.window);
        QTest::keyClicks(child<QLineEdit>(dialog, "newProjectOrgIdLineEdit"), u"00D5g000004XyZ1"_s);
        QTest::keyClicks(child<QLineEdit>(dialog, "newProjectScrt2LineEdit"), u"acme.my.salesforce-scrt.com"_s);
        auto* type = child<QComboBox>(dialog, "newProjectCustomerTypeComboBox");
        QVERIFY(!child<QPushButton>(dialog, "createProjectPushButton")->isEnabled());
        type->setCurrentIndex(type->findData(u"other"_s));
        QVERIFY(child<QPushButton>(dialog, "createProjectPushButton")->isEnabled());
        QVERIFY(dialog.createProject());
        QCOMPARE(s.workspace.project().org.customerType, salesforce::CustomerType::Other);
    }

    void openSampleHasNoFilePath() {
        Studio s;
        StartDialog dialog(s.workspace, s.window.projects(), &s.window);
        QTest::mouseClick(child<QPushButton>(dialog, "openSamplePushButton"), Qt::LeftButton);
        QCOMPARE(dialog.choice(), StartDialog::Choice::Sample);
        const auto sample =
            project::ProjectFile::load(QStringLiteral(HANDOFF_SOURCE_DIR "/resources/samples/sample.handoff"));
        QVERIFY(sample.has_value());
        QCOMPARE(s.workspace.project().name, sample->project.name);
        QVERIFY(s.workspace.filePath().isEmpty()); // Save asks where: the installed sample is read-only
    }

    void recentProjectsAreListedAndOpen() {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"acme.handoff"_s);
        project::NewProjectForm form{u"Acme"_s, u"00D5g000004XyZ1"_s, u"acme.my.salesforce-scrt.com"_s, u"acme_cc"_s,
                                     salesforce::CustomerType::VoiceWithTelephonyProviders};
        QVERIFY(project::ProjectFile::save(project::projectFromTemplate(form), path).has_value());
        Studio s;
        QVERIFY(s.window.projects()->load(path));
        s.workspace.resetProject(project::Project::defaults());
        StartDialog dialog(s.workspace, s.window.projects(), &s.window);
        auto* recent = child<QListWidget>(dialog, "recentProjectsListWidget");
        QCOMPARE(recent->count(), 1);
        QCOMPARE(recent->item(0)->text(), u"acme.handoff"_s);
        QTest::mouseClick(child<QPushButton>(dialog, "openRecentPushButton"), Qt::LeftButton);
        QCOMPARE(dialog.choice(), StartDialog::Choice::Recent);
        QCOMPARE(QFileInfo(s.workspace.filePath()), QFileInfo(path));
        QCOMPARE(s.workspace.project().name, u"Acme"_s);
    }

    void startTrainingAndShowAtStart() {
        Studio s;
        QVERIFY(StartDialog::showAtStart());
        StartDialog dialog(s.workspace, s.window.projects(), &s.window);
        auto* show = child<QCheckBox>(dialog, "showAtStartCheckBox");
        show->setChecked(false);
        QVERIFY(!StartDialog::showAtStart());
        QTest::mouseClick(child<QPushButton>(dialog, "startTrainingPushButton"), Qt::LeftButton);
        QCOMPARE(dialog.choice(), StartDialog::Choice::Training);
    }

    // File > Start Screen opens it again at any time; a choice that replaces the project asks about unsaved changes
    // first, and Cancel keeps the project and the screen.
    void startScreenFromTheFileMenu() {
        Studio s;
        QCOMPARE(s.window.findChildren<StartDialog*>().size(), 0);
        project::Project edited = project::Project::defaults();
        edited.name = u"Unsaved work"_s;
        s.workspace.resetProject(edited, QString(), true);
        QVERIFY(s.workspace.isDirty());
        auto* action = s.find<QAction>(u"startScreenAction"_s);
        QVERIFY(action);
        QVERIFY(action->text().contains(u'&'));
        action->trigger();
        auto dialogs = s.window.findChildren<StartDialog*>();
        QCOMPARE(dialogs.size(), 1);
        StartDialog* dialog = dialogs.constFirst();
        QVERIFY(dialog->isVisible());
        action->trigger(); // a second time: the same screen, not another
        QCOMPARE(s.window.findChildren<StartDialog*>().size(), 1);

        QTest::mouseClick(child<QPushButton>(*dialog, "openSamplePushButton"), Qt::LeftButton); // Cancel
        QCOMPARE(s.dialogs.unexpected, QStringList{u"save changes?"_s}); // asked; no answer scripted: Cancel
        s.dialogs.unexpected.clear();
        QCOMPARE(dialog->choice(), StartDialog::Choice::None);
        QVERIFY(dialog->isVisible());
        QCOMPARE(s.workspace.project().name, u"Unsaved work"_s);

        s.dialogs.saveChoices.enqueue(shell::Dialogs::SaveChoice::Discard);
        QTest::mouseClick(child<QPushButton>(*dialog, "openSamplePushButton"), Qt::LeftButton);
        QCOMPARE(dialog->choice(), StartDialog::Choice::Sample);
        QVERIFY(s.workspace.project().name != u"Unsaved work"_s);
        QVERIFY(s.dialogs.unexpected.isEmpty());
    }

    // Every control of the start screen is reachable with Tab, and the buttons have mnemonics.
    void startScreenIsKeyboardReachable() {
        Studio s;
        StartDialog dialog(s.workspace, s.window.projects(), &s.window);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        for (QWidget* w : dialog.findChildren<QWidget*>()) {
            if (qobject_cast<QPushButton*>(w) || qobject_cast<QLineEdit*>(w) || qobject_cast<QComboBox*>(w)) {
                QVERIFY2(w->focusPolicy() & Qt::TabFocus, qPrintable(w->objectName()));
            }
        }
        for (const char* name :
             {"openSamplePushButton", "startTrainingPushButton", "openFilePushButton", "createProjectPushButton"}) {
            QVERIFY2(child<QPushButton>(dialog, name)->text().contains(u'&'), name);
        }
    }

    // Start writes the broken project and opens it; Check fails until the fix; progress is kept in the settings.
    void trainingPageStartFixCheck() {
        Studio s;
        auto* page = qobject_cast<training::TrainingPage*>(s.window.page(u"training"_s));
        QVERIFY(page);
        QVERIFY(s.window.showPage(u"training"_s));
        auto* list = s.find<QListWidget>(u"exerciseListWidget"_s);
        QVERIFY(list);
        QCOMPARE(list->count(), int(training::exercises().size()));
        page->selectExercise(u"callid-15"_s);
        QVERIFY(s.find<QLabel>(u"exerciseGoalLabel"_s)->text().contains(u"18"_s));
        QVERIFY(!s.find<QLabel>(u"exerciseHintLabel"_s)->text().isEmpty());

        QTest::mouseClick(s.find<QPushButton>(u"startExercisePushButton"_s), Qt::LeftButton);
        QVERIFY(s.dialogs.messages.isEmpty());
        QVERIFY(s.workspace.filePath().startsWith(training::TrainingPage::trainingDirectory()));
        QCOMPARE(page->activeExercise(), u"callid-15"_s);
        QCOMPARE(s.workspace.project().uui.callId.size(), 15);
        QVERIFY(training::TrainingProgress::isStarted(u"callid-15"_s));

        QTest::mouseClick(s.find<QPushButton>(u"checkExercisePushButton"_s), Qt::LeftButton);
        auto* results = s.find<QListWidget>(u"checkResultListWidget"_s);
        QVERIFY(results->count() > 0);
        QVERIFY(results->item(0)->text().startsWith(u"UUI025"_s));
        QVERIFY(!training::TrainingProgress::isPassed(u"callid-15"_s));

        // The admin fixes the callId (one undoable edit, as the UUI page makes it).
        const QString id18 = salesforce::SalesforceId::parse(s.workspace.project().uui.callId).value().id18();
        s.workspace.edit(u"callId"_s, [&id18](project::Project& p) { p.uui.callId = id18; });
        const auto result = page->checkExercise();
        QVERIFY(result.has_value());
        QVERIFY(result->passed);
        QCOMPARE(results->count(), 0);
        QVERIFY(training::TrainingProgress::isPassed(u"callid-15"_s));
        QVERIFY(s.find<QLabel>(u"trainingProgressLabel"_s)->text().startsWith(u"1 "_s));
        // Starting the same exercise again writes a new copy; the fixed one stays.
        const QString fixed = s.workspace.filePath();
        s.workspace.markSaved();
        QVERIFY(page->startExercise(u"callid-15"_s));
        QVERIFY(s.workspace.filePath() != fixed);
        QVERIFY(QFileInfo::exists(fixed));
        QCOMPARE(s.workspace.project().uui.callId.size(), 15);
    }

    void helpMenuOpensTheShippedDocs() {
        Studio s;
        auto* action = s.window.findChild<QAction*>(u"helpTrainingAction"_s);
        QVERIFY(action);
        QVERIFY(!action->text().isEmpty());
        action->trigger();
        QCOMPARE(s.dialogs.openedUrls.size(), 1);
        const QUrl url = s.dialogs.openedUrls.constFirst();
        QVERIFY(url.isLocalFile());
        QCOMPARE(QFileInfo(url.toLocalFile()).fileName(), u"training.md"_s);
        QVERIFY(QFileInfo::exists(url.toLocalFile()));
        s.window.findChild<QAction*>(u"helpDiagnosticsAction"_s)->trigger();
        QCOMPARE(QFileInfo(s.dialogs.openedUrls.at(1).toLocalFile()).fileName(), u"diagnostics.md"_s);
    }
};

QTEST_MAIN(TestStartAndTraining)
#include "TestStartAndTraining.moc"
