// UUI text pasted from e-mails and help pages: the UUI header page's check and `handoff uui check`.
#include "FuzzSupport.h"
#include "uui/UuiLint.h"

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
        (void)uui::lineColumnAt(text, diagnostic.where.byteOffset);
    }
    return 0;
}
