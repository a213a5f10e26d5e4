// The Go export without a Go toolchain: what the generated module must contain and what the
// race analysis must leave out. tests/go runs the same modules with real Go (gofmt, vet, test).
#include "ctxscope/go_export/go_export.h"
#include "go_verify.h"
#include "scenario_builder.h"

#include <catch2/catch.hpp>

using namespace ctxscope;
using namespace ctxscope::test;

namespace {

const GoFile& file(const GoExport& g, const std::string& path)
{
    for (const GoFile& f : g.files)
        if (f.path == path)
            return f;
    FAIL("no file " << path);
    throw std::logic_error("unreachable");
}

std::string lineAt(const std::string& text, int line)
{
    std::size_t pos = 0;
    for (int i = 1; i < line; ++i)
        pos = text.find('\n', pos) + 1;
    return text.substr(pos, text.find('\n', pos) - pos);
}

Scenario handler()
{
    Scenario s = scenario({ctx("root", ContextKind::Background), timeoutCtx("req", "root", ms(200))});
    s.name = "HTTP handler";
    s.tasks.push_back(task("handler", "req",
                           {derive(timeoutCtx("db", "", ms(80))), spawn("query", {work(ms(120))}), valueStep("userID"),
                            awaitChildren(), work(ms(10))}));
    return s;
}

} // namespace

TEST_CASE("The Go export names the oldest Go release whose context package the scenario needs")
{
    Scenario s = handler();
    CHECK(minimumGoVersion(s) == "1.19");
    s.contexts.push_back(ctx("cc", ContextKind::WithCancelCause, "root"));
    CHECK(minimumGoVersion(s) == "1.20");
    s.tasks[0].steps.push_back(afterFuncStep("cleanup"));
    CHECK(minimumGoVersion(s) == "1.21");

    const GoExport withTest = exportGo(s, simulate(s));
    CHECK(withTest.goDirective == "1.25");
    CHECK(withTest.programGoVersion == "1.21");
    CHECK(file(withTest, "go.mod").text.find("\ngo 1.25\n") != std::string::npos);
    CHECK(file(withTest, "go.mod").text.find("Go 1.21 or newer (context.AfterFunc)") != std::string::npos);

    GoExportOptions noTest;
    noTest.withTest = false;
    const GoExport plain = exportGo(s, simulate(s), noTest);
    CHECK(plain.files.size() == 2);
    CHECK(file(plain, "go.mod").text.find("\ngo 1.21\n") != std::string::npos);
}

TEST_CASE("The Go export writes a task as a Go programmer would")
{
    const Scenario s = handler();
    const std::string main = file(exportGo(s, simulate(s)), "main.go").text;
    CHECK(main.find("func handler(ctx context.Context) error {") != std::string::npos);
    CHECK(main.find("\tctx, cancel := context.WithTimeout(ctx, 80*time.Millisecond)\n\tdefer cancel()\n") !=
          std::string::npos);
    CHECK(main.find("\tselect {\n\tcase <-time.After(120 * time.Millisecond):\n\tcase <-ctx.Done():\n\t\treturn "
                    "ctx.Err()\n\t}\n") != std::string::npos);
    CHECK(main.find("ctx.Value(ctxKey(\"userID\"))") != std::string::npos);
    CHECK(main.find("type ctxKey string") != std::string::npos);
    CHECK(main.find("\twg.Wait()\n") != std::string::npos);
    CHECK(main.find("req, cancelReq := context.WithTimeout(root, 200*time.Millisecond)") != std::string::npos);
    // gofmt basics: tabs for indentation, no trailing blanks, a final newline.
    for (const GoFile& f : exportGo(s, simulate(s)).files) {
        INFO(f.path);
        CHECK(f.text.back() == '\n');
        CHECK(f.text.find(" \n") == std::string::npos);
        CHECK(f.text.find("\n    ") == std::string::npos);
    }
}

