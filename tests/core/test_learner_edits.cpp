// Authoring an exercise and predict questions by clicking (session/learner_edits.h): a lesson's
// exercise can be rebuilt from its solved scenario with these edits alone, each one an undo
// step, and what the validator refuses is refused with its message.
#include "ctxscope/formats/exercise.h"
#include "ctxscope/formats/scenario_io.h"
#include "ctxscope/session/learner_edits.h"
#include "ctxscope/session/session.h"

#include <catch2/catch.hpp>

using namespace ctxscope;

namespace {

Scenario lesson(const char* file) {
    LoadResult r = loadScenarioFile(std::string(CTXSCOPE_SOURCE_DIR) + "/resources/lessons/" + file);
    REQUIRE(r.scenario);
    return *r.scenario;
}

// The lesson as an author has it before making an exercise of it: solved, no learner blocks.
Scenario solvedWithoutBlocks(const Scenario& shipped) {
    Scenario s = applySolution(shipped);
    s.exercise.reset();
    s.predict.clear();
    return s;
}

} // namespace

TEST_CASE("an exercise is authored by clicking: solution first, then the learner's version", "[session][learner]") {
    const Scenario shipped = lesson("13-anti-ignoring-done.ctxscope.json");
    REQUIRE(shipped.exercise);
    const Exercise& want = *shipped.exercise;
    Session session(solvedWithoutBlocks(shipped));
    const std::string original = serializeScenario(session.scenario());

    // 1. The solved scenario becomes the solution; done_when starts from its expectations.
    REQUIRE(session.edit("make exercise", edits::makeExercise(session.scenario(), want.goal, want.hints, want.solutionNotes)).empty());
    REQUIRE(session.scenario().exercise);
    CHECK(session.scenario().exercise->doneWhen.size() == std::max<std::size_t>(1, session.scenario().expect.size()));
    {
        // As it stands the learner's version is the solution: both runs judge done_when alike,
        // so the check finds the exercise already solved or its solution not solving it.
        const Scenario& s = session.scenario();
        const ExerciseCheck check = checkExercise(s, simulate(s));
        REQUIRE_FALSE(check.ok());
        CHECK(check.shipped.allPassed() == check.solved.allPassed());
    }
    // 2. done_when becomes the lesson's: add its conditions, then drop the copied ones.
    const std::size_t copied = session.scenario().exercise->doneWhen.size();
    for (const Expectation& e : want.doneWhen)
        REQUIRE(session.edit("add condition", edits::addDoneWhen(session.scenario(), e)).empty());
    for (std::size_t i = 0; i < copied; ++i)
        REQUIRE(session.edit("delete condition", edits::deleteDoneWhen(session.scenario(), 0)).empty());
    CHECK(session.scenario().exercise->doneWhen == want.doneWhen);
    // 3. The scenario is changed into the learner's version (here: the shipped lists at once).
    REQUIRE(session.edit("break it", edits::replaceLists(session.scenario(), shipped)).empty());
    {
        const Scenario& s = session.scenario();
        const ExerciseCheck check = checkExercise(s, simulate(s));
        CHECK(check.ok());
        CHECK(serializeScenario(applySolution(s)).size() > 0);
        Scenario solvedMine = applySolution(s), solvedTheirs = applySolution(shipped);
        CHECK(solvedMine.tasks == solvedTheirs.tasks);
        CHECK(solvedMine.contexts == solvedTheirs.contexts);
    }
    // Undo all gives back the original file byte for byte.
    while (session.undo()) {
    }
    CHECK(serializeScenario(session.scenario()) == original);
}

TEST_CASE("exercise text, solution and removal are one undo step each", "[session][learner]") {
    const Scenario shipped = lesson("13-anti-ignoring-done.ctxscope.json");
    Session session(shipped);
    const std::string original = serializeScenario(shipped);

    REQUIRE(session.edit("text", edits::editExerciseText(session.scenario(), "Answer in time.", {"one", "two"}, "notes")).empty());
    CHECK(session.scenario().exercise->goal == "Answer in time.");
    CHECK(session.scenario().exercise->hints == std::vector<std::string>{"one", "two"});
    CHECK(session.scenario().exercise->solutionNotes == "notes");
    CHECK(session.scenario().exercise->doneWhen == shipped.exercise->doneWhen);

    REQUIRE(session.edit("solution", edits::recordSolution(session.scenario())).empty());
    CHECK(applySolution(session.scenario()).tasks == shipped.tasks);

    REQUIRE(session.edit("remove", edits::removeExercise(session.scenario())).empty());
    CHECK_FALSE(session.scenario().exercise);
    CHECK(edits::removeExercise(session.scenario()).error == "the scenario has no exercise: make one first");
    CHECK_FALSE(edits::addDoneWhen(session.scenario(), Expectation{}).error.empty());
    CHECK_FALSE(edits::makeExercise(shipped, "g", {}, {}).error.empty()); // an exercise already

    for (int i = 0; i < 3; ++i)
        REQUIRE(session.undo());
    CHECK(serializeScenario(session.scenario()) == original);
}

TEST_CASE("what the validator refuses in the learner blocks is refused with its message", "[session][learner]") {
    const Scenario shipped = lesson("13-anti-ignoring-done.ctxscope.json");
    Session session(shipped);
    // An empty goal: the loader's message, at exercise.goal.
    const std::string emptyGoal = session.check(edits::editExerciseText(session.scenario(), "", {}, {}));
    CHECK(emptyGoal.find(exerciseMessage(ExerciseError::GoalEmpty)) != std::string::npos);
    // The last done_when condition cannot go (done_when must not be empty).
    Scenario one = shipped;
    one.exercise->doneWhen.resize(1);
    Session single(one);
    const std::string last = single.check(edits::deleteDoneWhen(single.scenario(), 0));
    CHECK(last.find(exerciseMessage(ExerciseError::DoneWhenEmpty)) != std::string::npos);
    CHECK(edits::deleteDoneWhen(shipped, 99).error == "no done_when condition #100");
    CHECK(edits::replaceDoneWhen(shipped, 99, Expectation{}).error == "no done_when condition #100");

    // A predict question without fields, or about a lint, is refused; a good one is kept.
    PredictQuestion q;
    q.kind = Expectation::Kind::Task;
    q.subject = shipped.tasks.front().id;
    const std::string noFields = session.check(edits::addPredictQuestion(session.scenario(), q));
    CHECK(noFields.find(exerciseMessage(ExerciseError::PredictNoFields)) != std::string::npos);
    q.fields = {"result", "ended_at"};
    const std::size_t before = session.scenario().predict.size();
    REQUIRE(session.edit("ask", edits::addPredictQuestion(session.scenario(), q)).empty());
    REQUIRE(session.scenario().predict.size() == before + 1);
    PredictQuestion changed = q;
    changed.fields = {"result"};
    REQUIRE(session.edit("change", edits::replacePredictQuestion(session.scenario(), before, changed)).empty());
    CHECK(session.scenario().predict.back() == changed);
    REQUIRE(session.edit("drop", edits::deletePredictQuestion(session.scenario(), before)).empty());
    CHECK(session.scenario().predict.size() == before);
    CHECK(edits::deletePredictQuestion(shipped, 99).error == "no predict question #100");
}
