// The lessons library (resources/lessons): every lesson must load cleanly, pass its own
// expectations when simulated, teach with the four description sections and a Go example, and
// together the lessons must cover the curriculum of issue #4 in teaching order.
#include "ctxscope/formats/exercise.h"
#include "ctxscope/formats/expectations.h"
#include "ctxscope/formats/scenario_io.h"
#include "ctxscope/engine/simulation.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

using namespace ctxscope;
namespace fs = std::filesystem;

namespace {

const fs::path kLessonDir = fs::path(CTXSCOPE_SOURCE_DIR) / "resources" / "lessons";
constexpr std::size_t kMinLessons = 16;

struct Lesson {
    std::string file; // file name only, e.g. "01-withcancel-basics.ctxscope.json"
    std::string slug; // "withcancel-basics"
    int number = 0;   // 1
    Scenario scenario;
};

bool endsWith(const std::string& s, const std::string& suffix)
{
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::vector<std::string> lessonFileNames()
{
    std::vector<std::string> names;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(kLessonDir, ec)) {
        const std::string name = entry.path().filename().string();
        if (entry.is_regular_file() && endsWith(name, ".ctxscope.json"))
            names.push_back(name);
    }
    std::sort(names.begin(), names.end());
    return names;
}

// loadLessons loads every lesson that parses; the load test reports the ones that do not.
const std::vector<Lesson>& lessons()
{
    static const std::vector<Lesson> all = [] {
        std::vector<Lesson> out;
        for (const std::string& name : lessonFileNames()) {
            LoadResult lr = loadScenarioFile((kLessonDir / name).string());
            if (!lr.scenario)
                continue;
            Lesson l;
            l.file = name;
            const std::string stem = name.substr(0, name.size() - std::string(".ctxscope.json").size());
            if (stem.size() > 3 && std::isdigit(static_cast<unsigned char>(stem[0])) &&
                std::isdigit(static_cast<unsigned char>(stem[1])) && stem[2] == '-') {
                l.number = (stem[0] - '0') * 10 + (stem[1] - '0');
                l.slug = stem.substr(3);
            }
            l.scenario = std::move(*lr.scenario);
            out.push_back(std::move(l));
        }
        return out;
    }();
    return all;
}

// forEachStep visits every step of every task and after-func, spawned and nested ones included.
void forEachStep(const std::vector<Step>& steps, const std::function<void(const Step&)>& visit)
{
    for (const Step& s : steps) {
        visit(s);
        for (const TaskSpec& t : s.spawn)
            forEachStep(t.steps, visit);
        for (const AfterFuncSpec& a : s.afterFunc)
            forEachStep(a.steps, visit);
    }
}

void forEachStep(const Scenario& sc, const std::function<void(const Step&)>& visit)
{
    for (const TaskSpec& t : sc.tasks)
        forEachStep(t.steps, visit);
    for (const AfterFuncSpec& a : sc.afterFuncs)
        forEachStep(a.steps, visit);
}

// Every context kind the scenario creates, top-level or by a derive step.
std::set<ContextKind> kindsUsed(const Scenario& sc)
{
    std::set<ContextKind> kinds;
    for (const ContextSpec& c : sc.contexts)
        kinds.insert(c.kind);
    forEachStep(sc, [&](const Step& s) {
        for (const ContextSpec& c : s.derive)
            kinds.insert(c.kind);
    });
    return kinds;
}

bool usesStep(const Scenario& sc, StepOp op)
{
    bool found = false;
    forEachStep(sc, [&](const Step& s) { found = found || s.op == op; });
    return found;
}

bool expectsLint(const Scenario& sc, const std::string& rule)
{
    return std::any_of(sc.expect.begin(), sc.expect.end(), [&](const Expectation& e) {
        return e.kind == Expectation::Kind::Lint && e.subject == rule;
    });
}

bool expectsNoLints(const Scenario& sc)
{
    return std::any_of(sc.expect.begin(), sc.expect.end(),
                       [](const Expectation& e) { return e.kind == Expectation::Kind::NoLints; });
}

std::optional<std::string> expectedField(const Expectation& e, const std::string& field)
{
    for (const auto& [name, value] : e.fields)
        if (name == field && value.type == Scalar::Type::String)
            return value.text;
    return std::nullopt;
}

bool expectsContextReason(const Scenario& sc, const std::string& reason)
{
    return std::any_of(sc.expect.begin(), sc.expect.end(), [&](const Expectation& e) {
        return e.kind == Expectation::Kind::Context && expectedField(e, "reason") == reason;
    });
}

bool contains(const std::string& haystack, const std::string& needle)
{
    return haystack.find(needle) != std::string::npos;
}

// The fenced ```go blocks of a Markdown text.
std::vector<std::string> goBlocks(const std::string& md)
{
    std::vector<std::string> blocks;
    std::size_t pos = 0;
    while ((pos = md.find("```go\n", pos)) != std::string::npos) {
        const std::size_t start = pos + 6;
        const std::size_t end = md.find("\n```", start);
        if (end == std::string::npos)
            break;
        blocks.push_back(md.substr(start, end - start));
        pos = end + 4;
    }
    return blocks;
}

// The curriculum of issue #4, in teaching order. Each topic says how to recognise its lesson
// from what the scenario does, not only from its file name.
struct Topic {
    const char* name;
    std::function<bool(const Lesson&)> covers;
};

const std::vector<Topic>& curriculum()
{
    static const std::vector<Topic> topics = {
        {"WithCancel basics (and the nil parent)",
         [](const Lesson& l) {
             return contains(l.slug, "withcancel") && kindsUsed(l.scenario).count(ContextKind::WithCancel) &&
                    contains(l.scenario.description, "cannot create context from nil parent") &&
                    contains(l.scenario.description, "SA1012");
         }},
        {"WithTimeout on an HTTP handler",
         [](const Lesson& l) {
             return contains(l.slug, "withtimeout") && kindsUsed(l.scenario).count(ContextKind::WithTimeout) &&
                    contains(l.scenario.description, "http.ResponseWriter");
         }},
        {"WithDeadline on a database query",
         [](const Lesson& l) {
             return contains(l.slug, "withdeadline") && kindsUsed(l.scenario).count(ContextKind::WithDeadline) &&
                    contains(l.scenario.description, "QueryContext");
         }},
        {"a cascade through a request tree",
         [](const Lesson& l) { return contains(l.slug, "cascade") && expectsContextReason(l.scenario, "parent"); }},
        {"the effective deadline (R27)",
         [](const Lesson& l) {
             if (!contains(l.slug, "effective-deadline"))
                 return false;
             const SimulationResult r = simulate(l.scenario);
             return std::any_of(r.contexts.begin(), r.contexts.end(),
                                [](const ContextInfo& c) { return c.degraded; });
         }},
        {"causes (WithCancelCause, WithTimeoutCause, Cause vs Err)",
         [](const Lesson& l) {
             const auto k = kindsUsed(l.scenario);
             return k.count(ContextKind::WithCancelCause) &&
                    (k.count(ContextKind::WithTimeoutCause) || k.count(ContextKind::WithDeadlineCause));
         }},
        {"values, shadowing and what not to carry in a context",
         [](const Lesson& l) {
             std::set<std::string> keys;
             bool shadowed = false;
             for (const ContextSpec& c : l.scenario.contexts)
                 if (c.kind == ContextKind::WithValue && !keys.insert(c.keyType + "/" + c.key).second)
                     shadowed = true;
             const bool lookups = std::any_of(l.scenario.expect.begin(), l.scenario.expect.end(), [](const Expectation& e) {
                 return e.kind == Expectation::Kind::Lookup;
             });
             return contains(l.slug, "values") && shadowed && lookups && expectsNoLints(l.scenario);
         }},
        {"WithoutCancel for work that outlives the request",
         [](const Lesson& l) { return kindsUsed(l.scenario).count(ContextKind::WithoutCancel) > 0; }},
        {"AfterFunc cleanup and stop()",
         [](const Lesson& l) {
             return contains(l.slug, "afterfunc") && usesStep(l.scenario, StepOp::AfterFunc) &&
                    usesStep(l.scenario, StepOp::StopAfterFunc);
         }},
        {"fan-out workers under one timeout",
         [](const Lesson& l) {
             int spawns = 0;
             forEachStep(l.scenario, [&](const Step& s) { spawns += s.op == StepOp::Spawn ? 1 : 0; });
             return contains(l.slug, "fan-out") && spawns >= 3;
         }},
        {"a pipeline stopped by cancellation",
         [](const Lesson& l) { return contains(l.slug, "pipeline") && usesStep(l.scenario, StepOp::Cancel); }},
        {"graceful shutdown",
         [](const Lesson& l) { return contains(l.slug, "shutdown") && !l.scenario.actions.empty(); }},
        {"anti-pattern: ignoring ctx.Done()",
         [](const Lesson& l) { return expectsLint(l.scenario, "goroutine-outlived-context"); }},
        {"anti-pattern: forgetting cancel", [](const Lesson& l) { return expectsLint(l.scenario, "lostcancel"); }},
        {"anti-pattern: a built-in key type", [](const Lesson& l) { return expectsLint(l.scenario, "SA1029"); }},
        {"anti-pattern: a goroutine that can never end",
         [](const Lesson& l) { return expectsLint(l.scenario, "goroutine-leak"); }},
    };
    return topics;
}

} // namespace

