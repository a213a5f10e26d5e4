// simulate(): the scenario on a virtual clock. A single-threaded discrete-event loop: a timer
// heap (context deadlines and task timers, ordered by due time then arming order), the
// scenario's creations and actions, and a FIFO run queue of goroutines. Go semantics of the
// contexts themselves live in ContextTree; this file adds time, tasks, after-funcs and lints.
#include "ctxscope/simulation.h"

#include "ctxscope/context_tree.h"
#include "simulator_lints.h"

#include <algorithm>
#include <deque>
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
std::optional<std::uint32_t> findById(const std::vector<Info>& v, std::string_view id)
{
    for (std::size_t i = 0; i < v.size(); ++i)
        if (v[i].id == id)
            return static_cast<std::uint32_t>(i);
    return std::nullopt;
}

} // namespace

std::optional<CtxIndex> SimulationResult::findContext(std::string_view id) const { return findById(contexts, id); }
std::optional<TaskIndex> SimulationResult::findTask(std::string_view id) const { return findById(tasks, id); }
std::optional<AfIndex> SimulationResult::findAfterFunc(std::string_view id) const { return findById(afterFuncs, id); }

namespace {

// What a blocked goroutine waits for.
enum class Wait : std::uint8_t { None, WorkDone, Sleep, Poll, Done, Join, Forever };

struct TaskRuntime {
    const std::vector<Step>* steps = nullptr;
    std::size_t pc = 0;
    CtxIndex ctx = kNone;          // current context (result index); kNone: a never-done context
    Wait wait = Wait::None;
    std::uint32_t token = 0;       // bumped on every wake: stale timers and waiters are ignored
    bool queued = false;
    bool announced = false;        // task.started emitted (at its first run)
    Nanos workLeft = 0;            // Poll: work still to do after the running slice
    Nanos slice = 0;               // Poll: length of the running slice
    std::vector<TaskIndex> spawned;
    std::vector<CtxIndex> deferred;     // derive with defer cancel(), run LIFO at the end
    std::vector<CtxIndex> undeferred;   // derive without it: lostcancel candidates
    std::vector<TaskIndex> joinTargets; // Wait::Join
    std::vector<TaskIndex> joinWaiters; // tasks that wait for this one
    std::uint32_t openSpan = kNone;     // the StepSpan of the step it is blocked in
    Nanos ignoredSince = kNever;        // its context was done while it worked without looking
    CtxIndex ignoredCtx = kNone;
};

enum class AfState : std::uint8_t { Unregistered, Pending, Never, Started, Stopped };

struct Waiter {
    enum Type : std::uint8_t { Task, Passive, AfterFunc } type;
    std::uint32_t index;
    std::uint32_t token;
};

struct Timer {
    Nanos due;
    std::uint64_t seq;
    std::uint32_t target;     // tree context (deadline) or task
    std::uint32_t token;      // task timers only
    bool isDeadline;
    bool operator>(const Timer& o) const { return due != o.due ? due > o.due : seq > o.seq; }
};

struct Creation {
    Nanos at;
    enum Type : std::uint8_t { Context, AfterFunc, Task } type; // the order at one instant
    std::uint32_t index;
};

bool isBuiltinType(std::string_view t)
{
    static const char* const builtins[] = {"string", "int", "int8", "int16", "int32", "int64", "uint", "uint8",
                                           "uint16", "uint32", "uint64", "uintptr", "float32", "float64",
                                           "complex64", "complex128", "bool", "byte", "rune", "any", "error"};
    for (const char* b : builtins)
        if (t == b)
            return true;
    return false;
}

// Go compares keys by dynamic type: byte is uint8, rune is int32, and any("k") holds a string.
std::string_view canonicalKeyType(std::string_view t)
{
    if (t == "byte")
        return "uint8";
    if (t == "rune")
        return "int32";
    if (t == "any" || t == "interface{}")
        return "string";
    return t;
}

class Simulator final : public CancelObserver {
public:
    Simulator(const Scenario& s, const SimulationOptions& o) : m_s(s)
    {
        m_r.scenarioName = s.name;
        m_r.seed = o.seed ? *o.seed : s.seed;
        m_horizon = o.until ? *o.until : (s.until ? *s.until : kHorizonCap);
        m_r.strings = {"context canceled", "context deadline exceeded"};
        m_tree.setCancelOrder(s.cancelOrder, static_cast<std::uint64_t>(m_r.seed));
        m_tree.setObserver(this);
    }

