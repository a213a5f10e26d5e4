// ScenarioPatch and the click edits: applying then reverting gives back the same scenario, and
// each edit changes exactly what it says.
#include "ctxscope/session/edits.h"

#include <catch2/catch.hpp>

using namespace ctxscope;

namespace {

ContextSpec ctx(std::string id, ContextKind kind, std::string parent = {}) {
    ContextSpec c;
    c.id = std::move(id);
    c.kind = kind;
    c.parent = std::move(parent);
    return c;
}

Scenario sample() {
    Scenario s;
    s.name = "sample";
    s.contexts = {ctx("root", ContextKind::Background), ctx("req", ContextKind::WithCancel, "root"),
                  ctx("db", ContextKind::WithCancel, "req"), ctx("other", ContextKind::WithCancel, "root")};
    TaskSpec t;
    t.id = "handler";
    t.context = "db";
    Step derive;
    derive.op = StepOp::Derive;
    derive.derive.push_back(ctx("inner", ContextKind::WithCancel));
    t.steps.push_back(derive);
    s.tasks.push_back(t);
    TaskSpec keep;
    keep.id = "keeper";
    keep.context = "other";
    s.tasks.push_back(keep);
    Action a;
    a.at = 5 * kMillisecond;
    a.target = "req";
    s.actions.push_back(a);
    Expectation e;
    e.kind = Expectation::Kind::Context;
    e.subject = "inner";
    s.expect.push_back(e);
    return s;
}

} // namespace

TEST_CASE("a patch that removes, replaces and appends reverts to the original", "[patch]") {
    const Scenario original = sample();
    Scenario s = original;
    ScenarioPatch p;
    p.contexts.removed = {{1, original.contexts[1]}, {2, original.contexts[2]}};
    p.contexts.replaced.push_back({3, original.contexts[3], ctx("other", ContextKind::WithCancelCause, "root")});
    p.contexts.appended.push_back(ctx("new", ContextKind::WithCancel, "root"));
    ScenarioSettings renamed = ScenarioSettings::of(original);
    renamed.name = "renamed";
    p.settings = std::make_pair(ScenarioSettings::of(original), renamed);
    p.apply(s);
    REQUIRE(s.contexts.size() == 3);
    CHECK(s.contexts[0].id == "root");
    CHECK(s.contexts[1].kind == ContextKind::WithCancelCause);
    CHECK(s.contexts[2].id == "new");
    CHECK(s.name == "renamed");
    p.revert(s);
    CHECK(s == original);
}

TEST_CASE("deleting a context takes its subtree, its tasks, their derived contexts, actions and expectations", "[patch]") {
    const Scenario original = sample();
    edits::DeletionSummary summary;
    const edits::EditResult r = edits::deleteContext(original, "req", &summary);
    REQUIRE(r.error.empty());
    CHECK(summary.contexts == 2);     // req, db
    CHECK(summary.tasks == 1);        // handler (on db)
    CHECK(summary.actions == 1);      // cancel req
    CHECK(summary.expectations == 1); // about "inner", which handler derives
    Scenario s = original;
    r.patch.apply(s);
    REQUIRE(s.contexts.size() == 2);
    CHECK(s.contexts[1].id == "other");
    REQUIRE(s.tasks.size() == 1);
    CHECK(s.tasks[0].id == "keeper");
    CHECK(s.actions.empty());
    CHECK(s.expect.empty());
    r.patch.revert(s);
    CHECK(s == original);
}

TEST_CASE("fresh ids avoid every id in use, derived and spawned ones included", "[patch]") {
    Scenario s = sample();
    CHECK(edits::uniqueContextId(s, "inner") == "inner2");
    CHECK(edits::uniqueContextId(s, "timeout") == "timeout");
    CHECK(edits::uniqueTaskId(s, "handler") == "handler2");
    s.contexts.push_back(ctx("inner2", ContextKind::WithCancel, "root"));
    CHECK(edits::uniqueContextId(s, "inner") == "inner3");
}

