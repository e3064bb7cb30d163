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

// Loads a project; on failure prints "file:line:col: error CODE: message" and returns the exit code.
std::variant<LoadedProject, int> loadProject(Context& context, const QString& path);

// The command's one positional argument, the project file, loaded; or the exit code to return at once.
std::variant<LoadedProject, int> loadProjectArgument(Context& context, const QCommandLineParser& parser);

} // namespace handoff::cli