    SimulationResult run()
    {
        declare();
        schedule();
        loop();
        finish();
        return std::move(m_r);
    }

    void contextDone(CtxIndex treeCtx) override;

private:
    // ---- declaration: every context, task and after-func gets its table row up front ----
    void declare();
    void declareSteps(const std::vector<Step>& steps, TaskIndex owner);
    TaskIndex declareTask(const std::string& id, const std::string& label, const std::vector<Step>& steps);
    // The id maps hold string_views of the scenario's own strings (stable for the whole run).
    AfIndex declareAfterFunc(const AfterFuncSpec& spec);
    void schedule();

    // ---- the loop ----
    void loop();
    void drain();
    void finish();

    // ---- contexts ----
    CtxIndex createContext(CtxIndex r, CtxIndex parentR, TaskIndex by);
    CtxIndex treeOf(CtxIndex r) const { return r == kNone ? kNone : m_resultToTree[r]; }
    void cancelContext(CtxIndex r, std::optional<std::string_view> cause, TaskIndex by);
    bool isDone(CtxIndex r) const { return treeOf(r) != kNone && m_tree.isDone(treeOf(r)); }
    bool canBeDone(CtxIndex r) const { return treeOf(r) != kNone && m_tree.canEverBeDone(treeOf(r)); }
    void addWaiter(CtxIndex r, Waiter w);

    // ---- tasks ----
    void startTask(TaskIndex t, CtxIndex ctx);
    void wake(TaskIndex t);
    void runTask(TaskIndex t);
    bool execStep(TaskIndex t, const Step& step); // false: the task blocked or ended
    void endTask(TaskIndex t, std::string result);
    void block(TaskIndex t, Wait w);
    void closeSpan(TaskIndex t, bool interrupted);
    void armTaskTimer(TaskIndex t, Nanos after);
    void timerFired(TaskIndex t);
    bool joinSatisfied(const TaskRuntime& rt) const;

    // ---- after-funcs ----
    void registerAfterFunc(AfIndex af, CtxIndex ctx, TaskIndex by);
    void stopAfterFunc(AfIndex af, TaskIndex by);
    void startAfterFuncCall(AfIndex af);

    // ---- output ----
    Event& emit(EventKind kind, std::uint32_t subject)
    {
        Event e;
        e.t = m_now;
        e.kind = kind;
        e.subject = subject;
        m_r.events.push_back(e);
        return m_r.events.back();
    }
    StrId intern(std::string_view s);
    std::string waitDescription(const TaskRuntime& rt) const;
    void lint(std::string rule, std::string severity, std::string subject, std::string message);

    const Scenario& m_s;
    SimulationResult m_r;
    ContextTree m_tree;
    Nanos m_now = 0;
    Nanos m_horizon = kHorizonCap;
    std::uint64_t m_timerSeq = 0;

    std::vector<const ContextSpec*> m_ctxSpec;      // per result context
    std::vector<CtxIndex> m_resultToTree;            // kNone until created
    std::vector<CtxIndex> m_treeToResult;            // kNone for hidden nodes
    std::vector<std::vector<Waiter>> m_waiters;      // per tree context
    std::vector<bool> m_cancelCalled;                // per result context (lostcancel)
    std::unordered_map<std::string_view, CtxIndex> m_ctxById;
    std::unordered_map<std::string_view, TaskIndex> m_taskById;
    std::unordered_map<std::string_view, AfIndex> m_afById;
    std::unordered_map<std::string, StrId> m_strIds;

    std::vector<TaskRuntime> m_rt;
    std::vector<const AfterFuncSpec*> m_afSpec;
    std::vector<AfState> m_afState;
    std::vector<TaskIndex> m_topTasks;               // per scenario task
    std::vector<AfIndex> m_topAfs;                   // per scenario after-func

