#include "timelinerects.h"

#include <algorithm>
#include <cmath>

namespace ctxscope::timeline {
namespace {

class RectSink {
public:
    RectSink(const TimelineViewport& v, std::vector<TimelineRect>& out) : m_v(v), m_out(out) {}

    double x(Nanos t) const { return (static_cast<double>(t) - m_v.t0) / m_v.nsPerPixel; }

    // span adds [t0, t1] as a bar at least one pixel wide, clipped to the item.
    void span(Nanos t0, Nanos t1, float y, float h, QRgb c) {
        double x0 = std::max(-2.0, x(t0));
        double x1 = std::min(m_v.width + 2, x(t1));
        if (x1 < -1 || x0 > m_v.width + 1)
            return;
        if (x1 - x0 < 1)
            x1 = x0 + 1;
        m_out.push_back({static_cast<float>(x0), y, static_cast<float>(x1 - x0), h, c});
    }
    // instant adds a vertical mark `w` pixels wide centred on t.
    void instant(Nanos t, float y, float h, float w, QRgb c) {
        const double cx = x(t);
        if (cx < -w || cx > m_v.width + w)
            return;
        m_out.push_back({static_cast<float>(cx - w / 2), y, w, h, c});
    }

private:
    const TimelineViewport& m_v;
    std::vector<TimelineRect>& m_out;
};

Nanos openOr(Nanos end, Nanos open) { return end == kNever ? open : end; }

QRgb errColor(Err e, const TimelinePalette& p) { return e == Err::DeadlineExceeded ? p.deadline : p.canceled; }

void contextLane(RectSink& s, const TimelineLane& l, float y, float h, const TimelineViewport& v,
                 const TimelinePalette& p) {
    if (l.begin == kNever)
        return;
    const float barY = y + h * 0.3f, barH = h * 0.4f;
    s.span(l.begin, openOr(l.end, v.openEnd), barY, barH, l.cancelable ? p.alive : p.never);
    if (l.end != kNever) {
        // Done: a thin line to the end of the view in the colour of its Err, and the instant.
        s.span(l.end, std::max(l.end, v.openEnd), y + h * 0.48f, std::max(2.0f, h * 0.08f), errColor(l.err, p));
        s.instant(l.end, y + h * 0.15f, h * 0.7f, 4, errColor(l.err, p));
    }
    if (l.hasDeadline) {
        s.instant(l.deadline, y + h * 0.1f, h * 0.8f, 2, p.deadline);
        s.instant(l.deadline, y + h * 0.1f, h * 0.16f, 8, p.deadline); // a cap, so it reads as a marker
    }
}

void taskLane(RectSink& s, const TimelineData& d, std::size_t lane, float y, float h, const TimelineViewport& v,
              const TimelinePalette& p) {
    const TimelineLane& l = d.lanes[lane];
    if (l.begin == kNever)
        return;
    const Nanos end = openOr(l.end, v.openEnd);
    s.span(l.begin, end, y + h * 0.45f, std::max(2.0f, h * 0.1f), p.wait);
    const Nanos t0 = static_cast<Nanos>(std::floor(v.t0));
    const Nanos t1 = static_cast<Nanos>(std::ceil(v.t0 + v.width * v.nsPerPixel));
    auto [i, last] = d.visibleSteps(lane, t0, t1);
    const auto stepsEnd = d.steps.begin() + static_cast<std::ptrdiff_t>(l.firstStep + l.stepCount);
    while (i < last) {
        const TimelineStep& st = d.steps[i];
        const float stepY = y + h * 0.25f, stepH = h * 0.5f;
        const double x0 = s.x(st.start), x1 = s.x(st.end);
        if (st.start == st.end) {
            s.instant(st.start, y + h * 0.2f, h * 0.6f, 1, p.mark);
        } else {
            const QRgb c = st.op == StepOp::Work ? p.task : p.wait;
            // A one-pixel gap between wide neighbours keeps the steps apart.
            const Nanos gap = x1 - x0 > 4 ? static_cast<Nanos>(v.nsPerPixel) : 0;
            s.span(st.start, std::max(st.start, st.end - gap), stepY, stepH, c);
        }
        // Skip every later step that would land in the same pixel column.
        const double nextPixelTime = v.t0 + (std::floor(std::max(x0, x1)) + 1) * v.nsPerPixel;
        const auto next = std::partition_point(d.steps.begin() + static_cast<std::ptrdiff_t>(i) + 1, stepsEnd,
                                               [nextPixelTime](const TimelineStep& x) {
                                                   return static_cast<double>(x.end) < nextPixelTime;
                                               });
        i = std::min(last, static_cast<std::size_t>(next - d.steps.begin()));
    }
    if (l.noticedAt != kNever)
        s.instant(l.noticedAt, y + h * 0.1f, h * 0.8f, 4, errColor(l.err, p));
}

} // namespace

std::pair<int, int> visibleLaneRange(int laneCount, double contentY, double height, double laneHeight) {
    if (laneCount <= 0 || laneHeight <= 0 || height <= 0)
        return {0, 0};
    const int first = std::clamp(static_cast<int>(std::floor(contentY / laneHeight)), 0, laneCount);
    const int last = std::clamp(static_cast<int>(std::ceil((contentY + height) / laneHeight)), first, laneCount);
    return {first, last};
}

std::vector<TimelineRect> buildTimelineRects(const TimelineData& data, const TimelineViewport& view,
                                             const TimelinePalette& palette, CtxIndex selectedContext) {
    std::vector<TimelineRect> out;
    if (view.nsPerPixel <= 0 || view.width <= 0)
        return out;
    const auto [first, last] =
        visibleLaneRange(static_cast<int>(data.lanes.size()), view.contentY, view.height, view.laneHeight);
    RectSink sink(view, out);
    const auto h = static_cast<float>(view.laneHeight);
    const auto w = static_cast<float>(view.width);
    for (int i = first; i < last; ++i) {
        const float y = static_cast<float>(i * view.laneHeight - view.contentY);
        const TimelineLane& l = data.lanes[static_cast<std::size_t>(i)];
        if (selectedContext != kNone && l.context == selectedContext)
            out.push_back({0, y, w, h, palette.selection});
        else if (i % 2 == 1)
            out.push_back({0, y, w, h, palette.stripe});
    }
    for (int i = first; i < last; ++i) {
        const float y = static_cast<float>(i * view.laneHeight - view.contentY);
        const auto lane = static_cast<std::size_t>(i);
        if (data.lanes[lane].kind == LaneKind::Context)
            contextLane(sink, data.lanes[lane], y, h, view, palette);
        else
            taskLane(sink, data, lane, y, h, view, palette);
    }
    return out;
}

} // namespace ctxscope::timeline
