// The emulator's HTTP handling from raw bytes: the bounded request reader (fed in pieces, keep-alive and
// pipelining included) and every complete request through VoiceCallsEmulator::handleRequest.
#include "FuzzSupport.h"
#include "emulator/HttpMessage.h"
#include "emulator/VoiceCallsEmulator.h"

using namespace Qt::StringLiterals;

namespace {

handoff::emulator::VoiceCallsEmulator& target() {
    static handoff::emulator::VoiceCallsEmulator* emulator = [] {
        auto* created = new handoff::emulator::VoiceCallsEmulator(fuzz::clock());
        (void)created->registerCertificate(u"00DHs0000000001"_s, fuzz::testCertificate(), {u"scv4cc1"_s});
        return created;
    }();
    return *emulator;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace handoff;
    if (size < 1) {
        return 0;
    }
    // Small limits, so that the fuzzer reaches them; the last byte sets the size of the pieces the bytes arrive in
    // (all the bytes are fed, so that the seeds stay requests).
    emulator::HttpLimits limits;
    limits.maxHeaderBytes = 2048;
    limits.maxHeaderCount = 16;
    limits.maxBodyBytes = 4096;
    emulator::HttpRequestParser parser(limits);
    const qsizetype piece = 1 + data[size - 1] % 64;
    const QByteArray input = fuzz::bytes(data, size);
    int requests = 0;
    for (qsizetype at = 0; at < input.size() && requests < 8; at += piece) {
        auto state = parser.feed(QByteArrayView(input).sliced(at, qMin(piece, input.size() - at)));
        while (state == emulator::HttpRequestParser::State::Complete && requests < 8) {
            ++requests;
            (void)target().handleRequest(parser.request()).serialize();
            state = parser.next();
        }
        if (state == emulator::HttpRequestParser::State::Failed) {
            (void)parser.failureMessage();
            break;
        }
    }
    target().clearCreatedCalls();
    target().clearRequestLog();
    return 0;
}