TEST_CASE("the lesson library holds at least sixteen lessons numbered 01 upwards without gaps", "[lessons]")
{
    const std::vector<std::string> names = lessonFileNames();
    INFO("lesson directory: " << kLessonDir.string());
    REQUIRE(names.size() >= kMinLessons);
    int expected = 1;
    for (const std::string& name : names) {
        INFO(name);
        auto prefix = [](int n) { return (n < 10 ? "0" : "") + std::to_string(n) + "-"; };
        CHECK(name.rfind(prefix(expected), 0) == 0);
        ++expected;
    }
}

TEST_CASE("every lesson loads without problems", "[lessons]")
{
    const std::vector<std::string> names = lessonFileNames();
    REQUIRE(names.size() >= kMinLessons);
    for (const std::string& name : names) {
        const LoadResult lr = loadScenarioFile((kLessonDir / name).string());
        std::string problems;
        for (const Problem& p : lr.problems)
            problems += formatProblem(name, p) + "\n";
        INFO(problems);
        CHECK(lr.problems.empty());
        CHECK(lr.scenario.has_value());
    }
    CHECK(lessons().size() == names.size());
}

TEST_CASE("every lesson's expectations pass when it is simulated", "[lessons]")
{
    REQUIRE(lessons().size() >= kMinLessons);
    for (const Lesson& l : lessons()) {
        INFO(l.file);
        // A lesson without expectations teaches nothing checkable.
        CHECK(l.scenario.expect.size() >= 3);
        const SimulationResult result = simulate(l.scenario);
        const ExpectationReport report = checkExpectations(l.scenario, result);
        std::string failures;
        for (const std::string& m : report.failureMessages())
            failures += m + "\n";
        INFO(failures);
        CHECK(report.outcomes.size() == l.scenario.expect.size());
        CHECK(report.allPassed());
        // Same scenario, same run: a lesson must show the same thing every time it is opened.
        CHECK(checkExpectations(l.scenario, simulate(l.scenario)).passed == report.passed);
    }
}

