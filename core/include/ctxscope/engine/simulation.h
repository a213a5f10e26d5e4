#pragma once
// simulate(): the state at time t is a pure function of the scenario (design.md). The result
// holds the event list and the tables the events point into, plus the final state of every
// context, task and after-func for the report.
#include "ctxscope/engine/event.h"
#include "ctxscope/engine/id_index.h"
#include "ctxscope/engine/scenario.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace ctxscope {

struct Schedule; // schedule.h: the explorer's hold on the orders Go leaves open (races.h)

// kNever and kNoDeadline, the sentinel instants, are in duration.h.

struct ContextInfo {
    // (Members are ordered by size, not by topic, so a row is 120 bytes rather than 128: there
    // is one per context, a million of them at the format's limit.)
    std::string id;
    // Static facts, known at creation:
    Nanos createdAt = kNever;      // kNever: declared (by a derive step) but never created
    Nanos deadline = kNoDeadline;  // what Deadline() reports (own, or inherited: R17, R27), if hasDeadline()
    // Final state (at the end of the run):
    Nanos doneAt = kNever;
    // Static facts:
    CtxIndex parent = kNone;
    TaskIndex derivedBy = kNone;   // the task whose derive step made it
    CtxIndex deadlineFrom = kNone; // the context whose own deadline that is (itself if own)
    std::uint32_t labelIndex = kNone; // into SimulationResult::labels; kNone: none, shown by id
    // Final state:
    StrId cause = kNone;
    CtxIndex source = kNone;
    // Static facts:
    ContextKind kind = ContextKind::Background;
    bool deferCancel = true;       // false: derive without defer (lostcancel candidate)
    bool degraded = false;         // a deadline kind that became WithCancel (R27)
    bool canEverBeDone = false;    // false under Background/TODO/WithoutCancel only (R5, R42)
    // Final state:
    Err err = Err::None;
    Reason reason = Reason::None;

    // Deadline() has ok == true. Test this, not deadline == kNoDeadline: a WithDeadline of the
    // largest time.Duration reports exactly kNoDeadline's value.
    bool hasDeadline() const { return deadlineFrom != kNone; }
};
// One string per row, not two: the display label is SimulationResult::label(), which gives the
// id unless the spec has a label of its own (a copy of every id was 32 MB at 10^6 contexts).
static_assert(sizeof(ContextInfo) <= sizeof(std::string) + 56);

enum class TaskResultKind : std::uint8_t { NotStarted, Running, Blocked, Ended };

struct TaskInfo {
    std::string id;
    std::string label;
    CtxIndex context = kNone;      // the context it was started with
    TaskIndex spawnedBy = kNone;
    AfIndex afterFunc = kNone;     // set when this task is an after-func's call
    Nanos startedAt = kNever;
    Nanos endedAt = kNever;
    TaskResultKind state = TaskResultKind::NotStarted;
    std::string result;            // "ok", an Err() string, "error: MESSAGE", "running", "blocked"; "" if never started
};

struct AfterFuncInfo {
    std::string id;
    CtxIndex context = kNone;
    TaskIndex registeredBy = kNone; // the task whose after_func step registered it
    TaskIndex call = kNone;         // its call, as a task with the same id
    Nanos registeredAt = kNever;
    Nanos startedAt = kNever;       // when its call started (kNever: never)
    std::optional<bool> stopped;    // what the last stop() returned (nullopt: never called)
};

struct Lookup {
    TaskIndex task = kNone;
    Nanos t = 0;
    CtxIndex context = kNone;
    std::string key;
    std::string keyType;
    bool found = false;
    Scalar value;                  // when found
    CtxIndex boundAt = kNone;      // the WithValue context that answered (also for a nil binding)
};

// One step of a task, as it ran: when it began and when it finished. Steps that take no time
// (derive, cancel, spawn, value, ...) have start == end. For the timeline, the Chrome trace and
// task progress; the JSONL trace does not carry them.
struct StepSpan {
    TaskIndex task = kNone;
    std::uint32_t step = 0;        // index into the task's steps
    StepOp op = StepOp::Work;
    Nanos start = 0;
    Nanos end = kNever;            // kNever: still running when the run stopped
    bool interrupted = false;      // it returned because the context was done (or failed)
};

struct LintFinding {
    std::string rule;              // "lostcancel", "SA1029", "goroutine-outlived-context", "goroutine-leak"
    std::string severity;          // "warning" or "error"
    std::string subject;           // context or task id
    Nanos t = 0;
    std::string message;
};

struct SimulationResult {
    std::vector<Event> events;
    std::vector<std::string> strings;   // [0] "context canceled", [1] "context deadline exceeded"
    std::vector<ContextInfo> contexts;  // scenario contexts in file order, then derived ones as declared
    std::vector<std::string> labels;    // the contexts' own labels (ContextInfo::labelIndex)
    std::vector<TaskInfo> tasks;        // top-level tasks, then spawned ones and after-func calls as declared
    std::vector<AfterFuncInfo> afterFuncs;
    std::vector<Lookup> lookups;
    std::vector<StepSpan> steps;        // in the order the steps began
    std::vector<LintFinding> lints;
    Nanos endTime = 0;
    StopReason stopped = StopReason::Idle;
    std::string scenarioName;
    std::int64_t seed = 1;
    bool aborted = false;               // SimulationOptions::progress returned false: incomplete
    // What the run cost the engine, for tests that pin the work to the scenario's size (never
    // to its durations): timers armed, and instants the clock stopped at.
    std::uint64_t timersArmed = 0;
    std::uint64_t instants = 0;

    // Indexes of contexts, tasks and after-funcs by id, made by simulate(). A result built or
    // changed by hand (tests) is searched row by row instead.
    IdIndex contextIndex, taskIndex, afterFuncIndex;

    std::optional<CtxIndex> findContext(std::string_view id) const;
    std::optional<TaskIndex> findTask(std::string_view id) const;
    std::optional<AfIndex> findAfterFunc(std::string_view id) const;
    const std::string& str(StrId id) const { return strings[id]; }
    // A context as the user sees it named: its spec's label, or its id when it has none.
    const std::string& label(const ContextInfo& c) const { return c.labelIndex == kNone ? c.id : labels[c.labelIndex]; }
    const std::string& label(CtxIndex r) const { return label(contexts[r]); }
};

struct SimulationOptions {
    std::optional<std::int64_t> seed;   // overrides Scenario::seed
    std::optional<Nanos> until;         // overrides Scenario::until
    // progress, when set, is called every kProgressEvery events or so with the number of events
    // so far and the virtual time reached. Returning false abandons the run: the result is then
    // marked aborted and must not be shown as the scenario's outcome. (A caller on another
    // thread uses it to report progress and to cancel; the engine itself has no threads.)
    std::function<bool(std::size_t events, Nanos now)> progress;
    static constexpr std::size_t kProgressEvery = 1 << 14;
    // schedule, when set, makes the run take the choices it lists where Go's order is open and
    // record what it met (schedule.h). nullptr: the documented order, nothing recorded.
    Schedule* schedule = nullptr;
};

// simulate runs the scenario on the virtual clock and returns every event. It is deterministic:
// the same scenario and options give an identical result. The scenario should have passed
// validateScenario(); simulate never crashes on one that did not, but may skip what it cannot
// make sense of (recording a log event that says so).
SimulationResult simulate(const Scenario& scenario, const SimulationOptions& options = {});

} // namespace ctxscope
