#pragma once

// QScintilla's headers use the `signals` and `slots` keywords, which QT_NO_KEYWORDS switches off for our code.
// Include QScintilla through this header only (from .cpp files; our own headers forward-declare its classes).
#define signals Q_SIGNALS
#define slots Q_SLOTS
#include <Qsci/qscilexerjson.h>
#include <Qsci/qsciscintilla.h>
#include <Qsci/qscistyle.h>
#undef signals
#undef slots
