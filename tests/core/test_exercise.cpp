// Exercises and predictions (exercise.h): the solution, done_when, the verdict on an exercise
// file, Predict mode's questions with their real answers, and grading.
#include "ctxscope/formats/exercise.h"
#include "ctxscope/formats/scenario_io.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

using namespace ctxscope;
namespace fs = std::filesystem;

namespace {

// The handler's budget runs out at 200ms; fetch sleeps 350ms without looking (shipped). The
// solution makes fetch watch ctx.Done().
const char* const kText = R"({
  "ctxscope": 1,
  "name": "fetch outlives its budget",
  "contexts": [
    {"id": "root", "kind": "Background"},
    {"id": "budget", "kind": "WithTimeout", "parent": "root", "timeout": "200ms"}
  ],
  "tasks": [
    {"id": "handler", "context": "budget", "steps": [
      {"spawn": {"id": "fetch", "steps": [{"value": "user"}, {"work": "350ms", "watch": "none"}]}},
      {"await": "done"}
    ]}
  ],
  "actions": [{"at": "1s", "cancel": "budget"}],
  "expect": [
    {"task": "fetch", "result": "ok", "ended_at": "350ms"},
    {"lint": "goroutine-outlived-context", "subject": "fetch"},
    {"no_lints": true}
  ],
  "exercise": {
    "goal": "Make `fetch` stop when the budget runs out.",
    "done_when": [
      {"task": "handler", "ended_at": "200ms"},
      {"task": "fetch", "result": "context deadline exceeded", "ended_at": "200ms"},
      {"no_lints": true}
    ],
    "solution": {
      "tasks": [
        {"id": "handler", "context": "budget", "steps": [
          {"spawn": {"id": "fetch", "steps": [{"value": "user"}, {"work": "350ms"}]}},
          {"await": "done"}
        ]}
      ]
    }
  }
})";

Scenario load(const std::string& text)
{
    LoadResult r = parseScenario(text);
    std::string messages;
    for (const Problem& p : r.problems)
        messages += formatProblem("f", p) + "\n";
    INFO(messages);
    REQUIRE(r.scenario.has_value());
    return *r.scenario;
}

const Event& eventOf(const SimulationResult& r, std::size_t index)
{
    REQUIRE(index < r.events.size());
    return r.events[index];
}

} // namespace

TEST_CASE("applySolution replaces the lists the solution names and keeps the rest", "[exercise]")
{
    Scenario s = load(kText);
    const Scenario solved = applySolution(s);
    CHECK(solved.tasks == *s.exercise->solution.tasks);
    CHECK(solved.tasks != s.tasks);
    CHECK(solved.contexts == s.contexts);
    CHECK(solved.actions == s.actions); // not named: kept
    CHECK(solved.expect == s.expect);
    CHECK(solved.exercise == s.exercise); // still an exercise, now solved
    // A list present and empty removes every element.
    s.exercise->solution.actions = std::vector<Action>{};
    CHECK(applySolution(s).actions.empty());
    // Without an exercise: unchanged.
    s.exercise.reset();
    CHECK(applySolution(s) == s);
}

TEST_CASE("done_when is checked as expect is, with its own name in the messages and the deciding events",
          "[exercise]")
{
    const Scenario s = load(kText);
    const SimulationResult r = simulate(s);
    const ExpectationReport report = checkDoneWhen(s, r);
    REQUIRE(report.outcomes.size() == 3);
    CHECK(report.passed == 1);
    CHECK(report.failed == 2);
    CHECK_FALSE(report.allPassed());
    CHECK(report.outcomes[0].passed);
    CHECK(report.outcomes[1].failures ==
          std::vector<std::string>{
              "exercise.done_when[1]: task fetch: result: want \"context deadline exceeded\", got \"ok\"",
              "exercise.done_when[1]: task fetch: ended_at: want 200ms, got 350ms"});
    // The deciding events: handler's end, fetch's end, the lint finding that breaks no_lints.
    const Event& handlerEnd = eventOf(r, report.outcomes[0].event);
    CHECK(handlerEnd.kind == EventKind::TaskEnded);
    CHECK(r.tasks[handlerEnd.subject].id == "handler");
    CHECK(handlerEnd.t == 200 * kMillisecond);
    const Event& fetchEnd = eventOf(r, report.outcomes[1].event);
    CHECK(fetchEnd.kind == EventKind::TaskEnded);
    CHECK(r.tasks[fetchEnd.subject].id == "fetch");
    CHECK(report.outcomes[1].decidedAt == 350 * kMillisecond);
    const Event& lint = eventOf(r, report.outcomes[2].event);
    CHECK(lint.kind == EventKind::Lint);
    CHECK(r.lints[lint.other].rule == "goroutine-outlived-context");

    // Without an exercise there is nothing to check, and nothing fails.
    Scenario plain = s;
    plain.exercise.reset();
    CHECK(checkDoneWhen(plain, r).outcomes.empty());
    CHECK(checkDoneWhen(plain, r).allPassed());
}