TEST_CASE("A cancel function that is never called nor deferred is discarded where go vet sees it")
{
    Scenario s = scenario({ctx("root", ContextKind::Background)});
    s.tasks.push_back(task("h", "root", {derive(timeoutCtx("db", "", kSecond), false), work(ms(10))}));
    const GoExport g = exportGo(s, simulate(s));
    REQUIRE(g.discardedCancels.size() == 1);
    CHECK(g.discardedCancels[0].context == "db");
    CHECK(lineAt(file(g, "main.go").text, g.discardedCancels[0].line) ==
          "\tctx, _ = context.WithTimeout(ctx, time.Second)");
    CHECK(g.mayReportLostCancel);

    // Called later by the same task: kept in a variable and called, nothing discarded.
    s.tasks[0].steps.push_back(cancelStep("db"));
    const GoExport called = exportGo(s, simulate(s));
    CHECK(called.discardedCancels.empty());
    CHECK(file(called, "main.go").text.find("\tcancel()\n") != std::string::npos);
}

TEST_CASE("Facts that hang on two timers due at one instant are compared against their race sets")
{
    // The work step's time.After and the context's deadline both fire at 100ms: Go may pick
    // either select case, so the task's result may be either; its context's facts are certain.
    Scenario s = scenario({ctx("root", ContextKind::Background), timeoutCtx("c", "root", ms(100))});
    s.tasks.push_back(task("t", "c", {work(ms(100))}));
    const GoExport tie = exportGo(s, simulate(s));
    CHECK(tie.factsLeftToRaces == 0); // nothing skipped: the exploration was complete
    CHECK(tie.factsRaced == 1);
    const std::string test = file(tie, "scenario_test.go").text;
    const auto taskLine = test.find("{id: \"t\", started: 0, ended: 100000000");
    REQUIRE(taskLine != std::string::npos);
    CHECK(test.substr(taskLine, test.find('\n', taskLine) - taskLine)
              .find("races: map[string][]any{\"result\": {\"ok\"}}") != std::string::npos);
    const auto ctxLine = test.find("{id: \"c\",");
    REQUIRE(ctxLine != std::string::npos);
    CHECK(test.substr(ctxLine, test.find('\n', ctxLine) - ctxLine).find("races") == std::string::npos);
    CHECK(test.substr(ctxLine, test.find('\n', ctxLine) - ctxLine).find("skip") == std::string::npos);

    s.tasks[0].steps[0].duration = ms(90); // no tie any more
    const GoExport none = exportGo(s, simulate(s));
    CHECK(none.factsLeftToRaces == 0);
    CHECK(none.factsRaced == 0);
}

TEST_CASE("The Go export tells a -1ns deadline from no deadline")
{
    // A WithTimeout of -6ms made at 5ms has the deadline -1ns: Go's Deadline() reports it. The
    // test embeds it as int64(-1), and "no deadline" as nothing (nil), never as -1.
    Scenario s = scenario({ctx("root", ContextKind::Background), timeoutCtx("c", "root", -ms(5) - 1, ms(5))});
    const std::string test = file(exportGo(s, simulate(s)), "scenario_test.go").text;
    CHECK(test.find("{id: \"c\", created: 5000000, deadline: int64(-1), done: 5000000,") != std::string::npos);
    CHECK(test.find("{id: \"root\", created: 0, done: -1,") != std::string::npos);
}

TEST_CASE("run() lasts until the latest outcome's end")
{
    // The poller's check at 50ms races with the 50ms deadline: it ends at 50ms or at 60ms. The
    // documented order ends at 50ms; the Go run must go on to 60ms to see the other outcome.
    Scenario s = scenario({ctx("root", ContextKind::Background), timeoutCtx("budget", "root", ms(50))});
    s.tasks.push_back(task("poller", "budget", {work(ms(100), Watch::Poll, ms(10))}));
    const SimulationResult r = simulate(s);
    REQUIRE(r.endTime == ms(50));
    const std::string main = file(exportGo(s, r), "main.go").text;
    CHECK(main.find("trace.sleepUntil(60 * time.Millisecond)") != std::string::npos);
}

