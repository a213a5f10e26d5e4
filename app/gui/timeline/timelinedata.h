#pragma once
// TimelineData: the lanes of the timeline, built once per simulation from the immutable result
// (Qt Creator's tracing idea: flat sorted arrays and an index API, no object per item). One lane
// per context, depth first in creation order, each followed by the lanes of the tasks started on
// it. A task lane keeps its steps as a run of StepSpans that are sorted by start AND by end (a
// task runs its steps one after another), so the steps in view are found by binary search.
#include "ctxscope/engine/simulation.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

namespace ctxscope::timeline {

enum class LaneKind : std::uint8_t { Context, Task };

struct TimelineLane {
    LaneKind kind = LaneKind::Context;
    std::uint32_t index = kNone;   // CtxIndex or TaskIndex
    CtxIndex context = kNone;      // the context itself, or the task's context
    std::uint32_t depth = 0;       // indentation: a task is one deeper than its context
    Nanos begin = kNever;          // created / started (kNever: never)
    Nanos end = kNever;            // done / ended (kNever: not within the run)
    // Context lanes: what Deadline() reports (if hasDeadline) and how it became done. Task
    // lanes: err is their context's final Err (the colour of the moment they noticed it).
    bool hasDeadline = false;
    Nanos deadline = kNoDeadline;
    Err err = Err::None;
    Reason reason = Reason::None;
    bool cancelable = true;        // false under Background/TODO/WithoutCancel (R5, R42)
    // Task lanes: when it noticed its context was done (end of an interrupted step), and the
    // run of its steps in TimelineData::steps.
    Nanos noticedAt = kNever;
    std::uint32_t firstStep = 0;
    std::uint32_t stepCount = 0;
};

struct TimelineStep {
    Nanos start = 0;
    Nanos end = 0;                 // the end of the run when it was still going
    StepOp op = StepOp::Work;
    bool interrupted = false;
};

struct TimelineData {
    std::vector<TimelineLane> lanes;
    std::vector<TimelineStep> steps;   // grouped by lane, each group sorted by start and end
    Nanos runEnd = 0;                  // SimulationResult::endTime

    // visibleSteps returns the half-open range [first, last) of the lane's steps (indices into
    // steps) that meet the time window [t0, t1]. O(log n) in the lane's step count.
    std::pair<std::size_t, std::size_t> visibleSteps(std::size_t lane, Nanos t0, Nanos t1) const;
    // contextLane and taskLane return the lane of a context or a task, or -1 when it has none.
    int contextLane(CtxIndex c) const;
    int taskLane(TaskIndex t) const;
    std::vector<int> contextLaneIndex;  // by CtxIndex, -1 when hidden
    std::vector<int> taskLaneIndex;     // by TaskIndex, -1 when hidden
};

// buildTimeline lays out the lanes of a run. Contexts whose ids are in `collapsed` keep their
// own lane and their tasks' lanes, but the lanes of their descendants are left out (the tree
// shows the collapsed subtree as one node). Never recursive: a chain a million deep is fine.
TimelineData buildTimeline(const SimulationResult& result, const std::unordered_set<std::string>& collapsed);

} // namespace ctxscope::timeline
