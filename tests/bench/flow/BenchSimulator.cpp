// Scripted calls through the sip-transfer template, against a baseline measured in the same process: a bare loop
// that does only the UUI compose and SIP budget (with the header text) of the same model. Reported as calls per
// second and as the ratio (time per simulated call) / (time per bare compose). Goal (issue 8): 300,000 calls per
// second on one core with a fresh VoiceCall id on every call and no trace (BM_ScriptedCallDistinctIds). The trunk is
// the default profile: hex, PD prefix, the 1,024 limit on the decoded data.
#include "flow/FlowTemplates.h"
#include "flow/Simulator.h"
#include "telephony/ScriptedBackend.h"
#include "uui/SipHeaderBudget.h"

#include <QCoreApplication>

#include <benchmark/benchmark.h>

#include <ctime>

using namespace Qt::StringLiterals;
using namespace handoff;
using namespace handoff::flow;

namespace {

const QDateTime kStart = QDateTime(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC);

SimulationContext context() {
    SimulationContext c;
    c.uuiTemplate.orgId = u"00D000000000001"_s;
    c.uuiTemplate.scrt2Domain = u"mycompany.my.salesforce-scrt.com"_s;
    c.tokens.iss = u"00D000000000001"_s;
    c.tokens.sub = u"scv4cc1"_s;
    return c;
}

// The baseline: what one call must do at least, compose the UUI and measure its header.
uui::UuiModel baselineModel(const SimulationContext& c) {
    uui::UuiModel model = c.uuiTemplate;
    model.token = QString::fromLatin1(
        standInToken(kStart.toSecsSinceEpoch(), kStart.toSecsSinceEpoch() + 86400, c.tokens, c.seed));
    model.callId = u"0LQSC0000000001"_s;
    return model;
}

// CPU time of this thread, so that other processes on a busy machine do not skew the ratio.
double threadCpuNanos() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e9 + double(ts.tv_nsec);
}

double nanosPerBaseline(const SimulationContext& c, int iterations) {
    const uui::UuiModel model = baselineModel(c);
    uui::BudgetOptions options;
    options.computeWaysOut = false;
    const double begin = threadCpuNanos();
    for (int i = 0; i < iterations; ++i) {
        uui::SipBudget b = uui::budget(model, c.trunk, options);
        benchmark::DoNotOptimize(b.measured);
    }
    return (threadCpuNanos() - begin) / iterations;
}

void BM_BaselineComposeAndBudget(benchmark::State& state) {
    const SimulationContext c = context();
    const uui::UuiModel model = baselineModel(c);
    uui::BudgetOptions options;
    options.computeWaysOut = false;
    for (auto _ : state) {
        uui::SipBudget b = uui::budget(model, c.trunk, options);
        benchmark::DoNotOptimize(b.measured);
    }
    state.SetItemsProcessed(state.iterations());
}

void BM_ComposeOnly(benchmark::State& state) {
    const SimulationContext c = context();
    const uui::UuiModel model = baselineModel(c);
    for (auto _ : state) {
        uui::ComposedUui composed = uui::compose(model);
        benchmark::DoNotOptimize(composed.json);
    }
    state.SetItemsProcessed(state.iterations());
}

// The budget without the header text (BudgetOptions::renderText false): what a call without a trace computes.
void BM_ComposeAndBudgetLengthsOnly(benchmark::State& state) {
    const SimulationContext c = context();
    const uui::UuiModel model = baselineModel(c);
    uui::BudgetOptions options;
    options.computeWaysOut = false;
    options.renderText = false;
    const double baseline = nanosPerBaseline(c, 20000);
    const double begin = threadCpuNanos();
    for (auto _ : state) {
        uui::SipBudget b = uui::budget(model, c.trunk, options);
        benchmark::DoNotOptimize(b.measured);
    }
    const double perRun = (threadCpuNanos() - begin) / double(state.iterations());
    state.SetItemsProcessed(state.iterations());
    state.counters["ratio_vs_compose"] = benchmark::Counter(perRun / baseline);
}

void BM_BudgetForData(benchmark::State& state) {
    const SimulationContext c = context();
    const QByteArray json = uui::compose(baselineModel(c)).json;
    for (auto _ : state) {
        uui::SipBudget b = uui::budgetForData(json, c.trunk);
        benchmark::DoNotOptimize(b.measured);
    }
    state.SetItemsProcessed(state.iterations());
}

