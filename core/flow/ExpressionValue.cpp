#include "ExpressionValue.h"

#include <QLocale>

#include <cmath>

using namespace Qt::StringLiterals;

namespace handoff::flow {

QString valueTypeName(ValueType type) {
    switch (type) {
    case ValueType::NotSet:
        return u"NOT_SET"_s;
    case ValueType::String:
        return u"String"_s;
    case ValueType::Integer:
        return u"Integer"_s;
    case ValueType::Decimal:
        return u"Decimal"_s;
    case ValueType::Boolean:
        return u"Boolean"_s;
    }
    return u"NOT_SET"_s;
}

std::optional<ValueType> valueTypeFromName(QStringView name) {
    for (ValueType type :
         {ValueType::String, ValueType::Integer, ValueType::Decimal, ValueType::Boolean, ValueType::NotSet}) {
        if (name.compare(valueTypeName(type), Qt::CaseInsensitive) == 0) {
            return type;
        }
    }
    return std::nullopt;
}

const QString& Value::asString() const {
    static const QString empty;
    Q_ASSERT(type() == ValueType::String);
    const QString* text = std::get_if<QString>(&m_value);
    return text ? *text : empty;
}

qint64 Value::asInteger() const {
    Q_ASSERT(type() == ValueType::Integer);
    const qint64* number = std::get_if<qint64>(&m_value);
    return number ? *number : 0;
}

double Value::asDecimal() const {
    Q_ASSERT(isNumber());
    if (const qint64* number = std::get_if<qint64>(&m_value)) {
        return static_cast<double>(*number);
    }
    const double* number = std::get_if<double>(&m_value);
    return number ? *number : 0.0;
}

bool Value::asBoolean() const {
    Q_ASSERT(type() == ValueType::Boolean);
    const bool* flag = std::get_if<bool>(&m_value);
    return flag ? *flag : false;
}

namespace {
QString decimalText(double number) {
    // Shortest text that reads back as the same double, always in C locale ("1.5", never "1,5").
    QString text = QString::number(number, 'g', QLocale::FloatingPointShortest);
    if (std::isfinite(number) && !text.contains(u'.') && !text.contains(u'e')) {
        text += u".0"_s;
    }
    return text;
}

QString quoted(const QString& text) {
    QString out;
    out.reserve(text.size() + 2);
    out += u'"';
    for (QChar c : text) {
        switch (c.unicode()) {
        case '"':
            out += u"\\\""_s;
            break;
        case '\\':
            out += u"\\\\"_s;
            break;
        case '\n':
            out += u"\\n"_s;
            break;
        case '\r':
            out += u"\\r"_s;
            break;
        case '\t':
            out += u"\\t"_s;
            break;
        default:
            out += c;
        }
    }
    out += u'"';
    return out;
}
} // namespace

std::optional<QString> Value::toText() const {
    switch (type()) {
    case ValueType::NotSet:
        return std::nullopt;
    case ValueType::String:
        return asString();
    case ValueType::Integer:
        return QString::number(asInteger());
    case ValueType::Decimal:
        return decimalText(asDecimal());
    case ValueType::Boolean:
        return asBoolean() ? u"true"_s : u"false"_s;
    }
    return std::nullopt;
}

QString Value::toDisplay() const {
    if (type() == ValueType::String) {
        return quoted(asString());
    }
    return toText().value_or(u"NOT_SET"_s);
}

QJsonValue Value::toJson() const {
    switch (type()) {
    case ValueType::NotSet:
        return QJsonValue(QJsonValue::Null);
    case ValueType::String:
        return asString();
    case ValueType::Integer:
        return asInteger();
    case ValueType::Decimal:
        return asDecimal();
    case ValueType::Boolean:
        return asBoolean();
    }
    return QJsonValue(QJsonValue::Null);
}

std::optional<Value> Value::fromJson(const QJsonValue& json, ValueType type) {
    if (json.isNull() || json.isUndefined()) {
        return Value::notSet();
    }
    switch (type) {
    case ValueType::NotSet:
        return std::nullopt;
    case ValueType::String:
        if (json.isString()) {
            return Value::string(json.toString());
        }
        return std::nullopt;
    case ValueType::Integer: {
        if (!json.isDouble()) {
            return std::nullopt;
        }
        const double number = json.toDouble();
        if (std::trunc(number) != number || std::abs(number) > 9007199254740992.0) {
            return std::nullopt;
        }
        return Value::integer(static_cast<qint64>(number));
    }
    case ValueType::Decimal:
        if (json.isDouble()) {
            return Value::decimal(json.toDouble());
        }
        return std::nullopt;
    case ValueType::Boolean:
        if (json.isBool()) {
            return Value::boolean(json.toBool());
        }
        return std::nullopt;
    }
    return std::nullopt;
}

} // namespace handoff::flow
