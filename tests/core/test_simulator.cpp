// simulate(): Go's semantics with time, goroutines, after-funcs and lints.
#include "scenario_builder.h"

#include "ctxscope/engine/simulation.h"

using namespace ctxscope;
using namespace ctxscope::test;
using K = ContextKind;

namespace {
Scenario withRoot(std::vector<ContextSpec> more = {})
{
    std::vector<ContextSpec> all{ctx("root", K::Background)};
    for (auto& c : more)
        all.push_back(std::move(c));
    return scenario(std::move(all));
}

std::vector<EventKind> kinds(const SimulationResult& r)
{
    std::vector<EventKind> k;
    for (const Event& e : r.events)
        k.push_back(e.kind);
    return k;
}
} // namespace

TEST_CASE("R26: WithTimeout counts from its creation time", "[sim]")
{
    auto s = withRoot({timeoutCtx("t", "root", ms(200), ms(50))});
    auto r = simulate(s);
    CHECK(C(r, "t").deadline == ms(250));
    CHECK(C(r, "t").doneAt == ms(250));
    CHECK(C(r, "t").reason == Reason::Deadline);
    CHECK(errOf(r, "t") == "context deadline exceeded");
    CHECK(r.stopped == StopReason::Idle);
    CHECK(r.endTime == ms(250));
}

TEST_CASE("R27: a later child deadline under an earlier parent behaves as WithCancel (through simulate)", "[sim]")
{
    auto s = withRoot({timeoutCtx("p", "root", ms(100)),
                       deadlineCtx("c", "p", ms(500), 0, K::WithDeadlineCause, "child budget")});
    auto r = simulate(s);
    CHECK(C(r, "c").deadline == ms(100));
    CHECK(C(r, "c").degraded);
    CHECK(C(r, "c").deadlineFrom == *r.findContext("p"));
    CHECK(C(r, "c").doneAt == ms(100));
    CHECK(C(r, "c").reason == Reason::Parent);
    CHECK(causeOf(r, "c") == "context deadline exceeded");
}

TEST_CASE("R28: equal deadlines fire parent first, so the child reports the parent's cause", "[sim]")
{
    auto s = withRoot({timeoutCtx("p", "root", ms(100), 0, K::WithTimeoutCause, "parent budget"),
                       deadlineCtx("c", "p", ms(100), ms(20), K::WithDeadlineCause, "child budget")});
    auto r = simulate(s);
    CHECK_FALSE(C(r, "c").degraded);
    CHECK(causeOf(r, "p") == "parent budget");
    CHECK(causeOf(r, "c") == "parent budget");
    CHECK(C(r, "c").reason == Reason::Parent);
}

TEST_CASE("R57: a cancel action at exactly a deadline comes after the timer", "[sim]")
{
    auto s = withRoot({timeoutCtx("t", "root", ms(100))});
    s.contexts[1].kind = K::WithTimeoutCause;
    s.contexts[1].cause = "slow";
    s.actions.push_back(cancelAt(ms(100), "t"));
    auto r = simulate(s);
    CHECK(errOf(r, "t") == "context deadline exceeded");
    CHECK(causeOf(r, "t") == "slow");
    // The user's cancel is still recorded, as a no-op.
    bool sawNoop = false;
    for (const Event& e : r.events)
        if (e.kind == EventKind::CancelCalled)
            sawNoop = !e.flag;
    CHECK(sawNoop);
}

TEST_CASE("R16: a context created under a canceled parent is done at creation", "[sim]")
{
    auto s = withRoot({ctx("p", K::WithCancelCause, "root"), ctx("late", K::WithCancel, "p", ms(20))});
    s.actions.push_back(cancelAt(ms(10), "p", "gone"));
    auto r = simulate(s);
    CHECK(C(r, "late").doneAt == ms(20));
    CHECK(causeOf(r, "late") == "gone");
    CHECK(C(r, "late").source == *r.findContext("p"));
}

