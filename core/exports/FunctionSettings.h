#pragma once

#include "diagnostics/Diagnostic.h"

#include <QString>

namespace handoff::exports {

// How the Function Data Action is configured in Genesys (docs/exports.md): its Node.js runtime and the action's
// timeout. Stored in the project under "functionDataAction"; a file without it gets these defaults.
struct FunctionSettings {
    static constexpr const char* kDefaultRuntime = "nodejs20.x";
    static constexpr int kDefaultTimeoutSeconds = 15;
    static constexpr int kMinTimeoutSeconds = 1;
    static constexpr int kMaxTimeoutSeconds = 15;

    // One of the runtimes Genesys' API lists (the list changes over time; the product checks only the form).
    QString runtime = QString::fromLatin1(kDefaultRuntime);
    // The Function Data Action's timeout, 1-15 s; the function fits its one 429 retry inside it.
    int timeoutSeconds = kDefaultTimeoutSeconds;

    bool isDefault() const { return *this == FunctionSettings{}; }
    // EXP010 a runtime not of the form nodejsNN.x (or older than Node 18), EXP011 a timeout outside 1-15 s;
    // located at "functionDataAction.runtime" / "functionDataAction.timeoutSeconds".
    diagnostics::Diagnostics validate() const;

    friend bool operator==(const FunctionSettings&, const FunctionSettings&) = default;
};

} // namespace handoff::exports
