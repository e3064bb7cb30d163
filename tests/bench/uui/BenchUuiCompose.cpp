// Against raw OpenSSL RS256 signing (EVP_DigestSign) of the same signing input with the same key, in the same
// process, as the ratio "vsRawSign" of CPU times per iteration (goal: at most 1.10):
// - BM_SignComposeBudget: what the issue names: sign the UUI token, compose the UUI, its SIP header budget with
//   the ways out;
// - BM_LiveRecompute: the desktop app's whole recompute on each keystroke, which adds lint, claim checks and the
//   export to the above.

#include "crypto/PrivateKey.h"
#include "jwt/Jwt.h"
#include "jwt/JwtClaims.h"
#include "project/Composition.h"
#include "project/ProjectFile.h"
#include "uui/SipHeaderBudget.h"
#include "uui/UuiComposer.h"

#include <QByteArray>

#include <benchmark/benchmark.h>
#include <openssl/evp.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>

namespace {

// CPU time of this thread: the ratio must not depend on what else the (shared) machine is doing.
struct ThreadCpuClock {
    using duration = std::chrono::nanoseconds;
    using time_point = std::chrono::time_point<ThreadCpuClock>;
    static time_point now() {
        timespec ts{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
        return time_point(duration(qint64(ts.tv_sec) * 1000000000 + ts.tv_nsec));
    }
};
using Clock = ThreadCpuClock;

struct Fixture {
    handoff::project::Project project;
    handoff::crypto::PrivateKey key;
    QByteArray signingInput; // header.payload of the token the pipeline signs
    handoff::FixedClock clock = handoff::FixedClock::atSecs(1764331200);

    Fixture() {
        auto loaded = handoff::project::ProjectFile::load(
            QStringLiteral(HANDOFF_TEST_DATA "/../../resources/samples/sample.handoff"));
        auto loadedKey =
            handoff::crypto::PrivateKey::load(QStringLiteral(HANDOFF_TEST_DATA "/rsa2048-pkcs8-test-only.pem"));
        if (!loaded || !loadedKey) {
            std::fprintf(stderr, "bench_uui_compose: cannot load the sample project or the test key\n");
            std::exit(1);
        }
        project = loaded->project;
        key = *loadedKey;
        const QByteArray token = handoff::project::compose(project, &key, clock).token;
        signingInput = token.left(token.lastIndexOf('.'));
    }
};

Fixture& fixture() {
    static Fixture f;
    return f;
}

void rawSign(const Fixture& f, unsigned char* out, size_t* length) {
    EVP_MD_CTX* ctx = EVP_MD_CTX_new();
    if (EVP_DigestSignInit(ctx, nullptr, EVP_sha256(), nullptr, f.key.get()) != 1 ||
        EVP_DigestSign(ctx, out, length, reinterpret_cast<const unsigned char*>(f.signingInput.constData()),
                       static_cast<size_t>(f.signingInput.size())) != 1) {
        std::abort();
    }
    EVP_MD_CTX_free(ctx);
}

void BM_RawOpenSslSign(benchmark::State& state) {
    const Fixture& f = fixture();
    unsigned char signature[1024];
    for (auto _ : state) {
        size_t length = sizeof signature;
        rawSign(f, signature, &length);
        benchmark::DoNotOptimize(signature);
    }
}

// Each iteration runs the subject and the raw signature back to back, so both see the same machine load; the
// ratio is of their summed CPU times. The reported time is the subject's alone.
template <typename Subject>
void measureAgainstRawSign(benchmark::State& state, Subject subject) {
    const Fixture& f = fixture();
    unsigned char signature[1024];
    Clock::duration measured{};
    Clock::duration raw{};
    for (auto _ : state) {
        const auto start = Clock::now();
        subject(f);
        const auto middle = Clock::now();
        size_t length = sizeof signature;
        rawSign(f, signature, &length);
        const auto end = Clock::now();
        measured += middle - start;
        raw += end - middle;
        state.SetIterationTime(std::chrono::duration<double>(middle - start).count());
        benchmark::DoNotOptimize(signature);
    }
    state.counters["vsRawSign"] =
        std::chrono::duration<double>(measured).count() / std::chrono::duration<double>(raw).count();
}

// Sign the UUI token (UUI preset claims), compose the UUI around it, and its SIP header budget with the ways out.
void BM_SignComposeBudget(benchmark::State& state) {
    measureAgainstRawSign(state, [](const Fixture& f) {
        const handoff::jwt::TokenSpec spec = handoff::jwt::TokenSpec::forPreset(
            handoff::jwt::TokenPreset::Uui, f.project.org.orgId, f.project.org.callCenterApiName);
        const auto token = handoff::jwt::sign(handoff::jwt::buildClaims(spec, f.clock), f.key);
        if (!token) {
            std::abort();
        }
        const handoff::uui::UuiModel model = f.project.uuiModel(QString::fromLatin1(*token));
        const handoff::uui::ComposedUui uui = handoff::uui::compose(model);
        handoff::uui::SipBudget b = handoff::uui::budget(model, uui, f.project.trunk);
        benchmark::DoNotOptimize(b);
    });
}

// The desktop app's live recompute on each edit.
void BM_LiveRecompute(benchmark::State& state) {
    measureAgainstRawSign(state, [](const Fixture& f) {
        handoff::project::Composition c = handoff::project::compose(f.project, &f.key, f.clock);
        benchmark::DoNotOptimize(c);
    });
}

// Compose + budget alone (no signing), for the part this product adds.
void BM_ComposeBudgetOnly(benchmark::State& state) {
    const Fixture& f = fixture();
    const QByteArray token = handoff::project::compose(f.project, &f.key, f.clock).token;
    for (auto _ : state) {
        handoff::project::Composition c = handoff::project::composeWithToken(f.project, token, f.clock);
        benchmark::DoNotOptimize(c);
    }
}

} // namespace

BENCHMARK(BM_RawOpenSslSign)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_SignComposeBudget)->Unit(benchmark::kMicrosecond)->UseManualTime();
BENCHMARK(BM_LiveRecompute)->Unit(benchmark::kMicrosecond)->UseManualTime();
BENCHMARK(BM_ComposeBudgetOnly)->Unit(benchmark::kMicrosecond);
BENCHMARK_MAIN();
