#include "exports/FunctionSettings.h"

#include "diagnostics/Catalog.h"

#include <QCoreApplication>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace handoff::exports {

namespace {
QString tr(const char* text) {
    return QCoreApplication::translate("handoff::exports", text);
}
} // namespace

diagnostics::Diagnostics FunctionSettings::validate() const {
    diagnostics::Diagnostics list;
    static const QRegularExpression form(u"^nodejs([0-9]+)\\.x$"_s);
    const auto match = form.match(runtime);
    if (!match.hasMatch() || match.captured(1).toInt() < 18) {
        list.append(diagnostics::make(
            "EXP010",
            handoff::exports::tr("The runtime \"%1\" is not a Node.js runtime of version 18 or newer (such as "
                                 "nodejs20.x); choose one that Genesys lists.")
                .arg(runtime),
            diagnostics::Location{u"functionDataAction.runtime"_s}));
    }
    if (timeoutSeconds < kMinTimeoutSeconds || timeoutSeconds > kMaxTimeoutSeconds) {
        list.append(diagnostics::make(
            "EXP011",
            handoff::exports::tr("The action's timeout is %1 s; Genesys allows 1 to 15 s.").arg(timeoutSeconds),
            diagnostics::Location{u"functionDataAction.timeoutSeconds"_s}));
    }
    return list;
}

} // namespace handoff::exports
