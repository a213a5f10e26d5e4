#pragma once
// A terse way to write scenarios in C++ tests, so engine tests do not depend on the JSON loader.
#include "ctxscope/engine/scenario.h"
#include "ctxscope/engine/simulation.h"

#include <catch2/catch.hpp>

#include <string>

namespace ctxscope::test {

inline Nanos ms(double v) { return static_cast<Nanos>(v * 1e6); }

inline ContextSpec ctx(std::string id, ContextKind kind, std::string parent = {}, Nanos at = 0)
{
    ContextSpec c;
    c.id = std::move(id);
    c.kind = kind;
    c.parent = std::move(parent);
    c.at = at;
    return c;
}
inline ContextSpec timeoutCtx(std::string id, std::string parent, Nanos timeout, Nanos at = 0,
                              ContextKind kind = ContextKind::WithTimeout, std::string cause = {})
{
    ContextSpec c = ctx(std::move(id), kind, std::move(parent), at);
    c.timeout = timeout;
    c.cause = std::move(cause);
    return c;
}
inline ContextSpec deadlineCtx(std::string id, std::string parent, Nanos deadline, Nanos at = 0,
                               ContextKind kind = ContextKind::WithDeadline, std::string cause = {})
{
    ContextSpec c = ctx(std::move(id), kind, std::move(parent), at);
    c.deadline = deadline;
    c.cause = std::move(cause);
    return c;
}
inline ContextSpec valueCtx(std::string id, std::string parent, std::string key, Scalar value,
                            std::string keyType = "ctxKey")
{
    ContextSpec c = ctx(std::move(id), ContextKind::WithValue, std::move(parent));
    c.key = std::move(key);
    c.value = std::move(value);
    c.keyType = std::move(keyType);
    return c;
}

inline Step work(Nanos d, Watch w = Watch::Done, Nanos poll = 0)
{
    Step s;
    s.op = StepOp::Work;
    s.duration = d;
    s.watch = w;
    s.pollEvery = poll;
    return s;
}
inline Step awaitDone() { Step s; s.op = StepOp::Await; s.await = AwaitKind::Done; return s; }
inline Step awaitChildren() { Step s; s.op = StepOp::Await; s.await = AwaitKind::Children; return s; }
inline Step awaitList(std::vector<std::string> ids)
{
    Step s;
    s.op = StepOp::Await;
    s.await = AwaitKind::List;
    s.awaitIds = std::move(ids);
    return s;
}
inline Step derive(ContextSpec c, bool deferCancel = true)
{
    Step s;
    s.op = StepOp::Derive;
    c.parent.clear();
    s.derive.push_back(std::move(c));
    s.deferCancel = deferCancel;
    return s;
}
inline Step cancelStep(std::string target, std::optional<std::string> cause = std::nullopt)
{
    Step s;
    s.op = StepOp::Cancel;
    s.target = std::move(target);
    s.cause = std::move(cause);
    return s;
}
inline Step spawn(std::string id, std::vector<Step> steps)
{
    Step s;
    s.op = StepOp::Spawn;
    TaskSpec t;
    t.id = std::move(id);
    t.steps = std::move(steps);
    s.spawn.push_back(std::move(t));
    return s;
}
inline Step valueStep(std::string key, std::string keyType = "ctxKey")
{
    Step s;
    s.op = StepOp::Value;
    s.text = std::move(key);
    s.keyType = std::move(keyType);
    return s;
}
inline Step afterFuncStep(std::string id, std::vector<Step> steps = {})
{
    Step s;
    s.op = StepOp::AfterFunc;
    AfterFuncSpec a;
    a.id = std::move(id);
    a.steps = std::move(steps);
    s.afterFunc.push_back(std::move(a));
    return s;
}
inline Step stopAfterFuncStep(std::string id) { Step s; s.op = StepOp::StopAfterFunc; s.target = std::move(id); return s; }
inline Step fail(std::string msg) { Step s; s.op = StepOp::Fail; s.text = std::move(msg); return s; }
inline Step logStep(std::string msg) { Step s; s.op = StepOp::Log; s.text = std::move(msg); return s; }

inline TaskSpec task(std::string id, std::string context, std::vector<Step> steps, Nanos at = 0)
{
    TaskSpec t;
    t.id = std::move(id);
    t.context = std::move(context);
    t.steps = std::move(steps);
    t.at = at;
    return t;
}
inline AfterFuncSpec afterFunc(std::string id, std::string context, std::vector<Step> steps = {}, Nanos at = 0)
{
    AfterFuncSpec a;
    a.id = std::move(id);
    a.context = std::move(context);
    a.steps = std::move(steps);
    a.at = at;
    return a;
}
inline Action cancelAt(Nanos at, std::string target, std::optional<std::string> cause = std::nullopt)
{
    return Action{at, ActionOp::Cancel, std::move(target), std::move(cause)};
}
inline Action stopAt(Nanos at, std::string target) { return Action{at, ActionOp::StopAfterFunc, std::move(target), {}}; }

inline Scenario scenario(std::vector<ContextSpec> contexts)
{
    Scenario s;
    s.name = "test";
    s.contexts = std::move(contexts);
    return s;
}

// Final state lookups that fail the test (not crash) when the id is missing.
inline const ContextInfo& C(const SimulationResult& r, const std::string& id)
{
    auto i = r.findContext(id);
    REQUIRE(i.has_value());
    return r.contexts[*i];
}
inline const TaskInfo& T(const SimulationResult& r, const std::string& id)
{
    auto i = r.findTask(id);
    REQUIRE(i.has_value());
    return r.tasks[*i];
}
inline const AfterFuncInfo& AF(const SimulationResult& r, const std::string& id)
{
    auto i = r.findAfterFunc(id);
    REQUIRE(i.has_value());
    return r.afterFuncs[*i];
}
inline std::string causeOf(const SimulationResult& r, const std::string& id)
{
    const ContextInfo& c = C(r, id);
    return c.cause == kNone ? std::string("<nil>") : r.strings[c.cause];
}
inline std::string errOf(const SimulationResult& r, const std::string& id)
{
    const ContextInfo& c = C(r, id);
    return c.err == Err::None ? std::string("<nil>") : std::string(errString(c.err));
}
inline bool hasLint(const SimulationResult& r, const std::string& rule, const std::string& subject)
{
    for (const LintFinding& l : r.lints)
        if (l.rule == rule && l.subject == subject)
            return true;
    return false;
}

} // namespace ctxscope::test
