#pragma once

#include "common/Clock.h"
#include "common/Error.h"

#include <QByteArray>

namespace handoff::emulator {

// A throw-away TLS identity for the emulator: an EC P-256 key and a self-signed certificate for 127.0.0.1 and
// localhost (subjectAltName), valid from an hour before the clock's now for 30 days. Never written to disk by the
// emulator; clients trust it by the SHA-256 of the certificate (its pin), or curl by --cacert.
struct LoopbackCertificate {
    QByteArray certificatePem;
    QByteArray privateKeyPem;
    QByteArray sha256; // SHA-256 of the certificate's DER, raw 32 bytes

    // EMU001 when OpenSSL fails.
    static Result<LoopbackCertificate> generate(const Clock& clock);
};

} // namespace handoff::emulator
