#include "Diagnostic.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace handoff::diagnostics {

QString severityName(Severity severity) {
    switch (severity) {
    case Severity::Info:
        return u"info"_s;
    case Severity::Warning:
        return u"warning"_s;
    case Severity::Error:
        return u"error"_s;
    }
    return u"error"_s;
}

bool hasErrors(const Diagnostics& list) {
    return std::any_of(list.cbegin(), list.cend(), [](const Diagnostic& d) { return d.isError(); });
}

Severity worstSeverity(const Diagnostics& list) {
    Severity worst = Severity::Info;
    for (const Diagnostic& d : list) {
        if (static_cast<int>(d.severity) > static_cast<int>(worst)) {
            worst = d.severity;
        }
    }
    return worst;
}

} // namespace handoff::diagnostics