TEST_CASE("R21: WithCancelCause's cause reaches every descendant, WithValue included", "[sim]")
{
    auto s = withRoot({ctx("req", K::WithCancelCause, "root"), ctx("db", K::WithCancel, "req"),
                       valueCtx("v", "db", "trace", Scalar::number("7"))});
    s.actions.push_back(cancelAt(ms(20), "req", "client went away"));
    auto r = simulate(s);
    for (const char* id : {"req", "db", "v"}) {
        CHECK(errOf(r, id) == "context canceled");
        CHECK(causeOf(r, id) == "client went away");
    }
    CHECK(C(r, "v").reason == Reason::Parent);
}

TEST_CASE("A task selecting on Done returns ctx.Err() the moment the context is done", "[sim][task]")
{
    auto s = withRoot({timeoutCtx("t", "root", ms(100))});
    s.tasks.push_back(task("query", "t", {work(ms(300))}));
    auto r = simulate(s);
    CHECK(T(r, "query").result == "context deadline exceeded");
    CHECK(T(r, "query").endedAt == ms(100));
    CHECK(r.lints.empty());
}

TEST_CASE("A task that ignores Done outlives its context and draws goroutine-outlived-context", "[sim][task][lint]")
{
    auto s = withRoot({timeoutCtx("t", "root", ms(100))});
    s.tasks.push_back(task("stubborn", "t", {work(ms(300), Watch::None)}));
    auto r = simulate(s);
    CHECK(T(r, "stubborn").result == "ok");
    CHECK(T(r, "stubborn").endedAt == ms(300));
    REQUIRE(hasLint(r, "goroutine-outlived-context", "stubborn"));
    CHECK(r.lints[0].message.find("200ms") != std::string::npos);
}

TEST_CASE("A polling task notices cancellation at its next check, the last slice included", "[sim][task]")
{
    auto s = withRoot({ctx("c", K::WithCancel, "root")});
    s.tasks.push_back(task("batch", "c", {work(ms(300), Watch::Poll, ms(50))}));
    SECTION("canceled mid-slice")
    {
        s.actions.push_back(cancelAt(ms(120), "c"));
        auto r = simulate(s);
        CHECK(T(r, "batch").result == "context canceled");
        CHECK(T(r, "batch").endedAt == ms(150));
    }
    SECTION("slices that do not divide the work: the last one is shorter")
    {
        s.tasks[0].steps[0] = work(ms(120), Watch::Poll, ms(50));
        s.actions.push_back(cancelAt(ms(110), "c"));
        auto r = simulate(s);
        CHECK(T(r, "batch").endedAt == ms(120));
        CHECK(T(r, "batch").result == "context canceled");
    }
    SECTION("never canceled: ok after all the work")
    {
        auto r = simulate(s);
        CHECK(T(r, "batch").result == "ok");
        CHECK(T(r, "batch").endedAt == ms(300));
    }
}

TEST_CASE("await done on a context that can never be done is a goroutine leak", "[sim][task][lint]")
{
    auto s = withRoot();
    s.tasks.push_back(task("server", "root", {awaitDone()}));
    auto r = simulate(s);
    CHECK(T(r, "server").result == "blocked");
    CHECK(r.stopped == StopReason::Idle);
    CHECK(hasLint(r, "goroutine-leak", "server"));
}

TEST_CASE("Fan-out under one timeout: the slow worker is cut and the handler joins both", "[sim][task]")
{
    auto s = withRoot({ctx("req", K::WithCancel, "root")});
    s.tasks.push_back(task("handler", "req",
                           {derive(timeoutCtx("budget", "", ms(100))), spawn("fast", {work(ms(50))}),
                            spawn("slow", {work(ms(200))}), awaitChildren()}));
    auto r = simulate(s);
    CHECK(T(r, "fast").result == "ok");
    CHECK(T(r, "fast").endedAt == ms(50));
    CHECK(T(r, "slow").result == "context deadline exceeded");
    CHECK(T(r, "slow").endedAt == ms(100));
    CHECK(T(r, "handler").result == "ok");
    CHECK(T(r, "handler").endedAt == ms(100));
    CHECK(T(r, "slow").context == *r.findContext("budget")); // spawn inherits the current context
    CHECK(errOf(r, "req") == "<nil>");
    CHECK(r.lints.empty());
}

