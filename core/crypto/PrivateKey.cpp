#include "PrivateKey.h"

#include "diagnostics/Catalog.h"

#include <QCoreApplication>
#include <QFile>

#include <openssl/core_names.h>
#include <openssl/decoder.h>
#include <openssl/encoder.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <limits>

using namespace Qt::StringLiterals;

namespace handoff::crypto {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("handoff::crypto", text);
}

using DecoderCtxPtr = std::unique_ptr<OSSL_DECODER_CTX, OpenSslDeleter<&OSSL_DECODER_CTX_free>>;
using EncoderCtxPtr = std::unique_ptr<OSSL_ENCODER_CTX, OpenSslDeleter<&OSSL_ENCODER_CTX_free>>;

// Refuses to ask for a passphrase (OpenSSL would otherwise try a terminal prompt).
int noPassphrase(char*, size_t, size_t*, const OSSL_PARAM[], void*) {
    return 0;
}

// The label of the first PEM block ("RSA PRIVATE KEY"), empty if there is none.
QByteArray pemLabel(QByteArrayView data) {
    const QByteArrayView begin("-----BEGIN ");
    const qsizetype start = data.indexOf(begin);
    if (start < 0) {
        return {};
    }
    const qsizetype labelStart = start + begin.size();
    const qsizetype labelEnd = data.indexOf(QByteArrayView("-----"), labelStart);
    if (labelEnd < 0) {
        return {};
    }
    return data.sliced(labelStart, labelEnd - labelStart).toByteArray();
}

// The first PEM block whose label names a private key (a file may also hold certificates, in any order); the whole
// input when there is none. A block without its END line runs to the end of the input.
QByteArrayView privateKeyBlock(QByteArrayView data) {
    const QByteArrayView begin("-----BEGIN ");
    for (qsizetype start = data.indexOf(begin); start >= 0; start = data.indexOf(begin, start + 1)) {
        const QByteArray label = pemLabel(data.sliced(start));
        if (!label.contains("PRIVATE KEY")) {
            continue;
        }
        const QByteArray endLine = "-----END " + label + "-----";
        const qsizetype end = data.indexOf(endLine, start);
        return end < 0 ? data.sliced(start) : data.sliced(start, end + endLine.size() - start);
    }
    return data;
}

bool hasPemEnd(QByteArrayView data, const QByteArray& label) {
    return data.contains(QByteArray("-----END " + label + "-----"));
}

KeyAlgorithm algorithmOf(const EVP_PKEY* key) {
    if (!key) {
        return KeyAlgorithm::Other;
    }
    if (EVP_PKEY_is_a(key, "RSA")) {
        return KeyAlgorithm::Rsa;
    }
    if (EVP_PKEY_is_a(key, "EC")) {
        return KeyAlgorithm::Ec;
    }
    if (EVP_PKEY_is_a(key, "ED25519")) {
        return KeyAlgorithm::Ed25519;
    }
    return KeyAlgorithm::Other;
}

EvpPkeyPtr upRef(const EvpPkeyPtr& key) {
    if (key) {
        EVP_PKEY_up_ref(key.get());
    }
    return EvpPkeyPtr(key.get());
}

// Decodes a key with OSSL_DECODER from `data` (PEM or DER), for `selection` (key pair or public key).
EvpPkeyPtr decodeKey(QByteArrayView data, const char* inputType, int selection, const SecureBytes* passphrase) {
    EVP_PKEY* key = nullptr;
    DecoderCtxPtr ctx(OSSL_DECODER_CTX_new_for_pkey(&key, inputType, nullptr, nullptr, selection, nullptr, nullptr));
    if (!ctx) {
        return {};
    }
    if (passphrase && !passphrase->isEmpty()) {
        OSSL_DECODER_CTX_set_passphrase(ctx.get(), reinterpret_cast<const unsigned char*>(passphrase->data()),
                                        size_t(passphrase->size()));
    } else {
        OSSL_DECODER_CTX_set_passphrase_cb(ctx.get(), &noPassphrase, nullptr);
    }
    const auto* bytes = reinterpret_cast<const unsigned char*>(data.data());
    size_t length = size_t(data.size());
    if (!OSSL_DECODER_from_data(ctx.get(), &bytes, &length)) {
        EVP_PKEY_free(key);
        return {};
    }
    return EvpPkeyPtr(key);
}

} // namespace

