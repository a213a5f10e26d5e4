#pragma once
// The simulator's internals, shared by simulator.cpp (declaration, the event loop, contexts,
// output) and simulator_tasks.cpp (goroutines and after-funcs). Not a public header.
#include "ctxscope/engine/context_tree.h"
#include "ctxscope/engine/go_types.h"
#include "ctxscope/engine/schedule.h"
#include "ctxscope/engine/simulation.h"
#include "timer_queue.h"

#include <deque>
#include <queue>
#include <string_view>
#include <unordered_map>

namespace ctxscope::sim {

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
    // Poll (a work step with watch P): it checks ctx.Err() at pollStart + k*P and at pollEnd.
    // Those checks are not timers of their own (that would cost work/P timers); see armPollCheck.
    Nanos pollStart = 0;
    Nanos pollEvery = 0;
    Nanos pollEnd = 0;
    std::uint64_t pollSeq = 0;     // the arm order of its first slice, taken when the step began
    std::vector<TaskIndex> spawned;
    std::vector<CtxIndex> deferred;     // derive with defer cancel(), run LIFO at the end
    std::vector<CtxIndex> undeferred;   // derive without it: lostcancel candidates
    std::vector<TaskIndex> joinTargets; // Wait::Join
    std::vector<TaskIndex> joinWaiters; // tasks that wait for this one
    std::uint32_t openSpan = kNone;     // the StepSpan of the step it is blocked in
    Nanos timerDue = kNever;            // its timer's due time, valid while timerToken == token
    std::uint32_t timerToken = 0;
    Nanos ignoredSince = kNever;        // its context was done while it worked without looking
    CtxIndex ignoredCtx = kNone;
};

enum class AfState : std::uint8_t { Unregistered, Pending, Never, Started, Stopped };

struct Waiter {
    // Task: wake it. Passive: note that it now ignores a done context. Poll: move its next
    // check to the first one after now. AfterFunc: start the call.
    enum Type : std::uint8_t { Task, Passive, Poll, AfterFunc } type;
    std::uint32_t index;
    std::uint32_t token;
};

// A timer handled at some instant, with the arm counter just before it was handled: where a
// polling check due then would have re-armed its next slice (pollCheckKey).
struct HandledTimer {
    Nanos t;
    TimerKey key;
    std::uint64_t seqBefore;
};
struct InstantSeqs {
    Nanos t;
    std::uint64_t seqStart;     // the arm counter when the instant began
    std::uint64_t seqAfterTimers = 0;
    std::size_t handledBegin;   // its timers in m_handled start here
};

struct Creation {
    Nanos at;
    enum Type : std::uint8_t { Context, AfterFunc, Task } type; // the order at one instant
    std::uint32_t index;
};


