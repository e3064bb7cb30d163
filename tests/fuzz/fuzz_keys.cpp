// Private and public keys, PEM and DER, with and without a passphrase: an imported or pasted key file.
#include "FuzzSupport.h"
#include "crypto/PrivateKey.h"
#include "crypto/SecureBytes.h"

namespace {

// The product accepts up to crypto::kMaxPassphraseIterations; a fuzzer that found a key with a million iterations
// would only measure PBKDF2. Inputs above this smaller cap are skipped (the cap itself is tested in TestPrivateKey).
constexpr qint64 kFuzzIterationCap = 4096;

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace handoff;
    const QByteArray input = fuzz::bytes(data, size);
    if (crypto::passphraseIterations(input) > kFuzzIterationCap) {
        return 0;
    }
    // Every input both ways: without a passphrase and with the test keys' passphrase.
    for (const crypto::SecureBytes& passphrase :
         {crypto::SecureBytes(), crypto::SecureBytes(QByteArrayLiteral("handoff-test-only"))}) {
        if (auto key = crypto::PrivateKey::fromPem(input, passphrase)) {
            (void)key->algorithm();
            (void)key->bits();
            (void)key->checkForRs256();
            (void)key->publicKey().spkiSha256();
            (void)crypto::keysMatch(*key, fuzz::testKey().publicKey());
        }
    }
    if (auto publicKey = crypto::PublicKey::fromPem(input)) {
        (void)publicKey->bits();
        (void)publicKey->toPem();
    }
    return 0;
}
