#include "Expression.h"

#include "diagnostics/Catalog.h"
#include "flow/ExpressionLexer.h"

#include <QCoreApplication>

#include <cmath>

using namespace Qt::StringLiterals;

namespace handoff::flow {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("handoff::flow", text);
}

} // namespace

using detail::makeError;
using detail::Token;
using detail::TokenKind;

// ---------------------------------------------------------------------------------------------------------------
// Scopes

VariableMap::VariableMap(std::initializer_list<std::pair<QString, Value>> values) {
    for (const auto& [name, value] : values) {
        m_values.insert(name, value);
    }
}

std::optional<Value> VariableMap::lookup(const QString& name) const {
    const auto it = m_values.constFind(name);
    if (it == m_values.cend()) {
        return std::nullopt;
    }
    return *it;
}

bool isKnownScope(QStringView scope) {
    return scope == u"Call"_s || scope == u"Flow"_s || scope == u"Task"_s;
}

Error ExpressionError::toError() const {
    return Error{code, handoff::flow::tr("line %1, column %2: %3").arg(where.line).arg(where.column).arg(message)};
}

// ---------------------------------------------------------------------------------------------------------------
// The tree

namespace {

enum class NodeKind : quint8 { Literal, Variable, Call, Not, And, Or, Compare, Unsupported };
enum class Function : quint8 { Append, If, IsSet, IsNotSetOrEmpty, ToString };
enum class CompareOp : quint8 { Equal, NotEqual, Less, Greater, LessEqual, GreaterEqual };

struct Node {
    NodeKind kind = NodeKind::Literal;
    Function function = Function::Append;
    CompareOp op = CompareOp::Equal;
    qsizetype start = 0;
    qsizetype length = 0;
    Value literal;
    QString name; // variable name, or what is unsupported
    std::vector<int> children;
};

struct FunctionInfo {
    const char16_t* name;
    Function function;
    int minArgs;
    int maxArgs; // -1: any
};

constexpr FunctionInfo kFunctions[] = {
    {u"Append", Function::Append, 1, -1},    {u"If", Function::If, 3, 3},
    {u"IsSet", Function::IsSet, 1, 1},       {u"IsNotSetOrEmpty", Function::IsNotSetOrEmpty, 1, 1},
    {u"ToString", Function::ToString, 1, 1},
};

QString compareOpText(CompareOp op) {
    switch (op) {
    case CompareOp::Equal:
        return u"=="_s;
    case CompareOp::NotEqual:
        return u"!="_s;
    case CompareOp::Less:
        return u"<"_s;
    case CompareOp::Greater:
        return u">"_s;
    case CompareOp::LessEqual:
        return u"<="_s;
    case CompareOp::GreaterEqual:
        return u">="_s;
    }
    return {};
}

} // namespace

struct Expression::Data {
    QString text;
    std::vector<Node> nodes;
    int root = -1;
};

namespace {

class Parser {
public:
    Parser(QStringView text, std::vector<Token> tokens, std::vector<Node>& nodes)
        : m_text(text)
        , m_tokens(std::move(tokens))
        , m_nodes(nodes) {}

    ExpressionResult<int> parseAll() {
        auto root = parseOr();
        if (!root) {
            return root;
        }
        const Token& t = peek();
        if (t.kind != TokenKind::End) {
            if (t.kind == TokenKind::RightParen) {
                return fail(
                    handoff::flow::tr("This closing parenthesis has no opening one; remove it or add '(' before."), t);
            }
            return fail(
                handoff::flow::tr("Expected the end of the expression here; an operator (and, or, ==, ...) or a "
                                  "comma may be missing before it."),
                t);
        }
        return root;
    }

private:
    const Token& peek() const { return m_tokens[m_pos]; }
    const Token& take() { return m_tokens[m_pos++]; }
    bool isWord(const Token& t, QStringView word) const { return t.kind == TokenKind::Identifier && t.text == word; }

