// Validation and editing of a large flow, each against a baseline measured in the same process: writing the same
// flow to JSON (toJson), which touches every action once, as the validator's unit of "one pass over the flow".
// - BM_Validate1000: validate a generated flow of at least 1,000 actions (goal: at most 5 ms);
// - BM_EditAndRevalidate: one edit through the edit API (flow::edit::setProperty on an action in the middle of the
//   flow) plus the revalidation it needs, by flow::IncrementalValidator; reported as p95 over the iterations and as
//   the ratio to one full validation (goal: p95 at most 1 ms);
// - BM_EditAndFullRevalidate: the same edit followed by a full validate(), the figure before IncrementalValidator.
#include "flow/FlowEdit.h"
#include "flow/FlowTemplates.h"
#include "flow/FlowValidator.h"
#include "support/GeneratedFlow.h"

#include <QCoreApplication>
#include <QJsonValue>

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <vector>

using namespace Qt::StringLiterals;
using namespace handoff;
using namespace handoff::flow;

namespace {

double threadCpuNanos() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e9 + double(ts.tv_nsec);
}

const Flow& largeFlow() {
    static const Flow flow = [] {
        Flow f = testsupport::generatedFlow(testsupport::blocksFor(1000));
        if (f.actionCount() < 1000) {
            std::fprintf(stderr, "bench_flow_validate: the generated flow has %lld actions\n",
                         static_cast<long long>(f.actionCount()));
            std::exit(1);
        }
        return f;
    }();
    return flow;
}

double nanosPerBaseline(const Flow& flow, int iterations) {
    const double begin = threadCpuNanos();
    for (int i = 0; i < iterations; ++i) {
        QJsonObject json = toJson(flow);
        benchmark::DoNotOptimize(json);
    }
    return (threadCpuNanos() - begin) / iterations;
}

double nanosPerValidation(const Flow& flow, int iterations) {
    const double begin = threadCpuNanos();
    for (int i = 0; i < iterations; ++i) {
        diagnostics::Diagnostics d = validate(flow);
        benchmark::DoNotOptimize(d);
    }
    return (threadCpuNanos() - begin) / iterations;
}

void BM_BaselineToJson(benchmark::State& state) {
    const Flow& flow = largeFlow();
    for (auto _ : state) {
        QJsonObject json = toJson(flow);
        benchmark::DoNotOptimize(json);
    }
    state.counters["actions"] = benchmark::Counter(double(flow.actionCount()));
}

void BM_Validate1000(benchmark::State& state) {
    const Flow& flow = largeFlow();
    const double baseline = nanosPerBaseline(flow, 50);
    qsizetype problems = 0;
    const double begin = threadCpuNanos();
    for (auto _ : state) {
        const diagnostics::Diagnostics d = validate(flow);
        problems = d.size();
        benchmark::DoNotOptimize(problems);
    }
    const double perRun = (threadCpuNanos() - begin) / double(state.iterations());
    state.counters["actions"] = benchmark::Counter(double(flow.actionCount()));
    state.counters["ms"] = benchmark::Counter(perRun / 1e6);
    state.counters["ratio_vs_toJson"] = benchmark::Counter(perRun / baseline);
    state.counters["diagnostics"] = benchmark::Counter(double(problems));
}

// One edit of a Play Audio's text in the middle of the flow and its revalidation, `incremental` or full.
void editAndRevalidate(benchmark::State& state, bool incremental) {
    Flow flow = largeFlow();
    const double validation = nanosPerValidation(flow, 20);
    const double baseline = nanosPerBaseline(flow, 50);
    const QString id = u"hold-%1"_s.arg(flow.actionCount() / 10); // an action in the middle of the blocks
    if (!flow.find(id)) {
        state.SkipWithError("the action to edit is not in the flow");
        return;
    }
    IncrementalValidator validator;
    validator.validate(flow);
    std::vector<double> samples;
    samples.reserve(4096);
    int n = 0;
    int reused = 0;
    for (auto _ : state) {
        const double begin = threadCpuNanos();
        const QJsonValue tts(u"\"Please hold, %1.\""_s.arg(++n));
        if (!edit::setProperty(flow, id, u"audio.tts"_s, tts)) {
            state.SkipWithError("the edit was refused");
            return;
        }
        diagnostics::Diagnostics d = incremental ? validator.validate(flow) : validate(flow);
        benchmark::DoNotOptimize(d);
        samples.push_back(threadCpuNanos() - begin);
        reused += incremental && validator.lastRun().incremental ? 1 : 0;
    }
    if (incremental && reused != static_cast<int>(samples.size())) {
        state.SkipWithError("an edit of a text was not revalidated incrementally");
        return;
    }
    std::sort(samples.begin(), samples.end());
    const double p95 = samples[std::min(samples.size() - 1, samples.size() * 95 / 100)];
    state.counters["p95_ms"] = benchmark::Counter(p95 / 1e6);
    state.counters["p95_ratio_vs_validate"] = benchmark::Counter(p95 / validation);
    state.counters["p95_ratio_vs_toJson"] = benchmark::Counter(p95 / baseline);
}

void BM_EditAndRevalidate(benchmark::State& state) {
    editAndRevalidate(state, true);
}

void BM_EditAndFullRevalidate(benchmark::State& state) {
    editAndRevalidate(state, false);
}

} // namespace

BENCHMARK(BM_BaselineToJson)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_Validate1000)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_EditAndRevalidate)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_EditAndFullRevalidate)->Unit(benchmark::kMicrosecond);

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
