#pragma once

#include "common/Clock.h"
#include "common/Error.h"
#include "crypto/OpenSsl.h"
#include "crypto/PrivateKey.h"
#include "diagnostics/Diagnostic.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace handoff::crypto {

// An X.509 certificate. Cheap to copy (shares one reference-counted X509).
class Certificate final {
public:
    Certificate() = default;
    explicit Certificate(X509Ptr certificate);
    Certificate(const Certificate& other);
    Certificate& operator=(const Certificate& other);
    Certificate(Certificate&&) noexcept = default;
    Certificate& operator=(Certificate&&) noexcept = default;
    ~Certificate() = default;

    // Reads a certificate in PEM or DER (detected). Errors: KEY013 not a certificate, KEY003 truncated PEM.
    static Result<Certificate> fromData(QByteArrayView data);
    // Reads a certificate file (see fromData); KEY001 when it cannot be read.
    static Result<Certificate> load(const QString& path);

    bool isNull() const { return !m_cert; }
    QString subject() const;    // one line, RFC 2253 style ("CN=handoff,O=...")
    QString issuer() const;     // same form
    QString commonName() const; // the subject's CN, empty if none
    QString serialNumberHex() const;
    QString signatureAlgorithm() const; // e.g. "sha256WithRSAEncryption"
    QDateTime notBefore() const;        // UTC
    QDateTime notAfter() const;         // UTC
    bool isSelfSigned() const;
    QByteArray der() const;
    QByteArray toPem() const;
    QByteArray sha256Fingerprint() const; // SHA-256 of der(), raw 32 bytes
    PublicKey publicKey() const;
    bool matches(const PrivateKey& key) const; // the key is this certificate's private half

    // Validity at the clock's time (KEY010 expired, KEY011 not yet valid, KEY012 expires within 30 days), a SHA-1
    // or MD5 signature (KEY016), and the public key's fitness for RS256 (see PrivateKey::checkForRs256).
    diagnostics::Diagnostics check(const Clock& clock, const QString& field = QStringLiteral("certificate")) const;

    X509* get() const { return m_cert.get(); }

private:
    X509Ptr m_cert;
};

} // namespace handoff::crypto
