#pragma once

#include "common/Error.h"
#include "diagnostics/Diagnostic.h"
#include "exports/ZipArchive.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace handoff::project {
struct Project;
}

namespace handoff::exports {

// The Genesys Function Data Action package (docs/exports.md): src/index.js (exports.handler, Node 18 APIs, no npm
// dependencies), package.json and README.md. The handler's code is core/exports/function/index.js with the project's
// token policies, customer type (whether `sub` is sent) and the action's timeout filled in.
struct FunctionPackage {
    QList<ArchiveEntry> files;            // in the order they go into the zip
    diagnostics::Diagnostics diagnostics; // EXP010/EXP011 settings, EXP012 token policy, EXP013 no key (warning)

    bool ok() const { return !diagnostics::hasErrors(diagnostics); }
    QByteArray file(const QString& path) const; // empty when absent
};

// The handler string Genesys is given for the package.
inline constexpr const char* kFunctionHandler = "src/index.handler";

FunctionPackage buildFunctionPackage(const project::Project& project);

// The JavaScript constant the handler reads its settings from (compact JSON).
QByteArray functionPolicyJson(const project::Project& project);

// True when `fileName` (no directory) is a name Genesys takes for an upload: letters, digits and + - _ . ' ( ).
bool isUploadableZipName(const QString& fileName);

// Writes the package as a zip through io::saveAtomically. Refuses with EXP014 when `path` exists and `force` is
// not set, EXP015 when the file name is not one Genesys accepts, EXP017 when the package has errors; nothing is
// written then.
Result<void> writeFunctionZip(const FunctionPackage& package, const QString& path, bool force);

} // namespace handoff::exports
