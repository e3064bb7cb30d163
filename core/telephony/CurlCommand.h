#pragma once

#include "telephony/VoiceCallsRequestBuilder.h"

#include <QString>

namespace handoff::telephony {

struct CurlOptions {
    // Print the real token. By default the token is replaced by a reference to the environment variable named
    // below, so the printed command is safe to paste into a ticket and still works once the variable is set.
    bool revealToken = false;
    QString tokenVariable = QStringLiteral("HANDOFF_API_TOKEN");
    QString caCertFile;         // --cacert, for the emulator's self-signed certificate
    int connectTimeoutSecs = 0; // --connect-timeout when > 0
    int maxTimeSecs = 0;        // --max-time when > 0
    bool multiline = true;      // one option per line, joined with " \"
};

// The cURL command that sends the same request, for POSIX shells (bash, zsh, sh): arguments single-quoted
// ('\'' inside), the redacted token as "$VAR" in double quotes.
QString renderCurl(const HttpRequestSpec& request, const CurlOptions& options = {});

// Quotes one argument for a POSIX shell.
QString shellQuote(const QString& argument);

} // namespace handoff::telephony
