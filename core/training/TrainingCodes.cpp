#include "diagnostics/Catalog.h"

#include <QtGlobal>

namespace handoff::diagnostics {

namespace {
// Codes of core/training. Keep each one stable once released; document it in docs/diagnostics.md.
constexpr CodeInfo kCodes[] = {
    {"TRN010", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics", "There is no training exercise with this id.")},
    {"TRN011", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics", "The exercise's project file exists already; it was left as it is.")},
    {"TRN012", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics", "The folder for the exercise's project cannot be made.")},
};
} // namespace

std::span<const CodeInfo> trainingCodes() {
    return kCodes;
}

} // namespace handoff::diagnostics
