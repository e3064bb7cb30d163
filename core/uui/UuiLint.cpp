#include "UuiLint.h"

#include "common/TextPosition.h"
#include "diagnostics/Catalog.h"
#include "jwt/Jwt.h"
#include "salesforce/SalesforceId.h"
#include "uui/SipHeaderBudget.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <array>

using namespace Qt::StringLiterals;
using handoff::diagnostics::Diagnostic;
using handoff::diagnostics::Diagnostics;
using handoff::diagnostics::Location;

namespace handoff::uui {

namespace {

QString tr(const char* text, const char* disambiguation = nullptr, int n = -1) {
    return QCoreApplication::translate("handoff::uui", text, disambiguation, n);
}

// ---- positions -------------------------------------------------------------------------------------------------

// A place in the checked text: where a diagnostic points.
struct Span {
    qsizetype offset = -1;
    qsizetype length = 0;
};

// Turns spans of the analysed text into locations in the original text (the analysed text may be the repaired
// one, whose typographic quotes are one byte instead of three).
class Locator {
public:
    Locator(const QByteArray& original, QList<qsizetype> repairedAt)
        : m_original(original)
        , m_repairedAt(std::move(repairedAt)) {}

    Location at(const QString& field, Span span) const {
        Location where;
        where.field = field;
        if (span.offset < 0) {
            return where;
        }
        const qsizetype begin = toOriginal(span.offset);
        const qsizetype end = toOriginal(span.offset + span.length);
        where.offset = begin;
        where.length = end - begin;
        const handoff::text::TextPosition lc = handoff::text::positionAt(m_original, begin);
        where.line = lc.line;
        where.column = lc.column;
        return where;
    }

private:
    // Offsets in the repaired text -> original text: each repaired quote before the offset was 2 bytes longer.
    qsizetype toOriginal(qsizetype offset) const {
        qsizetype shift = 0;
        for (const qsizetype at : m_repairedAt) {
            if (at < offset) {
                shift += 2;
            }
        }
        return offset + shift;
    }

    const QByteArray& m_original;
    QList<qsizetype> m_repairedAt; // offsets in the repaired text of characters that were typographic quotes
};

// ---- a scanner for the members of a valid JSON object, with their byte ranges --------------------------------

struct Member {
    QString key;
    Span keySpan;   // the key with its quotes
    Span valueSpan; // the value; for a string, its text between the quotes
    QJsonValue value;
};

class MemberScanner {
public:
    explicit MemberScanner(const QByteArray& text)
        : m_text(text) {}

    // Members of the top-level object, in order, duplicates included. The text must be valid JSON.
    QList<Member> members() {
        QList<Member> list;
        skipSpace();
        if (peek() != '{') {
            return list;
        }
        ++m_pos;
        skipSpace();
        if (peek() == '}') {
            return list;
        }
        while (m_pos < m_text.size()) {
            skipSpace();
            Member member;
            const qsizetype keyStart = m_pos;
            skipString();
            member.keySpan = {keyStart, m_pos - keyStart};
            member.key = decodeString(m_text.mid(keyStart, m_pos - keyStart));
            skipSpace();
            ++m_pos; // ':'
            skipSpace();
            const qsizetype valueStart = m_pos;
            skipValue();
            const QByteArray raw = m_text.mid(valueStart, m_pos - valueStart);
            member.value = QJsonDocument::fromJson("[" + raw + "]").array().at(0);
            member.valueSpan =
                member.value.isString() ? Span{valueStart + 1, raw.size() - 2} : Span{valueStart, raw.size()};
            list.append(member);
            skipSpace();
            if (peek() != ',') {
                break;
            }
            ++m_pos;
        }
        return list;
    }

private:
    char peek() const { return m_pos < m_text.size() ? m_text.at(m_pos) : '\0'; }
    void skipSpace() {
        while (m_pos < m_text.size() && (peek() == ' ' || peek() == '\t' || peek() == '\n' || peek() == '\r')) {
            ++m_pos;
        }
    }
    void skipString() {
        ++m_pos; // opening quote
        while (m_pos < m_text.size() && peek() != '"') {
            m_pos += peek() == '\\' ? 2 : 1;
        }
        ++m_pos; // closing quote
    }
    void skipValue() {
        const char c = peek();
        if (c == '"') {
            skipString();
            return;
        }
        if (c == '{' || c == '[') {
            int depth = 0;
            while (m_pos < m_text.size()) {
                const char d = peek();
                if (d == '"') {
                    skipString();
                    continue;
                }
                if (d == '{' || d == '[') {
                    ++depth;
                } else if (d == '}' || d == ']') {
                    --depth;
                }
                ++m_pos;
                if (depth == 0) {
                    return;
                }
            }
            return;
        }
        while (m_pos < m_text.size() && peek() != ',' && peek() != '}' && peek() != ' ' && peek() != '\n' &&
               peek() != '\r' && peek() != '\t') {
            ++m_pos;
        }
    }
    static QString decodeString(const QByteArray& quoted) {
        return QJsonDocument::fromJson("[" + quoted + "]").array().at(0).toString();
    }