TEST_CASE("The Go export embeds the simulator's outcome in the test")
{
    const Scenario s = handler();
    const std::string test = file(exportGo(s, simulate(s)), "scenario_test.go").text;
    CHECK(test.find("{id: \"db\", created: 0, deadline: int64(80000000), done: 80000000, err: \"context deadline "
                    "exceeded\", cause: \"context deadline exceeded\", reason: \"deadline\", name: "
                    "\"context.Background.WithDeadline(2000-01-01 00:00:00.2 +0000 UTC [200ms])"
                    ".WithDeadline(2000-01-01 00:00:00.08 +0000 UTC [80ms])\"},") != std::string::npos);
    CHECK(test.find("{id: \"query\", started: 0, ended: 80000000, result: \"context deadline exceeded\"},") !=
          std::string::npos);
    CHECK(test.find("{task: \"handler\", key: \"userID\"},") != std::string::npos); // not found: no value
    CHECK(test.find("synctest.Test(t, func(*testing.T) {") != std::string::npos);
}

TEST_CASE("The Go export is deterministic")
{
    const Scenario s = handler();
    const GoExport a = exportGo(s, simulate(s)), b = exportGo(s, simulate(s));
    REQUIRE(a.files.size() == b.files.size());
    for (std::size_t i = 0; i < a.files.size(); ++i)
        CHECK(a.files[i].text == b.files[i].text);
}

TEST_CASE("verify reads the go test's difference lines and the go version")
{
    int compared = 0;
    const auto diffs = parseGoTestDifferences(
        "=== RUN   TestScenario\nctxscope-diff: context db: err: simulator \"context canceled\", go \"context deadline "
        "exceeded\"\n    scenario_test.go:9: context db: err: ...\nctxscope-compared: 12 facts, 1 left to Go's "
        "scheduler\n--- FAIL: TestScenario\n",
        &compared);
    REQUIRE(diffs.size() == 1);
    CHECK(diffs[0] == "context db: err: simulator \"context canceled\", go \"context deadline exceeded\"");
    CHECK(compared == 12);
    CHECK(parseGoTestDifferences("ok\n", &compared).empty());
    CHECK(compared == -1);
    CHECK(parseGoVersion("go version go1.26.8 linux/amd64\n") == std::make_pair(1, 26));
    CHECK(parseGoVersion("go version go1.19.8 linux/amd64") == std::make_pair(1, 19));
    CHECK(parseGoVersion("bash: go: command not found") == std::make_pair(0, 0));
}

TEST_CASE("verify without a Go toolchain says which version it needs")
{
    GoVerifyOptions o;
    o.goBinary = "/nonexistent/ctxscope-test/go";
    const GoVerifyResult r = verifyWithGo(handler(), o);
    CHECK_FALSE(r.ok);
    CHECK(r.goVersionProblem.find("Go 1.25 or newer") != std::string::npos);
}

TEST_CASE("Steps after the function returned declare nothing Go would find unused (found by the random tests)")
{
    // After `await: done` the function returns: a spawn or a stop() after it is not written, so
    // neither a WaitGroup nor the stop variable may be declared for them.
    Scenario s = scenario({ctx("root", ContextKind::Background), ctx("c", ContextKind::WithCancel, "root")});
    s.tasks.push_back(task("t", "c", {afterFuncStep("f", {logStep("cleanup")}), awaitDone(), stopAfterFuncStep("f"),
                                      spawn("k", {logStep("never")})}));
    s.actions.push_back(cancelAt(ms(10), "c"));
    const std::string main = file(exportGo(s, simulate(s)), "main.go").text;
    CHECK(main.find("var wg sync.WaitGroup") == std::string::npos);
    CHECK(main.find("stop := context.AfterFunc") == std::string::npos);
    CHECK(main.find("// The remaining steps never run.") != std::string::npos);
}
