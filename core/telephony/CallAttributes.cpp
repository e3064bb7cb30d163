#include "telephony/CallAttributes.h"

#include "diagnostics/Catalog.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

using namespace Qt::StringLiterals;

namespace handoff::telephony {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("handoff::telephony", text);
}

// A string as a JSON literal, quotes included, escaped the way QJsonDocument escapes.
QString jsonLiteral(const QString& value) {
    const QByteArray array = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(array.mid(1, array.size() - 2));
}

bool isTypographicQuote(QChar c) {
    return c == QChar(0x201C) || c == QChar(0x201D) || c == QChar(0x2018) || c == QChar(0x2019);
}

bool isQuote(QChar c) {
    return c == u'"' || c == u'\'' || isTypographicQuote(c);
}

// Whether c ends a string opened with the quote `open`: an ASCII quote only by itself (so a JSON string may hold
// typographic quotes), a typographic one by any typographic quote (autocorrect mixes them).
bool closes(QChar open, QChar c) {
    return isTypographicQuote(open) ? isTypographicQuote(c) : c == open;
}

// The character(s) a backslash escape stands for, JSON's escapes included (\\u0044 is "D"), with *at on the character
// after the backslash; moves *at past the escape. An escape JSON does not know stands for its own character.
QString unescaped(const QString& text, qsizetype* at) {
    const QChar c = text.at(*at);
    ++*at;
    switch (c.unicode()) {
    case u'b':
        return QString(QChar(u'\b'));
    case u'f':
        return QString(QChar(u'\f'));
    case u'n':
        return QString(QChar(u'\n'));
    case u'r':
        return QString(QChar(u'\r'));
    case u't':
        return QString(QChar(u'\t'));
    case u'u': {
        char16_t code = 0;
        for (qsizetype k = 0; k < 4; ++k) {
            const char16_t h = *at + k < text.size() ? text.at(*at + k).toLower().unicode() : u' ';
            const int value = (h >= u'0' && h <= u'9') ? h - u'0' : (h >= u'a' && h <= u'f') ? h - u'a' + 10 : -1;
            if (value < 0) {
                return QString(c); // not four hex digits: the 'u' stands for itself
            }
            code = char16_t(code * 16 + value);
        }
        *at += 4;
        return QString(QChar(code));
    }
    default:
        return QString(c);
    }
}

// A lenient reader for {'k':'v', "k2": v2}: any of the quote characters, bare values. Returns false when the text
// does not have that shape.
bool readLenient(const QString& text, QList<CallAttribute>* out) {
    qsizetype i = 0;
    const qsizetype n = text.size();
    auto skipSpace = [&] {
        while (i < n && text.at(i).isSpace()) {
            ++i;
        }
    };
    auto readToken = [&](bool isKey, QString* token) {
        skipSpace();
        if (i < n && isQuote(text.at(i))) {
            const QChar open = text.at(i++);
            QString value;
            while (i < n && !closes(open, text.at(i))) {
                if (text.at(i) == u'\\' && i + 1 < n) {
                    ++i;
                    value += unescaped(text, &i);
                    continue;
                }
                value += text.at(i++);
            }
            if (i >= n) {
                return false;
            }
            ++i;
            *token = value;
            return true;
        }
        QString value;
        while (i < n && text.at(i) != u',' && text.at(i) != u'}' && (!isKey || text.at(i) != u':')) {
            value += text.at(i++);
        }
        *token = value.trimmed();
        return !token->isEmpty();
    };
    skipSpace();
    if (i >= n || text.at(i) != u'{') {
        return false;
    }
    ++i;
    skipSpace();
    if (i < n && text.at(i) == u'}') {
        ++i;
        skipSpace();
        return i == n;
    }
    while (i < n) {
        CallAttribute attribute;
        if (!readToken(true, &attribute.field)) {
            return false;
        }
        skipSpace();
        if (i >= n || text.at(i) != u':') {
            return false;
        }
        ++i;
        if (!readToken(false, &attribute.value)) {
            return false;
        }
        out->append(attribute);
        skipSpace();
        if (i < n && text.at(i) == u',') {
            ++i;
            continue;
        }
        if (i < n && text.at(i) == u'}') {
            ++i;
            skipSpace();
            return i == n;
        }
        return false;
    }
    return false;
}

QString valueText(const QJsonValue& value) {
    if (value.isString()) {
        return value.toString();
    }
    const QByteArray array = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(array.mid(1, array.size() - 2));
}

