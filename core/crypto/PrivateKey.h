#pragma once

#include "common/Error.h"
#include "crypto/OpenSsl.h"
#include "crypto/SecureBytes.h"
#include "diagnostics/Diagnostic.h"

#include <QByteArray>
#include <QString>

namespace handoff::crypto {

enum class KeyAlgorithm { Rsa, Ec, Ed25519, Other };

// How a private key was stored where it was read from.
enum class KeyEncoding { Pkcs1, Pkcs8, EncryptedPkcs8, EncryptedPkcs1, Der };

QString algorithmName(KeyAlgorithm algorithm); // "RSA", "EC", "Ed25519", "other": stable, used in --json
QString keyEncodingName(KeyEncoding encoding); // "PKCS#1", "PKCS#8", "encrypted PKCS#8", ...

// A public key (RSA, EC, ...). Cheap to copy: copies share one reference-counted EVP_PKEY.
class PublicKey final {
public:
    PublicKey() = default;
    explicit PublicKey(EvpPkeyPtr key);
    PublicKey(const PublicKey& other);
    PublicKey& operator=(const PublicKey& other);
    PublicKey(PublicKey&&) noexcept = default;
    PublicKey& operator=(PublicKey&&) noexcept = default;
    ~PublicKey() = default;

    // Reads "-----BEGIN PUBLIC KEY-----" (SPKI) or "-----BEGIN RSA PUBLIC KEY-----" (PKCS#1) PEM.
    static Result<PublicKey> fromPem(QByteArrayView pem);

    bool isNull() const { return !m_key; }
    KeyAlgorithm algorithm() const;
    int bits() const;
    QByteArray spkiDer() const;    // SubjectPublicKeyInfo, DER
    QByteArray spkiSha256() const; // SHA-256 of spkiDer(), raw 32 bytes
    QByteArray toPem() const;      // SPKI PEM
    EVP_PKEY* get() const { return m_key.get(); }

private:
    EvpPkeyPtr m_key;
};

// A private key held in OpenSSL memory (which OpenSSL wipes when freed). Copies share one reference-counted
// EVP_PKEY, so passing it around never re-parses or duplicates key material.
class PrivateKey final {
public:
    PrivateKey() = default;
    PrivateKey(EvpPkeyPtr key, KeyEncoding encoding);
    PrivateKey(const PrivateKey& other);
    PrivateKey& operator=(const PrivateKey& other);
    PrivateKey(PrivateKey&&) noexcept = default;
    PrivateKey& operator=(PrivateKey&&) noexcept = default;
    ~PrivateKey() = default;

    // Reads a PEM private key: PKCS#1 ("BEGIN RSA PRIVATE KEY"), PKCS#8 ("BEGIN PRIVATE KEY") or encrypted PKCS#8
    // ("BEGIN ENCRYPTED PRIVATE KEY", needs `passphrase`). Errors: KEY002 not a key, KEY003 truncated, KEY004
    // passphrase needed, KEY005 wrong passphrase.
    static Result<PrivateKey> fromPem(QByteArrayView pem, const SecureBytes& passphrase = {});
    // Reads a key file (see fromPem); KEY001 when it cannot be read.
    static Result<PrivateKey> load(const QString& path, const SecureBytes& passphrase = {});

    bool isNull() const { return !m_key; }
    KeyAlgorithm algorithm() const;
    int bits() const;
    KeyEncoding encoding() const { return m_encoding; } // how it was stored when read (PKCS#8 once generated)
    PublicKey publicKey() const;

    // PKCS#8 PEM; encrypted with AES-256-CBC (PBES2, PBKDF2) when `passphrase` is not empty.
    Result<SecureBytes> toPem(const SecureBytes& passphrase = {}) const;

    // Whether this key can sign RS256: KEY006 (not RSA) and KEY008 (under 1024 bits) are errors, KEY007 (1024 bits,
    // deprecated) a warning. Empty when fine. Diagnostics point at `field`.
    diagnostics::Diagnostics checkForRs256(const QString& field = QStringLiteral("key")) const;
    // The first error of checkForRs256 as an Error, for signing paths.
    Result<void> requireRs256() const;

    EVP_PKEY* get() const { return m_key.get(); }

private:
    EvpPkeyPtr m_key;
    KeyEncoding m_encoding = KeyEncoding::Pkcs8;
};

// The work factor an encrypted key asks for: the PBKDF2 (or PKCS#12 PBE) iteration count of an encrypted PKCS#8 key,
// PEM or DER; 0 for a key that is not encrypted that way. Read before any decryption is attempted.
qint64 passphraseIterations(QByteArrayView key);
// More iterations than this are refused (KEY020) before decrypting, so that a pasted key cannot make the app spend
// minutes or hours deriving a key. The largest count in common use (600,000 for PBKDF2-SHA256) is well inside it.
inline constexpr qint64 kMaxPassphraseIterations = 10'000'000;
// KEY020 when passphraseIterations(key) is above kMaxPassphraseIterations.
Result<void> checkPassphraseWorkFactor(QByteArrayView key);

// Whether `key` is the private half of `publicKey` (KEY009 is the caller's to report).
bool keysMatch(const PrivateKey& key, const PublicKey& publicKey);

// The RS256 fitness of a key of this algorithm and size (KEY006, KEY007, KEY008); shared by keys and certificates.
diagnostics::Diagnostics rs256KeyDiagnostics(KeyAlgorithm algorithm, int bits, const QString& field);

// KEY017 when a key file can be read or written by users other than its owner.
diagnostics::Diagnostics checkKeyFilePermissions(const QString& path, const QString& field = QStringLiteral("key"));

// Lower-case hex with colons ("ab:cd:..."), as fingerprints are usually shown.
QString fingerprintHex(const QByteArray& digest);

} // namespace handoff::crypto