    tl::unexpected<ExpressionError> fail(QString message, const Token& at) const {
        const qsizetype length = at.kind == TokenKind::End ? 0 : at.length;
        return tl::unexpected(makeError(m_text, "FLW001", std::move(message), at.start, length));
    }

    int add(Node node) {
        m_nodes.push_back(std::move(node));
        return static_cast<int>(m_nodes.size() - 1);
    }

    qsizetype endOf(int node) const { return m_nodes[node].start + m_nodes[node].length; }

    int addSpan(Node node, qsizetype start, qsizetype end) {
        node.start = start;
        node.length = end - start;
        return add(std::move(node));
    }

    // Parentheses, function arguments, `not` and `-` nest by recursion: a limit keeps a pasted expression from
    // exhausting the stack (found by fuzzing). Architect's own expressions are nowhere near it. Each level of
    // parentheses passes three counted steps (or, not, unary), so this allows 64 levels of them.
    static constexpr int kMaxDepth = 3 * 64;
    struct DepthGuard {
        int& depth;
        explicit DepthGuard(int& d)
            : depth(++d) {}
        ~DepthGuard() { --depth; }
        Q_DISABLE_COPY_MOVE(DepthGuard)
    };
    ExpressionResult<int> tooDeep() {
        return fail(handoff::flow::tr("The expression nests more than %1 levels deep (parentheses, function calls, "
                                      "not, -); split it into steps with Update Data.")
                        .arg(kMaxDepth / 3),
                    peek());
    }

    ExpressionResult<int> parseOr() {
        const DepthGuard guard(m_depth);
        if (m_depth > kMaxDepth) {
            return tooDeep();
        }
        auto left = parseAnd();
        if (!left) {
            return left;
        }
        while (isWord(peek(), u"or")) {
            take();
            auto right = parseAnd();
            if (!right) {
                return right;
            }
            Node node;
            node.kind = NodeKind::Or;
            node.children = {*left, *right};
            left = addSpan(std::move(node), m_nodes[*left].start, endOf(*right));
        }
        return left;
    }

    ExpressionResult<int> parseAnd() {
        auto left = parseNot();
        if (!left) {
            return left;
        }
        while (isWord(peek(), u"and")) {
            take();
            auto right = parseNot();
            if (!right) {
                return right;
            }
            Node node;
            node.kind = NodeKind::And;
            node.children = {*left, *right};
            left = addSpan(std::move(node), m_nodes[*left].start, endOf(*right));
        }
        return left;
    }

    ExpressionResult<int> parseNot() {
        const DepthGuard guard(m_depth);
        if (m_depth > kMaxDepth) {
            return tooDeep();
        }
        if (isWord(peek(), u"not")) {
            const Token& t = take();
            auto operand = parseNot();
            if (!operand) {
                return operand;
            }
            Node node;
            node.kind = NodeKind::Not;
            node.children = {*operand};
            return addSpan(std::move(node), t.start, endOf(*operand));
        }
        return parseComparison();
    }

    static std::optional<CompareOp> compareOp(TokenKind kind) {
        switch (kind) {
        case TokenKind::Equal:
            return CompareOp::Equal;
        case TokenKind::NotEqual:
            return CompareOp::NotEqual;
        case TokenKind::Less:
            return CompareOp::Less;
        case TokenKind::Greater:
            return CompareOp::Greater;
        case TokenKind::LessEqual:
            return CompareOp::LessEqual;
        case TokenKind::GreaterEqual:
            return CompareOp::GreaterEqual;
        default:
            return std::nullopt;
        }
    }

    ExpressionResult<int> parseComparison() {
        auto left = parseArithmetic();
        if (!left) {
            return left;
        }
        if (const auto op = compareOp(peek().kind)) {
            take();
            auto right = parseArithmetic();
            if (!right) {
                return right;
            }
            if (compareOp(peek().kind)) {
                return fail(
                    handoff::flow::tr("Comparisons do not chain; put parentheses around one of them, or combine "
                                      "them with 'and'."),
                    peek());
            }
            Node node;
            node.kind = NodeKind::Compare;
            node.op = *op;
            node.children = {*left, *right};
            return addSpan(std::move(node), m_nodes[*left].start, endOf(*right));
        }
        return left;
    }

