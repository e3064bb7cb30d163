// JWT decode and verify: a pasted token (Token page, `handoff jwt decode/verify`, the emulator's bearer token).
#include "FuzzSupport.h"
#include "jwt/Jwt.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace handoff;
    const QByteArray input = fuzz::bytes(data, size);
    (void)jwt::redactSignature(input);
    (void)jwt::base64UrlDecode(input);
    const auto decoded = jwt::decode(input);
    if (!decoded) {
        return 0;
    }
    (void)decoded->algorithm();
    (void)decoded->signingInput();
    (void)jwt::verify(*decoded, fuzz::testCertificate());
    (void)jwt::verify(*decoded, fuzz::testKey().publicKey());
    return 0;
}