TEST_CASE("derive defers cancel(): returning cancels the derived context and wakes its goroutines", "[sim][task]")
{
    auto s = withRoot();
    s.tasks.push_back(task("h", "root", {derive(ctx("scope", K::WithCancel)), spawn("w", {awaitDone()}), work(ms(10))}));
    auto r = simulate(s);
    CHECK(C(r, "scope").doneAt == ms(10));
    CHECK(C(r, "scope").reason == Reason::Cancel);
    CHECK(T(r, "w").result == "context canceled");
    CHECK(T(r, "w").endedAt == ms(10));
    CHECK(r.lints.empty());
}

TEST_CASE("lostcancel: a cancel function neither deferred nor called before the task ends", "[sim][lint]")
{
    auto s = withRoot();
    s.tasks.push_back(task("h", "root", {derive(timeoutCtx("db", "", ms(1000)), false), work(ms(10))}));
    SECTION("never called")
    {
        auto r = simulate(s);
        CHECK(T(r, "h").endedAt == ms(10));
        CHECK(hasLint(r, "lostcancel", "db"));
        CHECK(C(r, "db").doneAt == ms(1000)); // its timer still runs: the leak
    }
    SECTION("called explicitly: no lint")
    {
        s.tasks[0].steps.push_back(cancelStep("db"));
        auto r = simulate(s);
        CHECK_FALSE(hasLint(r, "lostcancel", "db"));
        CHECK(C(r, "db").doneAt == ms(10));
    }
}

TEST_CASE("SA1029: a WithValue key of a built-in type is reported", "[sim][lint]")
{
    auto s = withRoot({valueCtx("v", "root", "user", Scalar::string("ada"), "string"),
                       valueCtx("ok", "v", "user", Scalar::string("bob"))});
    auto r = simulate(s);
    CHECK(hasLint(r, "SA1029", "v"));
    CHECK_FALSE(hasLint(r, "SA1029", "ok"));
}

TEST_CASE("R37, R38: the nearest binding wins, nil shadows, and key types must match", "[sim][value]")
{
    auto s = withRoot({valueCtx("a", "root", "k", Scalar::number("1")), valueCtx("b", "a", "k", Scalar::number("2")),
                       valueCtx("n", "b", "gone", Scalar::null()), valueCtx("g", "n", "x", Scalar::string("y")),
                       ctx("c", K::WithCancel, "g")});
    s.contexts.insert(s.contexts.begin() + 3, valueCtx("deep", "b", "gone", Scalar::string("old")));
    s.contexts[4].parent = "deep";
    s.tasks.push_back(task("reader", "c",
                           {valueStep("k"), valueStep("k", "string"), valueStep("gone"), valueStep("missing")}));
    auto r = simulate(s);
    REQUIRE(r.lookups.size() == 4);
    CHECK(r.lookups[0].found);
    CHECK(r.lookups[0].value == Scalar::number("2"));
    CHECK_FALSE(r.lookups[1].found); // string("k") is not ctxKey("k")
    CHECK_FALSE(r.lookups[2].found); // shadowed by a nil binding
    CHECK(r.lookups[2].boundAt == *r.findContext("n"));
    CHECK_FALSE(r.lookups[3].found);
}

TEST_CASE("R42: values stay visible through WithoutCancel while cancellation does not pass", "[sim][value]")
{
    auto s = withRoot({timeoutCtx("c", "root", ms(50)), valueCtx("v", "c", "user", Scalar::string("ada")),
                       ctx("w", K::WithoutCancel, "v"), ctx("x", K::WithCancel, "w")});
    s.tasks.push_back(task("audit", "x", {valueStep("user")}, ms(60)));
    auto r = simulate(s);
    CHECK(errOf(r, "v") == "context deadline exceeded");
    CHECK(errOf(r, "w") == "<nil>");
    CHECK(errOf(r, "x") == "<nil>");
    CHECK(C(r, "x").deadline == kNoDeadline);
    REQUIRE(r.lookups.size() == 1);
    CHECK(r.lookups[0].found);
    CHECK(r.lookups[0].value == Scalar::string("ada"));
}

