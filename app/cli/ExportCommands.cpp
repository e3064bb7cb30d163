// `handoff export ...`: one function per export format. The Archy YAML export (`handoff export archy`, issue 10
// item 1) goes beside these as runArchy, registered in exportCommands() below.
#include "ArchyCommands.h"
#include "CliContext.h"
#include "PreflightCommands.h"
#include "ProjectLoading.h"
#include "common/SaveFile.h"
#include "exports/DataActionContracts.h"
#include "exports/FunctionPackage.h"
#include "project/ProjectFile.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

#include <variant>

using namespace Qt::StringLiterals;

namespace handoff::cli {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("handoff::cli", text);
}

// Loads the PROJECT argument; prints the problem and returns the exit code on failure.
std::variant<project::Project, int> loadExportProject(Context& context, const QCommandLineParser& parser) {
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1) {
        return context.usageError(tr("Give one project file."));
    }
    const QString path = positional.constFirst();
    auto data = context.readInput(path);
    if (!data) {
        return context.reportError(data.error(), Failure);
    }
    auto loaded = project::ProjectFile::parse(*data);
    if (!loaded) {
        context.printDiagnostics({{loaded.error().code, diagnostics::Severity::Error, loaded.error().message, {}}},
                                 path);
        return Failure;
    }
    if (!applyEnvironmentArgument(context, loaded->project, parser)) {
        return Usage;
    }
    return std::move(loaded->project);
}

int runFunction(Context& context, const QStringList& args) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Write the Genesys Function Data Action package: a zip with src/index.js (handler src/index.handler, "
           "Node 18 APIs only, no npm dependencies), package.json and README.md. Upload it to the Function Data "
           "Action; its runtime and timeout are the project's functionDataAction settings (default nodejs20.x, "
           "15 s). The zip is written atomically; an existing file is refused unless --force is given."));
    parser.addOption(environmentOption());
    parser.addPositionalArgument(u"project"_s, tr("The .handoff project."));
    const QCommandLineOption out(u"out"_s, tr("The zip to write (letters, digits and + - _ . ' ( ) in its name)."),
                                 u"file.zip"_s);
    const QCommandLineOption force(u"force"_s, tr("Replace the zip if it exists."));
    const QCommandLineOption json(u"json"_s, tr("Print the result as JSON."));
    parser.addOptions({out, force, json});
    if (auto code = parseCommandLine(parser, args, context)) {
        return *code;
    }
    if (!parser.isSet(out)) {
        return context.usageError(tr("--out FILE.zip is required."));
    }
    auto loaded = loadExportProject(context, parser);
    if (const int* code = std::get_if<int>(&loaded)) {
        return *code;
    }
    const project::Project& project = std::get<project::Project>(loaded);
    const exports::FunctionPackage package = exports::buildFunctionPackage(project);
    const QString projectPath = parser.positionalArguments().constFirst();
    auto written = exports::writeFunctionZip(package, parser.value(out), parser.isSet(force));
    if (parser.isSet(json)) {
        QJsonArray files;
        for (const exports::ArchiveEntry& entry : package.files) {
            files.append(entry.path);
        }
        QJsonObject result{{u"ok"_s, bool(written)},
                           {u"out"_s, parser.value(out)},
                           {u"handler"_s, QString::fromLatin1(exports::kFunctionHandler)},
                           {u"runtime"_s, project.functionDataAction.runtime},
                           {u"timeoutSeconds"_s, project.functionDataAction.timeoutSeconds},
                           {u"files"_s, files},
                           {u"diagnostics"_s, Context::diagnosticsToJson(package.diagnostics)}};
        if (!written) {
            result.insert(u"error"_s,
                          QJsonObject{{u"code"_s, written.error().code}, {u"message"_s, written.error().message}});
        }
        context.printJson(result);
    } else {
        context.printDiagnostics(package.diagnostics, projectPath);
    }
    if (!written) {
        if (!parser.isSet(json)) {
            context.reportError(written.error());
        }
        return package.ok() ? Failure : Problems;
    }
    if (!parser.isSet(json)) {
        context.out() << tr("Wrote %1: handler %2, runtime %3, timeout %4 s.")
                             .arg(parser.value(out), QString::fromLatin1(exports::kFunctionHandler),
                                  project.functionDataAction.runtime)
                             .arg(project.functionDataAction.timeoutSeconds)
                      << u'\n' << Qt::flush;
    }
    return Ok;
}

