#pragma once

#include "common/Clock.h"
#include "common/Error.h"

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>
#include <utility>

namespace handoff::jwt {

// A JWT claims set that keeps its keys in insertion order (QJsonObject sorts them), so a token shows and serialises
// in the order it was written.
class Claims final {
public:
    Claims() = default;

    // Parses a JSON object, keeping the order of its top-level keys. JWT003 when it is not a JSON object.
    static Result<Claims> fromJson(QByteArrayView json);

    void set(const QString& name, const QJsonValue& value); // replaces in place, or appends
    void remove(const QString& name);
    bool contains(const QString& name) const;
    QJsonValue value(const QString& name) const; // Undefined when absent
    QStringList names() const;                   // in order
    qsizetype size() const { return m_entries.size(); }

    std::optional<qint64> intClaim(const QString& name) const; // a whole number (JSON number without fraction)
    std::optional<QString> stringClaim(const QString& name) const;

    QByteArray toJson() const; // compact, keys in order
    QJsonObject toObject() const;

private:
    QList<std::pair<QString, QJsonValue>> m_entries;
};

// The two ways the product uses a token (docs/keys-and-tokens.md).
enum class TokenPreset {
    Uui, // "UUI token (reusable, 24 h)": no jti, exp = iat + 24 h
    Api, // "API token (single use, 5 min, jti)": jti = UUID v4, exp = iat + 5 min
};

QString presetKey(TokenPreset preset);                     // "uui" / "api"
std::optional<TokenPreset> presetFromKey(QStringView key); // inverse of presetKey
QString presetName(TokenPreset preset);                    // translated, for people

// What to put in a token. Build it with forPreset() or field by field.
struct TokenSpec {
    QString issuer;                                    // iss: the org id
    QString subject;                                   // sub: Call Center API name; empty = omitted
    qint64 ttlSecs = 300;                              // exp = iat + ttlSecs
    bool withJti = true;                               // jti = fresh UUID v4
    std::optional<qint64> issuedAt;                    // iat; default: the clock's now
    QList<std::pair<QString, QJsonValue>> extraClaims; // after the standard ones, in this order
    bool reusable = false;                             // meant to be reused across calls (UUI): a jti would break it

    static TokenSpec forPreset(TokenPreset preset, const QString& issuer, const QString& subject = {});
};

// Claims in the order iat, exp, iss, sub, jti, then extras (an extra with a standard name replaces it in place).
Claims buildClaims(const TokenSpec& spec, const Clock& clock);

// A UUID v4 as 36 lower-case characters (for jti).
QString newJti();

// Parses a duration such as "300", "300s", "5m", "24h", "1d" into seconds. JWT024 when malformed or not positive.
Result<qint64> parseDuration(QStringView text);

} // namespace handoff::jwt
