#include "ctxscope/formats/json.h"
#include "ctxscope/formats/report.h"
#include "ctxscope/formats/scenario_io.h"

#include "result_fixture.h"

#include <catch2/catch.hpp>

#include <sstream>

using namespace ctxscope;
using ctxscope::testing::httpHandlerResult;

namespace {

json::Value parsedReport(const SimulationResult& r, const ExpectationReport& e = {})
{
    auto parsed = json::parse(reportToString(r, e));
    REQUIRE(parsed.ok());
    return *parsed.value;
}

std::vector<std::string> keys(const json::Value& object)
{
    std::vector<std::string> out;
    for (const auto& m : object.members)
        out.push_back(m.key);
    return out;
}

// A compact rendering of a value, to compare whole objects against trace.md's text.
std::string compact(const json::Value* v)
{
    REQUIRE(v != nullptr);
    return json::write(*v, json::Style::Compact);
}

} // namespace

TEST_CASE("the report has trace.md's top-level keys in order", "[report]")
{
    const auto report = parsedReport(httpHandlerResult());
    CHECK(keys(report) == std::vector<std::string>{"ctxscope_report", "scenario", "end_ns", "stopped", "contexts",
                                                   "tasks", "after_funcs", "lookups", "lints", "expect"});
    CHECK(report.find("ctxscope_report")->text == "1");
    CHECK(report.find("scenario")->text == "HTTP handler with a 200ms budget");
    CHECK(report.find("end_ns")->text == "200000000");
    CHECK(report.find("stopped")->text == "idle");
}

TEST_CASE("report contexts match trace.md's example, nulls included", "[report]")
{
    const auto report = parsedReport(httpHandlerResult());
    const auto* contexts = report.find("contexts");
    REQUIRE(contexts);
    CHECK(keys(*contexts) == std::vector<std::string>{"root", "req", "db"});
    CHECK(compact(contexts->find("root")) ==
          R"({"kind":"Background","parent":null,"created_ns":0,"deadline_ns":null,"done_ns":null,"err":null,"cause":null,"reason":null,"source":null})");
    CHECK(compact(contexts->find("req")) ==
          R"({"kind":"WithTimeout","parent":"root","created_ns":0,"deadline_ns":200000000,"done_ns":200000000,"err":"context deadline exceeded","cause":"context deadline exceeded","reason":"deadline","source":"req"})");
    CHECK(compact(contexts->find("db")) ==
          R"({"kind":"WithCancel","parent":"req","created_ns":0,"deadline_ns":200000000,"done_ns":200000000,"err":"context deadline exceeded","cause":"context deadline exceeded","reason":"parent","source":"req"})");
}

TEST_CASE("a context that was declared but never created has null times", "[report]")
{
    auto r = httpHandlerResult();
    r.contexts[2].createdAt = kNever;
    r.contexts[2].deadline = kNoDeadline;
    r.contexts[2].deadlineFrom = kNone;
    r.contexts[2].err = Err::None;
    r.contexts[2].cause = kNone;
    r.contexts[2].reason = Reason::None;
    r.contexts[2].source = kNone;
    r.contexts[2].doneAt = kNever;
    const auto report = parsedReport(r);
    CHECK(compact(report.find("contexts")->find("db")) ==
          R"({"kind":"WithCancel","parent":"req","created_ns":null,"deadline_ns":null,"done_ns":null,"err":null,"cause":null,"reason":null,"source":null})");
}

TEST_CASE("report tasks include an after-func's call under its id", "[report]")
{
    auto r = httpHandlerResult();
    const auto report = parsedReport(r);
    const auto* tasks = report.find("tasks");
    REQUIRE(tasks);
    CHECK(compact(tasks->find("handler")) ==
          R"({"context":"req","started_ns":0,"ended_ns":200000000,"result":"context deadline exceeded"})");
    CHECK(compact(tasks->find("cleanup")) == R"({"context":null,"started_ns":null,"ended_ns":null,"result":null})");

    SECTION("a task cut off by the horizon reports running")
    {
        r.tasks[0].endedAt = kNever;
        r.tasks[0].state = TaskResultKind::Running;
        r.tasks[0].result = "running";
        CHECK(compact(parsedReport(r).find("tasks")->find("handler")) ==
              R"({"context":"req","started_ns":0,"ended_ns":null,"result":"running"})");
    }
}

