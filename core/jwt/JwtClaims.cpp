#include "JwtClaims.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QUuid>

#include <cmath>

using namespace Qt::StringLiterals;

namespace handoff::jwt {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("handoff::jwt", text);
}

// Compact JSON of one value (QJsonDocument serialises only arrays and objects: wrap, then unwrap).
QByteArray valueJson(const QJsonValue& value) {
    const QByteArray wrapped = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return wrapped.sliced(1, wrapped.size() - 2);
}

// The top-level keys of a valid JSON object, in the order they appear (first occurrence).
QStringList topLevelKeys(QByteArrayView json) {
    QStringList keys;
    int depth = 0;
    bool expectKey = false;
    for (qsizetype i = 0; i < json.size(); ++i) {
        const char c = json[i];
        if (c == '"') {
            qsizetype end = i + 1;
            while (end < json.size() && json[end] != '"') {
                end += json[end] == '\\' ? 2 : 1;
            }
            if (depth == 1 && expectKey && end < json.size()) {
                // The text is valid JSON, so a key without a backslash is its UTF-8 bytes as they stand; one with an
                // escape is read by the JSON parser.
                const QByteArrayView inner = json.sliced(i + 1, end - i - 1);
                const QString key = !inner.contains('\\')
                                        ? QString::fromUtf8(inner)
                                        : QJsonDocument::fromJson('[' + json.sliced(i, end - i + 1).toByteArray() + ']')
                                              .array()
                                              .first()
                                              .toString();
                if (!keys.contains(key)) {
                    keys << key;
                }
                expectKey = false;
            }
            i = end;
        } else if (c == '{' || c == '[') {
            ++depth;
            if (depth == 1 && c == '{') {
                expectKey = true;
            }
        } else if (c == '}' || c == ']') {
            --depth;
        } else if (c == ',' && depth == 1) {
            expectKey = true;
        }
    }
    return keys;
}

} // namespace

Result<Claims> Claims::fromJson(QByteArrayView json) {
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json.toByteArray(), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject()) {
        return fail(u"JWT003"_s, error.error != QJsonParseError::NoError
                                     ? handoff::jwt::tr("The claims are not valid JSON (%1 at byte %2).")
                                           .arg(error.errorString(), QString::number(error.offset))
                                     : handoff::jwt::tr("The claims are JSON but not an object ({...})."));
    }
    const QJsonObject object = document.object();
    Claims claims;
    for (const QString& key : topLevelKeys(json)) {
        claims.m_entries.append({key, object.value(key)});
    }
    return claims;
}

void Claims::set(const QString& name, const QJsonValue& value) {
    for (auto& entry : m_entries) {
        if (entry.first == name) {
            entry.second = value;
            return;
        }
    }
    m_entries.append({name, value});
}

void Claims::remove(const QString& name) {
    m_entries.removeIf([&](const auto& entry) { return entry.first == name; });
}

bool Claims::contains(const QString& name) const {
    return std::any_of(m_entries.cbegin(), m_entries.cend(), [&](const auto& entry) { return entry.first == name; });
}

QJsonValue Claims::value(const QString& name) const {
    for (const auto& entry : m_entries) {
        if (entry.first == name) {
            return entry.second;
        }
    }
    return QJsonValue(QJsonValue::Undefined);
}

QStringList Claims::names() const {
    QStringList result;
    for (const auto& entry : m_entries) {
        result << entry.first;
    }
    return result;
}

std::optional<qint64> Claims::intClaim(const QString& name) const {
    const QJsonValue v = value(name);
    if (!v.isDouble()) {
        return std::nullopt;
    }
    const double d = v.toDouble();
    if (!std::isfinite(d) || std::trunc(d) != d || std::abs(d) > 9007199254740992.0) {
        return std::nullopt;
    }
    return v.toInteger(qint64(d));
}

std::optional<QString> Claims::stringClaim(const QString& name) const {
    const QJsonValue v = value(name);
    if (!v.isString()) {
        return std::nullopt;
    }
    return v.toString();
}

QByteArray Claims::toJson() const {
    QByteArray json;
    json.reserve(64 + 48 * m_entries.size());
    json += '{';
    bool first = true;
    for (const auto& entry : m_entries) {
        if (!first) {
            json += ',';
        }
        first = false;
        json += valueJson(QJsonValue(entry.first));
        json += ':';
        json += valueJson(entry.second);
    }
    json += '}';
    return json;
}

QJsonObject Claims::toObject() const {
    QJsonObject object;
    for (const auto& entry : m_entries) {
        object.insert(entry.first, entry.second);
    }
    return object;
}

QString presetKey(TokenPreset preset) {
    return preset == TokenPreset::Uui ? u"uui"_s : u"api"_s;
}

std::optional<TokenPreset> presetFromKey(QStringView key) {
    if (key == u"uui"_s) {
        return TokenPreset::Uui;
    }
    if (key == u"api"_s) {
        return TokenPreset::Api;
    }
    return std::nullopt;
}

QString presetName(TokenPreset preset) {
    return preset == TokenPreset::Uui ? handoff::jwt::tr("UUI token (reusable, 24 h)")
                                      : handoff::jwt::tr("API token (single use, 5 min, jti)");
}

TokenSpec TokenSpec::forPreset(TokenPreset preset, const QString& issuer, const QString& subject) {
    TokenSpec spec;
    spec.issuer = issuer;
    spec.subject = subject;
    if (preset == TokenPreset::Uui) {
        spec.ttlSecs = 24 * 3600;
        spec.withJti = false;
        spec.reusable = true;
    } else {
        spec.ttlSecs = 5 * 60;
        spec.withJti = true;
        spec.reusable = false;
    }
    return spec;
}

Claims buildClaims(const TokenSpec& spec, const Clock& clock) {
    const qint64 iat = spec.issuedAt.value_or(clock.nowSecs());
    Claims claims;
    claims.set(u"iat"_s, QJsonValue(iat));
    claims.set(u"exp"_s, QJsonValue(iat + spec.ttlSecs));
    claims.set(u"iss"_s, spec.issuer);
    if (!spec.subject.isEmpty()) {
        claims.set(u"sub"_s, spec.subject);
    }
    if (spec.withJti) {
        claims.set(u"jti"_s, newJti());
    }
    for (const auto& [name, value] : spec.extraClaims) {
        claims.set(name, value);
    }
    return claims;
}

QString newJti() {
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

Result<qint64> parseDuration(QStringView text) {
    static const QRegularExpression pattern(u"^\\s*([0-9]{1,9})\\s*([smhd]?)\\s*$"_s);
    const auto match = pattern.match(text.toString());
    if (!match.hasMatch()) {
        return fail(u"JWT024"_s,
                    handoff::jwt::tr("'%1' is not a duration; write a number with s, m, h or d, such as 300s, 5m or "
                                     "24h.")
                        .arg(text.toString()));
    }
    const qint64 number = match.capturedView(1).toLongLong();
    const QStringView unit = match.capturedView(2);
    const qint64 factor = unit == u"m"_s ? 60 : unit == u"h"_s ? 3600 : unit == u"d"_s ? 86400 : 1;
    const qint64 seconds = number * factor;
    if (seconds <= 0) {
        return fail(u"JWT024"_s,
                    handoff::jwt::tr("A duration of %1 is not positive; a token must live at least one second.")
                        .arg(text.toString()));
    }
    return seconds;
}

} // namespace handoff::jwt