TEST_CASE("every lesson has a title and a description with the four sections and a Go example", "[lessons]")
{
    REQUIRE(lessons().size() >= kMinLessons);
    std::set<std::string> titles;
    for (const Lesson& l : lessons()) {
        INFO(l.file);
        const std::string& d = l.scenario.description;
        CHECK(!l.scenario.name.empty());
        CHECK(titles.insert(l.scenario.name).second); // titles tell lessons apart in the menu
        const std::vector<std::string> sections = {"## The concept", "## What to watch",
                                                   "## The Go code it corresponds to", "## Try this"};
        const std::string lines = "\n" + d; // a heading is a whole line
        std::size_t last = 0;
        for (const std::string& s : sections) {
            INFO(s);
            const std::size_t at = lines.find("\n" + s + "\n");
            REQUIRE(at != std::string::npos);
            CHECK(at >= last); // in this order
            last = at;
        }
        const std::vector<std::string> blocks = goBlocks(d);
        REQUIRE(!blocks.empty());
        // The Go example sits in its own section and uses the context package.
        const std::size_t goSection = d.find("## The Go code it corresponds to");
        CHECK(d.find("```go\n", goSection) < d.find("## Try this"));
        CHECK(contains(blocks.front(), "context."));
        // Every fence is closed.
        std::size_t fences = 0;
        for (std::size_t p = d.find("```"); p != std::string::npos; p = d.find("```", p + 3))
            ++fences;
        CHECK(fences % 2 == 0);
    }
}

