#pragma once
// The scenario: what the user built. A plain value type (copyable, comparable) that mirrors
// spec/scenario.md one to one, so the GUI's undo stack can hold copies and load -> save -> load
// can be checked with ==. Defaults are stored explicitly (an omitted "at" is 0), so two files
// that mean the same thing load to equal scenarios.
#include "ctxscope/engine/duration.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ctxscope {

enum class ContextKind : std::uint8_t {
    Background,
    TODO,
    WithCancel,
    WithCancelCause,
    WithTimeout,
    WithTimeoutCause,
    WithDeadline,
    WithDeadlineCause,
    WithValue,
    WithoutCancel,
};

// Spelled exactly as Go's constructor ("WithTimeoutCause"); parseContextKind is its inverse.
const char* contextKindName(ContextKind k);
std::optional<ContextKind> parseContextKind(std::string_view name);

// True for the kinds whose constructor returns a cancel function (R11, R21, R26).
bool hasCancelFunc(ContextKind k);
// True for Background and TODO, the only kinds without a parent.
bool isRoot(ContextKind k);
bool isTimeoutKind(ContextKind k);  // WithTimeout, WithTimeoutCause
bool isDeadlineKind(ContextKind k); // WithDeadline, WithDeadlineCause
bool isCauseDeadlineKind(ContextKind k); // WithTimeoutCause, WithDeadlineCause

// A JSON scalar as written in the file: WithValue values and expectation values. Numbers keep
// their exact JSON text so 7 stays 7 and 7.50 stays 7.50 in every output.
struct Scalar {
    enum class Type : std::uint8_t { Null, Bool, Number, String };
    Type type = Type::Null;
    std::string text; // Bool: "true"/"false"; Number: the JSON number text; String: the string
    bool operator==(const Scalar&) const = default;

    static Scalar null() { return {}; }
    static Scalar boolean(bool b) { return {Type::Bool, b ? "true" : "false"}; }
    static Scalar number(std::string jsonText) { return {Type::Number, std::move(jsonText)}; }
    static Scalar string(std::string s) { return {Type::String, std::move(s)}; }
};

struct ContextSpec {
    std::string id;
    ContextKind kind = ContextKind::WithCancel;
    std::string parent;      // empty for Background/TODO and for contexts made by a task's derive
    Nanos at = 0;            // creation time; unused for derive (it is "now")
    std::string label;       // empty: display the id
    Nanos timeout = 0;       // WithTimeout, WithTimeoutCause
    Nanos deadline = 0;      // WithDeadline, WithDeadlineCause
    std::string cause;       // WithTimeoutCause, WithDeadlineCause
    std::string key;         // WithValue
    Scalar value;            // WithValue
    std::string keyType = "ctxKey"; // WithValue
    bool operator==(const ContextSpec&) const = default;
};

struct TaskSpec;
struct AfterFuncSpec;

enum class StepOp : std::uint8_t { Work, Await, Derive, Cancel, Spawn, Value, AfterFunc, StopAfterFunc, Fail, Log };
enum class Watch : std::uint8_t { Done, None, Poll };
enum class AwaitKind : std::uint8_t { Done, Children, List };

struct Step {
    StepOp op = StepOp::Work;
    // work
    Nanos duration = 0;
    Watch watch = Watch::Done;
    Nanos pollEvery = 0;          // Watch::Poll
    // await
    AwaitKind await = AwaitKind::Done;
    std::vector<std::string> awaitIds; // AwaitKind::List
    // derive
    std::vector<ContextSpec> derive;   // exactly one for Derive (a vector keeps Step a value type)
    bool deferCancel = true;
    // cancel: target = context id; stop_after_func: target = after-func id
    std::string target;
    std::optional<std::string> cause;  // cancel with "cause"
    // spawn / after_func: exactly one element
    std::vector<TaskSpec> spawn;
    std::vector<AfterFuncSpec> afterFunc;
    // value: text = key; fail: text = message; log: text = text
    std::string text;
    std::string keyType = "ctxKey";    // value
    bool operator==(const Step&) const;
};

struct TaskSpec {
    std::string id;
    std::string context;     // top-level: required; spawned: empty = the spawner's current context
    Nanos at = 0;            // top-level only
    std::string label;
    std::vector<Step> steps;
    bool operator==(const TaskSpec&) const = default;
};

