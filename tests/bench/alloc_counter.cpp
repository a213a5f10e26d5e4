// Replacement global allocation functions that count live bytes (see alloc_counter.h). Sizes
// come from malloc_usable_size, so the figure includes malloc's rounding, as Go's HeapAlloc
// includes its size classes.
#include "alloc_counter.h"

#include <atomic>
#include <cstdlib>
#include <malloc.h>
#include <new>

namespace {

std::atomic<std::size_t> g_live{0};
std::atomic<std::size_t> g_peak{0};

void* counted(void* p)
{
    if (p != nullptr) {
        const std::size_t size = malloc_usable_size(p);
        const std::size_t now = g_live.fetch_add(size, std::memory_order_relaxed) + size;
        std::size_t peak = g_peak.load(std::memory_order_relaxed);
        while (now > peak && !g_peak.compare_exchange_weak(peak, now, std::memory_order_relaxed)) {
        }
    }
    return p;
}

void* allocate(std::size_t n)
{
    return counted(std::malloc(n == 0 ? 1 : n));
}

void* allocateAligned(std::size_t n, std::align_val_t al)
{
    void* p = nullptr;
    std::size_t a = static_cast<std::size_t>(al);
    if (a < sizeof(void*))
        a = sizeof(void*);
    if (posix_memalign(&p, a, n == 0 ? 1 : n) != 0)
        return nullptr;
    return counted(p);
}

void release(void* p) noexcept
{
    if (p != nullptr) {
        g_live.fetch_sub(malloc_usable_size(p), std::memory_order_relaxed);
        std::free(p);
    }
}

} // namespace

namespace ctxscope::bench {

std::size_t liveHeapBytes() { return g_live.load(std::memory_order_relaxed); }
std::size_t peakHeapBytes() { return g_peak.load(std::memory_order_relaxed); }
void resetPeakHeap() { g_peak.store(g_live.load(std::memory_order_relaxed), std::memory_order_relaxed); }

} // namespace ctxscope::bench

void* operator new(std::size_t n)
{
    if (void* p = allocate(n))
        return p;
    throw std::bad_alloc();
}
void* operator new[](std::size_t n)
{
    if (void* p = allocate(n))
        return p;
    throw std::bad_alloc();
}
void* operator new(std::size_t n, const std::nothrow_t&) noexcept { return allocate(n); }
void* operator new[](std::size_t n, const std::nothrow_t&) noexcept { return allocate(n); }
void* operator new(std::size_t n, std::align_val_t al)
{
    if (void* p = allocateAligned(n, al))
        return p;
    throw std::bad_alloc();
}
void* operator new[](std::size_t n, std::align_val_t al)
{
    if (void* p = allocateAligned(n, al))
        return p;
    throw std::bad_alloc();
}
void* operator new(std::size_t n, std::align_val_t al, const std::nothrow_t&) noexcept { return allocateAligned(n, al); }
void* operator new[](std::size_t n, std::align_val_t al, const std::nothrow_t&) noexcept { return allocateAligned(n, al); }

void operator delete(void* p) noexcept { release(p); }
void operator delete[](void* p) noexcept { release(p); }
void operator delete(void* p, std::size_t) noexcept { release(p); }
void operator delete[](void* p, std::size_t) noexcept { release(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { release(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { release(p); }
void operator delete(void* p, std::align_val_t) noexcept { release(p); }
void operator delete[](void* p, std::align_val_t) noexcept { release(p); }
void operator delete(void* p, std::size_t, std::align_val_t) noexcept { release(p); }
void operator delete[](void* p, std::size_t, std::align_val_t) noexcept { release(p); }
void operator delete(void* p, std::align_val_t, const std::nothrow_t&) noexcept { release(p); }
void operator delete[](void* p, std::align_val_t, const std::nothrow_t&) noexcept { release(p); }
