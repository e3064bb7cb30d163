#include "KeyGenerator.h"

#include "common/SaveFile.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/rand.h>
#include <openssl/rsa.h>
#include <openssl/x509v3.h>

using namespace Qt::StringLiterals;

namespace handoff::crypto {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("handoff::crypto", text);
}

bool addExtension(X509* cert, int nid, const char* value) {
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, cert, cert, nullptr, nullptr, 0);
    X509_EXTENSION* extension = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value);
    if (!extension) {
        return false;
    }
    const bool added = X509_add_ext(cert, extension, -1) == 1;
    X509_EXTENSION_free(extension);
    return added;
}

} // namespace

Result<void> checkKeyGenOptions(const KeyGenOptions& options) {
    if (options.bits != 1024 && options.bits != 2048 && options.bits != 3072 && options.bits != 4096) {
        return fail(u"KEY014"_s, handoff::crypto::tr(
                                     "%1 bits is not offered; choose 2048 (recommended), 3072 or 4096 (1024 only for "
                                     "old setups: it is deprecated).")
                                     .arg(options.bits));
    }
    if (options.days < 1 || options.days > 3650) {
        return fail(u"KEY014"_s,
                    handoff::crypto::tr("A validity of %1 days is out of range; choose 1 to 3650 (365 is usual).")
                        .arg(options.days));
    }
    if (options.commonName.trimmed().isEmpty()) {
        return fail(u"KEY014"_s,
                    handoff::crypto::tr("The certificate needs a common name (CN), for example your company or "
                                        "integration name."));
    }
    if (options.commonName.toUtf8().size() > 64) {
        return fail(u"KEY014"_s,
                    handoff::crypto::tr("The common name has more than 64 bytes, the X.509 limit; shorten it."));
    }
    return {};
}

Result<GeneratedKeyPair> generateKeyPair(const KeyGenOptions& options, const Clock& clock) {
    if (auto ok = checkKeyGenOptions(options); !ok) {
        return tl::unexpected(ok.error());
    }
    auto opensslFailure = [](const QString& what) {
        return fail(u"KEY018"_s, handoff::crypto::tr("Could not %1: %2.").arg(what, takeOpenSslErrors()));
    };
    EvpPkeyPtr key(EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", size_t(options.bits)));
    if (!key) {
        return opensslFailure(handoff::crypto::tr("generate the RSA key"));
    }
    X509Ptr cert(X509_new());
    if (!cert || !X509_set_version(cert.get(), X509_VERSION_3)) {
        return opensslFailure(handoff::crypto::tr("create the certificate"));
    }
    // A random positive 127-bit serial number, as CAs use.
    BIGNUM* serial = BN_new();
    if (!serial || !BN_rand(serial, 127, BN_RAND_TOP_ANY, BN_RAND_BOTTOM_ANY) ||
        !BN_to_ASN1_INTEGER(serial, X509_get_serialNumber(cert.get()))) {
        BN_free(serial);
        return opensslFailure(handoff::crypto::tr("make a serial number"));
    }
    BN_free(serial);
    const qint64 now = clock.nowSecs();
    if (!ASN1_TIME_set(X509_getm_notBefore(cert.get()), time_t(now)) ||
        !ASN1_TIME_set(X509_getm_notAfter(cert.get()), time_t(now + qint64(options.days) * 86400))) {
        return opensslFailure(handoff::crypto::tr("set the validity"));
    }
    X509_NAME* name = X509_get_subject_name(cert.get());
    const QByteArray cn = options.commonName.trimmed().toUtf8();
    if (!X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8, reinterpret_cast<const unsigned char*>(cn.constData()),
                                    int(cn.size()), -1, 0) ||
        !X509_set_issuer_name(cert.get(), name) || !X509_set_pubkey(cert.get(), key.get())) {
        return opensslFailure(handoff::crypto::tr("set the certificate's name and key"));
    }
    if (!addExtension(cert.get(), NID_basic_constraints, "critical,CA:FALSE") ||
        !addExtension(cert.get(), NID_key_usage, "critical,digitalSignature") ||
        !addExtension(cert.get(), NID_subject_key_identifier, "hash")) {
        return opensslFailure(handoff::crypto::tr("add the certificate extensions"));
    }
    if (X509_sign(cert.get(), key.get(), EVP_sha256()) <= 0) {
        return opensslFailure(handoff::crypto::tr("sign the certificate"));
    }
    return GeneratedKeyPair{PrivateKey(std::move(key), KeyEncoding::Pkcs8), Certificate(std::move(cert))};
}

Result<void> writeKeyPair(const GeneratedKeyPair& pair, const QString& keyPath, const QString& certificatePath,
                          const SecureBytes& passphrase) {
    if (QFileInfo(keyPath).absoluteFilePath() == QFileInfo(certificatePath).absoluteFilePath()) {
        return fail(u"KEY014"_s, handoff::crypto::tr("The key and the certificate need two different files."));
    }
    for (const QString& path : {keyPath, certificatePath}) {
        if (QFileInfo::exists(path)) {
            return fail(u"KEY015"_s,
                        handoff::crypto::tr("%1 already exists and is left as it is. Choose another file name, or move "
                                            "the old file away first (a key that is replaced cannot be recovered).")
                            .arg(path));
        }
    }
    auto pem = pair.key.toPem(passphrase);
    if (!pem) {
        return tl::unexpected(pem.error());
    }
    io::SaveOptions keyOptions = io::ownerOnly();
    keyOptions.failIfExists = true;
    // saveAtomically takes a QByteArray: hand it one that does not own a copy of the key.
    const QByteArray keyBytes = QByteArray::fromRawData(pem->data(), pem->size());
    if (auto saved = io::saveAtomically(keyPath, keyBytes, keyOptions); !saved) {
        return tl::unexpected(saved.error());
    }
    io::SaveOptions certOptions;
    certOptions.failIfExists = true;
    if (auto saved = io::saveAtomically(certificatePath, pair.certificate.toPem(), certOptions); !saved) {
        // Leave no key behind without its certificate: remove the key file written a moment ago.
        QFile::remove(keyPath);
        return tl::unexpected(saved.error());
    }
    return {};
}

} // namespace handoff::crypto
