#pragma once

#include "common/Error.h"
#include "diagnostics/Diagnostic.h"
#include "flow/ExpressionValue.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringView>

#include <tl/expected.hpp>

#include <memory>

namespace handoff::flow {

// Where expression variables come from. Names are written with their scope, as in Architect: "Call.Ani",
// "Flow.uuiToken", "Task.voiceCallId". lookup() returns std::nullopt for a variable that does not exist (an error),
// and Value::notSet() for one that exists but has no value.
class VariableScope {
public:
    virtual ~VariableScope() = default;
    virtual std::optional<Value> lookup(const QString& name) const = 0;
};

// The simplest scope: a map from full names to values.
class VariableMap final : public VariableScope {
public:
    VariableMap() = default;
    VariableMap(std::initializer_list<std::pair<QString, Value>> values);
    void set(const QString& name, Value value) { m_values.insert(name, std::move(value)); }
    void remove(const QString& name) { m_values.remove(name); }
    std::optional<Value> lookup(const QString& name) const override;
    const QHash<QString, Value>& values() const { return m_values; }

private:
    QHash<QString, Value> m_values;
};

// The variable scopes Architect has in an inbound call flow.
bool isKnownScope(QStringView scope); // "Call", "Flow", "Task" (case-sensitive, as written in Architect)

// A parse or evaluation failure that points at the character it is about. `code` is a catalog code (FLW001..FLW004);
// `where` has the UTF-8 byte offset, length, and 1-based line and column (in characters) inside the expression text.
struct ExpressionError {
    QString code;
    QString message; // says what is wrong and what to do; does not repeat the position
    diagnostics::Location where;
    qsizetype charOffset = 0; // the same position as an index into the QString (UTF-16), for editors

    // "line 1, column 7: <message>"
    Error toError() const;
};

template <typename T>
using ExpressionResult = tl::expected<T, ExpressionError>;

// A reference to a variable inside an expression, with its position.
struct VariableReference {
    QString name;         // "Task.voiceCallId"
    qsizetype charOffset; // index of its first character
    qsizetype charLength; // characters
};

// A parsed Architect expression (the subset the simulator models: literals, variables, NOT_SET, true/false,
// Append, If, IsSet, IsNotSetOrEmpty, ToString, == != < > <= >=, and, or, not, parentheses). Parsing fails with a
// located error; functions and operators outside the subset parse, and evaluating them gives an honest
// "not supported by the simulator" error (FLW002) rather than a guessed value. Cheap to copy (shared, immutable).
class Expression final {
public:
    Expression() = default;
    static ExpressionResult<Expression> parse(QStringView text);

    bool isNull() const { return !m_data; }
    const QString& text() const;

    ExpressionResult<Value> evaluate(const VariableScope& scope) const;

    // Static facts for the validator.
    QList<VariableReference> variables() const;
    // Functions or operators this expression uses that the simulator cannot evaluate, with their positions.
    QList<VariableReference> unsupported() const;
    // A string literal, or a variable alone: the value/variable; std::nullopt otherwise.
    std::optional<QString> asSingleVariable() const;
    std::optional<Value> asLiteral() const;

    struct Data;

private:
    explicit Expression(std::shared_ptr<const Data> data)
        : m_data(std::move(data)) {}
    std::shared_ptr<const Data> m_data;
};

// Parses and evaluates in one go. The Error's code is FLW001 (syntax), FLW002 (not supported by the simulator),
// FLW003 (type or NOT_SET misuse) or FLW004 (unknown variable); its message starts with "line L, column C:".
Result<Value> evaluate(QStringView expression, const VariableScope& scope);

// Writes text as an Architect string literal: double quotes, with \" and \\ (and \n \r \t) escaped.
QString quoteStringLiteral(QStringView text);

} // namespace handoff::flow
