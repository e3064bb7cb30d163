#pragma once

#include "uui/TrunkUuiProfile.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>

namespace handoff::sip {

// A User-to-User (or X-User-to-User) header as the receiving side reads it, in every form a Genesys trunk can
// write (docs/sip.md): "<PD><hex>;encoding=hex;...", "<hex>;pd=XX;encoding=hex;...", ascii, or no encoding
// parameter (then hex, as Genesys assumes).
struct ReadUui {
    bool ok = false;
    QString errorCode; // RSIP012 (not valid under its encoding), RSIP013 (bytes 128-255 in decoded hex)
    QString error;     // English, for the SIP reason and Warning (the wire does not follow the UI language)
    QByteArray data;   // the UUI octets, PD removed
    uui::UuiEncoding encoding = uui::UuiEncoding::Hex;
    bool encodingGiven = false;
    uui::PdMode pdMode = uui::PdMode::None;
    std::optional<quint8> pd;
    QStringList parameters; // the parameters after the data, as sent, without ';'
    qsizetype headerLineLength = 0;
    qsizetype headerValueLength = 0;
    qsizetype decodedLength = 0; // the octets of the value, PD prefix included

    qsizetype lengthFor(uui::LimitAppliesTo appliesTo) const;
    QString form() const; // "hex, PD prefix 04" ... (English, for notes)
};

// Reads `value` (everything after "<name>:", surrounding whitespace ignored) of the header `name`.
ReadUui readUuiHeader(const QString& name, const QByteArray& value);

// Whether a header name is one of the two the trunk can write (case-insensitive, as SIP header names are).
bool isUuiHeaderName(const QString& name);

} // namespace handoff::sip
