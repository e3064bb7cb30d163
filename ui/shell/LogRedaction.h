#pragma once

#include <QString>

namespace handoff::shell {

// Log lines never show a JWT's signature while the "Hide token signatures in logs" preference is on (the default):
// a token with its signature is a working credential until it expires.
//
// Replaces the signature of every JWT-shaped run of text ("eyJ...<header>.<payload>.<signature>") with a marker; the
// header and payload stay readable for debugging.
QString redactTokens(const QString& message);

// Installs a Qt message handler that redacts tokens (when the preference says so) before passing each message on
// to the handler that was installed before.
void installRedactingMessageHandler();

} // namespace handoff::shell
