#pragma once

#include <QByteArray>
#include <QLoggingCategory>
#include <QString>

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/x509.h>

#include <memory>

Q_DECLARE_LOGGING_CATEGORY(lcCrypto)

namespace handoff::crypto {

// std::unique_ptr deleters for OpenSSL objects: each owner frees with the matching *_free function.
template <auto FreeFunction>
struct OpenSslDeleter {
    template <typename T>
    void operator()(T* object) const {
        FreeFunction(object);
    }
};

using EvpPkeyPtr = std::unique_ptr<EVP_PKEY, OpenSslDeleter<&EVP_PKEY_free>>;
using EvpPkeyCtxPtr = std::unique_ptr<EVP_PKEY_CTX, OpenSslDeleter<&EVP_PKEY_CTX_free>>;
using EvpMdCtxPtr = std::unique_ptr<EVP_MD_CTX, OpenSslDeleter<&EVP_MD_CTX_free>>;
using X509Ptr = std::unique_ptr<X509, OpenSslDeleter<&X509_free>>;
using X509NamePtr = std::unique_ptr<X509_NAME, OpenSslDeleter<&X509_NAME_free>>;
using BioPtr = std::unique_ptr<BIO, OpenSslDeleter<&BIO_free_all>>;

// A read-only memory BIO over `data` (which must outlive the BIO).
BioPtr memoryBio(QByteArrayView data);
// An empty, growable memory BIO to write into.
BioPtr newMemoryBio();
// The bytes written into a memory BIO.
QByteArray bioContents(BIO* bio);
// Drains OpenSSL's error queue of this thread into one line ("" when empty), for logs and error details.
QString takeOpenSslErrors();

} // namespace handoff::crypto
