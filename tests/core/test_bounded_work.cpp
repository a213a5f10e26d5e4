// The engine's work is bounded by the scenario's size, never by its durations (issue: a
// `work: 1h` polled every 1ns was 3.6e12 timers). Each step kind runs here with the largest
// durations Go has, and the test counts what the run cost (timers armed, instants visited,
// events), so it fails the same way on any machine, however fast.
#include "ctxscope/engine/simulation.h"
#include "scenario_builder.h"

#include <catch2/catch.hpp>

using namespace ctxscope;
using namespace ctxscope::test;
using K = ContextKind;

namespace {

constexpr Nanos kMaxDuration = std::numeric_limits<Nanos>::max(); // "2562047h47m16.854775807s"

Scenario rooted(std::vector<ContextSpec> more = {})
{
    std::vector<ContextSpec> all{ctx("root", K::Background)};
    for (auto& c : more)
        all.push_back(std::move(c));
    return scenario(std::move(all));
}

// Bounded: a handful of timers and instants per step, whatever the durations.
void requireBounded(const SimulationResult& r, std::uint64_t steps)
{
    INFO("timers " << r.timersArmed << ", instants " << r.instants << ", events " << r.events.size());
    REQUIRE(r.timersArmed <= 4 * steps + 4);
    REQUIRE(r.instants <= 4 * steps + 4);
    REQUIRE(r.events.size() <= 8 * steps + 8);
}

} // namespace

TEST_CASE("polling work costs O(1) timers whatever work/watch is", "[sim][bounded]")
{
    SECTION("1h of work polled every 1ns, never canceled: ok at 1h")
    {
        Scenario s = rooted();
        s.tasks.push_back(task("t", "root", {work(kHour, Watch::Poll, 1)}));
        const auto r = simulate(s);
        CHECK(T(r, "t").result == "ok");
        CHECK(T(r, "t").endedAt == kHour);
        requireBounded(r, 1);
    }
    SECTION("the largest duration polled every 1ns under until: still running at the horizon")
    {
        Scenario s = rooted();
        s.until = 10 * kHour;
        s.tasks.push_back(task("t", "root", {work(kMaxDuration, Watch::Poll, 1)}));
        const auto r = simulate(s);
        CHECK(T(r, "t").result == "running");
        CHECK(r.stopped == StopReason::Horizon);
        requireBounded(r, 1);
    }
    SECTION("canceled mid-way: noticed at the first check after the cancel, 1ns later")
    {
        Scenario s = rooted({ctx("c", K::WithCancel, "root")});
        s.tasks.push_back(task("t", "c", {work(kHour, Watch::Poll, 1)}));
        s.actions.push_back(cancelAt(ms(1500), "c"));
        const auto r = simulate(s);
        CHECK(T(r, "t").result == "context canceled");
        CHECK(T(r, "t").endedAt == ms(1500) + 1); // the check at 1500ms ran before the action
        requireBounded(r, 2);
    }
    SECTION("a deadline on a slice boundary, armed before that slice: seen at the deadline")
    {
        Scenario s = rooted({timeoutCtx("d", "root", ms(100))});
        s.tasks.push_back(task("t", "d", {work(kHour, Watch::Poll, ms(10))}));
        const auto r = simulate(s);
        CHECK(T(r, "t").result == "context deadline exceeded");
        CHECK(T(r, "t").endedAt == ms(100));
        requireBounded(r, 2);
    }
    SECTION("a cancel at a slice boundary by a goroutine whose timer was armed before that slice")
    {
        // Slices end at 100, 200, 300ms. The canceller's timer (armed at 50ms, due 200ms) comes
        // before the 200ms check's (armed at 100ms), so that check sees c done.
        Scenario s = rooted({ctx("c", K::WithCancel, "root")});
        s.tasks.push_back(task("t", "c", {work(kHour, Watch::Poll, ms(100))}));
        s.tasks.push_back(task("canceller", "root", {work(ms(150)), cancelStep("c")}, ms(50)));
        const auto r = simulate(s);
        CHECK(T(r, "t").endedAt == ms(200));
        requireBounded(r, 3);
    }
    SECTION("a cancel at a slice boundary by a goroutine whose timer was armed after that slice began")
    {
        // The canceller's timer is armed at 150ms: the 200ms check (armed at 100ms) runs first
        // and sees c alive; the 300ms one ends the task.
        Scenario s = rooted({ctx("c", K::WithCancel, "root")});
        s.tasks.push_back(task("t", "c", {work(kHour, Watch::Poll, ms(100))}));
        s.tasks.push_back(task("canceller", "root", {work(ms(50)), cancelStep("c")}, ms(150)));
        const auto r = simulate(s);
        CHECK(T(r, "t").endedAt == ms(300));
        requireBounded(r, 3);
    }
    SECTION("done before the step: one slice, then the check ends it")
    {
        Scenario s = rooted({ctx("c", K::WithCancel, "root")});
        s.tasks.push_back(task("t", "c", {work(kMaxDuration, Watch::Poll, ms(7))}, ms(5)));
        s.actions.push_back(cancelAt(0, "c"));
        const auto r = simulate(s);
        CHECK(T(r, "t").endedAt == ms(12));
        CHECK(T(r, "t").result == "context canceled");
        requireBounded(r, 2);
    }
    SECTION("a polling interval longer than the work: one check, at the end")
    {
        Scenario s = rooted({ctx("c", K::WithCancel, "root")});
        s.tasks.push_back(task("t", "c", {work(ms(30), Watch::Poll, kMaxDuration)}));
        s.actions.push_back(cancelAt(ms(10), "c"));
        const auto r = simulate(s);
        CHECK(T(r, "t").endedAt == ms(30));
        CHECK(T(r, "t").result == "context canceled");
        requireBounded(r, 2);
    }
}

TEST_CASE("every step kind costs O(1) engine work with the largest durations", "[sim][bounded]")
{
    Scenario s = rooted({ctx("c", K::WithCancel, "root"), timeoutCtx("far", "root", kMaxDuration)});
    s.until = 2 * kHour;
    const std::vector<Step> steps{
        derive(timeoutCtx("d1", "", kMaxDuration)),
        work(kMaxDuration / 4, Watch::None),
        logStep("slept"),
        valueStep("k"),
        afterFuncStep("af", {work(kMaxDuration, Watch::Poll, 1)}),
        spawn("child", {work(kMaxDuration, Watch::Poll, 3), awaitDone()}),
        cancelStep("c"),
        stopAfterFuncStep("af"),
        work(kMaxDuration),
        awaitChildren(),
        fail("never"),
    };
    s.tasks.push_back(task("t", "far", steps));
    s.tasks.push_back(task("w", "c", {work(kMaxDuration, Watch::Poll, 1)}));
    s.tasks.push_back(task("a", "c", {awaitDone()}));
    s.actions.push_back(cancelAt(ms(1), "c"));
    const auto r = simulate(s);
    CHECK(T(r, "w").endedAt == ms(1) + 1);
    CHECK(T(r, "a").endedAt == ms(1));
    CHECK(r.stopped == StopReason::Horizon);
    requireBounded(r, steps.size() + 4);
}
