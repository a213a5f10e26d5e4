#pragma once
// Small helpers shared by the benchmark files: a monotonic stopwatch and the per-context
// counters every case reports. Wall time is fine here: this is a benchmark, not core/.
#include <benchmark/benchmark.h>

#include <chrono>
#include <cstddef>

namespace ctxscope::bench {

using Clock = std::chrono::steady_clock;

inline double secondsBetween(Clock::time_point a, Clock::time_point b)
{
    return std::chrono::duration<double>(b - a).count();
}

// perCtx turns a total over every iteration into a per-context average counter. Benchmark's
// own counters would divide by the iteration count only; this also divides by N.
inline benchmark::Counter perCtx(double total, double iterations, std::size_t n)
{
    return benchmark::Counter(total / (iterations * static_cast<double>(n)));
}

} // namespace ctxscope::bench
