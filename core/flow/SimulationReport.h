#pragma once

#include "flow/Simulator.h"

#include <QJsonObject>

namespace handoff::flow {

// JSON for --json output and the designer. Stable keys; values as in the trace.
QJsonObject toJson(const Trace& trace);
QJsonObject toJson(const MatrixReport& report);
QJsonObject toJson(const WindowReport& report);

} // namespace handoff::flow
