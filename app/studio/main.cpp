#include "common/Clock.h"
#include "shell/Dialogs.h"
#include "shell/KeychainSecretStore.h"
#include "shell/LogRedaction.h"
#include "shell/MainWindow.h"
#include "shell/Preferences.h"
#include "shell/ProjectController.h"
#include "shell/Workspace.h"
#include "training/StartDialog.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QLocale>
#include <QTimer>
#include <QTranslator>

#include <sys/prctl.h>
#include <sys/resource.h>

using namespace Qt::StringLiterals;

namespace {

// Admins paste private keys into this app: a core dump would write them to disk. Turn core dumps off and make the
// process non-dumpable (which also keeps other processes of the same user from attaching to it), as KeePassXC does.
void disableCoreDumps() {
    struct rlimit limit = {0, 0};
    setrlimit(RLIMIT_CORE, &limit);
    prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
}

void installTranslations(QApplication& app) {
    const QString code = handoff::shell::Preferences::language();
    const QLocale locale = code.isEmpty() ? QLocale() : QLocale(code);
    if (!code.isEmpty()) {
        QLocale::setDefault(locale);
    }
    auto* qtTranslator = new QTranslator(&app);
    if (qtTranslator->load(locale, u"qtbase"_s, u"_"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qtTranslator);
    }
    auto* translator = new QTranslator(&app);
    if (translator->load(locale, u"handoff"_s, u"_"_s, u":/i18n"_s)) {
        QCoreApplication::installTranslator(translator);
    }
}

} // namespace

int main(int argc, char** argv) {
    disableCoreDumps();

    QApplication app(argc, argv);
    QApplication::setApplicationName(u"Handoff Studio"_s);
    QApplication::setApplicationDisplayName(u"Handoff Studio"_s);
    QApplication::setOrganizationName(u"Handoff Studio"_s);
    QApplication::setOrganizationDomain(u"handoff-studio.org"_s);
    QApplication::setApplicationVersion(QStringLiteral(HANDOFF_VERSION));
    QApplication::setDesktopFileName(u"org.handoffstudio.HandoffStudio"_s);
    handoff::shell::installRedactingMessageHandler(); // reads its preference, so after the names are known
    QApplication::setWindowIcon(QIcon(u":/handoff/icons/handoff-studio.svg"_s));
    installTranslations(app);

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate(
        "main", "Design, check and export the SIP handoff from Genesys Cloud to Agentforce Voice."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(u"project"_s, QApplication::translate("main", "The .handoff project to open."),
                                 u"[project.handoff]"_s);
    parser.process(app);

    using namespace handoff::shell;
    KeychainSecretStore secrets(Preferences::sessionOnlyKeys() ? KeychainSecretStore::Mode::SessionOnly
                                                               : KeychainSecretStore::Mode::Keychain);
    secrets.probe();
    Workspace workspace(handoff::SystemClock::instance(), secrets);
    MainWindow window(workspace, Dialogs::standard(), &secrets);
    window.show();

    const QStringList positional = parser.positionalArguments();
    const QString file = positional.isEmpty() ? QString() : positional.first();
    QTimer::singleShot(0, &window, [&window, file] {
        // Unsaved work from a crashed session comes first; otherwise open what was asked for.
        if (window.projects()->offerRecovery()) {
            return;
        }
        if (!file.isEmpty()) {
            window.projects()->load(file);
            return;
        }
        // No project: the start screen (sample, new from the template, recent, training), unless turned off.
        if (handoff::training::StartDialog::showAtStart()) {
            window.showStartScreen();
        }
    });
    return QApplication::exec();
}
