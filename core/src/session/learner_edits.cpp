#include "ctxscope/session/learner_edits.h"

#include <utility>

namespace ctxscope::edits {
namespace {

EditResult failure(std::string message) {
    EditResult r;
    r.error = std::move(message);
    return r;
}

// to gives the patch from the scenario's learner blocks to `after` (empty when nothing changed).
EditResult to(const Scenario& s, LearnerBlocks after) {
    EditResult r;
    if (!(after == LearnerBlocks::of(s)))
        r.patch.learner = std::make_pair(LearnerBlocks::of(s), std::move(after));
    return r;
}

Solution solutionOf(const Scenario& s) {
    Solution solution;
    solution.contexts = s.contexts;
    solution.tasks = s.tasks;
    solution.afterFuncs = s.afterFuncs;
    solution.actions = s.actions;
    return solution;
}

const char* const kNoExercise = "the scenario has no exercise: make one first";

// A change of one entry of a list in the learner blocks, by index; `what` names an entry.
template <typename T, typename Change>
EditResult changeEntry(const Scenario& s, std::vector<T> LearnerBlocks::*list, std::size_t index, const char* what,
                       Change change) {
    LearnerBlocks after = LearnerBlocks::of(s);
    std::vector<T>& entries = after.*list;
    if (index >= entries.size())
        return failure(std::string("no ") + what + " #" + std::to_string(index + 1));
    change(entries, index);
    return to(s, std::move(after));
}

} // namespace

EditResult makeExercise(const Scenario& s, std::string goal, std::vector<std::string> hints, std::string notes) {
    if (s.exercise)
        return failure("the scenario is an exercise already");
    Exercise ex;
    ex.goal = std::move(goal);
    ex.hints = std::move(hints);
    ex.solutionNotes = std::move(notes);
    ex.solution = solutionOf(s);
    ex.doneWhen = s.expect;
    if (ex.doneWhen.empty()) {
        Expectation noLints;
        noLints.kind = Expectation::Kind::NoLints;
        noLints.subject = "true";
        ex.doneWhen.push_back(std::move(noLints));
    }
    LearnerBlocks after = LearnerBlocks::of(s);
    after.exercise = std::move(ex);
    return to(s, std::move(after));
}

EditResult editExerciseText(const Scenario& s, std::string goal, std::vector<std::string> hints, std::string notes) {
    if (!s.exercise)
        return failure(kNoExercise);
    LearnerBlocks after = LearnerBlocks::of(s);
    after.exercise->goal = std::move(goal);
    after.exercise->hints = std::move(hints);
    after.exercise->solutionNotes = std::move(notes);
    return to(s, std::move(after));
}

EditResult recordSolution(const Scenario& s) {
    if (!s.exercise)
        return failure(kNoExercise);
    LearnerBlocks after = LearnerBlocks::of(s);
    after.exercise->solution = solutionOf(s);
    return to(s, std::move(after));
}

EditResult removeExercise(const Scenario& s) {
    if (!s.exercise)
        return failure(kNoExercise);
    LearnerBlocks after = LearnerBlocks::of(s);
    after.exercise.reset();
    return to(s, std::move(after));
}

EditResult addDoneWhen(const Scenario& s, Expectation e) {
    if (!s.exercise)
        return failure(kNoExercise);
    LearnerBlocks after = LearnerBlocks::of(s);
    after.exercise->doneWhen.push_back(std::move(e));
    return to(s, std::move(after));
}

EditResult replaceDoneWhen(const Scenario& s, std::size_t index, Expectation e) {
    if (!s.exercise)
        return failure(kNoExercise);
    LearnerBlocks after = LearnerBlocks::of(s);
    if (index >= after.exercise->doneWhen.size())
        return failure("no done_when condition #" + std::to_string(index + 1));
    after.exercise->doneWhen[index] = std::move(e);
    return to(s, std::move(after));
}

EditResult deleteDoneWhen(const Scenario& s, std::size_t index) {
    if (!s.exercise)
        return failure(kNoExercise);
    LearnerBlocks after = LearnerBlocks::of(s);
    auto& list = after.exercise->doneWhen;
    if (index >= list.size())
        return failure("no done_when condition #" + std::to_string(index + 1));
    list.erase(list.begin() + static_cast<std::ptrdiff_t>(index));
    return to(s, std::move(after));
}

EditResult addPredictQuestion(const Scenario& s, PredictQuestion q) {
    LearnerBlocks after = LearnerBlocks::of(s);
    after.predict.push_back(std::move(q));
    return to(s, std::move(after));
}

EditResult replacePredictQuestion(const Scenario& s, std::size_t index, PredictQuestion q) {
    return changeEntry(s, &LearnerBlocks::predict, index, "predict question",
                       [&q](std::vector<PredictQuestion>& list, std::size_t i) { list[i] = std::move(q); });
}

EditResult deletePredictQuestion(const Scenario& s, std::size_t index) {
    return changeEntry(s, &LearnerBlocks::predict, index, "predict question",
                       [](std::vector<PredictQuestion>& list, std::size_t i) {
                           list.erase(list.begin() + static_cast<std::ptrdiff_t>(i));
                       });
}

} // namespace ctxscope::edits
