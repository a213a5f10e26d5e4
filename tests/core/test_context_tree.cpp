// ContextTree on its own: Go's rules that need no clock and no tasks.
#include "ctxscope/engine/context_tree.h"

#include <catch2/catch.hpp>

#include <vector>

using namespace ctxscope;

namespace {
struct Recorder : CancelObserver {
    std::vector<CtxIndex> order;
    void contextDone(CtxIndex c) override { order.push_back(c); }
};
constexpr StrId kMyCause = 7;
} // namespace

TEST_CASE("R5: Background is never done and reports no deadline", "[tree]")
{
    ContextTree t;
    const CtxIndex bg = t.background(0);
    CHECK_FALSE(t.isDone(bg));
    CHECK(t.err(bg) == Err::None);
    CHECK(t.cause(bg) == kNone);
    CHECK(t.deadline(bg) == kNoDeadline);
    CHECK_FALSE(t.canEverBeDone(bg));
    CHECK_FALSE(t.cancel(bg, 10)); // no cancel function
}

TEST_CASE("R12: cancel makes the whole subtree done synchronously with the same err, cause and time", "[tree]")
{
    ContextTree t;
    const CtxIndex bg = t.background(0);
    const CtxIndex a = t.withCancel(bg, 0);
    const CtxIndex b = t.withCancel(a, 0);
    const CtxIndex c = t.withCancel(b, 0);
    REQUIRE(t.cancel(a, 5));
    for (CtxIndex n : {a, b, c}) {
        CHECK(t.err(n) == Err::Canceled);
        CHECK(t.cause(n) == kStrCanceled);
        CHECK(t.doneAt(n) == 5);
        CHECK(t.source(n) == a);
    }
    CHECK(t.reason(a) == Reason::Cancel);
    CHECK(t.reason(c) == Reason::Parent);
}

TEST_CASE("R13: a second cancel is a no-op and keeps the first err, cause and time", "[tree]")
{
    ContextTree t;
    const CtxIndex bg = t.background(0);
    const CtxIndex c = t.withCancel(bg, 0, ContextKind::WithCancelCause);
    REQUIRE(t.cancel(c, 1, kMyCause));
    CHECK_FALSE(t.cancel(c, 2, kMyCause + 1));
    CHECK(t.cause(c) == kMyCause);
    CHECK(t.doneAt(c) == 1);
}

TEST_CASE("R14: cancel never goes up or sideways", "[tree]")
{
    ContextTree t;
    const CtxIndex bg = t.background(0);
    const CtxIndex p = t.withCancel(bg, 0);
    const CtxIndex a = t.withCancel(p, 0);
    const CtxIndex b = t.withCancel(p, 0);
    t.cancel(a, 3);
    CHECK_FALSE(t.isDone(p));
    CHECK_FALSE(t.isDone(b));
}

TEST_CASE("R15: a WithCancel child of an expired deadline reports DeadlineExceeded", "[tree]")
{
    ContextTree t;
    const CtxIndex bg = t.background(0);
    const CtxIndex d = t.withDeadline(bg, 0, 100);
    const CtxIndex c = t.withCancel(d, 0);
    REQUIRE(t.needsTimer(d));
    t.expire(d, 100);
    CHECK(t.err(c) == Err::DeadlineExceeded);
    CHECK(t.cause(c) == kStrDeadlineExceeded);
    CHECK(t.reason(c) == Reason::Parent);
}

TEST_CASE("R15: a deadline child canceled through its parent reports Canceled, and its timer is dead", "[tree]")
{
    ContextTree t;
    const CtxIndex bg = t.background(0);
    const CtxIndex p = t.withCancel(bg, 0);
    const CtxIndex d = t.withDeadline(p, 0, 100);
    t.cancel(p, 10);
    CHECK(t.err(d) == Err::Canceled);
    CHECK_FALSE(t.needsTimer(d));
    CHECK_FALSE(t.expire(d, 100));
    CHECK(t.err(d) == Err::Canceled);
}

