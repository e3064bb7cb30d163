#include "ProjectLoading.h"

#include "common/TextPosition.h"
#include "flow/JsonLocator.h"
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

void locate(diagnostics::Diagnostics& list, const QByteArray& text, const flow::Flow& flow) {
    locate(list, text, flow, -1);
}

void locate(diagnostics::Diagnostics& list, const QByteArray& text, const project::Project& project) {
    locate(list, text, project.flow, project.environmentIndex);
}

void locate(diagnostics::Diagnostics& list, const QByteArray& text, const flow::Flow& flow,
            qsizetype environmentIndex) {
    for (diagnostics::Diagnostic& d : list) {
        if (d.where.line > 0) {
            continue;
        }
        QString path = d.where.isInFlow() ? flow::jsonPathOf(flow, d.where) : d.where.field;
        // The selected environment's settings are named as the project's ("org.orgId"); in the file they sit in
        // its entry of "environments".
        static const QString kEnvironmentFields[] = {u"org"_s, u"key"_s, u"trunk"_s, u"sipAddress"_s};
        for (const QString& part : kEnvironmentFields) {
            if (environmentIndex >= 0 && (path == part || path.startsWith(part + u'.'))) {
                path = u"environments[%1]."_s.arg(environmentIndex) + path;
                break;
            }
        }
        if (path.isEmpty()) {
            continue;
        }
        if (const auto at = flow::locateJsonPath(text, path)) {
            d.where.line = at->line;
            d.where.column = at->column;
        }
    }
}

QCommandLineOption environmentOption() {
    return QCommandLineOption(u"env"_s,
                              QCoreApplication::translate("handoff::cli",
                                                          "Work on this environment of the project (its org, key, "
                                                          "trunk and SIP address); default: the one the file names."),
                              u"name"_s);
}

QString environmentArgument(const QCommandLineParser& parser) {
    return parser.optionNames().contains(u"env"_s) ? parser.value(u"env"_s) : QString();
}

bool applyEnvironmentArgument(Context& context, project::Project& project, const QCommandLineParser& parser) {
    const QString name = environmentArgument(parser);
    if (name.isEmpty()) {
        return true;
    }
    if (auto selected = project.selectEnvironment(name); !selected) {
        context.reportError(selected.error(), Usage);
        return false;
    }
    return true;
}

std::variant<LoadedProject, int> loadProject(Context& context, const QString& path, const QString& environment) {
    auto data = context.readInput(path);
    if (!data) {
        return context.reportError(data.error(), Failure);
    }
    auto loaded = project::ProjectFile::parse(*data);
    if (!loaded) {
        diagnostics::Diagnostic d{loaded.error().code, diagnostics::Severity::Error, loaded.error().message, {}};
        d.where.field = loaded.error().field;
        QJsonParseError parseError{};
        QJsonDocument::fromJson(*data, &parseError);
        if (parseError.error != QJsonParseError::NoError) {
            const handoff::text::TextPosition at = handoff::text::positionAt(*data, qMax(0, parseError.offset - 1));
            d.where.line = at.line;
            d.where.column = at.column;
        } else if (const auto at = flow::locateJsonPath(*data, d.where.field); at && !d.where.field.isEmpty()) {
            d.where.line = at->line;
            d.where.column = at->column;
        } else {
            d.where.line = 1;
            d.where.column = 1;
        }
        context.printDiagnostics({d}, path);
        return Failure;
    }
    LoadedProject out{path, std::move(loaded->project), *data, loaded->diagnostics};
    if (!environment.isEmpty()) {
        if (auto selected = out.project.selectEnvironment(environment); !selected) {
            context.reportError(selected.error(), Usage);
            return Usage;
        }
    }
    locate(out.diagnostics, out.text, out.project);
    return out;
}

std::variant<LoadedProject, int> loadProjectArgument(Context& context, const QCommandLineParser& parser) {
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1) {
        return context.usageError(tr("Give one project file."));
    }
    return loadProject(context, positional.constFirst(), environmentArgument(parser));
}

} // namespace handoff::cli
