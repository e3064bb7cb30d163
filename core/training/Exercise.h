#pragma once

#include "common/Clock.h"
#include "common/Error.h"
#include "diagnostics/Diagnostic.h"
#include "project/Project.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace handoff::training {

// One guided exercise: a project broken in one way that breaks handoffs in production, what to achieve, a hint,
// and the diagnostic codes the core reports for the break. See docs/training.md.
struct Exercise {
    QString id;        // stable, for files, settings and the command line ("typographic-quotes")
    QString title;     // translated, one line
    QString goal;      // translated: what the fixed project does
    QString hint;      // translated: where to look and what to change
    QStringList codes; // the codes the broken project has and the fixed one must not
};

// Every exercise, in the order they are best taken.
QList<Exercise> exercises();
std::optional<Exercise> findExercise(QStringView id);

// The broken project of exercise `id`, made from the help article's template (project::projectFromTemplate) and
// broken by edits through the flow edit API. Time-dependent parts (a pasted token) are minted at `clock`'s time.
// TRN010 for an unknown id.
Result<project::Project> brokenProject(QStringView id, const Clock& clock);

// Every problem of a project the checks look at: the live composition without a key (project::compose) and the
// flow checked in its project (project::validateFlow, which also has the no-Set-Post-Flow rule, FLW050).
diagnostics::Diagnostics projectProblems(const project::Project& project, const Clock& clock);

struct CheckResult {
    bool passed = false;
    diagnostics::Diagnostics remaining; // problems with one of the exercise's codes still there
    diagnostics::Diagnostics newErrors; // errors the broken project did not have (a fix that broke something else)
    QString summary;                    // translated, one line
};

// Checks an admin's project against exercise `id`: passed when none of the exercise's codes is reported any more
// and no error is reported whose code the exercise's broken project (made at the same time) does not have.
// TRN010 for an unknown id.
Result<CheckResult> check(QStringView id, const project::Project& project, const Clock& clock);

// Writes the broken project of exercise `id` to `<directory>/<id>.handoff` (the directory is made if needed) and
// returns the file's path. Never overwrites: TRN011 when the file exists; TRN012 when the directory cannot be made;
// the project file's own errors when it cannot be written.
Result<QString> start(QStringView id, const QString& directory, const Clock& clock);

} // namespace handoff::training
