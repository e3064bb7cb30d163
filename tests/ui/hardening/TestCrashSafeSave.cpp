// Crash-safe saves (issue 13, item 4): a child process saves and autosaves the project in a loop; the test kills it
// with SIGKILL at random points, many times, and proves that the project file is always a whole version (the old or
// the new one, never half) and that recovery offers the newest autosave.
//
// The same executable is the child: `test_crash_safe_save --child save|autosave DIR FIRST-GENERATION`.
#include "../shell/ScriptedDialogs.h"
#include "common/Clock.h"
#include "project/Project.h"
#include "project/ProjectFile.h"
#include "project/SecretStore.h"
#include "shell/ProjectController.h"
#include "shell/Workspace.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>

using namespace Qt::StringLiterals;
using namespace handoff;

namespace {

constexpr int kKills = 25; // per mode
// About 256 KiB per write, so that a kill often lands in the middle of one.
const QString kPadding = QString(256 * 1024, u'x');

project::Project generation(int n) {
    project::Project project = project::Project::defaults();
    project.name = u"generation %1"_s.arg(n);
    // Kept by the file format as an unknown top-level key ("" is the top level).
    project.unknown.insert(
        QString(), QJsonObject{{u"x-hardening-padding"_s, QJsonObject{{u"generation"_s, n}, {u"data"_s, kPadding}}}});
    return project;
}

// The generation a project file holds, or -1 when it is not a whole, readable project of this test.
int generationOf(const QByteArray& bytes) {
    auto loaded = project::ProjectFile::parse(bytes);
    if (!loaded || !loaded->project.name.startsWith(u"generation "_s)) {
        return -1;
    }
    const int n = loaded->project.name.mid(11).toInt();
    const QJsonObject padding = loaded->project.unknown.value(QString()).value(u"x-hardening-padding"_s).toObject();
    return padding.value(u"generation"_s).toInt(-2) == n && padding.value(u"data"_s).toString() == kPadding ? n : -1;
}

void say(const char* what, int n) {
    std::printf("%s %d\n", what, n);
    std::fflush(stdout);
}

// The child: writes generation after generation, from `first` on, until it is killed, saying "start N" before and
// "done N" after each.
int runChild(const QString& mode, const QString& dir, int first) {
    const FixedClock clock = FixedClock::atSecs(1'795'000'000);
    project::MemorySecretStore secrets;
    shell::test::ScriptedDialogs dialogs;
    shell::Workspace workspace(clock, secrets);
    shell::ProjectController controller(workspace, dialogs, nullptr);
    // The child runs no event loop, so the autosave timer never writes: every write below is the loop's own.
    const QString path = QDir(dir).filePath(u"project.handoff"_s);
    say("ready", 0);
    for (int n = first;; ++n) {
        say("start", n);
        if (mode == u"save"_s) {
            workspace.resetProject(generation(n), path, true);
            if (!controller.save()) {
                return 3;
            }
        } else {
            workspace.resetProject(generation(n), path, true);
            if (!controller.writeRecovery()) {
                return 3;
            }
        }
        say("done", n);
    }
}

struct ChildReport {
    int started = 0;
    int done = 0;
};

ChildReport parseReport(const QByteArray& out) {
    ChildReport report;
    for (const QByteArray& line : out.split('\n')) {
        if (line.startsWith("start ")) {
            report.started = line.mid(6).toInt();
        } else if (line.startsWith("done ")) {
            report.done = line.mid(5).toInt();
        }
    }
    return report;
}

} // namespace

class TestCrashSafeSave final : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_home;

