#include "timelinedata.h"

#include "groupedlists.h"

#include <algorithm>

namespace ctxscope::timeline {
namespace {

// Children of every context and the tasks started on it, each list in creation order (the time
// it came to exist, then its index: never-created ones last).
struct Forest {
    GroupedLists children;
    std::vector<CtxIndex> roots;
    GroupedLists tasks;
};

Forest forestOf(const SimulationResult& r) {
    Forest f;
    const std::size_t n = r.contexts.size();
    f.children = groupBy(
        n, n, [&](std::size_t c) -> std::size_t { const CtxIndex p = r.contexts[c].parent; return p == c ? n : p; }, &f.roots);
    f.tasks = groupBy(n, r.tasks.size(), [&](std::size_t t) -> std::size_t { return r.tasks[t].context; });
    const auto key = [](Nanos at) { return at == kNever ? std::numeric_limits<Nanos>::max() : at; };
    const auto byContextCreation = [&](CtxIndex a, CtxIndex b) {
        return std::pair(key(r.contexts[a].createdAt), a) < std::pair(key(r.contexts[b].createdAt), b);
    };
    const auto byTaskStart = [&](TaskIndex a, TaskIndex b) {
        return std::pair(key(r.tasks[a].startedAt), a) < std::pair(key(r.tasks[b].startedAt), b);
    };
    std::sort(f.roots.begin(), f.roots.end(), byContextCreation);
    for (std::size_t c = 0; c < n; ++c) {
        if (const auto kids = f.children.of(c); kids.size() > 1)
            std::sort(kids.begin(), kids.end(), byContextCreation);
        if (const auto tasks = f.tasks.of(c); tasks.size() > 1)
            std::sort(tasks.begin(), tasks.end(), byTaskStart);
    }
    return f;
}

bool isErrResult(const std::string& result) {
    return result == errString(Err::Canceled) || result == errString(Err::DeadlineExceeded);
}

} // namespace

std::pair<std::size_t, std::size_t> TimelineData::visibleSteps(std::size_t lane, Nanos t0, Nanos t1) const {
    if (lane >= lanes.size())
        return {0, 0};
    const TimelineLane& l = lanes[lane];
    const auto first = steps.begin() + l.firstStep;
    const auto last = first + l.stepCount;
    // Ends ascend with starts, so both bounds are partition points.
    const auto from = std::partition_point(first, last, [t0](const TimelineStep& s) { return s.end < t0; });
    const auto to = std::partition_point(from, last, [t1](const TimelineStep& s) { return s.start <= t1; });
    return {static_cast<std::size_t>(from - steps.begin()), static_cast<std::size_t>(to - steps.begin())};
}

int TimelineData::contextLane(CtxIndex c) const {
    return c < contextLaneIndex.size() ? contextLaneIndex[c] : -1;
}

int TimelineData::taskLane(TaskIndex t) const { return t < taskLaneIndex.size() ? taskLaneIndex[t] : -1; }

TimelineData buildTimeline(const SimulationResult& r, const std::unordered_set<std::string>& collapsed) {
    TimelineData d;
    d.runEnd = r.endTime;
    d.contextLaneIndex.assign(r.contexts.size(), -1);
    d.taskLaneIndex.assign(r.tasks.size(), -1);

    // Steps grouped by task, keeping the order they began in (a stable counting sort).
    std::vector<std::uint32_t> stepStart(r.tasks.size() + 1, 0);
    for (const StepSpan& s : r.steps)
        if (s.task < r.tasks.size())
            ++stepStart[s.task + 1];
    for (std::size_t t = 0; t < r.tasks.size(); ++t)
        stepStart[t + 1] += stepStart[t];
    std::vector<TimelineStep> byTask(stepStart.back());
    std::vector<Nanos> noticed(r.tasks.size(), kNever);
    {
        std::vector<std::uint32_t> fill(stepStart.begin(), stepStart.end() - 1);
        for (const StepSpan& s : r.steps) {
            if (s.task >= r.tasks.size())
                continue;
            const Nanos end = s.end == kNever ? std::max(r.endTime, s.start) : std::max(s.end, s.start);
            byTask[fill[s.task]++] = TimelineStep{s.start, end, s.op, s.interrupted};
            if (s.interrupted && noticed[s.task] == kNever)
                noticed[s.task] = end;
        }
    }

    const Forest f = forestOf(r);
    d.lanes.reserve(r.contexts.size() + r.tasks.size());
    d.steps.reserve(byTask.size());
    // Depth-first with an explicit stack; children pushed in reverse so they pop in order.
    std::vector<std::pair<CtxIndex, std::uint32_t>> stack;
    for (auto it = f.roots.rbegin(); it != f.roots.rend(); ++it)
        stack.emplace_back(*it, 0);
    std::vector<std::uint8_t> seen(r.contexts.size(), 0);
    while (!stack.empty()) {
        const auto [c, depth] = stack.back();
        stack.pop_back();
        if (seen[c])
            continue;
        seen[c] = 1;
        const ContextInfo& info = r.contexts[c];
        TimelineLane lane;
        lane.kind = LaneKind::Context;
        lane.index = c;
        lane.context = c;
        lane.depth = depth;
        lane.begin = info.createdAt;
        lane.end = info.doneAt;
        lane.hasDeadline = info.hasDeadline();
        lane.deadline = info.deadline;
        lane.err = info.err;
        lane.reason = info.reason;
        lane.cancelable = info.canEverBeDone;
        d.contextLaneIndex[c] = static_cast<int>(d.lanes.size());
        d.lanes.push_back(lane);
        for (const TaskIndex t : f.tasks.of(c)) {
            const TaskInfo& task = r.tasks[t];
            TimelineLane tl;
            tl.kind = LaneKind::Task;
            tl.index = t;
            tl.context = c;
            tl.depth = depth + 1;
            tl.begin = task.startedAt;
            tl.end = task.endedAt;
            tl.err = info.err;
            tl.noticedAt = noticed[t];
            if (tl.noticedAt == kNever && task.endedAt != kNever && isErrResult(task.result))
                tl.noticedAt = task.endedAt;
            tl.firstStep = static_cast<std::uint32_t>(d.steps.size());
            tl.stepCount = stepStart[t + 1] - stepStart[t];
            d.steps.insert(d.steps.end(), byTask.begin() + stepStart[t], byTask.begin() + stepStart[t + 1]);
            d.taskLaneIndex[t] = static_cast<int>(d.lanes.size());
            d.lanes.push_back(tl);
        }
        if (collapsed.contains(info.id))
            continue;
        const auto kids = f.children.of(c);
        for (auto it = kids.rbegin(); it != kids.rend(); ++it)
            stack.emplace_back(*it, depth + 1);
    }
    return d;
}

} // namespace ctxscope::timeline
