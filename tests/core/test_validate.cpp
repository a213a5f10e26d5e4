#include "ctxscope/engine/validate.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace ctxscope;

namespace {

ContextSpec ctx(std::string id, ContextKind kind, std::string parent = {})
{
    ContextSpec c;
    c.id = std::move(id);
    c.kind = kind;
    c.parent = std::move(parent);
    return c;
}

Scenario base()
{
    Scenario s;
    s.name = "base";
    s.contexts = {ctx("root", ContextKind::Background), ctx("c", ContextKind::WithCancel, "root"),
                  ctx("cc", ContextKind::WithCancelCause, "root"), ctx("todo", ContextKind::TODO)};
    ContextSpec v = ctx("v", ContextKind::WithValue, "c");
    v.key = "k";
    v.value = Scalar::string("x");
    s.contexts.push_back(v);
    s.contexts.push_back(ctx("w", ContextKind::WithoutCancel, "v"));
    return s;
}

Step work(Nanos d)
{
    Step st;
    st.op = StepOp::Work;
    st.duration = d;
    return st;
}

Step spawnStep(TaskSpec t)
{
    Step st;
    st.op = StepOp::Spawn;
    st.spawn = {std::move(t)};
    return st;
}

Step deriveStep(ContextSpec c)
{
    Step st;
    st.op = StepOp::Derive;
    st.derive = {std::move(c)};
    return st;
}

Step cancelStep(std::string target, std::optional<std::string> cause = std::nullopt)
{
    Step st;
    st.op = StepOp::Cancel;
    st.target = std::move(target);
    st.cause = std::move(cause);
    return st;
}

TaskSpec task(std::string id, std::string context, std::vector<Step> steps = {})
{
    TaskSpec t;
    t.id = std::move(id);
    t.context = std::move(context);
    t.steps = std::move(steps);
    return t;
}

// "path: message" for each problem, to compare in one line.
std::vector<std::string> problems(const Scenario& s)
{
    std::vector<std::string> out;
    for (const Problem& p : validateScenario(s))
        out.push_back(p.path + ": " + p.message);
    return out;
}

using Lines = std::vector<std::string>;

} // namespace

TEST_CASE("validateScenario accepts a well-formed scenario")
{
    Scenario s = base();
    s.tasks = {task("t", "c", {work(kSecond), cancelStep("cc", "why"), cancelStep("c")})};
    CHECK(problems(s).empty());
}

TEST_CASE("a derived kind without a parent is Go's nil-parent panic, cited as SA1012")
{
    Scenario s = base();
    s.contexts.push_back(ctx("orphan", ContextKind::WithTimeout));
    const auto p = problems(s);
    REQUIRE(p.size() == 1);
    CHECK(p[0] == "contexts[6].parent: WithTimeout needs a parent: Go panics with \"cannot create context from nil "
                  "parent\" (SA1012)");
}

TEST_CASE("parents must exist, be listed earlier, and roots have none")
{
    Scenario s = base();
    s.contexts.push_back(ctx("early", ContextKind::WithCancel, "late"));
    s.contexts.push_back(ctx("late", ContextKind::WithCancel, "root"));
    s.contexts.push_back(ctx("self", ContextKind::WithCancel, "self"));
    s.contexts.push_back(ctx("bg", ContextKind::Background, "root"));
    CHECK(problems(s) == Lines{
                             "contexts[6].parent: parent \"late\" is listed later, at contexts[7]; a parent must be "
                             "listed before its children",
                             "contexts[8].parent: a context cannot be its own parent",
                             "contexts[9].parent: a Background context has no parent",
                         });
}

TEST_CASE("a context is not created before its parent")
{
    Scenario s = base();
    s.contexts[1].at = 30 * kMillisecond;
    s.contexts.push_back(ctx("kid", ContextKind::WithCancel, "c"));
    s.contexts.back().at = 29 * kMillisecond;
    // v (child of c) is created at 0, before c at 30ms, too.
    CHECK(problems(s) == Lines{
                             "contexts[4].at: created at 0s, before its parent \"c\" exists (created at 30ms)",
                             "contexts[6].at: created at 29ms, before its parent \"c\" exists (created at 30ms)",
                         });
}

