#pragma once

#include "diagnostics/Diagnostic.h"
#include "project/Project.h"

#include <QString>

#include <optional>

namespace handoff::project {

// The one verdict over a project's problems that every overall state shows: the desktop app's status bar, the
// Export page's banner, the Go-live page and `handoff preflight`. The go-live check (GoLiveCheck.h) makes it from the
// problems behind its checks (project::verdictOf calls readiness()); keep it the one place the verdict is made.
// Pages never decide "ready" themselves.
struct Readiness {
    enum class State {
        Empty,    // nothing entered yet (no org id, no SCRT2 domain): neither ready nor broken, shown without a check
        NotReady, // at least one error stands
        Ready,    // no error (warnings and infos may remain; they are counted)
    };
    State state = State::Empty;
    int errors = 0;
    int warnings = 0;
    int infos = 0;
    // The error to fix first (the first in the list, which is in fixing order: org, key, token, UUI, budget, export),
    // so the UI can name it and link to the page that shows its field. Empty unless NotReady.
    std::optional<diagnostics::Diagnostic> blocking;
    QString summary; // translated, one line: "Not ready: 2 errors. First: ..."

    bool isReady() const { return state == State::Ready; }
};

// The verdict for `project` with `problems`, the full list of its diagnostics (project::Composition::diagnostics,
// plus any the caller adds, such as the desktop app's key and certificate checks).
Readiness readiness(const Project& project, const diagnostics::Diagnostics& problems);

} // namespace handoff::project
