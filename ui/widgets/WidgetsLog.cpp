#include "WidgetsLog.h"

namespace handoff::widgets {
Q_LOGGING_CATEGORY(lcWidgets, "handoff.widgets")
}
