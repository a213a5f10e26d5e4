#pragma once
// Heap accounting for the benchmarks: this binary replaces the global operator new/delete, so
// every C++ allocation (ours, the standard library's) is counted by its real usable size.
// Single-threaded use only is assumed, but the counters are atomic so a stray thread cannot
// corrupt them.
#include <cstddef>

namespace ctxscope::bench {

// liveHeapBytes returns the bytes currently allocated through operator new and not yet freed.
std::size_t liveHeapBytes();
// peakHeapBytes returns the highest liveHeapBytes() seen since the last resetPeakHeap().
std::size_t peakHeapBytes();
// resetPeakHeap makes the current live figure the new peak.
void resetPeakHeap();

} // namespace ctxscope::bench
