#pragma once

#include "diagnostics/Diagnostic.h"

#include <QColor>
#include <QPalette>

namespace handoff::shell {

// Text colours that tell a state and stay readable in light and dark palettes (picked from the palette's window
// lightness). Always pair a colour with an icon or a word: colour alone is not enough.
enum class StateColour { Ok, Warning, Error };

bool isDarkPalette(const QPalette& palette);
QColor stateColour(const QPalette& palette, StateColour state);
QColor severityColour(const QPalette& palette, diagnostics::Severity severity);
// The icon resource for a severity, and the one for "all fine".
QString severityIconPath(diagnostics::Severity severity);
QString okIconPath();

} // namespace handoff::shell
