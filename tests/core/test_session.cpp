// The Session (core, no Qt): every edit kind changes exactly what it says and is refused with
// the loader's message when the scenario it would make is invalid; undo and redo walk the
// history; and, as a property, random edit sequences undo back to the original file byte for
// byte and redo to the edited one.
#include "ctxscope/formats/scenario_io.h"
#include "ctxscope/session/session.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

using namespace ctxscope;

namespace {

Scenario load(std::string_view text) {
    LoadResult r = parseScenario(text);
    REQUIRE(r.scenario);
    return *r.scenario;
}

const char* kSample = R"({
  "ctxscope": 1,
  "name": "sample",
  "contexts": [
    {"id": "root", "kind": "Background"},
    {"id": "req", "kind": "WithTimeout", "parent": "root", "timeout": "200ms"},
    {"id": "db", "kind": "WithCancel", "parent": "req"},
    {"id": "side", "kind": "WithCancel", "parent": "root"}
  ],
  "tasks": [
    {"id": "handler", "context": "db", "steps": [
      {"work": "10ms"},
      {"spawn": {"id": "helper", "steps": [{"work": "5ms"}, {"derive": {"id": "inner", "kind": "WithCancel"}}]}},
      {"work": "50ms"}
    ]},
    {"id": "keeper", "context": "side", "steps": [{"work": "1s"}]}
  ],
  "after_funcs": [
    {"id": "cleanup", "context": "req", "steps": [{"log": "bye"}]}
  ],
  "actions": [
    {"at": "100ms", "cancel": "db"},
    {"at": "20ms", "stop_after_func": "cleanup"}
  ],
  "expect": [
    {"context": "inner", "err": "context canceled"},
    {"task": "keeper", "result": "ok"},
    {"after_func": "cleanup", "stopped": true}
  ]
})";

std::string text(const Scenario& s) { return serializeScenario(s); }

} // namespace

TEST_CASE("session: an edit is applied, recorded once, and undone and redone exactly", "[session]") {
    Session session(load(kSample));
    const std::string before = text(session.scenario());
    REQUIRE(session.isClean());
    const std::string error =
        session.edit("Set at", edits::rename(session.scenario(), "side", "side work"));
    REQUIRE(error.empty());
    CHECK(session.history().count() == 1);
    CHECK(session.history().undoEntry()->text == "Set at");
    CHECK_FALSE(session.isClean());
    const std::string after = text(session.scenario());
    CHECK(after != before);
    REQUIRE(session.undo());
    CHECK(text(session.scenario()) == before);
    CHECK(session.isClean());
    REQUIRE(session.redo());
    CHECK(text(session.scenario()) == after);
    CHECK_FALSE(session.redo());
}

TEST_CASE("session: an edit the validator refuses changes nothing and says why, as the loader would", "[session]") {
    Session session(load(kSample));
    const std::string before = text(session.scenario());
    Action a = session.scenario().actions[0];
    a.target = "nosuch";
    const std::string error = session.edit("Retarget", edits::replaceAction(session.scenario(), 0, a));
    CHECK(error.find("actions[0]") != std::string::npos);
    CHECK(error.find("nosuch") != std::string::npos);
    CHECK(text(session.scenario()) == before);
    CHECK(session.history().count() == 0);
    // An edit's own error comes first, unchanged.
    CHECK(session.edit("Delete", edits::deleteAction(session.scenario(), 9)) == "no timed action #10");
}

TEST_CASE("session: a new edit below the saved point loses the way back to clean", "[session]") {
    Session session(load(kSample));
    REQUIRE(session.edit("a", edits::rename(session.scenario(), "side", "one")).empty());
    session.setClean();
    REQUIRE(session.undo());
    CHECK_FALSE(session.isClean());
    REQUIRE(session.edit("b", edits::rename(session.scenario(), "side", "two")).empty());
    CHECK_FALSE(session.isClean());
    REQUIRE(session.undo());
    CHECK_FALSE(session.isClean());
}

TEST_CASE("edits: settings change name, description, seed, cancel order and until as one step", "[session][edits]") {
    Session session(load(kSample));
    ScenarioSettings s = ScenarioSettings::of(session.scenario());
    s.name = "renamed";
    s.description = "what it shows";
    s.seed = 42;
    s.cancelOrder = CancelOrder::Random;
    s.until = 300 * kMillisecond;
    REQUIRE(session.edit("Settings", edits::editSettings(session.scenario(), s)).empty());
    CHECK(ScenarioSettings::of(session.scenario()) == s);
    CHECK(session.history().count() == 1);
    s.until = -1;
    CHECK_FALSE(edits::editSettings(session.scenario(), s).error.empty());
}

