// simulate(): the scenario on a virtual clock. A single-threaded discrete-event loop: a timer
// heap (context deadlines and task timers, ordered by due time then arming order), the
// scenario's creations and actions, and a FIFO run queue of goroutines. Go semantics of the
// contexts themselves live in ContextTree; this file adds time, tasks, after-funcs and lints.
#include "ctxscope/engine/simulation.h"

#include "simulator_impl.h"
#include "lint_messages.h"

#include <algorithm>
#include <deque>
#include <limits>
#include <queue>
#include <string_view>
#include <unordered_map>

namespace ctxscope {

const char* errString(Err e)
{
    switch (e) {
    case Err::Canceled: return "context canceled";
    case Err::DeadlineExceeded: return "context deadline exceeded";
    case Err::None: break;
    }
    return "";
}

const char* reasonName(Reason r)
{
    switch (r) {
    case Reason::Cancel: return "cancel";
    case Reason::Deadline: return "deadline";
    case Reason::Parent: return "parent";
    case Reason::None: break;
    }
    return "";
}

namespace {

template <typename Info>
std::optional<std::uint32_t> findById(const std::vector<Info>& v, const IdIndex& index, std::string_view id)
{
    if (index.size() == v.size()) {
        const std::uint32_t i = index.find(v, id);
        return i == kNone ? std::nullopt : std::optional<std::uint32_t>(i);
    }
    for (std::size_t i = 0; i < v.size(); ++i)
        if (v[i].id == id)
            return static_cast<std::uint32_t>(i);
    return std::nullopt;
}

} // namespace

std::optional<CtxIndex> SimulationResult::findContext(std::string_view id) const { return findById(contexts, contextIndex, id); }
std::optional<TaskIndex> SimulationResult::findTask(std::string_view id) const { return findById(tasks, taskIndex, id); }
std::optional<AfIndex> SimulationResult::findAfterFunc(std::string_view id) const { return findById(afterFuncs, afterFuncIndex, id); }

namespace sim {




// ------------------------------------------------------------------------------------------
// Declaration

void Simulator::declare()
{
    auto declareContext = [&](const ContextSpec& spec, TaskIndex by, bool deferCancel, bool index = true) {
        ContextInfo info;
        info.id = spec.id;
        if (!spec.label.empty()) {
            info.labelIndex = static_cast<std::uint32_t>(m_r.labels.size());
            m_r.labels.push_back(spec.label);
        }
        info.kind = spec.kind;
        info.derivedBy = by;
        info.deferCancel = deferCancel;
        const auto r = static_cast<CtxIndex>(m_r.contexts.size());
        m_r.contexts.push_back(std::move(info));
        if (r >= m_s.contexts.size())
            m_derivedSpec.push_back(&spec);
        m_cancelCalled.push_back(false);
        if (index)
            m_r.contextIndex.add(m_r.contexts, r);
    };
    m_r.contexts.reserve(m_s.contexts.size());
    prefault(m_r.contexts);
    m_r.contextIndex.reserve(m_s.contexts.size());
    m_r.taskIndex.reserve(m_s.tasks.size() + m_s.afterFuncs.size());
    m_r.afterFuncIndex.reserve(m_s.afterFuncs.size());
    // The scenario's contexts are indexed in one go (addRange: as many adds, minus the cache
    // misses), before any derived one, as one add each would.
    // The same pass notes whether the contexts are in time order (schedule() needs no second
    // pass over a million 264-byte specs to find out).
    Nanos lastAt = std::numeric_limits<Nanos>::min();
    for (std::size_t i = 0; i < m_s.contexts.size(); ++i) {
        if (i + kSpecAhead < m_s.contexts.size())
            prefetchSpec(m_s.contexts[i + kSpecAhead]);
        const ContextSpec& c = m_s.contexts[i];
        declareContext(c, kNone, true, false);
        m_ctxInTimeOrder = m_ctxInTimeOrder && c.at >= lastAt;
        m_deadlineSpecs += isTimeoutKind(c.kind) || isDeadlineKind(c.kind);
        lastAt = c.at;
    }
    m_r.contextIndex.addRange(m_r.contexts, 0, static_cast<std::uint32_t>(m_r.contexts.size()));
    for (const TaskSpec& t : m_s.tasks)
        m_topTasks.push_back(declareTask(t.id, t.label, t.steps));
    for (const AfterFuncSpec& a : m_s.afterFuncs)
        m_topAfs.push_back(declareAfterFunc(a));
    // Second pass over every declared task's steps: derived contexts, spawned tasks and
    // step after-funcs, depth first in file order. m_rt grows while we walk it.
    for (TaskIndex t = 0; t < m_rt.size(); ++t) {
        for (const Step& step : *m_rt[t].steps) {
            if (step.op == StepOp::Derive && !step.derive.empty())
                declareContext(step.derive.front(), t, step.deferCancel);
            else if (step.op == StepOp::Spawn && !step.spawn.empty()) {
                const TaskSpec& sp = step.spawn.front();
                const TaskIndex c = declareTask(sp.id, sp.label, sp.steps);
                m_r.tasks[c].spawnedBy = t;
            } else if (step.op == StepOp::AfterFunc && !step.afterFunc.empty()) {
                const AfIndex af = declareAfterFunc(step.afterFunc.front());
                m_r.afterFuncs[af].registeredBy = t;
            }
        }
    }
}

TaskIndex Simulator::declareTask(const std::string& id, const std::string& label, const std::vector<Step>& steps)
{
    TaskInfo info;
    info.id = id;
    info.label = label.empty() ? id : label;
    const auto t = static_cast<TaskIndex>(m_r.tasks.size());
    m_r.tasks.push_back(std::move(info));
    TaskRuntime rt;
    rt.steps = &steps;
    m_rt.push_back(std::move(rt));
    m_r.taskIndex.add(m_r.tasks, t);
    return t;
}

AfIndex Simulator::declareAfterFunc(const AfterFuncSpec& spec)
{
    AfterFuncInfo info;
    info.id = spec.id;
    const auto af = static_cast<AfIndex>(m_r.afterFuncs.size());
    m_r.afterFuncs.push_back(std::move(info));
    m_afSpec.push_back(&spec);
    m_afState.push_back(AfState::Unregistered);
    m_r.afterFuncIndex.add(m_r.afterFuncs, af);
    const TaskIndex call = declareTask(spec.id, spec.label, spec.steps);
    m_r.tasks[call].afterFunc = af;
    m_r.afterFuncs[af].call = call;
    return af;
}

void Simulator::schedule()
{
    // At one instant: contexts, then after-funcs, then tasks, each in file order (scenario.md).
    // The contexts keep their file order when it is the time order already (no sort, no copy).
    const auto& cs = m_s.contexts;
    if (!m_ctxInTimeOrder) {
        m_ctxOrder.resize(cs.size());
        for (std::uint32_t i = 0; i < cs.size(); ++i)
            m_ctxOrder[i] = i;
        std::stable_sort(m_ctxOrder.begin(), m_ctxOrder.end(),
                         [&cs](std::uint32_t a, std::uint32_t b) { return cs[a].at < cs[b].at; });
    }
    for (std::uint32_t i = 0; i < m_s.afterFuncs.size(); ++i)
        m_creations.push_back({m_s.afterFuncs[i].at, Creation::AfterFunc, i});
    for (std::uint32_t i = 0; i < m_s.tasks.size(); ++i)
        m_creations.push_back({m_s.tasks[i].at, Creation::Task, i});
    std::stable_sort(m_creations.begin(), m_creations.end(),
                     [](const Creation& a, const Creation& b) { return a.at < b.at; });
    for (const Action& a : m_s.actions)
        m_actions.push_back(&a);
    std::stable_sort(m_actions.begin(), m_actions.end(),
                     [](const Action* a, const Action* b) { return a->at < b->at; });
    m_tree.reserve(m_r.contexts.size() + 1);
    m_timers.reserveDeadlines(m_deadlineSpecs);
    // The events, from what the scenario declares: one creation and at most one cancellation a
    // context, a start and an end a task, about one a step. Growing by doubling instead would
    // copy them, and briefly hold the old and the new buffer: at 10^6 contexts, the run's peak.
    // Reserved pages that are never written cost address space only.
    std::size_t steps = 0;
    for (const TaskRuntime& rt : m_rt)
        steps += rt.steps ? rt.steps->size() : 0;
    m_r.events.reserve(2 * m_r.contexts.size() + 3 * m_rt.size() + 2 * steps + 2 * m_r.afterFuncs.size() +
                       m_s.actions.size() + 1);
    if (m_sched)
        m_enabler.assign(m_rt.size(), kNone);
}

// ------------------------------------------------------------------------------------------
// The loop

void Simulator::loop()
{
    std::size_t nextCtx = 0;      // into the contexts in creation order (ctxInOrder)
    std::size_t nextCreation = 0; // into m_creations
    const std::size_t ctxCount = m_s.contexts.size();
    std::size_t nextAction = 0;
    std::size_t nextProgress = SimulationOptions::kProgressEvery;
    for (;;) {
        if (m_progress && m_r.events.size() >= nextProgress) {
            nextProgress = m_r.events.size() + SimulationOptions::kProgressEvery;
            if (!m_progress(m_r.events.size(), m_now)) {
                m_r.aborted = true;
                m_r.stopped = StopReason::Horizon;
                break;
            }
        }
        Nanos next = kNoDeadline;
        while (!m_timers.empty()) {
            const Timer top = m_timers.top();
            const bool live = top.isDeadline ? m_tree.needsTimer(top.target)
                                             : (m_rt[top.target].token == top.token);
            if (live)
                break;
            m_timers.pop(); // stopped timer (context canceled first, task woken otherwise)
        }
        if (!m_timers.empty())
            next = m_timers.top().due;
        if (nextCtx < ctxCount)
            next = std::min(next, m_s.contexts[ctxInOrder(nextCtx)].at);
        if (nextCreation < m_creations.size())
            next = std::min(next, m_creations[nextCreation].at);
        if (nextAction < m_actions.size())
            next = std::min(next, m_actions[nextAction]->at);
        // Nothing pending at all (a timer may be due at kNoDeadline's value itself: a deadline
        // of the largest time.Duration, which Go keeps pending).
        if (m_timers.empty() && nextCtx == ctxCount && nextCreation == m_creations.size() &&
            nextAction == m_actions.size()) {
            m_r.stopped = StopReason::Idle;
            break;
        }
        if (next > m_horizon) {
            m_now = std::max(m_now, m_horizon);
            m_r.stopped = StopReason::Horizon;
            break;
        }
        m_now = std::max(m_now, next);
        ++m_r.instants;

        // 1. Timers due now, in the order they were armed. They move to m_dueNow first, where
        // polling checks get their final key (the instants before now are complete).
        while (!m_timers.empty() && m_timers.top().due <= m_now) {
            Timer tm = m_timers.top();
            m_timers.pop();
            if (tm.isPollCheck)
                tm.key = pollCheckKey(m_rt[tm.target], tm.due);
            m_dueNow.push(tm);
        }
        if (m_logTimers && (m_instantSeqs.empty() || m_instantSeqs.back().t != m_now))
            m_instantSeqs.push_back({m_now, m_timerSeq, 0, m_handled.size()});
        if (m_sched)
            pool(true); // timers and goroutines of this instant, in the order the schedule says
        while (!m_dueNow.empty()) {
            const Timer tm = m_dueNow.top();
            m_dueNow.pop();
            const bool live = tm.isDeadline ? m_tree.needsTimer(tm.target) : (m_rt[tm.target].token == tm.token);
            if (!live)
                continue;
            m_inTimerPhase = true;
            m_currentTimer = tm.key;
            if (m_logTimers)
                m_handled.push_back({m_now, tm.key, m_timerSeq});
            if (tm.isDeadline)
                m_tree.expire(tm.target, m_now);
            else
                timerFired(tm.target);
            drain();
        }
        if (m_logTimers) {
            if (m_instantSeqs.empty() || m_instantSeqs.back().t != m_now) // logging began in this instant
                m_instantSeqs.push_back({m_now, m_timerSeq, 0, m_handled.size()});
            m_instantSeqs.back().seqAfterTimers = m_timerSeq;
        }
        m_inTimerPhase = false;
        // 2. What the scenario creates now: contexts, after-funcs, tasks, in file order.
        for (;;) {
            // The earlier of the next context and the next after-func or task; a context first
            // at the same instant.
            const bool ctxDue = nextCtx < ctxCount && m_s.contexts[ctxInOrder(nextCtx)].at <= m_now;
            const bool otherDue = nextCreation < m_creations.size() && m_creations[nextCreation].at <= m_now;
            if (!ctxDue && !otherDue)
                break;
            const Creation c = ctxDue && (!otherDue || m_s.contexts[ctxInOrder(nextCtx)].at <= m_creations[nextCreation].at)
                                   ? Creation{m_now, Creation::Context, ctxInOrder(nextCtx++)}
                                   : m_creations[nextCreation++];
            if (c.type == Creation::Context) {
                // The specs are far apart (264 bytes each) and read once: fetch a few ahead.
                if (nextCtx + kSpecAhead < ctxCount)
                    prefetchSpec(m_s.contexts[ctxInOrder(nextCtx + kSpecAhead)]);
                const ContextSpec& spec = m_s.contexts[c.index];
                CtxIndex parentR = kNone;
                if (!isRoot(spec.kind)) {
                    const std::uint32_t it = ctxById(spec.parent);
                    if (it == kNone || treeOf(it) == kNone)
                        continue; // invalid scenario: validateScenario reports it
                    parentR = it;
                }
                createContext(c.index, parentR, kNone);
            } else if (c.type == Creation::AfterFunc) {
                const AfIndex af = m_topAfs[c.index];
                const std::uint32_t it = ctxById(m_s.afterFuncs[c.index].context);
                if (it != kNone && treeOf(it) != kNone)
                    registerAfterFunc(af, it, kNone);
            } else {
                const std::uint32_t it = ctxById(m_s.tasks[c.index].context);
                if (it != kNone && treeOf(it) != kNone)
                    startTask(m_topTasks[c.index], it);
            }
            drain();
        }
        // 3. The user's actions now, in file order.
        while (nextAction < m_actions.size() && m_actions[nextAction]->at <= m_now) {
            const Action& a = *m_actions[nextAction++];
            if (a.op == ActionOp::Cancel) {
                const std::uint32_t it = ctxById(a.target);
                if (it != kNone)
                    cancelContext(it, a.cause ? std::optional<std::string_view>(*a.cause) : std::nullopt, kNone);
            } else {
                const std::uint32_t it = afById(a.target);
                if (it != kNone)
                    stopAfterFunc(it, kNone);
            }
            drain();
        }
    }
    m_r.endTime = m_now;
}

void Simulator::drain()
{
    if (m_sched) {
        pool(false);
        return;
    }
    // Goroutines run first woken first, each until it blocks or ends; ones started or woken
    // meanwhile join the back of the queue and run in the same pass.
    while (!m_runQueue.empty()) {
        const TaskIndex t = m_runQueue.front();
        m_runQueue.pop_front();
        m_rt[t].queued = false;
        runTask(t);
    }
}

// ------------------------------------------------------------------------------------------
// Contexts

void Simulator::storeIndexMaps()
{
    if (!m_sameIndex)
        return;
    m_sameIndex = false;
    const auto created = static_cast<CtxIndex>(m_tree.size());
    m_resultToTree.assign(m_r.contexts.size(), kNone);
    m_treeToResult.resize(created);
    for (CtxIndex c = 0; c < created; ++c)
        m_resultToTree[c] = m_treeToResult[c] = c;
}

CtxIndex Simulator::createContext(CtxIndex r, CtxIndex parentR, TaskIndex by)
{
    const ContextSpec& spec = specOf(r);
    ContextInfo& info = m_r.contexts[r];
    CtxIndex parentTree = treeOf(parentR);
    if (parentTree == kNone && !isRoot(spec.kind)) {
        // A derive in an after-func's call: its context is one that is never done.
        if (m_hiddenRoot == kNone) {
            storeIndexMaps();
            m_hiddenRoot = m_tree.background(m_now);
            m_treeToResult.push_back(kNone);
        }
        parentTree = m_hiddenRoot;
    }
    if (m_sameIndex && r != m_tree.size())
        storeIndexMaps(); // created out of declaration order: the indices differ from now on
    CtxIndex c = kNone;
    switch (spec.kind) {
    case ContextKind::Background:
    case ContextKind::TODO:
        c = m_tree.background(m_now, spec.kind);
        break;
    case ContextKind::WithCancel:
    case ContextKind::WithCancelCause:
        c = m_tree.withCancel(parentTree, m_now, spec.kind);
        break;
    case ContextKind::WithTimeout:
    case ContextKind::WithTimeoutCause:
    case ContextKind::WithDeadline:
    case ContextKind::WithDeadlineCause: {
        Nanos d = spec.deadline;
        if (isTimeoutKind(spec.kind)) // R26; saturate rather than overflow
            d = spec.timeout > 0 && m_now > kNoDeadline - spec.timeout ? kNoDeadline : m_now + spec.timeout;
        const StrId cause = isCauseDeadlineKind(spec.kind) ? intern(spec.cause) : kNone;
        c = m_tree.withDeadline(parentTree, m_now, d, cause, spec.kind);
        break;
    }
    case ContextKind::WithValue:
        c = m_tree.withValue(parentTree, m_now);
        break;
    case ContextKind::WithoutCancel:
        c = m_tree.withoutCancel(parentTree, m_now);
        break;
    }
    if (parentR != kNone)
        touch(ObjectKind::Context, parentR, false); // R16: a done parent makes it done at once
    if (!m_sameIndex) {
        m_resultToTree[r] = c;
        m_treeToResult.push_back(r);
    }

    info.parent = parentR;
    info.createdAt = m_now;
    info.deadline = m_tree.hasDeadline(c) ? m_tree.deadline(c) : kNoDeadline;
    const CtxIndex from = m_tree.deadlineFrom(c);
    info.deadlineFrom = from == kNone ? kNone : resultOf(from);
    info.degraded = m_tree.degraded(c);
    info.canEverBeDone = m_tree.canEverBeDone(c);
    Event& e = emit(EventKind::ContextCreated, r);
    e.by = by;
    e.other = parentR;

    if (spec.kind == ContextKind::WithValue && isGoBuiltinType(spec.keyType))
        lint("SA1029", "warning", spec.id,
             "should not use built-in type " + spec.keyType +
                 " as key for value; define your own type to avoid collisions (staticcheck SA1029): "
                 "any package that uses " + spec.keyType + "(\"" + spec.key + "\") reads or shadows this value");

    if (m_tree.isDone(c)) {
        contextDone(c); // R16/R30: done at creation; nobody waits on it yet
    } else if (m_tree.needsTimer(c)) {
        m_timers.push({m_tree.deadline(c), {m_now, m_timerSeq++, 1, 0}, c, 0, true});
        ++m_r.timersArmed;
    }
    return c;
}

void Simulator::contextDone(CtxIndex treeCtx)
{
    const CtxIndex r = resultOf(treeCtx);
    if (m_sched && r != kNone && m_tree.hasOwnDeadline(treeCtx) && m_tree.deadline(treeCtx) == m_now &&
        !(m_tree.reason(treeCtx) == Reason::Deadline && m_tree.source(treeCtx) == treeCtx)) {
        UnitId timer; // its own deadline, due now, will not fire: it could have fired first
        timer.kind = UnitId::Timer;
        timer.deadline = true;
        timer.target = r;
        disabled(timer);
    }
    if (r != kNone) {
        touch(ObjectKind::Context, r, true);
        ContextInfo& info = m_r.contexts[r];
        info.err = m_tree.err(treeCtx);
        info.cause = m_tree.cause(treeCtx);
        info.reason = m_tree.reason(treeCtx);
        const CtxIndex src = m_tree.source(treeCtx);
        info.source = src == kNone ? kNone : resultOf(src);
        info.doneAt = m_now;
        Event& e = emit(EventKind::ContextCanceled, r);
        e.err = info.err;
        e.reason = info.reason;
        e.str = info.cause;
        e.other = info.source;
    }
    // Wake what waited on Done, in the order the waits began (R46: after-funcs only *start*).
    std::vector<Waiter> waiters;
    if (auto it = m_waiters.find(treeCtx); it != m_waiters.end()) {
        waiters.swap(it->second);
        m_waiters.erase(it);
    }
    for (const Waiter& w : waiters) {
        // Exploration: a waiter whose wait is over (stale) still marks a dependency: had this
        // cancellation come first, it would have woken that goroutine or started that call.
        if (w.type == Waiter::AfterFunc)
            touch(ObjectKind::AfterFunc, w.index, true);
        else if (w.type != Waiter::Passive)
            touch(ObjectKind::Task, w.index, true);
        switch (w.type) {
        case Waiter::Task:
            if (m_rt[w.index].token == w.token)
                wake(w.index);
            break;
        case Waiter::Passive: {
            TaskRuntime& rt = m_rt[w.index];
            if (rt.token == w.token && rt.ignoredSince == kNever) {
                rt.ignoredSince = m_now;
                rt.ignoredCtx = r;
            }
            break;
        }
        case Waiter::Poll:
            if (m_rt[w.index].token == w.token)
                pollContextDone(w.index);
            break;
        case Waiter::AfterFunc:
            if (m_afState[w.index] == AfState::Pending)
                startAfterFuncCall(w.index);
            break;
        }
    }
}

void Simulator::addWaiter(CtxIndex r, Waiter w)
{
    const CtxIndex c = treeOf(r);
    if (c != kNone)
        m_waiters[c].push_back(w);
}

void Simulator::cancelContext(CtxIndex r, std::optional<std::string_view> cause, TaskIndex by)
{
    const CtxIndex c = treeOf(r);
    Event& e = emit(EventKind::CancelCalled, r);
    e.by = by;
    if (cause)
        e.str = intern(*cause);
    m_cancelCalled[r] = true;
    touchCancelAttempt(r);
    if (c == kNone) {
        e.flag = false; // not created yet: nothing to cancel
        return;
    }
    e.flag = !m_tree.isDone(c) && hasCancelFunc(m_tree.kind(c));
    const StrId causeId = (cause && m_tree.kind(c) == ContextKind::WithCancelCause) ? intern(*cause) : kNone;
    m_tree.cancel(c, m_now, causeId);
}


// ------------------------------------------------------------------------------------------
// Output helpers and the end of the run

StrId Simulator::intern(std::string_view s)
{
    if (s == "context canceled")
        return kStrCanceled;
    if (s == "context deadline exceeded")
        return kStrDeadlineExceeded;
    auto it = m_strIds.find(std::string(s));
    if (it != m_strIds.end())
        return it->second;
    const auto id = static_cast<StrId>(m_r.strings.size());
    m_r.strings.emplace_back(s);
    m_strIds.emplace(std::string(s), id);
    return id;
}

void Simulator::lint(std::string rule, std::string severity, std::string subject, std::string message)
{
    const auto li = static_cast<std::uint32_t>(m_r.lints.size());
    m_r.lints.push_back({std::move(rule), std::move(severity), std::move(subject), m_now, std::move(message)});
    Event& e = emit(EventKind::Lint, kNone);
    e.other = li;
}

std::string Simulator::waitDescription(const TaskRuntime& rt) const
{
    const std::string ctx = rt.ctx == kNone ? std::string("a context that is never done")
                                            : "ctx " + m_r.contexts[rt.ctx].id;
    switch (rt.wait) {
    case Wait::Forever:
        return "it waits on <-ctx.Done() of " + ctx + ", which can never be done (its Done channel is nil)";
    case Wait::Done:
        return "it waits on <-ctx.Done() of " + ctx + ", and nothing is left that could cancel it";
    case Wait::Join: {
        std::string names;
        for (TaskIndex j : rt.joinTargets)
            if (m_r.tasks[j].state != TaskResultKind::Ended)
                names += (names.empty() ? "" : ", ") + m_r.tasks[j].id;
        return "it waits in wg.Wait() for " + (names.empty() ? std::string("goroutines that never start") : names);
    }
    default:
        return "it never returns";
    }
}

void Simulator::finish()
{
    const bool idle = m_r.stopped == StopReason::Idle;
    for (TaskIndex t = 0; t < m_r.tasks.size(); ++t) {
        TaskInfo& info = m_r.tasks[t];
        if (info.state != TaskResultKind::Running)
            continue;
        const TaskRuntime& rt = m_rt[t];
        // At a horizon, a goroutine waiting on a timer or on a context that can still be done
        // is "running"; one that waits for what can no longer happen is "blocked".
        bool blocked = idle || rt.wait == Wait::Forever;
        if (!idle && rt.wait == Wait::Done && !canBeDone(rt.ctx))
            blocked = true;
        info.state = blocked ? TaskResultKind::Blocked : TaskResultKind::Running;
        info.result = blocked ? "blocked" : "running";
        if (rt.ignoredSince != kNever && m_now > rt.ignoredSince)
            lint("goroutine-outlived-context", "warning", info.id,
                 outlivedMessage(m_r, t, rt.ignoredCtx, m_now - rt.ignoredSince, false));
        if (idle)
            lint("goroutine-leak", "error", info.id, leakMessage(m_r, t, waitDescription(rt)));
    }
    Event& e = emit(EventKind::End, kNone);
    e.flag = m_r.stopped == StopReason::Horizon;
}

} // namespace sim


SimulationResult simulate(const Scenario& scenario, const SimulationOptions& options)
{
    sim::Simulator simulator(scenario, options);
    return simulator.run();
}

} // namespace ctxscope
