#include "common/TextPosition.h"

namespace handoff::text {

TextPosition positionAt(const QByteArray& utf8, qsizetype byteOffset) {
    TextPosition p;
    p.offset = qBound<qsizetype>(0, byteOffset, utf8.size());
    for (qsizetype i = 0; i < p.offset; ++i) {
        const auto c = static_cast<uchar>(utf8[i]);
        if (c == '\n') {
            ++p.line;
            p.column = 1;
        } else if ((c & 0xC0) != 0x80) {
            ++p.column;
        }
    }
    return p;
}

} // namespace handoff::text
