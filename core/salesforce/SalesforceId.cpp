#include "SalesforceId.h"

#include "diagnostics/Catalog.h"

#include <QCoreApplication>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace handoff::salesforce {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("handoff::salesforce", text);
}

constexpr char kSuffixAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";

struct PrefixRow {
    const char* prefix;
    IdKind kind;
    const char* name;
};

constexpr PrefixRow kPrefixes[] = {
    {"00D", IdKind::Organization, "Organization"},
    {"0LQ", IdKind::VoiceCall, "VoiceCall"},
    {"04v", IdKind::CallCenter, "CallCenter"},
    {"001", IdKind::Account, "Account"},
    {"003", IdKind::Contact, "Contact"},
    {"005", IdKind::User, "User"},
    {"006", IdKind::Opportunity, "Opportunity"},
    {"00Q", IdKind::Lead, "Lead"},
    {"00G", IdKind::Group, "Group"},
    {"500", IdKind::Case, "Case"},
};

bool isIdChar(QChar c) {
    return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z');
}

bool isUpper(QChar c) {
    return c >= u'A' && c <= u'Z';
}

// The 5-bit mask a suffix character stands for, read case-insensitively; -1 if it is not in the alphabet.
int suffixValue(QChar c) {
    const QChar upper = c.toUpper();
    for (int i = 0; i < 32; ++i) {
        if (upper == QLatin1Char(kSuffixAlphabet[i])) {
            return i;
        }
    }
    return -1;
}

Result<void> checkLengthAndCharacters(QStringView text) {
    if (text.size() != 15 && text.size() != 18) {
        return fail(u"ID001"_s, handoff::salesforce::tr(
                                    "'%1' has %2 characters; a Salesforce id has 15 or 18. Copy the whole id from the "
                                    "record's URL or the API response.")
                                    .arg(text.toString(), QString::number(text.size())));
    }
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (!isIdChar(text[i])) {
            return fail(u"ID002"_s, handoff::salesforce::tr(
                                        "'%1' has the character '%2' at position %3; a Salesforce id has only letters "
                                        "A-Z, a-z and digits. Remove spaces, quotes or punctuation.")
                                        .arg(text.toString(), text[i], QString::number(i + 1)));
        }
    }
    return {};
}

} // namespace

namespace {

// The suffix's three characters, written to `out` (id15 has 15 characters). Checked and made for every call's
// VoiceCall id, so without a QString.
void writeSuffix(QStringView id15, char16_t* out) {
    for (int chunk = 0; chunk < 3; ++chunk) {
        int mask = 0;
        for (int i = 0; i < 5; ++i) {
            if (isUpper(id15[chunk * 5 + i])) {
                mask |= 1 << i;
            }
        }
        out[chunk] = char16_t(kSuffixAlphabet[mask]);
    }
}

} // namespace

bool isWellFormed(QStringView text) {
    if (text.size() != 15 && text.size() != 18) {
        return false;
    }
    for (const QChar c : text) {
        if (!isIdChar(c)) {
            return false;
        }
    }
    if (text.size() == 15) {
        return true;
    }
    char16_t suffix[3];
    writeSuffix(text.first(15), suffix);
    return text.sliced(15) == QStringView(suffix, 3);
}

QString id18Of(QStringView text) {
    if (!isWellFormed(text)) {
        return {};
    }
    QString out(18, Qt::Uninitialized);
    char16_t* data = reinterpret_cast<char16_t*>(out.data());
    std::copy_n(text.utf16(), 15, data);
    writeSuffix(text.first(15), data + 15);
    return out;
}

QString caseSafeSuffix(QStringView id15) {
    if (id15.size() != 15) {
        return {};
    }
    char16_t suffix[3];
    writeSuffix(id15, suffix);
    return QString(reinterpret_cast<const QChar*>(suffix), 3);
}

Result<SalesforceId> SalesforceId::parse(QStringView text) {
    if (isWellFormed(text)) {
        return SalesforceId(text.first(15).toString());
    }
    if (auto ok = checkLengthAndCharacters(text); !ok) {
        return tl::unexpected(ok.error());
    }
    const QStringView head = text.first(15);
    // Not the suffix of these exact characters: either the letters changed case on the way, or the suffix is
    // wrong. A blanket upper- or lower-casing (spreadsheets, case-insensitive fields) is the common accident; a
    // mixed-case id with a foreign suffix is more likely mistyped.
    const auto restored = restoreCase(text);
    bool hasUpper = false;
    bool hasLower = false;
    for (QChar c : head) {
        hasUpper = hasUpper || (c >= u'A' && c <= u'Z');
        hasLower = hasLower || (c >= u'a' && c <= u'z');
    }
    if (restored && !(hasUpper && hasLower)) {
        return fail(u"ID004"_s, handoff::salesforce::tr(
                                    "The case of '%1' does not match its last 3 characters, so its letters were upper- "
                                    "or lower-cased on the way (a spreadsheet or a case-insensitive field does this). "
                                    "The id it stands for is %2; use that.")
                                    .arg(text.toString(), restored->id18()));
    }
    QString message = handoff::salesforce::tr(
                          "The last 3 characters of '%1' are not the check suffix of its first 15 (that would be %2). "
                          "The id was mistyped or edited: copy it again from Salesforce.")
                          .arg(text.toString(), caseSafeSuffix(head));
    if (restored) {
        message +=
            u' ' +
            handoff::salesforce::tr("If only the case of its letters changed, it stands for %1.").arg(restored->id18());
    }
    return fail(u"ID003"_s, message);
}

