#pragma once

#include "CliContext.h"
#include "diagnostics/Diagnostic.h"
#include "flow/Flow.h"
#include "project/Project.h"

#include <QByteArray>
#include <QCommandLineParser>
#include <QString>

#include <variant>

namespace handoff::cli {

// A project file as a command reads it, with the text it came from (for file:line:col).
struct LoadedProject {
    QString path; // as given on the command line ("-" for standard input)
    project::Project project;
    QByteArray text;
    diagnostics::Diagnostics diagnostics; // notices and warnings from loading (PRJ004, PRJ007, FLW006 ...), located
};

// Fills line and column: a problem located in the flow by task and action id points at that action in the file
// (its JSON path comes from the flow read from the same file); any other at its field path.
void locate(diagnostics::Diagnostics& list, const QByteArray& text, const flow::Flow& flow);
// The same, and a problem of the selected environment's settings ("org.orgId") points into its entry of the file's
// "environments".
void locate(diagnostics::Diagnostics& list, const QByteArray& text, const project::Project& project);
void locate(diagnostics::Diagnostics& list, const QByteArray& text, const flow::Flow& flow, qsizetype environmentIndex);

// Loads a project; on failure prints "file:line:col: error CODE: message" and returns the exit code. With
// `environment`, that environment is selected (PRJ012 and exit 2 when the project has none of that name); the file's
// own default stays what it was, also when the command saves the project.
std::variant<LoadedProject, int> loadProject(Context& context, const QString& path, const QString& environment = {});

// --env NAME: every command that reads a project takes it (docs/environments.md).
QCommandLineOption environmentOption();
// The environment the command line names with --env (empty when none, or when the command has no --env).
QString environmentArgument(const QCommandLineParser& parser);

// Selects the --env environment in `project`; prints PRJ012 and returns false when it has none of that name.
bool applyEnvironmentArgument(Context& context, project::Project& project, const QCommandLineParser& parser);

// The command's one positional argument, the project file, loaded in the --env environment; or the exit code to
// return at once.
std::variant<LoadedProject, int> loadProjectArgument(Context& context, const QCommandLineParser& parser);

} // namespace handoff::cli