    // + - * / % are Architect operators the simulator does not model: they parse, and evaluating them is an honest
    // FLW002.
    ExpressionResult<int> parseArithmetic() {
        auto left = parseUnary();
        if (!left) {
            return left;
        }
        while (true) {
            const TokenKind kind = peek().kind;
            if (kind != TokenKind::Plus && kind != TokenKind::Minus && kind != TokenKind::Star &&
                kind != TokenKind::Slash && kind != TokenKind::Percent) {
                return left;
            }
            const Token& op = take();
            auto right = parseUnary();
            if (!right) {
                return right;
            }
            Node node;
            node.kind = NodeKind::Unsupported;
            node.name = handoff::flow::tr("the operator %1").arg(op.text);
            node.children = {*left, *right};
            left = addSpan(std::move(node), m_nodes[*left].start, endOf(*right));
        }
    }

    ExpressionResult<int> parseUnary() {
        const DepthGuard guard(m_depth);
        if (m_depth > kMaxDepth) {
            return tooDeep();
        }
        if (peek().kind == TokenKind::Minus) {
            const Token& minus = take();
            const Token& t = peek();
            if (t.kind == TokenKind::Integer || t.kind == TokenKind::Decimal) {
                // A negative number literal.
                auto literal = parsePrimary(true);
                if (literal) {
                    m_nodes[*literal].start = minus.start;
                    m_nodes[*literal].length = t.start + t.length - minus.start;
                }
                return literal;
            }
            auto operand = parseUnary();
            if (!operand) {
                return operand;
            }
            Node node;
            node.kind = NodeKind::Unsupported;
            node.name = handoff::flow::tr("negation with -");
            node.children = {*operand};
            return addSpan(std::move(node), minus.start, endOf(*operand));
        }
        return parsePrimary(false);
    }

    ExpressionResult<int> parsePrimary(bool negative) {
        const Token& t = peek();
        switch (t.kind) {
        case TokenKind::String: {
            take();
            Node node;
            node.literal = Value::string(t.text);
            return addSpan(std::move(node), t.start, t.start + t.length);
        }
        case TokenKind::Integer: {
            take();
            bool ok = false;
            const qint64 number = (negative ? u"-"_s + t.text : t.text).toLongLong(&ok);
            if (!ok) {
                return fail(handoff::flow::tr("This integer is too large; Architect integers are 64-bit."), t);
            }
            Node node;
            node.literal = Value::integer(number);
            return addSpan(std::move(node), t.start, t.start + t.length);
        }
        case TokenKind::Decimal: {
            take();
            bool ok = false;
            const double number = t.text.toDouble(&ok);
            if (!ok || !std::isfinite(number)) {
                return fail(handoff::flow::tr("This decimal number cannot be read."), t);
            }
            Node node;
            node.literal = Value::decimal(negative ? -number : number);
            return addSpan(std::move(node), t.start, t.start + t.length);
        }
        case TokenKind::LeftParen: {
            take();
            auto inner = parseOr();
            if (!inner) {
                return inner;
            }
            if (peek().kind != TokenKind::RightParen) {
                return fail(handoff::flow::tr("Expected ')' to close the parenthesis opened at column %1.")
                                .arg(makeError(m_text, "FLW001", {}, t.start, 1).where.column),
                            peek());
            }
            take();
            return inner;
        }
        case TokenKind::Identifier:
            return parseWord();
        case TokenKind::End:
            return fail(m_pos == 0
                            ? handoff::flow::tr("The expression is empty. Write a value, for example \"\" or NOT_SET.")
                            : handoff::flow::tr("The expression ends too early; a value is missing here."),
                        t);
        default:
            return fail(
                handoff::flow::tr("Expected a value here (a \"string\", a number, a variable such as Call.Ani, or a "
                                  "function call)."),
                t);
        }
    }

