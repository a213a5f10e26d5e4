#include "ctxscope/formats/json.h"
#include "ctxscope/formats/scenario_io.h"
#include "ctxscope/formats/trace_writer.h"

#include "result_fixture.h"
#include "scenario_builder.h"

#include <catch2/catch.hpp>

#include <sstream>

using namespace ctxscope;
using ctxscope::testing::httpHandlerResult;

namespace {

std::vector<std::string> lines(const std::string& text)
{
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        out.push_back(line);
    return out;
}

} // namespace

TEST_CASE("the trace starts with the header line of trace.md", "[trace]")
{
    const auto r = httpHandlerResult();
    CHECK(traceHeaderLine(r) == R"({"ctxscope_trace":1,"scenario":"HTTP handler with a 200ms budget","seed":7})");
}

TEST_CASE("trace lines match trace.md's example byte for byte", "[trace]")
{
    const auto r = httpHandlerResult();
    const auto text = lines(traceToString(r));
    REQUIRE(text.size() == r.events.size() + 1);
    CHECK(text[1] == R"({"t_ns":0,"seq":0,"ev":"context.created","context":"root","kind":"Background"})");
    CHECK(text[2] == R"({"t_ns":0,"seq":1,"ev":"context.created","context":"req","kind":"WithTimeout","parent":"root","deadline_ns":200000000})");
    CHECK(text[3] == R"({"t_ns":0,"seq":2,"ev":"task.started","task":"handler","context":"req"})");
    CHECK(text[10] == R"({"t_ns":200000000,"seq":9,"ev":"context.canceled","context":"req","err":"context deadline exceeded","cause":"context deadline exceeded","reason":"deadline","source":"req"})");
    CHECK(text[11] == R"({"t_ns":200000000,"seq":10,"ev":"context.canceled","context":"db","err":"context deadline exceeded","cause":"context deadline exceeded","reason":"parent","source":"req"})");
    CHECK(text[12] == R"({"t_ns":200000000,"seq":11,"ev":"task.ended","task":"handler","result":"context deadline exceeded"})");
    CHECK(text[13] == R"({"t_ns":200000000,"seq":12,"ev":"end","stopped":"idle"})");
}

TEST_CASE("a derived context's line names its label and the task that derived it", "[trace]")
{
    const auto r = httpHandlerResult();
    CHECK(traceEventLine(r, 3) ==
          R"({"t_ns":0,"seq":3,"ev":"context.created","context":"db","kind":"WithCancel","parent":"req","deadline_ns":200000000,"label":"database","task":"handler"})");
}

TEST_CASE("every other event kind carries the fields of trace.md's table in order", "[trace]")
{
    auto r = httpHandlerResult();
    CHECK(traceEventLine(r, 4) ==
          R"({"t_ns":0,"seq":4,"ev":"value.lookup","task":"handler","context":"db","key":"userID","found":true,"value":"42"})");
    CHECK(traceEventLine(r, 5) == R"({"t_ns":0,"seq":5,"ev":"afterfunc.registered","after_func":"cleanup","context":"req"})");
    CHECK(traceEventLine(r, 6) ==
          R"({"t_ns":0,"seq":6,"ev":"lint","rule":"lostcancel","severity":"warning","subject":"db","message":"the cancel function of db is not used on all paths"})");
    CHECK(traceEventLine(r, 7) == R"({"t_ns":50000000,"seq":7,"ev":"log","task":"handler","text":"querying"})");
    CHECK(traceEventLine(r, 8) ==
          R"({"t_ns":100000000,"seq":8,"ev":"afterfunc.stop","after_func":"cleanup","by":"handler","stopped":true})");

    SECTION("afterfunc.started names only the after-func")
    {
        r.events.push_back(testing::makeEvent(300, EventKind::AfterFuncStarted, 0));
        CHECK(traceEventLine(r, 13) == R"({"t_ns":300,"seq":13,"ev":"afterfunc.started","after_func":"cleanup"})");
    }
    SECTION("a spawned task's start names the spawner in by")
    {
        r.events.push_back(testing::makeEvent(300, EventKind::TaskStarted, 1, 0, 0));
        CHECK(traceEventLine(r, 13) == R"({"t_ns":300,"seq":13,"ev":"task.started","task":"cleanup","context":"root","by":"handler"})");
    }
    SECTION("the end line says horizon when the run hit until")
    {
        r.events.back().flag = true;
        CHECK(traceEventLine(r, 12) == R"({"t_ns":200000000,"seq":12,"ev":"end","stopped":"horizon"})");
    }
}

TEST_CASE("cancel.called says user for an action and gives the cause only when there is one", "[trace]")
{
    auto r = httpHandlerResult();
    const StrId cause = testing::addString(r, "client went away");
    r.events.push_back(testing::makeEvent(1, EventKind::CancelCalled, 1));
    r.events.back().flag = true;
    r.events.push_back(testing::makeEvent(2, EventKind::CancelCalled, 2, kNone, 0, cause));
    CHECK(traceEventLine(r, 13) == R"({"t_ns":1,"seq":13,"ev":"cancel.called","context":"req","by":"user","effective":true})");
    CHECK(traceEventLine(r, 14) ==
          R"({"t_ns":2,"seq":14,"ev":"cancel.called","context":"db","by":"handler","cause":"client went away","effective":false})");
}

