#pragma once

#include "CliContext.h"

#include <QStringList>

namespace handoff::cli {

// `handoff export archy PROJECT [--out FILE] [--force] [--allow-problems]`: the project's flow as Archy YAML.
// args[0] is the command path ("handoff export archy"). The `export` group registers it.
int runExportArchy(Context& context, const QStringList& args);

// `handoff flow import archy FILE.yaml --out PROJECT.handoff [--force] [--json]`: an Archy flow into a new project.
int runFlowImport(Context& context, const QStringList& args);

} // namespace handoff::cli