TEST_CASE("a derived context is created no earlier than its parent", "[patch]") {
    Scenario s = sample();
    s.contexts[1].at = 50 * kMillisecond;
    edits::DeriveParams p;
    p.kind = ContextKind::WithTimeout;
    p.timeout = 80 * kMillisecond;
    const edits::EditResult r = edits::deriveContext(s, "req", 10 * kMillisecond, p);
    REQUIRE(r.error.empty());
    REQUIRE(r.patch.contexts.appended.size() == 1);
    const ContextSpec& c = r.patch.contexts.appended[0];
    CHECK(c.parent == "req");
    CHECK(c.at == 50 * kMillisecond);
    CHECK(c.timeout == 80 * kMillisecond);
    CHECK(c.id == "timeout");
}

TEST_CASE("cancel is refused where Go has no cancel function, and a cause only for WithCancelCause", "[patch]") {
    Scenario s = sample();
    s.contexts.push_back(ctx("v", ContextKind::WithValue, "req"));
    CHECK_FALSE(edits::cancelAt(s, "v", 0, std::nullopt).error.empty());
    CHECK_FALSE(edits::cancelAt(s, "root", 0, std::nullopt).error.empty());
    CHECK_FALSE(edits::cancelAt(s, "req", 0, std::string("why")).error.empty());
    const edits::EditResult ok = edits::cancelAt(s, "req", 153 * kMillisecond, std::nullopt);
    REQUIRE(ok.error.empty());
    CHECK(ok.patch.actions.appended.at(0).at == 153 * kMillisecond);
}

TEST_CASE("renaming to the id clears the label, and only scenario contexts can be renamed", "[patch]") {
    Scenario s = sample();
    const edits::EditResult r = edits::rename(s, "db", "database");
    REQUIRE(r.error.empty());
    r.patch.apply(s);
    CHECK(s.contexts[2].label == "database");
    const edits::EditResult back = edits::rename(s, "db", "db");
    back.patch.apply(s);
    CHECK(s.contexts[2].label.empty());
    CHECK_FALSE(edits::rename(s, "inner", "x").error.empty());
}

TEST_CASE("editing parameters replaces only that context, keeps the rest of it, and reverts", "[patch][params]") {
    Scenario s = sample();
    ContextSpec t = ctx("budget", ContextKind::WithTimeoutCause, "req");
    t.at = 30 * kMillisecond;
    t.label = "the budget";
    t.timeout = 100 * kMillisecond;
    t.cause = "slow";
    s.contexts.push_back(t);
    s.contexts.push_back(ctx("child", ContextKind::WithCancel, "budget"));
    const Scenario original = s;

    edits::ContextParams p;
    p.timeout = 5 * kSecond;
    p.cause = "slower";
    p.key = "ignored";          // not a WithTimeoutCause's parameter: dropped
    p.deadline = kSecond;       // likewise
    const edits::EditResult r = edits::editParams(s, "budget", p);
    REQUIRE(r.error.empty());
    REQUIRE(r.patch.contexts.replaced.size() == 1);
    CHECK(r.patch.contexts.appended.empty());
    CHECK(r.patch.contexts.removed.empty());
    CHECK(r.patch.tasks.empty());
    r.patch.apply(s);
    const ContextSpec& after = s.contexts[4];
    CHECK(after.id == "budget");
    CHECK(after.parent == "req");
    CHECK(after.at == 30 * kMillisecond);
    CHECK(after.label == "the budget");
    CHECK(after.timeout == 5 * kSecond);
    CHECK(after.cause == "slower");
    CHECK(after.key.empty());
    CHECK(after.deadline == 0);
    CHECK(s.contexts[5] == original.contexts[5]);
    r.patch.revert(s);
    CHECK(s == original);

    CHECK(edits::editParams(s, "budget", edits::paramsOf(t)).patch.empty()); // nothing changes
}

