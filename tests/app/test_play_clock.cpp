// PlayClock over cascades: a reveal is bounded in wall time whatever the cascade's size, and a
// seek by the user (Home, End, a click) ends it in the same frame.
#include "apptestutil.h"
#include "playclock.h"
#include "scenariogenerator.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <map>

using namespace ctxscope;

TEST_CASE("a seek during a cascade's reveal ends the reveal (Home, End answer at once)", "[playclock]") {
    ensureApp();
    Document doc;
    REQUIRE(doc.files()->loadDefaultExample());
    PlayClock clock;
    clock.setDocument(&doc);
    doc.seekTime(195.0 * kMillisecond);
    clock.setPlaying(true);
    clock.advance(16.0 * kMillisecond); // holds at the 200ms cascade, its first cancellation shown
    REQUIRE(doc.timeNanos() == 200 * kMillisecond);
    doc.restart(); // Home while the cascade is being revealed
    clock.advance(16.0 * kMillisecond);
    // Time runs on from 0 at 1x; it does not go back to stepping through the old cascade.
    CHECK(doc.timeNanos() == 16 * kMillisecond);
    CHECK(doc.playback().appliedEvents() == doc.playback().firstEventAfter(16 * kMillisecond));

    doc.seekTime(195.0 * kMillisecond);
    clock.advance(16.0 * kMillisecond);
    REQUIRE(doc.timeNanos() == 200 * kMillisecond);
    doc.seekEnd(); // End while revealing
    const auto applied = doc.playback().appliedEvents();
    REQUIRE(applied == doc.result().events.size());
    clock.advance(16.0 * kMillisecond);
    CHECK(doc.playback().appliedEvents() == applied);
    CHECK(doc.timeNanos() >= doc.run()->endTime());
}

TEST_CASE("a cascade of 10,000 contexts is revealed within kCascadeReveal at 1x, in cascade order", "[playclock]") {
    ensureApp();
    // A random tree of 10,000 WithCancel contexts under c1, canceled at 100ms.
    Scenario s = generateCascade(10001);
    Document doc;
    doc.setScenario(std::move(s), QString());
    PlayClock clock;
    clock.setDocument(&doc);
    clock.setPlaying(true);
    double wall = 0, still = 0;
    std::size_t shown = 0;
    bool monotonic = true;
    for (int frame = 0; frame < 10000 && clock.isPlaying(); ++frame) {
        clock.advance(16.0 * kMillisecond);
        wall += 16.0 * kMillisecond;
        if (doc.timeNanos() == 100 * kMillisecond && doc.playback().appliedEvents() < doc.result().events.size()) {
            still += 16.0 * kMillisecond;
            monotonic = monotonic && doc.playback().appliedEvents() >= shown;
            shown = doc.playback().appliedEvents();
        }
    }
    INFO("wall " << wall / 1e6 << "ms, held " << still / 1e6 << "ms at the cascade");
    CHECK_FALSE(clock.isPlaying());
    CHECK(monotonic);                                                     // in cascade order
    CHECK(still > 100.0 * kMillisecond);                                  // it was shown...
    CHECK(still <= PlayClock::kCascadeReveal + 16.0 * kMillisecond);      // ...within the bound
    CHECK(wall - static_cast<double>(doc.run()->endTime()) <= 1e9);              // <= 1 s beyond the span
}

namespace {

// Plays doc at 1x in 16 ms frames; returns, for each instant where playing held still, how long
// it held (wall ns), and the wall time of the whole run in `wall`.
std::map<Nanos, double> playHolds(Document& doc, double& wall) {
    PlayClock clock;
    clock.setDocument(&doc);
    doc.restart();
    clock.setPlaying(true);
    std::map<Nanos, double> holds;
    wall = 0;
    Nanos last = doc.timeNanos();
    for (int frame = 0; frame < 1'000'000 && clock.isPlaying(); ++frame) {
        clock.advance(16.0 * kMillisecond);
        wall += 16.0 * kMillisecond;
        if (doc.timeNanos() == last)
            holds[last] += 16.0 * kMillisecond;
        last = doc.timeNanos();
    }
    return holds;
}

} // namespace

