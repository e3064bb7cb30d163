#pragma once

#include "flow/Expression.h"

#include <QString>
#include <QStringView>

#include <vector>

namespace handoff::flow::detail {

enum class TokenKind : quint8 {
    End,
    String,
    Integer,
    Decimal,
    Identifier, // a word: letters, digits, '_' (no dots; the parser joins "Call" "." "Ani")
    Dot,
    Comma,
    LeftParen,
    RightParen,
    Equal,        // ==
    NotEqual,     // !=
    Less,         // <
    Greater,      // >
    LessEqual,    // <=
    GreaterEqual, // >=
    Plus,
    Minus,
    Star,
    Slash,
    Percent,
    LeftBracket,
    RightBracket,
};

struct Token {
    TokenKind kind = TokenKind::End;
    qsizetype start = 0;  // character index into the expression text
    qsizetype length = 0; // characters
    QString text;         // the decoded string literal, or the word / number as written
};

// Builds an ExpressionError for a character range of `text` (computes the byte offset, line and column).
ExpressionError makeError(QStringView text, const char* code, QString message, qsizetype start, qsizetype length);

// Splits an expression into tokens. Fails at the first character that cannot start a token, an unterminated string,
// or an unknown escape sequence, pointing at it.
ExpressionResult<std::vector<Token>> tokenize(QStringView text);

} // namespace handoff::flow::detail