QString algorithmName(KeyAlgorithm algorithm) {
    switch (algorithm) {
    case KeyAlgorithm::Rsa:
        return u"RSA"_s;
    case KeyAlgorithm::Ec:
        return u"EC"_s;
    case KeyAlgorithm::Ed25519:
        return u"Ed25519"_s;
    case KeyAlgorithm::Other:
        break;
    }
    return u"other"_s;
}

QString keyEncodingName(KeyEncoding encoding) {
    switch (encoding) {
    case KeyEncoding::Pkcs1:
        return u"PKCS#1"_s;
    case KeyEncoding::Pkcs8:
        return u"PKCS#8"_s;
    case KeyEncoding::EncryptedPkcs8:
        return u"encrypted PKCS#8"_s;
    case KeyEncoding::EncryptedPkcs1:
        return u"encrypted PKCS#1"_s;
    case KeyEncoding::Der:
        return u"DER"_s;
    }
    return u"PKCS#8"_s;
}

// ---- PublicKey

PublicKey::PublicKey(EvpPkeyPtr key)
    : m_key(std::move(key)) {}

PublicKey::PublicKey(const PublicKey& other)
    : m_key(upRef(other.m_key)) {}

PublicKey& PublicKey::operator=(const PublicKey& other) {
    if (this != &other) {
        m_key = upRef(other.m_key);
    }
    return *this;
}

Result<PublicKey> PublicKey::fromPem(QByteArrayView pem) {
    const QByteArray label = pemLabel(pem);
    if (label != "PUBLIC KEY" && label != "RSA PUBLIC KEY") {
        return fail(u"KEY019"_s, handoff::crypto::tr(
                                     "This is not a PEM public key (it should start with -----BEGIN PUBLIC KEY-----). "
                                     "Use the certificate or the public key exported from the private key."));
    }
    if (!hasPemEnd(pem, label)) {
        return fail(u"KEY003"_s,
                    handoff::crypto::tr("The public key PEM is cut short: its -----END %1----- line is missing. Copy "
                                        "the whole file.")
                        .arg(QString::fromLatin1(label)));
    }
    EvpPkeyPtr key = decodeKey(pem, "PEM", EVP_PKEY_PUBLIC_KEY, nullptr);
    if (!key) {
        const QString details = takeOpenSslErrors();
        qCDebug(lcCrypto) << "public key decode failed:" << details;
        return fail(u"KEY019"_s,
                    handoff::crypto::tr("The public key PEM is damaged and cannot be read. Export it again."));
    }
    return PublicKey(std::move(key));
}

KeyAlgorithm PublicKey::algorithm() const {
    return algorithmOf(m_key.get());
}

int PublicKey::bits() const {
    return m_key ? EVP_PKEY_get_bits(m_key.get()) : 0;
}

QByteArray PublicKey::spkiDer() const {
    if (!m_key) {
        return {};
    }
    unsigned char* der = nullptr;
    const int length = i2d_PUBKEY(m_key.get(), &der);
    if (length <= 0) {
        return {};
    }
    QByteArray result(reinterpret_cast<const char*>(der), length);
    OPENSSL_free(der);
    return result;
}

QByteArray PublicKey::spkiSha256() const {
    const QByteArray der = spkiDer();
    if (der.isEmpty()) {
        return {};
    }
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (!EVP_Digest(der.constData(), size_t(der.size()), digest, &length, EVP_sha256(), nullptr)) {
        return {};
    }
    return QByteArray(reinterpret_cast<const char*>(digest), int(length));
}

QByteArray PublicKey::toPem() const {
    if (!m_key) {
        return {};
    }
    BioPtr bio = newMemoryBio();
    if (!PEM_write_bio_PUBKEY(bio.get(), m_key.get())) {
        return {};
    }
    return bioContents(bio.get());
}

// ---- Work factors

