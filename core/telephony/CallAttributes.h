#pragma once

#include "common/Error.h"
#include "diagnostics/Diagnostic.h"
#include "telephony/VoiceCallRequest.h"

#include <QList>
#include <QString>

namespace handoff::telephony {

// `callAttributes` is sent as a *string* that holds a JSON object (docs/emulator.md). These helpers keep the admin's
// ordered key/value pairs and produce that string, in the same order.

// The JSON object text, compact and in order: {"Department__c":"Support"}. Empty list = empty string (not sent).
QString callAttributesJson(const QList<CallAttribute>& attributes);

// TEL005 for an empty, malformed (not a field API name) or repeated field name.
diagnostics::Diagnostics validateCallAttributes(const QList<CallAttribute>& attributes,
                                                const QString& field = QStringLiteral("callAttributes"));

struct ParsedCallAttributes {
    QList<CallAttribute> attributes;
    diagnostics::Diagnostics diagnostics;
};

// Reads pasted text into pairs: a JSON object, a JSON string holding one (the escaped form the API sends), or the
// help article's single-quote form `{'Department__c':'Support'}` (read, with a TEL004 warning, and typographic
// quotes alike). Non-string JSON values keep their JSON text. Text that is none of these: TEL005 and no pairs.
ParsedCallAttributes parseCallAttributes(const QString& text);

} // namespace handoff::telephony
