#include "shell/StateColours.h"

using namespace Qt::StringLiterals;

namespace handoff::shell {

bool isDarkPalette(const QPalette& palette) {
    return palette.color(QPalette::Window).lightness() < 128;
}

QColor stateColour(const QPalette& palette, StateColour state) {
    const bool dark = isDarkPalette(palette);
    switch (state) {
    case StateColour::Ok:
        return dark ? QColor(0x6c, 0xd1, 0x8f) : QColor(0x1b, 0x7a, 0x3d);
    case StateColour::Warning:
        return dark ? QColor(0xf2, 0xc1, 0x4e) : QColor(0x8a, 0x5a, 0x00);
    case StateColour::Error:
        break;
    }
    return dark ? QColor(0xff, 0x7b, 0x72) : QColor(0xc6, 0x28, 0x28);
}

QColor severityColour(const QPalette& palette, diagnostics::Severity severity) {
    switch (severity) {
    case diagnostics::Severity::Error:
        return stateColour(palette, StateColour::Error);
    case diagnostics::Severity::Warning:
        return stateColour(palette, StateColour::Warning);
    case diagnostics::Severity::Info:
        break;
    }
    return palette.color(QPalette::WindowText);
}

QString severityIconPath(diagnostics::Severity severity) {
    switch (severity) {
    case diagnostics::Severity::Error:
        return u":/handoff/icons/severity-error.svg"_s;
    case diagnostics::Severity::Warning:
        return u":/handoff/icons/severity-warning.svg"_s;
    case diagnostics::Severity::Info:
        break;
    }
    return u":/handoff/icons/severity-info.svg"_s;
}

QString okIconPath() {
    return u":/handoff/icons/severity-ok.svg"_s;
}

} // namespace handoff::shell
