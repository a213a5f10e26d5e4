#pragma once
// A hand-built SimulationResult shaped like trace.md's example (an HTTP handler with a 200ms
// budget), so the output writers and the expectation checker are tested without the simulator.
#include "ctxscope/engine/simulation.h"

#include <string>

namespace ctxscope::testing {

inline StrId addString(SimulationResult& r, std::string s)
{
    r.strings.push_back(std::move(s));
    return static_cast<StrId>(r.strings.size() - 1);
}

inline Event makeEvent(Nanos t, EventKind kind, std::uint32_t subject, std::uint32_t other = kNone,
                       std::uint32_t by = kNone, StrId str = kNone)
{
    Event e;
    e.t = t;
    e.kind = kind;
    e.subject = subject;
    e.other = other;
    e.by = by;
    e.str = str;
    return e;
}

// Contexts: 0 root (Background), 1 req (WithTimeout 200ms), 2 db (WithCancel, derived by
// handler). Tasks: 0 handler on req, ends at 200ms with DeadlineExceeded; 1 cleanup, the call
// of after-func 0, which was stopped at 100ms and never ran. One lookup, one lint.
inline SimulationResult httpHandlerResult()
{
    SimulationResult r;
    r.scenarioName = "HTTP handler with a 200ms budget";
    r.seed = 7;
    r.strings = {"context canceled", "context deadline exceeded"};
    const StrId ok = addString(r, "ok");
    const StrId logText = addString(r, "querying");

    ContextInfo root;
    root.id = "root"; // no label of its own: shown by its id
    root.kind = ContextKind::Background;
    root.createdAt = 0;
    ContextInfo req;
    req.id = "req";
    req.kind = ContextKind::WithTimeout;
    req.parent = 0;
    req.createdAt = 0;
    req.deadline = 200 * kMillisecond;
    req.deadlineFrom = 1;
    req.canEverBeDone = true;
    req.err = Err::DeadlineExceeded;
    req.cause = kStrDeadlineExceeded;
    req.reason = Reason::Deadline;
    req.source = 1;
    req.doneAt = 200 * kMillisecond;
    ContextInfo db;
    db.id = "db";
    db.labelIndex = 0;
    r.labels = {"database"};
    db.kind = ContextKind::WithCancel;
    db.parent = 1;
    db.derivedBy = 0;
    db.createdAt = 0;
    db.deadline = 200 * kMillisecond;
    db.deadlineFrom = 1;
    db.canEverBeDone = true;
    db.err = Err::DeadlineExceeded;
    db.cause = kStrDeadlineExceeded;
    db.reason = Reason::Parent;
    db.source = 1;
    db.doneAt = 200 * kMillisecond;
    r.contexts = {root, req, db};

    TaskInfo handler;
    handler.id = "handler";
    handler.label = "handler";
    handler.context = 1;
    handler.startedAt = 0;
    handler.endedAt = 200 * kMillisecond;
    handler.state = TaskResultKind::Ended;
    handler.result = "context deadline exceeded";
    TaskInfo cleanupCall;
    cleanupCall.id = "cleanup";
    cleanupCall.label = "cleanup";
    cleanupCall.afterFunc = 0;
    r.tasks = {handler, cleanupCall};

    AfterFuncInfo cleanup;
    cleanup.id = "cleanup";
    cleanup.context = 1;
    cleanup.registeredBy = 0;
    cleanup.call = 1;
    cleanup.registeredAt = 0;
    cleanup.stopped = true;
    r.afterFuncs = {cleanup};

    Lookup lookup;
    lookup.task = 0;
    lookup.t = 0;
    lookup.context = 2;
    lookup.key = "userID";
    lookup.keyType = "ctxKey";
    lookup.found = true;
    lookup.value = Scalar::string("42");
    lookup.boundAt = 0;
    r.lookups = {lookup};

    LintFinding lint{"lostcancel", "warning", "db", 0, "the cancel function of db is not used on all paths"};
    r.lints = {lint};

    const Nanos ms200 = 200 * kMillisecond;
    r.events = {
        makeEvent(0, EventKind::ContextCreated, 0),
        makeEvent(0, EventKind::ContextCreated, 1),
        makeEvent(0, EventKind::TaskStarted, 0, 1),
        makeEvent(0, EventKind::ContextCreated, 2, kNone, 0),
        makeEvent(0, EventKind::ValueLookup, 0, 0),
        makeEvent(0, EventKind::AfterFuncRegistered, 0, 1),
        makeEvent(0, EventKind::Lint, kNone, 0),
        makeEvent(50 * kMillisecond, EventKind::Log, 0, kNone, kNone, logText),
        makeEvent(100 * kMillisecond, EventKind::AfterFuncStop, 0, kNone, 0),
        makeEvent(ms200, EventKind::ContextCanceled, 1, 1, kNone, kStrDeadlineExceeded),
        makeEvent(ms200, EventKind::ContextCanceled, 2, 1, kNone, kStrDeadlineExceeded),
        makeEvent(ms200, EventKind::TaskEnded, 0, kNone, kNone, kStrDeadlineExceeded),
        makeEvent(ms200, EventKind::End, kNone),
    };
    r.events[8].flag = true;
    for (int i : {9, 10})
        r.events[static_cast<std::size_t>(i)].err = Err::DeadlineExceeded;
    r.events[9].reason = Reason::Deadline;
    r.events[10].reason = Reason::Parent;
    (void)ok;
    r.endTime = ms200;
    r.stopped = StopReason::Idle;
    return r;
}

} // namespace ctxscope::testing