TEST_CASE("report after-funcs give started_ns and what the last stop returned", "[report]")
{
    auto r = httpHandlerResult();
    CHECK(compact(parsedReport(r).find("after_funcs")->find("cleanup")) ==
          R"({"context":"req","registered_ns":0,"started_ns":null,"stopped":true})");
    r.afterFuncs[0].stopped.reset();
    r.afterFuncs[0].startedAt = 200 * kMillisecond;
    CHECK(compact(parsedReport(r).find("after_funcs")->find("cleanup")) ==
          R"({"context":"req","registered_ns":0,"started_ns":200000000,"stopped":null})");
}

TEST_CASE("report lookups and lints are lists in run order with typed values", "[report]")
{
    auto r = httpHandlerResult();
    Lookup second = r.lookups[0];
    second.t = 5;
    second.value = Scalar::number("42");
    Lookup missing = r.lookups[0];
    missing.found = false;
    missing.value = Scalar::null();
    missing.key = "traceID";
    r.lookups.push_back(second);
    r.lookups.push_back(missing);
    const auto report = parsedReport(r);
    CHECK(compact(report.find("lookups")) ==
          R"([{"task":"handler","t_ns":0,"context":"db","key":"userID","found":true,"value":"42"},)"
          R"({"task":"handler","t_ns":5,"context":"db","key":"userID","found":true,"value":42},)"
          R"({"task":"handler","t_ns":0,"context":"db","key":"traceID","found":false,"value":null}])");
    CHECK(compact(report.find("lints")) ==
          R"([{"rule":"lostcancel","severity":"warning","subject":"db","t_ns":0,"message":"the cancel function of db is not used on all paths"}])");
}

TEST_CASE("report expect block counts passes and lists failure messages", "[report]")
{
    ExpectationReport e;
    e.passed = 3;
    e.failed = 1;
    ExpectationOutcome failed;
    failed.failures = {"expect[3]: task handler: result: want \"ok\", got \"context canceled\""};
    e.outcomes.push_back(failed);
    CHECK(compact(parsedReport(httpHandlerResult(), e).find("expect")) ==
          R"({"passed":3,"failed":["expect[3]: task handler: result: want \"ok\", got \"context canceled\""]})");
    CHECK(compact(parsedReport(httpHandlerResult()).find("expect")) == R"({"passed":0,"failed":[]})");
}

TEST_CASE("the report is pretty-printed with a 2-space indent and ends in a newline", "[report]")
{
    const std::string text = reportToString(httpHandlerResult(), {});
    CHECK_THAT(text, Catch::StartsWith("{\n  \"ctxscope_report\": 1,\n  \"scenario\": "));
    CHECK_THAT(text, Catch::Contains("\n    \"root\": {\n      \"kind\": \"Background\",\n"));
    CHECK(text.back() == '\n');
    std::ostringstream stream;
    writeReport(stream, httpHandlerResult(), {});
    CHECK(stream.str() == text);
    CHECK(reportToString(httpHandlerResult(), {}) == text);
}

