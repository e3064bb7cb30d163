#include "CliContext.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace handoff::cli {

// Placeholder until this command group is implemented; it says so and fails, it never pretends.
CommandGroup callCommands() {
    return {u"call"_s, QCoreApplication::translate("handoff::cli", "(not implemented yet)"),
            [](Context& context, const QStringList&) {
                return context.reportError({u"CLI999"_s, u"'call' is not implemented yet."_s}, Failure);
            }};
}

} // namespace handoff::cli
