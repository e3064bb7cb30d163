// callAttributes pasted by an admin (a JSON object, the escaped string, or the help article's single quotes).
#include "FuzzSupport.h"
#include "telephony/CallAttributes.h"

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace handoff;
    const telephony::ParsedCallAttributes parsed =
        telephony::parseCallAttributes(QString::fromUtf8(fuzz::bytes(data, size)));
    (void)telephony::validateCallAttributes(parsed.attributes);
    const QString json = telephony::callAttributesJson(parsed.attributes);
    if (!parsed.attributes.isEmpty()) {
        // The string the product sends must read back as the same pairs.
        const telephony::ParsedCallAttributes again = telephony::parseCallAttributes(json);
        if (again.attributes.size() != parsed.attributes.size()) {
            std::abort();
        }
    }
    return 0;
}