TEST_CASE("the report streamed in chunks has the same bytes as reportToString", "[report]")
{
    const SimulationResult r = httpHandlerResult();
    const std::string text = reportToString(r, {});
    std::string streamed;
    std::size_t chunks = 0;
    writeReport([&](std::string_view chunk) { streamed += chunk; ++chunks; }, r, {}, ExerciseReportPart{});
    CHECK(streamed == text);
    CHECK(chunks >= 2); // the body, then the final newline

    // A writer with a small chunk size hands over many pieces, and they add up to the same text.
    json::Writer small(json::Style::Pretty);
    std::string pieces;
    std::size_t count = 0;
    small.setSink([&](std::string_view chunk) { pieces += chunk; ++count; }, 16);
    json::Writer whole(json::Style::Pretty);
    for (json::Writer* w : {&small, &whole}) {
        w->beginObject().key("a").beginArray();
        for (int i = 0; i < 50; ++i)
            w->beginObject().key("n").integer(i).key("s").string("x").endObject();
        w->endArray().endObject();
    }
    small.flush();
    CHECK(pieces == whole.text());
    CHECK(count > 10);
}

TEST_CASE("the report of a simulated run has every context, task and after-func call", "[report][simulate]")
{
    auto loaded = parseScenario(R"({"ctxscope": 1, "name": "cleanup",
        "contexts": [{"id": "root", "kind": "Background"}, {"id": "c", "kind": "WithCancel", "parent": "root"}],
        "after_funcs": [{"id": "cleanup", "context": "c", "steps": [{"work": "5ms"}]}],
        "actions": [{"at": "30ms", "cancel": "c"}]})");
    REQUIRE(loaded.scenario);
    const auto r = simulate(*loaded.scenario);
    const auto report = parsedReport(r, checkExpectations(*loaded.scenario, r));
    CHECK(keys(*report.find("contexts")) == std::vector<std::string>{"root", "c"});
    CHECK(compact(report.find("contexts")->find("c")) ==
          R"({"kind":"WithCancel","parent":"root","created_ns":0,"deadline_ns":null,"done_ns":30000000,"err":"context canceled","cause":"context canceled","reason":"cancel","source":"c"})");
    CHECK(compact(report.find("after_funcs")->find("cleanup")) ==
          R"({"context":"c","registered_ns":0,"started_ns":30000000,"stopped":null})");
    const auto* call = report.find("tasks")->find("cleanup");
    REQUIRE(call);
    CHECK(call->find("started_ns")->text == "30000000");
    CHECK(call->find("ended_ns")->text == "35000000");
    CHECK(call->find("result")->text == "ok");
    CHECK(report.find("end_ns")->text == "35000000");
}

TEST_CASE("the report's bytes are json::Writer's pretty layout of its own content", "[report][simulate]")
{
    // The contexts section is rendered by hand (report.cpp's ContextMember); reading the report
    // and writing it again with the writer must give the same bytes, escapes included.
    auto check = [](const SimulationResult& r) {
        const std::string text = reportToString(r, {});
        const auto parsed = json::parse(text);
        REQUIRE(parsed.ok());
        CHECK(json::write(*parsed.value, json::Style::Pretty) + "\n" == text);
    };
    check(httpHandlerResult());
    check(SimulationResult{}); // no contexts at all: "contexts": {}
    auto loaded = parseScenario(R"({"ctxscope": 1, "name": "quotes \" and \u00e9",
        "contexts": [{"id": "root", "kind": "Background"},
                     {"id": "c.1", "kind": "WithCancelCause", "parent": "root"},
                     {"id": "t_2", "kind": "WithDeadlineCause", "parent": "c.1", "deadline": "5ms",
                      "cause": "tab\there, \"quoted\", \u00e9 and \\ too"},
                     {"id": "v", "kind": "WithValue", "parent": "t_2", "key": "k", "value": 7.50}],
        "tasks": [{"id": "w", "context": "t_2", "steps": [
            {"derive": {"id": "late", "kind": "WithTimeout", "timeout": "1s"}}, {"work": "1h"}]},
                  {"id": "x", "context": "v", "at": "1ms", "steps": [{"derive": {"id": "never", "kind": "WithCancel"}}]}],
        "actions": [{"at": "2ms", "cancel": "c.1", "cause": "line\nbreak"}]})");
    REQUIRE(loaded.scenario);
    check(simulate(*loaded.scenario));
}
