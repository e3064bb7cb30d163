#include "emulator/LoopbackCertificate.h"

#include "crypto/OpenSsl.h"

#include <QCoreApplication>
#include <QCryptographicHash>

#include <openssl/ec.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509v3.h>

using namespace Qt::StringLiterals;

namespace handoff::emulator {

namespace {

using X509ExtensionPtr = std::unique_ptr<X509_EXTENSION, crypto::OpenSslDeleter<&X509_EXTENSION_free>>;

Result<LoopbackCertificate> failed(const char* step) {
    return fail(u"EMU001"_s, QCoreApplication::translate("handoff::emulator",
                                                         "Could not make the emulator's TLS certificate (%1: %2).")
                                 .arg(QString::fromLatin1(step), crypto::takeOpenSslErrors()));
}

bool addExtension(X509* certificate, int nid, const char* value) {
    X509V3_CTX context;
    X509V3_set_ctx_nodb(&context);
    X509V3_set_ctx(&context, certificate, certificate, nullptr, nullptr, 0);
    X509ExtensionPtr extension(X509V3_EXT_conf_nid(nullptr, &context, nid, value));
    return extension && X509_add_ext(certificate, extension.get(), -1) == 1;
}

} // namespace

Result<LoopbackCertificate> LoopbackCertificate::generate(const Clock& clock) {
    crypto::EvpPkeyPtr key(EVP_EC_gen("P-256"));
    if (!key) {
        return failed("key");
    }
    crypto::X509Ptr certificate(X509_new());
    if (!certificate || X509_set_version(certificate.get(), X509_VERSION_3) != 1) {
        return failed("certificate");
    }
    unsigned char serial[16];
    if (RAND_bytes(serial, sizeof serial) != 1) {
        return failed("serial");
    }
    serial[0] &= 0x7f;
    std::unique_ptr<BIGNUM, crypto::OpenSslDeleter<&BN_free>> number(BN_bin2bn(serial, sizeof serial, nullptr));
    if (!number || !BN_to_ASN1_INTEGER(number.get(), X509_get_serialNumber(certificate.get()))) {
        return failed("serial");
    }
    const time_t now = static_cast<time_t>(clock.nowSecs());
    if (!ASN1_TIME_set(X509_getm_notBefore(certificate.get()), now - 3600) ||
        !ASN1_TIME_set(X509_getm_notAfter(certificate.get()), now + 30 * 86400)) {
        return failed("validity");
    }
    X509_NAME* name = X509_get_subject_name(certificate.get());
    const auto* commonName = reinterpret_cast<const unsigned char*>("Handoff Studio emulator (127.0.0.1)");
    if (X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, commonName, -1, -1, 0) != 1 ||
        X509_set_issuer_name(certificate.get(), name) != 1 || X509_set_pubkey(certificate.get(), key.get()) != 1) {
        return failed("name");
    }
    if (!addExtension(certificate.get(), NID_subject_alt_name, "IP:127.0.0.1,DNS:localhost") ||
        !addExtension(certificate.get(), NID_key_usage, "critical,digitalSignature") ||
        !addExtension(certificate.get(), NID_ext_key_usage, "serverAuth")) {
        return failed("extensions");
    }
    if (X509_sign(certificate.get(), key.get(), EVP_sha256()) <= 0) {
        return failed("sign");
    }

    LoopbackCertificate result;
    crypto::BioPtr certificateBio = crypto::newMemoryBio();
    crypto::BioPtr keyBio = crypto::newMemoryBio();
    if (PEM_write_bio_X509(certificateBio.get(), certificate.get()) != 1 ||
        PEM_write_bio_PrivateKey(keyBio.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1) {
        return failed("PEM");
    }
    result.certificatePem = crypto::bioContents(certificateBio.get());
    result.privateKeyPem = crypto::bioContents(keyBio.get());
    unsigned char* der = nullptr;
    const int derLength = i2d_X509(certificate.get(), &der);
    if (derLength <= 0) {
        return failed("DER");
    }
    result.sha256 = QCryptographicHash::hash(QByteArrayView(der, derLength), QCryptographicHash::Sha256);
    OPENSSL_free(der);
    return result;
}

} // namespace handoff::emulator