TEST_CASE("R16: a child created under a done parent is done at creation with the parent's err and cause", "[tree]")
{
    ContextTree t;
    const CtxIndex bg = t.background(0);
    const CtxIndex p = t.withCancel(bg, 0, ContextKind::WithCancelCause);
    t.cancel(p, 1, kMyCause);
    const CtxIndex c = t.withCancel(p, 2);
    CHECK(t.err(c) == Err::Canceled);
    CHECK(t.cause(c) == kMyCause);
    CHECK(t.doneAt(c) == 2);
    SECTION("R16 before R30: a past deadline under a canceled parent gives Canceled, not DeadlineExceeded")
    {
        const CtxIndex d = t.withDeadline(p, 5, 1);
        CHECK(t.err(d) == Err::Canceled);
        CHECK(t.cause(d) == kMyCause);
        CHECK(t.reason(d) == Reason::Parent);
    }
}

TEST_CASE("R22: a child canceled first keeps its own cause when the parent goes later", "[tree]")
{
    ContextTree t;
    const CtxIndex bg = t.background(0);
    const CtxIndex p = t.withCancel(bg, 0, ContextKind::WithCancelCause);
    const CtxIndex c = t.withCancel(p, 0, ContextKind::WithCancelCause);
    t.cancel(c, 1, kMyCause);
    t.cancel(p, 2, kMyCause + 1);
    CHECK(t.cause(c) == kMyCause);
    CHECK(t.cause(p) == kMyCause + 1);
    CHECK(t.doneAt(c) == 1);
}

TEST_CASE("R24: cancel(DeadlineExceeded) on WithCancelCause gives err Canceled and that cause", "[tree]")
{
    ContextTree t;
    const CtxIndex c = t.withCancel(t.background(0), 0, ContextKind::WithCancelCause);
    t.cancel(c, 1, kStrDeadlineExceeded);
    CHECK(t.err(c) == Err::Canceled);
    CHECK(t.cause(c) == kStrDeadlineExceeded);
}

TEST_CASE("R27: a later child deadline under an earlier parent behaves as WithCancel", "[tree]")
{
    ContextTree t;
    const CtxIndex p = t.withDeadline(t.background(0), 0, 100);
    const CtxIndex c = t.withDeadline(p, 0, 500, kMyCause, ContextKind::WithDeadlineCause);
    CHECK(t.degraded(c));
    CHECK(t.deadline(c) == 100);
    CHECK(t.deadlineFrom(c) == p);
    CHECK_FALSE(t.needsTimer(c)); // no timer of its own
    t.expire(p, 100);
    CHECK(t.err(c) == Err::DeadlineExceeded);
    CHECK(t.cause(c) == kStrDeadlineExceeded); // the supplied cause is dropped
    CHECK(t.reason(c) == Reason::Parent);
}

TEST_CASE("R28: an equal deadline is not earlier: the child keeps a timer of its own", "[tree]")
{
    ContextTree t;
    const CtxIndex p = t.withDeadline(t.background(0), 0, 100);
    const CtxIndex c = t.withDeadline(p, 0, 100, kMyCause, ContextKind::WithDeadlineCause);
    CHECK_FALSE(t.degraded(c));
    CHECK(t.needsTimer(c));
    CHECK(t.deadlineFrom(c) == c);
}

TEST_CASE("R29: Deadline() stays after the node is done and is inherited by WithCancel and WithValue", "[tree]")
{
    ContextTree t;
    const CtxIndex d = t.withDeadline(t.background(0), 0, 100);
    const CtxIndex c = t.withCancel(d, 0);
    const CtxIndex v = t.withValue(c, 0);
    t.cancel(d, 10);
    CHECK(t.deadline(d) == 100);
    CHECK(t.deadline(c) == 100);
    CHECK(t.deadline(v) == 100);
    CHECK(t.deadlineFrom(v) == d);
}

TEST_CASE("R30: a deadline not after now is done at creation and its cancel does nothing", "[tree]")
{
    ContextTree t;
    const CtxIndex bg = t.background(0);
    SECTION("at exactly now")
    {
        const CtxIndex d = t.withDeadline(bg, 50, 50);
        CHECK(t.err(d) == Err::DeadlineExceeded);
        CHECK(t.reason(d) == Reason::Deadline);
        CHECK_FALSE(t.cancel(d, 60));
        CHECK(t.err(d) == Err::DeadlineExceeded);
    }
    SECTION("in the past, with a cause")
    {
        const CtxIndex d = t.withDeadline(bg, 50, 10, kMyCause, ContextKind::WithDeadlineCause);
        CHECK(t.cause(d) == kMyCause);
        CHECK(t.doneAt(d) == 50);
    }
}

