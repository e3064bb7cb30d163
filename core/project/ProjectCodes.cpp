#include "diagnostics/Catalog.h"

#include <QtGlobal>

namespace handoff::diagnostics {

namespace {
// Codes of core/project. Keep each one stable once released; document it in docs/diagnostics.md.
constexpr CodeInfo kCodes[] = {
    {"PRJ001", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics", "The project file is not valid JSON; the file was not changed.")},
    {"PRJ002", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics",
                       "The project file was written by a newer Handoff Studio; open it with that version.")},
    {"PRJ003", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics", "A field of the project file has the wrong type or an invalid value.")},
    {"PRJ004", Severity::Warning,
     QT_TRANSLATE_NOOP("handoff::diagnostics", "The project file has a key this version does not know; it is kept.")},
    {"PRJ005", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics", "The project file contains a private key; it was not opened. Remove the "
                                               "key from the file and import it into the keychain.")},
    {"PRJ006", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics",
                       "The file is not a Handoff Studio project (its format key is missing or different).")},
    {"PRJ007", Severity::Info,
     QT_TRANSLATE_NOOP("handoff::diagnostics",
                       "Opening an older project changed a setting to the new default; the notice says which.")},
};
} // namespace

std::span<const CodeInfo> projectCodes() {
    return kCodes;
}

} // namespace handoff::diagnostics
