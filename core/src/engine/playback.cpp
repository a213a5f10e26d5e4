#include "ctxscope/engine/playback.h"

#include <algorithm>

namespace ctxscope {

Playback::Playback(const SimulationResult& result) : m_result(&result)
{
    const auto& ev = result.events;
    m_ctxCreated.assign(result.contexts.size(), kNone);
    m_ctxDone.assign(result.contexts.size(), kNone);
    m_taskStarted.assign(result.tasks.size(), kNone);
    m_taskEnded.assign(result.tasks.size(), kNone);
    m_afRegistered.assign(result.afterFuncs.size(), kNone);
    m_afStarted.assign(result.afterFuncs.size(), kNone);
    m_afStopped.assign(result.afterFuncs.size(), kNone);
    m_deriveBegin.assign(result.tasks.size() + 1, 0);

    // Every subject index is checked: a result is trusted, but a bad index must not write
    // out of bounds.
    const auto set = [](std::vector<EventIndex>& v, std::uint32_t i, EventIndex e, bool firstOnly) {
        if (i < v.size() && (!firstOnly || v[i] == kNone))
            v[i] = e;
    };
    for (std::size_t k = 0; k < ev.size(); ++k) {
        const Event& e = ev[k];
        const auto i = static_cast<EventIndex>(k);
        switch (e.kind) {
        case EventKind::ContextCreated:
            set(m_ctxCreated, e.subject, i, true);
            if (e.by != kNone && e.by < result.tasks.size())
                ++m_deriveBegin[e.by + 1];
            break;
        case EventKind::ContextCanceled: set(m_ctxDone, e.subject, i, true); break;
        case EventKind::TaskStarted: set(m_taskStarted, e.subject, i, true); break;
        case EventKind::TaskEnded: set(m_taskEnded, e.subject, i, true); break;
        case EventKind::AfterFuncRegistered: set(m_afRegistered, e.subject, i, true); break;
        case EventKind::AfterFuncStarted: set(m_afStarted, e.subject, i, true); break;
        case EventKind::AfterFuncStop:
            if (e.flag)
                set(m_afStopped, e.subject, i, true); // stopped from the first stop() that prevented the call
            break;
        default: break;
        }
    }
    // The derives, grouped by task (a counting sort keeps them in event order).
    for (std::size_t t = 0; t < result.tasks.size(); ++t)
        m_deriveBegin[t + 1] += m_deriveBegin[t];
    m_derives.resize(m_deriveBegin.back());
    std::vector<EventIndex> fill(m_deriveBegin.begin(), m_deriveBegin.end() - 1);
    for (std::size_t k = 0; k < ev.size(); ++k) {
        const Event& e = ev[k];
        if (e.kind == EventKind::ContextCreated && e.by != kNone && e.by < result.tasks.size())
            m_derives[fill[e.by]++] = static_cast<EventIndex>(k);
    }
}

ContextStateAt Playback::context(CtxIndex i) const
{
    ContextStateAt s;
    s.created = applied(m_ctxCreated[i]);
    if (applied(m_ctxDone[i])) {
        const Event& e = m_result->events[m_ctxDone[i]];
        s.err = e.err;
        s.reason = e.reason;
        s.cause = e.str;
        s.source = e.other;
        s.doneAt = e.t;
    }
    return s;
}

TaskStateAt Playback::task(TaskIndex i) const
{
    TaskStateAt s;
    s.started = applied(m_taskStarted[i]);
    if (s.started)
        s.context = m_result->events[m_taskStarted[i]].other;
    // The last derive applied, if any, is its current context.
    const auto first = m_derives.begin() + m_deriveBegin[i];
    const auto last = m_derives.begin() + m_deriveBegin[i + 1];
    const auto it = std::lower_bound(first, last, static_cast<EventIndex>(std::min<std::size_t>(m_applied, kNone)));
    if (it != first)
        s.context = m_result->events[*(it - 1)].subject;
    if (applied(m_taskEnded[i])) {
        s.ended = true;
        s.result = m_result->events[m_taskEnded[i]].str;
    }
    return s;
}

AfterFuncStateAt Playback::afterFunc(AfIndex i) const
{
    return {applied(m_afRegistered[i]), applied(m_afStarted[i]), applied(m_afStopped[i])};
}

void Playback::seekEvents(std::size_t count)
{
    m_applied = std::min(count, m_result->events.size());
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