TEST_CASE("only contexts of the scenario whose kind takes parameters can have them edited", "[patch][params]") {
    Scenario s = sample();
    const edits::ContextParams none; // a named value: GCC 12 -O2 warns (falsely) about a temporary {}
    CHECK(edits::editParams(s, "req", none).error.find("WithCancel takes no parameters") != std::string::npos);
    CHECK(edits::editParams(s, "root", none).error.find("Background") != std::string::npos);
    CHECK(edits::editParams(s, "inner", none).error.find("made by a task") != std::string::npos);
    for (ContextKind k : {ContextKind::WithTimeout, ContextKind::WithTimeoutCause, ContextKind::WithDeadline,
                          ContextKind::WithDeadlineCause, ContextKind::WithValue})
        CHECK(edits::hasParams(k));
    for (ContextKind k : {ContextKind::Background, ContextKind::TODO, ContextKind::WithCancel,
                          ContextKind::WithCancelCause, ContextKind::WithoutCancel})
        CHECK_FALSE(edits::hasParams(k));
}

TEST_CASE("a new context's id comes from its label", "[patch][ids]") {
    CHECK(edits::idFromLabel("request handler") == "request_handler");
    CHECK(edits::idFromLabel("  DB query #2 ") == "DB_query_2");
    CHECK(edits::idFromLabel("2nd try") == "_2nd_try");
    CHECK(edits::idFromLabel("ünïcode!") == "n_code");
    CHECK(edits::idFromLabel("!!!").empty());
    CHECK(edits::idFromLabel(std::string(100, 'a')).size() == 48);
    const Scenario s = sample();
    edits::DeriveParams p;
    p.kind = ContextKind::WithTimeout;
    p.timeout = kSecond;
    p.label = "request";
    CHECK(edits::deriveContext(s, "root", 0, p).id == "request");
    p.label = "req"; // taken: the next free one
    CHECK(edits::deriveContext(s, "root", 0, p).id == "req2");
    p.label = "";
    CHECK(edits::deriveContext(s, "root", 0, p).id == "timeout");
}

TEST_CASE("a goroutine declared in steps is edited in its top-level owner", "[patch][owner]") {
    Scenario s = sample();
    // handler spawns "child", which registers the after-func "cleanup" two levels down.
    Step inner;
    inner.op = StepOp::AfterFunc;
    AfterFuncSpec cleanup;
    cleanup.id = "cleanup";
    inner.afterFunc.push_back(cleanup);
    TaskSpec child;
    child.id = "child";
    child.steps.push_back(inner);
    Step spawn;
    spawn.op = StepOp::Spawn;
    spawn.spawn.push_back(child);
    s.tasks[0].steps.push_back(spawn);
    CHECK(edits::ownerOf(s, "child") == "handler");
    CHECK(edits::ownerOf(s, "cleanup") == "handler");
    CHECK(edits::ownerOf(s, "handler").empty()); // top-level itself
    CHECK(edits::ownerOf(s, "keeper").empty());
    CHECK(edits::ownerOf(s, "nobody").empty());
}

TEST_CASE("FreshIds gives ids no part of the scenario uses nor one it gave already", "[patch][ids]") {
    const Scenario s = sample();
    edits::FreshIds ids(s);
    CHECK(ids.context("req") == "req2");     // a scenario context
    CHECK(ids.context("inner") == "inner2"); // derived in a task's steps
    CHECK(ids.context("req") == "req3");     // req2 is given now
    CHECK(ids.task("handler") == "handler2");
    CHECK(ids.task("worker") == "worker");
    CHECK(ids.task("worker") == "worker2");
    ids.reserveTask("job");
    CHECK(ids.task("job") == "job2");
    CHECK(ids.context("job") == "job"); // contexts and goroutines are separate id spaces
}

TEST_CASE("a WithValue needs a key that is not blank", "[patch]") {
    CHECK(edits::valueKeyProblem("userID").empty());
    CHECK_FALSE(edits::valueKeyProblem("").empty());
    CHECK(edits::valueKeyProblem(" \t") == "a WithValue needs a key, such as \"userID\"");
}
