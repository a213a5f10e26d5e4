// Issue #14: the Go export's size and work grow linearly with the scenario. A deep chain's names
// are embedded whole while short, then by their own part, then not at all once Go would spend
// too long printing them; the race analysis is skipped beyond its budget. Sizes, not times.
#include "ctxscope/go_export/go_export.h"
#include "scenario_builder.h"

#include <catch2/catch.hpp>

#include <string>

using namespace ctxscope;
using namespace ctxscope::test;

namespace {

// "c12": built by appending, as GCC 12 -O2 warns falsely (-Wrestrict) on id("c", i).
std::string id(const char* prefix, int i)
{
    std::string s(prefix);
    s += std::to_string(i);
    return s;
}

const std::string& testFile(const GoExport& g)
{
    for (const GoFile& f : g.files)
        if (f.path == "scenario_test.go")
            return f.text;
    FAIL("no scenario_test.go");
    throw std::logic_error("unreachable");
}

// root <- c1 <- c2 <- ... <- c(n-1), every link a WithCancel; one task on the deepest.
Scenario chain(int n, ContextKind kind = ContextKind::WithCancel)
{
    std::vector<ContextSpec> contexts{ctx("c0", ContextKind::Background)};
    for (int i = 1; i < n; ++i) {
        ContextSpec c = ctx(id("c", i), kind, id("c", i - 1));
        if (kind == ContextKind::WithValue) {
            c.key.assign(1, 'k'); // not = "k": the same false GCC 12 warning
            c.value.type = Scalar::Type::String;
            c.value.text.assign(1, 'v');
            c.keyType = std::string("ctxKey");
        }
        contexts.push_back(c);
    }
    Scenario s = scenario(contexts);
    s.tasks.push_back(task("leaf", id("c", n - 1), {awaitDone()}));
    return s;
}

std::string lineOf(const std::string& text, const std::string& start)
{
    const auto at = text.find(start);
    if (at == std::string::npos)
        return {};
    return text.substr(at, text.find('\n', at) - at);
}

} // namespace

TEST_CASE("scenario_test.go of a chain grows linearly with its length", "[goexport][scale]")
{
    const Scenario small = chain(2000), large = chain(8000);
    const GoExport a = exportGo(small, simulate(small)), b = exportGo(large, simulate(large));
    const std::size_t sa = testFile(a).size(), sb = testFile(b).size();
    INFO("2000 contexts: " << sa << " bytes, 8000: " << sb);
    // Four times the contexts, about four times the bytes (was sixteen: names embedded whole).
    CHECK(sb < 5 * sa);
    CHECK(sb < 200 * 8000);
    for (const GoFile& f : b.files) // main.go too
        CHECK(f.text.size() < 300 * 8000);
}

TEST_CASE("A chain's names are compared whole, then by part, then left out", "[goexport][scale]")
{
    const Scenario s = chain(3000);
    const GoExport g = exportGo(s, simulate(s));
    const std::string& test = testFile(g);
    // Shallow: whole and exact.
    CHECK(lineOf(test, "{id: \"c2\",").find("name: \"context.Background.WithCancel.WithCancel\"}") != std::string::npos);
    // Deeper than 512 bytes of name: only its own part, which the test appends to its parent's name.
    CHECK(lineOf(test, "{id: \"c100\",").find("name: \".WithCancel\", part: true}") != std::string::npos);
    // Deep: not compared, and said so.
    CHECK(lineOf(test, "{id: \"c2999\",").find("deep: true}") != std::string::npos);
    CHECK(g.namesNotCompared > 2000);
    CHECK(g.namesNotCompared < 3000);
    bool noted = false;
    for (const std::string& n : g.notes)
        noted = noted || n.find(std::to_string(g.namesNotCompared) + " context names are not compared") == 0;
    CHECK(noted);
    // The test counts what it left out.
    CHECK(test.find("deep context names not compared") != std::string::npos);
}

TEST_CASE("A flat tree's names are all compared whole", "[goexport][scale]")
{
    std::vector<ContextSpec> contexts{ctx("root", ContextKind::Background)};
    for (int i = 0; i < 5000; ++i)
        contexts.push_back(timeoutCtx(id("d", i), "root", ms(100 + i)));
    const Scenario s = scenario(contexts);
    const GoExport g = exportGo(s, simulate(s));
    CHECK(g.namesNotCompared == 0);
    CHECK(testFile(g).find("part: true") == std::string::npos);
    CHECK(lineOf(testFile(g), "{id: \"d7\",").find("name: \"context.Background.WithDeadline(2000-01-01 00:00:00.107 "
                                                    "+0000 UTC [107ms])\"}") != std::string::npos);
}

TEST_CASE("A WithValue part holds its key and value; a chain of them is named by parts", "[goexport][scale]")
{
    const Scenario s = chain(200, ContextKind::WithValue);
    const std::string& test = testFile(exportGo(s, simulate(s)));
    CHECK(lineOf(test, "{id: \"c150\",").find("name: \".WithValue(main.ctxKey, v)\", part: true}") != std::string::npos);
}

TEST_CASE("The race exploration costs one run where nothing ties, and is bounded where much does", "[goexport][scale]")
{
    // 300 timers at 300 instants on a run of 20,000 contexts: no instant has two things that
    // could go either way, so the exploration is one run, complete, and nothing is skipped.
    std::vector<ContextSpec> contexts{ctx("root", ContextKind::Background)};
    for (int i = 0; i < 300; ++i)
        contexts.push_back(timeoutCtx(id("t", i), "root", ms(1 + i)));
    for (int i = 0; i < 20000; ++i)
        contexts.push_back(ctx(id("c", i), ContextKind::WithCancel, "root"));
    const Scenario s = scenario(contexts);
    const GoExport g = exportGo(s, simulate(s));
    CHECK(g.factsLeftToRaces == 0);
    CHECK(g.factsRaced == 0);
    for (const std::string& n : g.notes)
        CHECK(n.find("incomplete") == std::string::npos);
    // A small scenario with a tie gets its race set.
    Scenario tie = scenario({ctx("root", ContextKind::Background), timeoutCtx("c", "root", ms(100))});
    tie.tasks.push_back(task("t", "c", {work(ms(100))}));
    CHECK(exportGo(tie, simulate(tie)).factsRaced > 0);

    // 400 after-funcs started by one cancellation, each canceling x with its own cause, on a
    // run of 20,000 contexts: 400 outcomes, more orders than the export's work budget allows.
    // The export says so and falls back to skipping what the 1ns probes find uncertain.
    Scenario big = scenario(contexts);
    big.contexts.push_back(ctx("x", ContextKind::WithCancelCause, "root"));
    for (int i = 0; i < 400; ++i)
        big.afterFuncs.push_back(afterFunc(id("f", i), "c0", {cancelStep("x", id("by f", i))}));
    big.actions.push_back(cancelAt(ms(500), "c0"));
    const GoExport b = exportGo(big, simulate(big));
    bool noted = false;
    for (const std::string& n : b.notes)
        noted = noted || n.find("incomplete") != std::string::npos;
    CHECK(noted);
}