TEST_CASE("edits: moving a context takes its subtree along and never under itself", "[session][edits]") {
    Session session(load(kSample));
    CHECK(edits::moveContext(session.scenario(), "req", "db").error.find("subtree") != std::string::npos);
    CHECK_FALSE(edits::moveContext(session.scenario(), "root", "req").error.empty());
    REQUIRE(session.edit("Move", edits::moveContext(session.scenario(), "req", "side")).empty());
    const auto& cs = session.scenario().contexts;
    REQUIRE(cs.size() == 4);
    // Parents stay listed before children: side, then req, then db.
    CHECK(cs[0].id == "root");
    CHECK(cs[1].id == "side");
    CHECK(cs[2].id == "req");
    CHECK(cs[2].parent == "side");
    CHECK(cs[3].id == "db");
    CHECK(cs[3].parent == "req");
}

TEST_CASE("edits: deleting a task takes the expectations about what it spawned and derived", "[session][edits]") {
    Session session(load(kSample));
    edits::DeletionSummary summary;
    const edits::EditResult r = edits::deleteTask(session.scenario(), "handler", &summary);
    REQUIRE(r.error.empty());
    CHECK(summary.tasks == 1);
    CHECK(summary.expectations == 1); // about "inner", derived by the spawned helper
    REQUIRE(session.edit("Delete handler", r).empty());
    CHECK(session.scenario().tasks.size() == 1);
    CHECK(session.scenario().expect.size() == 2);
    CHECK_FALSE(edits::deleteTask(session.scenario(), "helper").error.empty()); // spawned: not top-level
}

TEST_CASE("edits: deleting an after-func takes the stop actions aimed at it", "[session][edits]") {
    Session session(load(kSample));
    edits::DeletionSummary summary;
    REQUIRE(session.edit("Delete cleanup", edits::deleteAfterFunc(session.scenario(), "cleanup", &summary)).empty());
    CHECK(summary.actions == 1);
    CHECK(summary.expectations == 1);
    CHECK(session.scenario().afterFuncs.empty());
    CHECK(session.scenario().actions.size() == 1);
}

TEST_CASE("edits: replacing a task or after-func keeps its place and may change anything", "[session][edits]") {
    Session session(load(kSample));
    TaskSpec t = session.scenario().tasks[1];
    t.label = "keeps the side work";
    t.steps[0].duration = 2 * kSecond;
    REQUIRE(session.edit("Edit keeper", edits::replaceTask(session.scenario(), "keeper", t)).empty());
    CHECK(session.scenario().tasks[1] == t);
    AfterFuncSpec a = session.scenario().afterFuncs[0];
    a.context = "side";
    REQUIRE(session.edit("Edit cleanup", edits::replaceAfterFunc(session.scenario(), "cleanup", a)).empty());
    CHECK(session.scenario().afterFuncs[0].context == "side");
    // A task on a context that does not exist is refused by the validator.
    t.context = "nowhere";
    CHECK_FALSE(session.edit("Bad", edits::replaceTask(session.scenario(), "keeper", t)).empty());
}

TEST_CASE("edits: steps are inserted, replaced, moved and deleted at any depth", "[session][edits]") {
    Session session(load(kSample));
    const auto helperSteps = [&]() -> const std::vector<Step>& {
        return session.scenario().tasks[0].steps[1].spawn.front().steps;
    };
    Step log;
    log.op = StepOp::Log;
    log.text = "inside helper";
    REQUIRE(session.edit("Insert", edits::insertStep(session.scenario(), "handler", {1, 0}, log)).empty());
    REQUIRE(helperSteps().size() == 3);
    CHECK(helperSteps()[0].op == StepOp::Log);
    REQUIRE(session.edit("Move", edits::moveStep(session.scenario(), "handler", {1, 0}, 2)).empty());
    CHECK(helperSteps()[2].op == StepOp::Log);
    Step work;
    work.op = StepOp::Work;
    work.duration = 7 * kMillisecond;
    REQUIRE(session.edit("Replace", edits::replaceStep(session.scenario(), "handler", {1, 2}, work)).empty());
    CHECK(helperSteps()[2].duration == 7 * kMillisecond);
    REQUIRE(session.edit("Delete", edits::deleteStep(session.scenario(), "handler", {1, 2})).empty());
    CHECK(helperSteps().size() == 2);
    // A path through a step that holds no goroutine, or past the end, says where it went wrong.
    CHECK(edits::insertStep(session.scenario(), "handler", {0, 0}, log).error.find("neither spawn nor after_func") !=
          std::string::npos);
    CHECK_FALSE(edits::deleteStep(session.scenario(), "handler", {9}).error.empty());
    CHECK_FALSE(edits::insertStep(session.scenario(), "nobody", {0}, log).error.empty());
    // Steps of a top-level after-func too.
    REQUIRE(session.edit("Insert", edits::insertStep(session.scenario(), "cleanup", {1}, work)).empty());
    CHECK(session.scenario().afterFuncs[0].steps.size() == 2);
    // Four edits and one more: each one undo step, undone in order back to the file.
    CHECK(session.history().count() == 5);
    session.setHistoryIndex(0);
    CHECK(text(session.scenario()) == text(load(kSample)));
}

