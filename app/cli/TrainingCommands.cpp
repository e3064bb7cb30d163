#include "CliContext.h"
#include "ProjectLoading.h"
#include "training/Exercise.h"

#include <QCoreApplication>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace handoff::cli {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("handoff::cli", text);
}

QJsonObject exerciseJson(const training::Exercise& e) {
    return QJsonObject{{u"id"_s, e.id},
                       {u"title"_s, e.title},
                       {u"goal"_s, e.goal},
                       {u"hint"_s, e.hint},
                       {u"codes"_s, QJsonArray::fromStringList(e.codes)}};
}

// The exercise named on the command line, or the usage error for an unknown one (exit 2).
std::variant<training::Exercise, int> exerciseArgument(Context& context, const QString& id) {
    if (auto e = training::findExercise(id)) {
        return *e;
    }
    QStringList ids;
    for (const training::Exercise& e : training::exercises()) {
        ids.append(e.id);
    }
    context.err() << u"handoff: error TRN010: "_s
                  << tr("There is no exercise \"%1\". The exercises are: %2.").arg(id, ids.join(u", "_s)) << u'\n'
                  << Qt::flush;
    return Usage;
}

int runList(Context& context, const QStringList& args) {
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("List the training exercises: id, title and the codes each one is about."));
    const QCommandLineOption json(u"json"_s, tr("Print the list as JSON."));
    parser.addOption(json);
    if (auto code = parseCommandLine(parser, args, context)) {
        return *code;
    }
    if (!parser.positionalArguments().isEmpty()) {
        return context.usageError(tr("'training list' takes no arguments."));
    }
    const QList<training::Exercise> all = training::exercises();
    if (parser.isSet(json)) {
        QJsonArray list;
        for (const training::Exercise& e : all) {
            list.append(exerciseJson(e));
        }
        context.printJson(QJsonObject{{u"exercises"_s, list}});
        return Ok;
    }
    for (const training::Exercise& e : all) {
        context.out() << e.id.leftJustified(22) << u' ' << e.title << u"  ["_s << e.codes.join(u", "_s) << u"]\n"_s;
    }
    context.out() << u'\n'
                  << tr("Start one with 'handoff training start ID --out DIR', fix the project it writes, then run "
                        "'handoff training check ID PROJECT'.")
                  << u'\n' << Qt::flush;
    return Ok;
}

int runStart(Context& context, const QStringList& args) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Write an exercise's broken project to DIR/ID.handoff (never overwriting) and print its goal and hint."));
    parser.addPositionalArgument(u"id"_s, tr("The exercise (see 'handoff training list')."));
    const QCommandLineOption out(u"out"_s, tr("The folder to write the project to (made if needed)."), u"dir"_s);
    const QCommandLineOption json(u"json"_s, tr("Print the result as JSON."));
    parser.addOption(out);
    parser.addOption(json);
    if (auto code = parseCommandLine(parser, args, context)) {
        return *code;
    }
    if (parser.positionalArguments().size() != 1) {
        return context.usageError(tr("Give one exercise id."));
    }
    if (!parser.isSet(out) || parser.value(out).isEmpty()) {
        return context.usageError(tr("Give the folder to write the project to with --out DIR."));
    }
    auto chosen = exerciseArgument(context, parser.positionalArguments().constFirst());
    if (const int* code = std::get_if<int>(&chosen)) {
        return *code;
    }
    const training::Exercise& e = std::get<training::Exercise>(chosen);
    const auto path = training::start(e.id, parser.value(out), context.clock());
    if (!path) {
        return context.reportError(path.error(), Failure);
    }
    if (parser.isSet(json)) {
        QJsonObject o = exerciseJson(e);
        o.insert(u"project"_s, *path);
        context.printJson(o);
        return Ok;
    }
    context.out() << tr("Exercise: %1").arg(e.title) << u'\n' << tr("Project:  %1").arg(*path) << u'\n'
                  << tr("Goal:     %1").arg(e.goal) << u'\n' << tr("Hint:     %1").arg(e.hint) << u'\n'
                  << tr("Check it: handoff training check %1 %2").arg(e.id, *path) << u'\n' << Qt::flush;
    return Ok;
}

int runCheck(Context& context, const QStringList& args) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Check a project against an exercise. Exit 0: passed; 1: not yet (the problems are listed); 2: usage "
           "(an unknown exercise); 3: the project cannot be read."));
    parser.addPositionalArgument(u"id"_s, tr("The exercise (see 'handoff training list')."));
    parser.addOption(environmentOption());
    parser.addPositionalArgument(u"project"_s, tr("The .handoff project, or - for standard input."));
    const QCommandLineOption json(u"json"_s, tr("Print the result as JSON."));
    parser.addOption(json);
    if (auto code = parseCommandLine(parser, args, context)) {
        return *code;
    }
    if (parser.positionalArguments().size() != 2) {
        return context.usageError(tr("Give an exercise id and a project file."));
    }
    auto chosen = exerciseArgument(context, parser.positionalArguments().constFirst());
    if (const int* code = std::get_if<int>(&chosen)) {
        return *code;
    }
    const training::Exercise& e = std::get<training::Exercise>(chosen);
    auto loaded = loadProject(context, parser.positionalArguments().at(1), environmentArgument(parser));
    if (const int* code = std::get_if<int>(&loaded)) {
        return *code;
    }
    LoadedProject& lp = std::get<LoadedProject>(loaded);
    const auto result = training::check(e.id, lp.project, context.clock());
    if (!result) {
        return context.reportError(result.error(), Failure);
    }
    diagnostics::Diagnostics remaining = result->remaining;
    diagnostics::Diagnostics newErrors = result->newErrors;
    locate(remaining, lp.text, lp.project);
    locate(newErrors, lp.text, lp.project);
    if (parser.isSet(json)) {
        context.printJson(QJsonObject{{u"exercise"_s, e.id},
                                      {u"project"_s, lp.path},
                                      {u"passed"_s, result->passed},
                                      {u"summary"_s, result->summary},
                                      {u"remaining"_s, Context::diagnosticsToJson(remaining)},
                                      {u"newErrors"_s, Context::diagnosticsToJson(newErrors)}});
    } else {
        context.printDiagnostics(remaining, lp.path);
        context.printDiagnostics(newErrors, lp.path);
        context.out() << result->summary << u'\n';
        if (!result->passed) {
            context.out() << tr("Hint: %1").arg(e.hint) << u'\n';
        }
        context.out() << Qt::flush;
    }
    return result->passed ? Ok : Problems;
}

} // namespace

CommandGroup trainingCommands() {
    const QString summary = tr("Guided exercises: start a broken project, fix it, check it");
    return {u"training"_s, summary, [summary](Context& context, const QStringList& args) {
                return dispatchSubcommands(context, u"training"_s, summary,
                                           {
                                               {u"list"_s, tr("List the exercises."), runList},
                                               {u"start"_s, tr("Write an exercise's broken project."), runStart},
                                               {u"check"_s, tr("Check a project against an exercise."), runCheck},
                                           },
                                           args);
            }};
}

} // namespace handoff::cli