Result<SalesforceId> SalesforceId::restoreCase(QStringView id18) {
    if (auto ok = checkLengthAndCharacters(id18); !ok) {
        return tl::unexpected(ok.error());
    }
    if (id18.size() != 18) {
        return fail(u"ID001"_s,
                    handoff::salesforce::tr("Only an 18-character id carries the case of its letters; '%1' has 15.")
                        .arg(id18.toString()));
    }
    QString restored;
    restored.reserve(15);
    for (int chunk = 0; chunk < 3; ++chunk) {
        const int mask = suffixValue(id18[15 + chunk]);
        if (mask < 0) {
            return fail(u"ID003"_s, handoff::salesforce::tr(
                                        "'%1' ends in characters that cannot be a check suffix (only A-Z and 0-5 "
                                        "are used). Copy the id again from Salesforce.")
                                        .arg(id18.toString()));
        }
        for (int i = 0; i < 5; ++i) {
            const QChar c = id18[chunk * 5 + i];
            const bool upper = (mask >> i) & 1;
            if (c.isDigit()) {
                if (upper) {
                    return fail(u"ID003"_s,
                                handoff::salesforce::tr(
                                    "The check suffix of '%1' marks a digit as an upper-case letter, so it does not "
                                    "belong to this id. Copy the id again from Salesforce.")
                                    .arg(id18.toString()));
                }
                restored += c;
            } else {
                restored += upper ? c.toUpper() : c.toLower();
            }
        }
    }
    return SalesforceId(restored);
}

QString SalesforceId::id18() const {
    return id18Of(m_id15); // empty for a null id
}

IdKind SalesforceId::kind() const {
    return kindForPrefix(QStringView(m_id15).left(3));
}

IdKind kindForPrefix(QStringView prefix) {
    for (const PrefixRow& row : kPrefixes) {
        if (prefix == QLatin1StringView(row.prefix)) {
            return row.kind;
        }
    }
    return IdKind::Unknown;
}

QString prefixForKind(IdKind kind) {
    for (const PrefixRow& row : kPrefixes) {
        if (row.kind == kind) {
            return QString::fromLatin1(row.prefix);
        }
    }
    return {};
}

QString kindName(IdKind kind) {
    for (const PrefixRow& row : kPrefixes) {
        if (row.kind == kind) {
            return QString::fromLatin1(row.name);
        }
    }
    return u"Unknown"_s;
}

bool sameId(QStringView a, QStringView b) {
    const auto first = SalesforceId::parse(a);
    const auto second = SalesforceId::parse(b);
    return first && second && *first == *second;
}

diagnostics::Diagnostics checkId(QStringView text, const QString& field, IdKind expectedKind, IdForm expectedForm) {
    diagnostics::Diagnostics list;
    const diagnostics::Location where{field};
    const auto id = SalesforceId::parse(text);
    if (!id) {
        list.append(diagnostics::make(id.error().code.toLatin1().constData(), id.error().message, where));
        return list;
    }
    if (expectedKind != IdKind::Unknown && id->kind() != expectedKind) {
        const QString actual =
            id->kind() == IdKind::Unknown
                ? handoff::salesforce::tr("an id with the key prefix %1").arg(id->keyPrefix())
                : handoff::salesforce::tr("a %1 id (key prefix %2)").arg(kindName(id->kind()), id->keyPrefix());
        list.append(diagnostics::make(
            "ID005",
            handoff::salesforce::tr("'%1' is %2, but this field wants an id of kind %3 (key prefix %4). Check that the "
                                    "right id was pasted here.")
                .arg(text.toString(), actual, kindName(expectedKind), prefixForKind(expectedKind)),
            where));
    }
    if (expectedForm == IdForm::Id18 && text.size() == 15) {
        list.append(diagnostics::make(
            "ID006",
            handoff::salesforce::tr("'%1' is the 15-character form; this field wants the 18-character form %2 "
                                    "(the same id with its case-safe suffix).")
                .arg(text.toString(), id->id18()),
            where));
    } else if (expectedForm == IdForm::Id15 && text.size() == 18) {
        list.append(diagnostics::make(
            "ID007",
            handoff::salesforce::tr("'%1' is the 18-character form; this field wants the 15-character form %2.")
                .arg(text.toString(), id->id15()),
            where));
    }
    return list;
}

} // namespace handoff::salesforce
