#pragma once

#include "exports/ArchyExport.h"
#include "project/Project.h"

#include <QByteArray>

namespace handoff::project {

// The Archy export of a project's flow, with each Set UUI Data that sends the project's UUI template written as the
// Architect expression the project exports (its variables bound): the one place `handoff export archy` and the
// Export page get it from.
exports::ArchyExportOptions archyExportOptions(const Project& project);
Result<QByteArray> exportArchy(const Project& project);

} // namespace handoff::project
