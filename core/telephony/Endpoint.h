#pragma once

#include "diagnostics/Diagnostic.h"

#include <QString>
#include <QUrl>

namespace handoff::telephony {

// Where the request goes, and what was found on the way (ORG0xx from the SCRT2 parser, TEL006/TEL010).
struct Endpoint {
    QUrl voiceCallsUrl; // empty when unusable
    bool loopback = false;
    diagnostics::Diagnostics diagnostics;
};

// Normalises a base URL into the voiceCalls endpoint. An SCRT2 domain or URL in any of its written forms goes through
// salesforce::parseScrt2 (https only). An address on this computer (127.0.0.1, ::1, localhost: the emulator) keeps its
// scheme and port, with TEL010 for plain http. Anything else is refused, so a token never goes to a stranger.
Endpoint resolveEndpoint(const QString& baseUrl);

} // namespace handoff::telephony
