// The trace writers on results of growing size, into a sink that only counts bytes (the disk is
// not what is measured). Two shapes: many contexts (a random tree, a third with timeouts, one
// cancel) and many tasks on one context, two work steps each (the Chrome writer once scanned
// every step for every task: 10^5 tasks took 13 s). ns per context or task should stay flat
// across sizes; peak_bytes_per_unit is what writing adds to the result already in memory (a
// writer that held the whole text would add the text's size).
#include "alloc_counter.h"
#include "bench_util.h"

#include "ctxscope/engine/simulation.h"
#include "ctxscope/formats/chrome_trace.h"
#include "ctxscope/formats/trace_writer.h"

#include <random>
#include <string>

namespace ctxscope::bench {
namespace {

// prefix + i, appended (GCC 12 warns, wrongly, about "c" + std::to_string(i) in Release).
std::string idOf(const char* prefix, std::size_t i)
{
    std::string id = prefix;
    id += std::to_string(i);
    return id;
}

Scenario treeScenario(std::size_t n)
{
    std::mt19937 rng(static_cast<unsigned>(n));
    Scenario s;
    s.name = idOf("bench: a tree of ", n);
    s.contexts.reserve(n);
    ContextSpec root;
    root.id = "c0";
    root.kind = ContextKind::Background;
    s.contexts.push_back(root);
    for (std::size_t i = 1; i < n; ++i) {
        ContextSpec c;
        c.id = idOf("c", i);
        c.parent = idOf("c", i - 1 - rng() % std::min<std::size_t>(i, 64));
        if (rng() % 3 == 0) {
            c.kind = ContextKind::WithTimeout;
            c.timeout = static_cast<Nanos>(1 + rng() % 500) * kMillisecond;
        }
        s.contexts.push_back(std::move(c));
    }
    Action cancel;
    cancel.at = 100 * kMillisecond;
    cancel.target = "c1";
    s.actions.push_back(cancel);
    return s;
}

Scenario tasksScenario(std::size_t n)
{
    Scenario s;
    s.name = idOf("bench: tasks: ", n);
    ContextSpec root;
    root.id = "root";
    root.kind = ContextKind::Background;
    ContextSpec c;
    c.id = "c";
    c.parent = "root";
    s.contexts = {root, c};
    Step work;
    work.duration = 10 * kMillisecond;
    for (std::size_t i = 0; i < n; ++i) {
        TaskSpec t;
        t.id = idOf("t", i);
        t.context = c.id;
        t.steps = {work, work};
        s.tasks.push_back(std::move(t));
    }
    Action cancel;
    cancel.at = 15 * kMillisecond;
    cancel.target = "c";
    s.actions.push_back(cancel);
    return s;
}

using Writer = void (*)(const std::function<void(std::string_view)>&, const SimulationResult&);

void benchWriter(benchmark::State& state, Writer write, Scenario (*make)(std::size_t), std::size_t n)
{
    const SimulationResult result = simulate(make(n));
    double seconds = 0, bytes = 0, peak = 0;
    for (auto _ : state) {
        std::size_t written = 0;
        const std::size_t before = liveHeapBytes();
        resetPeakHeap();
        const auto t0 = Clock::now();
        write([&written](std::string_view chunk) { written += chunk.size(); }, result);
        const auto t1 = Clock::now();
        state.SetIterationTime(secondsBetween(t0, t1));
        seconds += secondsBetween(t0, t1);
        bytes += static_cast<double>(written);
        peak += static_cast<double>(peakHeapBytes() - before);
    }
    const double it = static_cast<double>(state.iterations());
    state.counters["ns_per_unit"] = perCtx(seconds * 1e9, it, n);
    state.counters["out_bytes_per_unit"] = perCtx(bytes, it, n);
    state.counters["peak_bytes_per_unit"] = perCtx(peak, it, n);
}

void chrome(const std::function<void(std::string_view)>& sink, const SimulationResult& r) { writeChromeTrace(sink, r); }
void jsonl(const std::function<void(std::string_view)>& sink, const SimulationResult& r) { writeTrace(sink, r); }

const bool registered = [] {
    const std::pair<const char*, Writer> writers[] = {{"chrome", chrome}, {"trace", jsonl}};
    for (const auto& [name, write] : writers) {
        for (std::size_t n : {10000u, 100000u, 1000000u})
            benchmark::RegisterBenchmark(("export/" + std::string(name) + "/contexts/" + std::to_string(n)).c_str(),
                                         benchWriter, write, treeScenario, std::size_t{n})
                ->UseManualTime()
                ->Iterations(n >= 1000000 ? 1 : 3)
                ->Unit(benchmark::kMillisecond);
        for (std::size_t n : {1000u, 10000u, 100000u})
            benchmark::RegisterBenchmark(("export/" + std::string(name) + "/tasks/" + std::to_string(n)).c_str(),
                                         benchWriter, write, tasksScenario, std::size_t{n})
                ->UseManualTime()
                ->Iterations(3)
                ->Unit(benchmark::kMillisecond);
    }
    return true;
}();

} // namespace
} // namespace ctxscope::bench
