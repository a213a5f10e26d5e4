#include "ctxscope/formats/expectations.h"
#include "ctxscope/formats/scenario_io.h"

#include "result_fixture.h"

#include <catch2/catch.hpp>

using namespace ctxscope;
using ctxscope::testing::httpHandlerResult;

namespace {

using Fields = std::vector<std::pair<std::string, Scalar>>;

Expectation entry(Expectation::Kind kind, std::string subject, Fields fields = {}, std::string task = {})
{
    Expectation e;
    e.kind = kind;
    e.subject = std::move(subject);
    e.task = std::move(task);
    e.fields = std::move(fields);
    return e;
}

Scalar str(const char* s) { return Scalar::string(s); }

ExpectationOutcome check(const Expectation& e, std::size_t index = 0)
{
    return checkExpectation(e, index, httpHandlerResult());
}

} // namespace

TEST_CASE("a context expectation passes when every named field matches", "[expect]")
{
    auto o = check(entry(Expectation::Kind::Context, "req",
                         {{"err", str("context deadline exceeded")}, {"cause", str("context deadline exceeded")},
                          {"reason", str("deadline")}, {"source", str("req")}, {"done_at", str("200ms")},
                          {"deadline", str("0.2s")}, {"created_at", str("0")}}));
    CHECK(o.passed);
    CHECK(o.failures.empty());
    CHECK(o.title == "context req");
}

TEST_CASE("a failed context field says what was wanted and what happened", "[expect]")
{
    auto o = check(entry(Expectation::Kind::Context, "req", {{"err", str("context canceled")}}), 2);
    CHECK_FALSE(o.passed);
    REQUIRE(o.failures.size() == 1);
    CHECK(o.failures[0] == R"(expect[2]: context req: err: want "context canceled", got "context deadline exceeded")");
}

TEST_CASE("times compare as nanoseconds and show as Go durations", "[expect]")
{
    CHECK(check(entry(Expectation::Kind::Context, "req", {{"done_at", str("200000us")}})).passed);
    auto o = check(entry(Expectation::Kind::Context, "req", {{"done_at", str("1.5s")}}));
    REQUIRE(o.failures.size() == 1);
    CHECK(o.failures[0] == "expect[0]: context req: done_at: want 1.5s, got 200ms");
}

TEST_CASE("null means never for times and nil for err and cause", "[expect]")
{
    CHECK(check(entry(Expectation::Kind::Context, "root",
                      {{"err", Scalar::null()}, {"cause", Scalar::null()}, {"done_at", Scalar::null()},
                       {"deadline", Scalar::null()}, {"reason", Scalar::null()}, {"source", Scalar::null()}}))
              .passed);
    auto o = check(entry(Expectation::Kind::Context, "req", {{"err", Scalar::null()}, {"done_at", Scalar::null()}}));
    REQUIRE(o.failures.size() == 2);
    CHECK(o.failures[0] == R"(expect[0]: context req: err: want nil, got "context deadline exceeded")");
    CHECK(o.failures[1] == "expect[0]: context req: done_at: want never, got 200ms");
    auto never = check(entry(Expectation::Kind::Context, "root", {{"done_at", str("1s")}}));
    REQUIRE(never.failures.size() == 1);
    CHECK(never.failures[0] == "expect[0]: context root: done_at: want 1s, got never");
}

TEST_CASE("an expectation on an id the run does not have fails", "[expect]")
{
    auto o = check(entry(Expectation::Kind::Context, "nope", {{"err", Scalar::null()}}));
    CHECK_FALSE(o.passed);
    CHECK(o.failures.at(0) == "expect[0]: context nope: no such context in the run");
    CHECK_FALSE(check(entry(Expectation::Kind::Task, "nope", {{"result", str("ok")}})).passed);
    CHECK_FALSE(check(entry(Expectation::Kind::AfterFunc, "nope", {{"ran_at", Scalar::null()}})).passed);
}

