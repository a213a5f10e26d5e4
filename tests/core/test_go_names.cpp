// R18, R34, R40, R44 (semantics.md §11): fmt.Sprint of each context, as the exported Go test
// prints it under testing/synctest. The expected strings were printed by go1.26 for the same
// tree (a ten-line synctest program: see the comment on each group).
#include "ctxscope/go_export/go_names.h"
#include "ctxscope/formats/scenario_io.h"
#include "ctxscope/engine/simulation.h"

#include <catch2/catch.hpp>

using namespace ctxscope;

namespace {

const char* const kTree = R"({
  "ctxscope": 1, "name": "names",
  "contexts": [
    { "id": "root", "kind": "Background" },
    { "id": "c1", "kind": "WithCancel", "parent": "root" },
    { "id": "c2", "kind": "WithCancelCause", "parent": "c1" },
    { "id": "d1", "kind": "WithTimeout", "parent": "root", "timeout": "200ms" },
    { "id": "d2", "kind": "WithTimeout", "parent": "d1", "timeout": "500ms" },
    { "id": "d3", "kind": "WithDeadlineCause", "parent": "root", "deadline": "1.5s", "cause": "x" },
    { "id": "v1", "kind": "WithValue", "parent": "root", "key": "requestID", "value": "req-42" },
    { "id": "v2", "kind": "WithValue", "parent": "v1", "key": "plain", "key_type": "string", "value": 7 },
    { "id": "v3", "kind": "WithValue", "parent": "v2", "key": "3", "key_type": "int", "value": 7.5 },
    { "id": "v4", "kind": "WithValue", "parent": "v3", "key": "anykey", "key_type": "any", "value": true },
    { "id": "v5", "kind": "WithValue", "parent": "v4", "key": "u", "key_type": "userKey", "value": null },
    { "id": "v6", "kind": "WithValue", "parent": "v5", "key": "1", "key_type": "byte", "value": "x" },
    { "id": "w", "kind": "WithoutCancel", "parent": "v6" }
  ],
  "tasks": [
    { "id": "t", "context": "w", "steps": [
      { "spawn": { "id": "inner", "steps": [
        { "derive": { "id": "tv", "kind": "WithValue", "key": "k", "value": "v" } },
        { "work": "1s" } ] } },
      { "work": "1s" } ] }
  ]
})";

struct Run {
    Scenario scenario;
    SimulationResult result;
    Run() {
        LoadResult loaded = parseScenario(kTree);
        REQUIRE(loaded.problems.empty());
        scenario = *loaded.scenario;
        result = simulate(scenario);
    }
    std::string name(const char* id, Nanos now) const {
        const auto c = result.findContext(id);
        REQUIRE(c.has_value());
        return goContextName(scenario, result, *c, now);
    }
};

} // namespace

TEST_CASE("R18 R44: roots, WithCancel, WithCancelCause and WithoutCancel names", "[R18][R44][names]") {
    const Run run;
    CHECK(run.name("root", 0) == "context.Background");
    CHECK(run.name("c1", 0) == "context.Background.WithCancel");
    CHECK(run.name("c2", 0) == "context.Background.WithCancel.WithCancel"); // the Cause variant prints the same
    CHECK(run.name("w", 0).ends_with(".WithValue(uint8, x).WithoutCancel"));
}

TEST_CASE("R34: a deadline name holds the synctest time and what is left at the moment asked", "[R34][names]") {
    const Run run;
    // go1.26, at 50ms in a synctest bubble: WithTimeout(bg, 200ms), WithDeadlineCause(bg, now+1.5s)
    CHECK(run.name("d1", 50 * kMillisecond) == "context.Background.WithDeadline(2000-01-01 00:00:00.2 +0000 UTC [150ms])");
    CHECK(run.name("d3", 50 * kMillisecond) == "context.Background.WithDeadline(2000-01-01 00:00:01.5 +0000 UTC [1.45s])");
    // ... and at 350ms, past it
    CHECK(run.name("d1", 350 * kMillisecond) == "context.Background.WithDeadline(2000-01-01 00:00:00.2 +0000 UTC [-150ms])");
}

TEST_CASE("R27 R34: a deadline later than the parent's prints as WithCancel", "[R27][R34][names]") {
    const Run run;
    CHECK(run.name("d2", 50 * kMillisecond) == "context.Background.WithDeadline(2000-01-01 00:00:00.2 +0000 UTC [150ms]).WithCancel");
}

TEST_CASE("R40: WithValue names show strings as themselves and other keys and values by type", "[R40][names]") {
    const Run run;
    const std::string v1 = "context.Background.WithValue(main.ctxKey, req-42)";
    CHECK(run.name("v1", 0) == v1);
    CHECK(run.name("v2", 0) == v1 + ".WithValue(plain, int)");
    CHECK(run.name("v3", 0) == v1 + ".WithValue(plain, int).WithValue(int, float64)");
    CHECK(run.name("v4", 0) == v1 + ".WithValue(plain, int).WithValue(int, float64).WithValue(anykey, bool)");
    CHECK(run.name("v5", 0).ends_with(".WithValue(anykey, bool).WithValue(main.userKey, <nil>)"));
    CHECK(run.name("v6", 0).ends_with(".WithValue(main.userKey, <nil>).WithValue(uint8, x)"));
}

TEST_CASE("R40: a context a spawned task derives is named through its spec in the steps", "[R40][names]") {
    const Run run;
    CHECK(run.name("tv", 10 * kMillisecond) == run.name("w", 0) + ".WithValue(main.ctxKey, v)");
}

TEST_CASE("Go's time.Time.String of the synctest clock trims the fraction and rolls over days", "[R34][names]") {
    CHECK(goTimeString(0) == "2000-01-01 00:00:00 +0000 UTC");
    CHECK(goTimeString(1500 * kMillisecond) == "2000-01-01 00:00:01.5 +0000 UTC");
    CHECK(goTimeString(1) == "2000-01-01 00:00:00.000000001 +0000 UTC");
    CHECK(goTimeString(25 * kHour + 61 * kSecond) == "2000-01-02 01:01:01 +0000 UTC");
    CHECK(goTimeString(60 * 24 * kHour) == "2000-03-01 00:00:00 +0000 UTC"); // 2000 is a leap year
}
