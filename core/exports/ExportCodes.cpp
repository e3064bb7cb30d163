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
};
} // namespace

std::span<const CodeInfo> exportCodes() {
    return kCodes;
}

} // namespace handoff::diagnostics
