#pragma once

#include "CliContext.h"

namespace handoff::cli {

// `handoff flow show` and `handoff flow edit`: the flow's structure with its ids, and every change of the core edit
// API from the command line, saved atomically or not at all.
int runShow(Context& context, const QStringList& args);
int runEdit(Context& context, const QStringList& args);

} // namespace handoff::cli
