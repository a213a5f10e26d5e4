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
    REQUIRE(doc.loadDefaultExample());
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
    CHECK(doc.timeNanos() >= doc.endTime());
}

TEST_CASE("every cascade of a 10,000-context scenario is revealed within kCascadeReveal at 1x", "[playclock]") {
    ensureApp();
    Document doc;
    doc.setScenario(generateScenario(10000), QString());
    PlayClock clock;
    clock.setDocument(&doc);
    clock.setPlaying(true);
    // 16ms frames to the end. Count the wall time spent while virtual time stood still at one
    // instant (a reveal); the longest must stay within the bound, however many contexts it shows.
    double still = 0, longest = 0;
    std::size_t biggest = 0, shownAtStart = doc.playback().appliedEvents();
    Nanos last = doc.timeNanos();
    int frames = 0;
    for (; frames < 200000 && clock.isPlaying(); ++frames) {
        clock.advance(16.0 * kMillisecond);
        if (doc.timeNanos() == last) {
            still += 16.0 * kMillisecond;
            longest = std::max(longest, still);
            biggest = std::max(biggest, doc.playback().appliedEvents() - shownAtStart);
        } else {
            still = 0;
            last = doc.timeNanos();
            shownAtStart = doc.playback().appliedEvents();
        }
    }
    INFO("frames " << frames << ", longest still " << longest / 1e6 << "ms, biggest reveal " << biggest << " events");
    CHECK_FALSE(clock.isPlaying());
    CHECK(biggest > 100);                                               // a big cascade was shown
    CHECK(longest <= PlayClock::kCascadeReveal + 16.0 * kMillisecond); // within the bound
}