TEST_CASE("cancel targets need a cancel function, and only WithCancelCause takes a cause")
{
    Scenario s = base();
    s.tasks = {task("t", "c",
                    {cancelStep("root"), cancelStep("todo"), cancelStep("v"), cancelStep("w"), cancelStep("c", "x"),
                     cancelStep("cc", "x"), cancelStep("ghost")})};
    s.actions = {Action{0, ActionOp::Cancel, "w", std::nullopt}, Action{0, ActionOp::Cancel, "c", std::string("y")}};
    CHECK(problems(s) ==
          Lines{
              "tasks[0].steps[0].cancel: context \"root\" is a Background context, which has no cancel function",
              "tasks[0].steps[1].cancel: context \"todo\" is a TODO context, which has no cancel function",
              "tasks[0].steps[2].cancel: context \"v\" is a WithValue context, which has no cancel function",
              "tasks[0].steps[3].cancel: context \"w\" is a WithoutCancel context, which has no cancel function",
              "tasks[0].steps[4].cause: only a WithCancelCause context's cancel function takes a cause; \"c\" is a "
              "WithCancel context",
              "tasks[0].steps[6].cancel: unknown context \"ghost\"",
              "actions[0].cancel: context \"w\" is a WithoutCancel context, which has no cancel function",
              "actions[1].cause: only a WithCancelCause context's cancel function takes a cause; \"c\" is a "
              "WithCancel context",
          });
}

TEST_CASE("a context made by a derive step can be canceled and expected, but not used as a top-level parent")
{
    Scenario s = base();
    ContextSpec db = ctx("db", ContextKind::WithTimeout);
    db.timeout = kSecond;
    s.tasks = {task("t", "c", {deriveStep(db), cancelStep("db")}), task("u", "db")};
    s.contexts.push_back(ctx("x", ContextKind::WithCancel, "db"));
    s.expect = {Expectation{Expectation::Kind::Context, "db", "", {}}};
    CHECK(problems(s) == Lines{
                             "contexts[6].parent: parent \"db\" is created by a task's derive step "
                             "(tasks[0].steps[0].derive); a context in \"contexts\" can only have a parent from "
                             "\"contexts\"",
                             "tasks[1].context: context \"db\" is created by a derive step; a top-level task can only "
                             "use a context from \"contexts\"",
                         });
}

TEST_CASE("context ids are unique across the contexts list and derive steps at any depth")
{
    Scenario s = base();
    TaskSpec inner = task("inner", "", {deriveStep(ctx("c", ContextKind::WithCancel))});
    s.tasks = {task("t", "c", {spawnStep(inner)})};
    CHECK(problems(s) == Lines{"tasks[0].steps[0].spawn.steps[0].derive.id: duplicate context id \"c\": already used "
                               "at contexts[1].id"});
}

TEST_CASE("tasks, spawned tasks and after-funcs share one set of ids")
{
    Scenario s = base();
    AfterFuncSpec af;
    af.id = "job";
    af.context = "c";
    Step afStep;
    afStep.op = StepOp::AfterFunc;
    AfterFuncSpec innerAf;
    innerAf.id = "deep";
    afStep.afterFunc = {innerAf};
    s.tasks = {task("job", "c", {spawnStep(task("deep", "")), afStep})};
    s.afterFuncs = {af};
    CHECK(problems(s) == Lines{
                             "tasks[0].steps[1].after_func.id: duplicate after-func id \"deep\": already used at "
                             "tasks[0].steps[0].spawn.id (tasks and after-funcs share one set of ids)",
                             "after_funcs[0].id: duplicate after-func id \"job\": already used at tasks[0].id (tasks "
                             "and after-funcs share one set of ids)",
                         });
}

TEST_CASE("ids follow the documented pattern")
{
    for (const char* good : {"a", "_", "A9", "req.db-1_x", "x_________________________________________________________64"})
        CHECK(isValidId(good));
    CHECK(isValidId(std::string(64, 'a')));
    CHECK_FALSE(isValidId(std::string(65, 'a')));
    for (const char* bad : {"", "9a", "-a", ".a", "a b", "a/b", "caf\xC3\xA9", "a\n"})
        CHECK_FALSE(isValidId(bad));
}

TEST_CASE("key types are Go identifiers and not keywords")
{
    for (const char* good : {"ctxKey", "string", "int", "_k", "key2"})
        CHECK(isGoIdentifier(good));
    for (const char* bad : {"", "my key", "9k", "func", "type", "pkg.Key", "*ctxKey"})
        CHECK_FALSE(isGoIdentifier(bad));
    Scenario s = base();
    s.contexts[4].keyType = "map";
    Step lookup;
    lookup.op = StepOp::Value;
    lookup.text = "k";
    lookup.keyType = "a-b";
    s.tasks = {task("t", "c", {lookup})};
    CHECK(problems(s) == Lines{
                             "contexts[4].key_type: invalid key_type \"map\": a key type is a Go identifier such as "
                             "\"ctxKey\"",
                             "tasks[0].steps[0].key_type: invalid key_type \"a-b\": a key type is a Go identifier such "
                             "as \"ctxKey\"",
                         });
}

