#pragma once
// The state at the playhead, answered from the event list (design.md: state_at(events, t)).
//
// Each context, task and after-func changes only a handful of times (created, done; started,
// each derive, ended; registered, started, stopped), so Playback keeps, per subject, the index
// of the events that change it, and answers "what is its state after the first k events" by
// comparing those indices with k. A seek is O(log E) (finding k for a time) and O(1) after
// that; memory is O(N + E) whatever the number of events; nothing is ever copied per event or
// per checkpoint. The answer for a subject depends only on (result, k), so moving the playhead
// back and forth can never leave a stale state behind.
#include "ctxscope/engine/simulation.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace ctxscope {

struct ContextStateAt {
    bool created = false;
    Err err = Err::None;
    Reason reason = Reason::None;
    StrId cause = kNone;
    CtxIndex source = kNone;
    Nanos doneAt = kNever;
};

struct TaskStateAt {
    bool started = false;
    bool ended = false;
    StrId result = kNone;          // SimulationResult::strings index of the result, once ended
    CtxIndex context = kNone;      // its current context (changes with each derive)
};

struct AfterFuncStateAt {
    bool registered = false;
    bool started = false;
    bool stopped = false;          // a stop() returned true
};

class Playback {
public:
    // The result must outlive the Playback.
    explicit Playback(const SimulationResult& result);

    // seekTime applies every event with t <= time, and none after.
    void seekTime(Nanos time);
    // seekEvents shows the state after exactly the first `count` events.
    void seekEvents(std::size_t count);

    std::size_t appliedEvents() const { return m_applied; }
    // firstEventAfter returns the index of the first event with t > time (events.size() if none).
    std::size_t firstEventAfter(Nanos time) const;

    // The state of one subject after the first appliedEvents() events.
    ContextStateAt context(CtxIndex i) const;
    // The two facts of context(i) that views need for every node, without reading its events
    // (once done, its Err is the final one: SimulationResult::contexts[i].err).
    bool isCreated(CtxIndex i) const { return applied(m_ctxCreated[i]); }
    bool isDone(CtxIndex i) const { return applied(m_ctxDone[i]); }
    TaskStateAt task(TaskIndex i) const;
    AfterFuncStateAt afterFunc(AfIndex i) const;
    const SimulationResult& result() const { return *m_result; }
    // doneEvent is the index of the event where context i became done (whether or not it is
    // applied yet), or kNone if it never was.
    std::uint32_t doneEvent(CtxIndex i) const { return m_ctxDone[i]; }

private:
    using EventIndex = std::uint32_t;                  // kNone: no such event
    bool applied(EventIndex e) const { return e != kNone && e < m_applied; }

    const SimulationResult* m_result;
    std::size_t m_applied = 0;
    std::vector<EventIndex> m_ctxCreated, m_ctxDone;               // per context
    std::vector<EventIndex> m_taskStarted, m_taskEnded;             // per task
    // The derives of each task, in order (a task's context is the last one applied): the
    // events of task t are m_derives[m_deriveBegin[t] .. m_deriveBegin[t + 1]).
    std::vector<EventIndex> m_deriveBegin, m_derives;
    std::vector<EventIndex> m_afRegistered, m_afStarted, m_afStopped; // per after-func
};

} // namespace ctxscope