TEST_CASE("many cascades close together share one reveal budget: a generated 10^4 tree plays in seconds", "[playclock]") {
    ensureApp();
    Document doc;
    doc.setScenario(generateScenario(10000), QString());
    double wall = 0;
    const auto holds = playHolds(doc, wall);
    const double span = static_cast<double>(doc.run()->endTime());
    INFO("span " << span / 1e6 << " ms, played in " << wall / 1e6 << " ms, " << holds.size() << " holds");
    CHECK(holds.size() > 5); // cascades were still shown...
    // ...but all of them together in at most (1 + refill) x the span, plus one whole reveal and
    // a frame per held instant's rounding (it took minutes when each had its own reveal).
    CHECK(wall <= (1 + PlayClock::kRevealRefill) * span + PlayClock::kCascadeReveal +
                      16.0 * kMillisecond * static_cast<double>(holds.size()) + 1e9);
    CHECK(wall <= 20e9);
}

namespace {

// Three subtrees of a WithCancel and two children, canceled at 100, 300 and 700 ms.
Scenario threeCascades() {
    Scenario s;
    s.name = "three cascades";
    ContextSpec root;
    root.id = "root";
    root.kind = ContextKind::Background;
    s.contexts.push_back(root);
    const char* tops[] = {"a", "b", "c"};
    const Nanos at[] = {100 * kMillisecond, 300 * kMillisecond, 700 * kMillisecond};
    for (int i = 0; i < 3; ++i) {
        ContextSpec top;
        top.id = tops[i];
        top.parent = "root";
        s.contexts.push_back(top);
        for (int k = 0; k < 2; ++k) {
            ContextSpec child;
            child.id = std::string(tops[i]) + std::to_string(k);
            child.parent = tops[i];
            s.contexts.push_back(child);
        }
        Action cancel;
        cancel.at = at[i];
        cancel.op = ActionOp::Cancel;
        cancel.target = tops[i];
        s.actions.push_back(cancel);
    }
    return s;
}

} // namespace

TEST_CASE("cascades far apart each get their whole reveal", "[playclock]") {
    ensureApp();
    Document doc;
    const bool defaultExample = GENERATE(false, true);
    if (defaultExample)
        REQUIRE(doc.files()->loadDefaultExample());
    else
        doc.setScenario(threeCascades(), QString());
    double wall = 0;
    const auto holds = playHolds(doc, wall);
    const SimulationResult& r = doc.result();
    std::map<Nanos, int> cancels; // per instant with a cascade (two or more cancellations)
    for (const Event& e : r.events)
        if (e.kind == EventKind::ContextCanceled)
            ++cancels[e.t];
    int cascades = 0;
    for (const auto& [t, n] : cancels) {
        if (n < 2)
            continue;
        ++cascades;
        // Its reveal: from its first cancellation to the instant's last event, one step each.
        const auto first = std::find_if(r.events.begin(), r.events.end(),
                                        [t = t](const Event& e) { return e.t == t && e.kind == EventKind::ContextCanceled; });
        const auto steps = static_cast<double>(doc.playback().firstEventAfter(t) - static_cast<std::size_t>(first - r.events.begin()) - 1);
        const double full = std::min(PlayClock::kCascadeStepMax * (steps + 1), PlayClock::kCascadeReveal);
        INFO("cascade at " << t / 1e6 << " ms: held " << (holds.count(t) ? holds.at(t) / 1e6 : 0.0) << " ms, whole reveal " << full / 1e6 << " ms");
        CHECK(holds.count(t) == 1);
        if (holds.count(t) == 0)
            continue;
        CHECK(holds.at(t) >= full * steps / (steps + 1) - 16.0 * kMillisecond);
    }
    CHECK(cascades >= (defaultExample ? 1 : 3));
}
