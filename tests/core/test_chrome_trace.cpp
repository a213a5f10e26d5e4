// The Chrome trace is checked structurally: parsed back, then lanes, nesting, flows and
// metadata are compared with what the scenario implies (not with a stored copy of the output).
#include "ctxscope/formats/chrome_trace.h"
#include "ctxscope/formats/json.h"
#include "scenario_builder.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <limits>
#include <map>
#include <set>

using namespace ctxscope;
using namespace ctxscope::test;

namespace {

struct Parsed {
    json::Value doc;
    std::vector<const json::Value*> events;
};

Parsed parseTrace(const std::string& text)
{
    Parsed p;
    json::ParseResult r = json::parse(text);
    REQUIRE(r.ok());
    p.doc = std::move(*r.value);
    REQUIRE(p.doc.isObject());
    const json::Value* events = p.doc.find("traceEvents");
    REQUIRE(events != nullptr);
    REQUIRE(events->isArray());
    for (const json::Value& e : events->items)
        p.events.push_back(&e);
    return p;
}

std::string str(const json::Value& e, const char* key)
{
    const json::Value* v = e.find(key);
    return v && v->isString() ? v->text : std::string();
}
double num(const json::Value& e, const char* key)
{
    const json::Value* v = e.find(key);
    REQUIRE(v != nullptr);
    REQUIRE(v->isNumber());
    return std::stod(v->text);
}
long long tid(const json::Value& e) { return static_cast<long long>(num(e, "tid")); }

// Lane names in tid order, from the thread_name metadata.
std::vector<std::string> laneNames(const Parsed& p)
{
    std::map<long long, std::string> names;
    for (const json::Value* e : p.events)
        if (str(*e, "ph") == "M" && str(*e, "name") == "thread_name")
            names[tid(*e)] = e->find("args")->find("name")->text;
    std::vector<std::string> out;
    long long expected = 1;
    for (const auto& [t, n] : names) {
        CHECK(t == expected++); // tids are 1..N with no gap
        out.push_back(n);
    }
    return out;
}

// The scenario of trace.md: a request with a budget, a handler that derives a shorter one
// for its database query and spawns the query.
Scenario handlerScenario()
{
    Scenario s = scenario({ctx("root", ContextKind::Background), timeoutCtx("req", "root", ms(200)),
                           ctx("side", ContextKind::WithCancel, "root")});
    s.tasks.push_back(task("handler", "req",
                           {derive(timeoutCtx("db", "", ms(80))), spawn("query", {work(ms(120))}),
                            awaitChildren(), work(ms(10))}));
    s.tasks.push_back(task("idle", "side", {work(ms(5))}));
    return s;
}

} // namespace

TEST_CASE("Chrome trace lanes follow the tree: contexts depth first, each followed by its tasks")
{
    const SimulationResult r = simulate(handlerScenario());
    const Parsed p = parseTrace(chromeTraceToString(r));
    const std::vector<std::string> names = laneNames(p);
    REQUIRE(names.size() == 7);
    CHECK(names[0].rfind("ctx root", 0) == 0);
    CHECK(names[1].rfind("ctx req", 0) == 0);
    CHECK(names[2] == "task handler");
    CHECK(names[3].rfind("ctx db", 0) == 0);
    CHECK(names[4] == "task query");
    CHECK(names[5].rfind("ctx side", 0) == 0);
    CHECK(names[6] == "task idle");
    // thread_sort_index repeats the order for viewers that sort by it.
    for (const json::Value* e : p.events)
        if (str(*e, "ph") == "M" && str(*e, "name") == "thread_sort_index")
            CHECK(num(*e->find("args"), "sort_index") == num(*e, "tid"));
}

