// ctxscope_race_bench: what exploring the orders Go leaves open (races.h) costs, as a ratio to
// one plain simulate() of the same file: every shipped scenario and lesson, then generated
// scenarios that tie many timers at one instant. Prints a table (markdown); not a ctest entry.
// Usage: ctxscope_race_bench [SOURCE_DIR]   (tests/bench/run-races builds it in Release)
#include "ctxscope/engine/races.h"
#include "ctxscope/formats/scenario_io.h"
#include "ctxscope/engine/simulation.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

using namespace ctxscope;
namespace fs = std::filesystem;

namespace {

template <typename F>
double bestOf(int n, F&& f)
{
    double best = 1e100;
    for (int i = 0; i < n; ++i) {
        const auto t0 = std::chrono::steady_clock::now();
        f();
        const std::chrono::duration<double> d = std::chrono::steady_clock::now() - t0;
        best = std::min(best, d.count());
    }
    return best;
}

struct Row {
    std::string name;
    std::size_t contexts = 0, orders = 0, outcomes = 0, facts = 0;
    bool complete = false;
    double plain = 0, explore = 0;
};

Row measure(const std::string& name, const Scenario& s, int repeat)
{
    Row r;
    r.name = name;
    r.contexts = s.contexts.size();
    r.plain = bestOf(repeat, [&] { (void)simulate(s); });
    RaceExploration ex;
    r.explore = bestOf(repeat, [&] { ex = exploreRaces(s); });
    r.orders = ex.ordersExplored;
    r.outcomes = ex.outcomes.size();
    r.facts = ex.facts.size();
    r.complete = ex.complete;
    return r;
}

void print(const Row& r)
{
    std::printf("| %-52s | %7zu | %6zu | %8zu | %5zu | %-8s | %9.3f | %9.3f | %6.1f |\n", r.name.c_str(), r.contexts,
                r.orders, r.outcomes, r.facts, r.complete ? "yes" : "NO", r.plain * 1e3, r.explore * 1e3,
                r.plain > 0 ? r.explore / r.plain : 0.0);
}

// n contexts with deadlines all due at 100ms, each awaited by its own goroutine: n! orders of
// which none can change anything (one run expected).
Scenario independentTies(std::size_t n)
{
    Scenario s;
    s.name = "ties";
    ContextSpec root;
    root.id = "root";
    root.kind = ContextKind::Background;
    s.contexts.push_back(root);
    for (std::size_t i = 0; i < n; ++i) {
        ContextSpec c;
        c.id = "d" + std::to_string(i);
        c.kind = ContextKind::WithTimeout;
        c.parent = "root";
        c.timeout = 100 * kMillisecond;
        s.contexts.push_back(c);
        TaskSpec t;
        t.id = "w" + std::to_string(i);
        t.context = c.id;
        Step st;
        st.op = StepOp::Await;
        st.await = AwaitKind::Done;
        t.steps.push_back(st);
        s.tasks.push_back(t);
    }
    return s;
}

// One cancellation starts n after-funcs that each cancel a shared context with a cause of their
// own, and wakes n goroutines that touch nothing shared: n real outcomes (who wins), n orders.
Scenario competingCancels(std::size_t n)
{
    Scenario s;
    s.name = "competing";
    ContextSpec root;
    root.id = "root";
    root.kind = ContextKind::Background;
    ContextSpec c = root;
    c.id = "c";
    c.kind = ContextKind::WithCancel;
    c.parent = "root";
    ContextSpec x = c;
    x.id = "x";
    x.kind = ContextKind::WithCancelCause;
    s.contexts = {root, c, x};
    for (std::size_t i = 0; i < n; ++i) {
        TaskSpec t;
        t.id = "t" + std::to_string(i);
        t.context = "c";
        Step wait;
        wait.op = StepOp::Await;
        wait.await = AwaitKind::Done;
        AfterFuncSpec a;
        a.id = "f" + std::to_string(i);
        a.context = "c";
        Step cancel;
        cancel.op = StepOp::Cancel;
        cancel.target = "x";
        cancel.cause = "by " + a.id;
        a.steps.push_back(cancel);
        s.afterFuncs.push_back(a);
        t.steps.push_back(wait);
        s.tasks.push_back(t);
    }
    Action act;
    act.at = 10 * kMillisecond;
    act.op = ActionOp::Cancel;
    act.target = "c";
    s.actions.push_back(act);
    return s;
}

} // namespace

int main(int argc, char** argv)
{
    const fs::path src = argc > 1 ? fs::path(argv[1]) : fs::path(".");
    std::vector<fs::path> files;
    for (const char* dir : {"resources/lessons", "tests/scenarios"})
        for (const auto& e : fs::directory_iterator(src / dir))
            if (e.path().extension() == ".json" && e.path().filename() != "index.json")
                files.push_back(e.path());
    std::sort(files.begin(), files.end());
    std::printf("| %-52s | %7s | %6s | %8s | %5s | %-8s | %9s | %9s | %6s |\n", "scenario", "ctxs", "orders",
                "outcomes", "facts", "complete", "plain ms", "races ms", "ratio");
    std::printf("|%s|%s|%s|%s|%s|%s|%s|%s|%s|\n", std::string(54, '-').c_str(), std::string(9, '-').c_str(),
                std::string(8, '-').c_str(), std::string(10, '-').c_str(), std::string(7, '-').c_str(),
                std::string(10, '-').c_str(), std::string(11, '-').c_str(), std::string(11, '-').c_str(),
                std::string(8, '-').c_str());
    std::size_t maxOrders = 0;
    double worst = 0, total = 0, totalPlain = 0;
    for (const fs::path& f : files) {
        LoadResult l = loadScenarioFile(f.string());
        if (!l.scenario)
            continue;
        const Row r = measure(f.parent_path().filename().string() + "/" + f.filename().string(), *l.scenario, 5);
        print(r);
        maxOrders = std::max(maxOrders, r.orders);
        worst = std::max(worst, r.explore / r.plain);
        total += r.explore;
        totalPlain += r.plain;
    }
    std::printf("\nshipped files: at most %zu orders, worst ratio %.1f, all together %.1f ms vs %.1f ms plain\n\n",
                maxOrders, worst, total * 1e3, totalPlain * 1e3);
    for (std::size_t n : {1000u, 10000u, 100000u})
        print(measure("generated: " + std::to_string(n) + " independent ties", independentTies(n), 3));
    for (std::size_t n : {10u, 100u})
        print(measure("generated: " + std::to_string(n) + " competing cancels", competingCancels(n), 3));
    return 0;
}
