#include "lint_messages.h"

namespace ctxscope {

std::string lostCancelMessage(const SimulationResult& r, CtxIndex ctx, TaskIndex task)
{
    const ContextInfo& c = r.contexts[ctx];
    return "the cancel function returned by context." + std::string(contextKindName(c.kind)) + " for " + c.id +
           " is not used on all paths: task " + r.tasks[task].id +
           " returned without calling it (possible context leak; go vet lostcancel). Until its parent is "
           "done, " + c.id + " and its timer stay registered: write defer cancel() right after the call";
}

std::string outlivedMessage(const SimulationResult& r, TaskIndex task, CtxIndex ctx, Nanos by, bool ended)
{
    const std::string ctxName = ctx == kNone ? std::string("its context") : "its context " + r.contexts[ctx].id;
    return "goroutine " + r.tasks[task].id + (ended ? " kept working " : " was still working ") + formatDuration(by) +
           " after " + ctxName + " was done" + (ended ? "" : " when the run stopped") +
           ": it never checked ctx.Done() (time.Sleep or a loop without select), so the caller's deadline "
           "or cancel did not stop it";
}

std::string leakMessage(const SimulationResult& r, TaskIndex task, const std::string& waitDescription)
{
    return "found unexpected goroutine " + r.tasks[task].id + " still blocked when everything else finished: " +
           waitDescription + " (goleak would fail the test; in a server this goroutine and what it holds are never freed)";
}

} // namespace ctxscope
