// simulate() end to end on generated scenarios: N contexts in all, i.e. a Background root, one
// WithCancel under it and N-2 WithTimeout contexts under that (N = 10^6 is the format's limit),
// timeouts spread evenly over 100 ms of virtual time, nothing else. This is the honest
// figure for "a million timers": it includes the timer heap, the events, and the per-context
// tables of the result, not just the tree. Building the Scenario is not timed.
#include "alloc_counter.h"
#include "bench_util.h"

#include "ctxscope/engine/simulation.h"
#include "ctxscope/engine/validate.h"

#include <string>

namespace ctxscope::bench {
namespace {

Scenario timeoutScenario(std::size_t n)
{
    constexpr Nanos kSpread = 100 * kMillisecond;
    Scenario s;
    s.name = "bench: " + std::to_string(n) + " timeouts";
    ContextSpec root;
    root.id = "root";
    root.kind = ContextKind::Background;
    s.contexts.push_back(root);
    ContextSpec req;
    req.id = "req";
    req.kind = ContextKind::WithCancel;
    req.parent = "root";
    s.contexts.push_back(req);
    s.contexts.reserve(n);
    const std::size_t timeouts = n - 2;
    for (std::size_t i = 0; i < timeouts; ++i) {
        ContextSpec c;
        c.id = "t";
        c.id += std::to_string(i);
        c.kind = ContextKind::WithTimeout;
        c.parent = "req";
        c.timeout = kMillisecond + static_cast<Nanos>(i) * kSpread / static_cast<Nanos>(timeouts);
        s.contexts.push_back(std::move(c));
    }
    return s;
}

void benchSimulateTimeouts(benchmark::State& state, std::size_t n)
{
    const Scenario scenario = timeoutScenario(n);
    if (const auto problems = validateScenario(scenario); !problems.empty()) {
        state.SkipWithError(("generated scenario is invalid: " + problems.front().path + ": "
                             + problems.front().message).c_str());
        return;
    }
    double seconds = 0, events = 0, bytes = 0, peakBytes = 0;
    for (auto _ : state) {
        const std::size_t before = liveHeapBytes();
        resetPeakHeap();
        const auto t0 = Clock::now();
        SimulationResult result = simulate(scenario);
        const auto t1 = Clock::now();
        bytes += static_cast<double>(liveHeapBytes() - before);
        peakBytes += static_cast<double>(peakHeapBytes() - before);
        seconds += secondsBetween(t0, t1);
        events += static_cast<double>(result.events.size());
        state.SetIterationTime(secondsBetween(t0, t1));

        bool ok = result.contexts.size() == n && result.stopped == StopReason::Idle;
        for (std::size_t i = 2; ok && i < result.contexts.size(); ++i) {
            const ContextInfo& c = result.contexts[i];
            ok = c.err == Err::DeadlineExceeded && c.doneAt == scenario.contexts[i].timeout;
        }
        if (!ok) {
            state.SkipWithError("not every context expired with DeadlineExceeded at its deadline");
            break;
        }
    }
    const double it = static_cast<double>(state.iterations());
    if (it == 0)
        return;
    state.counters["sim_ns_per_ctx"] = perCtx(seconds * 1e9, it, n);
    state.counters["events_per_ctx"] = perCtx(events, it, n);
    state.counters["result_bytes_per_ctx"] = perCtx(bytes, it, n);
    state.counters["peak_bytes_per_ctx"] = perCtx(peakBytes, it, n);
}

const bool registered = [] {
    for (std::size_t n : {1000u, 100000u, 1000000u}) {
        const std::string name = "simulate/timeouts/" + std::to_string(n);
        benchmark::RegisterBenchmark(name.c_str(), benchSimulateTimeouts, std::size_t{n})
            ->UseManualTime()
            ->Unit(benchmark::kMillisecond);
    }
    return true;
}();

} // namespace
} // namespace ctxscope::bench