qint64 passphraseIterations(QByteArrayView input) {
    QByteArray der;
    const QByteArrayView pem = privateKeyBlock(input);
    const QByteArray label = pemLabel(pem);
    if (label.isEmpty()) {
        der = pem.toByteArray();
    } else if (label == "ENCRYPTED PRIVATE KEY") {
        const qsizetype begin = pem.indexOf('\n');
        const qsizetype end = pem.indexOf(QByteArrayView("-----END"));
        if (begin < 0 || end <= begin) {
            return 0;
        }
        der = QByteArray::fromBase64(pem.sliced(begin + 1, end - begin - 1).toByteArray());
    } else {
        return 0; // legacy encrypted PKCS#1 derives its key with one MD5 round: no work factor to inflate
    }
    const auto* cursor = reinterpret_cast<const unsigned char*>(der.constData());
    X509_SIG* sig = d2i_X509_SIG(nullptr, &cursor, long(der.size()));
    if (!sig) {
        ERR_clear_error();
        return 0;
    }
    const X509_ALGOR* algorithm = nullptr;
    const ASN1_OCTET_STRING* digest = nullptr;
    X509_SIG_get0(sig, &algorithm, &digest);
    const ASN1_OBJECT* oid = nullptr;
    int parameterType = 0;
    const void* parameter = nullptr;
    X509_ALGOR_get0(&oid, &parameterType, &parameter, algorithm);
    // An iteration count that does not fit, or is negative, counts as too many.
    auto count = [](const ASN1_INTEGER* value) -> qint64 {
        int64_t n = 0;
        return value && ASN1_INTEGER_get_int64(&n, value) == 1 && n >= 0 ? qint64(n)
                                                                         : std::numeric_limits<qint64>::max();
    };
    qint64 iterations = 0;
    if (parameterType == V_ASN1_SEQUENCE && OBJ_obj2nid(oid) == NID_pbes2) {
        auto* pbes2 = static_cast<PBE2PARAM*>(
            ASN1_item_unpack(static_cast<const ASN1_STRING*>(parameter), ASN1_ITEM_rptr(PBE2PARAM)));
        if (pbes2 && pbes2->keyfunc && OBJ_obj2nid(pbes2->keyfunc->algorithm) == NID_id_pbkdf2 &&
            pbes2->keyfunc->parameter && pbes2->keyfunc->parameter->type == V_ASN1_SEQUENCE) {
            auto* kdf = static_cast<PBKDF2PARAM*>(
                ASN1_item_unpack(pbes2->keyfunc->parameter->value.sequence, ASN1_ITEM_rptr(PBKDF2PARAM)));
            if (kdf) {
                iterations = count(kdf->iter);
                PBKDF2PARAM_free(kdf);
            }
        }
        PBE2PARAM_free(pbes2);
    } else if (parameterType == V_ASN1_SEQUENCE) {
        // PKCS#5 v1.5 and PKCS#12 password-based encryption: salt and iteration count.
        auto* pbe = static_cast<PBEPARAM*>(
            ASN1_item_unpack(static_cast<const ASN1_STRING*>(parameter), ASN1_ITEM_rptr(PBEPARAM)));
        if (pbe) {
            iterations = count(pbe->iter);
            PBEPARAM_free(pbe);
        }
    }
    X509_SIG_free(sig);
    ERR_clear_error();
    return iterations;
}

Result<void> checkPassphraseWorkFactor(QByteArrayView input) {
    const qint64 iterations = passphraseIterations(input);
    if (iterations > kMaxPassphraseIterations) {
        return fail(u"KEY020"_s,
                    handoff::crypto::tr("The key's passphrase protection asks for %1 key-derivation iterations, more "
                                        "than the %2 this app accepts (common tools use 2,048 to 600,000). "
                                        "Re-encrypt the key with fewer, for example `openssl pkcs8 -topk8 -iter "
                                        "600000`.")
                        .arg(iterations)
                        .arg(kMaxPassphraseIterations));
    }
    return {};
}

// ---- PrivateKey

PrivateKey::PrivateKey(EvpPkeyPtr key, KeyEncoding encoding)
    : m_key(std::move(key))
    , m_encoding(encoding) {}

PrivateKey::PrivateKey(const PrivateKey& other)
    : m_key(upRef(other.m_key))
    , m_encoding(other.m_encoding) {}

PrivateKey& PrivateKey::operator=(const PrivateKey& other) {
    if (this != &other) {
        m_key = upRef(other.m_key);
        m_encoding = other.m_encoding;
    }
    return *this;
}

