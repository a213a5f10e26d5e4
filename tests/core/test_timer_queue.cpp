// TimerQueue against the plain priority queue it stands in for: the same timers in the same
// order, whatever mix of in-order runs, out-of-order timers, deadlines and other timers, pops
// between pushes, and a reserved run that fills up (its popped front is reused, not grown).
#include "timer_queue.h"

#include <catch2/catch.hpp>

#include <queue>
#include <random>
#include <vector>

using namespace ctxscope;
using ctxscope::sim::Timer;
using ctxscope::sim::TimerQueue;

namespace {

using Reference = std::priority_queue<Timer, std::vector<Timer>, std::greater<Timer>>;

bool same(const Timer& a, const Timer& b)
{
    return a.due == b.due && a.key == b.key && a.target == b.target && a.token == b.token &&
           a.isDeadline == b.isDeadline && a.isPollCheck == b.isPollCheck;
}

// Pops both to the end, checking each pair; returns how many were popped.
std::size_t drainBoth(TimerQueue& q, Reference& ref)
{
    std::size_t n = 0;
    while (!ref.empty()) {
        REQUIRE_FALSE(q.empty());
        REQUIRE(same(q.top(), ref.top()));
        q.pop();
        ref.pop();
        ++n;
    }
    REQUIRE(q.empty());
    return n;
}

} // namespace

TEST_CASE("TimerQueue yields timers in (due, key) order like a priority queue", "[engine][timers]")
{
    for (std::uint32_t seed = 1; seed <= 40; ++seed) {
        std::mt19937 rng(seed);
        TimerQueue q;
        if (seed % 2 == 0)
            q.reserveDeadlines(seed * 3); // small: the run fills up and reuses its popped front
        Reference ref;
        std::uint64_t seq = 0;
        Nanos now = 0;
        Nanos nextInOrder = 0;
        for (int op = 0; op < 4000; ++op) {
            const auto dice = rng() % 10;
            if (dice < 6) {
                Timer t{};
                // Mostly in order (a run), sometimes earlier than the last one (the heap).
                nextInOrder += static_cast<Nanos>(rng() % 3);
                t.due = rng() % 4 == 0 ? now + static_cast<Nanos>(rng() % 50) : std::max(now, nextInOrder);
                t.key = {now, seq++, 1, 0};
                t.isDeadline = rng() % 3 != 0;
                t.target = static_cast<std::uint32_t>(rng() % 1000);
                t.token = t.isDeadline ? 0 : static_cast<std::uint32_t>(rng() % 7);
                if (!t.isDeadline && rng() % 5 == 0) {
                    t.isPollCheck = true;
                    t.key.sub = 0;
                    t.key.chain = rng() % 4;
                }
                q.push(t);
                ref.push(t);
            } else if (!ref.empty()) {
                REQUIRE_FALSE(q.empty());
                REQUIRE(same(q.top(), ref.top()));
                now = std::max(now, ref.top().due);
                q.pop();
                ref.pop();
            }
        }
        drainBoth(q, ref);
    }
}

TEST_CASE("TimerQueue: a full reserved run keeps its order when its popped front is reused", "[engine][timers]")
{
    TimerQueue q;
    q.reserveDeadlines(8);
    Reference ref;
    std::uint64_t seq = 0;
    auto push = [&](Nanos due) {
        const Timer t{due, {0, seq++, 1, 0}, static_cast<std::uint32_t>(due), 0, true, false};
        q.push(t);
        ref.push(t);
    };
    for (Nanos d = 1; d <= 8; ++d)
        push(d); // the run is full
    for (int i = 0; i < 5; ++i) {
        REQUIRE(same(q.top(), ref.top()));
        q.pop();
        ref.pop();
    }
    for (Nanos d = 9; d <= 40; ++d)
        push(d); // past the reserve: reuses the popped room, then grows
    push(3);     // earlier than the run's back: the heap
    CHECK(drainBoth(q, ref) == 36);
}
