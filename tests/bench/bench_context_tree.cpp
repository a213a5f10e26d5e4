// ContextTree on its own: WithCancel trees built and cancelled from the root, and WithTimeout
// fan-outs expired in deadline order. The shapes and sizes are those of Go's harness
// (shared/bench/go-baseline/main.go), so tests/bench/run can put the two side by side:
//   chain     root -> c1 -> ... (depth N)
//   fanout    N-1 children of the root
//   balanced4 breadth-first, 4 children a node
// N counts every context from the root down; the root is WithCancel(Background), as in Go (our
// Background node is one extra and is included in the bytes).
//
// Each iteration builds a fresh tree (reserved up front, as simulate() does) and times the build
// and the root cancel() separately with a steady clock; the reported (manual) time is their sum.
// Freeing the tree and checking that every node ended with Canceled are not timed.
#include "alloc_counter.h"
#include "bench_util.h"

#include "ctxscope/engine/context_tree.h"

#include <array>
#include <memory>
#include <string>
#include <vector>

namespace ctxscope::bench {
namespace {

enum class Shape { Chain, Fanout, Balanced4 };

const char* shapeName(Shape s)
{
    switch (s) {
    case Shape::Chain: return "chain";
    case Shape::Fanout: return "fanout";
    case Shape::Balanced4: return "balanced4";
    }
    return "?";
}

// buildTree creates n WithCancel contexts in the given shape under a Background root, in the
// same creation order as Go's harness, and returns the root. all receives every context.
CtxIndex buildTree(ContextTree& tree, Shape shape, std::size_t n, std::vector<CtxIndex>& all)
{
    const CtxIndex root = tree.withCancel(tree.background(0), 0);
    all.push_back(root);
    switch (shape) {
    case Shape::Chain: {
        CtxIndex cur = root;
        for (std::size_t i = 1; i < n; ++i) {
            cur = tree.withCancel(cur, 0);
            all.push_back(cur);
        }
        break;
    }
    case Shape::Fanout:
        for (std::size_t i = 1; i < n; ++i)
            all.push_back(tree.withCancel(root, 0));
        break;
    case Shape::Balanced4:
        for (std::size_t parent = 0; all.size() < n; ++parent) {
            for (int k = 0; k < 4 && all.size() < n; ++k)
                all.push_back(tree.withCancel(all[parent], 0));
        }
        break;
    }
    return root;
}

struct TreeRun {
    double buildSeconds = 0, cancelSeconds = 0;
    std::size_t bytes = 0, peakBytes = 0;
    bool ok = false;
};

// runTree builds one tree (after ContextTree::reserve(n + 1) if reserve, as simulate() does:
// it knows the number of contexts up front) and cancels its root.
TreeRun runTree(Shape shape, std::size_t n, bool reserve)
{
    std::vector<CtxIndex> all;
    all.reserve(n); // the holding array is not part of the tree (Go's harness does the same)
    auto tree = std::make_unique<ContextTree>();
    const std::size_t before = liveHeapBytes();
    resetPeakHeap();

    const auto t0 = Clock::now();
    if (reserve)
        tree->reserve(n + 1); // + the Background node
    const CtxIndex root = buildTree(*tree, shape, n, all);
    const auto t1 = Clock::now();
    const std::size_t afterBuild = liveHeapBytes();
    const bool first = tree->cancel(root, 1);
    const auto t2 = Clock::now();

    TreeRun r;
    r.buildSeconds = secondsBetween(t0, t1);
    r.cancelSeconds = secondsBetween(t1, t2);
    r.bytes = afterBuild - before;
    r.peakBytes = peakHeapBytes() - before;
    r.ok = first;
    for (CtxIndex c : all)
        r.ok = r.ok && tree->err(c) == Err::Canceled;
    return r;
}

// Timed with reserve (the simulator's case). One extra run without reserve, outside the timed
// loop, gives the cost of growing the vectors one push_back at a time (an editor adding nodes).
void benchCancelTree(benchmark::State& state, Shape shape, std::size_t n)
{
    const TreeRun grown = runTree(shape, n, false);
    double buildSeconds = 0, cancelSeconds = 0, bytes = 0, peakBytes = 0;
    for (auto _ : state) {
        const TreeRun r = runTree(shape, n, true);
        buildSeconds += r.buildSeconds;
        cancelSeconds += r.cancelSeconds;
        bytes += static_cast<double>(r.bytes);
        peakBytes += static_cast<double>(r.peakBytes);
        state.SetIterationTime(r.buildSeconds + r.cancelSeconds);
        if (!r.ok || !grown.ok) {
            state.SkipWithError("not every context ended with Canceled");
            break;
        }
    }
    const double it = static_cast<double>(state.iterations());
    if (it == 0)
        return;
    state.counters["build_ns_per_ctx"] = perCtx(buildSeconds * 1e9, it, n);
    state.counters["cancel_ns_per_ctx"] = perCtx(cancelSeconds * 1e9, it, n);
    state.counters["bytes_per_ctx"] = perCtx(bytes, it, n);
    state.counters["peak_bytes_per_ctx"] = perCtx(peakBytes, it, n);
    state.counters["grown_build_ns_per_ctx"] = perCtx(grown.buildSeconds * 1e9, 1, n);
    state.counters["grown_bytes_per_ctx"] = perCtx(static_cast<double>(grown.bytes), 1, n);
}

// N WithTimeout children of one parent (Background, or WithCancel(Background) where each child
// is registered in the parent), deadlines spread evenly over 100 ms of virtual time, then each
// expired by ContextTree::expire in deadline order, as the simulator's timer heap would.
void benchTimeouts(benchmark::State& state, bool withCancelParent, std::size_t n)
{
    constexpr Nanos kSpread = 100 * kMillisecond;
    std::vector<Nanos> deadlines(n);
    for (std::size_t i = 0; i < n; ++i)
        deadlines[i] = kMillisecond + static_cast<Nanos>(i) * kSpread / static_cast<Nanos>(n);

    double buildSeconds = 0, expireSeconds = 0, bytes = 0;
    for (auto _ : state) {
        std::vector<CtxIndex> all(n);
        auto tree = std::make_unique<ContextTree>();
        const std::size_t before = liveHeapBytes();

        const auto t0 = Clock::now();
        tree->reserve(n + 2); // as simulate() does
        const CtxIndex bg = tree->background(0);
        const CtxIndex parent = withCancelParent ? tree->withCancel(bg, 0) : bg;
        for (std::size_t i = 0; i < n; ++i)
            all[i] = tree->withDeadline(parent, 0, deadlines[i], kNone, ContextKind::WithTimeout);
        const auto t1 = Clock::now();
        const std::size_t afterBuild = liveHeapBytes();
        bool ok = true;
        for (std::size_t i = 0; i < n; ++i)
            ok = tree->expire(all[i], deadlines[i]) && ok;
        const auto t2 = Clock::now();

        bytes += static_cast<double>(afterBuild - before);
        buildSeconds += secondsBetween(t0, t1);
        expireSeconds += secondsBetween(t1, t2);
        state.SetIterationTime(secondsBetween(t0, t2));

        for (std::size_t i = 0; i < n; ++i)
            ok = ok && tree->err(all[i]) == Err::DeadlineExceeded && tree->doneAt(all[i]) == deadlines[i];
        if (!ok) {
            state.SkipWithError("not every context expired with DeadlineExceeded at its deadline");
            break;
        }
    }
    const double it = static_cast<double>(state.iterations());
    if (it == 0)
        return;
    state.counters["build_ns_per_ctx"] = perCtx(buildSeconds * 1e9, it, n);
    state.counters["expire_ns_per_ctx"] = perCtx(expireSeconds * 1e9, it, n);
    state.counters["bytes_per_ctx"] = perCtx(bytes, it, n);
}

constexpr std::array<std::size_t, 3> kSizes{1000, 100000, 1000000};

const bool registered = [] {
    for (Shape shape : {Shape::Chain, Shape::Fanout, Shape::Balanced4}) {
        for (std::size_t n : kSizes) {
            const std::string name = std::string("tree/") + shapeName(shape) + "/" + std::to_string(n);
            benchmark::RegisterBenchmark(name.c_str(), benchCancelTree, shape, n)
                ->UseManualTime()
                ->Unit(benchmark::kMillisecond);
        }
    }
    for (bool withCancel : {true, false}) {
        for (std::size_t n : kSizes) {
            const std::string name = std::string("timeout/") + (withCancel ? "withcancel" : "background")
                + "/" + std::to_string(n);
            benchmark::RegisterBenchmark(name.c_str(), benchTimeouts, withCancel, n)
                ->UseManualTime()
                ->Unit(benchmark::kMillisecond);
        }
    }
    return true;
}();

} // namespace
} // namespace ctxscope::bench