Result<PrivateKey> PrivateKey::fromPem(QByteArrayView input, const SecureBytes& passphrase) {
    const QByteArrayView pem = privateKeyBlock(input);
    const QByteArray label = pemLabel(pem);
    if (auto workFactor = checkPassphraseWorkFactor(pem); !workFactor) {
        return tl::unexpected(workFactor.error());
    }
    if (label.isEmpty()) {
        // Not PEM: a DER key is accepted, anything else is not a key.
        if (EvpPkeyPtr key = decodeKey(pem, "DER", EVP_PKEY_KEYPAIR, &passphrase)) {
            return PrivateKey(std::move(key), KeyEncoding::Der);
        }
        ERR_clear_error();
        return fail(
            u"KEY002"_s,
            handoff::crypto::tr("This is not a private key: no -----BEGIN PRIVATE KEY----- block was found. Choose "
                                "the key file (.key or .pem) made with the certificate."));
    }
    KeyEncoding encoding;
    bool encrypted = false;
    if (label == "PRIVATE KEY") {
        encoding = KeyEncoding::Pkcs8;
    } else if (label == "ENCRYPTED PRIVATE KEY") {
        encoding = KeyEncoding::EncryptedPkcs8;
        encrypted = true;
    } else if (label == "RSA PRIVATE KEY") {
        encrypted = pem.contains(QByteArrayView("Proc-Type: 4,ENCRYPTED"));
        encoding = encrypted ? KeyEncoding::EncryptedPkcs1 : KeyEncoding::Pkcs1;
    } else if (label == "EC PRIVATE KEY") {
        encoding = KeyEncoding::Pkcs1; // SEC1: the EC counterpart of PKCS#1
    } else if (label == "CERTIFICATE") {
        return fail(u"KEY002"_s,
                    handoff::crypto::tr("This is a certificate, not a private key. Choose the private key file that "
                                        "was made together with it."));
    } else if (label.contains("PUBLIC KEY")) {
        return fail(u"KEY002"_s,
                    handoff::crypto::tr("This is a public key; signing needs the private key. Choose the private key "
                                        "file."));
    } else {
        return fail(u"KEY002"_s,
                    handoff::crypto::tr("This PEM holds a %1, not a private key. Choose the private key file.")
                        .arg(QString::fromLatin1(label)));
    }
    if (!hasPemEnd(pem, label)) {
        return fail(u"KEY003"_s,
                    handoff::crypto::tr("The private key is cut short: its -----END %1----- line is missing. Copy the "
                                        "whole file, from -----BEGIN to -----END.")
                        .arg(QString::fromLatin1(label)));
    }
    if (encrypted && passphrase.isEmpty()) {
        return fail(u"KEY004"_s,
                    handoff::crypto::tr("The private key is encrypted; give its passphrase (in the command line tool: "
                                        "the HANDOFF_KEY_PASSPHRASE environment variable or the prompt)."));
    }
    EvpPkeyPtr key = decodeKey(pem, "PEM", EVP_PKEY_KEYPAIR, &passphrase);
    if (!key) {
        const QString details = takeOpenSslErrors();
        qCDebug(lcCrypto) << "private key decode failed:" << details;
        if (encrypted) {
            return fail(u"KEY005"_s,
                        handoff::crypto::tr("The passphrase does not open this private key (or the key is damaged). "
                                            "Check the passphrase and try again."));
        }
        return fail(u"KEY003"_s,
                    handoff::crypto::tr("The private key's content is damaged or incomplete and cannot be read. Copy "
                                        "the whole file again, without changes."));
    }
    return PrivateKey(std::move(key), encoding);
}

Result<PrivateKey> PrivateKey::load(const QString& path, const SecureBytes& passphrase) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Unbuffered)) {
        return fail(u"KEY001"_s, handoff::crypto::tr("Cannot read the key file %1: %2.").arg(path, file.errorString()));
    }
    QByteArray data = file.readAll();
    auto key = fromPem(data, passphrase);
    wipe(data);
    return key;
}

KeyAlgorithm PrivateKey::algorithm() const {
    return algorithmOf(m_key.get());
}

int PrivateKey::bits() const {
    return m_key ? EVP_PKEY_get_bits(m_key.get()) : 0;
}

PublicKey PrivateKey::publicKey() const {
    if (!m_key) {
        return {};
    }
    // Re-encode the public half only, so the PublicKey holds no private material.
    unsigned char* der = nullptr;
    const int length = i2d_PUBKEY(m_key.get(), &der);
    if (length <= 0) {
        return {};
    }
    const unsigned char* cursor = der;
    EvpPkeyPtr publicOnly(d2i_PUBKEY(nullptr, &cursor, length));
    OPENSSL_free(der);
    return PublicKey(std::move(publicOnly));
}

