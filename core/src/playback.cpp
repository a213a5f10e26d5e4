#include "ctxscope/playback.h"

#include <algorithm>

namespace ctxscope {

Playback::Playback(const SimulationResult& result) : m_result(&result)
{
    reset(m_state);
    // Checkpoints: the state after 0, K, 2K, ... events. A seek then replays fewer than K.
    State s;
    reset(s);
    m_checkpoints.push_back(s);
    const auto& ev = result.events;
    for (std::size_t i = 0; i < ev.size(); ++i) {
        apply(ev[i], s);
        if ((i + 1) % kCheckpointEvery == 0)
            m_checkpoints.push_back(s);
    }
}

void Playback::reset(State& s) const
{
    s.contexts.assign(m_result->contexts.size(), ContextStateAt{});
    s.tasks.assign(m_result->tasks.size(), TaskStateAt{});
    s.afterFuncs.assign(m_result->afterFuncs.size(), AfterFuncStateAt{});
}

void Playback::apply(const Event& e, State& s) const
{
    switch (e.kind) {
    case EventKind::ContextCreated:
        s.contexts[e.subject].created = true;
        break;
    case EventKind::ContextCanceled: {
        ContextStateAt& c = s.contexts[e.subject];
        c.err = e.err;
        c.reason = e.reason;
        c.cause = e.str;
        c.source = e.other;
        c.doneAt = e.t;
        break;
    }
    case EventKind::TaskStarted: {
        TaskStateAt& t = s.tasks[e.subject];
        t.started = true;
        t.context = e.other;
        break;
    }
    case EventKind::TaskEnded:
        s.tasks[e.subject].ended = true;
        s.tasks[e.subject].result = e.str;
        break;
    case EventKind::AfterFuncRegistered:
        s.afterFuncs[e.subject].registered = true;
        break;
    case EventKind::AfterFuncStarted:
        s.afterFuncs[e.subject].started = true;
        break;
    case EventKind::AfterFuncStop:
        if (e.flag)
            s.afterFuncs[e.subject].stopped = true;
        break;
    default:
        break;
    }
    // A derive moves the deriving task onto the new context.
    if (e.kind == EventKind::ContextCreated && e.by != kNone)
        s.tasks[e.by].context = e.subject;
}

void Playback::seekEvents(std::size_t count)
{
    const auto& ev = m_result->events;
    count = std::min(count, ev.size());
    if (count < m_applied || count - m_applied > kCheckpointEvery) {
        const std::size_t k = count / kCheckpointEvery;
        m_state = m_checkpoints[std::min(k, m_checkpoints.size() - 1)];
        m_applied = std::min(k, m_checkpoints.size() - 1) * kCheckpointEvery;
    }
    for (; m_applied < count; ++m_applied)
        apply(ev[m_applied], m_state);
}

std::size_t Playback::firstEventAfter(Nanos time) const
{
    const auto& ev = m_result->events;
    auto it = std::upper_bound(ev.begin(), ev.end(), time, [](Nanos t, const Event& e) { return t < e.t; });
    return static_cast<std::size_t>(it - ev.begin());
}

void Playback::seekTime(Nanos time)
{
    seekEvents(firstEventAfter(time));
}

} // namespace ctxscope
