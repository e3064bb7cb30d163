#include "diagnostics/Catalog.h"

#include <QtGlobal>

namespace handoff::diagnostics {

namespace {
// Codes of core/exports. Keep each one stable once released; document it in docs/diagnostics.md.
constexpr CodeInfo kCodes[] = {
    {"EXP001", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics",
                       "A flow variable name must have the form Scope.name (for example Flow.uuiToken); correct it.")},
    {"EXP002", Severity::Warning,
     QT_TRANSLATE_NOOP("handoff::diagnostics",
                       "Call.* variables are Genesys built-ins; bind the value to a Flow. or Task. variable you set.")},
    {"EXP003", Severity::Warning,
     QT_TRANSLATE_NOOP("handoff::diagnostics", "The token is pasted as a literal and stops working when it expires; "
                                               "bind it to a flow variable or plan to replace it.")},
    {"EXP004", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics",
                       "The token and callId are bound to the same variable; give each its own.")},
    // Archy YAML import and export
    {"EXP040", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics", "The Archy file is not valid YAML; fix it at the line and column.")},
    {"EXP041", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics",
                       "The file is not an Archy inboundCall flow (another flow type, or another format).")},
    {"EXP042", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics",
                       "A value in the Archy file has the wrong shape or a required key is missing.")},
    {"EXP043", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics",
                       "A {{...}} placeholder of an unrendered template: render the template, then import.")},
    {"EXP044", Severity::Warning,
     QT_TRANSLATE_NOOP("handoff::diagnostics",
                       "A key the Archy reader does not know: kept and written back, not checked or simulated.")},
    {"EXP045", Severity::Warning,
     QT_TRANSLATE_NOOP("handoff::diagnostics",
                       "An Archy action the model does not have: kept as an opaque action and written back.")},
    {"EXP046", Severity::Error,
     QT_TRANSLATE_NOOP(
         "handoff::diagnostics",
         "A task reference (startUpRef, targetTaskRef, refId) is malformed, duplicated or names no task.")},
    {"EXP047", Severity::Error,
     QT_TRANSLATE_NOOP(
         "handoff::diagnostics",
         "The flow cannot be written as Archy (no tasks, no starting task, a task id that is no refId).")},
};
} // namespace

std::span<const CodeInfo> exportCodes() {
    return kCodes;
}

} // namespace handoff::diagnostics
