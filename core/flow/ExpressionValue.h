#pragma once

#include <QJsonValue>
#include <QString>

#include <optional>
#include <variant>

namespace handoff::flow {

// The scalar types of Architect expressions that the simulator models. NotSet is Architect's NOT_SET: a value that
// is not defined (which is not the same as an empty string).
enum class ValueType : quint8 { NotSet, String, Integer, Decimal, Boolean };

// "String", "Integer", "Decimal", "Boolean", "NOT_SET": the names Architect shows; stable, used in JSON.
QString valueTypeName(ValueType type);
std::optional<ValueType> valueTypeFromName(QStringView name);

// One value of an Architect expression. Default-constructed it is NOT_SET.
class Value final {
public:
    Value() = default;
    static Value notSet() { return {}; }
    static Value string(QString text) { return Value(Storage(std::in_place_index<1>, std::move(text))); }
    static Value integer(qint64 number) { return Value(Storage(std::in_place_index<2>, number)); }
    static Value decimal(double number) { return Value(Storage(std::in_place_index<3>, number)); }
    static Value boolean(bool flag) { return Value(Storage(std::in_place_index<4>, flag)); }

    ValueType type() const { return static_cast<ValueType>(m_value.index()); }
    bool isSet() const { return type() != ValueType::NotSet; }
    bool isNumber() const { return type() == ValueType::Integer || type() == ValueType::Decimal; }

    // Accessors; calling the one that does not match type() is a programming error (asserts), returning a default.
    const QString& asString() const;
    qint64 asInteger() const;
    double asDecimal() const; // Integer values convert
    bool asBoolean() const;

    // Architect's ToString: the text of a set value; ToString(NOT_SET) is NOT_SET, so this returns std::nullopt.
    std::optional<QString> toText() const;
    // For traces and messages: NOT_SET, "quoted \"text\"", 42, 1.5, true.
    QString toDisplay() const;

    // JSON form used in project files and --json output: null for NOT_SET, otherwise the natural JSON value.
    QJsonValue toJson() const;
    // Reads a JSON value as the given type; std::nullopt when it does not fit that type.
    static std::optional<Value> fromJson(const QJsonValue& json, ValueType type);

    friend bool operator==(const Value& a, const Value& b) { return a.m_value == b.m_value; }

private:
    using Storage = std::variant<std::monostate, QString, qint64, double, bool>;
    explicit Value(Storage value)
        : m_value(std::move(value)) {}
    Storage m_value;
};

} // namespace handoff::flow