// Keys in the order they appear in the text (QJsonObject sorts them).
QList<CallAttribute> inTextOrder(const QString& text, const QJsonObject& object) {
    QList<CallAttribute> ordered;
    if (readLenient(text, &ordered) && ordered.size() == object.size()) {
        for (CallAttribute& attribute : ordered) {
            attribute.value = valueText(object.value(attribute.field));
        }
        return ordered;
    }
    QList<CallAttribute> sorted;
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        sorted.append({it.key(), valueText(it.value())});
    }
    return sorted;
}

} // namespace

QString callAttributesJson(const QList<CallAttribute>& attributes) {
    if (attributes.isEmpty()) {
        return {};
    }
    QString text = u"{"_s;
    for (qsizetype i = 0; i < attributes.size(); ++i) {
        if (i > 0) {
            text += u',';
        }
        text += jsonLiteral(attributes.at(i).field) + u':' + jsonLiteral(attributes.at(i).value);
    }
    return text + u'}';
}

diagnostics::Diagnostics validateCallAttributes(const QList<CallAttribute>& attributes, const QString& field) {
    static const QRegularExpression apiName(u"^[A-Za-z][A-Za-z0-9_]*$"_s);
    diagnostics::Diagnostics list;
    QSet<QString> seen;
    for (qsizetype i = 0; i < attributes.size(); ++i) {
        const QString name = attributes.at(i).field.trimmed();
        const QString where = field + u'[' + QString::number(i) + u']';
        if (!name.isEmpty() && name != attributes.at(i).field) {
            // Sent as written, " Department__c" names no field; say so rather than trim what the admin wrote.
            list.append(diagnostics::make(
                "TEL005",
                handoff::telephony::tr(
                    "The field name \"%1\" has spaces or invisible characters around it; remove them.")
                    .arg(name),
                diagnostics::Location{where}));
        } else if (name.isEmpty()) {
            list.append(diagnostics::make(
                "TEL005",
                handoff::telephony::tr(
                    "Entry %1 of callAttributes has no field name; give the VoiceCall field's API name.")
                    .arg(i + 1),
                diagnostics::Location{where}));
        } else if (!apiName.match(name).hasMatch()) {
            list.append(diagnostics::make(
                "TEL005",
                handoff::telephony::tr(
                    "\"%1\" is not a field API name (letters, digits and underscores, e.g. Department__c).")
                    .arg(name),
                diagnostics::Location{where}));
        } else if (seen.contains(name.toLower())) {
            list.append(diagnostics::make(
                "TEL005",
                handoff::telephony::tr("The field \"%1\" appears twice in callAttributes; keep one.").arg(name),
                diagnostics::Location{where}));
        }
        seen.insert(name.toLower());
    }
    return list;
}

ParsedCallAttributes parseCallAttributes(const QString& input) {
    ParsedCallAttributes parsed;
    const QString text = input.trimmed();
    if (text.isEmpty()) {
        return parsed;
    }
    QJsonParseError error{};
    QJsonDocument document = QJsonDocument::fromJson(text.toUtf8(), &error);
    if (error.error == QJsonParseError::NoError && document.isObject()) {
        parsed.attributes = inTextOrder(text, document.object());
    } else if (text.startsWith(u'"')) {
        // The escaped form, as it appears in the request body: a JSON string that holds the object.
        const QJsonDocument wrapper = QJsonDocument::fromJson("[" + text.toUtf8() + "]", &error);
        if (error.error == QJsonParseError::NoError && wrapper.array().at(0).isString()) {
            return parseCallAttributes(wrapper.array().at(0).toString());
        }
    }
    if (parsed.attributes.isEmpty() && !(document.isObject() && error.error == QJsonParseError::NoError)) {
        if (readLenient(text, &parsed.attributes)) {
            parsed.diagnostics.append(diagnostics::make(
                "TEL004",
                QCoreApplication::translate("handoff::telephony",
                                            "callAttributes uses single or typographic quotes, which is not JSON (the "
                                            "help article prints it that way). It was read as %n pair(s) and will be "
                                            "sent as real JSON.",
                                            nullptr, int(parsed.attributes.size())),
                diagnostics::Location{u"callAttributes"_s}));
        } else {
            parsed.diagnostics.append(diagnostics::make(
                "TEL005",
                handoff::telephony::tr(
                    "callAttributes cannot be read: write a JSON object such as {\"Department__c\":\"Support\"}."),
                diagnostics::Location{u"callAttributes"_s}));
            return parsed;
        }
    }
    parsed.diagnostics.append(validateCallAttributes(parsed.attributes));
    return parsed;
}

} // namespace handoff::telephony
