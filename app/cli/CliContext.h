#pragma once

#include "common/Clock.h"
#include "common/Error.h"
#include "crypto/PrivateKey.h"
#include "diagnostics/Diagnostic.h"

#include <QByteArray>
#include <QCommandLineParser>
#include <QIODevice>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QTextStream>

#include <functional>

namespace handoff::cli {

// Exit codes every command keeps to.
enum ExitCode : int {
    Ok = 0,       // done, nothing to report
    Problems = 1, // done, and the check found problems (error-severity diagnostics)
    Usage = 2,    // the command line is wrong
    Failure = 3,  // could not do it (file unreadable, network down, ...)
};

// What a command gets to talk to the world: output streams, input files, the clock, secrets.
class Context {
public:
    // `in` is standard input (a QBuffer in tests); it may be null when there is none.
    Context(QTextStream& out, QTextStream& err, QIODevice* in, const Clock& clock = SystemClock::instance());

    QTextStream& out() { return m_out; }
    QTextStream& err() { return m_err; }
    const Clock& clock() const { return m_clock; }

    // Reads a file, or standard input for "-".
    Result<QByteArray> readInput(const QString& pathOrDash);

    // A secret (passphrase) from the named environment variable or, if unset, one line of standard input. Never
    // from the command line. An empty result means none was given.
    QByteArray readSecret(const QString& envVar, const QString& prompt);

    // The environment variable an encrypted private key's passphrase comes from (or else a prompt).
    static constexpr const char* kPassphraseVariable = "HANDOFF_KEY_PASSPHRASE";
    // Loads a PEM/DER private key file; only if it is encrypted, asks for the passphrase (environment variable
    // or one line of standard input). The passphrase is wiped after use.
    Result<crypto::PrivateKey> loadPrivateKey(const QString& path);

    // file:line:col: severity CODE: message   (file and position omitted when unknown)
    void printDiagnostics(const diagnostics::Diagnostics& list, const QString& file = {});
    // Prints an Error to stderr as "handoff: error CODE: message" and returns the given exit code.
    int reportError(const Error& error, int exitCode = Failure);
    int usageError(const QString& message);
    void printJson(const QJsonObject& object);

    static QJsonArray diagnosticsToJson(const diagnostics::Diagnostics& list);
    // Problems if any diagnostic is an error, otherwise Ok.
    static int exitCodeFor(const diagnostics::Diagnostics& list);

private:
    QTextStream& m_out;
    QTextStream& m_err;
    QIODevice* m_in;
    const Clock& m_clock;
};

// Parses `args` (args[0] is the command path, e.g. "handoff jwt sign"). Handles --help itself. Returns
// std::nullopt to continue, or the exit code to return at once (0 after --help, Usage on a parse error).
std::optional<int> parseCommandLine(QCommandLineParser& parser, const QStringList& args, Context& context);

struct CommandGroup {
    QString name;
    QString summary;
    // args[0] is "handoff <group>"; the rest are the group's own arguments.
    std::function<int(Context&, const QStringList& args)> run;
};

// Helpers for groups made of subcommands: "handoff <group> <sub> ...".
struct Subcommand {
    QString name;
    QString summary;
    std::function<int(Context&, const QStringList& args)> run;
};
int dispatchSubcommands(Context& context, const QString& groupName, const QString& groupSummary,
                        const QList<Subcommand>& subcommands, const QStringList& args);

// One function per command group, each in its own file.
CommandGroup idCommands();
CommandGroup keysCommands();
CommandGroup jwtCommands();
CommandGroup uuiCommands();
CommandGroup callCommands();
CommandGroup emulatorCommands();
CommandGroup flowCommands();
CommandGroup exportCommands();
CommandGroup sipCommands();
CommandGroup preflightCommands();
CommandGroup trainingCommands();
CommandGroup envCommands();

QList<CommandGroup> allCommandGroups();
int runCli(Context& context, const QStringList& arguments);

} // namespace handoff::cli