TEST_CASE("R46: an AfterFunc runs once, after its context is done, in its own goroutine", "[sim][afterfunc]")
{
    auto s = withRoot({ctx("c", K::WithCancel, "root")});
    s.afterFuncs.push_back(afterFunc("cleanup", "c", {work(ms(5))}));
    s.actions.push_back(cancelAt(ms(30), "c"));
    s.actions.push_back(cancelAt(ms(40), "c"));
    auto r = simulate(s);
    CHECK(AF(r, "cleanup").startedAt == ms(30));
    CHECK_FALSE(AF(r, "cleanup").stopped.has_value());
    CHECK(T(r, "cleanup").result == "ok");
    CHECK(T(r, "cleanup").endedAt == ms(35));
    int starts = 0;
    for (const Event& e : r.events)
        starts += e.kind == EventKind::AfterFuncStarted;
    CHECK(starts == 1);
}

TEST_CASE("R47: the after-func starts after the cascade has recorded err and cause", "[sim][afterfunc]")
{
    auto s = withRoot({ctx("c", K::WithCancel, "root"), ctx("d", K::WithCancel, "c")});
    s.afterFuncs.push_back(afterFunc("f", "c"));
    s.actions.push_back(cancelAt(ms(1), "c"));
    auto r = simulate(s);
    std::vector<EventKind> k = kinds(r);
    auto firstStart = std::find(k.begin(), k.end(), EventKind::AfterFuncStarted);
    auto lastCancel = std::find(k.rbegin(), k.rend(), EventKind::ContextCanceled);
    REQUIRE(firstStart != k.end());
    CHECK(firstStart - k.begin() > (k.rend() - lastCancel - 1)); // every cancellation first
}

TEST_CASE("R48: AfterFunc on an already-done context starts at once and stop() returns false", "[sim][afterfunc]")
{
    auto s = withRoot({ctx("c", K::WithCancel, "root")});
    s.afterFuncs.push_back(afterFunc("late", "c", {}, ms(20)));
    s.actions.push_back(cancelAt(ms(10), "c"));
    s.actions.push_back(stopAt(ms(30), "late"));
    auto r = simulate(s);
    CHECK(AF(r, "late").startedAt == ms(20));
    CHECK(AF(r, "late").stopped == std::optional<bool>(false));
}

TEST_CASE("R49: stop() before done returns true, prevents the call, and a second stop() returns false", "[sim][afterfunc]")
{
    auto s = withRoot({ctx("c", K::WithCancel, "root")});
    s.afterFuncs.push_back(afterFunc("cleanup", "c"));
    s.actions.push_back(stopAt(ms(10), "cleanup"));
    s.actions.push_back(cancelAt(ms(20), "c"));
    SECTION("one stop")
    {
        auto r = simulate(s);
        CHECK(AF(r, "cleanup").startedAt == kNever);
        CHECK(AF(r, "cleanup").stopped == std::optional<bool>(true));
        CHECK(T(r, "cleanup").state == TaskResultKind::NotStarted);
    }
    SECTION("a second stop")
    {
        s.actions.push_back(stopAt(ms(15), "cleanup"));
        auto r = simulate(s);
        CHECK(AF(r, "cleanup").stopped == std::optional<bool>(false));
    }
}

TEST_CASE("R51: on a never-cancelable context f never runs and the first stop() returns true", "[sim][afterfunc]")
{
    auto s = withRoot({ctx("w", K::WithoutCancel, "root")});
    s.afterFuncs.push_back(afterFunc("never", "w"));
    s.actions.push_back(stopAt(ms(5), "never"));
    auto r = simulate(s);
    CHECK(AF(r, "never").startedAt == kNever);
    CHECK(AF(r, "never").stopped == std::optional<bool>(true));
}

