// The voiceCalls request body as the emulator validates it (behind a valid token), and a voiceCalls answer as the
// client explains it.
#include "FuzzSupport.h"
#include "emulator/VoiceCallsEmulator.h"
#include "jwt/Jwt.h"
#include "jwt/JwtClaims.h"
#include "telephony/VoiceCallsResponse.h"

using namespace Qt::StringLiterals;

namespace {

struct Target {
    handoff::emulator::VoiceCallsEmulator emulator{fuzz::clock()};
    QByteArray authorization;

    Target() {
        using namespace handoff;
        (void)emulator.registerCertificate(u"00DHs0000000001"_s, fuzz::testCertificate(), {u"scv4cc1"_s});
        // The reusable UUI preset (no jti), so that one token serves every input.
        jwt::TokenSpec spec = jwt::TokenSpec::forPreset(jwt::TokenPreset::Uui, u"00DHs0000000001"_s, u"scv4cc1"_s);
        spec.ttlSecs = 3600;
        authorization = "Bearer " + jwt::sign(jwt::buildClaims(spec, fuzz::clock()), fuzz::testKey()).value_or("");
    }
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace handoff;
    static Target target;
    const QByteArray input = fuzz::bytes(data, size);
    emulator::HttpRequest request;
    request.method = "POST";
    request.target = "/telephony/v1/voiceCalls";
    request.headers = {{"Authorization", target.authorization}, {"Content-Type", "application/json"}};
    request.body = input;
    (void)target.emulator.handleRequest(request).serialize();
    target.emulator.clearCreatedCalls();
    target.emulator.clearRequestLog();

    for (const int status : {201, 400, 401, 429, 500}) {
        telephony::VoiceCallResult result;
        telephony::explainHttpAnswer(status, input, &result);
    }
    (void)telephony::parseVoiceCallsResponse(input);
    return 0;
}
