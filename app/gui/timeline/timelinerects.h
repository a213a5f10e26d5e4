#pragma once
// buildTimelineRects: the coloured rectangles that draw the lanes in view, in item pixels.
// Pure (no scene graph, no QML), so the drawing can be tested and painted by either backend.
// Steps closer together than a pixel are merged, and the search skips ahead a pixel at a time,
// so a lane of 100,000 steps costs O(pixels · log steps), not O(steps).
#include "timelinedata.h"

#include <QRgb>

#include <vector>

namespace ctxscope::timeline {

struct TimelineRect {
    float x, y, w, h;
    QRgb rgba; // not premultiplied
};

struct TimelinePalette {
    QRgb alive = 0xff2e9e48, never = 0xff7a7a7a, canceled = 0xffcf3a25, deadline = 0xffc97a00;
    QRgb task = 0xff3d7cc9, wait = 0x803d7cc9, mark = 0xff505050, selection = 0x402a7fff, stripe = 0x10000000;
};

struct TimelineViewport {
    double t0 = 0;            // ns at x = 0
    double nsPerPixel = 1e6;  // > 0
    double width = 0;         // item size in pixels
    double height = 0;
    double contentY = 0;      // vertical scroll: lane i's top is i * laneHeight - contentY
    double laneHeight = 24;
    Nanos openEnd = 0;        // where open spans (never done, still running) stop
};

// buildTimelineRects lists the rectangles of every lane that meets the viewport, backgrounds
// first. Lanes whose context is `selectedContext` get the selection background.
std::vector<TimelineRect> buildTimelineRects(const TimelineData& data, const TimelineViewport& view,
                                             const TimelinePalette& palette, CtxIndex selectedContext);

// visibleLaneRange returns [first, last) of the lanes that meet the viewport vertically.
std::pair<int, int> visibleLaneRange(int laneCount, double contentY, double height, double laneHeight);

} // namespace ctxscope::timeline
