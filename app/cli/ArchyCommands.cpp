#include "ArchyCommands.h"

#include "ProjectLoading.h"
#include "common/SaveFile.h"
#include "exports/ArchyExport.h"
#include "exports/ArchyImport.h"
#include "exports/SetUuiDataExport.h"
#include "flow/FlowValidator.h"
#include "flow/Scenario.h"
#include "project/ProjectExports.h"
#include "project/ProjectFile.h"

#include <QCoreApplication>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace handoff::cli {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("handoff::cli", text);
}

} // namespace

int runExportArchy(Context& context, const QStringList& args) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Write the project's flow as an Archy inboundCall YAML document (for 'archy publish'). Writes to standard "
           "output, or atomically to --out. A flow with errors is refused unless --allow-problems."));
    parser.addOption(environmentOption());
    parser.addPositionalArgument(u"project"_s, tr("The .handoff project, or - for standard input."));
    const QCommandLineOption out(u"out"_s, tr("Write the YAML to this file (atomically)."), u"file"_s);
    const QCommandLineOption force(u"force"_s, tr("Replace --out if it exists."));
    const QCommandLineOption allow(u"allow-problems"_s,
                                   tr("Write the YAML even when the flow has errors (they are still printed)."));
    parser.addOptions({out, force, allow});
    if (auto code = parseCommandLine(parser, args, context)) {
        return *code;
    }
    auto loaded = loadProjectArgument(context, parser);
    if (const int* code = std::get_if<int>(&loaded)) {
        return *code;
    }
    LoadedProject& lp = std::get<LoadedProject>(loaded);
    diagnostics::Diagnostics list = lp.diagnostics;
    list.append(flow::validate(lp.project.flow));
    locate(list, lp.text, lp.project);
    const bool problems = diagnostics::hasErrors(list);
    if (!list.isEmpty()) {
        context.printDiagnostics(list, lp.path);
    }
    if (problems && !parser.isSet(allow)) {
        context.err() << tr("handoff: the flow has errors; nothing written. Fix them (handoff flow validate), or "
                            "give --allow-problems to write it anyway.")
                      << u'\n' << Qt::flush;
        return Problems;
    }
    const auto yaml = project::exportArchy(lp.project);
    if (!yaml) {
        return context.reportError(yaml.error(), Problems);
    }
    if (!parser.isSet(out)) {
        context.out() << QString::fromUtf8(*yaml) << Qt::flush;
        return Ok;
    }
    io::SaveOptions save;
    save.failIfExists = !parser.isSet(force);
    if (auto written = io::saveAtomically(parser.value(out), *yaml, save); !written) {
        return context.reportError(written.error(), Failure);
    }
    context.err() << tr("Wrote %1 (%2 tasks, %3 actions).")
                         .arg(parser.value(out))
                         .arg(lp.project.flow.tasks.size())
                         .arg(lp.project.flow.actionCount())
                  << u'\n' << Qt::flush;
    return Ok;
}

int runFlowImport(Context& context, const QStringList& args) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Read an Archy inboundCall YAML file into a new project, so that it can be validated and simulated "
           "offline. Actions the model does not have are kept as opaque actions and reported; nothing is dropped."));
    parser.addPositionalArgument(u"format"_s, tr("The format: archy."));
    parser.addPositionalArgument(u"file"_s, tr("The Archy YAML file, or - for standard input."));
    const QCommandLineOption out(u"out"_s, tr("Write the project to this file (atomically); required."), u"file"_s);
    const QCommandLineOption force(u"force"_s, tr("Replace --out if it exists."));
    const QCommandLineOption json(u"json"_s, tr("Print the result as JSON."));
    parser.addOptions({out, force, json});
    if (auto code = parseCommandLine(parser, args, context)) {
        return *code;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 2 || positional.constFirst() != u"archy"_s) {
        return context.usageError(tr("Usage: handoff flow import archy FILE.yaml --out PROJECT.handoff"));
    }
    if (!parser.isSet(out)) {
        return context.usageError(tr("Give --out PROJECT.handoff for the new project."));
    }
    const QString path = positional.at(1);
    const auto bytes = context.readInput(path);
    if (!bytes) {
        return context.reportError(bytes.error(), Failure);
    }
    exports::ArchyImportResult imported = exports::importArchy(*bytes);
    if (!imported.ok()) {
        if (parser.isSet(json)) {
            context.printJson(QJsonObject{{u"file"_s, path},
                                          {u"ok"_s, false},
                                          {u"diagnostics"_s, Context::diagnosticsToJson(imported.diagnostics)}});
        } else {
            context.printDiagnostics(imported.diagnostics, path);
            context.err() << tr("handoff: %1 was not imported; nothing written.").arg(path) << u'\n' << Qt::flush;
        }
        return Problems;
    }
    project::Project p = project::Project::defaults();
    p.name = imported.flow.name;
    p.flow = imported.flow;
    p.scenarios = flow::defaultScenarios();
    io::SaveOptions save;
    save.failIfExists = !parser.isSet(force);
    if (auto written = io::saveAtomically(parser.value(out), project::ProjectFile::serialize(p), save); !written) {
        return context.reportError(written.error(), Failure);
    }
    int opaque = 0;
    p.flow.forEachAction([&opaque](const flow::Task&, const flow::Action& a) {
        opaque += a.kind() == flow::ActionKind::Opaque ? 1 : 0;
    });
    if (parser.isSet(json)) {
        context.printJson(QJsonObject{{u"file"_s, path},
                                      {u"ok"_s, true},
                                      {u"project"_s, parser.value(out)},
                                      {u"tasks"_s, p.flow.tasks.size()},
                                      {u"actions"_s, p.flow.actionCount()},
                                      {u"opaque"_s, opaque},
                                      {u"diagnostics"_s, Context::diagnosticsToJson(imported.diagnostics)}});
    } else {
        context.printDiagnostics(imported.diagnostics, path);
        context.err() << tr("Wrote %1 (%2 tasks, %3 actions, %4 kept as opaque actions). Check it with 'handoff "
                            "flow validate %1'.")
                             .arg(parser.value(out))
                             .arg(p.flow.tasks.size())
                             .arg(p.flow.actionCount())
                             .arg(opaque)
                      << u'\n' << Qt::flush;
    }
    return Ok;
}

} // namespace handoff::cli