TEST_CASE("R35: the Cause variants give their cause only when the deadline ends them", "[tree]")
{
    ContextTree t;
    const CtxIndex bg = t.background(0);
    const CtxIndex slow = t.withDeadline(bg, 0, 100, kMyCause, ContextKind::WithTimeoutCause);
    const CtxIndex quick = t.withDeadline(bg, 0, 100, kMyCause, ContextKind::WithTimeoutCause);
    t.cancel(quick, 50);
    t.expire(slow, 100);
    CHECK(t.cause(quick) == kStrCanceled);
    CHECK(t.err(quick) == Err::Canceled);
    CHECK(t.cause(slow) == kMyCause);
    CHECK(t.err(slow) == Err::DeadlineExceeded);
}

TEST_CASE("R36: WithValue mirrors its parent's Done, Err and cause and has no cancel function", "[tree]")
{
    ContextTree t;
    const CtxIndex p = t.withCancel(t.background(0), 0, ContextKind::WithCancelCause);
    const CtxIndex v = t.withValue(p, 0);
    CHECK(t.canEverBeDone(v));
    CHECK_FALSE(t.cancel(v, 1));
    CHECK_FALSE(t.isDone(v));
    t.cancel(p, 2, kMyCause);
    CHECK(t.err(v) == Err::Canceled);
    CHECK(t.cause(v) == kMyCause);
    CHECK(t.doneAt(v) == 2);
    SECTION("WithValue over Background can never be done")
    {
        CHECK_FALSE(t.canEverBeDone(t.withValue(t.background(0), 0)));
    }
}

TEST_CASE("R42, R43: WithoutCancel is never done, drops the deadline, and shields its subtree", "[tree]")
{
    ContextTree t;
    const CtxIndex d = t.withDeadline(t.background(0), 0, 50);
    const CtxIndex w = t.withoutCancel(d, 0);
    const CtxIndex below = t.withDeadline(w, 0, 500); // not degraded: w reports no deadline
    CHECK(t.deadline(w) == kNoDeadline);
    CHECK_FALSE(t.degraded(below));
    CHECK(t.needsTimer(below));
    t.expire(d, 50);
    CHECK_FALSE(t.isDone(w));
    CHECK_FALSE(t.isDone(below));
    CHECK_FALSE(t.canEverBeDone(w));
    SECTION("...even when created under an already-done parent")
    {
        CHECK_FALSE(t.isDone(t.withoutCancel(d, 60)));
    }
}

TEST_CASE("R54, R55: the cascade visits parent before children, children in creation order", "[tree]")
{
    ContextTree t;
    Recorder rec;
    t.setObserver(&rec);
    const CtxIndex bg = t.background(0);
    const CtxIndex a = t.withCancel(bg, 0);
    const CtxIndex b = t.withCancel(a, 0);
    const CtxIndex c = t.withValue(a, 0);
    const CtxIndex b1 = t.withCancel(b, 0);
    const CtxIndex c1 = t.withCancel(c, 0);
    t.cancel(a, 1);
    CHECK(rec.order == std::vector<CtxIndex>{a, b, b1, c, c1});
}

TEST_CASE("R56: the random cancel order is a seeded shuffle of each child list", "[tree]")
{
    auto orderFor = [](std::uint64_t seed) {
        ContextTree t;
        Recorder rec;
        t.setObserver(&rec);
        t.setCancelOrder(CancelOrder::Random, seed);
        const CtxIndex a = t.withCancel(t.background(0), 0);
        for (int i = 0; i < 12; ++i)
            t.withCancel(a, 0);
        t.cancel(a, 1);
        return rec.order;
    };
    const auto one = orderFor(1);
    CHECK(one == orderFor(1)); // same seed, same order
    CHECK(one.front() == 1);   // the canceled node first
    bool differs = false;
    for (std::uint64_t s = 2; s < 6 && !differs; ++s)
        differs = orderFor(s) != one;
    CHECK(differs);
}

TEST_CASE("A chain of a million contexts cancels without recursion", "[tree]")
{
    ContextTree t;
    t.reserve(1'000'001);
    CtxIndex c = t.withCancel(t.background(0), 0);
    const CtxIndex root = c;
    for (int i = 0; i < 1'000'000; ++i)
        c = t.withCancel(c, 0);
    t.cancel(root, 1);
    CHECK(t.err(c) == Err::Canceled);
    CHECK(t.source(c) == root);
}