// Go's predeclared key types (SA1029) and the dynamic type keys compare by: ctxscope/engine/go_types.h.

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
        m_tree.keepDoneAt(false); // ContextInfo::doneAt has it (contextDone)
        m_progress = o.progress;
        m_sched = o.schedule;
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
    CtxIndex ctxById(std::string_view id) const { return m_r.contextIndex.find(m_r.contexts, id); }
    TaskIndex taskById(std::string_view id) const { return m_r.taskIndex.find(m_r.tasks, id); }
    AfIndex afById(std::string_view id) const { return m_r.afterFuncIndex.find(m_r.afterFuncs, id); }
    // Result index r -> tree index (kNone until created), and back (kNone for hidden nodes).
    CtxIndex treeOf(CtxIndex r) const
    {
        if (r == kNone)
            return kNone;
        if (m_sameIndex)
            return r < m_tree.size() ? r : kNone;
        return m_resultToTree[r];
    }
    CtxIndex resultOf(CtxIndex c) const { return m_sameIndex ? c : m_treeToResult[c]; }
    void storeIndexMaps(); // from now on the two indices may differ: keep the maps
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
    void armPollCheck(TaskIndex t, Nanos at);
    TimerKey pollCheckKey(const TaskRuntime& rt, Nanos at, int depth = 0) const;
    std::uint64_t armCounterAt(Nanos instant, const TimerKey& key) const;
    void pollContextDone(TaskIndex t);
    void timerFired(TaskIndex t);
    bool joinSatisfied(const TaskRuntime& rt) const;

    // ---- after-funcs ----
    void registerAfterFunc(AfIndex af, CtxIndex ctx, TaskIndex by);
    void stopAfterFunc(AfIndex af, TaskIndex by);
    void startAfterFuncCall(AfIndex af);

    // ---- exploration (simulator_schedule.cpp): only with a Schedule ----
    void pool(bool timers);           // run the pool of units of one phase, choosing as told
    UnitId timerUnit(const Timer& tm) const;
    bool takeTimer(const UnitId& id, Timer& out); // removes that timer from m_dueNow
    bool timerLive(const Timer& tm) const;
    void runUnit(const UnitId& id, std::uint32_t point);
    bool binaryChoice(bool documented, const std::string& what); // a select's two ready cases
    void touch(ObjectKind k, std::uint32_t index, bool write)
    {
        if (m_sched && m_curUnit != kNone) {
            m_sched->accesses.push_back({objectKey(k, index), write});
            if (m_sched->accesses.size() >= m_sched->maxAccesses)
                m_sched->truncated = true; // recording stops after this unit (recording())
        }
    }
    void touchCancelAttempt(CtxIndex r); // an attempt to make r done: depends on its ancestors
    void queued(TaskIndex t) { if (m_sched) m_enabler[t] = m_curUnit; }
    void disabled(const UnitId& timer)
    {
        if (m_sched && m_curUnit != kNone)
            m_sched->disabled.push_back({m_curUnit, timer});
    }
    // disableDueTimer: task t's timer, if due now, is about to go stale (its token bumped) without
    // firing: it could have fired first.
    void disableDueTimer(TaskIndex t)
    {
        const TaskRuntime& rt = m_rt[t];
        if (m_sched && rt.timerToken == rt.token && rt.timerDue == m_now) {
            UnitId timer;
            timer.kind = UnitId::Timer;
            timer.target = t;
            timer.key1 = rt.token;
            disabled(timer);
        }
    }
    bool recording() const { return m_sched && !m_sched->truncated; }

    // ---- output ----
    Event& emit(EventKind kind, std::uint32_t subject)
    {
        Event e;
        e.t = m_now;
        e.kind = kind;
        e.subject = subject;
        m_r.events.push_back(e);
        prefaultAhead(m_r.events); // (reserved generously by schedule())
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
    std::uint64_t m_timerSeq = 1;
    // The timer being handled now, if the loop is in its timer phase (for armPollCheck).
    bool m_inTimerPhase = false;
    TimerKey m_currentTimer{};

    // The spec of result context r: the scenario's own contexts come first, in file order, so
    // only derived ones (declared by derive steps) need a pointer each.
    const ContextSpec& specOf(CtxIndex r) const
    {
        return r < m_s.contexts.size() ? m_s.contexts[r] : *m_derivedSpec[r - m_s.contexts.size()];
    }
    std::vector<const ContextSpec*> m_derivedSpec;  // per derived result context
    // While the contexts are created in declaration order and no hidden root was needed (most
    // scenarios), a result index is its tree index and the two maps below are not stored (8
    // bytes a context); storeIndexMaps() makes them at the first creation that breaks this.
    bool m_sameIndex = true;
    std::vector<CtxIndex> m_resultToTree;            // kNone until created
    std::vector<CtxIndex> m_treeToResult;            // kNone for hidden nodes
    // Per tree context that something waits on (few of a million): a vector per context would
    // cost 24 bytes each. Never iterated, so its order does not matter.
    std::unordered_map<CtxIndex, std::vector<Waiter>> m_waiters;
    std::vector<bool> m_cancelCalled;                // per result context (lostcancel)
    std::unordered_map<std::string, StrId> m_strIds;

    std::vector<TaskRuntime> m_rt;
    std::vector<const AfterFuncSpec*> m_afSpec;
    std::vector<AfState> m_afState;
    std::vector<TaskIndex> m_topTasks;               // per scenario task
    std::vector<AfIndex> m_topAfs;                   // per scenario after-func

    TimerQueue m_timers;
    std::priority_queue<Timer, std::vector<Timer>, std::greater<Timer>> m_dueNow; // this instant's, in order
    // Kept once a polling step has begun (m_logTimers), for pollCheckKey: what each instant's
    // timers were and the arm counter around them.
    bool m_logTimers = false;
    std::vector<HandledTimer> m_handled;
    std::vector<InstantSeqs> m_instantSeqs;
    // What the scenario creates, in the order of (at, contexts before after-funcs before tasks,
    // file order): the contexts through m_ctxOrder (empty when they are in time order already,
    // as most scenarios are: no copy of a million rows), the rest in m_creations.
    std::vector<Creation> m_creations;               // after-funcs and tasks
    std::vector<std::uint32_t> m_ctxOrder;           // scenario contexts by creation time, if not in order
    bool m_ctxInTimeOrder = true;                    // (found by declare())
    std::size_t m_deadlineSpecs = 0;                 // scenario contexts of a deadline kind (declare())
    static constexpr std::size_t kSpecAhead = 4;
    static void prefetchSpec(const ContextSpec& spec)
    {
        // The fields a creation reads (at, kind, parent, timeout) sit in its first two lines.
        __builtin_prefetch(&spec);
        __builtin_prefetch(reinterpret_cast<const char*>(&spec) + 64);
    }
    std::uint32_t ctxInOrder(std::size_t k) const
    {
        return m_ctxOrder.empty() ? static_cast<std::uint32_t>(k) : m_ctxOrder[k];
    }
    std::vector<const Action*> m_actions;
    std::deque<TaskIndex> m_runQueue;
    std::function<bool(std::size_t, Nanos)> m_progress;
    CtxIndex m_hiddenRoot = kNone;                   // tree Background for after-func calls' derives

    // Exploration (schedule.h): the unit running now, what made each task runnable, and what
    // made each timer due in this instant (poll checks armed by a unit).
    Schedule* m_sched = nullptr;
    std::uint32_t m_curUnit = kNone;
    std::uint32_t m_phase = 0;
    std::vector<std::uint32_t> m_enabler;            // per task
    std::vector<std::pair<UnitId, std::uint32_t>> m_timerEnabler; // this phase's, few
};

} // namespace ctxscope::sim
