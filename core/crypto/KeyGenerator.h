#pragma once

#include "common/Clock.h"
#include "common/Error.h"
#include "crypto/Certificate.h"
#include "crypto/PrivateKey.h"
#include "crypto/SecureBytes.h"

#include <QString>

namespace handoff::crypto {

struct KeyGenOptions {
    int bits = 2048;                                       // 2048 (recommended), 3072 or 4096; 1024 only with a warning
    int days = 365;                                        // certificate validity from the clock's now
    QString commonName = QStringLiteral("Handoff Studio"); // certificate subject CN (and issuer: self-signed)
};

struct GeneratedKeyPair {
    PrivateKey key;
    Certificate certificate;
};

// Checks the options: KEY014 for bits other than 1024/2048/3072/4096, days outside 1..3650, or an empty CN.
Result<void> checkKeyGenOptions(const KeyGenOptions& options);

// Makes an RSA key pair and a self-signed SHA-256 certificate valid from now for `days`, for upload to Salesforce.
Result<GeneratedKeyPair> generateKeyPair(const KeyGenOptions& options, const Clock& clock);

// Writes the key (0600, PKCS#8, encrypted when `passphrase` is not empty) and the certificate (PEM). Never replaces
// an existing key or certificate file (KEY015); writes nothing if either write would fail before the first one.
Result<void> writeKeyPair(const GeneratedKeyPair& pair, const QString& keyPath, const QString& certificatePath,
                          const SecureBytes& passphrase = {});

} // namespace handoff::crypto
