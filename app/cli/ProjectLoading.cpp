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
    for (diagnostics::Diagnostic& d : list) {
        if (d.where.line > 0) {
            continue;
        }
        const QString path = d.where.isInFlow() ? flow::jsonPathOf(flow, d.where) : d.where.field;
        if (path.isEmpty()) {
            continue;
        }
        if (const auto at = flow::locateJsonPath(text, path)) {
            d.where.line = at->line;
            d.where.column = at->column;
        }
    }
}

std::variant<LoadedProject, int> loadProject(Context& context, const QString& path) {
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
    locate(out.diagnostics, out.text, out.project.flow);
    return out;
}

std::variant<LoadedProject, int> loadProjectArgument(Context& context, const QCommandLineParser& parser) {
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1) {
        return context.usageError(tr("Give one project file."));
    }
    return loadProject(context, positional.constFirst());
}

} // namespace handoff::cli
