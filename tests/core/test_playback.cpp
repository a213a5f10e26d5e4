// Playback answers the state after k events from per-subject event indices. The reference here
// is the obvious replay: apply events 0..k-1 one by one to a fresh state. The two must agree
// for every k, for every scenario and lesson we ship, in any seek order.
#include "ctxscope/engine/playback.h"
#include "ctxscope/formats/scenario_io.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <random>

using namespace ctxscope;
namespace fs = std::filesystem;

namespace {

struct Replayed {
    std::vector<ContextStateAt> contexts;
    std::vector<TaskStateAt> tasks;
    std::vector<AfterFuncStateAt> afs;
};

Replayed replay(const SimulationResult& r, std::size_t k)
{
    Replayed s{std::vector<ContextStateAt>(r.contexts.size()), std::vector<TaskStateAt>(r.tasks.size()),
               std::vector<AfterFuncStateAt>(r.afterFuncs.size())};
    for (std::size_t i = 0; i < k; ++i) {
        const Event& e = r.events[i];
        switch (e.kind) {
        case EventKind::ContextCreated:
            s.contexts[e.subject].created = true;
            if (e.by != kNone)
                s.tasks[e.by].context = e.subject;
            break;
        case EventKind::ContextCanceled:
            s.contexts[e.subject] = {true, e.err, e.reason, e.str, e.other, e.t};
            break;
        case EventKind::TaskStarted:
            s.tasks[e.subject].started = true;
            s.tasks[e.subject].context = e.other;
            break;
        case EventKind::TaskEnded:
            s.tasks[e.subject].ended = true;
            s.tasks[e.subject].result = e.str;
            break;
        case EventKind::AfterFuncRegistered: s.afs[e.subject].registered = true; break;
        case EventKind::AfterFuncStarted: s.afs[e.subject].started = true; break;
        case EventKind::AfterFuncStop:
            if (e.flag)
                s.afs[e.subject].stopped = true;
            break;
        default: break;
        }
    }
    return s;
}

void requireSame(const Playback& p, const Replayed& s, std::size_t k)
{
    INFO("after " << k << " events");
    for (CtxIndex c = 0; c < s.contexts.size(); ++c) {
        const ContextStateAt a = p.context(c), &b = s.contexts[c];
        INFO("context " << p.result().contexts[c].id);
        REQUIRE(a.created == b.created);
        REQUIRE(a.err == b.err);
        REQUIRE(a.reason == b.reason);
        REQUIRE(a.cause == b.cause);
        REQUIRE(a.source == b.source);
        REQUIRE(a.doneAt == b.doneAt);
    }
    for (TaskIndex t = 0; t < s.tasks.size(); ++t) {
        const TaskStateAt a = p.task(t), &b = s.tasks[t];
        INFO("task " << p.result().tasks[t].id);
        REQUIRE(a.started == b.started);
        REQUIRE(a.ended == b.ended);
        REQUIRE(a.result == b.result);
        REQUIRE(a.context == b.context);
    }
    for (AfIndex f = 0; f < s.afs.size(); ++f) {
        const AfterFuncStateAt a = p.afterFunc(f), &b = s.afs[f];
        REQUIRE(a.registered == b.registered);
        REQUIRE(a.started == b.started);
        REQUIRE(a.stopped == b.stopped);
    }
}

std::vector<fs::path> shippedScenarios()
{
    std::vector<fs::path> out;
    for (const char* dir : {"tests/scenarios", "resources/lessons", "resources/examples"})
        for (const auto& e : fs::directory_iterator(fs::path(CTXSCOPE_SOURCE_DIR) / dir))
            if (e.path().extension() == ".json" && e.path().filename() != "index.json")
                out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace

TEST_CASE("Playback agrees with a replay from the start after every number of events, in any seek order")
{
    const auto files = shippedScenarios();
    REQUIRE(files.size() > 40);
    std::mt19937 rng(7);
    for (const fs::path& f : files) {
        INFO(f.filename().string());
        const LoadResult lr = loadScenarioFile(f.string());
        REQUIRE(lr.problems.empty());
        const SimulationResult r = simulate(*lr.scenario);
        Playback p(r);
        REQUIRE(p.appliedEvents() == 0);
        // Every k forward, then every k backward, then random jumps.
        std::vector<std::size_t> ks;
        for (std::size_t k = 0; k <= r.events.size(); ++k)
            ks.push_back(k);
        for (std::size_t k = r.events.size() + 1; k-- > 0;)
            ks.push_back(k);
        std::uniform_int_distribution<std::size_t> any(0, r.events.size());
        for (int i = 0; i < 50; ++i)
            ks.push_back(any(rng));
        for (std::size_t k : ks) {
            p.seekEvents(k);
            REQUIRE(p.appliedEvents() == k);
            requireSame(p, replay(r, k), k);
        }
    }
}

TEST_CASE("Playback seeks by time to just after the last event at or before it")
{
    const LoadResult lr = loadScenarioFile((fs::path(CTXSCOPE_SOURCE_DIR) / "resources/examples/default.ctxscope.json").string());
    REQUIRE(lr.problems.empty());
    const SimulationResult r = simulate(*lr.scenario);
    Playback p(r);
    for (const Event& e : r.events) {
        p.seekTime(e.t);
        REQUIRE(p.appliedEvents() > 0);
        REQUIRE(r.events[p.appliedEvents() - 1].t == e.t);
        if (p.appliedEvents() < r.events.size())
            REQUIRE(r.events[p.appliedEvents()].t > e.t);
        p.seekTime(e.t - 1);
        REQUIRE((p.appliedEvents() == 0 || r.events[p.appliedEvents() - 1].t < e.t));
    }
    p.seekEvents(r.events.size() + 10);
    REQUIRE(p.appliedEvents() == r.events.size());
}

TEST_CASE("Playback's isCreated and isDone agree with context(), and a done context's Err is its final one")
{
    for (const fs::path& f : shippedScenarios()) {
        INFO(f.filename().string());
        const LoadResult lr = loadScenarioFile(f.string());
        REQUIRE(lr.problems.empty());
        const SimulationResult r = simulate(*lr.scenario);
        Playback p(r);
        for (std::size_t k = 0; k <= r.events.size(); ++k) {
            p.seekEvents(k);
            for (CtxIndex c = 0; c < r.contexts.size(); ++c) {
                const ContextStateAt s = p.context(c);
                REQUIRE(p.isCreated(c) == s.created);
                REQUIRE(p.isDone(c) == (s.err != Err::None));
                if (p.isDone(c))
                    REQUIRE(r.contexts[c].err == s.err);
            }
        }
    }
}