TEST_CASE("the expectations of a run name their deciding events too", "[exercise][expect]")
{
    const Scenario s = load(kText);
    const SimulationResult r = simulate(s);
    const ExpectationReport report = checkExpectations(s, r);
    REQUIRE(report.outcomes.size() == 3);
    CHECK(eventOf(r, report.outcomes[0].event).kind == EventKind::TaskEnded);
    CHECK(eventOf(r, report.outcomes[1].event).kind == EventKind::Lint); // the finding
    CHECK(eventOf(r, report.outcomes[2].event).kind == EventKind::Lint); // the first lint breaks no_lints
    // A passing no_lints, and "never" values, are decided by the end of the run.
    Scenario solved = applySolution(s);
    const SimulationResult sr = simulate(solved);
    solved.expect = {Expectation{Expectation::Kind::NoLints, "", "", {}},
                     Expectation{Expectation::Kind::Context, "root", "", {{"err", Scalar::null()}}},
                     Expectation{Expectation::Kind::Context, "budget", "", {{"deadline", Scalar::string("200ms")}}},
                     Expectation{Expectation::Kind::Lookup, "user", "fetch", {{"found", Scalar::boolean(false)}}}};
    const ExpectationReport more = checkExpectations(solved, sr);
    CHECK(more.allPassed());
    CHECK(eventOf(sr, more.outcomes[0].event).kind == EventKind::End);
    CHECK(eventOf(sr, more.outcomes[1].event).kind == EventKind::End);
    CHECK(eventOf(sr, more.outcomes[2].event).kind == EventKind::ContextCreated);
    CHECK(eventOf(sr, more.outcomes[3].event).kind == EventKind::ValueLookup);
    // A lone checkExpectation has no event index to consult.
    CHECK(checkExpectation(solved.expect[0], 0, sr).event == kNoEvent);
}

TEST_CASE("checkExercise accepts a sound exercise and says why the others are not", "[exercise]")
{
    const Scenario s = load(kText);
    const ExerciseCheck sound = checkExercise(s, simulate(s));
    CHECK(sound.ok());
    CHECK_FALSE(sound.shipped.allPassed());
    CHECK(sound.solved.allPassed());
    CHECK(sound.solved.outcomes.size() == 3);

    // Solved as shipped: the shipped tasks are the solution's.
    Scenario already = s;
    already.tasks = *s.exercise->solution.tasks;
    const ExerciseCheck a = checkExercise(already, simulate(already));
    REQUIRE(a.problems.size() == 1);
    CHECK(a.problems[0] == Problem{"exercise.done_when", exerciseMessage(ExerciseError::AlreadySolved), 0, 0});
    CHECK(alreadySolvedProblem(already, a.shipped) == a.problems[0]);
    CHECK_FALSE(alreadySolvedProblem(s, sound.shipped).has_value());

    // A solution that does not solve it: the verdict, then each failure of the solved run.
    Scenario wrong = s;
    wrong.exercise->solution.tasks->front().steps.front().spawn.front().steps.back().watch = Watch::Poll;
    wrong.exercise->solution.tasks->front().steps.front().spawn.front().steps.back().pollEvery = 150 * kMillisecond;
    const ExerciseCheck w = checkExercise(wrong, simulate(wrong));
    REQUIRE(w.problems.size() == 2);
    CHECK(w.problems[0] == Problem{"exercise.solution", exerciseMessage(ExerciseError::SolutionDoesNotSolve), 0, 0});
    CHECK(w.problems[1].path == "exercise.solution");
    CHECK(w.problems[1].message ==
          "with the solution: exercise.done_when[1]: task fetch: ended_at: want 200ms, got 300ms");

    // Both at once are both reported.
    Scenario both = already;
    both.exercise = wrong.exercise;
    CHECK(checkExercise(both, simulate(both)).problems.size() == 3);

    // Not an exercise: nothing to say.
    Scenario plain = s;
    plain.exercise.reset();
    CHECK(checkExercise(plain, simulate(plain)).ok());
}

