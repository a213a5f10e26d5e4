// The app's document and views at scale (issue "A million contexts"): opening a generated
// scenario of N contexts (simulate + playback + tree layout + node states), seeking anywhere
// (playback + node states + the visible nodes), an edit at the playhead (re-simulate + relayout),
// and how long a cascade holds virtual time still while it is revealed at 1x. Rendering is not
// included (offscreen, no window); tests/bench/gui-frames measures frames.
#include "alloc_counter.h"
#include "bench_util.h"

#include "document.h"
#include "playclock.h"
#include "scenariogenerator.h"
#include "treescene.h"
#include "visiblenodesmodel.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QGuiApplication>
#include <QTimer>

#include <algorithm>
#include <random>
#include <vector>

namespace ctxscope::bench {
namespace {

QGuiApplication& app()
{
    static int argc = 1;
    static char name[] = "ctxscope_app_bench";
    static char* argv[] = {name, nullptr};
    static QGuiApplication* a = [] {
        qputenv("QT_QPA_PLATFORM", "offscreen");
        return new QGuiApplication(argc, argv);
    }();
    return *a;
}

// waitSimulated returns once the document has a result newer than `revision` (the document may
// simulate on a worker thread for big scenarios).
void waitSimulated(Document& doc, int revision)
{
    if (doc.revision() != revision)
        return;
    QEventLoop loop;
    QObject::connect(&doc, &Document::simulated, &loop, &QEventLoop::quit);
    QTimer::singleShot(600000, &loop, &QEventLoop::quit);
    if (doc.revision() == revision)
        loop.exec();
}

double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, static_cast<std::size_t>(p * static_cast<double>(v.size())))];
}

struct Views {
    Document doc;
    TreeScene scene;
    VisibleNodesModel visible;
    Views()
    {
        scene.setDocument(&doc);
        visible.setScene(&scene);
        visible.setViewport(QRectF(0, 0, 1360, 860));
    }
};

void benchOpen(benchmark::State& state, int n)
{
    app();
    double seconds = 0, peak = 0;
    for (auto _ : state) {
        Scenario s = generateScenario(n);
        auto views = std::make_unique<Views>();
        const std::size_t before = liveHeapBytes();
        resetPeakHeap();
        const int rev = views->doc.revision();
        const auto t0 = Clock::now();
        views->doc.setScenario(std::move(s), QString());
        waitSimulated(views->doc, rev);
        const auto t1 = Clock::now();
        seconds += secondsBetween(t0, t1);
        peak += static_cast<double>(peakHeapBytes() - before);
        state.SetIterationTime(secondsBetween(t0, t1));
        if (views->scene.contentWidth() <= 0 || views->doc.run()->contextCount() < n) {
            state.SkipWithError("the scenario did not open");
            break;
        }
    }
    const double it = static_cast<double>(state.iterations());
    state.counters["open_ms"] = seconds * 1e3 / it;
    state.counters["peak_heap_bytes_per_ctx"] = perCtx(peak, it, static_cast<std::size_t>(n));
}

void benchSeek(benchmark::State& state, int n)
{
    app();
    Views v;
    const int rev = v.doc.revision();
    v.doc.setScenario(generateScenario(n), QString());
    waitSimulated(v.doc, rev);
    std::mt19937_64 rng(42);
    std::uniform_real_distribution<double> anywhere(0, v.doc.run()->timelineEnd());
    std::vector<double> ms;
    for (auto _ : state) {
        const double t = anywhere(rng);
        const auto t0 = Clock::now();
        v.doc.seekTime(t); // playback, node states and the visible rows follow by signal
        benchmark::DoNotOptimize(v.visible.rowCount());
        const auto t1 = Clock::now();
        ms.push_back(secondsBetween(t0, t1) * 1e3);
        state.SetIterationTime(secondsBetween(t0, t1));
    }
    state.counters["seek_p50_ms"] = percentile(ms, 0.5);
    state.counters["seek_p95_ms"] = percentile(ms, 0.95);
}

