#include "diagnostics/Catalog.h"

namespace handoff::diagnostics {

std::span<const CodeInfo> exportCodes() {
    // No codes yet: this module adds its table here (see ProjectCodes.cpp for the form).
    return {};
}

} // namespace handoff::diagnostics
