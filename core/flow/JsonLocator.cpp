#include "JsonLocator.h"

#include <QList>
#include <QString>

#include <variant>

namespace handoff::flow {

namespace {

using Segment = std::variant<QString, qsizetype>; // member key, or array index

std::optional<QList<Segment>> parsePath(QStringView path) {
    QList<Segment> out;
    qsizetype i = 0;
    while (i < path.size()) {
        if (path[i] == u'.') {
            ++i;
            continue;
        }
        if (path[i] == u'[') {
            const qsizetype close = path.indexOf(u']', i);
            if (close < 0) {
                return std::nullopt;
            }
            bool ok = false;
            const qsizetype index = path.sliced(i + 1, close - i - 1).toLongLong(&ok);
            if (!ok) {
                return std::nullopt;
            }
            out.append(index);
            i = close + 1;
            continue;
        }
        qsizetype end = i;
        while (end < path.size() && path[end] != u'.' && path[end] != u'[') {
            ++end;
        }
        out.append(path.sliced(i, end - i).toString());
        i = end;
    }
    return out;
}

class Scanner {
public:
    explicit Scanner(const QByteArray& text)
        : m_text(text) {}

    void skipSpace() {
        while (m_pos < m_text.size() &&
               (m_text[m_pos] == ' ' || m_text[m_pos] == '\n' || m_text[m_pos] == '\r' || m_text[m_pos] == '\t')) {
            ++m_pos;
        }
    }

    bool at(char c) {
        skipSpace();
        return m_pos < m_text.size() && m_text[m_pos] == c;
    }

    // Reads a JSON string at the position; returns its (unescaped enough for keys) text.
    std::optional<QString> string() {
        skipSpace();
        if (m_pos >= m_text.size() || m_text[m_pos] != '"') {
            return std::nullopt;
        }
        const qsizetype start = ++m_pos;
        QByteArray raw;
        while (m_pos < m_text.size() && m_text[m_pos] != '"') {
            if (m_text[m_pos] == '\\') {
                ++m_pos;
            }
            if (m_pos < m_text.size()) {
                raw.append(m_text[m_pos]);
            }
            ++m_pos;
        }
        if (m_pos >= m_text.size()) {
            return std::nullopt;
        }
        ++m_pos;
        Q_UNUSED(start)
        return QString::fromUtf8(raw);
    }

    bool skipValue() {
        skipSpace();
        if (m_pos >= m_text.size()) {
            return false;
        }
        const char c = m_text[m_pos];
        if (c == '"') {
            return string().has_value();
        }
        if (c == '{' || c == '[') {
            const char close = c == '{' ? '}' : ']';
            ++m_pos;
            if (at(close)) {
                ++m_pos;
                return true;
            }
            while (true) {
                if (c == '{') {
                    if (!string() || !at(':')) {
                        return false;
                    }
                    ++m_pos;
                }
                if (!skipValue()) {
                    return false;
                }
                if (at(',')) {
                    ++m_pos;
                    continue;
                }
                if (at(close)) {
                    ++m_pos;
                    return true;
                }
                return false;
            }
        }
        while (m_pos < m_text.size() && m_text[m_pos] != ',' && m_text[m_pos] != '}' && m_text[m_pos] != ']' &&
               m_text[m_pos] != ' ' && m_text[m_pos] != '\n' && m_text[m_pos] != '\r' && m_text[m_pos] != '\t') {
            ++m_pos;
        }
        return true;
    }

    // Descends along the path; returns the offset of the deepest segment found and whether all were found.
    std::pair<qsizetype, bool> find(const QList<Segment>& path) {
        qsizetype found = 0;
        skipSpace();
        found = m_pos;
        for (const Segment& segment : path) {
            if (const QString* key = std::get_if<QString>(&segment)) {
                if (!at('{')) {
                    return {found, false};
                }
                ++m_pos;
                bool matched = false;
                while (!at('}')) {
                    skipSpace();
                    const qsizetype keyStart = m_pos;
                    const auto name = string();
                    if (!name || !at(':')) {
                        return {found, false};
                    }
                    ++m_pos;
                    if (*name == *key) {
                        found = keyStart;
                        matched = true;
                        break;
                    }
                    if (!skipValue()) {
                        return {found, false};
                    }
                    if (at(',')) {
                        ++m_pos;
                    }
                }
                if (!matched) {
                    return {found, false};
                }
            } else {
                const qsizetype index = std::get<qsizetype>(segment);
                if (!at('[')) {
                    return {found, false};
                }
                ++m_pos;
                for (qsizetype i = 0; i < index; ++i) {
                    if (at(']') || !skipValue()) {
                        return {found, false};
                    }
                    if (!at(',')) {
                        return {found, false};
                    }
                    ++m_pos;
                }
                if (at(']')) {
                    return {found, false};
                }
                skipSpace();
                found = m_pos;
            }
        }
        return {found, true};
    }

private:
    const QByteArray& m_text;
    qsizetype m_pos = 0;
};

} // namespace

std::optional<TextPosition> locateJsonPath(const QByteArray& json, QStringView path, bool nearest) {
    const auto segments = parsePath(path);
    if (!segments) {
        return std::nullopt;
    }
    Scanner scanner(json);
    const auto [offset, complete] = scanner.find(*segments);
    if (!complete && !nearest) {
        return std::nullopt;
    }
    return handoff::text::positionAt(json, offset);
}

} // namespace handoff::flow
