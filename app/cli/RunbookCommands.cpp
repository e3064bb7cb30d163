// `handoff export runbook PROJECT --format md|html [--out FILE] [--key FILE] [--force]`: the go-live runbook
// (core/exports/Runbook.h) with the go-live check's results at the time of export.
#include "CliContext.h"
#include "PreflightCommands.h"
#include "ProjectLoading.h"
#include "common/SaveFile.h"
#include "exports/Runbook.h"
#include "project/Composition.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace handoff::cli {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("handoff::cli", text);
}

} // namespace

int runExportRunbook(Context& context, const QStringList& args) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Write the go-live runbook: the project's values (org id in both forms, SCRT2 domain and base URL, call "
           "centre, certificate, token policy, trunk UUI settings), the help article's steps in order with this "
           "project's values and its deviations, and the go-live check's results now. Markdown or self-contained "
           "HTML, to standard output or atomically to --out (an existing file only with --force)."));
    parser.addOption(environmentOption());
    parser.addPositionalArgument(u"project"_s, tr("The .handoff project, or - for standard input."));
    const QCommandLineOption format(u"format"_s, tr("md or html."), u"format"_s);
    const QCommandLineOption out(u"out"_s, tr("The file to write (default: standard output)."), u"file"_s);
    const QCommandLineOption force(u"force"_s, tr("Replace --out if it exists."));
    const QCommandLineOption keyOption(u"key"_s, tr("The private key (PEM) for the checks; default: the project's."),
                                       u"file"_s);
    parser.addOptions({format, out, force, keyOption});
    if (auto code = parseCommandLine(parser, args, context)) {
        return *code;
    }
    const QString formatText = parser.value(format);
    if (formatText != u"md"_s && formatText != u"html"_s) {
        return context.usageError(tr("--format takes md or html."));
    }
    if (parser.isSet(out) && QFileInfo::exists(parser.value(out)) && !parser.isSet(force)) {
        return context.reportError({u"EXP014"_s, tr("%1 exists and was left as it is; nothing was written. Use "
                                                    "--force to replace it.")
                                                     .arg(parser.value(out))},
                                   Failure);
    }
    auto loaded = loadProjectArgument(context, parser);
    if (const int* code = std::get_if<int>(&loaded)) {
        return *code;
    }
    const project::Project& p = std::get<LoadedProject>(loaded).project;
    GoLiveMaterial material = loadGoLiveMaterial(context, p, parser.value(keyOption));
    if (parser.isSet(keyOption) && !material.key) {
        return context.reportError({u"KEY001"_s, material.inputs.keyProblem}, Failure);
    }
    const project::Composition composed = project::compose(p, material.inputs.key, context.clock());
    material.inputs.composition = &composed;
    const project::GoLiveReport report = project::goLiveCheck(p, material.inputs, context.clock());
    const exports::Runbook runbook =
        exports::buildRunbook(p, report, material.inputs.certificate, composed.setUuiData.expression, context.clock());
    const QByteArray bytes = exports::renderRunbook(
        runbook, formatText == u"html"_s ? exports::RunbookFormat::Html : exports::RunbookFormat::Markdown);
    if (!parser.isSet(out)) {
        context.out() << QString::fromUtf8(bytes) << Qt::flush;
        return Ok;
    }
    if (auto saved = io::saveAtomically(parser.value(out), bytes); !saved) {
        return context.reportError(saved.error(), Failure);
    }
    context.out() << tr("Wrote %1 (%2).").arg(parser.value(out), report.verdict.summary) << u'\n' << Qt::flush;
    return Ok;
}

} // namespace handoff::cli