TEST_CASE("edits: timed actions change time and cause, and are deleted", "[session][edits]") {
    Session session(load(kSample));
    Action a = session.scenario().actions[0];
    a.at = 150 * kMillisecond;
    REQUIRE(session.edit("Time", edits::replaceAction(session.scenario(), 0, a)).empty());
    CHECK(session.scenario().actions[0].at == 150 * kMillisecond);
    a.cause = "shutdown";
    // db is a WithCancel: Go's cancel takes no cause, and the validator says so.
    CHECK_FALSE(session.edit("Cause", edits::replaceAction(session.scenario(), 0, a)).empty());
    a.at = -1;
    CHECK_FALSE(edits::replaceAction(session.scenario(), 0, a).error.empty());
    REQUIRE(session.edit("Delete", edits::deleteAction(session.scenario(), 1)).empty());
    CHECK(session.scenario().actions.size() == 1);
}

TEST_CASE("edits: expectations are added, replaced and deleted", "[session][edits]") {
    Session session(load(kSample));
    Expectation e;
    e.kind = Expectation::Kind::Context;
    e.subject = "req";
    e.fields.push_back({"err", Scalar::string("context deadline exceeded")});
    REQUIRE(session.edit("Add", edits::addExpectation(session.scenario(), e)).empty());
    CHECK(session.scenario().expect.back() == e);
    e.subject = "ghost";
    CHECK_FALSE(session.edit("Bad", edits::replaceExpectation(session.scenario(), 3, e)).empty());
    e.subject = "side";
    REQUIRE(session.edit("Replace", edits::replaceExpectation(session.scenario(), 3, e)).empty());
    CHECK(session.scenario().expect[3].subject == "side");
    REQUIRE(session.edit("Delete", edits::deleteExpectation(session.scenario(), 0)).empty());
    CHECK(session.scenario().expect.size() == 3);
}

TEST_CASE("session: capabilities follow the selection", "[session]") {
    Session session(load(kSample));
    const Scenario& s = session.scenario();
    Capabilities root = session.capabilities({Selection::Kind::Context, "root", 0}, nullptr, nullptr);
    CHECK(root.editable);
    CHECK_FALSE(root.canCancel);
    CHECK_FALSE(root.canMove);
    Capabilities req = session.capabilities({Selection::Kind::Context, "req", 0}, nullptr, nullptr);
    CHECK(req.canCancel);
    CHECK(req.hasParams);
    CHECK(req.canMove);
    CHECK_FALSE(req.takesCause);
    Capabilities helper = session.capabilities({Selection::Kind::Task, "helper", 0}, nullptr, nullptr);
    CHECK_FALSE(helper.editable); // spawned by a step: edited through its spawner
    CHECK(session.capabilities({Selection::Kind::Task, "keeper", 0}, nullptr, nullptr).deletable);
    CHECK(session.capabilities({Selection::Kind::Action, {}, 1}, nullptr, nullptr).exists);
    CHECK_FALSE(session.capabilities({Selection::Kind::Action, {}, s.actions.size()}, nullptr, nullptr).exists);
    CHECK(session.capabilities({Selection::Kind::AfterFunc, "cleanup", 0}, nullptr, nullptr).canStop);
}

