#pragma once
// Semantic checks of a scenario (ids, parents, keys per kind, references), independent of JSON.
// The loader runs these after parsing; the GUI runs them before it accepts an edit.
#include "ctxscope/engine/scenario.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ctxscope {

// One problem in a scenario: where (a JSON path such as "contexts[3].timeout", or "" for the
// whole document), what is wrong, and the line and column in the file when known (0 if not).
struct Problem {
    std::string path;
    std::string message;
    int line = 0;
    int column = 0;
    bool operator==(const Problem&) const = default;
};

// validateScenario lists every semantic problem (not only the first), with the JSON path of the
// offending value. An empty list means simulate() will understand every part of the scenario.
// With an exercise, the solved scenario (applySolution) is validated too: a problem inside a
// solution list is reported under "exercise.solution.LIST[i]...", a done_when entry (checked
// against the solved scenario's ids) under "exercise.done_when[i]...", and a problem that only
// the solution causes in a list it keeps is reported at that list's path, its message starting
// with exerciseMessage(ExerciseError::WithSolutionApplied). "predict" is checked against the
// scenario as shipped. Whether the exercise is solved as shipped needs a run: see exercise.h.
std::vector<Problem> validateScenario(const Scenario& scenario);

// The messages about "exercise" and "predict", written once: the loader, the validator, the
// CLI and the app all use these (the app shows them beside the field they are about).
enum class ExerciseError : std::uint8_t {
    GoalMissing,          // exercise.goal absent
    GoalEmpty,            // exercise.goal ""
    DoneWhenMissing,      // exercise.done_when absent
    DoneWhenEmpty,        // exercise.done_when []
    SolutionMissing,      // exercise.solution absent
    SolutionEmpty,        // exercise.solution {}
    WithSolutionApplied,  // prefix of a problem that only the solved scenario has
    AlreadySolved,        // the shipped scenario satisfies done_when (needs a run)
    SolutionDoesNotSolve, // the solved scenario does not (needs a run)
    PredictEmpty,         // predict []
    PredictSubject,       // a predict question about a lint, no_lints or stopped
    PredictNoFields,      // a predict question without fields, or with []
};
const char* exerciseMessage(ExerciseError e);

// isValidId tells whether s matches ^[A-Za-z_][A-Za-z0-9_.-]{0,63}$ (spec/scenario.md).
bool isValidId(std::string_view s);

// isGoIdentifier tells whether s is an ASCII Go identifier that is not a keyword (key_type).
bool isGoIdentifier(std::string_view s);

// closestName returns the candidate a mistyped word most likely meant (smallest edit
// distance, and close enough to be a typo), or "" when none is close. For "did you mean" hints.
std::string closestName(std::string_view word, const std::vector<std::string_view>& candidates);

// The fields an expectation of each kind may check (spec/scenario.md "Expectations"), in the
// canonical order, not counting the subject key itself ("context", "task", ...).
const std::vector<std::string_view>& expectationFieldNames(Expectation::Kind kind);

// The lint rule ids an expectation may name (spec/trace.md "Lints").
const std::vector<std::string_view>& lintRuleNames();

} // namespace ctxscope