TEST_CASE("a looked-up value keeps its JSON type and exact number text", "[trace]")
{
    auto r = httpHandlerResult();
    auto lookupLine = [&](Scalar value, bool found) {
        r.lookups[0].value = std::move(value);
        r.lookups[0].found = found;
        return traceEventLine(r, 4);
    };
    CHECK_THAT(lookupLine(Scalar::number("7.50"), true), Catch::EndsWith(R"("found":true,"value":7.50})"));
    CHECK_THAT(lookupLine(Scalar::number("-3e2"), true), Catch::EndsWith(R"("found":true,"value":-3e2})"));
    CHECK_THAT(lookupLine(Scalar::boolean(false), true), Catch::EndsWith(R"("found":true,"value":false})"));
    CHECK_THAT(lookupLine(Scalar::null(), true), Catch::EndsWith(R"("found":true,"value":null})"));
    CHECK_THAT(lookupLine(Scalar::string("7"), true), Catch::EndsWith(R"("found":true,"value":"7"})"));
    CHECK_THAT(lookupLine(Scalar::string("7"), false), Catch::EndsWith(R"("found":false})"));
}

TEST_CASE("every trace line is a JSON object whose seq is its index", "[trace]")
{
    auto r = httpHandlerResult();
    r.scenarioName = "quote \" backslash \\ newline \n tab \t bell \x07 µs";
    const auto text = lines(traceToString(r));
    REQUIRE(text.size() == r.events.size() + 1);
    auto header = json::parse(text[0]);
    REQUIRE(header.ok());
    CHECK(header.value->find("scenario")->text == r.scenarioName);
    for (std::size_t i = 1; i < text.size(); ++i) {
        auto line = json::parse(text[i]);
        INFO(text[i]);
        REQUIRE(line.ok());
        CHECK(line.value->find("seq")->text == std::to_string(i - 1));
        CHECK(line.value->find("ev")->text == traceEventName(r.events[i - 1].kind));
    }
}

TEST_CASE("the trace is deterministic and the same through a string or a stream", "[trace]")
{
    const auto r = httpHandlerResult();
    const std::string a = traceToString(r);
    std::ostringstream stream;
    writeTrace(stream, r);
    CHECK(a == traceToString(httpHandlerResult()));
    CHECK(stream.str() == a);
    CHECK(a.back() == '\n');
}

TEST_CASE("events that point at missing table entries do not crash the writer", "[trace]")
{
    auto r = httpHandlerResult();
    r.events.push_back(testing::makeEvent(5, EventKind::ContextCanceled, 99, 77, kNone, 1234));
    r.events.push_back(testing::makeEvent(5, EventKind::ValueLookup, 99, 42));
    r.events.push_back(testing::makeEvent(5, EventKind::Lint, kNone, 42));
    const auto text = lines(traceToString(r));
    for (const auto& line : text)
        CHECK(json::parse(line).ok());
    CHECK(traceEventLine(r, 10'000) == "{}");
}

TEST_CASE("the trace of a simulated run follows trace.md's example", "[trace][simulate]")
{
    auto loaded = parseScenario(R"({"ctxscope": 1, "name": "HTTP handler with a 200ms budget", "seed": 7,
        "contexts": [{"id": "root", "kind": "Background"},
                     {"id": "req", "kind": "WithTimeout", "parent": "root", "timeout": "200ms"}],
        "tasks": [{"id": "handler", "context": "req", "steps": [{"work": "1s"}]}]})");
    REQUIRE(loaded.scenario);
    const auto r = simulate(*loaded.scenario);
    const auto text = lines(traceToString(r));
    CHECK(text == std::vector<std::string>{
        R"({"ctxscope_trace":1,"scenario":"HTTP handler with a 200ms budget","seed":7})",
        R"({"t_ns":0,"seq":0,"ev":"context.created","context":"root","kind":"Background"})",
        R"({"t_ns":0,"seq":1,"ev":"context.created","context":"req","kind":"WithTimeout","parent":"root","deadline_ns":200000000})",
        R"({"t_ns":0,"seq":2,"ev":"task.started","task":"handler","context":"req"})",
        R"({"t_ns":200000000,"seq":3,"ev":"context.canceled","context":"req","err":"context deadline exceeded","cause":"context deadline exceeded","reason":"deadline","source":"req"})",
        R"({"t_ns":200000000,"seq":4,"ev":"task.ended","task":"handler","result":"context deadline exceeded"})",
        R"({"t_ns":200000000,"seq":5,"ev":"end","stopped":"idle"})",
    });
    CHECK(traceToString(simulate(*loaded.scenario)) == traceToString(r));
}

TEST_CASE("a streamed trace comes in chunks that add up to the string, for a run too big for one chunk", "[trace]")
{
    // 3,000 contexts make about 6,000 lines, several 64 KiB chunks.
    Scenario s;
    s.contexts.push_back(ctxscope::test::ctx("root", ContextKind::Background));
    for (int i = 0; i < 3000; ++i)
        s.contexts.push_back(ctxscope::test::timeoutCtx("c" + std::to_string(i), "root", (i + 1) * kMillisecond));
    const SimulationResult r = simulate(s);
    std::string pieces;
    int chunks = 0;
    writeTrace([&](std::string_view chunk) { pieces += chunk; ++chunks; }, r);
    CHECK(pieces == traceToString(r));
    CHECK(chunks > 1);
    // A small one is one chunk, the same text.
    const auto small = httpHandlerResult();
    std::string one;
    writeTrace([&](std::string_view chunk) { one += chunk; }, small);
    CHECK(one == traceToString(small));
}