    QProcessEnvironment childEnvironment() const {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"HOME"_s, m_home.path());
        env.insert(u"XDG_DATA_HOME"_s, m_home.filePath(u"data"_s));
        env.insert(u"XDG_CONFIG_HOME"_s, m_home.filePath(u"config"_s));
        env.insert(u"XDG_CACHE_HOME"_s, m_home.filePath(u"cache"_s));
        env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        return env;
    }

    // Starts the child, lets it write for a random moment, kills it; returns what it had said.
    // Generations grow across children, so that every version ever written is told apart.
    ChildReport killChildAtRandom(const QString& mode, const QString& dir, int first, QRandomGenerator& random) {
        QProcess child;
        child.setProcessEnvironment(childEnvironment());
        child.start(QCoreApplication::applicationFilePath(), {u"--child"_s, mode, dir, QString::number(first)});
        if (!child.waitForStarted(30000)) {
            return {-1, -1};
        }
        QByteArray out;
        while (!out.contains("ready 0\n") && child.state() == QProcess::Running) {
            child.waitForReadyRead(1000);
            out += child.readAllStandardOutput();
        }
        // Until the first write has begun, then a random 0 to 120 ms more.
        const QByteArray firstStart = "start " + QByteArray::number(first) + '\n';
        while (!out.contains(firstStart) && child.state() == QProcess::Running) {
            child.waitForReadyRead(1000);
            out += child.readAllStandardOutput();
        }
        QTest::qSleep(int(random.bounded(120)));
        ::kill(pid_t(child.processId()), SIGKILL);
        child.waitForFinished(30000);
        out += child.readAllStandardOutput();
        return parseReport(out);
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_home.isValid());
        qputenv("HOME", m_home.path().toLocal8Bit());
        qputenv("XDG_DATA_HOME", m_home.filePath(u"data"_s).toLocal8Bit());
        qputenv("XDG_CONFIG_HOME", m_home.filePath(u"config"_s).toLocal8Bit());
        qputenv("XDG_CACHE_HOME", m_home.filePath(u"cache"_s).toLocal8Bit());
    }

    void saveIsAlwaysTheOldOrTheNewVersion() {
        const quint32 seed = QRandomGenerator::global()->generate();
        qInfo("seed %u", seed);
        QRandomGenerator random(seed);
        QTemporaryDir dir;
        const QString path = QDir(dir.path()).filePath(u"project.handoff"_s);
        QVERIFY(project::ProjectFile::save(generation(0), path));
        int before = 0; // the generation the file held before the child started
        int next = 1;   // the first generation the next child writes: never one written before
        int writesCut = 0;
        for (int kill = 0; kill < kKills; ++kill) {
            const ChildReport report = killChildAtRandom(u"save"_s, dir.path(), next, random);
            QVERIFY2(report.started > before, "the child did not start writing");
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadOnly));
            const int found = generationOf(file.readAll());
            // The last save the child finished (or the file as it was, if none), or the one in progress if its
            // rename happened just before the kill. Nothing else, and never a mix.
            const int finished = report.done > before ? report.done : before;
            QVERIFY2(
                found == finished || found == report.started,
                qPrintable(u"kill %1: file holds generation %2; the last finished is %3, the one started %4"_s.arg(kill)
                               .arg(found)
                               .arg(finished)
                               .arg(report.started)));
            writesCut += report.started != report.done ? 1 : 0;
            before = found;
            next = report.started + 1;
        }
        qInfo("%d of %d kills landed during a write", writesCut, kKills);
    }

    void recoveryOffersTheNewestAutosave() {
        const quint32 seed = QRandomGenerator::global()->generate();
        qInfo("seed %u", seed);
        QRandomGenerator random(seed);
        QTemporaryDir dir;
        int writesCut = 0;
        int next = 1;
        for (int kill = 0; kill < kKills; ++kill) {
            const int first = next;
            const ChildReport report = killChildAtRandom(u"autosave"_s, dir.path(), first, random);
            QVERIFY2(report.started >= first, "the child did not start writing");
            next = report.started + 1;
            writesCut += report.started != report.done ? 1 : 0;
            // The next start of the app: recovery is offered, and restores the newest whole autosave.
            const FixedClock clock = FixedClock::atSecs(1'795'000'000);
            project::MemorySecretStore secrets;
            shell::test::ScriptedDialogs dialogs;
            shell::Workspace workspace(clock, secrets);
            shell::ProjectController controller(workspace, dialogs, nullptr);
            if (report.done < first) {
                // Killed during the very first autosave: either nothing to offer, or that one, whole.
                dialogs.confirmAnswers.enqueue(true);
                if (!controller.offerRecovery()) {
                    QVERIFY(dialogs.unexpected.isEmpty());
                    continue;
                }
            } else {
                dialogs.confirmAnswers.enqueue(true);
                QVERIFY2(controller.offerRecovery(), "no recovery was offered after a crash");
            }
            const int found = generationOf(project::ProjectFile::serialize(workspace.project()));
            QVERIFY2(
                found == report.done || found == report.started,
                qPrintable(u"kill %1: recovered generation %2; the child had finished %3 and started %4"_s.arg(kill)
                               .arg(found)
                               .arg(report.done)
                               .arg(report.started)));
            for (const auto& message : dialogs.messages) {
                QVERIFY2(message.kind != u"critical"_s, qPrintable(message.text));
            }
            controller.removeRecovery(); // as a save or a clean close would
        }
        qInfo("%d of %d kills landed during an autosave", writesCut, kKills);
    }
};

int main(int argc, char** argv) {
    if (argc == 5 && std::strcmp(argv[1], "--child") == 0) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
        QApplication app(argc, argv);
        QStandardPaths::setTestModeEnabled(true);
        return runChild(QString::fromLocal8Bit(argv[2]), QString::fromLocal8Bit(argv[3]), std::atoi(argv[4]));
    }
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    TestCrashSafeSave test;
    return QTest::qExec(&test, argc, argv);
}

#include "TestCrashSafeSave.moc"
