#include "diagnostics/Catalog.h"

#include <QtGlobal>

namespace handoff::diagnostics {

namespace {
// Codes of core/flow. Keep each one stable once released; document it in docs/diagnostics.md.
constexpr CodeInfo kCodes[] = {
    // Expressions
    {"FLW001", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics", "An Architect expression has a syntax error at the marked character.")},
    {"FLW002", Severity::Warning,
     QT_TRANSLATE_NOOP("handoff::diagnostics",
                       "An expression uses a function or operator the simulator does not model; it is not guessed.")},
    {"FLW003", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics",
                       "An expression mixes types or uses a NOT_SET value where Architect does not accept one.")},
    {"FLW004", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics", "An expression names a variable the flow does not declare.")},
};
} // namespace

std::span<const CodeInfo> flowCodes() {
    return kCodes;
}

} // namespace handoff::diagnostics