TEST_CASE("Chrome trace is an object with displayTimeUnit first and microsecond timestamps")
{
    const SimulationResult r = simulate(handlerScenario());
    const std::string text = chromeTraceToString(r);
    const Parsed p = parseTrace(text);
    REQUIRE(!p.doc.members.empty());
    CHECK(p.doc.members.front().key == "displayTimeUnit");
    CHECK(p.doc.find("displayTimeUnit")->text == "ms");
    CHECK(p.doc.find("otherData")->isObject());
    // db's deadline fires at 80ms = 80000 us: its alive slice lasts exactly that long.
    bool found = false;
    for (const json::Value* e : p.events)
        if (str(*e, "ph") == "X" && str(*e, "cat") == "context" && str(*e, "name") == "db") {
            found = true;
            CHECK(num(*e, "ts") == 0);
            CHECK(num(*e, "dur") == 80000);
        }
    CHECK(found);
    CHECK(formatMicros(1500) == "1.5");
    CHECK(formatMicros(1) == "0.001");
    CHECK(formatMicros(200 * kMillisecond) == "200000");
    CHECK(formatMicros(1234567) == "1234.567");
    CHECK(formatMicros(1050) == "1.05");
    CHECK(formatMicros(10) == "0.01");
    CHECK(formatMicros(-1500) == "-1.5");
    CHECK(formatMicros(-7) == "-0.007");
    CHECK(formatMicros(std::numeric_limits<Nanos>::min()) == "-9223372036854775.808");
}

TEST_CASE("Chrome trace slices on one lane nest properly and start in time order")
{
    const SimulationResult r = simulate(handlerScenario());
    const Parsed p = parseTrace(chromeTraceToString(r));
    std::map<long long, std::vector<std::pair<double, double>>> slices; // per tid, file order
    std::map<long long, double> lastTs;
    for (const json::Value* e : p.events) {
        const std::string ph = str(*e, "ph");
        if (ph != "X" && ph != "i")
            continue;
        const long long t = tid(*e);
        const double ts = num(*e, "ts");
        if (lastTs.count(t))
            CHECK(ts >= lastTs[t]);
        lastTs[t] = ts;
        if (ph == "X") {
            const double dur = num(*e, "dur");
            CHECK(dur >= 0);
            slices[t].emplace_back(ts, ts + dur);
        }
    }
    for (auto& [t, v] : slices) {
        // Any two slices are either disjoint (touching allowed) or one contains the other.
        for (std::size_t i = 0; i < v.size(); ++i)
            for (std::size_t j = i + 1; j < v.size(); ++j) {
                const auto a = v[i], b = v[j];
                const bool disjoint = a.second <= b.first || b.second <= a.first;
                const bool nested = (a.first <= b.first && b.second <= a.second) ||
                                    (b.first <= a.first && a.second <= b.second);
                INFO("tid " << t << ": [" << a.first << "," << a.second << "] vs [" << b.first << "," << b.second << "]");
                CHECK((disjoint || nested));
            }
    }
    // The query task lane holds its running span and its work step nested in it (0..80ms).
    const auto lanes = chromeLanes(r);
    const auto q = std::find_if(lanes.begin(), lanes.end(), [](const ChromeLane& l) { return l.name == "task query"; });
    REQUIRE(q != lanes.end());
    const auto& qs = slices[q - lanes.begin() + 1];
    REQUIRE(qs.size() == 2);
    CHECK(qs[0] == std::make_pair(0.0, 80000.0));
    CHECK(qs[1] == std::make_pair(0.0, 80000.0));
}

