#pragma once
// Exercises and predictions (spec/scenario.md, "Exercises and predictions"): what the CLI and the
// app share, in plain C++. The format itself (Exercise, PredictQuestion, applySolution) is in
// scenario.h; the messages are exerciseMessage() in validate.h; done_when is checked exactly as
// "expect" is (expectations.h), only its messages say "exercise.done_when[i]".
//
// The app's loop:
//   result = simulate(learnersScenario);
//   report = checkDoneWhen(learnersScenario, result);   // the live checklist; report.allPassed(): solved
//   solved = applySolution(learnersScenario);           // "Show solution" (one undoable edit)
//   scenarioChanges(learnersScenario, solved)           // what it changed: elements and steps
//   items  = predictItems(scenario, result);            // the questions and their real answers
//   predictChoices(scenario, item.subject, field)       // the answers to pick from (times: typed)
//   gradePrediction(items[i], f, guess, result)         // right or wrong, with the deciding event
#include "ctxscope/formats/expectations.h"
#include "ctxscope/engine/scenario.h"
#include "ctxscope/engine/simulation.h"
#include "ctxscope/engine/validate.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace ctxscope {

// checkDoneWhen evaluates the exercise's done_when against a run of the scenario: one outcome
// per entry, each with its deciding event. Empty (and allPassed()) when there is no exercise.
ExpectationReport checkDoneWhen(const Scenario& scenario, const SimulationResult& result);

// What checking an exercise as a file found (`ctxscope-cli check`, `run`, the lesson tests).
struct ExerciseCheck {
    ExpectationReport shipped;        // done_when on the scenario as shipped: must NOT all hold
    ExpectationReport solved;         // done_when on applySolution(scenario): must all hold
    // AlreadySolved at "exercise.done_when", then SolutionDoesNotSolve at "exercise.solution"
    // followed by one problem per failure of the solved run; empty when the exercise is sound.
    std::vector<Problem> problems;
    bool ok() const { return problems.empty(); }
};

// checkExercise runs the solved scenario and judges both runs. `shipped` is the run of the
// scenario itself (the caller has usually made it already); options apply to the solved run
// too. A scenario without an exercise gives an empty, ok() check.
ExerciseCheck checkExercise(const Scenario& scenario, const SimulationResult& shipped,
                            const SimulationOptions& options = {});

// alreadySolvedProblem is the problem `run` reports for a shipped version that satisfies
// done_when (nullopt when it does not, or there is no exercise).
std::optional<Problem> alreadySolvedProblem(const Scenario& scenario, const ExpectationReport& shippedDoneWhen);

// One difference between two versions of a scenario's lists, for "Show solution" (what the
// solution changed) and "Reset exercise" (what the learner changed). Contexts, tasks and
// after-funcs are matched by id; actions, which have none, by position.
struct ScenarioChange {
    enum class List : std::uint8_t { Contexts, Tasks, AfterFuncs, Actions };
    enum class What : std::uint8_t { Added, Removed, Changed };
    List list = List::Tasks;
    What what = What::Changed;
    std::string id;                   // the element's id ("" for an action)
    std::size_t before = kNoIndex;    // its index in the first version's list (kNoIndex if added)
    std::size_t after = kNoIndex;     // its index in the second version's list (kNoIndex if removed)
    // Changed task or after-func: the indices of its top-level steps that differ, position by
    // position (a step only one version has counts as differing); empty when only other fields
    // (context, at, label) differ.
    std::vector<std::size_t> steps;
    static constexpr std::size_t kNoIndex = static_cast<std::size_t>(-1);
    bool operator==(const ScenarioChange&) const = default;
};

// scenarioChanges lists how `after` differs from `before` in contexts, tasks, after-funcs and
// actions: per list, changed and removed elements in `before`'s order, then added ones in
// `after`'s order. Linear in the sizes of the lists. For the solution:
// scenarioChanges(scenario, applySolution(scenario)).
std::vector<ScenarioChange> scenarioChanges(const Scenario& before, const Scenario& after);

// One field of a predict question, with the answer the run gives.
struct PredictField {
    std::string field;            // "err", "ended_at", "found", ...
    std::optional<Scalar> answer; // as the expect syntax spells it: "context canceled", "100ms", true,
                                  // null (never/nil); nullopt: the run has no such subject
    Nanos decidedAt = 0;          // from this virtual time on the answer is final: before it, show "?"
    std::size_t event = kNoEvent; // the event that decided it (index into result.events)
};

struct PredictItem {
    Expectation subject;          // kind, subject, task (fields empty): the thing asked about
    std::string title;            // "task fetch", "context req", "lookup \"k\" by task h"
    std::vector<PredictField> fields;
    std::size_t source = 0;       // index into scenario.predict, or into scenario.expect when fromExpect
    bool fromExpect = false;      // scenario.predict is empty: the question comes from expect
};

// predictItems lists the questions of Predict mode with their real answers: scenario.predict,
// or, without it, every expect entry about a context, task, after-func or lookup, asking for
// the fields that entry names (entries without fields, and lint/no_lints/stopped entries, ask
// nothing). In file order.
std::vector<PredictItem> predictItems(const Scenario& scenario, const SimulationResult& result);

// predictChoices lists the answers a learner can pick for one field of a subject, from the
// values Go can produce there, in a fixed order: err: null (nil), "context canceled",
// "context deadline exceeded"; cause: those and every cause the scenario gives (contexts,
// cancel steps, actions); reason: null, "cancel", "deadline", "parent"; source: null, the
// context and its ancestors (every context id for a context a task derives); result: null
// (never started), "ok", the two Err strings, "error: M" for each fail step, "running",
// "blocked"; found: true, false; value: null and every value bound to that key; stopped:
// null, true, false. Time fields have no list (empty): the learner types a Go duration.
std::vector<Scalar> predictChoices(const Scenario& scenario, const Expectation& subject, const std::string& field);

// gradePrediction compares a learner's guess for item.fields[field] with the run, exactly as an
// expectation {subject, field: guess} would be checked (times as nanoseconds, so "0.1s" is
// right for "100ms"; null means never/nil). passed: right; failures: what was wanted and what
// happened; event/decidedAt: where to look.
ExpectationOutcome gradePrediction(const PredictItem& item, std::size_t field, const Scalar& guess,
                                   const SimulationResult& result);

} // namespace ctxscope