    ExpressionResult<int> parseWord() {
        const Token& first = take();
        if (first.text == u"NOT_SET"_s) {
            Node node;
            return addSpan(std::move(node), first.start, first.start + first.length);
        }
        if (first.text == u"true"_s || first.text == u"false"_s) {
            Node node;
            node.literal = Value::boolean(first.text == u"true"_s);
            return addSpan(std::move(node), first.start, first.start + first.length);
        }
        if (first.text == u"and"_s || first.text == u"or"_s || first.text == u"not"_s) {
            return fail(handoff::flow::tr("'%1' needs a value before it.").arg(first.text), first);
        }
        if (peek().kind == TokenKind::LeftParen) {
            return parseCall(first);
        }
        if (peek().kind != TokenKind::Dot) {
            if (first.text.compare(u"NOT_SET"_s, Qt::CaseInsensitive) == 0) {
                return fail(handoff::flow::tr("Write NOT_SET in capitals."), first);
            }
            if (first.text.compare(u"true"_s, Qt::CaseInsensitive) == 0 ||
                first.text.compare(u"false"_s, Qt::CaseInsensitive) == 0) {
                return fail(handoff::flow::tr("Write the Boolean literals in lower case: true, false."), first);
            }
            if (first.text.compare(u"and"_s, Qt::CaseInsensitive) == 0 ||
                first.text.compare(u"or"_s, Qt::CaseInsensitive) == 0) {
                return fail(handoff::flow::tr("Write the operators and, or, not in lower case."), first);
            }
            return fail(
                handoff::flow::tr("'%1' is not a value. A variable needs its scope (Call.%1, Flow.%1 or Task.%1); "
                                  "text needs double quotes (\"%1\").")
                    .arg(first.text),
                first);
        }
        // A dotted variable name: Scope.Name(.More)*
        QString name = first.text;
        qsizetype end = first.start + first.length;
        while (peek().kind == TokenKind::Dot) {
            const Token& dot = take();
            if (peek().kind != TokenKind::Identifier || peek().start != dot.start + 1) {
                return fail(handoff::flow::tr("Expected a variable name right after the dot."), peek());
            }
            const Token& part = take();
            name += u'.' + part.text;
            end = part.start + part.length;
        }
        if (!isKnownScope(first.text)) {
            return tl::unexpected(
                makeError(m_text, "FLW001",
                          handoff::flow::tr(
                              "Unknown variable scope '%1'. Inbound call flows have Call., Flow. and Task. variables.")
                              .arg(first.text),
                          first.start, first.length));
        }
        if (peek().kind == TokenKind::LeftBracket) {
            // Collection indexing is Architect syntax the simulator does not model.
            const Token& open = take();
            auto index = parseOr();
            if (!index) {
                return index;
            }
            if (peek().kind != TokenKind::RightBracket) {
                return fail(handoff::flow::tr("Expected ']' to close the index opened at column %1.")
                                .arg(makeError(m_text, "FLW001", {}, open.start, 1).where.column),
                            peek());
            }
            const Token& close = take();
            Node node;
            node.kind = NodeKind::Unsupported;
            node.name = handoff::flow::tr("collection indexing with [ ]");
            return addSpan(std::move(node), first.start, close.start + 1);
        }
        Node node;
        node.kind = NodeKind::Variable;
        node.name = name;
        return addSpan(std::move(node), first.start, end);
    }

