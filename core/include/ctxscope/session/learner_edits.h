#pragma once
// Edits of the learner's blocks (spec/scenario.md, "Exercises and predictions") as an author
// makes them by clicking: the exercise (goal, hints, notes, done_when, solution) and the predict
// questions. Each is one ScenarioPatch (the `learner` part), checked by the Session like every
// edit, so an exercise without a goal or a question without fields gets the loader's message.
#include "ctxscope/session/edits.h"

#include <string>
#include <vector>

namespace ctxscope::edits {

// makeExercise turns the scenario into an exercise whose solution is the scenario as it is now
// (its contexts, tasks, after-funcs and actions) and whose done_when starts as a copy of its
// expectations ("no lints" when it has none). The author then changes the scenario into the
// version the learner starts from: until then the exercise is "already solved" (checkExercise).
EditResult makeExercise(const Scenario& s, std::string goal, std::vector<std::string> hints, std::string notes);
// editExerciseText changes what the learner reads: the goal, the hints and the solution notes.
EditResult editExerciseText(const Scenario& s, std::string goal, std::vector<std::string> hints, std::string notes);
// recordSolution makes the scenario as it is now the exercise's solution (all four lists).
EditResult recordSolution(const Scenario& s);
EditResult removeExercise(const Scenario& s);

// The exercise's done_when conditions, by index (expectations in the expect syntax).
EditResult addDoneWhen(const Scenario& s, Expectation e);
EditResult replaceDoneWhen(const Scenario& s, std::size_t index, Expectation after);
EditResult deleteDoneWhen(const Scenario& s, std::size_t index);

// The predict questions, by index.
EditResult addPredictQuestion(const Scenario& s, PredictQuestion q);
EditResult replacePredictQuestion(const Scenario& s, std::size_t index, PredictQuestion after);
EditResult deletePredictQuestion(const Scenario& s, std::size_t index);

} // namespace ctxscope::edits
