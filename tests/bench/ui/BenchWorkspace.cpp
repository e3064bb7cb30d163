// The desktop app's live path: one edit in a field -> the workspace's derived state is ready (claims, UUI JSON, SIP
// budget with ways out, export, diagnostics; an RS256 signature only when a claim changed). Baselines, in the same
// process and with the same key: the raw RS256 signature of a token-sized input, and the whole recompute that signs
// on every keystroke (what the workspace did before it reused an unchanged token).
//
// Issue 11 item 5: a keystroke that changes no claim (transactionId, a custom parameter) recomputes the budget only,
// p95 <= 0.2 ms, reported against the whole recompute as `x_whole_recompute`; an edit that changes a claim stays
// within 1.10x one raw RS256 signature (`x_raw_sign`).

#include "common/Clock.h"
#include "crypto/PrivateKey.h"
#include "jwt/Jwt.h"
#include "project/SecretStore.h"
#include "shell/Workspace.h"

#include <QCoreApplication>

#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <vector>

using namespace Qt::StringLiterals;

namespace {

double g_rawSignMeanNs = 0;
double g_wholeRecomputeMeanNs = 0;

handoff::crypto::PrivateKey benchKey() {
    auto key = handoff::crypto::PrivateKey::load(QStringLiteral(HANDOFF_TEST_DATA) + u"/rsa2048-pkcs8-test-only.pem"_s);
    return key ? *key : handoff::crypto::PrivateKey();
}

double percentile(std::vector<double> samples, double p) {
    if (samples.empty()) {
        return 0;
    }
    std::sort(samples.begin(), samples.end());
    const auto index = static_cast<size_t>(p * static_cast<double>(samples.size() - 1));
    return samples[index];
}

void reportLatency(benchmark::State& state, const std::vector<double>& samplesNs) {
    double sum = 0;
    for (double s : samplesNs) {
        sum += s;
    }
    const double mean = samplesNs.empty() ? 0 : sum / static_cast<double>(samplesNs.size());
    state.counters["mean_ms"] = mean / 1e6;
    state.counters["p95_ms"] = percentile(samplesNs, 0.95) / 1e6;
    state.counters["p99_ms"] = percentile(samplesNs, 0.99) / 1e6;
    if (g_rawSignMeanNs > 0) {
        state.counters["x_raw_sign"] = mean / g_rawSignMeanNs;
    }
    if (g_wholeRecomputeMeanNs > 0) {
        state.counters["x_whole_recompute"] = mean / g_wholeRecomputeMeanNs;
    }
}

double meanOf(const std::vector<double>& samples) {
    double sum = 0;
    for (double s : samples) {
        sum += s;
    }
    return samples.empty() ? 0 : sum / static_cast<double>(samples.size());
}

handoff::project::Project benchProject() {
    handoff::project::Project p = handoff::project::Project::defaults();
    p.org.orgId = u"00DRM000000TEST"_s;
    p.org.scrt2Domain = u"mycompany.my.salesforce-scrt.com"_s;
    p.org.callCenterApiName = u"Genesys_Voice"_s;
    p.uui.callId = u"0LQRM0000006CSzAAM"_s;
    return p;
}

// The baseline: the whole recompute as it was, signing on every keystroke (no token cache).
void BM_WholeRecomputeSigningEveryTime(benchmark::State& state) {
    const auto key = benchKey();
    if (key.isNull()) {
        state.SkipWithError("test key missing");
        return;
    }
    const handoff::FixedClock clock = handoff::FixedClock::atSecs(1'795'000'000);
    handoff::project::Project project = benchProject();
    std::vector<double> samples;
    samples.reserve(4096);
    int n = 0;
    for (auto _ : state) {
        project.uui.transactionId = u"txn-"_s + QString::number(n++);
        const auto start = std::chrono::steady_clock::now();
        auto derived = handoff::shell::Workspace::compute(project, key, {}, clock);
        benchmark::DoNotOptimize(derived.token.size());
        samples.push_back(std::chrono::duration<double, std::nano>(std::chrono::steady_clock::now() - start).count());
    }
    g_wholeRecomputeMeanNs = meanOf(samples);
    reportLatency(state, samples);
}

// A keystroke in a field that is no claim: the token is reused, the budget recomputed.
void BM_KeystrokeWithoutAClaimChange(benchmark::State& state) {
    const auto key = benchKey();
    if (key.isNull()) {
        state.SkipWithError("test key missing");
        return;
    }
    const handoff::FixedClock clock = handoff::FixedClock::atSecs(1'795'000'000);
    handoff::project::Project project = benchProject();
    handoff::project::TokenCache tokens;
    handoff::shell::Workspace::compute(project, key, {}, clock, &tokens); // the token of the document
    std::vector<double> samples;
    samples.reserve(4096);
    int n = 0;
    for (auto _ : state) {
        project.uui.transactionId = u"txn-"_s + QString::number(n++);
        project.uui.customParams = {{u"lang"_s, n % 2 ? u"de"_s : u"en"_s}};
        const auto start = std::chrono::steady_clock::now();
        auto derived = handoff::shell::Workspace::compute(project, key, {}, clock, &tokens);
        benchmark::DoNotOptimize(derived.budget.measured);
        samples.push_back(std::chrono::duration<double, std::nano>(std::chrono::steady_clock::now() - start).count());
    }
    if (tokens.signatures() != 1) {
        state.SkipWithError("the token was signed again");
        return;
    }
    reportLatency(state, samples);
    state.counters["p95_under_0_2ms"] = percentile(samples, 0.95) <= 0.2e6 ? 1 : 0;
}

// An edit that changes a claim (the Call Center API name, so `sub`): one signature, and little else.
void BM_EditChangingAClaim(benchmark::State& state) {
    const auto key = benchKey();
    if (key.isNull()) {
        state.SkipWithError("test key missing");
        return;
    }
    const handoff::FixedClock clock = handoff::FixedClock::atSecs(1'795'000'000);
    handoff::project::Project project = benchProject();
    handoff::project::TokenCache tokens;
    std::vector<double> samples;
    samples.reserve(4096);
    int n = 0;
    for (auto _ : state) {
        project.org.callCenterApiName = u"Genesys_Voice_"_s + QString::number(n++);
        const auto start = std::chrono::steady_clock::now();
        auto derived = handoff::shell::Workspace::compute(project, key, {}, clock, &tokens);
        benchmark::DoNotOptimize(derived.token.size());
        samples.push_back(std::chrono::duration<double, std::nano>(std::chrono::steady_clock::now() - start).count());
    }
    reportLatency(state, samples);
    state.counters["within_1_10x_raw_sign"] = g_rawSignMeanNs > 0 && meanOf(samples) <= 1.10 * g_rawSignMeanNs ? 1 : 0;
}

void BM_RawRs256Sign(benchmark::State& state) {
    const auto key = benchKey();
    if (key.isNull()) {
        state.SkipWithError("test key missing");
        return;
    }
    // A signing input of a UUI token's size (header.payload, ~300 characters).
    const QByteArray input =
        QByteArray(handoff::jwt::base64UrlEncode(handoff::jwt::rs256HeaderJson())) + '.' + QByteArray(220, 'a');
    std::vector<double> samples;
    samples.reserve(4096);
    for (auto _ : state) {
        const auto start = std::chrono::steady_clock::now();
        auto signature = handoff::jwt::signRs256(input, key);
        benchmark::DoNotOptimize(signature);
        samples.push_back(std::chrono::duration<double, std::nano>(std::chrono::steady_clock::now() - start).count());
    }
    double sum = 0;
    for (double s : samples) {
        sum += s;
    }
    g_rawSignMeanNs = samples.empty() ? 0 : sum / static_cast<double>(samples.size());
    reportLatency(state, samples);
}

void BM_WorkspaceEditToDerived(benchmark::State& state) {
    const auto key = benchKey();
    if (key.isNull()) {
        state.SkipWithError("test key missing");
        return;
    }
    handoff::FixedClock clock = handoff::FixedClock::atSecs(1'795'000'000);
    handoff::project::MemorySecretStore secrets;
    handoff::shell::Workspace workspace(clock, secrets);
    workspace.edit(u"setup"_s, [](handoff::project::Project& p) { p = benchProject(); });
    workspace.setKey(key, {}, false);
    workspace.recomputeNow();

    std::vector<double> samples;
    samples.reserve(4096);
    int n = 0;
    for (auto _ : state) {
        // What a keystroke does: one edit (merged into the typing's undo step), then the coalesced recompute.
        const QString transaction = u"txn-"_s + QString::number(n++);
        const auto start = std::chrono::steady_clock::now();
        workspace.edit(
            u"type"_s, [&transaction](handoff::project::Project& p) { p.uui.transactionId = transaction; },
            u"uui.transactionId"_s);
        workspace.recomputeNow();
        benchmark::DoNotOptimize(workspace.derived().token.size());
        samples.push_back(std::chrono::duration<double, std::nano>(std::chrono::steady_clock::now() - start).count());
    }
    if (workspace.derived().token.isEmpty()) {
        state.SkipWithError("no token was signed");
        return;
    }
    reportLatency(state, samples);
    state.counters["p95_under_16ms"] = percentile(samples, 0.95) < 16e6 ? 1 : 0;
}

} // namespace

// In this order: the baselines first, so the ratios of the others are in the same run.
BENCHMARK(BM_RawRs256Sign)->Unit(benchmark::kMillisecond)->MinTime(1.0);
BENCHMARK(BM_WholeRecomputeSigningEveryTime)->Unit(benchmark::kMillisecond)->MinTime(1.0);
BENCHMARK(BM_KeystrokeWithoutAClaimChange)->Unit(benchmark::kMillisecond)->MinTime(1.0);
BENCHMARK(BM_EditChangingAClaim)->Unit(benchmark::kMillisecond)->MinTime(1.0);
BENCHMARK(BM_WorkspaceEditToDerived)->Unit(benchmark::kMillisecond)->MinTime(1.0);

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) {
        return 1;
    }
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