    ExpressionResult<int> parseCall(const Token& nameToken) {
        const Token& open = take();
        std::vector<int> args;
        if (peek().kind != TokenKind::RightParen) {
            while (true) {
                auto arg = parseOr();
                if (!arg) {
                    return arg;
                }
                args.push_back(*arg);
                if (peek().kind == TokenKind::Comma) {
                    take();
                    continue;
                }
                if (peek().kind == TokenKind::RightParen) {
                    break;
                }
                return fail(handoff::flow::tr("Expected ',' or ')' in the argument list of %1 opened at column %2.")
                                .arg(nameToken.text)
                                .arg(makeError(m_text, "FLW001", {}, open.start, 1).where.column),
                            peek());
            }
        }
        const Token& close = take();
        Node node;
        node.children = std::move(args);
        for (const FunctionInfo& info : kFunctions) {
            const QStringView known(info.name);
            if (nameToken.text == known) {
                const int count = static_cast<int>(node.children.size());
                if (count < info.minArgs || (info.maxArgs >= 0 && count > info.maxArgs)) {
                    QString expected = info.maxArgs < 0 ? handoff::flow::tr("at least %1").arg(info.minArgs)
                                                        : QString::number(info.minArgs);
                    return tl::unexpected(makeError(
                        m_text, "FLW001",
                        handoff::flow::tr("%1 takes %2 argument(s), not %3.").arg(nameToken.text, expected).arg(count),
                        nameToken.start, close.start + 1 - nameToken.start));
                }
                node.kind = NodeKind::Call;
                node.function = info.function;
                node.name = nameToken.text;
                return addSpan(std::move(node), nameToken.start, close.start + 1);
            }
            if (nameToken.text.compare(known, Qt::CaseInsensitive) == 0) {
                return tl::unexpected(makeError(
                    m_text, "FLW001",
                    handoff::flow::tr("Write the function name as %1 (with this case).").arg(known.toString()),
                    nameToken.start, nameToken.length));
            }
        }
        node.kind = NodeKind::Unsupported;
        node.name = handoff::flow::tr("the function %1()").arg(nameToken.text);
        return addSpan(std::move(node), nameToken.start, close.start + 1);
    }

    QStringView m_text;
    std::vector<Token> m_tokens;
    std::vector<Node>& m_nodes;
    int m_depth = 0;
    size_t m_pos = 0;
};

// ---------------------------------------------------------------------------------------------------------------
// Evaluation

class Evaluator {
public:
    Evaluator(const Expression::Data& data, const VariableScope& scope)
        : m_data(data)
        , m_scope(scope) {}

    ExpressionResult<Value> eval(int index) const {
        const Node& node = m_data.nodes[index];
        switch (node.kind) {
        case NodeKind::Literal:
            return node.literal;
        case NodeKind::Variable: {
            std::optional<Value> value = m_scope.lookup(node.name);
            if (!value) {
                return error(
                    node, "FLW004",
                    handoff::flow::tr("There is no variable %1. Declare it in the flow's variables, or check the "
                                      "spelling (names are case-sensitive).")
                        .arg(node.name));
            }
            return *value;
        }
        case NodeKind::Not: {
            auto operand = boolean(node.children[0], u"not"_s);
            if (!operand) {
                return tl::unexpected(operand.error());
            }
            return Value::boolean(!*operand);
        }
        case NodeKind::And:
        case NodeKind::Or: {
            const bool isAnd = node.kind == NodeKind::And;
            const QString op = isAnd ? u"and"_s : u"or"_s;
            auto left = boolean(node.children[0], op);
            if (!left) {
                return tl::unexpected(left.error());
            }
            // Short-circuit: the right side is evaluated only when it decides the result.
            if (*left != isAnd) {
                return Value::boolean(*left);
            }
            auto right = boolean(node.children[1], op);
            if (!right) {
                return tl::unexpected(right.error());
            }
            return Value::boolean(*right);
        }
        case NodeKind::Compare:
            return compare(node);
        case NodeKind::Call:
            return call(node);
        case NodeKind::Unsupported:
            return error(
                node, "FLW002",
                handoff::flow::tr("%1 is valid Architect but not supported by the simulator, which will not guess its "
                                  "value. Rewrite this part with Append, If, IsSet, IsNotSetOrEmpty, ToString and "
                                  "comparisons, or test this step in Architect.")
                    .arg(node.name));
        }
        return Value::notSet();
    }

private:
    tl::unexpected<ExpressionError> error(const Node& node, const char* code, QString message) const {
        return tl::unexpected(makeError(m_data.text, code, std::move(message), node.start, node.length));
    }