    std::priority_queue<Timer, std::vector<Timer>, std::greater<Timer>> m_timers;
    std::vector<Creation> m_creations;
    std::vector<const Action*> m_actions;
    std::deque<TaskIndex> m_runQueue;
    CtxIndex m_hiddenRoot = kNone;                   // tree Background for after-func calls' derives
};

// ------------------------------------------------------------------------------------------
// Declaration

void Simulator::declare()
{
    auto declareContext = [&](const ContextSpec& spec, TaskIndex by, bool deferCancel) {
        ContextInfo info;
        info.id = spec.id;
        info.label = spec.label.empty() ? spec.id : spec.label;
        info.kind = spec.kind;
        info.derivedBy = by;
        info.deferCancel = deferCancel;
        const auto r = static_cast<CtxIndex>(m_r.contexts.size());
        m_r.contexts.push_back(std::move(info));
        m_ctxSpec.push_back(&spec);
        m_resultToTree.push_back(kNone);
        m_cancelCalled.push_back(false);
        m_ctxById.emplace(spec.id, r); // keys view the scenario's strings, which do not move
    };
    m_r.contexts.reserve(m_s.contexts.size());
    m_ctxSpec.reserve(m_s.contexts.size());
    m_resultToTree.reserve(m_s.contexts.size());
    m_ctxById.reserve(m_s.contexts.size());
    m_taskById.reserve(m_s.tasks.size() + m_s.afterFuncs.size());
    m_afById.reserve(m_s.afterFuncs.size());
    for (const ContextSpec& c : m_s.contexts)
        declareContext(c, kNone, true);
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
    m_taskById.emplace(id, t);
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
    m_afById.emplace(spec.id, af);
    const TaskIndex call = declareTask(spec.id, spec.label, spec.steps);
    m_r.tasks[call].afterFunc = af;
    m_r.afterFuncs[af].call = call;
    return af;
}

void Simulator::schedule()
{
    // At one instant: contexts, then after-funcs, then tasks, each in file order (scenario.md).
    for (std::uint32_t i = 0; i < m_s.contexts.size(); ++i)
        m_creations.push_back({m_s.contexts[i].at, Creation::Context, i});
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
    m_waiters.reserve(m_r.contexts.size() + 1);
}

// ------------------------------------------------------------------------------------------
// The loop

void Simulator::loop()
{
    std::size_t nextCreation = 0;
    std::size_t nextAction = 0;
    for (;;) {
        Nanos next = kNoDeadline;
        while (!m_timers.empty()) {
            const Timer& top = m_timers.top();
            const bool live = top.isDeadline ? m_tree.needsTimer(top.target)
                                             : (m_rt[top.target].token == top.token);
            if (live)
                break;
            m_timers.pop(); // stopped timer (context canceled first, task woken otherwise)
        }
        if (!m_timers.empty())
            next = m_timers.top().due;
        if (nextCreation < m_creations.size())
            next = std::min(next, m_creations[nextCreation].at);
        if (nextAction < m_actions.size())
            next = std::min(next, m_actions[nextAction]->at);
        if (next == kNoDeadline) {
            m_r.stopped = StopReason::Idle;
            break;
        }
        if (next > m_horizon) {
            m_now = std::max(m_now, m_horizon);
            m_r.stopped = StopReason::Horizon;
            break;
        }
        m_now = std::max(m_now, next);

        // 1. Timers due now, in the order they were armed.
        while (!m_timers.empty() && m_timers.top().due <= m_now) {
            const Timer tm = m_timers.top();
            m_timers.pop();
            if (tm.isDeadline) {
                m_tree.expire(tm.target, m_now); // no-op when canceled earlier
            } else if (m_rt[tm.target].token == tm.token) {
                timerFired(tm.target);
            }
            drain();
        }
        // 2. What the scenario creates now: contexts, after-funcs, tasks, in file order.
        while (nextCreation < m_creations.size() && m_creations[nextCreation].at <= m_now) {
            const Creation c = m_creations[nextCreation++];
            if (c.type == Creation::Context) {
                const ContextSpec& spec = m_s.contexts[c.index];
                CtxIndex parentR = kNone;
                if (!isRoot(spec.kind)) {
                    auto it = m_ctxById.find(spec.parent);
                    if (it == m_ctxById.end() || treeOf(it->second) == kNone)
                        continue; // invalid scenario: validateScenario reports it
                    parentR = it->second;
                }
                createContext(c.index, parentR, kNone);
            } else if (c.type == Creation::AfterFunc) {
                const AfIndex af = m_topAfs[c.index];
                auto it = m_ctxById.find(m_s.afterFuncs[c.index].context);
                if (it != m_ctxById.end() && treeOf(it->second) != kNone)
                    registerAfterFunc(af, it->second, kNone);
            } else {
                auto it = m_ctxById.find(m_s.tasks[c.index].context);
                if (it != m_ctxById.end() && treeOf(it->second) != kNone)
                    startTask(m_topTasks[c.index], it->second);
            }
            drain();
        }
        // 3. The user's actions now, in file order.
        while (nextAction < m_actions.size() && m_actions[nextAction]->at <= m_now) {
            const Action& a = *m_actions[nextAction++];
            if (a.op == ActionOp::Cancel) {
                auto it = m_ctxById.find(a.target);
                if (it != m_ctxById.end())
                    cancelContext(it->second, a.cause ? std::optional<std::string_view>(*a.cause) : std::nullopt, kNone);
            } else {
                auto it = m_afById.find(a.target);
                if (it != m_afById.end())
                    stopAfterFunc(it->second, kNone);
            }
            drain();
        }
    }
    m_r.endTime = m_now;
}

void Simulator::drain()
{
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

CtxIndex Simulator::createContext(CtxIndex r, CtxIndex parentR, TaskIndex by)
{
    const ContextSpec& spec = *m_ctxSpec[r];
    ContextInfo& info = m_r.contexts[r];
    CtxIndex parentTree = treeOf(parentR);
    if (parentTree == kNone && !isRoot(spec.kind)) {
        // A derive in an after-func's call: its context is one that is never done.
        if (m_hiddenRoot == kNone) {
            m_hiddenRoot = m_tree.background(m_now);
            m_treeToResult.push_back(kNone);
            m_waiters.emplace_back();
        }
        parentTree = m_hiddenRoot;
    }
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
            d = spec.timeout > 0 && m_now > kNoDeadline - 1 - spec.timeout ? kNoDeadline - 1 : m_now + spec.timeout;
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
    m_resultToTree[r] = c;
    m_treeToResult.push_back(r);
    m_waiters.emplace_back();

    info.parent = parentR;
    info.createdAt = m_now;
    info.deadline = m_tree.deadline(c) == ContextTree::kMaxNanos ? kNoDeadline : m_tree.deadline(c);
    const CtxIndex from = m_tree.deadlineFrom(c);
    info.deadlineFrom = from == kNone ? kNone : m_treeToResult[from];
    info.degraded = m_tree.degraded(c);
    info.canEverBeDone = m_tree.canEverBeDone(c);
    Event& e = emit(EventKind::ContextCreated, r);
    e.by = by;
    e.other = parentR;

    if (spec.kind == ContextKind::WithValue && isBuiltinType(spec.keyType))
        lint("SA1029", "warning", spec.id,
             "should not use built-in type " + spec.keyType +
                 " as key for value; define your own type to avoid collisions (staticcheck SA1029): "
                 "any package that uses " + spec.keyType + "(\"" + spec.key + "\") reads or shadows this value");

    if (m_tree.isDone(c)) {
        contextDone(c); // R16/R30: done at creation; nobody waits on it yet
    } else if (m_tree.needsTimer(c)) {
        m_timers.push({m_tree.deadline(c), m_timerSeq++, c, 0, true});
    }
    return c;
}

void Simulator::contextDone(CtxIndex treeCtx)
{
    const CtxIndex r = m_treeToResult[treeCtx];
    if (r != kNone) {
        ContextInfo& info = m_r.contexts[r];
        info.err = m_tree.err(treeCtx);
        info.cause = m_tree.cause(treeCtx);
        info.reason = m_tree.reason(treeCtx);
        const CtxIndex src = m_tree.source(treeCtx);
        info.source = src == kNone ? kNone : m_treeToResult[src];
        info.doneAt = m_now;
        Event& e = emit(EventKind::ContextCanceled, r);
        e.err = info.err;
        e.reason = info.reason;
        e.str = info.cause;
        e.other = info.source;
    }
    // Wake what waited on Done, in the order the waits began (R46: after-funcs only *start*).
    std::vector<Waiter> waiters;
    waiters.swap(m_waiters[treeCtx]);
    for (const Waiter& w : waiters) {
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
    if (c == kNone) {
        e.flag = false; // not created yet: nothing to cancel
        return;
    }
    e.flag = !m_tree.isDone(c) && hasCancelFunc(m_tree.kind(c));
    const StrId causeId = (cause && m_tree.kind(c) == ContextKind::WithCancelCause) ? intern(*cause) : kNone;
    m_tree.cancel(c, m_now, causeId);
}

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
    ++rt.token; // every pending timer or waiter of the previous wait is now stale
    if (!rt.queued) {
        rt.queued = true;
        m_runQueue.push_back(t);
    }
}

void Simulator::block(TaskIndex t, Wait w)
{
    m_rt[t].wait = w;
}

void Simulator::armTaskTimer(TaskIndex t, Nanos after)
{
    const Nanos due = after > kNoDeadline - 1 - m_now ? kNoDeadline - 1 : m_now + after;
    m_timers.push({due, m_timerSeq++, t, m_rt[t].token, false});
}

void Simulator::timerFired(TaskIndex t)
{
    TaskRuntime& rt = m_rt[t];
    if (rt.wait == Wait::Poll) {
        rt.workLeft -= rt.slice;
        // The check after each slice, the last included: ctx.Err() != nil ends the task.
        if (isDone(rt.ctx)) {
            ++rt.token;
            rt.wait = Wait::None;
            endTask(t, errString(m_tree.err(treeOf(rt.ctx))));
            return;
        }
        if (rt.workLeft > 0) {
            rt.slice = std::min(rt.workLeft, (*rt.steps)[rt.pc].pollEvery);
            ++rt.token;
            armTaskTimer(t, rt.slice);
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
            if (isDone(rt.ctx)) {
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
        rt.workLeft = step.duration;
        rt.slice = std::min(step.duration, step.pollEvery);
        armTaskTimer(t, rt.slice);
        block(t, Wait::Poll);
        return false;

    case StepOp::Await:
        if (step.await == AwaitKind::Done) {
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
                auto it = m_taskById.find(id);
                if (it != m_taskById.end())
                    rt.joinTargets.push_back(it->second);
            }
        }
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
        auto it = m_ctxById.find(step.derive.front().id);
        if (it == m_ctxById.end() || treeOf(it->second) != kNone)
            break;
        const CtxIndex r = it->second;
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
        auto it = m_ctxById.find(step.target);
        if (it == m_ctxById.end())
            break;
        cancelContext(it->second, step.cause ? std::optional<std::string_view>(*step.cause) : std::nullopt, t);
        break;
    }

    case StepOp::Spawn: {
        if (step.spawn.empty())
            break;
        auto it = m_taskById.find(step.spawn.front().id);
        if (it == m_taskById.end())
            break;
        const TaskIndex child = it->second;
        CtxIndex ctx = rt.ctx;
        if (!step.spawn.front().context.empty()) {
            auto c = m_ctxById.find(step.spawn.front().context);
            if (c != m_ctxById.end() && treeOf(c->second) != kNone)
                ctx = c->second;
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
            const CtxIndex r = m_treeToResult[c];
            if (r == kNone || m_ctxSpec[r]->kind != ContextKind::WithValue)
                continue;
            const ContextSpec& spec = *m_ctxSpec[r];
            if (spec.key == step.text && canonicalKeyType(spec.keyType) == canonicalKeyType(step.keyType)) {
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
        auto it = m_afById.find(step.afterFunc.front().id);
        if (it == m_afById.end())
            break;
        CtxIndex ctx = rt.ctx;
        if (!step.afterFunc.front().context.empty()) {
            auto c = m_ctxById.find(step.afterFunc.front().context);
            if (c != m_ctxById.end() && treeOf(c->second) != kNone)
                ctx = c->second;
        }
        registerAfterFunc(it->second, ctx, t);
        break;
    }

    case StepOp::StopAfterFunc: {
        auto it = m_afById.find(step.target);
        if (it != m_afById.end())
            stopAfterFunc(it->second, t);
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
        }
}

// ------------------------------------------------------------------------------------------
// After-funcs

void Simulator::registerAfterFunc(AfIndex af, CtxIndex ctx, TaskIndex by)
{
    if (m_afState[af] != AfState::Unregistered)
        return;
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

} // namespace

SimulationResult simulate(const Scenario& scenario, const SimulationOptions& options)
{
    Simulator sim(scenario, options);
    return sim.run();
}

} // namespace ctxscope