namespace {

// One random edit of any kind, aimed at what the scenario holds now. Many are refused (an
// invalid result); the property is about the ones that are accepted.
edits::EditResult randomEdit(const Scenario& s, std::mt19937& rng, std::string& name) {
    auto pick = [&](std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng); };
    auto anyContext = [&]() -> const ContextSpec& { return s.contexts[pick(s.contexts.size())]; };
    const Nanos t = static_cast<Nanos>(pick(20)) * 10 * kMillisecond;
    if (s.contexts.empty()) { // every root deleted: start again from a Background
        name = "root";
        edits::DeriveParams p;
        p.kind = ContextKind::Background;
        return edits::deriveContext(s, {}, 0, p);
    }
    switch (pick(14)) {
    case 0: {
        name = "derive";
        edits::DeriveParams p;
        p.kind = static_cast<ContextKind>(2 + pick(8));
        p.timeout = t;
        p.deadline = t;
        p.key = "k";
        p.value = Scalar::number("1");
        p.label = pick(2) ? "labelled" : "";
        return edits::deriveContext(s, anyContext().id, t, p);
    }
    case 1: {
        name = "task";
        TaskSpec task;
        task.context = anyContext().id;
        Step w;
        w.op = StepOp::Work;
        w.duration = t;
        w.watch = pick(2) ? Watch::Done : Watch::None;
        task.steps.push_back(w);
        return edits::startTask(s, task, t);
    }
    case 2: {
        name = "afterfunc";
        AfterFuncSpec af;
        af.context = anyContext().id;
        return edits::addAfterFunc(s, af, t);
    }
    case 3: name = "cancel"; return edits::cancelAt(s, anyContext().id, t, std::nullopt);
    case 4: name = "rename"; return edits::rename(s, anyContext().id, "name" + std::to_string(pick(5)));
    case 5: name = "delete context"; return edits::deleteContext(s, anyContext().id, nullptr);
    case 6: name = "move"; return edits::moveContext(s, anyContext().id, anyContext().id);
    case 7: name = "at"; return edits::setContextAt(s, anyContext().id, t);
    case 8: {
        name = "settings";
        ScenarioSettings st = ScenarioSettings::of(s);
        st.seed = static_cast<std::int64_t>(pick(100));
        st.description = pick(2) ? "d" : "";
        return edits::editSettings(s, st);
    }
    case 9:
        name = "delete task";
        if (s.tasks.empty())
            return {};
        return edits::deleteTask(s, s.tasks[pick(s.tasks.size())].id);
    case 10: {
        name = "step";
        if (s.tasks.empty())
            return {};
        const TaskSpec& task = s.tasks[pick(s.tasks.size())];
        Step log;
        log.op = StepOp::Log;
        log.text = "x";
        if (task.steps.empty() || pick(2))
            return edits::insertStep(s, task.id, {pick(task.steps.size() + 1)}, log);
        if (pick(2))
            return edits::deleteStep(s, task.id, {pick(task.steps.size())});
        return edits::moveStep(s, task.id, {pick(task.steps.size())}, pick(task.steps.size()));
    }
    case 11: {
        name = "action";
        if (s.actions.empty())
            return {};
        const std::size_t i = pick(s.actions.size());
        if (pick(2))
            return edits::deleteAction(s, i);
        Action a = s.actions[i];
        a.at = t;
        return edits::replaceAction(s, i, a);
    }
    case 12: {
        name = "expect";
        Expectation e;
        e.kind = Expectation::Kind::Context;
        e.subject = anyContext().id;
        e.fields.push_back({"err", Scalar::null()});
        if (s.expect.empty() || pick(2))
            return edits::addExpectation(s, e);
        if (pick(2))
            return edits::deleteExpectation(s, pick(s.expect.size()));
        return edits::replaceExpectation(s, pick(s.expect.size()), e);
    }
    default:
        name = "delete afterfunc";
        if (s.afterFuncs.empty())
            return {};
        return edits::deleteAfterFunc(s, s.afterFuncs[pick(s.afterFuncs.size())].id);
    }
}

std::string readFile(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

} // namespace