TEST_CASE("R52: after-func steps register and stop independently", "[sim][afterfunc]")
{
    auto s = withRoot({ctx("c", K::WithCancel, "root")});
    s.tasks.push_back(task("t", "c", {afterFuncStep("a1"), afterFuncStep("a2"), stopAfterFuncStep("a1"), work(ms(5))}));
    s.actions.push_back(cancelAt(ms(10), "c"));
    auto r = simulate(s);
    CHECK(AF(r, "a1").stopped == std::optional<bool>(true));
    CHECK(AF(r, "a1").startedAt == kNever);
    CHECK(AF(r, "a2").startedAt == ms(10));
    CHECK(AF(r, "a2").registeredBy == *r.findTask("t"));
}

TEST_CASE("Tasks: fail ends with an error result, log is recorded, await list waits for the named ones", "[sim][task]")
{
    auto s = withRoot();
    s.tasks.push_back(task("a", "root", {work(ms(10)), logStep("done a")}));
    s.tasks.push_back(task("b", "root", {awaitList({"a"}), fail("boom")}));
    auto r = simulate(s);
    CHECK(T(r, "b").result == "error: boom");
    CHECK(T(r, "b").endedAt == ms(10));
    bool logged = false;
    for (const Event& e : r.events)
        logged = logged || (e.kind == EventKind::Log && r.strings[e.str] == "done a");
    CHECK(logged);
}

TEST_CASE("A run stopped by until reports running and blocked goroutines, and no leak", "[sim][task]")
{
    auto s = withRoot({ctx("c", K::WithCancel, "root")});
    s.until = ms(50);
    s.tasks.push_back(task("sleeper", "c", {work(ms(100))}));
    s.tasks.push_back(task("stuck", "root", {awaitDone()}));
    s.tasks.push_back(task("waiter", "c", {awaitDone()}));
    auto r = simulate(s);
    CHECK(r.stopped == StopReason::Horizon);
    CHECK(r.endTime == ms(50));
    CHECK(T(r, "sleeper").result == "running");
    CHECK(T(r, "stuck").result == "blocked");
    CHECK(T(r, "waiter").result == "running");
    CHECK(r.lints.empty());
}

TEST_CASE("The same instant: timers, then creations, then actions; a cascade, then the goroutines it woke", "[sim][order]")
{
    auto s = withRoot({timeoutCtx("t", "root", ms(10)), ctx("a", K::WithCancel, "t")});
    s.contexts.push_back(ctx("b", K::WithCancel, "t", ms(10))); // created at the deadline: after the timer
    s.tasks.push_back(task("w1", "a", {awaitDone()}));
    s.tasks.push_back(task("w2", "t", {awaitDone()}));
    auto r = simulate(s);
    std::vector<std::string> seq;
    for (const Event& e : r.events)
        if (e.t == ms(10)) {
            if (e.kind == EventKind::ContextCanceled)
                seq.push_back("canceled " + r.contexts[e.subject].id);
            else if (e.kind == EventKind::TaskEnded)
                seq.push_back("ended " + r.tasks[e.subject].id);
            else if (e.kind == EventKind::ContextCreated)
                seq.push_back("created " + r.contexts[e.subject].id);
        }
    // w2 waits on t (reached first by the cascade), w1 on a.
    CHECK(seq == std::vector<std::string>{"canceled t", "canceled a", "ended w2", "ended w1", "created b",
                                          "canceled b"});
}

TEST_CASE("simulate is deterministic, random cancel order included", "[sim]")
{
    auto s = withRoot({ctx("p", K::WithCancel, "root")});
    for (int i = 0; i < 20; ++i) {
        s.contexts.push_back(ctx("c" + std::to_string(i), K::WithCancel, "p"));
        s.tasks.push_back(task("t" + std::to_string(i), "c" + std::to_string(i), {awaitDone()}));
    }
    s.cancelOrder = CancelOrder::Random;
    s.actions.push_back(cancelAt(ms(1), "p"));
    auto a = simulate(s);
    auto b = simulate(s);
    CHECK(a.events == b.events);
    SimulationOptions other;
    other.seed = 99;
    auto c = simulate(s, other);
    CHECK(a.events != c.events);
}

