// Exploration hooks of the simulator (schedule.h): with a Schedule, each phase of an instant is
// a pool of units that Go runs concurrently, and the schedule picks which goes next. Candidate
// 0 is always what the documented order (scenario.md) does next, so a schedule with an empty
// prefix reproduces simulate() without one, event for event.
#include "simulator_impl.h"

#include <algorithm>

namespace ctxscope::sim {

UnitId Simulator::timerUnit(const Timer& tm) const
{
    // Live timers are one per deadline context and one per task (its token tells a stale one).
    UnitId id;
    id.kind = UnitId::Timer;
    id.deadline = tm.isDeadline;
    id.target = tm.isDeadline ? resultOf(tm.target) : tm.target;
    id.key1 = tm.isDeadline ? 0 : tm.token;
    return id;
}

bool Simulator::timerLive(const Timer& tm) const
{
    return tm.isDeadline ? m_tree.needsTimer(tm.target) : m_rt[tm.target].token == tm.token;
}

bool Simulator::takeTimer(const UnitId& id, Timer& out)
{
    std::vector<Timer> kept;
    bool found = false;
    while (!m_dueNow.empty()) {
        Timer tm = m_dueNow.top();
        m_dueNow.pop();
        if (!found && timerLive(tm) && timerUnit(tm) == id) {
            out = tm;
            found = true;
            break;
        }
        kept.push_back(tm);
    }
    for (const Timer& tm : kept)
        m_dueNow.push(tm);
    return found;
}

void Simulator::pool(bool timers)
{
    ++m_phase;
    m_timerEnabler.clear();
    for (;;) {
        if (timers)
            while (!m_dueNow.empty() && !timerLive(m_dueNow.top()))
                m_dueNow.pop(); // stopped timer (context canceled first, task woken otherwise)
        const std::size_t n = m_runQueue.size() + (timers ? m_dueNow.size() : 0);
        if (n == 0)
            break;
        // The documented order: goroutines made runnable so far first (the one running on,
        // then first woken first), then the next timer in arming order.
        UnitId doc;
        if (!m_runQueue.empty()) {
            doc.kind = UnitId::Task;
            doc.target = m_runQueue.front();
        } else {
            doc = timerUnit(m_dueNow.top());
        }
        UnitId pick = doc;
        std::uint32_t point = kNone;
        if (n >= 2 && recording()) {
            point = static_cast<std::uint32_t>(m_sched->points.size());
            if (point < m_sched->prefix.size() && !(m_sched->prefix[point] == doc)) {
                const UnitId& want = m_sched->prefix[point];
                const bool there = want.kind == UnitId::Task ? want.target < m_rt.size() && m_rt[want.target].queued
                                                             : want.kind == UnitId::Timer && timers;
                if (there)
                    pick = want;
            }
            ChoicePoint cp;
            cp.t = m_now;
            cp.documented = doc;
            cp.chosen = pick;
            cp.count = static_cast<std::uint32_t>(n);
            m_sched->points.push_back(std::move(cp));
        }
        runUnit(pick, point);
    }
    m_curUnit = kNone;
}

void Simulator::runUnit(const UnitId& id, std::uint32_t point)
{
    Timer tm{};
    if (id.kind == UnitId::Timer && !takeTimer(id, tm)) {
        // Asked for a timer that is not due (a stale prefix): take the documented one instead.
        tm = m_dueNow.top();
        m_dueNow.pop();
        if (point != kNone)
            m_sched->points[point].chosen = timerUnit(tm);
    }
    m_curUnit = kNone;
    if (recording()) {
        RunUnit u;
        u.id = id.kind == UnitId::Timer ? timerUnit(tm) : id;
        u.t = m_now;
        u.point = point;
        u.phase = m_phase;
        if (id.kind == UnitId::Task) {
            u.parent = m_enabler[id.target];
        } else {
            for (const auto& [timer, unit] : m_timerEnabler)
                if (timer == u.id)
                    u.parent = unit;
        }
        u.accessBegin = u.accessEnd = static_cast<std::uint32_t>(m_sched->accesses.size());
        m_curUnit = static_cast<std::uint32_t>(m_sched->units.size());
        m_sched->units.push_back(u);
        if (point != kNone)
            m_sched->points[point].unit = m_curUnit;
        if (m_sched->units.size() >= m_sched->maxUnits)
            m_sched->truncated = true; // this unit is the last one recorded
    }
    if (id.kind == UnitId::Task) {
        const TaskIndex t = id.target;
        if (!m_runQueue.empty() && m_runQueue.front() == t)
            m_runQueue.pop_front();
        else
            m_runQueue.erase(std::find(m_runQueue.begin(), m_runQueue.end(), t));
        m_rt[t].queued = false;
        runTask(t);
    } else {
        m_inTimerPhase = true;
        m_currentTimer = tm.key;
        if (m_logTimers)
            m_handled.push_back({m_now, tm.key, m_timerSeq});
        if (tm.isDeadline) {
            touchCancelAttempt(resultOf(tm.target));
            m_tree.expire(tm.target, m_now);
        } else {
            timerFired(tm.target);
        }
    }
    if (m_curUnit != kNone)
        m_sched->units[m_curUnit].accessEnd = static_cast<std::uint32_t>(m_sched->accesses.size());
    m_curUnit = kNone;
}

bool Simulator::binaryChoice(bool documented, const std::string& what)
{
    if (!recording())
        return documented;
    const auto point = static_cast<std::uint32_t>(m_sched->points.size());
    ChoicePoint cp;
    cp.t = m_now;
    cp.documented.kind = UnitId::Binary;
    cp.documented.target = documented ? 1 : 0;
    cp.chosen = cp.documented;
    if (point < m_sched->prefix.size() && m_sched->prefix[point].kind == UnitId::Binary)
        cp.chosen = m_sched->prefix[point];
    cp.count = 2;
    cp.unit = m_curUnit;
    cp.binary = true;
    cp.what = what;
    const bool result = cp.chosen.target == 1;
    m_sched->points.push_back(std::move(cp));
    return result;
}

void Simulator::touchCancelAttempt(CtxIndex r)
{
    if (!m_sched || m_curUnit == kNone || r == kNone)
        return;
    // On a context already done the attempt changes nothing (R13): it only reads, and two such
    // attempts commute. The one that did the work writes, and races with each of them: the
    // search then tries each of them first, and every winner is explored.
    const bool done = isDone(r);
    touch(ObjectKind::Context, r, !done);
    if (done)
        return; // a no-op whatever happened above it
    // Whether the attempt does anything depends on whether an ancestor was canceled first: the
    // cascade would have reached r. Reading the ancestors makes that order a dependency even
    // when this attempt came first (the later cascade then skips r and writes only above it).
    int n = 0;
    for (CtxIndex p = m_r.contexts[r].parent; p != kNone && canBeDone(p); p = m_r.contexts[p].parent) {
        if (++n > Schedule::kMaxAncestors) {
            m_sched->approximate = true;
            break;
        }
        touch(ObjectKind::Context, p, false);
    }
}

} // namespace ctxscope::sim