struct AfterFuncSpec {
    std::string id;
    std::string context;     // top-level: required; step: empty = the task's current context
    Nanos at = 0;            // top-level only
    std::string label;
    std::vector<Step> steps;
    bool operator==(const AfterFuncSpec&) const = default;
};

enum class ActionOp : std::uint8_t { Cancel, StopAfterFunc };

struct Action {
    Nanos at = 0;
    ActionOp op = ActionOp::Cancel;
    std::string target;                // context id or after-func id
    std::optional<std::string> cause;  // cancel only
    bool operator==(const Action&) const = default;
};

// One entry of "expect": a subject and the fields to check, in file order. Field values are
// scalars; times are kept as their duration strings (Scalar::String) or null.
struct Expectation {
    enum class Kind : std::uint8_t { Context, Task, AfterFunc, Lookup, Lint, NoLints, Stopped };
    Kind kind = Kind::Context;
    std::string subject;   // context/task/after-func id, lookup key, lint rule, stopped value
    std::string task;      // Lookup: the task; Lint: the subject (empty: any)
    std::vector<std::pair<std::string, Scalar>> fields; // e.g. {"err", "context canceled"}
    bool operator==(const Expectation&) const = default;
};

// "exercise.solution" (spec/scenario.md, "Exercises and predictions"): whole top-level lists
// that replace the scenario's own. A list left out (nullopt) is kept; an empty list present in
// the file replaces the scenario's list with nothing (e.g. "actions": [] removes every action).
struct Solution {
    std::optional<std::vector<ContextSpec>> contexts;
    std::optional<std::vector<TaskSpec>> tasks;
    std::optional<std::vector<AfterFuncSpec>> afterFuncs;
    std::optional<std::vector<Action>> actions;
    bool empty() const { return !contexts && !tasks && !afterFuncs && !actions; }
    bool operator==(const Solution&) const = default;
};

// "exercise": what the learner is asked to achieve. As shipped, the scenario must NOT satisfy
// doneWhen; with the solution applied (applySolution) it must.
struct Exercise {
    std::string goal;                   // one sentence of Markdown, required
    std::vector<Expectation> doneWhen;  // "done_when": expectations in the "expect" syntax, non-empty
    std::vector<std::string> hints;     // Markdown, revealed one at a time
    Solution solution;
    std::string solutionNotes;          // "solution_notes", Markdown; empty: none
    bool operator==(const Exercise&) const = default;
};

// One "predict" question: a subject named as an expectation names it (kind + subject, and for a
// lookup the task) and the fields the learner must predict, in file order. Only the kinds that
// have fields can be asked about: Context, Task, AfterFunc, Lookup.
struct PredictQuestion {
    Expectation::Kind kind = Expectation::Kind::Context;
    std::string subject;                // context/task/after-func id, or the lookup key
    std::string task;                   // Lookup: the task that made the lookup
    std::vector<std::string> fields;    // e.g. {"result", "ended_at"}
    bool operator==(const PredictQuestion&) const = default;
};

enum class CancelOrder : std::uint8_t { Creation, Random };

struct Scenario {
    int version = 1;
    std::string name;
    std::string description;
    std::int64_t seed = 1;
    CancelOrder cancelOrder = CancelOrder::Creation;
    std::optional<Nanos> until;        // nullopt: run until idle (capped at 1h)
    std::vector<ContextSpec> contexts;
    std::vector<TaskSpec> tasks;
    std::vector<AfterFuncSpec> afterFuncs;
    std::vector<Action> actions;
    std::vector<Expectation> expect;
    std::optional<Exercise> exercise;      // nullopt: not an exercise
    std::vector<PredictQuestion> predict;  // empty: Predict mode asks about "expect"
    bool operator==(const Scenario&) const = default;
};

// applySolution returns the solved scenario: the exercise's solution lists replace the
// scenario's, the rest is kept (including "expect", "exercise" and "predict"). A scenario
// without an exercise comes back unchanged.
Scenario applySolution(const Scenario& scenario);

inline constexpr Nanos kHorizonCap = kHour;

} // namespace ctxscope
