// callAttributes pasted by an admin (a JSON object, the escaped string, or the help article's single quotes).
#include "FuzzSupport.h"
#include "diagnostics/Diagnostic.h"
#include "telephony/CallAttributes.h"

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace handoff;
    const telephony::ParsedCallAttributes parsed =
        telephony::parseCallAttributes(QString::fromUtf8(fuzz::bytes(data, size)));
    const auto problems = telephony::validateCallAttributes(parsed.attributes);
    const QString json = telephony::callAttributesJson(parsed.attributes);
    if (!parsed.attributes.isEmpty() && !diagnostics::hasErrors(problems)) {
        // Pairs the product accepts are sent as a string that must read back as the same pairs, in order.
        const telephony::ParsedCallAttributes again = telephony::parseCallAttributes(json);
        if (again.attributes != parsed.attributes) {
            std::abort();
        }
    }
    return 0;
}