TEST_CASE("fields that do not belong to a context's kind are reported where they are")
{
    Scenario s = base();
    s.contexts[1].timeout = kSecond;
    s.contexts[1].cause = "x";
    s.contexts[0].key = "k";
    ContextSpec derived = ctx("d", ContextKind::WithDeadline, "root");
    derived.at = kSecond;
    derived.deadline = -kMillisecond;
    TaskSpec inner = task("inner", "", {deriveStep(derived)});
    s.tasks = {task("t", "c", {work(0), spawnStep(inner)})};
    CHECK(problems(s) ==
          Lines{
              "contexts[0].key: a Background context has no key (only WithValue has one)",
              "contexts[1].timeout: a WithCancel context has no timeout",
              "contexts[1].cause: a WithCancel context has no cause (only WithTimeoutCause and WithDeadlineCause have "
              "one)",
              "tasks[0].steps[1].spawn.steps[0].derive.parent: a derived context has no parent field: its parent is "
              "the task's current context",
              "tasks[0].steps[1].spawn.steps[0].derive.at: a derived context has no \"at\": it is created when the step "
              "runs",
          });
}

TEST_CASE("points in time are not negative and polling intervals are positive")
{
    Scenario s = base();
    s.until = -kSecond;
    s.contexts[1].at = -1;
    Step poll = work(kSecond);
    poll.watch = Watch::Poll;
    poll.pollEvery = 0;
    TaskSpec t = task("t", "c", {work(-kMillisecond), poll});
    t.at = -5;
    s.tasks = {t};
    s.actions = {Action{-kMillisecond, ActionOp::Cancel, "c", std::nullopt}};
    CHECK(problems(s) == Lines{
                             "until: a point in time cannot be negative (-1s)",
                             "contexts[1].at: a point in time cannot be negative (-1ns)",
                             "tasks[0].at: a point in time cannot be negative (-5ns)",
                             "tasks[0].steps[0].work: a work duration cannot be negative (-1ms)",
                             "tasks[0].steps[1].watch: the polling interval must be positive (0s)",
                             "actions[0].at: a point in time cannot be negative (-1ms)",
                         });
}

TEST_CASE("top-level tasks and after-funcs need a context that exists when they start")
{
    Scenario s = base();
    s.contexts[1].at = kSecond;
    s.contexts[4].at = kSecond; // v, child of c
    s.contexts[5].at = kSecond; // w, child of v
    TaskSpec early = task("early", "c");
    early.at = 500 * kMillisecond;
    AfterFuncSpec af;
    af.id = "af";
    af.context = "c";
    af.at = 10 * kMillisecond;
    AfterFuncSpec noCtx;
    noCtx.id = "none";
    s.tasks = {early, task("lost", "rot")};
    s.afterFuncs = {af, noCtx};
    CHECK(problems(s) == Lines{
                             "tasks[0].at: starts at 500ms, before its context \"c\" exists (created at 1s)",
                             "tasks[1].context: unknown context \"rot\" (did you mean \"root\"?)",
                             "after_funcs[0].at: registered at 10ms, before its context \"c\" exists (created at 1s)",
                             "after_funcs[1].context: a top-level after-func needs a context: the id of a context in "
                             "\"contexts\"",
                         });
}

TEST_CASE("await lists name tasks and stop_after_func names after-funcs")
{
    Scenario s = base();
    Step awaitStep;
    awaitStep.op = StepOp::Await;
    awaitStep.await = AwaitKind::List;
    awaitStep.awaitIds = {"helper", "af", "t", "nobody"};
    Step stopTask;
    stopTask.op = StepOp::StopAfterFunc;
    stopTask.target = "helper";
    Step stopAf = stopTask;
    stopAf.target = "af";
    AfterFuncSpec af;
    af.id = "af";
    af.context = "c";
    s.tasks = {task("t", "c", {spawnStep(task("helper", "")), awaitStep, stopTask, stopAf})};
    s.afterFuncs = {af};
    s.actions = {Action{0, ActionOp::StopAfterFunc, "afx", std::nullopt}};
    CHECK(problems(s) == Lines{
                             "tasks[0].steps[1].await[1]: \"af\" is an after-func, not a task",
                             "tasks[0].steps[1].await[2]: a task cannot wait for itself",
                             "tasks[0].steps[1].await[3]: unknown task \"nobody\"",
                             "tasks[0].steps[2].stop_after_func: \"helper\" is a task, not an after-func",
                             "actions[0].stop_after_func: unknown after-func \"afx\" (did you mean \"af\"?)",
                         });
}