TEST_CASE("predictItems lists the predict questions with the real answers and where they were decided",
          "[exercise][predict]")
{
    Scenario s = load(kText);
    s.predict = {PredictQuestion{Expectation::Kind::Task, "fetch", "", {"result", "ended_at", "started_at"}},
                 PredictQuestion{Expectation::Kind::Context, "budget", "", {"err", "done_at", "deadline"}},
                 PredictQuestion{Expectation::Kind::Lookup, "user", "fetch", {"found", "value"}},
                 PredictQuestion{Expectation::Kind::Context, "root", "", {"err", "done_at"}}};
    const SimulationResult r = simulate(s);
    const std::vector<PredictItem> items = predictItems(s, r);
    REQUIRE(items.size() == 4);

    const PredictItem& fetch = items[0];
    CHECK(fetch.title == "task fetch");
    CHECK_FALSE(fetch.fromExpect);
    CHECK(fetch.source == 0);
    REQUIRE(fetch.fields.size() == 3);
    CHECK(fetch.fields[0].field == "result");
    CHECK(fetch.fields[0].answer == Scalar::string("ok"));
    CHECK(fetch.fields[1].answer == Scalar::string("350ms"));
    CHECK(fetch.fields[1].decidedAt == 350 * kMillisecond);
    CHECK(eventOf(r, fetch.fields[1].event).kind == EventKind::TaskEnded);
    CHECK(fetch.fields[2].answer == Scalar::string("0s"));
    CHECK(eventOf(r, fetch.fields[2].event).kind == EventKind::TaskStarted);

    const PredictItem& budget = items[1];
    CHECK(budget.fields[0].answer == Scalar::string("context deadline exceeded"));
    CHECK(budget.fields[1].answer == Scalar::string("200ms"));
    CHECK(eventOf(r, budget.fields[1].event).kind == EventKind::ContextCanceled);
    CHECK(budget.fields[2].answer == Scalar::string("200ms"));
    CHECK(budget.fields[2].decidedAt == 0); // a deadline is known when the context is created
    CHECK(eventOf(r, budget.fields[2].event).kind == EventKind::ContextCreated);

    const PredictItem& lookup = items[2];
    CHECK(lookup.title == "lookup \"user\" by task fetch");
    CHECK(lookup.fields[0].answer == Scalar::boolean(false));
    CHECK(lookup.fields[1].answer == Scalar::null());
    CHECK(eventOf(r, lookup.fields[0].event).kind == EventKind::ValueLookup);

    // Never done: null answers ("never", "nil"), decided by the end of the run.
    const PredictItem& root = items[3];
    CHECK(root.fields[0].answer == Scalar::null());
    CHECK(root.fields[1].answer == Scalar::null());
    CHECK(root.fields[1].decidedAt == r.endTime);
    CHECK(eventOf(r, root.fields[1].event).kind == EventKind::End);
}

TEST_CASE("without predict, Predict mode asks about the subjects and fields of expect", "[exercise][predict]")
{
    const Scenario s = load(kText); // expect: a task entry with two fields, a lint, no_lints
    const SimulationResult r = simulate(s);
    const std::vector<PredictItem> items = predictItems(s, r);
    REQUIRE(items.size() == 1); // lint and no_lints have no fields to ask about
    CHECK(items[0].fromExpect);
    CHECK(items[0].source == 0);
    CHECK(items[0].subject == Expectation{Expectation::Kind::Task, "fetch", "", {}});
    REQUIRE(items[0].fields.size() == 2);
    CHECK(items[0].fields[0].field == "result");
    CHECK(items[0].fields[1].field == "ended_at");
}

TEST_CASE("gradePrediction grades a guess as an expectation would, and points at the deciding event",
          "[exercise][predict]")
{
    Scenario s = load(kText);
    s.predict = {PredictQuestion{Expectation::Kind::Task, "fetch", "", {"result", "ended_at"}},
                 PredictQuestion{Expectation::Kind::Context, "root", "", {"done_at"}}};
    const SimulationResult r = simulate(s);
    const std::vector<PredictItem> items = predictItems(s, r);

    CHECK(gradePrediction(items[0], 0, Scalar::string("ok"), r).passed);
    CHECK(gradePrediction(items[0], 1, Scalar::string("0.35s"), r).passed); // same duration, other spelling
    const ExpectationOutcome wrong = gradePrediction(items[0], 0, Scalar::string("context deadline exceeded"), r);
    CHECK_FALSE(wrong.passed);
    CHECK(wrong.failures ==
          std::vector<std::string>{"predict[0]: task fetch: result: want \"context deadline exceeded\", got \"ok\""});
    CHECK(wrong.event == items[0].fields[0].event);
    CHECK(wrong.decidedAt == 350 * kMillisecond);
    CHECK_FALSE(gradePrediction(items[0], 1, Scalar::string("200ms"), r).passed);
    CHECK(gradePrediction(items[1], 0, Scalar::null(), r).passed); // "never"
    CHECK_FALSE(gradePrediction(items[1], 0, Scalar::string("200ms"), r).passed);
    CHECK_FALSE(gradePrediction(items[1], 5, Scalar::null(), r).passed); // no such field: never right
}

