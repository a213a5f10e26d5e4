#pragma once
// The edits a user makes by clicking, as functions from a Scenario to a ScenarioPatch. They
// check what they can see locally (the parent exists, the kind has a cancel function); the
// Document then validates the patched scenario as a whole before it accepts the edit.
#include "ctxscope/session/scenario_patch.h"

#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>

namespace ctxscope::edits {

struct EditResult {
    ScenarioPatch patch;
    std::string error;  // empty: the patch is ready to apply
    std::string id;     // the id of what was created (context, task, after-func), if anything
};

// ContextParams: what a context's constructor takes besides its parent. Only the fields of the
// context's kind are used; the others are ignored.
struct ContextParams {
    Nanos timeout = 0;     // WithTimeout, WithTimeoutCause
    Nanos deadline = 0;    // WithDeadline, WithDeadlineCause
    std::string cause;     // WithTimeoutCause, WithDeadlineCause
    std::string key;       // WithValue
    Scalar value;
    std::string keyType = "ctxKey";
};

struct DeriveParams : ContextParams {
    ContextKind kind = ContextKind::WithCancel;
    std::string id;        // empty: a fresh id from the kind ("timeout", "timeout2", ...)
    std::string label;
};

struct DeletionSummary {
    std::size_t contexts = 0;
    std::size_t tasks = 0;       // top-level tasks started on the deleted contexts
    std::size_t afterFuncs = 0;
    std::size_t actions = 0;
    std::size_t expectations = 0;
};

// hasParams is true for the kinds whose constructor takes more than a parent (a timeout, a
// deadline, a cause, a key and value): the ones whose parameters can be edited.
bool hasParams(ContextKind kind);
// paramsOf reads the parameters of a context back, for a dialog to start from.
ContextParams paramsOf(const ContextSpec& c);

// The suggested id base for a new context of a kind: "cancel", "timeout", "value", ...
std::string idBaseForKind(ContextKind kind);
// idFromLabel makes an id base from a label the user typed ("request handler" ->
// "request_handler"): letters, digits, '_', '.', '-' kept, anything else one '_', at most 48
// characters, starting with a letter or '_'. "" when the label has nothing to make one from.
std::string idFromLabel(std::string_view label);
// uniqueContextId returns base, or base2, base3, ... whichever no context (derived ones
// inside task steps included) uses yet.
std::string uniqueContextId(const Scenario& s, const std::string& base);
// uniqueTaskId does the same among tasks (spawned ones included) and after-funcs, which share
// one id space.
std::string uniqueTaskId(const Scenario& s, const std::string& base);

// FreshIds hands out ids no part of the scenario uses (as uniqueContextId and uniqueTaskId),
// remembering the ones it gave: the contexts and goroutines one edit declares (a task with its
// spawned tasks and derived contexts) must not share one either. The scenario's ids are read
// once, so a dialog's many new steps cost one pass over a big scenario, not one each.
class FreshIds {
public:
    explicit FreshIds(const Scenario& s);
    std::string context(const std::string& base) { return take(m_contexts, base); }
    std::string task(const std::string& base) { return take(m_tasks, base); } // tasks and after-funcs
    // reserveTask marks an id the user chose for a task or after-func as given.
    void reserveTask(const std::string& id) { m_tasks.insert(id); }

private:
    static std::string take(std::unordered_set<std::string>& used, const std::string& base);
    std::unordered_set<std::string> m_contexts;
    std::unordered_set<std::string> m_tasks;
};

// valueKeyProblem tells why a WithValue cannot be made with this key ("" if it can): the
// dialogs ask for a key, such as "userID", rather than store a blank one.
std::string valueKeyProblem(std::string_view key);

// deriveContext adds a child of parentId created at `at` (no earlier than the parent's own at).
EditResult deriveContext(const Scenario& s, const std::string& parentId, Nanos at, DeriveParams p);
// startTask adds a top-level task on its context at `at`; an empty id gets a fresh one.
EditResult startTask(const Scenario& s, TaskSpec task, Nanos at);
// addAfterFunc registers an after-func at `at`; an empty id gets a fresh one.
EditResult addAfterFunc(const Scenario& s, AfterFuncSpec af, Nanos at);
// cancelAt adds the timed action {"at": at, "cancel": ctxId, "cause": cause}.
EditResult cancelAt(const Scenario& s, const std::string& ctxId, Nanos at,
                    std::optional<std::string> cause);
// stopAfterFuncAt adds the timed action {"at": at, "stop_after_func": afId}.
EditResult stopAfterFuncAt(const Scenario& s, const std::string& afId, Nanos at);
// rename sets a context's label (an empty label shows the id).
EditResult rename(const Scenario& s, const std::string& ctxId, const std::string& label);
// editParams changes the parameters of a context of the scenario (timeout, deadline, cause,
// key, value, key type: those of its kind), keeping its id, kind, parent, creation time, label,
// and so its children and the tasks on it. Unchanged parameters give an empty patch.
EditResult editParams(const Scenario& s, const std::string& ctxId, const ContextParams& p);
// renameScenario sets the scenario's name.
EditResult renameScenario(const Scenario& s, const std::string& name);
// deleteContext removes a context with its subtree, the tasks and after-funcs started on
// them, the actions aimed at them and the expectations about any of those. summary (if not
// null) receives the counts, for the confirmation the user sees first.
EditResult deleteContext(const Scenario& s, const std::string& ctxId, DeletionSummary* summary);

// --- every other element of the format (issue #9) ----------------------------------------
// Each returns a patch of exactly what changes; the Session validates the whole scenario before
// it accepts one, with the loader's messages (validateScenario), so these check only what they
// need to build the patch.

// editSettings sets the scenario's name, description, seed, cancel_order and until at once.
EditResult editSettings(const Scenario& s, const ScenarioSettings& after);
// setContextAt changes when a scenario context is created (not earlier than its parent).
EditResult setContextAt(const Scenario& s, const std::string& ctxId, Nanos at);
// moveContext gives a scenario context (with its subtree) another parent of the scenario, not
// one inside the subtree. The subtree moves to the end of the list, so parents stay listed first.
EditResult moveContext(const Scenario& s, const std::string& ctxId, const std::string& newParent);

// Top-level tasks and after-funcs ("goroutines"), by id. replace* keeps the position in the list;
// the new spec may change everything, its id included.
EditResult replaceTask(const Scenario& s, const std::string& taskId, TaskSpec after);
EditResult replaceAfterFunc(const Scenario& s, const std::string& afId, AfterFuncSpec after);
// deleteTask / deleteAfterFunc remove one with what only it declared: the actions aimed at its
// after-funcs and the expectations about it or anything it spawned, derived or registered.
EditResult deleteTask(const Scenario& s, const std::string& taskId, DeletionSummary* summary = nullptr);
EditResult deleteAfterFunc(const Scenario& s, const std::string& afId, DeletionSummary* summary = nullptr);
// ownerOf names the top-level task or after-func whose steps declare a spawned task or an
// after-func `id` (at any depth), which is where it is edited; "" when id is top-level itself or
// declared nowhere.
std::string ownerOf(const Scenario& s, const std::string& id);

// Steps at any depth. A StepPath names a step inside a top-level task or after-func: path[0] is
// the index in its steps; each further index goes into the goroutine that the step before it
// spawns or registers (a `spawn` or `after_func` step). An insert path names the position the
// new step will have (its last index may equal the list's size: append).
using StepPath = std::vector<std::size_t>;
EditResult insertStep(const Scenario& s, const std::string& ownerId, const StepPath& path, Step step);
EditResult replaceStep(const Scenario& s, const std::string& ownerId, const StepPath& path, Step step);
EditResult deleteStep(const Scenario& s, const std::string& ownerId, const StepPath& path);
// moveStep moves the step at path to index `to` among its siblings (reordering).
EditResult moveStep(const Scenario& s, const std::string& ownerId, const StepPath& path, std::size_t to);

// The exercise and predict blocks (spec/scenario.md, "Exercises and predictions").
EditResult editExercise(const Scenario& s, std::optional<Exercise> exercise);
EditResult editPredict(const Scenario& s, std::vector<PredictQuestion> predict);
// replaceLists makes the scenario's contexts, tasks, after-funcs and actions those of `target`
// (the rest stays): "Show solution" (target = applySolution(s)) and "Reset exercise" (target =
// the shipped file) as one undo step each. Expectations about a context, task or after-func the
// target no longer has are removed with it (as deleting it would), and so are predict questions
// about them, so the result stays valid.
EditResult replaceLists(const Scenario& s, const Scenario& target);

// Timed actions, by their index in the scenario's list.
EditResult replaceAction(const Scenario& s, std::size_t index, Action after);
EditResult deleteAction(const Scenario& s, std::size_t index);

// Expectations, by index.
EditResult addExpectation(const Scenario& s, Expectation e);
EditResult replaceExpectation(const Scenario& s, std::size_t index, Expectation after);
EditResult deleteExpectation(const Scenario& s, std::size_t index);

} // namespace ctxscope::edits
