#pragma once
// The simulator's pending timers (not a public header): their keys, the compact form of a
// context's deadline timer, and TimerQueue, which yields them in (due, key) order.
#include "ctxscope/engine/duration.h"
#include "prefault.h"

#include <compare>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <queue>
#include <vector>

namespace ctxscope::sim {

// Timers due at one instant fire in the order they were armed (scenario.md). A real timer's key
// is (when it was armed, seq), seq a counter that grows as timers are armed. A polling task's
// check after a slice is not a timer of its own (see armPollCheck): it takes the key its slice's
// timer would have had, sub = 0 placing it just before the real timer armed with that seq.
struct TimerKey {
    Nanos armedAt = 0;
    std::uint64_t seq = 0;
    std::uint8_t sub = 1;      // 1: a real timer; 0: a polling check
    std::uint64_t chain = 0;   // polling checks: when their step began (a last tie-break)
    auto operator<=>(const TimerKey&) const = default;
};

struct Timer {
    Nanos due;
    TimerKey key;              // a polling check's key is final only once `due` is now
    std::uint32_t target;      // tree context (deadline) or task
    std::uint32_t token;       // task timers only
    bool isDeadline;
    bool isPollCheck = false;
    bool operator>(const Timer& o) const { return due != o.due ? due > o.due : o.key < key; }
};

// A context's deadline timer, as TimerQueue keeps it: 32 bytes where a Timer takes 56 (a
// million WithTimeout contexts have a million of them pending). Its key is {armedAt, seq, 1, 0}.
struct DeadlineTimer {
    Nanos due;
    Nanos armedAt;
    std::uint64_t seq;
    std::uint32_t target;      // tree context
    bool operator>(const DeadlineTimer& o) const
    {
        if (due != o.due)
            return due > o.due;
        return armedAt != o.armedAt ? armedAt > o.armedAt : seq > o.seq;
    }
    Timer timer() const { return {due, {armedAt, seq, 1, 0}, target, 0, true, false}; }
};

// TimerQueue holds the pending timers in (due, key) order, as a priority queue does. Most
// arrive in that order already (deadlines armed as their contexts are created, timeouts spread
// evenly, ...): those are appended to a FIFO run, and only the others go to a heap, so a
// million timers do not pay a heap's cache misses each. Deadlines and the other timers are kept
// apart (a deadline's compact form), each as a run and a heap; top() is the least of the fronts.
// No two timers compare equal (each real timer has its own seq; a polling check differs in
// `sub`), so the order is exactly one heap's.
class TimerQueue {
public:
    bool empty() const { return m_deadlines.empty() && m_others.empty(); }
    Timer top() const { return deadlineFirst() ? m_deadlines.top().timer() : m_others.top(); }
    void pop()
    {
        if (deadlineFirst())
            m_deadlines.pop();
        else
            m_others.pop();
    }
    // reserveDeadlines: room for n deadline timers in arming order (a deadline under an earlier
    // one arms none, so the room is mapped only as it fills: prefaultAhead).
    void reserveDeadlines(std::size_t n) { m_deadlines.reserveRun(n); }
    void push(const Timer& t)
    {
        if (t.isDeadline && !t.isPollCheck && t.token == 0 && t.key.sub == 1 && t.key.chain == 0)
            m_deadlines.push({t.due, t.key.armedAt, t.key.seq, t.target});
        else
            m_others.push(t);
    }

private:
    template <typename T>
    class Store {
    public:
        bool empty() const { return runEmpty() && m_heap.empty(); }
        const T& top() const { return fromRun() ? m_run[m_head] : m_heap.top(); }
        void pop()
        {
            if (!fromRun()) {
                m_heap.pop();
            } else if (++m_head == m_run.size()) {
                m_run.clear();
                m_head = 0;
            }
        }
        void push(const T& t)
        {
            if (runEmpty() || t > m_run.back()) {
                if (m_run.size() == m_run.capacity() && 2 * m_head >= m_run.size()) {
                    // Full, and at least half of it popped: reuse that room instead of growing.
                    m_run.erase(m_run.begin(), m_run.begin() + static_cast<std::ptrdiff_t>(m_head));
                    m_head = 0;
                }
                m_run.push_back(t);
                prefaultAhead(m_run);
            } else {
                m_heap.push(t);
            }
        }
        void reserveRun(std::size_t n) { m_run.reserve(n); } // (mapped as it fills: prefaultAhead)

    private:
        bool runEmpty() const { return m_head == m_run.size(); }
        bool fromRun() const { return !runEmpty() && (m_heap.empty() || m_heap.top() > m_run[m_head]); }
        // The run is m_run[m_head..]: a vector, not a deque, so that it can be reserved and
        // mapped at once and costs no allocation per few timers.
        std::vector<T> m_run; // nondecreasing: each is greater than the one before
        std::size_t m_head = 0;
        std::priority_queue<T, std::vector<T>, std::greater<T>> m_heap;
    };
    bool deadlineFirst() const
    {
        if (m_deadlines.empty())
            return false;
        return m_others.empty() || m_others.top() > m_deadlines.top().timer();
    }
    Store<DeadlineTimer> m_deadlines;
    Store<Timer> m_others;
};

} // namespace ctxscope::sim