TEST_CASE("actualValue answers for subjects the run has, and only for their fields", "[exercise][predict]")
{
    const Scenario s = load(kText);
    const SimulationResult r = simulate(s);
    using K = Expectation::Kind;
    CHECK(actualValue(Expectation{K::Task, "fetch", "", {}}, "result", r) == Scalar::string("ok"));
    CHECK(actualValue(Expectation{K::Context, "budget", "", {}}, "cause", r) ==
          Scalar::string("context deadline exceeded"));
    CHECK(actualValue(Expectation{K::Context, "budget", "", {}}, "reason", r) == Scalar::string("deadline"));
    CHECK(actualValue(Expectation{K::Context, "budget", "", {}}, "source", r) == Scalar::string("budget"));
    CHECK_FALSE(actualValue(Expectation{K::Task, "ghost", "", {}}, "result", r).has_value());
    CHECK_FALSE(actualValue(Expectation{K::Task, "fetch", "", {}}, "err", r).has_value());
    CHECK_FALSE(actualValue(Expectation{K::Lookup, "nope", "fetch", {}}, "found", r).has_value());
    CHECK_FALSE(actualValue(Expectation{K::NoLints, "", "", {}}, "x", r).has_value());
}

TEST_CASE("the pending conformance exercises: one sound, one solved as shipped", "[exercise]")
{
    const fs::path dir = fs::path(CTXSCOPE_SOURCE_DIR) / ".." / "shared" / "conformance" / "pending";
    LoadResult basic = loadScenarioFile((dir / "exercise-basic.json").string());
    REQUIRE(basic.scenario.has_value());
    CHECK(checkExercise(*basic.scenario, simulate(*basic.scenario)).ok());
    CHECK(predictItems(*basic.scenario, simulate(*basic.scenario)).size() == 2);
    LoadResult solved = loadScenarioFile((dir / "invalid-exercise-already-solved.json").string());
    REQUIRE(solved.scenario.has_value()); // a sound file: only a run shows it is already solved
    const ExerciseCheck c = checkExercise(*solved.scenario, simulate(*solved.scenario));
    REQUIRE_FALSE(c.ok());
    CHECK(c.problems.front().message == exerciseMessage(ExerciseError::AlreadySolved));
}

TEST_CASE("every lesson that is an exercise is unsolved as shipped and solved by its solution", "[exercise][lessons]")
{
    const fs::path dir = fs::path(CTXSCOPE_SOURCE_DIR) / "resources" / "lessons";
    int exercises = 0;
    for (const auto& entry : fs::directory_iterator(dir)) {
        const std::string name = entry.path().filename().string();
        if (name.size() < 14 || name.compare(name.size() - 14, 14, ".ctxscope.json") != 0)
            continue;
        LoadResult r = loadScenarioFile(entry.path().string());
        if (!r.scenario || !r.scenario->exercise)
            continue; // loading is the lesson tests' business
        INFO(name);
        ++exercises;
        const ExerciseCheck c = checkExercise(*r.scenario, simulate(*r.scenario));
        for (const Problem& p : c.problems)
            UNSCOPED_INFO(p.path << ": " << p.message);
        CHECK(c.ok());
    }
    SUCCEED(std::to_string(exercises) + " exercise lessons checked");
}