TEST_CASE("a task expectation checks result, ended_at and started_at", "[expect]")
{
    CHECK(check(entry(Expectation::Kind::Task, "handler",
                      {{"result", str("context deadline exceeded")}, {"ended_at", str("200ms")},
                       {"started_at", str("0s")}}))
              .passed);
    auto o = check(entry(Expectation::Kind::Task, "handler", {{"result", str("ok")}, {"ended_at", str("80ms")}}), 1);
    REQUIRE(o.failures.size() == 2);
    CHECK(o.failures[0] == R"(expect[1]: task handler: result: want "ok", got "context deadline exceeded")");
    CHECK(o.failures[1] == "expect[1]: task handler: ended_at: want 80ms, got 200ms");
    // The after-func's call never started: no result at all.
    CHECK(check(entry(Expectation::Kind::Task, "cleanup", {{"result", Scalar::null()}, {"ended_at", Scalar::null()}}))
              .passed);
}

TEST_CASE("an after-func expectation checks ran_at and what stop returned", "[expect]")
{
    CHECK(check(entry(Expectation::Kind::AfterFunc, "cleanup", {{"ran_at", Scalar::null()}, {"stopped", Scalar::boolean(true)}}))
              .passed);
    auto o = check(entry(Expectation::Kind::AfterFunc, "cleanup", {{"ran_at", str("200ms")}, {"stopped", Scalar::boolean(false)}}));
    REQUIRE(o.failures.size() == 2);
    CHECK(o.failures[0] == "expect[0]: after_func cleanup: ran_at: want 200ms, got never");
    CHECK(o.failures[1] == "expect[0]: after_func cleanup: stopped: want false, got true");
}

TEST_CASE("a lookup expectation uses the last lookup of that key by that task", "[expect]")
{
    auto r = httpHandlerResult();
    Lookup later = r.lookups[0];
    later.t = 10;
    later.value = Scalar::number("42");
    r.lookups.push_back(later);
    auto want = [&](Scalar value) {
        return checkExpectation(entry(Expectation::Kind::Lookup, "userID", {{"found", Scalar::boolean(true)}, {"value", value}}, "handler"), 0, r);
    };
    CHECK(want(Scalar::number("42")).passed);
    CHECK(want(Scalar::number("42.0")).passed); // numbers compare by value, as in JSON
    auto o = want(str("42"));
    REQUIRE(o.failures.size() == 1);
    CHECK(o.failures[0] == R"(expect[0]: lookup "userID" by task handler: value: want "42", got 42)");
    CHECK_FALSE(want(Scalar::boolean(true)).passed);

    auto none = checkExpectation(entry(Expectation::Kind::Lookup, "userID", {{"found", Scalar::boolean(true)}}, "other"), 4, r);
    CHECK(none.failures.at(0) == R"(expect[4]: no lookup of "userID" by task other)");

    r.lookups.back().found = false;
    r.lookups.back().value = Scalar::null();
    CHECK(checkExpectation(entry(Expectation::Kind::Lookup, "userID", {{"found", Scalar::boolean(false)}, {"value", Scalar::null()}}, "handler"), 0, r)
              .passed);
}

TEST_CASE("a lint expectation needs a finding of that rule, on that subject when given", "[expect]")
{
    CHECK(check(entry(Expectation::Kind::Lint, "lostcancel")).passed);
    CHECK(check(entry(Expectation::Kind::Lint, "lostcancel", {}, "db")).passed);
    auto wrongSubject = check(entry(Expectation::Kind::Lint, "lostcancel", {}, "req"), 5);
    CHECK(wrongSubject.failures.at(0) == "expect[5]: want lint lostcancel on req, found none; lints: [lostcancel on db]");
    CHECK_FALSE(check(entry(Expectation::Kind::Lint, "SA1029")).passed);
}

TEST_CASE("no_lints fails when any lint was found", "[expect]")
{
    auto o = check(entry(Expectation::Kind::NoLints, ""));
    CHECK(o.failures.at(0) == "expect[0]: want no lints, got [lostcancel on db]");
    auto r = httpHandlerResult();
    r.lints.clear();
    CHECK(checkExpectation(entry(Expectation::Kind::NoLints, ""), 0, r).passed);
}