TEST_CASE("the lessons cover the curriculum, one topic per lesson, in teaching order", "[lessons]")
{
    REQUIRE(lessons().size() >= kMinLessons);
    int previous = 0;
    for (const Topic& topic : curriculum()) {
        INFO("topic: " << topic.name);
        const auto it = std::find_if(lessons().begin(), lessons().end(), topic.covers);
        REQUIRE(it != lessons().end());
        INFO("first covered by " << it->file);
        CHECK(it->number > previous);
        previous = it->number;
    }
}

// done_when's verdict on a scenario: its expectations replaced by the exercise's done_when.
bool doneWhenHolds(Scenario sc, const Exercise& ex, std::string* failures = nullptr)
{
    sc.expect = ex.doneWhen;
    const ExpectationReport report = checkExpectations(sc, simulate(sc));
    if (failures)
        for (const std::string& m : report.failureMessages())
            *failures += m + "\n";
    return report.allPassed();
}

TEST_CASE("every exercise lesson is unsolved as shipped and solved by its solution", "[lessons]")
{
    int exercises = 0;
    for (const Lesson& l : lessons()) {
        if (!l.scenario.exercise)
            continue;
        INFO(l.file);
        ++exercises;
        const Exercise& ex = *l.scenario.exercise;
        const std::string& d = l.scenario.description;
        CHECK(!ex.goal.empty());
        CHECK(ex.hints.size() >= 2); // revealed one at a time: a nudge before the answer
        CHECK(contains(ex.solutionNotes, "```go\n"));
        // The checklist is done_when now: the description no longer asks for edits to "expect".
        CHECK_FALSE(contains(d, "change the expectations"));
        CHECK(contains(d, "**exercise**"));
        CHECK_FALSE(doneWhenHolds(l.scenario, ex)); // shipped broken
        std::string failures;
        const bool solved = doneWhenHolds(applySolution(l.scenario), ex, &failures);
        INFO(failures);
        CHECK(solved);
    }
    CHECK(exercises >= 11); // issue #10: at least eleven exercises
}

TEST_CASE("the assessment lesson asks at least twelve prediction questions across the chapter", "[lessons]")
{
    const auto it = std::find_if(lessons().begin(), lessons().end(),
                                 [](const Lesson& l) { return contains(l.slug, "assessment"); });
    REQUIRE(it != lessons().end());
    INFO(it->file);
    CHECK_FALSE(it->scenario.exercise.has_value()); // nothing to fix: only to predict
    CHECK(it->scenario.predict.size() >= 12);
    std::set<Expectation::Kind> kinds;
    for (const PredictQuestion& q : it->scenario.predict)
        kinds.insert(q.kind);
    CHECK(kinds.size() == 4); // contexts, tasks, after-funcs and lookups
}

TEST_CASE("the mini project lessons are four exercise steps in order", "[lessons]")
{
    std::vector<const Lesson*> steps;
    for (const Lesson& l : lessons())
        if (l.slug.rfind("project-", 0) == 0)
            steps.push_back(&l);
    REQUIRE(steps.size() >= 4);
    for (std::size_t i = 0; i < steps.size(); ++i) {
        INFO(steps[i]->file);
        CHECK(steps[i]->slug.rfind("project-" + std::to_string(i + 1) + "-", 0) == 0);
        CHECK(steps[i]->scenario.exercise.has_value());
        if (i > 0) // numbered one after the other
            CHECK(steps[i]->number == steps[i - 1]->number + 1);
    }
}

TEST_CASE("every prediction a lesson asks for has an answer the learner can pick and that grades right", "[lessons]")
{
    int questions = 0;
    for (const Lesson& l : lessons()) {
        if (l.scenario.predict.empty())
            continue;
        INFO(l.file);
        const SimulationResult r = simulate(l.scenario);
        for (const PredictItem& item : predictItems(l.scenario, r)) {
            INFO(item.title);
            ++questions;
            for (std::size_t f = 0; f < item.fields.size(); ++f) {
                const PredictField& pf = item.fields[f];
                INFO(pf.field);
                REQUIRE(pf.answer.has_value()); // the subject is in the run
                const std::vector<Scalar> choices = predictChoices(l.scenario, item.subject, pf.field);
                if (!choices.empty()) // times are typed, the rest picked from a list
                    CHECK(std::find(choices.begin(), choices.end(), *pf.answer) != choices.end());
                CHECK(gradePrediction(item, f, *pf.answer, r).passed);
            }
        }
    }
    CHECK(questions >= 12);
}