Result<SecureBytes> PrivateKey::toPem(const SecureBytes& passphrase) const {
    if (!m_key) {
        return fail(u"KEY018"_s, handoff::crypto::tr("There is no key to write."));
    }
    EncoderCtxPtr ctx(OSSL_ENCODER_CTX_new_for_pkey(m_key.get(), EVP_PKEY_KEYPAIR, "PEM", "PrivateKeyInfo", nullptr));
    if (!ctx || OSSL_ENCODER_CTX_get_num_encoders(ctx.get()) == 0) {
        return fail(u"KEY018"_s,
                    handoff::crypto::tr("OpenSSL cannot encode this key as PKCS#8 (%1).").arg(takeOpenSslErrors()));
    }
    if (!passphrase.isEmpty()) {
        if (!OSSL_ENCODER_CTX_set_cipher(ctx.get(), "AES-256-CBC", nullptr) ||
            !OSSL_ENCODER_CTX_set_passphrase(ctx.get(), reinterpret_cast<const unsigned char*>(passphrase.data()),
                                             size_t(passphrase.size()))) {
            return fail(u"KEY018"_s,
                        handoff::crypto::tr("OpenSSL cannot encrypt the key (%1).").arg(takeOpenSslErrors()));
        }
    }
    unsigned char* data = nullptr;
    size_t length = 0;
    if (!OSSL_ENCODER_to_data(ctx.get(), &data, &length)) {
        return fail(u"KEY018"_s, handoff::crypto::tr("OpenSSL cannot encode the key (%1).").arg(takeOpenSslErrors()));
    }
    SecureBytes pem(QByteArrayView(reinterpret_cast<const char*>(data), qsizetype(length)));
    OPENSSL_clear_free(data, length);
    return pem;
}

diagnostics::Diagnostics rs256KeyDiagnostics(KeyAlgorithm algorithm, int bits, const QString& field) {
    diagnostics::Diagnostics list;
    const diagnostics::Location where{field};
    if (algorithm != KeyAlgorithm::Rsa) {
        list.append(diagnostics::make(
            "KEY006",
            handoff::crypto::tr("This is an %1 key; Salesforce tokens are signed with RS256, which needs an "
                                "RSA key. Generate an RSA key (2048 bits) and register its certificate.")
                .arg(algorithmName(algorithm)),
            where));
    } else if (bits < 1024) {
        list.append(diagnostics::make(
            "KEY008",
            handoff::crypto::tr(
                "The RSA key has only %1 bits; RS256 needs at least 1024, and 2048 is recommended. Generate a new "
                "2048-bit key.")
                .arg(bits),
            where));
    } else if (bits < 2048) {
        list.append(diagnostics::make(
            "KEY007",
            handoff::crypto::tr("The RSA key has %1 bits. 1024-bit keys are deprecated and being dropped by "
                                "Salesforce; generate a 2048-bit key and register its certificate.")
                .arg(bits),
            where));
    }
    return list;
}

diagnostics::Diagnostics PrivateKey::checkForRs256(const QString& field) const {
    return rs256KeyDiagnostics(algorithm(), bits(), field);
}

Result<void> PrivateKey::requireRs256() const {
    if (!m_key) {
        return fail(u"KEY002"_s, handoff::crypto::tr("No private key was given."));
    }
    for (const diagnostics::Diagnostic& d : checkForRs256()) {
        if (d.isError()) {
            return fail(d.code, d.message);
        }
    }
    return {};
}

bool keysMatch(const PrivateKey& key, const PublicKey& publicKey) {
    if (key.isNull() || publicKey.isNull()) {
        return false;
    }
    const bool equal = EVP_PKEY_eq(key.get(), publicKey.get()) == 1;
    ERR_clear_error();
    return equal;
}

QString fingerprintHex(const QByteArray& digest) {
    return QString::fromLatin1(digest.toHex(':'));
}

diagnostics::Diagnostics checkKeyFilePermissions(const QString& path, const QString& field) {
    diagnostics::Diagnostics list;
    const QFileDevice::Permissions permissions = QFile::permissions(path);
    const QFileDevice::Permissions others =
        QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ReadOther | QFileDevice::WriteOther;
    if (QFile::exists(path) && (permissions & others)) {
        list.append(diagnostics::make(
            "KEY017",
            handoff::crypto::tr("The key file %1 can be read by other users of this computer. Restrict it to "
                                "its owner (chmod 600 on Linux and macOS).")
                .arg(path),
            diagnostics::Location{field}));
    }
    return list;
}

} // namespace handoff::crypto