int runContracts(Context& context, const QStringList& args) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Write the Function Data Action's contracts and configuration: input-contract.json, "
           "output-contract.json, request-template.vm (every value through $esc.jsonString; the private key from "
           "the integration's credentials) and configuration.json. Each contract passes the Genesys rule check "
           "before it is written. Existing files are refused unless --force is given."));
    parser.addOption(environmentOption());
    parser.addPositionalArgument(u"project"_s, tr("The .handoff project."));
    const QCommandLineOption outDir(u"out-dir"_s, tr("The folder to write into (default: the current folder)."),
                                    u"dir"_s, u"."_s);
    const QCommandLineOption force(u"force"_s, tr("Replace files that exist."));
    parser.addOptions({outDir, force});
    if (auto code = parseCommandLine(parser, args, context)) {
        return *code;
    }
    auto loaded = loadExportProject(context, parser);
    if (const int* code = std::get_if<int>(&loaded)) {
        return *code;
    }
    const exports::DataActionContracts contracts =
        exports::buildDataActionContracts(std::get<project::Project>(loaded));
    diagnostics::Diagnostics problems = exports::checkContract(contracts.inputContract, exports::ContractKind::Input);
    problems.append(exports::checkContract(contracts.outputContract, exports::ContractKind::Output));
    if (!problems.isEmpty()) { // the product's own contracts must pass its own check
        context.printDiagnostics(problems);
        return Failure;
    }
    const QDir dir(parser.value(outDir));
    if (!dir.exists()) {
        return context.reportError(
            {u"CLI001"_s, tr("The folder %1 does not exist; create it first.").arg(parser.value(outDir))}, Failure);
    }
    const QList<exports::ContractFile> files = exports::contractFiles(contracts);
    if (!parser.isSet(force)) {
        for (const exports::ContractFile& file : files) {
            if (QFileInfo::exists(dir.filePath(file.name))) {
                return context.reportError(
                    {u"EXP014"_s, tr("%1 exists and was left as it is; nothing was written. Use --force to replace "
                                     "it, or another --out-dir.")
                                      .arg(dir.filePath(file.name))},
                    Failure);
            }
        }
    }
    for (const exports::ContractFile& file : files) {
        if (auto saved = io::saveAtomically(dir.filePath(file.name), file.data); !saved) {
            return context.reportError(saved.error(), Failure);
        }
        context.out() << tr("Wrote %1").arg(dir.filePath(file.name)) << u'\n';
    }
    context.out() << Qt::flush;
    return Ok;
}

int runCheckContract(Context& context, const QStringList& args) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Check a data action contract (JSON Schema) against Genesys' rules: flat inputs of simple types, names "
           "starting with a letter, no reserved orgId / integrationId / rawRequest, no $ref, no nested arrays in the "
           "output, at most 50 levels. Exit 1 when a rule is broken."));
    parser.addPositionalArgument(u"file"_s, tr("The contract (JSON), or - for standard input."));
    const QCommandLineOption kind(u"kind"_s, tr("input (default) or output."), u"kind"_s, u"input"_s);
    const QCommandLineOption json(u"json"_s, tr("Print the problems as JSON."));
    parser.addOptions({kind, json});
    if (auto code = parseCommandLine(parser, args, context)) {
        return *code;
    }
    if (parser.positionalArguments().size() != 1) {
        return context.usageError(tr("Give one contract file."));
    }
    const QString kindText = parser.value(kind);
    if (kindText != u"input"_s && kindText != u"output"_s) {
        return context.usageError(tr("--kind takes input or output."));
    }
    const QString path = parser.positionalArguments().constFirst();
    auto data = context.readInput(path);
    if (!data) {
        return context.reportError(data.error(), Failure);
    }
    const diagnostics::Diagnostics problems = exports::checkContract(
        *data, kindText == u"output"_s ? exports::ContractKind::Output : exports::ContractKind::Input);
    if (parser.isSet(json)) {
        context.printJson({{u"file"_s, path}, {u"diagnostics"_s, Context::diagnosticsToJson(problems)}});
    } else {
        context.printDiagnostics(problems, path);
    }
    return Context::exitCodeFor(problems);
}

} // namespace

CommandGroup exportCommands() {
    const QString summary = tr("Export what Genesys needs: the Function Data Action package and its contracts");
    return {u"export"_s, summary, [summary](Context& context, const QStringList& args) {
                return dispatchSubcommands(
                    context, u"export"_s, summary,
                    {
                        {u"archy"_s, tr("Write the flow as an Archy inboundCall YAML file."), runExportArchy},
                        {u"function"_s, tr("Write the Function Data Action zip."), runFunction},
                        {u"contracts"_s, tr("Write the data action contracts and request template."), runContracts},
                        {u"check-contract"_s, tr("Check a contract against Genesys' rules."), runCheckContract},
                        {u"runbook"_s, tr("Write the go-live runbook (Markdown or HTML)."), runExportRunbook},
                    },
                    args);
            }};
}

} // namespace handoff::cli
