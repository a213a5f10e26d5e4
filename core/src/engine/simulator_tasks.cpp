// The goroutines of a simulation: the step interpreter, wake-ups, deferred cancels, joins, step
// spans, and after-func registrations and calls. See simulator.cpp for the loop that drives them.
#include "simulator_impl.h"
#include "lint_messages.h"

#include <algorithm>

namespace ctxscope::sim {

// ------------------------------------------------------------------------------------------
// Tasks

void Simulator::startTask(TaskIndex t, CtxIndex ctx)
{
    TaskInfo& info = m_r.tasks[t];
    if (info.state != TaskResultKind::NotStarted)
        return;
    info.state = TaskResultKind::Running;
    info.startedAt = m_now;
    info.context = ctx;
    m_rt[t].ctx = ctx;
    wake(t);
}

void Simulator::wake(TaskIndex t)
{
    TaskRuntime& rt = m_rt[t];
    disableDueTimer(t);
    ++rt.token; // every pending timer or waiter of the previous wait is now stale
    touch(ObjectKind::Task, t, true);
    if (!rt.queued) {
        rt.queued = true;
        m_runQueue.push_back(t);
        queued(t);
    }
}

void Simulator::block(TaskIndex t, Wait w)
{
    m_rt[t].wait = w;
}

namespace {

// a + b, saturated below kNoDeadline (which means "no deadline" to the tree).
Nanos addSaturated(Nanos a, Nanos b)
{
    return b > kNoDeadline - 1 - a ? kNoDeadline - 1 : a + b;
}

} // namespace

void Simulator::armTaskTimer(TaskIndex t, Nanos after)
{
    m_timers.push({addSaturated(m_now, after), {m_now, m_timerSeq++, 1, 0}, t, m_rt[t].token, false});
    m_rt[t].timerDue = addSaturated(m_now, after);
    m_rt[t].timerToken = m_rt[t].token;
    ++m_r.timersArmed;
}

// A polling work step (watch P) is `for left > 0 { sleep(min(P, left)); left -= ...; if
// ctx.Err() != nil { return } }`. A check at a slice boundary only matters once the context is
// done, so instead of one timer per slice (work/P of them: `watch: 1ns` on `work: 1h` would be
// 3.6e12) the task has one timer: at the end of the work, and, once its context is done, at
// the first check after that (pollContextDone). Each check keeps the place among the timers due
// at its instant that its slice's timer would have had: the first slice's timer is armed when
// the step begins; a later one when the check before it runs, which pollCheckKey finds from
// the record of what the instant of that check handled (m_handled), so the documented order
// ("in the order they were armed") holds as if every slice had its timer.
void Simulator::armPollCheck(TaskIndex t, Nanos at)
{
    TaskRuntime& rt = m_rt[t];
    Timer tm{at, {}, t, rt.token, false, true};
    ++m_r.timersArmed;
    rt.timerDue = at;
    rt.timerToken = rt.token;
    if (at <= m_now) { // due in this instant (pollContextDone): its key is final already
        tm.key = pollCheckKey(rt, at);
        tm.isPollCheck = false;
        m_dueNow.push(tm);
        if (m_sched && m_curUnit != kNone)
            m_timerEnabler.push_back({timerUnit(tm), m_curUnit});
    } else {
        tm.key = {at, 0, 0, rt.pollSeq}; // provisional: fixed when `at` comes (loop)
        m_timers.push(tm);
    }
}

// pollCheckKey is the key of the slice timer that ends at `at`: armed at the boundary before it,
// when the check there ran. Where that check ran among its instant's timers depends on its own
// key, one boundary further back; past a few levels (only where every boundary in a row had
// other timers) it is taken as first among them.
TimerKey Simulator::pollCheckKey(const TaskRuntime& rt, Nanos at, int depth) const
{
    const Nanos s = rt.pollStart, p = rt.pollEvery;
    if (at - s <= p)
        return {s, rt.pollSeq, 1, 0}; // the first slice: a real timer, armed when the step began
    const Nanos before = s + (at - s - 1) / p * p;
    const TimerKey there = depth < 16 ? pollCheckKey(rt, before, depth + 1) : TimerKey{before, 0, 0, rt.pollSeq};
    return {before, armCounterAt(before, there), 0, rt.pollSeq};
}

// armCounterAt is the arm counter at the moment a timer with `key` was handled at `instant`.
std::uint64_t Simulator::armCounterAt(Nanos instant, const TimerKey& key) const
{
    const auto it = std::lower_bound(m_instantSeqs.begin(), m_instantSeqs.end(), instant,
                                     [](const InstantSeqs& i, Nanos t) { return i.t < t; });
    if (it == m_instantSeqs.end())
        return m_timerSeq;
    if (it->t != instant)
        return it->seqStart; // nothing happened then: between what came before and after
    const std::size_t end = it + 1 == m_instantSeqs.end() ? m_handled.size() : (it + 1)->handledBegin;
    const auto first = m_handled.begin() + static_cast<std::ptrdiff_t>(it->handledBegin);
    const auto last = m_handled.begin() + static_cast<std::ptrdiff_t>(end);
    const auto h = std::upper_bound(first, last, key, [](const TimerKey& k, const HandledTimer& x) { return k < x.key; });
    return h == last ? it->seqAfterTimers : h->seqBefore;
}

// The context of a polling task is done now: its next check is the first boundary at or after
// now that has not been checked yet.
void Simulator::pollContextDone(TaskIndex t)
{
    TaskRuntime& rt = m_rt[t];
    const Nanos s = rt.pollStart, p = rt.pollEvery;
    const Nanos rel = m_now - s;
    Nanos k = rel / p + (rel % p != 0 ? 1 : 0);
    if (k == 0)
        k = 1;
    Nanos next = k > (rt.pollEnd - s) / p ? rt.pollEnd : std::min(rt.pollEnd, s + k * p);
    touch(ObjectKind::Task, t, true);
    if (next == m_now) {
        // A check due now: it already ran (seeing a context not yet done) if its timer comes
        // before the one being handled, or if the timers of this instant are all past. In the
        // timer phase that is a race in Go (the slice's sleep and what canceled the context
        // are due at one instant): under exploration, either. The last check (pollEnd) is a
        // real timer, still pending here, so it has not run.
        bool ran = !m_inTimerPhase || pollCheckKey(rt, next) < m_currentTimer;
        if (m_sched && m_inTimerPhase && next < rt.pollEnd)
            ran = binaryChoice(ran, "polling check of " + m_r.tasks[t].id + " before it|polling check of " +
                                        m_r.tasks[t].id + " after it");
        else if (m_sched && m_inTimerPhase)
            ran = false;
        if (ran)
            next = rt.pollEnd - next > p ? next + p : rt.pollEnd;
    }
    disableDueTimer(t);
    ++rt.token; // the pending check at pollEnd is now stale
    armPollCheck(t, next);
}

void Simulator::timerFired(TaskIndex t)
{
    TaskRuntime& rt = m_rt[t];
    touch(ObjectKind::Task, t, true);
    if (rt.wait == Wait::Poll) {
        // The check after a slice, the last included: ctx.Err() != nil ends the task.
        if (rt.ctx != kNone)
            touch(ObjectKind::Context, rt.ctx, false);
        if (isDone(rt.ctx)) {
            ++rt.token;
            rt.wait = Wait::None;
            endTask(t, errString(m_tree.err(treeOf(rt.ctx))));
            return;
        }
        if (m_now < rt.pollEnd) { // not reached: a check before the end is armed only once done
            ++rt.token;
            armPollCheck(t, rt.pollEnd);
            return;
        }
    }
    closeSpan(t, false);
    ++rt.pc; // the work step is complete
    rt.wait = Wait::None;
    wake(t);
}

bool Simulator::joinSatisfied(const TaskRuntime& rt) const
{
    for (TaskIndex j : rt.joinTargets)
        if (m_r.tasks[j].state != TaskResultKind::Ended)
            return false;
    return true;
}

void Simulator::runTask(TaskIndex t)
{
    TaskRuntime& rt0 = m_rt[t];
    TaskInfo& info = m_r.tasks[t];
    if (info.state == TaskResultKind::Ended)
        return;
    if (rt0.wait == Wait::WorkDone || rt0.wait == Wait::Done) {
        // Woken by Done (a timer would have cleared the wait): return ctx.Err().
        rt0.wait = Wait::None;
        endTask(t, errString(m_tree.err(treeOf(rt0.ctx))));
        return;
    }
    if (rt0.wait == Wait::Join) {
        if (!joinSatisfied(rt0))
            return;
        rt0.wait = Wait::None;
        closeSpan(t, false);
        ++rt0.pc;
    }
    if (!rt0.announced) {
        // First run: announce the goroutine now, after the events that made it runnable, so a
        // cascade's events stay together and the goroutines it started follow (trace.md).
        rt0.announced = true;
        if (info.afterFunc != kNone)
            emit(EventKind::AfterFuncStarted, info.afterFunc);
        Event& e = emit(EventKind::TaskStarted, t);
        e.other = info.context;
        e.by = info.spawnedBy;
    }
    while (m_rt[t].pc < m_rt[t].steps->size()) {
        const Step& step = (*m_rt[t].steps)[m_rt[t].pc];
        if (!execStep(t, step))
            return;
        if (m_sched) {
            // Exploration: each step is a unit of its own, so other goroutines' steps may come
            // between two of ours. Next in the documented order: this goroutine again.
            TaskRuntime& rt = m_rt[t];
            if (!rt.queued) {
                rt.queued = true;
                m_runQueue.push_front(t);
                queued(t);
            }
            return;
        }
    }
    endTask(t, "ok");
}

bool Simulator::execStep(TaskIndex t, const Step& step)
{
    TaskRuntime& rt = m_rt[t];
    rt.openSpan = static_cast<std::uint32_t>(m_r.steps.size());
    m_r.steps.push_back({t, static_cast<std::uint32_t>(rt.pc), step.op, m_now, kNever, false});
    switch (step.op) {
    case StepOp::Work:
        if (step.watch == Watch::Done) {
            // select { case <-time.After(D): case <-ctx.Done(): return ctx.Err() }
            if (rt.ctx != kNone)
                touch(ObjectKind::Context, rt.ctx, false);
            // With D <= 0 on a done context both cases are ready and Go picks one at random;
            // the documented order takes Done.
            if (isDone(rt.ctx) &&
                (step.duration > 0 || !m_sched || binaryChoice(true, "select in " + m_r.tasks[t].id + " taking ctx.Done()|select in " +
                                                                 m_r.tasks[t].id + " taking time.After(0)"))) {
                endTask(t, errString(m_tree.err(treeOf(rt.ctx))));
                return false;
            }
            if (step.duration <= 0)
                break;
            armTaskTimer(t, step.duration);
            if (canBeDone(rt.ctx))
                addWaiter(rt.ctx, {Waiter::Task, t, rt.token});
            block(t, Wait::WorkDone);
            return false;
        }
        if (step.watch == Watch::None) {
            // time.Sleep(D): blind to cancellation. Watch Done passively for the lint.
            if (isDone(rt.ctx) && rt.ignoredSince == kNever && step.duration > 0) {
                rt.ignoredSince = m_r.contexts[rt.ctx].doneAt;
                rt.ignoredCtx = rt.ctx;
            }
            if (step.duration <= 0)
                break;
            armTaskTimer(t, step.duration);
            if (canBeDone(rt.ctx) && !isDone(rt.ctx))
                addWaiter(rt.ctx, {Waiter::Passive, t, rt.token});
            block(t, Wait::Sleep);
            return false;
        }
        // Polling: slices of P, ctx.Err() checked after each.
        if (step.duration <= 0 || step.pollEvery <= 0)
            break;
        if (rt.ctx != kNone)
            touch(ObjectKind::Context, rt.ctx, false);
        rt.pollStart = m_now;
        rt.pollEvery = step.pollEvery;
        rt.pollEnd = addSaturated(m_now, step.duration);
        rt.pollSeq = m_timerSeq++;
        if (!m_logTimers) {
            m_logTimers = true; // from now on, pollCheckKey needs the record of each instant
            m_instantSeqs.push_back({m_now, rt.pollSeq, m_timerSeq, m_handled.size()});
        }
        if (isDone(rt.ctx)) {
            armPollCheck(t, addSaturated(m_now, std::min(step.duration, step.pollEvery)));
        } else {
            armPollCheck(t, rt.pollEnd);
            if (canBeDone(rt.ctx))
                addWaiter(rt.ctx, {Waiter::Poll, t, rt.token});
        }
        block(t, Wait::Poll);
        return false;

    case StepOp::Await:
        if (step.await == AwaitKind::Done) {
            if (rt.ctx != kNone)
                touch(ObjectKind::Context, rt.ctx, false);
            if (isDone(rt.ctx)) {
                endTask(t, errString(m_tree.err(treeOf(rt.ctx))));
                return false;
            }
            if (!canBeDone(rt.ctx)) {
                block(t, Wait::Forever); // <-ctx.Done() on a nil channel blocks forever
                return false;
            }
            addWaiter(rt.ctx, {Waiter::Task, t, rt.token});
            block(t, Wait::Done);
            return false;
        }
        rt.joinTargets.clear();
        if (step.await == AwaitKind::Children) {
            rt.joinTargets = rt.spawned;
        } else {
            for (const std::string& id : step.awaitIds) {
                const std::uint32_t it = taskById(id);
                if (it != kNone)
                    rt.joinTargets.push_back(it);
            }
        }
        for (TaskIndex j : rt.joinTargets)
            touch(ObjectKind::Task, j, false);
        if (joinSatisfied(rt))
            break;
        for (TaskIndex j : rt.joinTargets)
            if (m_r.tasks[j].state != TaskResultKind::Ended)
                m_rt[j].joinWaiters.push_back(t);
        block(t, Wait::Join);
        return false;

    case StepOp::Derive: {
        if (step.derive.empty())
            break;
        const std::uint32_t it = ctxById(step.derive.front().id);
        if (it == kNone || treeOf(it) != kNone)
            break;
        const CtxIndex r = it;
        createContext(r, rt.ctx, t);
        // createContext may have woken others; rt is still valid (m_rt does not grow here).
        if (hasCancelFunc(step.derive.front().kind)) {
            if (step.deferCancel)
                m_rt[t].deferred.push_back(r);
            else
                m_rt[t].undeferred.push_back(r);
        }
        m_rt[t].ctx = r;
        break;
    }

    case StepOp::Cancel: {
        const std::uint32_t it = ctxById(step.target);
        if (it == kNone)
            break;
        cancelContext(it, step.cause ? std::optional<std::string_view>(*step.cause) : std::nullopt, t);
        break;
    }

    case StepOp::Spawn: {
        if (step.spawn.empty())
            break;
        const std::uint32_t it = taskById(step.spawn.front().id);
        if (it == kNone)
            break;
        const TaskIndex child = it;
        CtxIndex ctx = rt.ctx;
        if (!step.spawn.front().context.empty()) {
            const std::uint32_t c = ctxById(step.spawn.front().context);
            if (c != kNone && treeOf(c) != kNone)
                ctx = c;
        }
        m_rt[t].spawned.push_back(child);
        startTask(child, ctx);
        break;
    }

    case StepOp::Value: {
        Lookup l;
        l.task = t;
        l.t = m_now;
        l.context = rt.ctx;
        l.key = step.text;
        l.keyType = step.keyType;
        // R37, R38: nearest binding wins, through every kind of node; key type and name must match.
        for (CtxIndex c = treeOf(rt.ctx); c != kNone; c = m_tree.parent(c)) {
            const CtxIndex r = resultOf(c);
            if (r == kNone || specOf(r).kind != ContextKind::WithValue)
                continue;
            const ContextSpec& spec = specOf(r);
            if (spec.key == step.text && goDynamicKeyType(spec.keyType) == goDynamicKeyType(step.keyType)) {
                l.boundAt = r;
                l.found = spec.value.type != Scalar::Type::Null; // a nil binding reads as absent
                if (l.found)
                    l.value = spec.value;
                break;
            }
        }
        const auto li = static_cast<std::uint32_t>(m_r.lookups.size());
        m_r.lookups.push_back(std::move(l));
        Event& e = emit(EventKind::ValueLookup, t);
        e.other = li;
        break;
    }

    case StepOp::AfterFunc: {
        if (step.afterFunc.empty())
            break;
        const std::uint32_t it = afById(step.afterFunc.front().id);
        if (it == kNone)
            break;
        CtxIndex ctx = rt.ctx;
        if (!step.afterFunc.front().context.empty()) {
            const std::uint32_t c = ctxById(step.afterFunc.front().context);
            if (c != kNone && treeOf(c) != kNone)
                ctx = c;
        }
        registerAfterFunc(it, ctx, t);
        break;
    }

    case StepOp::StopAfterFunc: {
        const std::uint32_t it = afById(step.target);
        if (it != kNone)
            stopAfterFunc(it, t);
        break;
    }

    case StepOp::Fail:
        endTask(t, "error: " + step.text);
        return false;

    case StepOp::Log: {
        Event& e = emit(EventKind::Log, t);
        e.str = intern(step.text);
        break;
    }
    }
    closeSpan(t, false);
    ++m_rt[t].pc;
    return true;
}

void Simulator::closeSpan(TaskIndex t, bool interrupted)
{
    TaskRuntime& rt = m_rt[t];
    if (rt.openSpan == kNone)
        return;
    m_r.steps[rt.openSpan].end = m_now;
    m_r.steps[rt.openSpan].interrupted = interrupted;
    rt.openSpan = kNone;
}

void Simulator::endTask(TaskIndex t, std::string result)
{
    closeSpan(t, result != "ok");
    // Deferred cancel() calls run as the function returns, last deferred first.
    std::vector<CtxIndex> deferred;
    deferred.swap(m_rt[t].deferred);
    for (auto it = deferred.rbegin(); it != deferred.rend(); ++it)
        cancelContext(*it, std::nullopt, t);

    touch(ObjectKind::Task, t, true); // a join waiting for it
    TaskInfo& info = m_r.tasks[t];
    TaskRuntime& rt = m_rt[t];
    info.state = TaskResultKind::Ended;
    info.endedAt = m_now;
    info.result = std::move(result);
    ++rt.token;
    rt.wait = Wait::None;
    Event& e = emit(EventKind::TaskEnded, t);
    e.str = intern(info.result);

    for (CtxIndex r : rt.undeferred)
        if (!m_cancelCalled[r])
            lint("lostcancel", "warning", m_r.contexts[r].id, lostCancelMessage(m_r, r, t));
    if (rt.ignoredSince != kNever && m_now > rt.ignoredSince)
        lint("goroutine-outlived-context", "warning", info.id,
             outlivedMessage(m_r, t, rt.ignoredCtx, m_now - rt.ignoredSince, true));

    std::vector<TaskIndex> waiters;
    waiters.swap(rt.joinWaiters);
    for (TaskIndex w : waiters)
        if (m_rt[w].wait == Wait::Join && joinSatisfied(m_rt[w]) && !m_rt[w].queued) {
            m_rt[w].queued = true;
            m_runQueue.push_back(w);
            queued(w);
        }
}

// ------------------------------------------------------------------------------------------
// After-funcs

void Simulator::registerAfterFunc(AfIndex af, CtxIndex ctx, TaskIndex by)
{
    if (m_afState[af] != AfState::Unregistered)
        return;
    touch(ObjectKind::AfterFunc, af, true);
    touch(ObjectKind::Context, ctx, false);
    AfterFuncInfo& info = m_r.afterFuncs[af];
    info.context = ctx;
    info.registeredAt = m_now;
    info.registeredBy = by;
    m_r.tasks[info.call].context = ctx;
    Event& e = emit(EventKind::AfterFuncRegistered, af);
    e.other = ctx;
    e.by = by;
    if (isDone(ctx)) {
        startAfterFuncCall(af); // R48: f starts at once, in its own goroutine
    } else if (!canBeDone(ctx)) {
        m_afState[af] = AfState::Never; // R51: f never runs; the first stop() returns true
    } else {
        m_afState[af] = AfState::Pending;
        addWaiter(ctx, {Waiter::AfterFunc, af, 0});
    }
}

void Simulator::stopAfterFunc(AfIndex af, TaskIndex by)
{
    AfState& st = m_afState[af];
    // A stop() that prevents nothing (the call started, or stop() was called before) only reads.
    touch(ObjectKind::AfterFunc, af, st == AfState::Pending || st == AfState::Never);
    bool stopped = false;
    if (st == AfState::Pending || st == AfState::Never) {
        stopped = true; // R49, R51: it prevented the call
        st = AfState::Stopped;
    }
    m_r.afterFuncs[af].stopped = stopped; // R50: after done, or a second stop(): false
    Event& e = emit(EventKind::AfterFuncStop, af);
    e.by = by;
    e.flag = stopped;
}

void Simulator::startAfterFuncCall(AfIndex af)
{
    touch(ObjectKind::AfterFunc, af, true);
    m_afState[af] = AfState::Started;
    AfterFuncInfo& info = m_r.afterFuncs[af];
    info.startedAt = m_now;
    // The call runs as a goroutine whose context is never done (scenario.md "After-funcs").
    TaskInfo& call = m_r.tasks[info.call];
    call.state = TaskResultKind::Running;
    call.startedAt = m_now;
    m_rt[info.call].ctx = kNone;
    wake(info.call);
}

} // namespace ctxscope::sim