TEST_CASE("Chrome trace flow arrows pair up and go from the cancellation's source to what it reached")
{
    // req expires at 100ms: it reaches child (a context) and w (a task blocked in a select);
    // h waits in wg.Wait, which does not watch ctx, so no arrow reaches h.
    Scenario s = scenario({ctx("root", ContextKind::Background), timeoutCtx("req", "root", ms(100))});
    s.tasks.push_back(task("h", "req",
                           {derive(ctx("child", ContextKind::WithCancel)), spawn("w", {work(ms(1000))}), awaitChildren()}));
    const SimulationResult r = simulate(s);
    const Parsed p = parseTrace(chromeTraceToString(r));
    const std::vector<std::string> names = laneNames(p);
    std::map<long long, const json::Value*> starts, finishes;
    for (const json::Value* e : p.events) {
        const std::string ph = str(*e, "ph");
        if (ph != "s" && ph != "f")
            continue;
        const long long id = static_cast<long long>(num(*e, "id"));
        auto& side = ph == "s" ? starts : finishes;
        CHECK(side.count(id) == 0); // each id is used by exactly one arrow
        side[id] = e;
        if (ph == "f")
            CHECK(str(*e, "bp") == "e");
    }
    REQUIRE(starts.size() == finishes.size());
    std::set<std::string> reached;
    for (const auto& [id, s0] : starts) {
        REQUIRE(finishes.count(id) == 1);
        const json::Value* f = finishes[id];
        CHECK(str(*s0, "name") == str(*f, "name"));
        CHECK(str(*s0, "cat") == str(*f, "cat"));
        CHECK(num(*f, "ts") >= num(*s0, "ts"));
        CHECK(names[static_cast<std::size_t>(tid(*s0) - 1)].rfind("ctx req", 0) == 0);
        reached.insert(names[static_cast<std::size_t>(tid(*f) - 1)]);
    }
    CHECK(reached == std::set<std::string>{"ctx child WithCancel", "task w"});
}

TEST_CASE("Chrome trace marks each cancellation with an instant carrying err, cause, reason and source")
{
    Scenario s = scenario({ctx("root", ContextKind::Background), ctx("c", ContextKind::WithCancelCause, "root")});
    s.actions.push_back(cancelAt(ms(30), "c", std::string("client went away")));
    const Parsed p = parseTrace(chromeTraceToString(simulate(s)));
    int instants = 0;
    for (const json::Value* e : p.events) {
        if (str(*e, "ph") != "i")
            continue;
        ++instants;
        CHECK(str(*e, "s") == "t");
        CHECK(num(*e, "ts") == 30000);
        const json::Value* a = e->find("args");
        REQUIRE(a != nullptr);
        CHECK(str(*a, "err") == "context canceled");
        CHECK(str(*a, "cause") == "client went away");
        CHECK(str(*a, "reason") == "cancel");
        CHECK(str(*a, "source") == "c");
    }
    CHECK(instants == 1);
}

TEST_CASE("Chrome trace output is deterministic")
{
    const Scenario s = handlerScenario();
    CHECK(chromeTraceToString(simulate(s)) == chromeTraceToString(simulate(s)));
}

TEST_CASE("Chrome trace streamed in chunks is the same document as the string")
{
    Scenario s = handlerScenario();
    for (int i = 0; i < 2000; ++i)
        s.tasks.push_back(task("w" + std::to_string(i), "side", {work(ms(1 + i % 7)), work(ms(2))}));
    const SimulationResult r = simulate(s);
    std::string pieces;
    int chunks = 0;
    writeChromeTrace([&](std::string_view chunk) { pieces += chunk; ++chunks; }, r);
    CHECK(pieces == chromeTraceToString(r));
    CHECK(chunks > 1);
    CHECK(pieces.back() == '\n');
}

TEST_CASE("Chrome trace: each task lane holds its own steps, in order, when the tasks' steps interleave")
{
    // Two tasks whose steps alternate in the run's step list: a, b, a, b, ...
    Scenario s = scenario({ctx("root", ContextKind::Background)});
    s.tasks.push_back(task("a", "root", {work(ms(10)), work(ms(10)), work(ms(10))}));
    s.tasks.push_back(task("b", "root", {work(ms(5)), work(ms(20))}));
    const SimulationResult r = simulate(s);
    const Parsed p = parseTrace(chromeTraceToString(r));
    const std::vector<std::string> names = laneNames(p);
    const auto tidOf = [&](const std::string& name) {
        return static_cast<long long>(std::find(names.begin(), names.end(), name) - names.begin()) + 1;
    };
    std::map<long long, std::vector<double>> stepStarts;
    for (const json::Value* e : p.events)
        if (str(*e, "cat") == "step")
            stepStarts[tid(*e)].push_back(num(*e, "ts"));
    CHECK(stepStarts[tidOf("task a")] == std::vector<double>{0, 10000, 20000});
    CHECK(stepStarts[tidOf("task b")] == std::vector<double>{0, 5000});
    CHECK(stepStarts.size() == 2);
}
