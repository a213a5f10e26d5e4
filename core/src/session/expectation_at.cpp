// "Add expectation from what happens now": the state at the playhead, written as an expectation
// in the scenario format's own terms (times as Go durations, "never" as null).
#include "ctxscope/session/session.h"

namespace ctxscope {
namespace {

Scalar timeOrNull(bool happened, Nanos t) {
    return happened && t != kNever ? Scalar::string(formatDuration(t)) : Scalar::null();
}

} // namespace

std::optional<Expectation> expectationAt(const Selection& sel, const SimulationResult& result,
                                         const Playback& playback) {
    Expectation e;
    e.subject = sel.id;
    switch (sel.kind) {
    case Selection::Kind::Context: {
        const auto i = result.findContext(sel.id);
        if (!i)
            return std::nullopt;
        const ContextStateAt st = playback.context(*i);
        const bool done = st.err != Err::None;
        e.kind = Expectation::Kind::Context;
        e.fields.push_back({"err", done ? Scalar::string(errString(st.err)) : Scalar::null()});
        e.fields.push_back({"cause", done && st.cause != kNone ? Scalar::string(result.str(st.cause)) : Scalar::null()});
        e.fields.push_back({"done_at", timeOrNull(done, st.doneAt)});
        return e;
    }
    case Selection::Kind::Task: {
        const auto i = result.findTask(sel.id);
        if (!i)
            return std::nullopt;
        const TaskStateAt st = playback.task(*i);
        e.kind = Expectation::Kind::Task;
        e.fields.push_back({"result", st.ended && st.result != kNone ? Scalar::string(result.str(st.result)) : Scalar::null()});
        e.fields.push_back({"ended_at", timeOrNull(st.ended, result.tasks[*i].endedAt)});
        return e;
    }
    case Selection::Kind::AfterFunc: {
        const auto i = result.findAfterFunc(sel.id);
        if (!i)
            return std::nullopt;
        const AfterFuncStateAt st = playback.afterFunc(*i);
        e.kind = Expectation::Kind::AfterFunc;
        e.fields.push_back({"ran_at", timeOrNull(st.started, result.afterFuncs[*i].startedAt)});
        e.fields.push_back({"stopped", Scalar::boolean(st.stopped)});
        return e;
    }
    default: return std::nullopt;
    }
}

} // namespace ctxscope
