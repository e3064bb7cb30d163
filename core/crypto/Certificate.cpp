#include "Certificate.h"

#include "diagnostics/Catalog.h"

#include <QCoreApplication>
#include <QFile>
#include <QTimeZone>

#include <openssl/asn1.h>
#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/objects.h>
#include <openssl/pem.h>

#include <ctime>

using namespace Qt::StringLiterals;

namespace handoff::crypto {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("handoff::crypto", text);
}

QString nameToString(const X509_NAME* name) {
    if (!name) {
        return {};
    }
    BioPtr bio = newMemoryBio();
    X509_NAME_print_ex(bio.get(), name, 0, XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB);
    return QString::fromUtf8(bioContents(bio.get()));
}

QDateTime toDateTime(const ASN1_TIME* time) {
    std::tm tm{};
    if (!time || !ASN1_TIME_to_tm(time, &tm)) {
        return {};
    }
    return QDateTime(QDate(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday), QTime(tm.tm_hour, tm.tm_min, tm.tm_sec),
                     Qt::UTC);
}

constexpr int kExpiryWarningDays = 30;

} // namespace

Certificate::Certificate(X509Ptr certificate)
    : m_cert(std::move(certificate)) {}

Certificate::Certificate(const Certificate& other) {
    if (other.m_cert) {
        X509_up_ref(other.m_cert.get());
        m_cert.reset(other.m_cert.get());
    }
}

Certificate& Certificate::operator=(const Certificate& other) {
    if (this != &other) {
        if (other.m_cert) {
            X509_up_ref(other.m_cert.get());
        }
        m_cert.reset(other.m_cert.get());
    }
    return *this;
}

Result<Certificate> Certificate::fromData(QByteArrayView data) {
    const QByteArrayView begin("-----BEGIN CERTIFICATE-----");
    if (data.contains(begin)) {
        if (!data.contains(QByteArrayView("-----END CERTIFICATE-----"))) {
            return fail(u"KEY003"_s, handoff::crypto::tr(
                                         "The certificate is cut short: its -----END CERTIFICATE----- line is missing. "
                                         "Copy the whole file."));
        }
        BioPtr bio = memoryBio(data);
        X509Ptr cert(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr));
        if (!cert) {
            ERR_clear_error();
            return fail(u"KEY013"_s,
                        handoff::crypto::tr("The certificate PEM is damaged and cannot be read. Export it again."));
        }
        return Certificate(std::move(cert));
    }
    if (data.contains(QByteArrayView("PRIVATE KEY-----"))) {
        return fail(u"KEY013"_s,
                    handoff::crypto::tr("This is a private key, not a certificate. Choose the certificate (.crt or "
                                        ".pem with -----BEGIN CERTIFICATE-----)."));
    }
    const auto* cursor = reinterpret_cast<const unsigned char*>(data.data());
    X509Ptr cert(d2i_X509(nullptr, &cursor, long(data.size())));
    if (!cert) {
        ERR_clear_error();
        return fail(u"KEY013"_s,
                    handoff::crypto::tr("This is not a certificate (neither PEM nor DER). Choose the certificate file "
                                        "that was uploaded to Salesforce."));
    }
    return Certificate(std::move(cert));
}

Result<Certificate> Certificate::load(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return fail(u"KEY001"_s,
                    handoff::crypto::tr("Cannot read the certificate file %1: %2.").arg(path, file.errorString()));
    }
    return fromData(file.readAll());
}

QString Certificate::subject() const {
    return m_cert ? nameToString(X509_get_subject_name(m_cert.get())) : QString();
}

QString Certificate::issuer() const {
    return m_cert ? nameToString(X509_get_issuer_name(m_cert.get())) : QString();
}

QString Certificate::commonName() const {
    if (!m_cert) {
        return {};
    }
    const X509_NAME* name = X509_get_subject_name(m_cert.get());
    const int index = X509_NAME_get_index_by_NID(name, NID_commonName, -1);
    if (index < 0) {
        return {};
    }
    const ASN1_STRING* value = X509_NAME_ENTRY_get_data(X509_NAME_get_entry(name, index));
    unsigned char* utf8 = nullptr;
    const int length = ASN1_STRING_to_UTF8(&utf8, value);
    if (length < 0) {
        return {};
    }
    QString result = QString::fromUtf8(reinterpret_cast<const char*>(utf8), length);
    OPENSSL_free(utf8);
    return result;
}