void benchEdit(benchmark::State& state, int n)
{
    app();
    Views v;
    int rev = v.doc.revision();
    v.doc.setScenario(generateScenario(n), QString());
    waitSimulated(v.doc, rev);
    v.doc.seekTime(5.0 * kMillisecond);
    const QString target = QString::fromStdString(v.doc.scenario().contexts[1].id);
    std::vector<double> ms;
    for (auto _ : state) {
        rev = v.doc.revision();
        const auto t0 = Clock::now();
        const QString error = v.doc.contexts()->cancelContext(target, QVariant()); // a timed action at 5ms
        waitSimulated(v.doc, rev);
        const auto t1 = Clock::now();
        if (!error.isEmpty()) {
            state.SkipWithError(error.toStdString().c_str());
            break;
        }
        ms.push_back(secondsBetween(t0, t1) * 1e3);
        state.SetIterationTime(secondsBetween(t0, t1));
        state.PauseTiming();
        rev = v.doc.revision();
        v.doc.undo();
        waitSimulated(v.doc, rev);
        state.ResumeTiming();
    }
    state.counters["edit_p50_ms"] = percentile(ms, 0.5);
    state.counters["edit_p95_ms"] = percentile(ms, 0.95);
}

// Plays the whole run at 1x in 16 ms frames (simulated wall time, so the figure does not depend
// on the machine) and reports how much wall time the playback takes beyond the virtual span, the
// longest hold for one cascade, and the real CPU time of one frame's advance (p95).
void benchCascade(benchmark::State& state, int n, bool generated)
{
    app();
    Views v;
    const int rev = v.doc.revision();
    v.doc.setScenario(generated ? generateScenario(n) : generateCascade(n), QString());
    waitSimulated(v.doc, rev);
    double beyond = 0, longest = 0;
    std::vector<double> frameMs;
    for (auto _ : state) {
        PlayClock clock;
        clock.setDocument(&v.doc);
        v.doc.restart();
        clock.setPlaying(true);
        double wall = 0, still = 0;
        Nanos last = v.doc.timeNanos();
        const auto t0 = Clock::now();
        while (clock.isPlaying() && wall < 3600e9) {
            const auto f0 = Clock::now();
            clock.advance(16.0 * kMillisecond);
            frameMs.push_back(secondsBetween(f0, Clock::now()) * 1e3);
            wall += 16.0 * kMillisecond;
            if (v.doc.timeNanos() == last) {
                still += 16.0 * kMillisecond;
                longest = std::max(longest, still);
            } else {
                still = 0;
                last = v.doc.timeNanos();
            }
        }
        state.SetIterationTime(secondsBetween(t0, Clock::now()));
        beyond = (wall - static_cast<double>(v.doc.run()->endTime())) / 1e9;
    }
    state.counters["wall_beyond_span_s"] = beyond;
    state.counters["longest_cascade_hold_ms"] = longest / 1e6;
    state.counters["advance_p95_ms"] = percentile(frameMs, 0.95);
}

const bool registered = [] {
    for (int n : {10000, 100000, 1000000})
        benchmark::RegisterBenchmark(("app/open/" + std::to_string(n)).c_str(), benchOpen, n)
            ->UseManualTime()->Unit(benchmark::kMillisecond)->Iterations(n >= 1000000 ? 1 : 3);
    for (int n : {10000, 1000000})
        benchmark::RegisterBenchmark(("app/seek/" + std::to_string(n)).c_str(), benchSeek, n)
            ->UseManualTime()->Unit(benchmark::kMillisecond)->Iterations(200);
    benchmark::RegisterBenchmark("app/edit/100000", benchEdit, 100000)
        ->UseManualTime()->Unit(benchmark::kMillisecond)->Iterations(10);
    benchmark::RegisterBenchmark("app/play-one-cascade/10000", benchCascade, 10000, false)
        ->UseManualTime()->Unit(benchmark::kMillisecond)->Iterations(1);
    benchmark::RegisterBenchmark("app/play-generated/10000", benchCascade, 10000, true)
        ->UseManualTime()->Unit(benchmark::kMillisecond)->Iterations(1);
    return true;
}();

} // namespace
} // namespace ctxscope::bench
