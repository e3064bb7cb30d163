#include "flow/Expression.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace handoff::flow;

Q_DECLARE_METATYPE(handoff::flow::Value)

namespace {
VariableMap sampleScope() {
    return VariableMap{
        {u"Call.Ani"_s, Value::string(u"tel:+14155550100"_s)},
        {u"Call.ConversationId"_s, Value::string(u"7a3c9f0e-1b2d-4e5f-8a9b-0c1d2e3f4a5b"_s)},
        {u"Flow.uuiToken"_s, Value::string(u"eyJhbGciOiJSUzI1NiJ9.e30.c2ln"_s)},
        {u"Task.voiceCallId"_s, Value::string(u"0LQRM0000006CSz"_s)},
        {u"Flow.empty"_s, Value::string(QString())},
        {u"Flow.unset"_s, Value::notSet()},
        {u"Flow.count"_s, Value::integer(3)},
        {u"Flow.ratio"_s, Value::decimal(2.5)},
        {u"Flow.ok"_s, Value::boolean(true)},
    };
}
} // namespace

class TestExpression final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void evaluates_data() {
        QTest::addColumn<QString>("expression");
        QTest::addColumn<Value>("expected");

        QTest::newRow("string") << u"\"abc\""_s << Value::string(u"abc"_s);
        QTest::newRow("escaped quote") << u"\"say \\\"hi\\\"\""_s << Value::string(u"say \"hi\""_s);
        QTest::newRow("escaped backslash") << u"\"a\\\\b\""_s << Value::string(u"a\\b"_s);
        QTest::newRow("newline tab") << u"\"a\\nb\\tc\\r\""_s << Value::string(u"a\nb\tc\r"_s);
        QTest::newRow("empty string") << u"\"\""_s << Value::string(QString());
        QTest::newRow("integer") << u"42"_s << Value::integer(42);
        QTest::newRow("negative integer") << u"-7"_s << Value::integer(-7);
        QTest::newRow("decimal") << u"1.25"_s << Value::decimal(1.25);
        QTest::newRow("true") << u"true"_s << Value::boolean(true);
        QTest::newRow("NOT_SET") << u"NOT_SET"_s << Value::notSet();
        QTest::newRow("variable") << u"Call.Ani"_s << Value::string(u"tel:+14155550100"_s);
        QTest::newRow("unset variable") << u"Flow.unset"_s << Value::notSet();
        QTest::newRow("append") << u"Append(\"a\", Task.voiceCallId, \"z\")"_s << Value::string(u"a0LQRM0000006CSzz"_s);
        QTest::newRow("append one") << u"Append(\"x\")"_s << Value::string(u"x"_s);
        QTest::newRow("if yes") << u"If(Flow.ok, \"y\", \"n\")"_s << Value::string(u"y"_s);
        QTest::newRow("if no") << u"If(not Flow.ok, \"y\", \"n\")"_s << Value::string(u"n"_s);
        QTest::newRow("if lazy") << u"If(true, \"ok\", Append(Flow.unset))"_s << Value::string(u"ok"_s);
        QTest::newRow("isset yes") << u"IsSet(Call.Ani)"_s << Value::boolean(true);
        QTest::newRow("isset no") << u"IsSet(Flow.unset)"_s << Value::boolean(false);
        QTest::newRow("isnotsetorempty unset") << u"IsNotSetOrEmpty(Flow.unset)"_s << Value::boolean(true);
        QTest::newRow("isnotsetorempty empty") << u"IsNotSetOrEmpty(Flow.empty)"_s << Value::boolean(true);
        QTest::newRow("isnotsetorempty text") << u"IsNotSetOrEmpty(Call.Ani)"_s << Value::boolean(false);
        QTest::newRow("tostring int") << u"ToString(Flow.count)"_s << Value::string(u"3"_s);
        QTest::newRow("tostring decimal") << u"ToString(Flow.ratio)"_s << Value::string(u"2.5"_s);
        QTest::newRow("tostring bool") << u"ToString(Flow.ok)"_s << Value::string(u"true"_s);
        QTest::newRow("tostring notset") << u"ToString(NOT_SET)"_s << Value::notSet();
        // Architect: a NOT_SET string is not the same as an empty one.
        QTest::newRow("notset is not empty") << u"ToString(NOT_SET) == \"\""_s << Value::boolean(false);
        QTest::newRow("notset equals notset") << u"Flow.unset == NOT_SET"_s << Value::boolean(true);
        QTest::newRow("set not equal notset") << u"Call.Ani != NOT_SET"_s << Value::boolean(true);
        QTest::newRow("string equal") << u"Call.Ani == \"tel:+14155550100\""_s << Value::boolean(true);
        QTest::newRow("string case") << u"\"A\" == \"a\""_s << Value::boolean(false);
        QTest::newRow("less int") << u"Flow.count < 4"_s << Value::boolean(true);
        QTest::newRow("mixed numbers") << u"Flow.ratio > Flow.count"_s << Value::boolean(false);
        QTest::newRow("le") << u"3 <= Flow.count"_s << Value::boolean(true);
        QTest::newRow("ge") << u"2.5 >= Flow.ratio"_s << Value::boolean(true);
        QTest::newRow("string order") << u"\"abc\" < \"abd\""_s << Value::boolean(true);
        QTest::newRow("and") << u"Flow.ok and Flow.count == 3"_s << Value::boolean(true);
        QTest::newRow("or") << u"false or Flow.count == 4"_s << Value::boolean(false);
        QTest::newRow("not binds looser than ==") << u"not Flow.count == 4"_s << Value::boolean(true);
        QTest::newRow("and before or") << u"true or false and false"_s << Value::boolean(true);
        QTest::newRow("parentheses") << u"(true or false) and false"_s << Value::boolean(false);
        QTest::newRow("short circuit") << u"false and Flow.unset"_s << Value::boolean(false);
        QTest::newRow("multi-line") << u"Append(\n  \"a\",\n  \"b\"\n)"_s << Value::string(u"ab"_s);
    }

    void evaluates() {
        QFETCH(QString, expression);
        QFETCH(Value, expected);
        const VariableMap scope = sampleScope();
        const auto result = evaluate(expression, scope);
        QVERIFY2(result.has_value(), qPrintable(result ? QString() : result.error().message));
        QCOMPARE(result->toDisplay(), expected.toDisplay());
        QCOMPARE(result->type(), expected.type());
        QVERIFY(*result == expected);
    }

    // Errors point at the character: code, 1-based line and column, UTF-8 byte offset and length.
    void errors_data() {
        QTest::addColumn<QString>("expression");
        QTest::addColumn<QString>("code");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::addColumn<int>("length");

        QTest::newRow("unterminated string") << u"Append(\"abc, Call.Ani)"_s << u"FLW001"_s << 1 << 8 << 1;
        QTest::newRow("unknown escape") << u"\"a\\qb\""_s << u"FLW001"_s << 1 << 3 << 2;
        QTest::newRow("single equals") << u"Call.Ani = \"x\""_s << u"FLW001"_s << 1 << 10 << 1;
        // The length is in UTF-8 bytes: the typographic quote takes three.
        QTest::newRow("typographic quote") << u"Append(\u201Ctoken\u201D)"_s << u"FLW001"_s << 1 << 8 << 3;
        QTest::newRow("single quotes") << u"'x'"_s << u"FLW001"_s << 1 << 1 << 1;
        QTest::newRow("missing paren") << u"Append(\"a\", \"b\""_s << u"FLW001"_s << 1 << 16 << 0;
        QTest::newRow("missing comma") << u"Append(\"a\" \"b\")"_s << u"FLW001"_s << 1 << 12 << 3;
        QTest::newRow("stray paren") << u"\"a\")"_s << u"FLW001"_s << 1 << 4 << 1;
        QTest::newRow("empty") << u"   "_s << u"FLW001"_s << 1 << 4 << 0;
        QTest::newRow("no scope") << u"Append(voiceCallId)"_s << u"FLW001"_s << 1 << 8 << 11;
        QTest::newRow("bad scope") << u"State.x"_s << u"FLW001"_s << 1 << 1 << 5;
        QTest::newRow("wrong case function") << u"append(\"a\")"_s << u"FLW001"_s << 1 << 1 << 6;
        QTest::newRow("if arity") << u"If(true, \"a\")"_s << u"FLW001"_s << 1 << 1 << 13;
        QTest::newRow("second line") << u"Append(\n  \"a\",\n  \"b\" =\n)"_s << u"FLW001"_s << 3 << 7 << 1;
        QTest::newRow("chained comparison") << u"1 < 2 < 3"_s << u"FLW001"_s << 1 << 7 << 1;
        QTest::newRow("and and") << u"true && false"_s << u"FLW001"_s << 1 << 6 << 2;
        // Unsupported functions and operators are reported honestly, not evaluated to a wrong value.
        QTest::newRow("unsupported function")
            << u"Append(\"a\", Substring(Call.Ani, 0, 2))"_s << u"FLW002"_s << 1 << 13 << 25;
        QTest::newRow("unsupported operator") << u"Flow.count + 1"_s << u"FLW002"_s << 1 << 1 << 14;
        QTest::newRow("unsupported index") << u"Flow.list[0]"_s << u"FLW002"_s << 1 << 1 << 12;
        QTest::newRow("append integer") << u"Append(\"n=\", Flow.count)"_s << u"FLW003"_s << 1 << 14 << 10;
        QTest::newRow("append notset") << u"Append(\"t=\", Flow.unset)"_s << u"FLW003"_s << 1 << 14 << 10;
        QTest::newRow("compare types") << u"Flow.count == \"3\""_s << u"FLW003"_s << 1 << 1 << 17;
        QTest::newRow("order notset") << u"Flow.unset < 3"_s << u"FLW003"_s << 1 << 1 << 10;
        QTest::newRow("if notset") << u"If(Flow.unset, \"a\", \"b\")"_s << u"FLW003"_s << 1 << 4 << 10;
        QTest::newRow("and string") << u"Call.Ani and true"_s << u"FLW003"_s << 1 << 1 << 8;
        QTest::newRow("unknown variable") << u"Append(Task.voiceCallID)"_s << u"FLW004"_s << 1 << 8 << 16;
    }

    void errors() {
        QFETCH(QString, expression);
        QFETCH(QString, code);
        QFETCH(int, line);
        QFETCH(int, column);
        QFETCH(int, length);
        const VariableMap scope = sampleScope();
        ExpressionResult<Value> result = [&]() -> ExpressionResult<Value> {
            auto parsed = Expression::parse(expression);
            if (!parsed) {
                return tl::unexpected(parsed.error());
            }
            return parsed->evaluate(scope);
        }();
        QVERIFY2(!result.has_value(), qPrintable(result ? result->toDisplay() : QString()));
        const ExpressionError& error = result.error();
        QCOMPARE(error.code, code);
        QCOMPARE(error.where.line, line);
        QCOMPARE(error.where.column, column);
        QCOMPARE(error.where.length, qsizetype(length));
        QVERIFY(!error.message.isEmpty());
        // The convenience API carries the same code and says where.
        const auto simple = evaluate(expression, scope);
        QVERIFY(!simple.has_value());
        QCOMPARE(simple.error().code, code);
        QVERIFY(simple.error().message.startsWith(u"line %1, column %2: "_s.arg(line).arg(column)));
    }

    void byteOffsetCountsUtf8() {
        // "é" is two bytes in UTF-8 and one character: the column counts characters, the offset bytes.
        const auto parsed = Expression::parse(u"Append(\"é\", x)"_s);
        QVERIFY(!parsed.has_value());
        QCOMPARE(parsed.error().where.column, 13);
        QCOMPARE(parsed.error().where.offset, qsizetype(13));
        QCOMPARE(parsed.error().charOffset, qsizetype(12));
    }

    void staticFacts() {
        const auto parsed =
            Expression::parse(u"If(IsSet(Task.voiceCallId), Append(Flow.a, Substring(Call.Ani, 1)), Flow.b)"_s);
        QVERIFY(parsed.has_value());
        QStringList names;
        for (const VariableReference& ref : parsed->variables()) {
            names.append(ref.name);
        }
        QCOMPARE(names, (QStringList{u"Task.voiceCallId"_s, u"Flow.a"_s, u"Call.Ani"_s, u"Flow.b"_s}));
        QCOMPARE(parsed->unsupported().size(), 1);
        QCOMPARE(parsed->asSingleVariable(), std::nullopt);
        QCOMPARE(Expression::parse(u"Task.voiceCallId"_s)->asSingleVariable(), std::optional(u"Task.voiceCallId"_s));
        QCOMPARE(Expression::parse(u"\"lit\""_s)->asLiteral()->asString(), u"lit"_s);
    }

    // Quoting any text as a string literal and evaluating it gives the text back (the round trip hs/uui's export
    // relies on).
    void quoteRoundTrip_data() {
        QTest::addColumn<QString>("text");
        QTest::newRow("plain") << u"abc"_s;
        QTest::newRow("json") << u"{\"orgId\":\"00D000000000001\",\"a\\\\b\":\"x\"}"_s;
        QTest::newRow("controls") << u"line1\nline2\r\ttab"_s;
        QTest::newRow("unicode") << u"caf\u00e9 \U0001F600"_s;
        QTest::newRow("empty") << QString();
    }

    // Found by fuzzing: nesting deep enough to exhaust the stack. Refused, located, and the limit is generous.
    void deepNestingIsRefused() {
        QFile file(QStringLiteral(HANDOFF_TEST_DATA "/fuzz/expression/deep-nesting-stack-overflow"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const auto found = Expression::parse(QString::fromUtf8(file.readAll()));
        QVERIFY(!found);
        QCOMPARE(found.error().code, u"FLW001"_s);
        const QString deep = QString(100, u'(') + u"1"_s + QString(100, u')');
        const auto refused = Expression::parse(deep);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, u"FLW001"_s);
        QVERIFY(refused.error().message.contains(u"64"_s));
        QVERIFY(refused.error().where.column > 1);
        const QString fine = QString(40, u'(') + u"1"_s + QString(40, u')');
        QVERIFY(Expression::parse(fine).has_value());
    }

    void quoteRoundTrip() {
        QFETCH(QString, text);
        const QString literal = quoteStringLiteral(text);
        const auto value = evaluate(literal, VariableMap{});
        QVERIFY2(value.has_value(), qPrintable(literal));
        QCOMPARE(value->asString(), text);
    }

    // The shape of the Set UUI Data expression hs/uui exports: literal JSON pieces and variables, joined by Append,
    // evaluate to exactly the compact JSON.
    void uuiExpressionEvaluatesToJson() {
        const QString expression = u"Append(\"{\\\"orgId\\\":\\\"00D000000000001\\\",\\\"token\\\":\\\"\", "
                                   "Flow.uuiToken, \"\\\",\\\"callId\\\":\\\"\", Task.voiceCallId, \"\\\"}\")"_s;
        const VariableMap scope = sampleScope();
        const auto value = evaluate(expression, scope);
        QVERIFY2(value.has_value(), qPrintable(value ? QString() : value.error().message));
        const QJsonDocument doc = QJsonDocument::fromJson(value->asString().toUtf8());
        QVERIFY(doc.isObject());
        QCOMPARE(doc.object().value(u"token"_s).toString(), u"eyJhbGciOiJSUzI1NiJ9.e30.c2ln"_s);
        QCOMPARE(doc.object().value(u"callId"_s).toString(), u"0LQRM0000006CSz"_s);
        QCOMPARE(value->asString(),
                 u"{\"orgId\":\"00D000000000001\",\"token\":\"eyJhbGciOiJSUzI1NiJ9.e30.c2ln\",\"callId\":"
                 "\"0LQRM0000006CSz\"}"_s);
    }

    void valueJson() {
        QCOMPARE(Value::fromJson(QJsonValue(5), ValueType::Integer), std::optional(Value::integer(5)));
        QCOMPARE(Value::fromJson(QJsonValue(5.5), ValueType::Integer), std::nullopt);
        QCOMPARE(Value::fromJson(QJsonValue(u"x"_s), ValueType::Boolean), std::nullopt);
        QCOMPARE(Value::fromJson(QJsonValue(QJsonValue::Null), ValueType::String), std::optional(Value::notSet()));
        QCOMPARE(Value::string(u"a"_s).toJson(), QJsonValue(u"a"_s));
        QCOMPARE(Value::notSet().toJson(), QJsonValue(QJsonValue::Null));
    }
};

QTEST_GUILESS_MAIN(TestExpression)
#include "TestExpression.moc"
