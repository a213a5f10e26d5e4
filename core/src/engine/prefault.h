#pragma once
// prefault: map the pages of a vector's reserved buffer that a run is sure to write, in one
// system call, instead of taking one page fault per 4 KiB as they are first written. At 10^6
// contexts the simulator's tables are a few hundred MB of fresh memory, and on the virtual
// machines we measure on the per-page fault was half of simulate()'s time. Only the pages a
// run will write are mapped (resident memory is not raised), and buffers under 2 MiB are left
// alone (the faults are few there). Contents are unchanged: these are reserved, unconstructed
// elements. A hint only: where madvise(MADV_POPULATE_WRITE) is missing (kernels before 5.14,
// other systems) nothing happens and the pages fault in as before.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace ctxscope {

template <typename T>
void prefault(const std::vector<T>& v, std::size_t count)
{
#if defined(__linux__) && defined(MADV_POPULATE_WRITE)
    constexpr std::uintptr_t kPage = 4096;
    const std::size_t bytes = std::min(count, v.capacity()) * sizeof(T);
    if (bytes < (std::size_t{1} << 21))
        return;
    const auto p = reinterpret_cast<std::uintptr_t>(v.data());
    const std::uintptr_t first = (p + kPage - 1) & ~(kPage - 1);
    const std::uintptr_t last = (p + bytes) & ~(kPage - 1);
    if (last > first)
        (void)madvise(reinterpret_cast<void*>(first), last - first, MADV_POPULATE_WRITE);
#else
    (void)v;
    (void)count;
#endif
}

// prefault(v): all of v's reserved buffer.
template <typename T>
void prefault(const std::vector<T>& v)
{
    prefault(v, v.capacity());
}

} // namespace ctxscope
