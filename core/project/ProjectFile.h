#pragma once

#include "common/Error.h"
#include "diagnostics/Diagnostic.h"
#include "project/Project.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace handoff::project {

// The .handoff file format: JSON, {"format":"handoff-studio-project","version":N,...}.
//
// Versions: a file of an older version is migrated step by step (migrateStep) before it is read; a newer one is
// refused (PRJ002) and never overwritten. To add version N+1: raise kCurrentVersion, add the step N -> N+1 in
// migrateStep, read and write the new sections in ProjectFile.cpp, and test the migration.
namespace ProjectFile {

inline constexpr const char* kFormat = "handoff-studio-project";
inline constexpr int kCurrentVersion = 4; // 2: the flow and scenarios; 3: the flow as Architect tasks; 4: environments
inline constexpr const char* kSuffix = "handoff"; // file name suffix, without the dot

struct Loaded {
    Project project;
    int fileVersion = kCurrentVersion;    // the version the file had before migration
    diagnostics::Diagnostics diagnostics; // warnings: unknown keys kept (PRJ004), ...
};

// Errors: PRJ001 invalid JSON (message with line and column), PRJ002 newer version, PRJ003 wrong type or value
// (message names the key), PRJ005 private key material in the file (refused), PRJ006 not a Handoff Studio project.
Result<Loaded> parse(const QByteArray& data);
Result<Loaded> load(const QString& path);

// The file's bytes: indented JSON, keys in a stable order, unknown keys from the loaded file kept.
QByteArray serialize(const Project& project);
// Writes through io::saveAtomically; on failure the previous file is untouched.
Result<void> save(const Project& project, const QString& path);

// Upgrades the JSON of a file of version `fromVersion` to `fromVersion + 1`, in place.
// What the step changed that its user should know (the v2 -> v3 conversion of the flow, a changed default) goes
// to `notices` when given.
Result<void> migrateStep(QJsonObject& root, int fromVersion, diagnostics::Diagnostics* notices = nullptr);

} // namespace ProjectFile

} // namespace handoff::project
