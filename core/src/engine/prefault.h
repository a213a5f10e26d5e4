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

// populate maps the whole pages within [begin, end).
inline void populate(const void* begin, const void* end)
{
#if defined(__linux__) && defined(MADV_POPULATE_WRITE)
    constexpr std::uintptr_t kPage = 4096;
    const std::uintptr_t first = (reinterpret_cast<std::uintptr_t>(begin) + kPage - 1) & ~(kPage - 1);
    const std::uintptr_t last = reinterpret_cast<std::uintptr_t>(end) & ~(kPage - 1);
    if (last > first)
        (void)madvise(reinterpret_cast<void*>(first), last - first, MADV_POPULATE_WRITE);
#else
    (void)begin;
    (void)end;
#endif
}

// prefault(v, count): the first `count` elements of v's reserve (2 MiB or more of them).
template <typename T>
void prefault(const std::vector<T>& v, std::size_t count)
{
    const std::size_t n = std::min(count, v.capacity());
    if (n * sizeof(T) >= (std::size_t{1} << 21))
        populate(v.data(), v.data() + n);
}

// prefault(v): all of v's reserved buffer.
template <typename T>
void prefault(const std::vector<T>& v)
{
    prefault(v, v.capacity());
}

// prefaultAhead: for a vector filled by push_back whose reserve may be larger than what a run
// writes (only part of it is sure). Called after each push_back: each time v's elements cross a
// 256 KiB boundary, the next 256 KiB of its reserve are mapped at once.
template <typename T>
void prefaultAhead(const std::vector<T>& v)
{
    constexpr std::size_t kChunk = std::size_t{256} << 10;
    static_assert(sizeof(T) <= kChunk);
    if ((v.size() * sizeof(T)) % kChunk >= sizeof(T))
        return; // did not just cross a boundary
    const T* end = v.data() + v.capacity();
    const T* from = v.data() + v.size();
    const T* to = from + std::min<std::size_t>(kChunk / sizeof(T), static_cast<std::size_t>(end - from));
    populate(from, to);
}

} // namespace ctxscope
