// UUI text pasted from e-mails and help pages: the UUI header page's check and `handoff uui check`.
#include "FuzzSupport.h"
#include "common/TextPosition.h"
#include "uui/UuiLint.h"

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace handoff;
    const QByteArray text = fuzz::bytes(data, size);
    uui::LintOptions options;
    (void)uui::lint(text, fuzz::clock(), options);
    options.profile = uui::TrunkUuiProfile{};
    const uui::LintResult result = uui::lint(text, fuzz::clock(), options);
    if (result.repaired) {
        (void)uui::lint(*result.repaired, fuzz::clock(), options);
    }
    for (const auto& diagnostic : result.diagnostics) {
        // A location is a byte range inside the checked text.
        const auto& where = diagnostic.where;
        if (where.offset >= 0 && (where.length < 0 || where.offset + where.length > text.size())) {
            std::abort();
        }
        if (where.offset >= 0) {
            (void)handoff::text::positionAt(text, where.offset);
        }
    }
    return 0;
}
