// Deadlines at the edges of int64 (semantics R26, R27, R30; scenario.md "Durations and times"):
// the largest time.Duration is a real deadline that Go reports and keeps pending, and a
// deadline may be before the scenario started.
#include "ctxscope/engine/context_tree.h"
#include "ctxscope/engine/simulation.h"
#include "scenario_builder.h"

#include <catch2/catch.hpp>

using namespace ctxscope;
using namespace ctxscope::test;
using K = ContextKind;

namespace {
constexpr Nanos kMax = std::numeric_limits<Nanos>::max();
Scenario rooted(std::vector<ContextSpec> more)
{
    std::vector<ContextSpec> all{ctx("root", K::Background)};
    for (auto& c : more)
        all.push_back(std::move(c));
    return scenario(std::move(all));
}
} // namespace

TEST_CASE("WithDeadline at the largest time.Duration: Deadline() reports it and its timer stays pending", "[sim][deadline]")
{
    auto s = rooted({deadlineCtx("far", "root", kMax), ctx("child", K::WithCancel, "far"),
                     ctx("cut", K::WithoutCancel, "far")});
    const auto r = simulate(s);
    CHECK(C(r, "far").hasDeadline());
    CHECK(C(r, "far").deadline == kMax);
    CHECK(C(r, "child").hasDeadline()); // R17: inherited
    CHECK(C(r, "child").deadline == kMax);
    CHECK_FALSE(C(r, "cut").hasDeadline()); // R43
    CHECK(C(r, "far").err == Err::None);
    // A pending timer means the run is not idle: it stops at the 1h cap.
    CHECK(r.stopped == StopReason::Horizon);
    CHECK(r.endTime == kHorizonCap);
}

TEST_CASE("WithTimeout of the largest duration at 0 has exactly that deadline; later, it saturates", "[sim][deadline]")
{
    auto s = rooted({timeoutCtx("to", "root", kMax), timeoutCtx("late", "root", kMax, ms(5))});
    const auto r = simulate(s);
    CHECK(C(r, "to").deadline == kMax);
    CHECK(C(r, "late").deadline == kMax); // now + timeout is past int64: saturated (documented)
    CHECK(C(r, "late").hasDeadline());
}

TEST_CASE("a deadline before the scenario started is already expired at creation", "[sim][deadline]")
{
    auto s = rooted({deadlineCtx("old", "root", -ms(50), ms(10)), timeoutCtx("neg", "root", -kSecond, ms(5))});
    const auto r = simulate(s);
    CHECK(C(r, "old").deadline == -ms(50));
    CHECK(C(r, "old").err == Err::DeadlineExceeded);
    CHECK(C(r, "old").doneAt == ms(10));
    CHECK(C(r, "old").reason == Reason::Deadline);
    CHECK(C(r, "neg").deadline == ms(5) - kSecond);
    CHECK(C(r, "neg").doneAt == ms(5));
    CHECK(r.stopped == StopReason::Idle);
}

TEST_CASE("the tree tells a deadline from none by a flag, not by a sentinel value", "[tree][deadline]")
{
    ContextTree t;
    const CtxIndex bg = t.background(0);
    const CtxIndex far = t.withDeadline(bg, 0, kNoDeadline);
    const CtxIndex later = t.withDeadline(far, 0, kNoDeadline); // not before: own timer
    const CtxIndex min = t.withDeadline(bg, 0, std::numeric_limits<Nanos>::min());
    CHECK_FALSE(t.hasDeadline(bg));
    CHECK(t.hasDeadline(far));
    CHECK(t.needsTimer(far));
    CHECK(t.deadlineFrom(far) == far);
    CHECK(t.hasOwnDeadline(later));
    CHECK(t.deadlineFrom(later) == later);
    CHECK(t.hasDeadline(min));
    CHECK(t.isDone(min));
    CHECK(t.deadline(min) == std::numeric_limits<Nanos>::min());
}
