#include "nodestate.h"
#include "studytestutil.h"
#include "timelinelanesmodel.h"
#include "timelinemodel.h"
#include "timelinerects.h"
#include "timelineview.h"

#include <QAbstractItemModelTester>

#include <sstream>

using namespace ctxscope;
using timeline::LaneKind;

namespace {

QStringList laneIds(const TimelineModel& m) {
    QStringList ids;
    for (int i = 0; i < m.laneCount(); ++i)
        ids << m.laneId(i);
    return ids;
}

// A task with `steps` work steps of 1ms each on a WithCancel context.
std::string manyStepsScenario(int steps) {
    std::ostringstream s;
    s << R"({"ctxscope": 1, "name": "many", "contexts": [{"id": "root", "kind": "Background"},
          {"id": "job", "kind": "WithCancel", "parent": "root"}],
          "tasks": [{"id": "busy", "context": "job", "steps": [)";
    for (int i = 0; i < steps; ++i)
        s << (i ? "," : "") << R"({"work": "1ms"})";
    s << "]}]}";
    return s.str();
}

} // namespace

TEST_CASE("timeline lanes list contexts depth first in creation order, each followed by its tasks", "[timeline]") {
    auto doc = documentFrom(kSmallScenario);
    TimelineModel m;
    m.setDocument(doc.get());
    CHECK(laneIds(m) == QStringList{"root", "w0", "early", "w1", "child", "late"});
    CHECK(m.isTaskLane(1));
    CHECK_FALSE(m.isTaskLane(2));
    CHECK(m.laneContextId(3) == "early"); // a task lane selects its context
    CHECK(m.data().lanes[4].depth == 2);
    CHECK(m.data().lanes[3].depth == 2); // w1 sits one deeper than early
}

TEST_CASE("collapsing a context hides its descendants' lanes but keeps its own tasks", "[timeline]") {
    auto doc = documentFrom(kSmallScenario);
    TimelineModel m;
    m.setDocument(doc.get());
    // The collapsed contexts are the document's session's (the tree collapses them).
    doc->setCollapsed({"early"}, true);
    CHECK(laneIds(m) == QStringList{"root", "w0", "early", "w1", "late"});
    CHECK(m.contextLane("child") == -1);
    doc->setCollapsed({"early"}, false);
    doc->setCollapsed({"root"}, true);
    CHECK(laneIds(m) == QStringList{"root", "w0"});
}

TEST_CASE("a context lane carries its deadline and cancellation, a task lane the moment it noticed", "[timeline]") {
    auto doc = documentFrom(kSmallScenario);
    TimelineModel m;
    m.setDocument(doc.get());
    const auto& early = m.data().lanes[static_cast<std::size_t>(m.contextLane("early"))];
    CHECK(early.deadline == 50 * kMillisecond);
    CHECK(early.end == 50 * kMillisecond);
    CHECK(early.err == Err::DeadlineExceeded);
    const auto& late = m.data().lanes[static_cast<std::size_t>(m.contextLane("late"))];
    CHECK(late.begin == 20 * kMillisecond);
    CHECK(late.end == 30 * kMillisecond);
    CHECK(late.reason == Reason::Cancel);
    const auto& w1 = m.data().lanes[3];
    REQUIRE(w1.stepCount == 2);
    CHECK(m.data().steps[w1.firstStep + 1].interrupted);
    CHECK(w1.noticedAt == 50 * kMillisecond);
    CHECK(m.data().lanes[1].noticedAt == kNever); // w0 finished its work normally
    CHECK(m.laneDetail(m.contextLane("late")).contains("context canceled at 30ms"));
}

TEST_CASE("a click near a mark snaps to its time and a click between marks does not", "[timeline]") {
    auto doc = documentFrom(kSmallScenario);
    TimelineModel m;
    m.setDocument(doc.get());
    const int early = m.contextLane("early");
    CHECK(m.markNear(early, 49.5e6, 1e6) == 50e6);
    CHECK(m.markNear(early, 25e6, 1e6) == -1);
    CHECK(m.markNear(3, 30.4e6, 1e6) == 30e6); // the boundary between w1's steps
}

TEST_CASE("the steps in a time window are found by binary search and match a linear scan", "[timeline]") {
    auto doc = documentFrom(manyStepsScenario(1000));
    TimelineModel m;
    m.setDocument(doc.get());
    REQUIRE(m.laneCount() == 3);
    const auto& data = m.data();
    const std::size_t lane = 2;
    REQUIRE(data.lanes[lane].stepCount == 1000);
    for (auto [t0, t1] : {std::pair<Nanos, Nanos>{100'500'000, 200'200'000}, {0, 0}, {999'000'000, 5'000'000'000},
                          {-5, -1}, {400'000'000, 400'000'000}}) {
        std::size_t first = data.steps.size(), last = 0;
        for (std::size_t i = data.lanes[lane].firstStep; i < data.lanes[lane].firstStep + 1000; ++i)
            if (data.steps[i].end >= t0 && data.steps[i].start <= t1) {
                first = std::min(first, i);
                last = i + 1;
            }
        const auto [from, to] = data.visibleSteps(lane, t0, t1);
        INFO("window " << t0 << ".." << t1);
        if (last == 0)
            CHECK(from == to);
        else
            CHECK((from == first && to == last));
    }
}

TEST_CASE("a lane of 50,000 steps zoomed out draws about one rectangle per pixel", "[timeline]") {
    auto doc = documentFrom(manyStepsScenario(50000));
    TimelineModel m;
    m.setDocument(doc.get());
    timeline::TimelineViewport v;
    v.width = 1000;
    v.height = 200;
    v.nsPerPixel = 50.0 * kSecond / 1000;
    v.openEnd = m.timeEndNanos();
    const auto rects = timeline::buildTimelineRects(m.data(), v, {}, kNone);
    CHECK(rects.size() < 2500);
    CHECK(rects.size() > 900);
    v.t0 = 10 * kSecond; // zoomed in: 20 steps across 1000 px, each drawn
    v.nsPerPixel = 20.0 * kMillisecond / 1000;
    const auto zoomed = timeline::buildTimelineRects(m.data(), v, {}, kNone);
    CHECK(zoomed.size() >= 20);
    CHECK(zoomed.size() < 40);
}

TEST_CASE("the visible lanes model follows scrolling and obeys the model contract", "[timeline]") {
    auto doc = documentFrom(kSmallScenario);
    TimelineModel m;
    m.setDocument(doc.get());
    TimelineLanesModel lanes;
    QAbstractItemModelTester tester(&lanes, QAbstractItemModelTester::FailureReportingMode::Fatal);
    lanes.setTimeline(&m);
    lanes.setLaneHeight(20);
    lanes.setViewHeight(50); // lanes 0..2 meet [0, 50)
    CHECK(lanes.rowCount() == 3);
    CHECK(lanes.data(lanes.index(0), TimelineLanesModel::LaneIdRole) == "root");
    lanes.setContentY(30); // lanes 1..3 meet [30, 80)
    CHECK(lanes.rowCount() == 3);
    CHECK(lanes.firstLane() == 1);
    CHECK(lanes.data(lanes.index(2), TimelineLanesModel::LaneIdRole) == "w1");
    CHECK(lanes.data(lanes.index(0), TimelineLanesModel::YRole).toDouble() == 20);
    lanes.setContentY(100); // lanes 5 only: [100, 150)
    CHECK(lanes.rowCount() == 1);
    CHECK(lanes.data(lanes.index(0), TimelineLanesModel::LaneIdRole) == "late");
    CHECK(lanes.data(lanes.index(0), TimelineLanesModel::StateRole).value<NodeState>() == NodeState::Canceled);
    lanes.setContentY(0);
    doc->setCollapsed({"root"}, true);
    CHECK(lanes.rowCount() == 2);
}

TEST_CASE("the timeline is rebuilt when the document re-simulates", "[timeline]") {
    auto doc = documentFrom(kSmallScenario);
    TimelineModel m;
    m.setDocument(doc.get());
    const int before = m.laneCount();
    CHECK(doc->contexts()->derive("late", "WithCancel", {}).isEmpty());
    CHECK(m.laneCount() == before + 1);
}

TEST_CASE("a scrub lands on a nearby event's time, else on a grid that suits the zoom", "[timeline]") {
    auto doc = documentFrom(kSmallScenario);
    TimelineModel m;
    m.setDocument(doc.get());
    TimelineView view;
    view.setModel(&m);
    view.setViewStart(0);
    view.setNsPerPixel(1e5); // 0.1ms a pixel: the grid is 1ms (8 px is 0.8ms)
    // Within 6 px of the 50ms event: exactly 50ms.
    CHECK(view.scrubTime(500 - 4) == 50e6);
    // Nowhere near an event: 91.894977ms rounds to the 1ms grid.
    const double t = view.scrubTime(918.94977);
    CHECK(t == 92e6);
    CHECK(view.scrubTime(-50) >= 0);
    view.setNsPerPixel(10); // zoomed in: 10ns a pixel, an 80ns grid rounds up to 100ns
    view.setViewStart(91894977);
    CHECK(std::fmod(view.scrubTime(30), 100) == 0);
}
