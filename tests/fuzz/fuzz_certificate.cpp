// Certificates, PEM and DER: the certificate an admin imports or the emulator registers.
#include "FuzzSupport.h"
#include "crypto/Certificate.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace handoff;
    const auto certificate = crypto::Certificate::fromData(fuzz::bytes(data, size));
    if (!certificate) {
        return 0;
    }
    (void)certificate->subject();
    (void)certificate->issuer();
    (void)certificate->commonName();
    (void)certificate->serialNumberHex();
    (void)certificate->signatureAlgorithm();
    (void)certificate->notBefore();
    (void)certificate->notAfter();
    (void)certificate->isSelfSigned();
    (void)certificate->sha256Fingerprint();
    (void)certificate->check(fuzz::clock());
    (void)certificate->matches(fuzz::testKey());
    (void)certificate->publicKey().bits();
    return 0;
}
