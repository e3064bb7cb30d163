#include "CliContext.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace handoff::cli {

// Placeholder until this command group is implemented; it says so and fails, it never pretends.
CommandGroup flowCommands() {
    return {u"flow"_s, QCoreApplication::translate("handoff::cli", "(not implemented yet)"),
            [](Context& context, const QStringList&) {
                return context.reportError({u"CLI999"_s, u"'flow' is not implemented yet."_s}, Failure);
            }};
}

} // namespace handoff::cli
