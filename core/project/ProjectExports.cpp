#include "ProjectExports.h"

#include "exports/SetUuiDataExport.h"

using namespace Qt::StringLiterals;

namespace handoff::project {

exports::ArchyExportOptions archyExportOptions(const Project& project) {
    exports::ArchyExportOptions options;
    options.uuiExpression = [project](const flow::SetUuiDataProps& p) {
        exports::ExportBindings bindings;
        bindings.tokenVariable = p.tokenVariable;
        bindings.callIdVariable = p.callIdVariable;
        bindings.bindCallId = !p.callIdVariable.isEmpty();
        // The token is bound to its variable, so the text given here never reaches the expression.
        return exports::exportSetUuiData(project.uuiModel(u"TOKEN"_s), bindings).expression;
    };
    return options;
}

Result<QByteArray> exportArchy(const Project& project) {
    return exports::exportArchy(project.flow, archyExportOptions(project));
}

} // namespace handoff::project