TEST_CASE("session property: random edits, undo all gives the file back byte for byte, redo all the edited one", "[session][property]") {
    std::vector<std::filesystem::path> files;
    for (const auto& e : std::filesystem::directory_iterator(std::filesystem::path(CTXSCOPE_SOURCE_DIR) / "resources/lessons"))
        if (e.path().filename().string().ends_with(".ctxscope.json"))
            files.push_back(e.path());
    std::sort(files.begin(), files.end());
    REQUIRE(files.size() >= 10);
    std::size_t accepted = 0;
    for (std::uint32_t seed = 1; seed <= 60; ++seed) {
        const auto& file = files[seed % files.size()];
        // The file a user has: the lesson as the app saves it (the lessons themselves are
        // hand-formatted). Loading it and saving it again gives it back byte for byte.
        LoadResult lesson = parseScenario(readFile(file));
        REQUIRE(lesson.scenario);
        const std::string saved = serializeScenario(*lesson.scenario);
        LoadResult loaded = parseScenario(saved);
        REQUIRE(loaded.scenario);
        REQUIRE(serializeScenario(*loaded.scenario) == saved);
        INFO(file.filename().string() << ", seed " << seed);
        Session session(*loaded.scenario);
        std::mt19937 rng(seed);
        for (int k = 0; k < 40; ++k) {
            std::string name;
            const edits::EditResult r = randomEdit(session.scenario(), rng, name);
            if (session.edit(name, r).empty() && !r.patch.empty())
                ++accepted;
            // Every accepted state is valid: the session never holds a scenario the loader refuses.
            REQUIRE(parseScenario(serializeScenario(session.scenario())).scenario);
        }
        const std::string edited = serializeScenario(session.scenario());
        const std::size_t steps = session.history().count();
        while (session.undo()) {
        }
        CHECK(serializeScenario(session.scenario()) == saved);
        CHECK(session.isClean());
        while (session.redo()) {
        }
        CHECK(session.history().index() == steps);
        CHECK(serializeScenario(session.scenario()) == edited);
    }
    CHECK(accepted > 600); // the property is about many real edits, not refused ones
}

TEST_CASE("edits: the solution is applied and the shipped version restored as one undo step each", "[session][edits]") {
    Session session(load(kSample));
    Scenario solved = session.scenario();
    solved.tasks[1].steps[0].duration = 5 * kMillisecond;
    solved.contexts[3].parent = "req"; // side moves under req
    solved.actions.clear();
    const std::string shipped = text(session.scenario());
    REQUIRE(session.edit("Show solution", edits::replaceLists(session.scenario(), solved)).empty());
    CHECK(session.scenario().contexts == solved.contexts);
    CHECK(session.scenario().tasks == solved.tasks);
    CHECK(session.scenario().actions.empty());
    CHECK(session.scenario().expect == solved.expect);
    CHECK(session.history().count() == 1);
    REQUIRE(session.undo());
    CHECK(text(session.scenario()) == shipped);
    CHECK(edits::replaceLists(session.scenario(), session.scenario()).patch.empty());
}

TEST_CASE("edits: replaceLists takes along the expectations about what the target no longer has", "[session][edits]") {
    Session session(load(kSample));
    Expectation e;
    e.kind = Expectation::Kind::Context;
    e.subject = "side";
    e.fields.push_back({"err", Scalar::null()});
    REQUIRE(session.edit("Expect", edits::addExpectation(session.scenario(), e)).empty());
    const std::size_t expected = session.scenario().expect.size();
    Scenario target = session.scenario();
    target.contexts.erase(std::remove_if(target.contexts.begin(), target.contexts.end(),
                                         [](const ContextSpec& c) { return c.id == "side"; }),
                          target.contexts.end());
    target.tasks.erase(std::remove_if(target.tasks.begin(), target.tasks.end(),
                                      [](const TaskSpec& t) { return t.context == "side"; }),
                       target.tasks.end());
    target.actions.clear();
    const std::string error = session.edit("Show solution", edits::replaceLists(session.scenario(), target));
    INFO(error);
    REQUIRE(error.empty());
    CHECK(session.scenario().expect.size() < expected);
    for (const Expectation& left : session.scenario().expect)
        CHECK((left.subject != "side" && left.subject != "keeper"));
    REQUIRE(session.undo());
    CHECK(session.scenario().expect.size() == expected);
}

TEST_CASE("edits: the exercise and predict blocks are edited and undone", "[session][edits]") {
    Session session(load(kSample));
    Exercise ex;
    ex.goal = "Make keeper stop with side.";
    Expectation done;
    done.kind = Expectation::Kind::Task;
    done.subject = "keeper";
    done.fields.push_back({"result", Scalar::string("ok")});
    ex.doneWhen.push_back(done);
    ex.solution.tasks = session.scenario().tasks;
    ex.solution.tasks->at(1).steps[0].duration = 5 * kMillisecond;
    const std::string before = text(session.scenario());
    const std::string error = session.edit("Exercise", edits::editExercise(session.scenario(), ex));
    INFO(error);
    REQUIRE(error.empty());
    REQUIRE(session.scenario().exercise);
    CHECK(session.scenario().exercise->goal == ex.goal);
    PredictQuestion q;
    q.kind = Expectation::Kind::Context;
    q.subject = "req";
    q.fields = {"err"};
    REQUIRE(session.edit("Predict", edits::editPredict(session.scenario(), {q})).empty());
    CHECK(session.scenario().predict.size() == 1);
    session.setHistoryIndex(0);
    CHECK(text(session.scenario()) == before);
}