TEST_CASE("predictChoices offers the values Go can produce for a field, from the scenario", "[exercise][predict]")
{
    Scenario s = load(kText);
    using K = Expectation::Kind;
    const Scalar nil = Scalar::null();
    const Scalar canceled = Scalar::string("context canceled");
    const Scalar deadline = Scalar::string("context deadline exceeded");
    const Expectation budget{K::Context, "budget", "", {}};
    CHECK(predictChoices(s, budget, "err") == std::vector<Scalar>{nil, canceled, deadline});
    CHECK(predictChoices(s, budget, "reason").size() == 4);
    // source: the context itself or an ancestor, nearest first.
    CHECK(predictChoices(s, budget, "source") ==
          std::vector<Scalar>{nil, Scalar::string("budget"), Scalar::string("root")});
    // cause: the scenario's own causes join Go's two.
    s.actions.front().cause = "client went away";
    s.contexts[1].kind = ContextKind::WithCancelCause; // the action's cause needs it; not simulated here
    CHECK(predictChoices(s, budget, "cause") == std::vector<Scalar>{nil, canceled, deadline, Scalar::string("client went away")});
    // result: every fail message of the scenario, and the states of a task that has not ended.
    s.tasks.front().steps.push_back(Step{});
    s.tasks.front().steps.back().op = StepOp::Fail;
    s.tasks.front().steps.back().text = "boom";
    CHECK(predictChoices(s, Expectation{K::Task, "fetch", "", {}}, "result") ==
          std::vector<Scalar>{nil, Scalar::string("ok"), canceled, deadline, Scalar::string("error: boom"),
                              Scalar::string("running"), Scalar::string("blocked")});
    // value: the values bound to that key, each once.
    ContextSpec v;
    v.id = "v";
    v.kind = ContextKind::WithValue;
    v.parent = "budget";
    v.key = "user";
    v.value = Scalar::number("42");
    s.contexts.push_back(v);
    v.id = "w";
    s.contexts.push_back(v);
    CHECK(predictChoices(s, Expectation{K::Lookup, "user", "fetch", {}}, "value") ==
          std::vector<Scalar>{nil, Scalar::number("42")});
    CHECK(predictChoices(s, Expectation{K::Lookup, "user", "fetch", {}}, "found").size() == 2);
    CHECK(predictChoices(s, Expectation{K::AfterFunc, "a", "", {}}, "stopped").size() == 3);
    // Times are typed, not picked.
    CHECK(predictChoices(s, budget, "done_at").empty());
    CHECK(predictChoices(s, Expectation{K::Task, "fetch", "", {}}, "ended_at").empty());
    // Every real answer of a run is among the choices.
    const Scenario shipped = load(kText);
    const SimulationResult r = simulate(shipped);
    Scenario asked = shipped;
    asked.predict = {PredictQuestion{K::Context, "budget", "", {"err", "cause", "reason", "source"}},
                     PredictQuestion{K::Task, "fetch", "", {"result"}},
                     PredictQuestion{K::Lookup, "user", "fetch", {"found", "value"}}};
    for (const PredictItem& item : predictItems(asked, r)) {
        for (const PredictField& f : item.fields) {
            INFO(item.title << " " << f.field);
            const std::vector<Scalar> choices = predictChoices(asked, item.subject, f.field);
            REQUIRE(f.answer.has_value());
            CHECK(std::find(choices.begin(), choices.end(), *f.answer) != choices.end());
        }
    }
}

TEST_CASE("scenarioChanges says what the solution changes: which elements, which steps", "[exercise]")
{
    using List = ScenarioChange::List;
    using What = ScenarioChange::What;
    constexpr std::size_t none = ScenarioChange::kNoIndex;
    const Scenario s = load(kText);
    const std::vector<ScenarioChange> changes = scenarioChanges(s, applySolution(s));
    // handler's first step (the spawn of fetch, whose work now watches ctx.Done()) differs.
    REQUIRE(changes.size() == 1);
    CHECK(changes[0] == ScenarioChange{List::Tasks, What::Changed, "handler", 0, 0, {0}});
    CHECK(scenarioChanges(s, s).empty());

    // Added, removed, changed by id; actions by position; other fields than steps.
    Scenario b = s;
    b.contexts[1].timeout = 300 * kMillisecond;            // budget changed
    b.contexts.push_back(b.contexts[1]);
    b.contexts.back().id = "extra";                          // added
    b.tasks.front().label = "GET /";                         // changed, no step differs
    b.tasks.front().steps.push_back(b.tasks.front().steps.back()); // and a step more
    b.actions.clear();                                       // removed
    Scenario a = s;
    a.afterFuncs.push_back(AfterFuncSpec{"af", "root", 0, {}, {}});  // only before: removed
    const std::vector<ScenarioChange> c = scenarioChanges(a, b);
    REQUIRE(c.size() == 5);
    CHECK(c[0] == ScenarioChange{List::Contexts, What::Changed, "budget", 1, 1, {}});
    CHECK(c[1] == ScenarioChange{List::Contexts, What::Added, "extra", none, 2, {}});
    CHECK(c[2] == ScenarioChange{List::Tasks, What::Changed, "handler", 0, 0, {2}});
    CHECK(c[3] == ScenarioChange{List::AfterFuncs, What::Removed, "af", 0, none, {}});
    CHECK(c[4] == ScenarioChange{List::Actions, What::Removed, "", 0, none, {}});
}
