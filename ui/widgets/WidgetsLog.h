#pragma once

#include <QLoggingCategory>

namespace handoff::widgets {
Q_DECLARE_LOGGING_CATEGORY(lcWidgets)
}