TEST_CASE("spawn and after_func nesting is limited to 256 levels")
{
    auto nested = [](int levels) {
        TaskSpec t = task("t" + std::to_string(levels), "", {work(1)});
        for (int i = levels - 1; i >= 1; --i)
            t = task("t" + std::to_string(i), "", {spawnStep(t)});
        return t;
    };
    Scenario ok = base();
    TaskSpec top = task("top", "c", {spawnStep(nested(256))});
    ok.tasks = {top};
    CHECK(problems(ok).empty());

    Scenario deep = base();
    deep.tasks = {task("top", "c", {spawnStep(nested(257))})};
    const auto p = problems(deep);
    REQUIRE(p.size() == 1);
    CHECK(p[0].rfind("tasks[0].steps[0]", 0) == 0);
    CHECK(p[0].find(".spawn: spawn and after_func steps nest deeper than 256 levels") != std::string::npos);
}

TEST_CASE("expectations refer to things that exist and check fields of the right type")
{
    Scenario s = base();
    s.tasks = {task("t", "c")};
    using K = Expectation::Kind;
    s.expect = {
        Expectation{K::Context, "c", "", {{"err", Scalar::string("context canceled")}, {"done_at", Scalar::string("1s")}}},
        Expectation{K::Context, "ghost", "", {{"done_at", Scalar::number("5")}}},
        Expectation{K::Context, "c", "", {{"reason", Scalar::string("x")}, {"source", Scalar::string("zz")}, {"err", Scalar::boolean(true)}}},
        Expectation{K::Task, "t", "", {{"ended_at", Scalar::string("soon")}, {"resul", Scalar::string("ok")}}},
        Expectation{K::AfterFunc, "t", "", {{"stopped", Scalar::string("yes")}}},
        Expectation{K::Lookup, "k", "", {{"found", Scalar::number("1")}}},
        Expectation{K::Lint, "SA1029", "v", {}},
        Expectation{K::Lint, "lostcancl", "", {}},
        Expectation{K::Stopped, "idle", "", {}},
        Expectation{K::Stopped, "done", "", {}},
        Expectation{K::Context, "c", "", {{"err", Scalar::null()}, {"err", Scalar::null()}}},
    };
    CHECK(problems(s) ==
          Lines{
              "expect[1].context: unknown context \"ghost\"",
              "expect[1].done_at: expected a duration, found the number 5: durations are strings such as \"250ms\"",
              "expect[2].reason: invalid reason \"x\": use \"cancel\", \"deadline\" or \"parent\"",
              "expect[2].source: unknown context \"zz\"",
              "expect[2].err: expected a string or null",
              "expect[3].ended_at: invalid duration \"soon\": expected a number and a unit, as in \"250ms\" or \"1m30s\"",
              "expect[3].resul: unknown field \"resul\" for a task expectation (did you mean \"result\"?)",
              "expect[4].after_func: \"t\" is a task, not an after-func",
              "expect[4].stopped: expected true, false or null",
              "expect[5].task: a lookup expectation names the task that made the lookup (\"task\")",
              "expect[5].found: expected true or false",
              "expect[7].lint: unknown lint rule \"lostcancl\" (did you mean \"lostcancel\"?); the rules are "
              "lostcancel, SA1012, SA1029, goroutine-outlived-context, goroutine-leak",
              "expect[9].stopped: invalid stopped value \"done\": use \"idle\" or \"horizon\"",
              "expect[10].err: field \"err\" is listed twice",
          });
}

TEST_CASE("an unsupported version is reported on the ctxscope key")
{
    Scenario s = base();
    s.version = 3;
    CHECK(problems(s) == Lines{"ctxscope: unsupported format version 3: this build reads version 1"});
}

TEST_CASE("closestName suggests near misses only")
{
    const std::vector<std::string_view> keys = {"timeout", "deadline", "cause", "key", "key_type", "label"};
    CHECK(closestName("timout", keys) == "timeout");
    CHECK(closestName("Timeout", keys) == "timeout");
    CHECK(closestName("deadlien", keys) == "deadline");
    CHECK(closestName("keytype", keys) == "key_type");
    CHECK(closestName("ky", keys) == "key");
    CHECK(closestName("colour", keys).empty());
    CHECK(closestName("", keys).empty());
    CHECK(closestName("timeout", keys).empty()); // an exact match is not a typo
}