    QString source(const Node& node) const { return m_data.text.mid(node.start, node.length); }

    ExpressionResult<bool> boolean(int index, const QString& where) const {
        auto value = eval(index);
        if (!value) {
            return tl::unexpected(value.error());
        }
        const Node& node = m_data.nodes[index];
        if (!value->isSet()) {
            return error(
                node, "FLW003",
                handoff::flow::tr("%1 is NOT_SET here, and '%2' needs a Boolean. Check it first with IsSet(...).")
                    .arg(source(node), where));
        }
        if (value->type() != ValueType::Boolean) {
            return error(
                node, "FLW003",
                handoff::flow::tr("'%1' needs a Boolean, but %2 is a %3. Compare it (==, <, ...) to get a Boolean.")
                    .arg(where, source(node), valueTypeName(value->type())));
        }
        return value->asBoolean();
    }

    ExpressionResult<Value> compare(const Node& node) const {
        auto left = eval(node.children[0]);
        if (!left) {
            return left;
        }
        auto right = eval(node.children[1]);
        if (!right) {
            return right;
        }
        const bool equality = node.op == CompareOp::Equal || node.op == CompareOp::NotEqual;
        if (!left->isSet() || !right->isSet()) {
            if (!equality) {
                const Node& culprit = m_data.nodes[node.children[left->isSet() ? 1 : 0]];
                return error(culprit, "FLW003",
                             handoff::flow::tr("%1 is NOT_SET, and %2 cannot order it. Check it first with IsSet(...).")
                                 .arg(source(culprit), compareOpText(node.op)));
            }
            // NOT_SET equals only NOT_SET; a NOT_SET string is not the same as "".
            const bool same = left->isSet() == right->isSet();
            return Value::boolean(node.op == CompareOp::Equal ? same : !same);
        }
        int order = 0;
        if (left->isNumber() && right->isNumber()) {
            if (left->type() == ValueType::Integer && right->type() == ValueType::Integer) {
                order = left->asInteger() < right->asInteger() ? -1 : (left->asInteger() > right->asInteger() ? 1 : 0);
            } else {
                const double a = left->asDecimal();
                const double b = right->asDecimal();
                order = a < b ? -1 : (a > b ? 1 : 0);
            }
        } else if (left->type() != right->type()) {
            return error(
                node, "FLW003",
                handoff::flow::tr("Cannot compare a %1 with a %2. Convert one side, for example with ToString(...).")
                    .arg(valueTypeName(left->type()), valueTypeName(right->type())));
        } else if (left->type() == ValueType::String) {
            order = left->asString().compare(right->asString());
            order = order < 0 ? -1 : (order > 0 ? 1 : 0);
        } else if (left->type() == ValueType::Boolean) {
            if (!equality) {
                return error(node, "FLW003",
                             handoff::flow::tr("Booleans cannot be ordered with %1; compare them with == or !=.")
                                 .arg(compareOpText(node.op)));
            }
            order = left->asBoolean() == right->asBoolean() ? 0 : 1;
        }
        switch (node.op) {
        case CompareOp::Equal:
            return Value::boolean(order == 0);
        case CompareOp::NotEqual:
            return Value::boolean(order != 0);
        case CompareOp::Less:
            return Value::boolean(order < 0);
        case CompareOp::Greater:
            return Value::boolean(order > 0);
        case CompareOp::LessEqual:
            return Value::boolean(order <= 0);
        case CompareOp::GreaterEqual:
            return Value::boolean(order >= 0);
        }
        return Value::boolean(false);
    }

