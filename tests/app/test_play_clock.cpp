// PlayClock over cascades: a reveal is bounded in wall time whatever the cascade's size, and a
// seek by the user (Home, End, a click) ends it in the same frame.
#include "apptestutil.h"
#include "playclock.h"
#include "scenariogenerator.h"

#include <catch2/catch.hpp>

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