TEST_CASE("stopped compares the reason the run stopped", "[expect]")
{
    CHECK(check(entry(Expectation::Kind::Stopped, "idle")).passed);
    CHECK(check(entry(Expectation::Kind::Stopped, "horizon")).failures.at(0) ==
          R"(expect[0]: stopped: want "horizon", got "idle")");
}

TEST_CASE("each outcome says from which virtual time it is decided", "[expect]")
{
    auto r = httpHandlerResult();
    r.endTime = kSecond;
    auto at = [&](const Expectation& e) { return checkExpectation(e, 0, r).decidedAt; };
    // A context's err is known when it becomes done; a deadline when it is created.
    CHECK(at(entry(Expectation::Kind::Context, "req", {{"err", str("context deadline exceeded")}})) == 200 * kMillisecond);
    CHECK(at(entry(Expectation::Kind::Context, "req", {{"deadline", str("200ms")}})) == 0);
    // "Never done" is only known when the run is over.
    CHECK(at(entry(Expectation::Kind::Context, "root", {{"err", Scalar::null()}})) == kSecond);
    CHECK(at(entry(Expectation::Kind::Task, "handler", {{"result", str("context deadline exceeded")}})) == 200 * kMillisecond);
    CHECK(at(entry(Expectation::Kind::Lint, "lostcancel")) == 0);
    CHECK(at(entry(Expectation::Kind::Stopped, "idle")) == kSecond);
    CHECK(at(entry(Expectation::Kind::AfterFunc, "cleanup", {{"stopped", Scalar::boolean(true)}})) == kSecond);
}

TEST_CASE("checkExpectations counts passes and failures over the whole list", "[expect]")
{
    Scenario s;
    s.expect = {entry(Expectation::Kind::Stopped, "idle"), entry(Expectation::Kind::NoLints, ""),
                entry(Expectation::Kind::Task, "handler", {{"ended_at", str("200ms")}})};
    auto report = checkExpectations(s, httpHandlerResult());
    CHECK(report.passed == 2);
    CHECK(report.failed == 1);
    CHECK_FALSE(report.allPassed());
    REQUIRE(report.outcomes.size() == 3);
    CHECK(report.outcomes[1].index == 1);
    CHECK(report.failureMessages() == std::vector<std::string>{"expect[1]: want no lints, got [lostcancel on db]"});
    CHECK(checkExpectations(Scenario{}, httpHandlerResult()).allPassed());
}

TEST_CASE("expectations of a simulated scenario pass or fail with readable messages", "[expect][simulate]")
{
    auto loaded = parseScenario(R"({"ctxscope": 1, "name": "degraded deadline",
        "contexts": [{"id": "root", "kind": "Background"},
                     {"id": "p", "kind": "WithTimeout", "parent": "root", "timeout": "100ms"},
                     {"id": "c", "kind": "WithTimeoutCause", "parent": "p", "timeout": "500ms", "cause": "slow"}],
        "tasks": [{"id": "h", "context": "c", "steps": [{"value": "user"}, {"work": "1s"}]}],
        "expect": [{"context": "c", "deadline": "100ms", "done_at": "100ms", "cause": "context deadline exceeded"},
                   {"context": "c", "cause": "slow", "done_at": "500ms"},
                   {"task": "h", "result": "context deadline exceeded", "ended_at": "100ms"},
                   {"lookup": "user", "task": "h", "found": false},
                   {"no_lints": true},
                   {"stopped": "idle"}]})");
    REQUIRE(loaded.scenario);
    const auto r = simulate(*loaded.scenario);
    const auto report = checkExpectations(*loaded.scenario, r);
    CHECK(report.passed == 5);
    CHECK(report.failed == 1);
    CHECK(report.failureMessages() == std::vector<std::string>{
        R"(expect[1]: context c: cause: want "slow", got "context deadline exceeded")",
        "expect[1]: context c: done_at: want 500ms, got 100ms"});
    CHECK(report.outcomes[0].decidedAt == 100 * kMillisecond);
}