    const QByteArray& m_text;
    qsizetype m_pos = 0;
};

// ---- field rules, shared by lint() and lintModel() --------------------------------------------------------------

struct FieldValue {
    bool present = false;
    bool wrongType = false; // not a string: reported as UUI008, its rules are not checked
    QString value;
    Location where; // of the value text
};

struct Fields {
    FieldValue orgId, scrt2Domain, token, callId, transactionId;
    bool checkTokenClaims = true;
    const jwt::DecodedJwt* decodedToken = nullptr; // jwt::decode of token.value, when the caller has it
};

int levenshtein(const QString& a, const QString& b) {
    QList<int> prev(b.size() + 1);
    QList<int> cur(b.size() + 1);
    for (int j = 0; j <= b.size(); ++j) {
        prev[j] = j;
    }
    for (int i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        for (int j = 1; j <= b.size(); ++j) {
            const int cost = a.at(i - 1).toLower() == b.at(j - 1).toLower() ? 0 : 1;
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
        }
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

// A location inside a field's value: `from`, `count` characters of the value (used for the first space of a token).
Location within(const FieldValue& f, qsizetype from, qsizetype count) {
    Location where = f.where;
    if (where.offset < 0) {
        return where;
    }
    const QByteArray before = f.value.left(from).toUtf8();
    const QByteArray part = f.value.mid(from, count).toUtf8();
    where.offset += before.size();
    where.length = part.size();
    where.column += handoff::text::positionAt(before, before.size()).column - 1; // the value is one line of the JSON
    return where;
}

constexpr bool isBase64UrlChar(QChar c) {
    return (c >= u'A' && c <= u'Z') || (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || c == u'-' || c == u'_';
}

// What a UTF-16 unit is in a compact JWT, by table (a token is hundreds of units, checked on every simulated call):
// 1 base64url, 2 the dot, 0 anything else.
int tokenUnitClass(char16_t unit) {
    static constexpr auto kTable = [] {
        std::array<char, 128> table{};
        for (int c = 0; c < 128; ++c) {
            table[c] = isBase64UrlChar(QChar(c)) ? 1 : c == '.' ? 2 : 0;
        }
        return table;
    }();
    return unit < 128 ? kTable[unit] : 0;
}

std::optional<QJsonObject> decodeJwtPart(QStringView part) {
    const auto decoded = QByteArray::fromBase64Encoding(part.toLatin1(), QByteArray::Base64UrlEncoding |
                                                                             QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded) {
        return std::nullopt;
    }
    const QJsonDocument doc = QJsonDocument::fromJson(*decoded);
    if (!doc.isObject()) {
        return std::nullopt;
    }
    return doc.object();
}

void checkOrgId(const Fields& f, Diagnostics& out) {
    const bool haveToken = f.token.present && !f.token.value.isEmpty();
    if (!f.orgId.present || f.orgId.value.isEmpty()) {
        if (!haveToken) {
            out.append(diagnostics::make(
                "UUI010",
                handoff::uui::tr(
                    "orgId is missing and there is no token to take the org from; add your 15-character org "
                    "id (00D...)."),
                f.orgId.present ? f.orgId.where : Location{f.orgId.where.field}));
        } else if (f.orgId.present) {
            out.append(diagnostics::make(
                "UUI027", handoff::uui::tr("orgId is empty; leave it out (the token names the org) or fill it in."),
                f.orgId.where));
        }
        return;
    }
    const QString& v = f.orgId.value;
    const auto id = salesforce::SalesforceId::parse(v);
    if (!id) {
        out.append(diagnostics::make(
            "UUI011", handoff::uui::tr("orgId \"%1\" is not a Salesforce id: %2").arg(v, id.error().message),
            f.orgId.where));
        return;
    }
    if (id->kind() != salesforce::IdKind::Organization) {
        out.append(diagnostics::make(
            "UUI012",
            handoff::uui::tr(
                "orgId \"%1\" starts with \"%2\", but org ids start with 00D. Copy the org id from Setup > Company "
                "Information.")
                .arg(v, id->keyPrefix()),
            f.orgId.where));
        return;
    }
    if (v.size() == 18) {
        out.append(diagnostics::make(
            "UUI011",
            handoff::uui::tr("orgId has 18 characters; the UUI wants the 15-character form \"%1\".").arg(id->id15()),
            f.orgId.where));
    }
}

void checkScrt2Domain(const Fields& f, Diagnostics& out) {
    if (!f.scrt2Domain.present || f.scrt2Domain.value.trimmed().isEmpty()) {
        out.append(diagnostics::make(
            "UUI013",
            handoff::uui::tr(
                "scrt2Domain is missing; add the org's SCRT2 domain, such as mycompany.my.salesforce-scrt.com."),
            f.scrt2Domain.where));
        return;
    }
    const QString& v = f.scrt2Domain.value;
    const qsizetype bytes = v.toUtf8().size();
    if (bytes > 128) {
        out.append(diagnostics::make(
            "UUI014", handoff::uui::tr("scrt2Domain is %1 bytes; Salesforce allows at most 128.").arg(bytes),
            f.scrt2Domain.where));
    }
    static const QRegularExpression shape(
        u"^[a-z0-9]([a-z0-9-]*[a-z0-9])?(--[a-z0-9-]+\\.sandbox)?\\.my\\.salesforce-scrt\\.com$"_s,
        QRegularExpression::CaseInsensitiveOption);
    if (shape.match(v).hasMatch()) {
        if (v.contains(u".sandbox."_s, Qt::CaseInsensitive)) {
            out.append(diagnostics::make(
                "UUI016",
                handoff::uui::tr("scrt2Domain \"%1\" is a sandbox domain; use the production domain when "
                                 "you go live.")
                    .arg(v),
                f.scrt2Domain.where));
        }
        return;
    }
    // Offer the bare domain when the value is a URL or has a path.
    QString bare = v.trimmed();
    static const QRegularExpression scheme(u"^[a-z][a-z0-9+.-]*://"_s, QRegularExpression::CaseInsensitiveOption);
    bare.remove(scheme);
    bare = bare.section(u'/', 0, 0).toLower();
    if (bare != v && shape.match(bare).hasMatch()) {
        out.append(diagnostics::make(
            "UUI015",
            handoff::uui::tr("scrt2Domain must be the bare domain without scheme or path; use \"%1\".").arg(bare),
            f.scrt2Domain.where));
        return;
    }
    out.append(diagnostics::make(
        "UUI015",
        handoff::uui::tr(
            "scrt2Domain \"%1\" does not have the form <name>.my.salesforce-scrt.com; copy it from the org's "
            "Contact Center settings.")
            .arg(v),
        f.scrt2Domain.where));
}

void checkTokenClaims(const Fields& f, const Clock& clock, QStringView header64, QStringView payload64,
                      Diagnostics& out);

void checkToken(const Fields& f, const Clock& clock, Diagnostics& out) {
    if (!f.token.present || f.token.value.isEmpty()) {
        out.append(diagnostics::make("UUI017", handoff::uui::tr("token is missing; add the signed JWT (RS256)."),
                                     f.token.where));
        return;
    }
    const QString& v = f.token.value;
    // The usual case, a well-formed token, is found in one pass over the text and needs no pattern matching at all;
    // anything else is taken apart below, to say what is wrong.
    if (const qsizetype cut = detail::signingInputLength(v); cut > 0) {
        const qsizetype dot = v.indexOf(u'.');
        checkTokenClaims(f, clock, QStringView(v).first(dot), QStringView(v).sliced(dot + 1, cut - dot - 1), out);
        return;
    }
    const bool plain = std::all_of(v.cbegin(), v.cend(), [](QChar c) { return tokenUnitClass(c.unicode()) != 0; });
    bool shapeOk = true;
    static const QRegularExpression space(u"\\s+"_s);
    if (const auto m = plain ? QRegularExpressionMatch() : space.match(v); m.hasMatch()) {
        const qsizetype count = std::count_if(v.cbegin(), v.cend(), [](QChar c) { return c.isSpace(); });
        out.append(diagnostics::make(
            "UUI018",
            handoff::uui::tr(
                "The token contains %n space(s) or line break(s), the first at character %1; a JWT has none. Paste the "
                "token again in one piece.",
                nullptr, static_cast<int>(count))
                .arg(m.capturedStart() + 1),
            within(f.token, m.capturedStart(), m.capturedLength())));
        shapeOk = false;
    }
    static const QRegularExpression placeholder(u"\\[[^\\]]*\\]|<[^>]*>|\\{\\{[^}]*\\}\\}"_s);
    if (const auto m = plain ? QRegularExpressionMatch() : placeholder.match(v); m.hasMatch()) {
        out.append(diagnostics::make(
            "UUI019",
            handoff::uui::tr("The token contains the placeholder text \"%1\"; this is a sample, not a "
                             "signed token. Put a real token here (handoff jwt sign).")
                .arg(m.captured()),
            within(f.token, m.capturedStart(), m.capturedLength())));
        shapeOk = false;
    }
    const QStringList parts = v.split(u'.');
    if (parts.size() != 3) {
        out.append(diagnostics::make(
            "UUI020",
            handoff::uui::tr("The token has %n part(s) separated by dots; a JWT has three (header.payload.signature).",
                             nullptr, static_cast<int>(parts.size())),
            f.token.where));
        return;
    }
    qsizetype from = 0;
    for (int i = 0; i < 3; ++i) {
        const QString& part = parts.at(i);
        if (part.isEmpty() || !std::all_of(part.cbegin(), part.cend(), isBase64UrlChar)) {
            if (shapeOk) {
                out.append(diagnostics::make(
                    "UUI020",
                    handoff::uui::tr("Part %1 of the token is not base64url (letters, digits, '-' and '_' only).")
                        .arg(i + 1),
                    within(f.token, from, part.size())));
            }
            return;
        }
        from += part.size() + 1;
    }
    checkTokenClaims(f, clock, parts.at(0), parts.at(1), out);
}

// The rules on a well-formed token's claims: its iss against orgId (UUI021), its expiry (UUI022).
void checkTokenClaims(const Fields& f, const Clock& clock, QStringView header64, QStringView payload64,
                      Diagnostics& out) {
    if (!f.checkTokenClaims) {
        return;
    }
    // A token the caller decoded already (jwt::decode succeeded, so header and payload are JSON objects) is not
    // decoded again: the same objects, from the same bytes.
    std::optional<QJsonObject> payload;
    if (!f.decodedToken) {
        const auto header = decodeJwtPart(header64);
        payload = decodeJwtPart(payload64);
        if (!header || !payload) {
            out.append(diagnostics::make(
                "UUI020",
                handoff::uui::tr("The token's %1 does not decode to a JSON object; this is not a JWT.")
                    .arg(!header ? handoff::uui::tr("header") : handoff::uui::tr("payload")),
                within(f.token, !header ? 0 : header64.size() + 1, (!header ? header64 : payload64).size())));
            return;
        }
    }
    const auto claim = [&](const QString& name) {
        return f.decodedToken ? f.decodedToken->claims.value(name) : payload->value(name);
    };
    const QString iss = claim(u"iss"_s).toString();
    if (f.orgId.present && !f.orgId.value.isEmpty() && !iss.isEmpty() && !salesforce::sameId(iss, f.orgId.value)) {
        out.append(diagnostics::make(
            "UUI021",
            handoff::uui::tr(
                "The token was issued by org \"%1\" (iss), but orgId is \"%2\". Sign the token for this org, or fix "
                "orgId.")
                .arg(iss, f.orgId.value),
            f.orgId.where));
    }
    const QJsonValue exp = claim(u"exp"_s);
    if (exp.isDouble()) {
        const auto expiry = static_cast<qint64>(exp.toDouble());
        const qint64 now = clock.nowSecs();
        if (expiry <= now) {
            out.append(diagnostics::make(
                "UUI022",
                handoff::uui::tr("The token expired at %1 (UTC), %2 ago; sign a new one.")
                    .arg(QDateTime::fromSecsSinceEpoch(expiry, Qt::UTC).toString(Qt::ISODate),
                         handoff::uui::tr("%n minute(s)", nullptr, static_cast<int>((now - expiry) / 60))),
                f.token.where));
        }
    }
}

void checkCallId(const Fields& f, Diagnostics& out) {
    if (!f.callId.present) {
        return;
    }
    const QString& v = f.callId.value;
    if (v.isEmpty()) {
        out.append(diagnostics::make(
            "UUI027", handoff::uui::tr("callId is empty; leave it out or set the VoiceCall id."), f.callId.where));
        return;
    }
    if (v.size() == 18 && salesforce::isWellFormed(v)) {
        // The common case, each simulated call's VoiceCall id: only its kind can be wrong.
        if (salesforce::kindForPrefix(QStringView(v).first(3)) == salesforce::IdKind::VoiceCall) {
            return;
        }
    }
    const auto id = salesforce::SalesforceId::parse(v);
    if (!id) {
        out.append(diagnostics::make(
            "UUI024", handoff::uui::tr("callId \"%1\" is not a Salesforce id: %2").arg(v, id.error().message),
            f.callId.where));
        return;
    }
    if (v.size() == 15) {
        out.append(diagnostics::make(
            "UUI025",
            handoff::uui::tr("callId \"%1\" is the 15-character form; use the 18-character \"%2\".").arg(v, id->id18()),
            f.callId.where));
    }
    if (id->kind() != salesforce::IdKind::VoiceCall) {
        out.append(diagnostics::make(
            "UUI026",
            handoff::uui::tr("callId \"%1\" starts with \"%2\"; VoiceCall ids start with 0LQ. Use the id "
                             "the voiceCalls API returned.")
                .arg(v, id->keyPrefix()),
            f.callId.where));
    }
}

void checkTransactionId(const Fields& f, Diagnostics& out) {
    if (f.transactionId.present && f.transactionId.value.isEmpty()) {
        out.append(diagnostics::make("UUI027",
                                     handoff::uui::tr("transactionId is empty; leave it out or give it a value."),
                                     f.transactionId.where));
    }
}

// Each standard field's rules, in UuiField order; only the fields in `mask` (bits of detail::fieldBit) are checked.
detail::FieldFindings checkFieldsApart(const Fields& f, const Clock& clock, unsigned mask = detail::kAllFields) {
    detail::FieldFindings out;
    const auto wanted = [mask](UuiField field) { return (mask & detail::fieldBit(field)) != 0; };
    if (wanted(UuiField::OrgId) && !f.orgId.wrongType) {
        checkOrgId(f, out[0]);
    }
    if (wanted(UuiField::Scrt2Domain) && !f.scrt2Domain.wrongType) {
        checkScrt2Domain(f, out[1]);
    }
    if (wanted(UuiField::Token) && !f.token.wrongType) {
        checkToken(f, clock, out[2]);
    }
    if (wanted(UuiField::CallId) && !f.callId.wrongType) {
        checkCallId(f, out[3]);
    }
    if (wanted(UuiField::TransactionId) && !f.transactionId.wrongType) {
        checkTransactionId(f, out[4]);
    }
    return out;
}

Diagnostics checkFields(const Fields& f, const Clock& clock) {
    Diagnostics out;
    for (const Diagnostics& field : checkFieldsApart(f, clock)) {
        out.append(field);
    }
    return out;
}

// ---- typographic quotes -----------------------------------------------------------------------------------------

struct Quote {
    qsizetype offset; // in the original text
    char32_t ch;
};

QList<Quote> findTypographicQuotes(const QByteArray& text) {
    QList<Quote> quotes;
    // U+2018 ‘ U+2019 ’ U+201C “ U+201D ” U+201E „ U+201F ‟: E2 80 98..9F in UTF-8.
    for (qsizetype i = 0; i + 2 < text.size(); ++i) {
        if (static_cast<unsigned char>(text.at(i)) == 0xE2 && static_cast<unsigned char>(text.at(i + 1)) == 0x80) {
            const auto third = static_cast<unsigned char>(text.at(i + 2));
            if (third >= 0x98 && third <= 0x9F && third != 0x9A && third != 0x9B) {
                quotes.append({i, static_cast<char32_t>(0x2000 + (third - 0x80))});
            }
        }
    }
    return quotes;
}

bool isDoubleQuote(char32_t c) {
    return c == 0x201C || c == 0x201D || c == 0x201E || c == 0x201F;
}

// Replaces the chosen quotes by '"'; `repairedAt` receives their offsets in the result.
QByteArray replaceQuotes(const QByteArray& text, const QList<Quote>& quotes, bool singleToo,
                         QList<qsizetype>& repairedAt) {
    QByteArray out;
    out.reserve(text.size());
    qsizetype from = 0;
    for (const Quote& q : quotes) {
        if (!singleToo && !isDoubleQuote(q.ch)) {
            continue;
        }
        out.append(text.mid(from, q.offset - from));
        repairedAt.append(out.size());
        out.append('"');
        from = q.offset + 3;
    }
    out.append(text.mid(from));
    return out;
}

bool parses(const QByteArray& text) {
    QJsonParseError error{};
    QJsonDocument::fromJson(text, &error);
    return error.error == QJsonParseError::NoError;
}

} // namespace

LintResult lint(const QByteArray& text, const Clock& clock, const LintOptions& options) {
    LintResult result;
    const QString& prefix = options.fieldPrefix;
    QByteArray analysed = text;
    QList<qsizetype> repairedAt;

    QJsonParseError parseError{};
    QJsonDocument doc = QJsonDocument::fromJson(text, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        const QList<Quote> quotes = findTypographicQuotes(text);
        if (!quotes.isEmpty()) {
            // Straight double quotes for “ ” first; ‘ ’ too only if that is what makes the text parse (otherwise
            // they are apostrophes inside values, which are text).
            QList<qsizetype> at;
            bool singleToo = false;
            QByteArray repaired = replaceQuotes(text, quotes, false, at);
            if (!parses(repaired)) {
                QList<qsizetype> atSingle;
                const QByteArray withSingle = replaceQuotes(text, quotes, true, atSingle);
                if (parses(withSingle) ||
                    !std::any_of(quotes.cbegin(), quotes.cend(), [](const Quote& q) { return isDoubleQuote(q.ch); })) {
                    repaired = withSingle;
                    at = atSingle;
                    singleToo = true;
                }
            }
            QList<Quote> reported;
            for (const Quote& q : quotes) {
                if (singleToo || isDoubleQuote(q.ch)) {
                    reported.append(q);
                }
            }
            result.repaired = repaired;
            for (const Quote& q : reported) {
                Location where;
                where.offset = q.offset;
                where.length = 3;
                const handoff::text::TextPosition lc = handoff::text::positionAt(text, q.offset);
                where.line = lc.line;
                where.column = lc.column;
                const QString ch = QString::fromUtf8(text.mid(q.offset, 3));
                result.diagnostics.append(diagnostics::make(
                    "UUI002",
                    handoff::uui::tr(
                        "Typographic quote %1 (U+%2) at line %3, column %4; JSON needs a straight double quote \". "
                        "Use the repaired text, or turn off smart quotes where you edit the UUI.")
                        .arg(ch, QString::number(static_cast<uint>(q.ch), 16).toUpper())
                        .arg(lc.line)
                        .arg(lc.column),
                    where));
            }
            if (parses(repaired)) {
                analysed = repaired;
                repairedAt = at;
                doc = QJsonDocument::fromJson(analysed);
                parseError.error = QJsonParseError::NoError;
            }
        }
        if (parseError.error != QJsonParseError::NoError) {
            // Report the syntax error of the best text we have, in original positions.
            QJsonParseError error{};
            const QByteArray& reparse = result.repaired ? *result.repaired : text;
            QJsonDocument::fromJson(reparse, &error);
            // The byte before Qt's error offset, kept inside the text: an empty or cut-off text has its error at
            // the end, where there is no byte to point at (found by fuzzing, tests/data/fuzz/uui_lint).
            const auto errorSpan = [&text](qsizetype offset) {
                const qsizetype at = qBound<qsizetype>(0, offset - 1, qMax<qsizetype>(0, text.size() - 1));
                return Span{at, text.isEmpty() ? 0 : 1};
            };
            const Locator locator(text, result.repaired ? repairedAt : QList<qsizetype>{});
            Location where = locator.at(QString(), errorSpan(error.offset));
            if (result.repaired) {
                // Positions in the repaired text map back only approximately; compute on the original instead.
                QJsonDocument::fromJson(text, &error);
                where = Locator(text, {}).at(QString(), errorSpan(error.offset));
            }
            result.diagnostics.append(
                diagnostics::make("UUI001",
                                  handoff::uui::tr("The UUI is not valid JSON: %1 at line %2, column %3.")
                                      .arg(error.errorString())
                                      .arg(where.line)
                                      .arg(where.column),
                                  where));
            return result;
        }
    }
    result.validJson = analysed == text;
    if (!doc.isObject()) {
        result.diagnostics.append(
            diagnostics::make("UUI003", handoff::uui::tr("The UUI must be one JSON object {\"key\": \"value\", ...}."),
                              Locator(text, {}).at(QString(), {0, qMin<qsizetype>(1, text.size())})));
        return result;
    }

    const Locator locator(text, repairedAt);
    MemberScanner scanner(analysed);
    const QList<Member> members = scanner.members();
    Fields fields;
    QHash<QString, int> seen;
    auto fieldFor = [&](const QString& key) -> FieldValue* {
        if (key == u"orgId"_s) {
            return &fields.orgId;
        }
        if (key == u"scrt2Domain"_s) {
            return &fields.scrt2Domain;
        }
        if (key == u"token"_s) {
            return &fields.token;
        }
        if (key == u"callId"_s) {
            return &fields.callId;
        }
        if (key == u"transactionId"_s) {
            return &fields.transactionId;
        }
        return nullptr;
    };
    for (const Member& m : members) {
        const Location keyWhere = locator.at(prefix + m.key, m.keySpan);
        if (seen.contains(m.key)) {
            result.diagnostics.append(diagnostics::make(
                "UUI007",
                handoff::uui::tr("The key \"%1\" appears more than once; the receiver may read either value. Keep one.")
                    .arg(m.key),
                keyWhere));
            continue;
        }
        seen.insert(m.key, 1);
        QString standard;
        if (standardKeys().contains(m.key)) {
            standard = m.key;
        } else {
            for (const QString& k : standardKeys()) {
                if (k.compare(m.key, Qt::CaseInsensitive) == 0) {
                    standard = k;
                    result.diagnostics.append(diagnostics::make(
                        "UUI004",
                        handoff::uui::tr(
                            "The key \"%1\" should be spelt \"%2\"; Salesforce reads keys case-sensitively.")
                            .arg(m.key, k),
                        keyWhere));
                }
            }
            if (standard.isEmpty()) {
                QString closest;
                for (const QString& k : standardKeys()) {
                    if (m.key.size() >= 4 && levenshtein(m.key, k) <= 2) {
                        closest = k;
                    }
                }
                if (!closest.isEmpty()) {
                    result.diagnostics.append(
                        diagnostics::make("UUI005",
                                          handoff::uui::tr("The key \"%1\" is not a standard key; did you mean \"%2\"?")
                                              .arg(m.key, closest),
                                          keyWhere));
                } else {
                    result.diagnostics.append(diagnostics::make(
                        "UUI006",
                        handoff::uui::tr(
                            "\"%1\" is not a key Salesforce defines; it reaches the inbound Omni-Channel flow as a "
                            "parameter.")
                            .arg(m.key),
                        keyWhere));
                }
            }
        }
        if (!m.value.isString()) {
            result.diagnostics.append(diagnostics::make(
                "UUI008", handoff::uui::tr("The value of \"%1\" is not a string; put it in double quotes.").arg(m.key),
                locator.at(prefix + m.key, m.valueSpan)));
        }
        if (FieldValue* f = standard.isEmpty() ? nullptr : fieldFor(standard); f && !f->present) {
            f->present = true;
            f->wrongType = !m.value.isString();
            f->value = m.value.isString() ? m.value.toString() : QString();
            f->where = locator.at(prefix + standard, m.valueSpan);
        }
    }
    for (const QString& key : standardKeys()) {
        FieldValue* f = fieldFor(key);
        if (!f->present) {
            f->where.field = prefix + key;
        }
    }
    result.diagnostics.append(checkFields(fields, clock));

    if (options.profile) {
        // The budget of the text as the trunk would carry it: Set UUI Data sends the text as it is, spaces and line
        // breaks included.
        const QByteArray sent = analysed.trimmed();
        const SipBudget b = budgetForData(sent, *options.profile);
        const QByteArray compact = QJsonDocument(doc.object()).toJson(QJsonDocument::Compact);
        if (compact.size() < sent.size()) {
            result.diagnostics.append(diagnostics::make(
                "UUI028",
                handoff::uui::tr(
                    "The UUI has %1 bytes of spaces and line breaks between its fields; they are sent too. The compact "
                    "form is %2 bytes instead of %3.")
                    .arg(sent.size() - compact.size())
                    .arg(compact.size())
                    .arg(sent.size()),
                Location{u"budget"_s}));
        }
        result.budget = b;
        for (const Diagnostic& d : b.diagnostics) {
            Diagnostic copy = d;
            if (copy.code == u"SIP005"_s) {
                copy.where = Location{u"budget"_s}; // the byte offset is of the compact form
            }
            result.diagnostics.append(copy);
        }
    }
    return result;
}

namespace detail {

qsizetype signingInputLength(QStringView token) {
    qsizetype dots[2] = {-1, -1};
    int dotCount = 0;
    const auto* units = reinterpret_cast<const char16_t*>(token.data());
    for (qsizetype i = 0; i < token.size(); ++i) {
        const int unitClass = tokenUnitClass(units[i]);
        if (unitClass == 0) {
            return -1;
        }
        if (unitClass == 2) {
            if (dotCount == 2) {
                return -1;
            }
            dots[dotCount++] = i;
        }
    }
    const bool threeParts = dotCount == 2 && dots[0] > 0 && dots[1] > dots[0] + 1 && dots[1] + 1 < token.size();
    return threeParts ? dots[1] : -1;
}

FieldFindings lintModelFields(const UuiModel& model, const ComposedUui& composed, const Clock& clock,
                              const QString& fieldPrefix, bool checkTokenClaims, const jwt::DecodedJwt* decodedToken,
                              unsigned mask) {
    // A simulated call checks its UUI's fields under the same prefix every time: their names are made once a
    // thread, and shared.
    struct FieldNames {
        QString prefix;
        std::array<QString, 5> names;
    };
    static thread_local FieldNames cached;
    if (cached.names[0].isEmpty() || cached.prefix != fieldPrefix) {
        cached.prefix = fieldPrefix;
        for (UuiField field :
             {UuiField::OrgId, UuiField::Scrt2Domain, UuiField::Token, UuiField::CallId, UuiField::TransactionId}) {
            cached.names[static_cast<size_t>(field)] = fieldPrefix + fieldKey(field);
        }
    }
    Fields fields;
    auto fill = [&](FieldValue& f, UuiField field, const std::optional<QString>& value) {
        f.where.field = cached.names[static_cast<size_t>(field)];
        if (!value) {
            return;
        }
        f.present = true;
        f.value = *value;
        if (const FieldSpan* span = composed.find(field)) {
            f.where.offset = span->valueOffset;
            f.where.length = span->valueLength;
            // compose() writes one line of ASCII (every other character escaped), so a byte is a column.
            f.where.line = 1;
            f.where.column = static_cast<int>(span->valueOffset) + 1;
        }
    };
    fill(fields.orgId, UuiField::OrgId, model.orgId);
    fill(fields.scrt2Domain, UuiField::Scrt2Domain, model.scrt2Domain);
    fill(fields.token, UuiField::Token, model.token);
    fill(fields.callId, UuiField::CallId, model.callId);
    fill(fields.transactionId, UuiField::TransactionId, model.transactionId);
    fields.checkTokenClaims = checkTokenClaims;
    fields.decodedToken = decodedToken;
    return checkFieldsApart(fields, clock, mask);
}

} // namespace detail

Diagnostics lintModel(const UuiModel& model, const ComposedUui& composed, const Clock& clock,
                      const QString& fieldPrefix, bool checkTokenClaims, const jwt::DecodedJwt* decodedToken) {
    Diagnostics out = composed.diagnostics;
    for (const Diagnostics& field :
         detail::lintModelFields(model, composed, clock, fieldPrefix, checkTokenClaims, decodedToken)) {
        out.append(field);
    }
    return out;
}

} // namespace handoff::uui
