#pragma once

#include "exports/ArchyExport.h"
#include "project/Project.h"

#include <QByteArray>

namespace handoff::project {

// The Archy export of a project's flow, with each Set UUI Data that sends the project's UUI template written as the
// Architect expression the project exports (its variables bound): the one place `handoff export archy` and the
// Export page get it from.
exports::ArchyExportOptions archyExportOptions(const Project& project);
// The export is for the selected environment. With one environment it is the flow as designed, its Transfer to
// Number sending to the environment's SIP address when one is set. With more (the help article: "add a UUI Data
// action for each environment"), every Set UUI Data that sends the project's template becomes a Decision per
// environment on the flow variable Flow.HandoffEnvironment, each path with that environment's Set UUI Data; the
// variable starts as the selected environment's name, and Transfer to Number picks that environment's SIP address
// (docs/environments.md).
Result<QByteArray> exportArchy(const Project& project);

// The flow variable the multi-environment export selects the environment with.
inline constexpr const char* kEnvironmentVariable = "Flow.HandoffEnvironment";

// The flow as it runs in the selected environment: a Transfer to Number whose number is a string literal sends to
// the environment's SIP address when it has one. Returns `project.flow` itself when nothing changes, else fills
// `scratch` and returns it. The simulation and the exports use it, so they agree.
const flow::Flow& environmentFlow(const Project& project, flow::Flow& scratch);

// The flow the Archy export writes (see exportArchy), with its UUI expressions filled in.
flow::Flow archyFlow(const Project& project);

} // namespace handoff::project
