#pragma once

#include "diagnostics/Diagnostic.h"
#include "uui/UuiModel.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace handoff::uui {

// Where one member of the composed JSON sits, as byte offsets into ComposedUui::json (UTF-8).
//
// Attribution, so that the shares of all members plus the two braces add up to the JSON's size: a member owns its
// `"key":"value"` text and the comma before it (the first member has none). The braces `{` `}` belong to no member.
struct FieldSpan {
    UuiField field = UuiField::Custom;
    QString key;               // the JSON key as written ("orgId", or the custom parameter's key)
    int customIndex = -1;      // index into UuiModel::customParams for Custom, else -1
    qsizetype offset = 0;      // first byte owned by the member (its leading comma, if any)
    qsizetype length = 0;      // bytes owned by the member, comma and key included
    qsizetype valueOffset = 0; // first byte of the value's text between its quotes
    qsizetype valueLength = 0; // bytes of the value's text between its quotes (escaped form)

    qsizetype overhead() const { return length - valueLength; } // comma, quotes, key and colon
};

struct ComposedUui {
    QByteArray json;                      // compact JSON: {"orgId":"...","scrt2Domain":"...",...}
    QList<FieldSpan> fields;              // in JSON order
    diagnostics::Diagnostics diagnostics; // composition problems (UUI04x): duplicate or empty custom keys, ...

    static constexpr qsizetype kBraceBytes = 2; // `{` and `}`
    const FieldSpan* find(UuiField field) const;
    const FieldSpan* findKey(const QString& key) const;
};

// Writes the UUI as compact JSON in the fixed key order orgId, scrt2Domain, token, callId, transactionId, then the
// custom parameters in order. Strings are escaped per RFC 8259 (quote, backslash, control characters), and every
// character outside printable ASCII is written as a backslash-u escape (u+4 hex digits) (two for a character outside
// the BMP), so that no byte of the JSON is 128-255: Genesys cannot decode such bytes from hex. Never fails; problems
// are reported in `diagnostics`.
ComposedUui compose(const UuiModel& model);

// Appends `text` as a JSON string literal (with quotes) to `out`, escaped as compose() does.
void appendJsonString(QByteArray& out, const QString& text);

} // namespace handoff::uui