TEST_CASE("An after-func's call runs on a context that is never done", "[sim][afterfunc]")
{
    auto s = withRoot({ctx("c", K::WithCancel, "root")});
    s.afterFuncs.push_back(afterFunc("f", "c", {derive(timeoutCtx("inner", "", ms(5))), work(ms(20))}));
    s.actions.push_back(cancelAt(ms(1), "c"));
    auto r = simulate(s);
    CHECK(T(r, "f").result == "context deadline exceeded");
    CHECK(T(r, "f").endedAt == ms(6));
    CHECK(errOf(r, "inner") == "context deadline exceeded");
}

TEST_CASE("Step spans record when each step of a task began and ended", "[sim][task]")
{
    auto s = withRoot({timeoutCtx("t", "root", ms(100))});
    s.tasks.push_back(task("w", "t", {logStep("go"), work(ms(30)), work(ms(300))}));
    auto r = simulate(s);
    REQUIRE(r.steps.size() == 3);
    CHECK(r.steps[0].op == StepOp::Log);
    CHECK(r.steps[0].start == 0);
    CHECK(r.steps[0].end == 0);
    CHECK(r.steps[1].start == 0);
    CHECK(r.steps[1].end == ms(30));
    CHECK_FALSE(r.steps[1].interrupted);
    CHECK(r.steps[2].start == ms(30));
    CHECK(r.steps[2].end == ms(100));
    CHECK(r.steps[2].interrupted);
}

TEST_CASE("R38: key types compare as Go types: byte is uint8, rune is int32, any(\"k\") is a string", "[sim][value]")
{
    auto s = withRoot({valueCtx("b", "root", "n", Scalar::number("7"), "byte"),
                       valueCtx("r", "b", "m", Scalar::number("8"), "rune"),
                       valueCtx("a", "r", "k", Scalar::string("s"), "string")});
    s.tasks.push_back(task("t", "a", {valueStep("n", "uint8"), valueStep("m", "int32"), valueStep("k", "any"),
                                      valueStep("n", "int8")}));
    auto r = simulate(s);
    REQUIRE(r.lookups.size() == 4);
    CHECK(r.lookups[0].found);
    CHECK(r.lookups[1].found);
    CHECK(r.lookups[2].found);
    CHECK_FALSE(r.lookups[3].found);
}

TEST_CASE("R23: Err and Cause by kind and situation, as Go's Cause table gives them", "[sim][cause]")
{
    auto s = withRoot({ctx("todo", K::TODO), ctx("c", K::WithCancelCause, "root"), valueCtx("v", "c", "k", Scalar::number("1")),
                       ctx("w", K::WithoutCancel, "c"), timeoutCtx("d", "root", ms(10), 0, K::WithTimeoutCause, "slow"),
                       ctx("dc", K::WithCancel, "d"), ctx("alive", K::WithCancel, "root")});
    s.actions.push_back(cancelAt(ms(5), "c", "boom"));
    auto r = simulate(s);
    CHECK(errOf(r, "root") == "<nil>"); // Background
    CHECK(causeOf(r, "root") == "<nil>");
    CHECK(causeOf(r, "todo") == "<nil>"); // TODO
    CHECK(causeOf(r, "alive") == "<nil>"); // not done yet
    CHECK(errOf(r, "c") == "context canceled"); // cancel(e): Canceled / e
    CHECK(causeOf(r, "c") == "boom");
    CHECK(errOf(r, "v") == "context canceled"); // VAL: live from its ancestor
    CHECK(causeOf(r, "v") == "boom");
    CHECK(errOf(r, "w") == "<nil>"); // WOC: nil whatever its parent
    CHECK(causeOf(r, "w") == "<nil>");
    CHECK(errOf(r, "d") == "context deadline exceeded"); // own deadline with a cause
    CHECK(causeOf(r, "d") == "slow");
    CHECK(causeOf(r, "dc") == "slow"); // an ancestor's cause, any number of levels up
}