void BM_ScriptedCall(benchmark::State& state) {
    const SimulationContext c = context();
    const FixedClock clock(kStart);
    Simulator simulator(sipTransferTemplate(), c, clock);
    simulator.setRecordSteps(state.range(0) != 0);
    SimulatedCall call;
    call.startTime = kStart;
    const CallScript script{telephony::CallOutcome::Success, true};
    const double baseline = nanosPerBaseline(c, 20000);
    int transferred = 0;
    const double begin = threadCpuNanos();
    for (auto _ : state) {
        call.conversationId.clear();
        const Trace trace = simulator.run(call, script);
        transferred += trace.reachedAgent() ? 1 : 0;
    }
    const double perCall = (threadCpuNanos() - begin) / double(state.iterations());
    if (transferred != state.iterations()) {
        state.SkipWithError("a scripted call did not reach the agent");
    }
    state.SetItemsProcessed(state.iterations());
    state.counters["calls_per_s"] = benchmark::Counter(1e9 / perCall);
    state.counters["ratio_vs_compose"] = benchmark::Counter(perCall / baseline);
}

// Scripted calls through `flow` with a backend shared by all calls: every call gets a new VoiceCall id, so every
// UUI differs and is composed and measured again (no reuse of the previous call's composition).
// `secondApart`: each call starts a second after the one before (the function's token then differs on every call).
void runDistinctIdCalls(benchmark::State& state, const Flow& flow, bool secondApart = false) {
    const SimulationContext c = context();
    const FixedClock clock(kStart);
    Simulator simulator(flow, c, clock);
    simulator.setRecordSteps(false);
    telephony::ScriptedBackend backend;
    SimulatedCall call;
    call.startTime = kStart;
    const double baseline = nanosPerBaseline(c, 20000);
    int transferred = 0;
    const double begin = threadCpuNanos();
    qint64 second = 0;
    for (auto _ : state) {
        call.conversationId.clear();
        if (secondApart) {
            call.startTime = kStart.addSecs(++second);
        }
        const Trace trace = simulator.run(call, {}, &backend);
        transferred += trace.reachedAgent() ? 1 : 0;
    }
    const double perCall = (threadCpuNanos() - begin) / double(state.iterations());
    if (transferred != state.iterations()) {
        state.SkipWithError("a scripted call did not reach the agent");
    }
    state.SetItemsProcessed(state.iterations());
    state.counters["calls_per_s"] = benchmark::Counter(1e9 / perCall);
    state.counters["ratio_vs_compose"] = benchmark::Counter(perCall / baseline);
}

// The template's way: the function mints a UUI token for each call. RS256 is deterministic, so calls in the same
// second (as here, under a fixed clock) get the same token, as from the exported function.
void BM_ScriptedCallDistinctIds(benchmark::State& state) {
    runDistinctIdCalls(state, sipTransferTemplate());
}

// The same, each call a second after the last: the function's token differs on every call, and is minted, put into
// the UUI and decoded again on every call.
void BM_ScriptedCallDistinctIdsNewSecond(benchmark::State& state) {
    runDistinctIdCalls(state, sipTransferTemplate(), true);
}

// The article's way: one UUI token pasted into the flow (Flow.uuiToken) and reused by every call, while each call
// still gets its own VoiceCall id, so every UUI differs in its callId (the workload the goal was set on).
void BM_ScriptedCallDistinctIdsReusedToken(benchmark::State& state) {
    TemplateOptions options;
    options.tokenFromFunction = false;
    runDistinctIdCalls(state, sipTransferTemplate(options));
}

} // namespace

BENCHMARK(BM_BaselineComposeAndBudget);
BENCHMARK(BM_ComposeOnly);
BENCHMARK(BM_ComposeAndBudgetLengthsOnly);
BENCHMARK(BM_BudgetForData);
BENCHMARK(BM_ScriptedCall)->Arg(0)->ArgName("trace");
BENCHMARK(BM_ScriptedCall)->Arg(1)->ArgName("trace");
BENCHMARK(BM_ScriptedCallDistinctIds);
BENCHMARK(BM_ScriptedCallDistinctIdsNewSecond);
BENCHMARK(BM_ScriptedCallDistinctIdsReusedToken);

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
