// exploreRaces (races.h): the outcomes of the orders Go leaves open. The race scenarios of
// tests/scenarios (race-*.json) each come with the outcome set they must produce
// (tests/scenarios/races/*.races.json, checked against real Go by the go: tests); every shipped
// scenario and lesson must explore completely within the bound, with the documented order as
// outcome 0, event for event.
#include "ctxscope/formats/json.h"
#include "ctxscope/formats/race_report.h"
#include "ctxscope/engine/races.h"
#include "ctxscope/formats/scenario_io.h"
#include "ctxscope/engine/simulation.h"

#include "scenario_builder.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

using namespace ctxscope;
using namespace ctxscope::test;
namespace fs = std::filesystem;

namespace {

const fs::path kSource(CTXSCOPE_SOURCE_DIR);

std::vector<fs::path> files(const fs::path& dir, const std::string& prefix, const std::string& suffix)
{
    std::vector<fs::path> out;
    for (const auto& e : fs::directory_iterator(dir)) {
        const std::string name = e.path().filename().string();
        if (name.rfind(prefix, 0) == 0 && name.size() > suffix.size() &&
            name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0 && name != "index.json")
            out.push_back(e.path());
    }
    std::sort(out.begin(), out.end());
    return out;
}

Scenario load(const fs::path& p)
{
    LoadResult r = loadScenarioFile(p.string());
    INFO(p.string());
    REQUIRE(r.scenario);
    return *r.scenario;
}

std::string readText(const fs::path& p)
{
    std::ifstream in(p);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// A fact's values as JSON text, the documented one first, the others sorted.
std::vector<std::string> normalised(std::vector<std::string> values)
{
    if (values.size() > 1)
        std::sort(values.begin() + 1, values.end());
    return values;
}

std::map<std::string, std::vector<std::string>> factsOf(const RaceExploration& ex)
{
    std::map<std::string, std::vector<std::string>> out;
    for (const RaceFact& f : ex.facts) {
        std::vector<std::string> v;
        for (const FactValue& x : f.values)
            v.push_back(factValueText(x));
        out[f.fact] = normalised(v);
    }
    return out;
}

const RaceFact* fact(const RaceExploration& ex, const std::string& path)
{
    for (const RaceFact& f : ex.facts)
        if (f.fact == path)
            return &f;
    return nullptr;
}

} // namespace

TEST_CASE("every race scenario produces exactly its expected outcome set")
{
    const auto scenarios = files(kSource / "tests" / "scenarios", "race-", ".json");
    REQUIRE(scenarios.size() >= 12);
    for (const fs::path& file : scenarios) {
        INFO(file.filename().string());
        const fs::path expectedFile =
            kSource / "tests" / "scenarios" / "races" / (file.stem().string() + ".races.json");
        REQUIRE(fs::exists(expectedFile));
        const json::ParseResult parsed = json::parse(readText(expectedFile));
        REQUIRE(parsed.ok());
        const json::Value& want = *parsed.value;

        const RaceExploration ex = exploreRaces(load(file));
        CHECK(ex.complete);
        CHECK(std::to_string(ex.outcomes.size()) == want.find("outcomes")->text);
        std::map<std::string, std::vector<std::string>> expected;
        for (const json::Member& m : want.find("facts")->members) {
            std::vector<std::string> v;
            for (const json::Value& x : m.value.items)
                v.push_back(json::write(x, json::Style::Compact));
            expected[m.key] = normalised(v);
        }
        CHECK(factsOf(ex) == expected);
        // Every outcome but the documented one says where it left the documented order.
        for (std::size_t k = 1; k < ex.outcomes.size(); ++k)
            CHECK_FALSE(ex.outcomes[k].choices.empty());
    }
}

TEST_CASE("outcome 0 is the documented order, event for event, for every shipped scenario and lesson")
{
    std::vector<fs::path> all = files(kSource / "tests" / "scenarios", "", ".json");
    for (const fs::path& p : files(kSource / "resources" / "lessons", "", ".json"))
        all.push_back(p);
    REQUIRE(all.size() > 40);
    for (const fs::path& file : all) {
        INFO(file.filename().string());
        const Scenario s = load(file);
        const SimulationResult plain = simulate(s);
        const RaceExploration ex = exploreRaces(s);
        REQUIRE_FALSE(ex.outcomes.empty());
        CHECK(ex.outcomes[0].result.events == plain.events);
        CHECK(ex.outcomes[0].choices.empty());
        CHECK(ex.complete); // within the default bound
        CHECK(ex.ordersExplored < 100);
        // Outcomes are distinct, and deterministic: a second search gives the same list.
        const RaceExploration again = exploreRaces(s);
        REQUIRE(again.outcomes.size() == ex.outcomes.size());
        CHECK(again.ordersExplored == ex.ordersExplored);
        for (std::size_t k = 0; k < ex.outcomes.size(); ++k)
            CHECK(outcomeFacts(again.outcomes[k].result) == outcomeFacts(ex.outcomes[k].result));
        for (std::size_t a = 0; a < ex.outcomes.size(); ++a)
            for (std::size_t b = a + 1; b < ex.outcomes.size(); ++b)
                CHECK(outcomeFacts(ex.outcomes[a].result) != outcomeFacts(ex.outcomes[b].result));
    }
}

TEST_CASE("a deadline and a cancel at one instant: both outcomes, with what raced and when")
{
    Scenario s;
    s.contexts = {ctx("root", ContextKind::Background), timeoutCtx("budget", "root", ms(200))};
    s.tasks = {task("canceller", "root", {work(ms(200), Watch::None), cancelStep("budget")}),
               task("fetch", "budget", {awaitDone()})};
    const RaceExploration ex = exploreRaces(s);
    REQUIRE(ex.complete);
    REQUIRE(ex.outcomes.size() == 2);
    const RaceFact* err = fact(ex, "contexts.budget.err");
    REQUIRE(err);
    REQUIRE(err->values.size() == 2);
    CHECK(err->values[0].text == "context deadline exceeded"); // the documented order's first
    CHECK(err->values[1].text == "context canceled");
    CHECK(err->at == ms(200));
    CHECK(err->between == std::vector<std::string>{"deadline of budget", "work timer of canceller"});
    CHECK(fact(ex, "tasks.fetch.result"));
    CHECK_FALSE(fact(ex, "contexts.budget.done_ns")); // 200ms either way
    CHECK(ex.outcomes[1].result.contexts[1].err == Err::Canceled);

    SECTION("moving the cancel 1ns later removes the race")
    {
        s.tasks[0].steps[0].duration = ms(200) + 1;
        const RaceExploration later = exploreRaces(s);
        CHECK(later.complete);
        CHECK(later.outcomes.size() == 1);
        CHECK(later.facts.empty());
    }
}

TEST_CASE("independent ties cost one order, however many there are")
{
    // 200 deadlines and 200 work timers due at one instant, no two touching the same context or
    // goroutine: n! orders, one outcome, and the reduction needs a single run to know it.
    Scenario s;
    s.contexts.push_back(ctx("root", ContextKind::Background));
    for (int i = 0; i < 200; ++i) {
        const std::string d = "d" + std::to_string(i), w = "w" + std::to_string(i);
        s.contexts.push_back(timeoutCtx(d, "root", ms(100)));
        s.contexts.push_back(ctx(w, ContextKind::WithCancel, "root"));
        s.tasks.push_back(task("a" + std::to_string(i), d, {awaitDone()}));
        s.tasks.push_back(task("b" + std::to_string(i), w, {work(ms(100))}));
    }
    const RaceExploration ex = exploreRaces(s);
    CHECK(ex.complete);
    CHECK(ex.ordersExplored == 1);
    CHECK(ex.outcomes.size() == 1);
    CHECK(ex.choicePoints > 100); // there were choices; none could change anything
}

TEST_CASE("the search is bounded: by orders and by the caller's budget, and says so")
{
    // 30 after-funcs started by one cancellation each cancel x with their own cause (beside 30
    // goroutines woken by it that touch nothing shared): 30 winners, 30 outcomes. The cancels
    // that find x done commute with each other, so 30 orders find them all.
    Scenario s;
    s.contexts = {ctx("root", ContextKind::Background), ctx("c", ContextKind::WithCancel, "root"),
                  ctx("x", ContextKind::WithCancelCause, "root")};
    for (int i = 0; i < 30; ++i)
        s.tasks.push_back(task("t" + std::to_string(i), "c", {awaitDone()}));
    for (int i = 0; i < 30; ++i)
        s.afterFuncs.push_back(afterFunc("f" + std::to_string(i), "c", {cancelStep("x", "by f" + std::to_string(i))}));
    s.actions = {cancelAt(ms(10), "c")};

    const RaceExploration full = exploreRaces(s);
    CHECK(full.complete);
    CHECK(full.outcomes.size() == 30);
    CHECK(full.ordersExplored == 30);
    const RaceFact* cause = fact(full, "contexts.x.cause");
    REQUIRE(cause);
    CHECK(cause->values.size() == 30);

    RaceOptions options;
    options.maxOrders = 10;
    const RaceExploration bounded = exploreRaces(s, options);
    CHECK_FALSE(bounded.complete);
    CHECK(bounded.ordersExplored == 10);
    CHECK(bounded.incomplete.find("10 orders") != std::string::npos);
    CHECK(bounded.outcomes.size() == 10);

    std::size_t calls = 0;
    options.maxOrders = 1000;
    options.keepGoing = [&](std::size_t orders) {
        ++calls;
        return orders < 5;
    };
    const RaceExploration budget = exploreRaces(s, options);
    CHECK_FALSE(budget.complete);
    CHECK(budget.ordersExplored == 5);
    CHECK(calls == 5);
    CHECK(budget.incomplete.find("time budget") != std::string::npos);
    // The summary never claims completeness it does not have.
    CHECK(racesSummary(budget).find("INCOMPLETE") != std::string::npos);
}

TEST_CASE("a spawner and the goroutine it spawned interleave step by step")
{
    Scenario s;
    s.contexts = {ctx("root", ContextKind::Background), ctx("x", ContextKind::WithCancelCause, "root")};
    s.tasks = {task("parent", "root",
                    {spawn("child", {cancelStep("x", "child")}), logStep("spawned"), cancelStep("x", "parent")})};
    const RaceExploration ex = exploreRaces(s);
    CHECK(ex.complete);
    const RaceFact* cause = fact(ex, "contexts.x.cause");
    REQUIRE(cause);
    REQUIRE(cause->values.size() == 2);
    CHECK(cause->values[0].text == "parent");
    CHECK(cause->values[1].text == "child");
}

TEST_CASE("lookups are facts per task, paired in each task's order")
{
    Scenario s;
    s.contexts = {ctx("root", ContextKind::Background), valueCtx("v", "root", "k", Scalar::string("1"))};
    s.tasks = {task("a", "v", {valueStep("k")}), task("b", "v", {valueStep("k")})};
    const RaceExploration ex = exploreRaces(s);
    CHECK(ex.complete);
    CHECK(ex.outcomes.size() == 1); // lookups read immutable values: never a race
}

TEST_CASE("the races section of the report has the spec's shape")
{
    Scenario s;
    s.contexts = {ctx("root", ContextKind::Background), timeoutCtx("budget", "root", ms(200))};
    s.tasks = {task("fetch", "budget", {work(ms(200)), logStep("fetched")})};
    const RaceExploration ex = exploreRaces(s);
    const json::Value races = racesToJson(ex);
    CHECK(races.find("complete")->boolValue());
    CHECK(races.find("outcomes")->text == "2");
    CHECK(races.find("orders_explored")->text == std::to_string(ex.ordersExplored));
    const json::Value& facts = *races.find("facts");
    REQUIRE(facts.items.size() == 1);
    const json::Value& f = facts.items[0];
    CHECK(f.find("fact")->text == "tasks.fetch.result");
    REQUIRE(f.find("values")->items.size() == 2);
    CHECK(f.find("values")->items[0].text == "context deadline exceeded");
    CHECK(f.find("values")->items[1].text == "ok");
    CHECK(f.find("at_ns")->text == "200000000");
    CHECK(f.find("between")->items.size() == 2);
    // Spliced into a report, it is still one JSON object.
    const std::string report = "{\n  \"ctxscope_report\": 1\n}\n";
    const json::ParseResult spliced = json::parse(withRacesSection(report, ex));
    REQUIRE(spliced.ok());
    CHECK(spliced.value->find("races"));
    CHECK(spliced.value->find("ctxscope_report"));
}

TEST_CASE("a polling step's last check and a deadline at one instant race (found by the random tests)")
{
    // The poll's last slice ends at 50ms, when c's deadline fires: the check sees c done or not.
    // The deadline first makes the check's timer moot, and that must count as a race too.
    Scenario s;
    s.contexts = {ctx("root", ContextKind::Background), deadlineCtx("c", "root", ms(50), ms(20))};
    s.tasks = {task("poller", "c", {work(ms(30), Watch::Poll, ms(10)), logStep("done")}, ms(20))};
    const RaceExploration ex = exploreRaces(s);
    CHECK(ex.complete);
    const RaceFact* result = fact(ex, "tasks.poller.result");
    REQUIRE(result);
    REQUIRE(result->values.size() == 2);
    CHECK(result->values[0].text == "context deadline exceeded");
    CHECK(result->values[1].text == "ok");
}

TEST_CASE("keeping one outcome's run finds the same outcomes and facts as keeping every run")
{
    const auto scenarios = files(kSource / "tests" / "scenarios", "race-", ".json");
    REQUIRE(scenarios.size() >= 12);
    for (const fs::path& file : scenarios) {
        INFO(file.filename().string());
        const Scenario s = load(file);
        const RaceExploration all = exploreRaces(s);
        const std::size_t last = all.outcomes.size() - 1;
        RaceOptions one;
        std::vector<std::size_t> asked;
        one.keepResult = [&](std::size_t k) {
            asked.push_back(k);
            return k == last;
        };
        const RaceExploration kept = exploreRaces(s, one);
        REQUIRE(kept.outcomes.size() == all.outcomes.size());
        CHECK(kept.ordersExplored == all.ordersExplored);
        for (std::size_t k = 0; k < kept.outcomes.size(); ++k) {
            const RaceOutcome& o = kept.outcomes[k];
            CHECK(o.resultKept == (k == 0 || k == last)); // the documented run is always kept
            CHECK(o.result.events.size() == (o.resultKept ? all.outcomes[k].result.events.size() : 0));
            CHECK(o.order == all.outcomes[k].order);
            REQUIRE(o.choices.size() == all.outcomes[k].choices.size());
            for (std::size_t c = 0; c < o.choices.size(); ++c)
                CHECK(o.choices[c].chosen == all.outcomes[k].choices[c].chosen);
        }
        // Asked once per outcome after the documented one, in order.
        std::vector<std::size_t> expectedAsks;
        for (std::size_t k = 1; k < all.outcomes.size(); ++k)
            expectedAsks.push_back(k);
        CHECK(asked == expectedAsks);
        REQUIRE(kept.facts.size() == all.facts.size());
        for (std::size_t f = 0; f < kept.facts.size(); ++f) {
            CHECK(kept.facts[f].fact == all.facts[f].fact);
            CHECK(kept.facts[f].values == all.facts[f].values);
            CHECK(kept.facts[f].outcomeOf == all.facts[f].outcomeOf);
            CHECK(kept.facts[f].at == all.facts[f].at);
            CHECK(kept.facts[f].between == all.facts[f].between);
        }
    }
}
