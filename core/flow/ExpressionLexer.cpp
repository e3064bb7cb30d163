#include "ExpressionLexer.h"

#include "common/TextPosition.h"
#include "diagnostics/Catalog.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace handoff::flow {
namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("handoff::flow", text);
}

} // namespace
} // namespace handoff::flow

namespace handoff::flow::detail {

ExpressionError makeError(QStringView text, const char* code, QString message, qsizetype start, qsizetype length) {
    start = qBound<qsizetype>(0, start, text.size());
    length = qBound<qsizetype>(0, length, text.size() - start);
    ExpressionError error;
    error.code = QString::fromLatin1(code);
    error.message = std::move(message);
    error.charOffset = start;
    const QByteArray before = text.first(start).toUtf8();
    const handoff::text::TextPosition at = handoff::text::positionAt(before, before.size());
    error.where.offset = before.size();
    error.where.length = text.sliced(start, length).toUtf8().size();
    error.where.line = at.line;
    error.where.column = at.column;
    return error;
}

namespace {

bool isWordStart(QChar c) {
    return c.isLetter() || c == u'_';
}

bool isWordPart(QChar c) {
    return c.isLetterOrNumber() || c == u'_';
}

bool isDigit(QChar c) {
    return c >= u'0' && c <= u'9';
}

} // namespace

ExpressionResult<std::vector<Token>> tokenize(QStringView text) {
    std::vector<Token> tokens;
    qsizetype i = 0;
    const qsizetype n = text.size();
    auto single = [&](TokenKind kind, qsizetype length) {
        tokens.push_back(Token{kind, i, length, text.sliced(i, length).toString()});
        i += length;
    };
    while (i < n) {
        const QChar c = text[i];
        if (c.isSpace()) {
            ++i;
            continue;
        }
        if (c == u'"') {
            const qsizetype start = i++;
            QString decoded;
            bool closed = false;
            while (i < n) {
                const QChar d = text[i];
                if (d == u'"') {
                    closed = true;
                    ++i;
                    break;
                }
                if (d == u'\\') {
                    if (i + 1 >= n) {
                        break;
                    }
                    const QChar e = text[i + 1];
                    switch (e.unicode()) {
                    case '"':
                        decoded += u'"';
                        break;
                    case '\\':
                        decoded += u'\\';
                        break;
                    case 'n':
                        decoded += u'\n';
                        break;
                    case 'r':
                        decoded += u'\r';
                        break;
                    case 't':
                        decoded += u'\t';
                        break;
                    default:
                        return tl::unexpected(
                            makeError(text, "FLW001",
                                      handoff::flow::tr(
                                          "Unknown escape sequence \\%1 in a string literal. Architect string literals "
                                          "know \\\" \\\\ \\n \\r \\t; write \\\\ for a backslash.")
                                          .arg(e),
                                      i, 2));
                    }
                    i += 2;
                    continue;
                }
                decoded += d;
                ++i;
            }
            if (!closed) {
                return tl::unexpected(makeError(
                    text, "FLW001",
                    handoff::flow::tr("This string literal is not closed. Add a closing double quote (\"); write a "
                                      "quote inside a string as \\\"."),
                    start, 1));
            }
            tokens.push_back(Token{TokenKind::String, start, i - start, decoded});
            continue;
        }
        if (c == u'\u201C' || c == u'\u201D' || c == u'\u2018' || c == u'\u2019') {
            return tl::unexpected(makeError(
                text, "FLW001",
                handoff::flow::tr(
                    "Typographic quote %1: Architect needs a plain double quote (\"). Retype it, or paste from "
                    "a plain-text editor.")
                    .arg(c),
                i, 1));
        }
        if (c == u'\'') {
            return tl::unexpected(
                makeError(text, "FLW001",
                          handoff::flow::tr(
                              "Single quotes do not make a string in Architect expressions; use double quotes (\")."),
                          i, 1));
        }
        if (isDigit(c)) {
            const qsizetype start = i;
            while (i < n && isDigit(text[i])) {
                ++i;
            }
            TokenKind kind = TokenKind::Integer;
            if (i + 1 < n && text[i] == u'.' && isDigit(text[i + 1])) {
                kind = TokenKind::Decimal;
                ++i;
                while (i < n && isDigit(text[i])) {
                    ++i;
                }
            }
            if (i < n && isWordPart(text[i])) {
                return tl::unexpected(makeError(
                    text, "FLW001",
                    handoff::flow::tr("A number runs into letters here. Separate them, or quote the text as a string."),
                    i, 1));
            }
            tokens.push_back(Token{kind, start, i - start, text.sliced(start, i - start).toString()});
            continue;
        }
        if (isWordStart(c)) {
            const qsizetype start = i;
            while (i < n && isWordPart(text[i])) {
                ++i;
            }
            tokens.push_back(Token{TokenKind::Identifier, start, i - start, text.sliced(start, i - start).toString()});
            continue;
        }
        const QChar next = i + 1 < n ? text[i + 1] : QChar();
        switch (c.unicode()) {
        case '.':
            single(TokenKind::Dot, 1);
            continue;
        case ',':
            single(TokenKind::Comma, 1);
            continue;
        case '(':
            single(TokenKind::LeftParen, 1);
            continue;
        case ')':
            single(TokenKind::RightParen, 1);
            continue;
        case '[':
            single(TokenKind::LeftBracket, 1);
            continue;
        case ']':
            single(TokenKind::RightBracket, 1);
            continue;
        case '+':
            single(TokenKind::Plus, 1);
            continue;
        case '-':
            single(TokenKind::Minus, 1);
            continue;
        case '*':
            single(TokenKind::Star, 1);
            continue;
        case '/':
            single(TokenKind::Slash, 1);
            continue;
        case '%':
            single(TokenKind::Percent, 1);
            continue;
        case '<':
            if (next == u'=') {
                single(TokenKind::LessEqual, 2);
            } else if (next == u'>') {
                return tl::unexpected(makeError(
                    text, "FLW001", handoff::flow::tr("Write != for \"not equal\"; <> is not an operator."), i, 2));
            } else {
                single(TokenKind::Less, 1);
            }
            continue;
        case '>':
            if (next == u'=') {
                single(TokenKind::GreaterEqual, 2);
            } else {
                single(TokenKind::Greater, 1);
            }
            continue;
        case '=':
            if (next == u'=') {
                single(TokenKind::Equal, 2);
                continue;
            }
            return tl::unexpected(
                makeError(text, "FLW001", handoff::flow::tr("A single = is not an operator; compare with ==."), i, 1));
        case '!':
            if (next == u'=') {
                single(TokenKind::NotEqual, 2);
                continue;
            }
            return tl::unexpected(
                makeError(text, "FLW001", handoff::flow::tr("Write not(...) to negate; ! is not an operator."), i, 1));
        case '&':
            return tl::unexpected(makeError(
                text, "FLW001", handoff::flow::tr("Write 'and' to combine conditions; && is not an operator."), i,
                next == u'&' ? 2 : 1));
        case '|':
            return tl::unexpected(
                makeError(text, "FLW001", handoff::flow::tr("Write 'or' to combine conditions; || is not an operator."),
                          i, next == u'|' ? 2 : 1));
        default:
            break;
        }
        return tl::unexpected(makeError(
            text, "FLW001",
            handoff::flow::tr("Unexpected character '%1'. Check for a missing quote or a stray character.").arg(c), i,
            c.isHighSurrogate() && i + 1 < n ? 2 : 1));
    }
    tokens.push_back(Token{TokenKind::End, n, 0, QString()});
    return tokens;
}

} // namespace handoff::flow::detail
