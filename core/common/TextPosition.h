#pragma once

#include <QByteArray>
#include <QtGlobal>

namespace handoff::text {

// Where a byte offset sits in UTF-8 text, as `file:line:col` prints it and an editor's cursor counts it.
//
// The column unit is the **character** (Unicode code point), counted from the UTF-8 bytes without decoding: a
// continuation byte (10xxxxxx) starts no character. Why characters and not the two other units in use:
// - bytes would put the column too far right after every non-ASCII letter ("ü" is two bytes, one step of the
//   cursor);
// - UTF-16 code units (QString's index) count a character outside the Basic Multilingual Plane, such as an emoji
//   in a display name, twice, although the cursor passes it in one step.
// An editor moves its cursor one character at a time and shows its column the same way, so `line:col` from here is
// where the cursor lands. For ASCII, which JSON keys and the UUI (non-ASCII is written as \uXXXX) are, the three
// units agree. docs/diagnostics.md describes the `file:line:col` form.
struct TextPosition {
    qsizetype offset = 0; // the UTF-8 byte offset, clamped to the text
    int line = 1;         // 1-based
    int column = 1;       // 1-based, in characters (code points)
};

// Line and column of `byteOffset` (clamped to 0..size) in `utf8`. A line ends at '\n' (a '\r' before it counts as a
// character of its line).
TextPosition positionAt(const QByteArray& utf8, qsizetype byteOffset);

} // namespace handoff::text
