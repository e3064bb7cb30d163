#pragma once

#include "common/Error.h"
#include "diagnostics/Diagnostic.h"

#include <QList>
#include <QString>
#include <QStringView>

#include <optional>

namespace handoff::salesforce {

// What a record id names, from its 3-character key prefix. Only the kinds this product meets are listed.
enum class IdKind {
    Unknown,
    Organization, // 00D
    VoiceCall,    // 0LQ
    CallCenter,   // 04v
    Account,      // 001
    Contact,      // 003
    User,         // 005
    Opportunity,  // 006
    Lead,         // 00Q
    Group,        // 00G (groups and queues)
    Case,         // 500
};

// Which length a field wants: either form, or exactly one of them.
enum class IdForm { Any, Id15, Id18 };

// A valid Salesforce record id, held as its case-sensitive 15-character form.
class SalesforceId final {
public:
    SalesforceId() = default;

    // Parses a 15- or 18-character id. An 18-character id must carry the suffix that matches the case of its first
    // 15 characters: a wrong suffix is ID003, a case-mangled id (for example lower-cased by a spreadsheet) is ID004
    // and its message names the repaired id.
    static Result<SalesforceId> parse(QStringView text);

    // Restores the case of an 18-character id whose letters were upper- or lower-cased, using its suffix.
    static Result<SalesforceId> restoreCase(QStringView id18);

    bool isNull() const { return m_id15.isEmpty(); }
    QString id15() const { return m_id15; }              // the case-sensitive form
    QString id18() const;                                // the case-safe form: id15 + 3-character suffix
    QString keyPrefix() const { return m_id15.left(3); } // e.g. "00D"
    IdKind kind() const;                                 // from the key prefix; Unknown when not listed

    friend bool operator==(const SalesforceId& a, const SalesforceId& b) { return a.m_id15 == b.m_id15; }

private:
    explicit SalesforceId(QString id15)
        : m_id15(std::move(id15)) {}
    QString m_id15;
};

// The 3-character case-safe suffix of a 15-character id (no validation beyond the length; empty if not 15).
QString caseSafeSuffix(QStringView id15);

// Whether parse() accepts `text` as it is: 15 letters and digits, or 18 whose last 3 are the suffix of the first 15
// exactly. Without parse()'s messages, for ids checked by the thousand (each simulated call's VoiceCall id).
bool isWellFormed(QStringView text);
// The 18-character form of an id isWellFormed() accepts; empty for any other text.
QString id18Of(QStringView text);

// The kind a key prefix names; Unknown for prefixes not in the table.
IdKind kindForPrefix(QStringView prefix);
// The key prefix of a kind ("00D" for Organization); empty for Unknown.
QString prefixForKind(IdKind kind);
// A person's name for a kind ("Organization", "VoiceCall", ...). Stable English, used in --json output.
QString kindName(IdKind kind);

// True when both are valid ids naming the same record (15 vs 18 characters compared case-safe).
bool sameId(QStringView a, QStringView b);

// Checks the id in a field: valid, of the expected kind (Unknown = any kind), in the expected form. Diagnostics
// point at `field`; wrong kind is ID005, a 15-character id where 18 is wanted ID006, 18 where 15 is wanted ID007.
diagnostics::Diagnostics checkId(QStringView text, const QString& field, IdKind expectedKind = IdKind::Unknown,
                                 IdForm expectedForm = IdForm::Any);

} // namespace handoff::salesforce