    ExpressionResult<Value> call(const Node& node) const {
        switch (node.function) {
        case Function::Append: {
            QString out;
            for (int child : node.children) {
                auto value = eval(child);
                if (!value) {
                    return value;
                }
                const Node& argument = m_data.nodes[child];
                if (!value->isSet()) {
                    return error(
                        argument, "FLW003",
                        handoff::flow::tr("%1 is NOT_SET, which Append does not accept (Architect runs the error "
                                          "handler). Guard it: If(IsSet(%1), %1, \"\").")
                            .arg(source(argument)));
                }
                if (value->type() != ValueType::String) {
                    return error(argument, "FLW003",
                                 handoff::flow::tr("Append takes strings, but %1 is a %2. Wrap it in ToString(...).")
                                     .arg(source(argument), valueTypeName(value->type())));
                }
                out += value->asString();
            }
            return Value::string(out);
        }
        case Function::If: {
            auto condition = boolean(node.children[0], u"If"_s);
            if (!condition) {
                return tl::unexpected(condition.error());
            }
            return eval(node.children[*condition ? 1 : 2]);
        }
        case Function::IsSet: {
            auto value = eval(node.children[0]);
            if (!value) {
                return value;
            }
            return Value::boolean(value->isSet());
        }
        case Function::IsNotSetOrEmpty: {
            auto value = eval(node.children[0]);
            if (!value) {
                return value;
            }
            return Value::boolean(!value->isSet() ||
                                  (value->type() == ValueType::String && value->asString().isEmpty()));
        }
        case Function::ToString: {
            auto value = eval(node.children[0]);
            if (!value) {
                return value;
            }
            const std::optional<QString> text = value->toText();
            return text ? Value::string(*text) : Value::notSet();
        }
        }
        return Value::notSet();
    }

    const Expression::Data& m_data;
    const VariableScope& m_scope;
};

} // namespace

// ---------------------------------------------------------------------------------------------------------------

ExpressionResult<Expression> Expression::parse(QStringView text) {
    auto tokens = detail::tokenize(text);
    if (!tokens) {
        return tl::unexpected(tokens.error());
    }
    auto data = std::make_shared<Data>();
    data->text = text.toString();
    Parser parser(data->text, std::move(*tokens), data->nodes);
    auto root = parser.parseAll();
    if (!root) {
        return tl::unexpected(root.error());
    }
    data->root = *root;
    return Expression(std::move(data));
}

const QString& Expression::text() const {
    static const QString empty;
    return m_data ? m_data->text : empty;
}

ExpressionResult<Value> Expression::evaluate(const VariableScope& scope) const {
    if (!m_data) {
        return Value::notSet();
    }
    return Evaluator(*m_data, scope).eval(m_data->root);
}

QList<VariableReference> Expression::variables() const {
    QList<VariableReference> list;
    if (!m_data) {
        return list;
    }
    for (const Node& node : m_data->nodes) {
        if (node.kind == NodeKind::Variable) {
            list.append(VariableReference{node.name, node.start, node.length});
        }
    }
    std::sort(list.begin(), list.end(),
              [](const VariableReference& a, const VariableReference& b) { return a.charOffset < b.charOffset; });
    return list;
}

QList<VariableReference> Expression::unsupported() const {
    QList<VariableReference> list;
    if (!m_data) {
        return list;
    }
    for (const Node& node : m_data->nodes) {
        if (node.kind == NodeKind::Unsupported) {
            list.append(VariableReference{node.name, node.start, node.length});
        }
    }
    return list;
}

std::optional<QString> Expression::asSingleVariable() const {
    if (!m_data || m_data->nodes[m_data->root].kind != NodeKind::Variable) {
        return std::nullopt;
    }
    return m_data->nodes[m_data->root].name;
}

std::optional<Value> Expression::asLiteral() const {
    if (!m_data || m_data->nodes[m_data->root].kind != NodeKind::Literal) {
        return std::nullopt;
    }
    return m_data->nodes[m_data->root].literal;
}

Result<Value> evaluate(QStringView expression, const VariableScope& scope) {
    auto parsed = Expression::parse(expression);
    if (!parsed) {
        return tl::unexpected(parsed.error().toError());
    }
    auto value = parsed->evaluate(scope);
    if (!value) {
        return tl::unexpected(value.error().toError());
    }
    return *value;
}

QString quoteStringLiteral(QStringView text) {
    return Value::string(text.toString()).toDisplay();
}

} // namespace handoff::flow
