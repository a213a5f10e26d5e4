#pragma once
// The state at the playhead, replayed from the event list (design.md: state_at(events, t)).
// Checkpoints every few thousand events keep a seek O(checkpoint interval), wherever it goes.
#include "ctxscope/simulation.h"

#include <cstddef>
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

    const ContextStateAt& context(CtxIndex i) const { return m_state.contexts[i]; }
    const TaskStateAt& task(TaskIndex i) const { return m_state.tasks[i]; }
    const AfterFuncStateAt& afterFunc(AfIndex i) const { return m_state.afterFuncs[i]; }
    const SimulationResult& result() const { return *m_result; }

private:
    struct State {
        std::vector<ContextStateAt> contexts;
        std::vector<TaskStateAt> tasks;
        std::vector<AfterFuncStateAt> afterFuncs;
    };
    void apply(const Event& e, State& s) const;
    void reset(State& s) const;

    const SimulationResult* m_result;
    State m_state;
    std::size_t m_applied = 0;
    static constexpr std::size_t kCheckpointEvery = 4096;
    std::vector<State> m_checkpoints; // m_checkpoints[k]: state after k * kCheckpointEvery events
};

} // namespace ctxscope