TEST_CASE("R39: a lookup that reaches the root without a match finds nothing", "[sim][value]")
{
    auto s = withRoot({valueCtx("v", "root", "a", Scalar::string("x")), ctx("c", K::WithCancel, "v")});
    s.tasks.push_back(task("t", "c", {valueStep("b"), valueStep("a", "otherKey")}));
    auto r = simulate(s);
    REQUIRE(r.lookups.size() == 2);
    CHECK_FALSE(r.lookups[0].found);
    CHECK(r.lookups[0].boundAt == kNone);
    CHECK_FALSE(r.lookups[1].found);
}

TEST_CASE("R41: children and after-funcs under a WithValue node follow the value node's ancestor", "[sim][value]")
{
    auto s = withRoot({ctx("p", K::WithCancel, "root"), valueCtx("v", "p", "k", Scalar::number("1")),
                       timeoutCtx("t", "v", ms(500)), ctx("c", K::WithCancel, "v")});
    s.afterFuncs.push_back(afterFunc("f", "v"));
    s.actions.push_back(cancelAt(ms(20), "p"));
    auto r = simulate(s);
    CHECK(C(r, "t").doneAt == ms(20));
    CHECK(C(r, "t").source == *r.findContext("p"));
    CHECK(C(r, "c").doneAt == ms(20));
    CHECK(AF(r, "f").startedAt == ms(20));
}

TEST_CASE("R45: AfterFunc registers a callback and creates no context", "[sim][afterfunc]")
{
    auto s = withRoot({ctx("c", K::WithCancel, "root")});
    s.afterFuncs.push_back(afterFunc("f", "c", {}, ms(3)));
    auto r = simulate(s);
    CHECK(r.contexts.size() == 2);
    CHECK(AF(r, "f").registeredAt == ms(3));
    CHECK(AF(r, "f").context == *r.findContext("c"));
    CHECK(AF(r, "f").startedAt == kNever); // c is never canceled
}

TEST_CASE("R50: stop() after the context is done returns false and does not wait for f", "[sim][afterfunc]")
{
    auto s = withRoot({ctx("c", K::WithCancel, "root")});
    s.afterFuncs.push_back(afterFunc("slowcleanup", "c", {work(ms(100))}));
    s.tasks.push_back(task("closer", "root", {work(ms(10)), cancelStep("c"), stopAfterFuncStep("slowcleanup"), logStep("after stop")}));
    auto r = simulate(s);
    CHECK(AF(r, "slowcleanup").stopped == std::optional<bool>(false));
    CHECK(AF(r, "slowcleanup").startedAt == ms(10));
    CHECK(T(r, "closer").endedAt == ms(10)); // stop() returned at once
    CHECK(T(r, "slowcleanup").endedAt == ms(110));
}

TEST_CASE("a context is shown by its spec's label, or by its id when it has none (top-level and derived)", "[sim]")
{
    ContextSpec labelled = ctx("req", K::WithCancel, "root");
    labelled.label = "request";
    ContextSpec derived = ctx("db", K::WithCancel);
    derived.label = "database";
    auto s = withRoot({labelled, ctx("plain", K::WithCancel, "root")});
    s.tasks.push_back(task("h", "req", {derive(derived), derive(ctx("tx", K::WithCancel))}));
    const auto r = simulate(s);
    CHECK(r.label(*r.findContext("root")) == "root");
    CHECK(r.label(*r.findContext("req")) == "request");
    CHECK(r.label(*r.findContext("plain")) == "plain");
    CHECK(r.label(*r.findContext("db")) == "database");
    CHECK(r.label(C(r, "tx")) == "tx");
    // Only the labels of their own are stored: the ids are not copied a second time.
    CHECK(r.labels.size() == 2);
}
