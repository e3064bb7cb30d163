#include "../CliRunner.h"

using namespace Qt::StringLiterals;

class TestCliDispatch final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void helpListsEveryCommandGroup() {
        const CliRun run = runHandoff({u"--help"_s});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.startsWith("Usage: handoff <command> [options]\n\n"));
        QVERIFY(run.out.contains("\n\nCommands:\n"));
        for (const char* group : {"id", "keys", "jwt", "uui", "call", "emulator", "flow", "training"}) {
            QVERIFY2(run.out.contains(QByteArray(QByteArray("  ") + group + " ")), group);
        }
    }

    // A subcommand's --help names the command path, not the binary's location on disk.
    void subcommandHelpNamesTheCommand() {
        const CliRun run = runHandoff({u"uui"_s, u"compose"_s, u"--help"_s});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.startsWith("Usage: handoff uui compose "), run.out.left(80).constData());
        QVERIFY(!run.out.contains(HANDOFF_CLI));
    }

    void noArgumentsIsAUsageError() {
        const CliRun run = runHandoff({});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains("Usage: handoff"));
    }

    void unknownCommandIsAUsageError() {
        const CliRun run = runHandoff({u"frobnicate"_s});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains("unknown command 'frobnicate'"));
    }

    void versionIsPrinted() {
        const CliRun run = runHandoff({u"--version"_s});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.startsWith("handoff " HANDOFF_VERSION));
    }
};

QTEST_GUILESS_MAIN(TestCliDispatch)
#include "TestCliDispatch.moc"
