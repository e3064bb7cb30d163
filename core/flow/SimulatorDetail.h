#pragma once

// Internal to core/flow: what the simulator's files share (Simulator.cpp, SimulatorFunction.cpp): deterministic ids
// and tags.

#include <QString>
#include <QtGlobal>

namespace handoff::flow::detail {

// splitmix64: small, fast and good enough for ids and tags; the same seed gives the same sequence everywhere.
inline quint64 mix(quint64 x) {
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}

inline QString hex(quint64 value, int digits) {
    return QString::number(value, 16).rightJustified(digits, u'0').right(digits);
}

inline QString uuidFrom(quint64 seed, quint64 n) {
    const quint64 a = mix(seed * 1000003ULL + n);
    const quint64 b = mix(a ^ 0x5DEECE66DULL);
    // Version 4 layout (8-4-4-4-12), deterministic bits.
    static constexpr char16_t digits[] = u"0123456789abcdef";
    char16_t out[36];
    int k = 0;
    auto put = [&](quint64 value, int count) {
        for (int i = count - 1; i >= 0; --i) {
            out[k++] = digits[(value >> (4 * i)) & 0xF];
        }
    };
    put(a >> 32, 8);
    out[k++] = u'-';
    put(a >> 16, 4);
    out[k++] = u'-';
    out[k++] = u'4';
    put(a, 3);
    out[k++] = u'-';
    put(8 + (b >> 62), 1);
    put(b >> 48, 3);
    out[k++] = u'-';
    put(b, 12);
    return QString(reinterpret_cast<const QChar*>(out), 36);
}

} // namespace handoff::flow::detail