QString Certificate::serialNumberHex() const {
    if (!m_cert) {
        return {};
    }
    BIGNUM* bn = ASN1_INTEGER_to_BN(X509_get0_serialNumber(m_cert.get()), nullptr);
    if (!bn) {
        return {};
    }
    char* hex = BN_bn2hex(bn);
    QString result = QString::fromLatin1(hex).toLower();
    OPENSSL_free(hex);
    BN_free(bn);
    return result;
}

QString Certificate::signatureAlgorithm() const {
    if (!m_cert) {
        return {};
    }
    return QString::fromLatin1(OBJ_nid2ln(X509_get_signature_nid(m_cert.get())));
}

QDateTime Certificate::notBefore() const {
    return m_cert ? toDateTime(X509_get0_notBefore(m_cert.get())) : QDateTime();
}

QDateTime Certificate::notAfter() const {
    return m_cert ? toDateTime(X509_get0_notAfter(m_cert.get())) : QDateTime();
}

bool Certificate::isSelfSigned() const {
    if (!m_cert) {
        return false;
    }
    const bool selfSigned = X509_self_signed(m_cert.get(), 1) == 1;
    ERR_clear_error();
    return selfSigned;
}

QByteArray Certificate::der() const {
    if (!m_cert) {
        return {};
    }
    unsigned char* der = nullptr;
    const int length = i2d_X509(m_cert.get(), &der);
    if (length <= 0) {
        return {};
    }
    QByteArray result(reinterpret_cast<const char*>(der), length);
    OPENSSL_free(der);
    return result;
}

QByteArray Certificate::toPem() const {
    if (!m_cert) {
        return {};
    }
    BioPtr bio = newMemoryBio();
    if (!PEM_write_bio_X509(bio.get(), m_cert.get())) {
        return {};
    }
    return bioContents(bio.get());
}

QByteArray Certificate::sha256Fingerprint() const {
    if (!m_cert) {
        return {};
    }
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (!X509_digest(m_cert.get(), EVP_sha256(), digest, &length)) {
        return {};
    }
    return QByteArray(reinterpret_cast<const char*>(digest), int(length));
}

PublicKey Certificate::publicKey() const {
    if (!m_cert) {
        return {};
    }
    return PublicKey(EvpPkeyPtr(X509_get_pubkey(m_cert.get())));
}

bool Certificate::matches(const PrivateKey& key) const {
    return keysMatch(key, publicKey());
}

diagnostics::Diagnostics Certificate::check(const Clock& clock, const QString& field) const {
    diagnostics::Diagnostics list;
    if (!m_cert) {
        return list;
    }
    const diagnostics::Location where{field};
    const QDateTime now = clock.now();
    const QDateTime from = notBefore();
    const QDateTime until = notAfter();
    const auto iso = [](const QDateTime& t) { return t.toString(Qt::ISODate); };
    if (until.isValid() && until < now) {
        list.append(diagnostics::make(
            "KEY010",
            handoff::crypto::tr("The certificate expired on %1. Tokens it verifies are refused: generate a "
                                "new key pair and register the new certificate in Salesforce.")
                .arg(iso(until)),
            where));
    } else if (from.isValid() && from > now) {
        list.append(diagnostics::make(
            "KEY011",
            handoff::crypto::tr("The certificate is not valid before %1. Check the computer's clock, or wait "
                                "until then.")
                .arg(iso(from)),
            where));
    } else if (until.isValid() && until <= now.addDays(kExpiryWarningDays)) {
        list.append(diagnostics::make(
            "KEY012",
            handoff::crypto::tr("The certificate expires on %1, in less than %2 days. Plan a new key pair and "
                                "register its certificate before then.")
                .arg(iso(until), QString::number(kExpiryWarningDays)),
            where));
    }
    const int nid = X509_get_signature_nid(m_cert.get());
    if (nid == NID_sha1WithRSAEncryption || nid == NID_md5WithRSAEncryption || nid == NID_ecdsa_with_SHA1) {
        list.append(
            diagnostics::make("KEY016",
                              handoff::crypto::tr("The certificate is signed with %1, a weak digest. Generate a new "
                                                  "certificate with SHA-256.")
                                  .arg(signatureAlgorithm()),
                              where));
    }
    const PublicKey key = publicKey();
    list.append(rs256KeyDiagnostics(key.algorithm(), key.bits(), field));
    return list;
}

} // namespace handoff::crypto
