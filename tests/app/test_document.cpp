// The Document: every edit kind, undo/redo, timed actions at a non-zero playhead,
// re-simulation, stepping, files, recovery, and an end-to-end build → save → reopen → compare.
#include "apptestutil.h"
#include "ctxscope/formats/scenario_io.h"
#include "ctxscope/engine/validate.h"
#include "document.h"
#include "scenariogenerator.h"

#include <catch2/catch.hpp>

#include <QFile>
#include <QFileInfo>
#include <QUrl>

using namespace ctxscope;

namespace {

constexpr auto params = &variantMap;

const ContextSpec& lastContext(const Document& d) { return d.scenario().contexts.back(); }

ContextStateAt stateOf(const Document& d, const char* id) {
    const auto i = d.result().findContext(id);
    REQUIRE(i.has_value());
    return d.playback().context(*i);
}

} // namespace

TEST_CASE("a new document holds context.Background() and nothing else", "[document]") {
    ensureApp();
    Document d;
    REQUIRE(d.scenario().contexts.size() == 1);
    CHECK(d.scenario().contexts[0].kind == ContextKind::Background);
    CHECK_FALSE(d.isModified());
    CHECK_FALSE(d.canUndo());
}

TEST_CASE("deriving each kind adds that context and re-simulates", "[document]") {
    ensureApp();
    Document d;
    const struct {
        const char* kind;
        QVariantMap p;
    } cases[] = {
        {"WithCancel", {}},
        {"WithCancelCause", {}},
        {"WithTimeout", params({{"timeout", "200ms"}})},
        {"WithTimeoutCause", params({{"timeout", "1.5s"}, {"cause", "too slow"}})},
        {"WithDeadline", params({{"deadline", "2s"}})},
        {"WithDeadlineCause", params({{"deadline", "3s"}, {"cause", "late"}})},
        {"WithValue", params({{"key", "userID"}, {"value", "42"}, {"valueType", "number"}})},
        {"WithoutCancel", {}},
    };
    for (const auto& c : cases) {
        const int revision = d.revision();
        const std::size_t before = d.result().contexts.size();
        INFO(c.kind);
        REQUIRE(d.contexts()->derive(QStringLiteral("root"), QString::fromLatin1(c.kind), c.p).isEmpty());
        CHECK(contextKindName(lastContext(d).kind) == std::string(c.kind));
        CHECK(lastContext(d).parent == "root");
        CHECK(d.result().contexts.size() == before + 1);
        CHECK(d.revision() > revision);
    }
    CHECK(d.scenario().contexts[3].timeout == 200 * kMillisecond);
    CHECK(d.scenario().contexts[4].cause == "too slow");
    CHECK(d.scenario().contexts[5].deadline == 2 * kSecond);
    CHECK(d.scenario().contexts[7].value == Scalar::number("42"));
    CHECK(d.isModified());
}

TEST_CASE("undo and redo give back exactly the scenario of each step", "[document]") {
    ensureApp();
    Document d;
    std::vector<Scenario> history{d.scenario()};
    REQUIRE(d.contexts()->derive("root", "WithTimeout", params({{"timeout", "100ms"}})).isEmpty());
    history.push_back(d.scenario());
    REQUIRE(d.contexts()->startTask("timeout", params({{"steps", QVariantList{params({{"op", "work"}, {"duration", "50ms"}})}}})).isEmpty());
    history.push_back(d.scenario());
    REQUIRE(d.contexts()->renameContext("timeout", "budget").isEmpty());
    history.push_back(d.scenario());
    REQUIRE(d.contexts()->deleteContext("timeout").isEmpty());
    history.push_back(d.scenario());
    for (std::size_t i = history.size() - 1; i-- > 0;) {
        d.undo();
        CHECK(d.scenario() == history[i]);
    }
    CHECK_FALSE(d.isModified());
    for (std::size_t i = 1; i < history.size(); ++i) {
        d.redo();
        CHECK(d.scenario() == history[i]);
    }
}

TEST_CASE("cancel at a non-zero playhead adds a timed action and shows its effect at once", "[document]") {
    ensureApp();
    Document d;
    REQUIRE(d.contexts()->derive("root", "WithCancel", {}).isEmpty());
    REQUIRE(d.contexts()->derive("cancel", "WithValue", params({{"key", "k"}, {"value", "v"}})).isEmpty());
    d.seekTime(153.0 * kMillisecond);
    CHECK(d.timeNanos() == 153 * kMillisecond);
    CHECK(stateOf(d, "cancel").err == Err::None);
    REQUIRE(d.contexts()->cancelContext("cancel", QVariant()).isEmpty());
    REQUIRE(d.scenario().actions.size() == 1);
    const Action& a = d.scenario().actions[0];
    CHECK(a.at == 153 * kMillisecond);
    CHECK(a.target == "cancel");
    CHECK_FALSE(a.cause.has_value());
    CHECK(d.timeNanos() == 153 * kMillisecond);
    CHECK(stateOf(d, "cancel").err == Err::Canceled);
    CHECK(stateOf(d, "value").err == Err::Canceled); // the WithValue child reports its parent's Err
    d.seekTime(100.0 * kMillisecond);
    CHECK(stateOf(d, "cancel").err == Err::None);    // scrubbing back shows it alive again
    d.undo();
    CHECK(d.scenario().actions.empty());
}

TEST_CASE("edits Go would not allow are refused with the reason, and change nothing", "[document]") {
    ensureApp();
    Document d;
    REQUIRE(d.contexts()->derive("root", "WithCancel", {}).isEmpty());
    REQUIRE(d.contexts()->derive("cancel", "WithValue", params({{"key", "k"}, {"value", "v"}})).isEmpty());
    const Scenario before = d.scenario();
    CHECK(d.contexts()->derive("root", "WithTimeout", params({{"timeout", "12 parsecs"}})).contains("timeout"));
    CHECK_FALSE(d.contexts()->cancelContext("value", QVariant()).isEmpty());              // WithValue: no cancel func
    CHECK_FALSE(d.contexts()->cancelContext("cancel", QStringLiteral("why")).isEmpty());  // cause needs WithCancelCause
    CHECK_FALSE(d.contexts()->cancelContext("root", QVariant()).isEmpty());
    CHECK_FALSE(d.contexts()->derive("root", "WithCancel", params({{"id", "cancel"}})).isEmpty()); // duplicate id
    CHECK_FALSE(d.contexts()->derive("nosuch", "WithCancel", {}).isEmpty());
    CHECK(d.scenario() == before);
    const QVariantMap actions = d.contexts()->contextActions("value");
    CHECK(actions.value("canCancel").toBool() == false);
    CHECK(actions.value("editable").toBool() == true);
}

TEST_CASE("a cause is kept on a WithCancelCause cancel and reported by Cause()", "[document]") {
    ensureApp();
    Document d;
    REQUIRE(d.contexts()->derive("root", "WithCancelCause", {}).isEmpty());
    d.seekTime(20.0 * kMillisecond);
    REQUIRE(d.contexts()->cancelContext("cancelcause", QStringLiteral("client went away")).isEmpty());
    CHECK(d.scenario().actions.at(0).cause == std::optional<std::string>("client went away"));
    const ContextStateAt s = stateOf(d, "cancelcause");
    REQUIRE(s.err == Err::Canceled);
    CHECK(d.result().str(s.cause) == "client went away");
}

TEST_CASE("tasks and after-funcs are built from step lists without JSON", "[document]") {
    ensureApp();
    Document d;
    REQUIRE(d.contexts()->derive("root", "WithCancel", {}).isEmpty());
    const QVariantList steps{
        params({{"op", "derive"}, {"kind", "WithTimeout"}, {"timeout", "100ms"}, {"base", "budget"}}),
        params({{"op", "spawn"}, {"steps", QVariantList{params({{"op", "work"}, {"duration", "50ms"}})}}}),
        params({{"op", "spawn"}, {"steps", QVariantList{params({{"op", "work"}, {"duration", "300ms"}, {"watch", "poll"}, {"poll", "20ms"}})}}}),
        params({{"op", "await"}, {"what", "children"}}),
        params({{"op", "fail"}, {"text", "boom"}}),
    };
    REQUIRE(d.contexts()->startTask("cancel", params({{"steps", steps}})).isEmpty());
    const TaskSpec& t = d.scenario().tasks.at(0);
    CHECK(t.id == "task");
    REQUIRE(t.steps.size() == 5);
    CHECK(t.steps[0].derive.at(0).id == "budget");
    CHECK(t.steps[1].spawn.at(0).id == "worker");
    CHECK(t.steps[2].spawn.at(0).id == "worker2");
    CHECK(t.steps[2].spawn.at(0).steps.at(0).watch == Watch::Poll);
    CHECK(t.steps[2].spawn.at(0).steps.at(0).pollEvery == 20 * kMillisecond);
    CHECK(t.steps[3].await == AwaitKind::Children);
    CHECK(t.steps[4].op == StepOp::Fail);
    CHECK(d.result().findTask("worker2").has_value());

    REQUIRE(d.contexts()->addAfterFunc("cancel", params({{"steps", QVariantList{params({{"op", "log"}, {"text", "bye"}})}}})).isEmpty());
    CHECK(d.scenario().afterFuncs.at(0).id == "cleanup");
    CHECK(d.contexts()->startTask("cancel", params({{"steps", QVariantList{params({{"op", "work"}, {"duration", "soon"}})}}}))
              .startsWith("step 1"));
}

TEST_CASE("deleting asks first how much goes, then takes it all, and undo brings it back", "[document]") {
    ensureApp();
    Document d;
    REQUIRE(d.files()->loadDefaultExample());
    const Scenario before = d.scenario();
    const QVariantMap summary = d.contexts()->deletionSummary("reqid");
    CHECK(summary.value("contexts").toInt() == 5);  // reqid, db, cache, pool, audit
    CHECK(summary.value("tasks").toInt() == 5);     // handler, query, lookup, dispatcher, auditor
    CHECK(summary.value("actions").toInt() == 1);   // the cancel of pool
    REQUIRE(d.contexts()->deleteContext("reqid").isEmpty());
    CHECK(d.scenario().contexts.size() == 2);
    CHECK_FALSE(d.result().findContext("render").has_value()); // derived by a deleted task
    d.undo();
    CHECK(d.scenario() == before);
}

TEST_CASE("stepping shows exactly one event at a time", "[document]") {
    ensureApp();
    Document d;
    REQUIRE(d.files()->loadDefaultExample());
    d.restart();
    d.seekTime(199.0 * kMillisecond);
    const int at = d.appliedEvents();
    REQUIRE(d.stepForward());
    CHECK(d.appliedEvents() == at + 1);
    CHECK(d.timeNanos() == d.result().events[static_cast<std::size_t>(at)].t);
    REQUIRE(d.stepBack());
    CHECK(d.appliedEvents() == at);
    // The cascade at 200ms: req, then its children one step at a time.
    REQUIRE(d.stepForward());
    CHECK(stateOf(d, "req").err == Err::DeadlineExceeded);
    CHECK(stateOf(d, "cache").err == Err::None);
    while (stateOf(d, "cache").err == Err::None)
        REQUIRE(d.stepForward());
    CHECK(d.timeNanos() == 200 * kMillisecond);
    CHECK(stateOf(d, "audit").err == Err::None);
}

TEST_CASE("the playhead may run past the last event, so there is time to act", "[document]") {
    ensureApp();
    Document d;
    CHECK(d.run()->endTime() == 0);
    CHECK(d.run()->timelineEnd() >= 1e9);
    d.seekTime(5e12);
    CHECK(d.time() == d.run()->timelineEnd());
}

TEST_CASE("the time axis fits the run with a margin, on a round number", "[document]") {
    ensureApp();
    Document d;
    REQUIRE(d.files()->loadDefaultExample()); // ends at 400ms
    CHECK(d.run()->endTime() == 400e6);
    CHECK(d.run()->timelineEnd() == 500e6);  // 400ms and a quarter: 500ms
    // A run that ends at 150ms: 187.5ms rounds up to 200ms, not a whole second.
    Scenario s;
    s.name = "short";
    ContextSpec root, req;
    root.id = "root";
    root.kind = ContextKind::Background;
    req.id = "req";
    req.kind = ContextKind::WithTimeout;
    req.parent = "root";
    req.timeout = 150 * kMillisecond;
    s.contexts = {root, req};
    d.setScenario(s, QString());
    CHECK(d.run()->endTime() == 150e6);
    CHECK(d.run()->timelineEnd() == 200e6);
}

TEST_CASE("save, reopen and compare: a scenario built by clicking round-trips", "[document][e2e]") {
    ensureApp();
    QTemporaryDir dir;
    const QString path = dir.filePath("built.ctxscope.json");
    Document d;
    d.files()->setRecoveryPath(dir.filePath("recovery.json"));
    REQUIRE(d.contexts()->renameScenario("Built by clicking").isEmpty());
    REQUIRE(d.contexts()->derive("root", "WithTimeout", params({{"timeout", "200ms"}, {"label", "request"}})).isEmpty());
    // The label typed gives the id: "request", not "timeout".
    REQUIRE(d.contexts()->derive("request", "WithValue", params({{"key", "requestID"}, {"value", "r-1"}, {"keyType", "string"}})).isEmpty());
    REQUIRE(d.contexts()->derive("value", "WithCancelCause", {}).isEmpty());
    REQUIRE(d.contexts()->derive("value", "WithDeadlineCause", params({{"deadline", "150ms"}, {"cause", "db budget"}})).isEmpty());
    REQUIRE(d.contexts()->startTask("cancelcause", params({{"label", "worker"}, {"steps", QVariantList{params({{"op", "work"}, {"duration", "1s"}, {"watch", "none"}})}}})).isEmpty());
    REQUIRE(d.contexts()->addAfterFunc("request", params({{"steps", QVariantList{params({{"op", "work"}, {"duration", "5ms"}})}}})).isEmpty());
    d.seekTime(120.0 * kMillisecond);
    REQUIRE(d.contexts()->cancelContext("cancelcause", QStringLiteral("user pressed stop")).isEmpty());
    REQUIRE(d.contexts()->stopAfterFunc("cleanup").isEmpty());
    REQUIRE(d.files()->saveAs(path).isEmpty());
    CHECK_FALSE(d.isModified());
    CHECK(d.filePath() == QFileInfo(path).absoluteFilePath());

    Document reopened;
    REQUIRE(reopened.files()->openFile(QUrl::fromLocalFile(path).toString()).isEmpty());
    CHECK(reopened.scenario() == d.scenario());
    CHECK(reopened.result().events == d.result().events);
    CHECK(reopened.scenario().actions.size() == 2);
    CHECK(reopened.scenario().name == "Built by clicking");
}

TEST_CASE("a file that does not load gives located problems and leaves the document alone", "[document]") {
    ensureApp();
    QTemporaryDir dir;
    const QString path = dir.filePath("broken.json");
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write(R"({"ctxscope": 1, "name": "x", "contexts": [{"id": "a", "kind": "WithTimeout", "parent": "nope", "timeout": 5}]})");
    f.close();
    Document d;
    const Scenario before = d.scenario();
    const QStringList problems = d.files()->openFile(path);
    REQUIRE_FALSE(problems.isEmpty());
    CHECK(problems.join("\n").contains("contexts[0]"));
    CHECK(problems[0].startsWith(path));
    CHECK(d.scenario() == before);
}

TEST_CASE("every edit is autosaved to the recovery file, which saving removes", "[document][recovery]") {
    ensureApp();
    QTemporaryDir dir;
    const QString recovery = dir.filePath("recovery.ctxscope.json");
    {
        Document d;
        d.files()->setRecoveryPath(recovery);
        CHECK_FALSE(d.files()->hasRecovery());
        REQUIRE(d.contexts()->derive("root", "WithCancel", {}).isEmpty());
        REQUIRE(QFile::exists(recovery));
        const LoadResult saved = loadScenarioFile(recovery.toStdString());
        REQUIRE(saved.scenario.has_value());
        CHECK(*saved.scenario == d.scenario());
        REQUIRE(d.files()->saveAs(dir.filePath("saved.json")).isEmpty());
        CHECK_FALSE(QFile::exists(recovery));
        REQUIRE(d.contexts()->derive("root", "WithCancel", {}).isEmpty());
        CHECK(QFile::exists(recovery));
        d.undo(); // back to the saved state: nothing to recover
        CHECK_FALSE(QFile::exists(recovery));
    }
}

TEST_CASE("after a crash the recovery file is offered and restores the unsaved work", "[document][recovery]") {
    ensureApp();
    QTemporaryDir dir;
    const QString recovery = dir.filePath("recovery.ctxscope.json");
    Scenario lost;
    {
        Document crashed;
        crashed.files()->setRecoveryPath(recovery);
        REQUIRE(crashed.contexts()->derive("root", "WithTimeout", params({{"timeout", "1s"}})).isEmpty());
        lost = crashed.scenario();
        crashed.files()->setRecoveryPath(QString()); // a crash never gets to remove the file
    }
    Document next;
    next.files()->setRecoveryPath(recovery);
    REQUIRE(next.files()->hasRecovery());
    REQUIRE(next.files()->recover().isEmpty());
    CHECK(next.scenario() == lost);
    CHECK(next.isModified());
    next.files()->discardRecovery();
    CHECK_FALSE(next.files()->hasRecovery());
}

TEST_CASE("the default example is valid and shows every state", "[document]") {
    ensureApp();
    Document d;
    REQUIRE(d.files()->loadDefaultExample());
    d.seekTime(250.0 * kMillisecond);
    CHECK(stateOf(d, "req").err == Err::DeadlineExceeded);
    CHECK(stateOf(d, "pool").err == Err::Canceled);
    CHECK(stateOf(d, "audit").err == Err::None);
    CHECK_FALSE(d.result().contexts[*d.result().findContext("audit")].canEverBeDone);
    bool outlived = false;
    for (const LintFinding& l : d.result().lints)
        outlived = outlived || (l.rule == "goroutine-outlived-context" && l.subject == "worker3");
    CHECK(outlived);
}

TEST_CASE("a generated scenario of 10,000 contexts is valid and lays out every context", "[document][scale]") {
    ensureApp();
    const Scenario s = generateScenario(10000);
    CHECK(s.contexts.size() == 10000);
    CHECK(validateScenario(s).empty());
    Document d;
    d.setScenario(s, QString());
    CHECK(d.run()->contextCount() == 10000);
    CHECK(d.run()->eventCount() > 10000);
}

TEST_CASE("opening or replacing the document leaves an old recovery file for the user to decide", "[document][recovery]") {
    ensureApp();
    QTemporaryDir dir;
    const QString recovery = dir.filePath("recovery.ctxscope.json");
    {
        Document crashed;
        crashed.files()->setRecoveryPath(recovery);
        REQUIRE(crashed.contexts()->derive("root", "WithCancel", {}).isEmpty());
        crashed.files()->setRecoveryPath(QString());
    }
    Document next;
    next.files()->setRecoveryPath(recovery);
    REQUIRE(next.files()->loadDefaultExample()); // what the app does before it asks
    next.files()->newScenario();
    CHECK(next.files()->hasRecovery());
}

TEST_CASE("seekEvents shows exactly that many events, the clock at the last one's time", "[document]") {
    ensureApp();
    Document d;
    REQUIRE(d.files()->loadDefaultExample());
    const int total = d.run()->eventCount();
    REQUIRE(total > 10);
    // Pick an event that shares its instant with the next one: seekTime could not stop between them.
    int k = 1;
    while (k < total && d.result().events[static_cast<std::size_t>(k - 1)].t != d.result().events[static_cast<std::size_t>(k)].t)
        ++k;
    REQUIRE(k < total);
    d.seekEvents(k);
    CHECK(d.appliedEvents() == k);
    CHECK(d.timeNanos() == d.result().events[static_cast<std::size_t>(k - 1)].t);
    d.seekEvents(0);
    CHECK(d.appliedEvents() == 0);
    CHECK(d.timeNanos() == 0);
    d.seekEvents(total + 100); // clamped
    CHECK(d.appliedEvents() == total);
    d.seekEvents(-3);
    CHECK(d.appliedEvents() == 0);
}

TEST_CASE("a document without a file can be named, until another scenario replaces it", "[document]") {
    ensureApp();
    Document d;
    REQUIRE(d.files()->loadDefaultExample());
    CHECK(d.displayName() == "untitled");
    d.setUntitledName("WithCancel basics");
    CHECK(d.displayName() == "WithCancel basics");
    d.files()->newScenario();
    CHECK(d.displayName() == "untitled");
}

// --- editing a context's parameters ---------------------------------------------------------

namespace {

const ContextSpec& contextSpec(const Document& d, const std::string& id) {
    for (const ContextSpec& c : d.scenario().contexts)
        if (c.id == id)
            return c;
    FAIL("no context " << id);
    return d.scenario().contexts.front();
}

// Everything but the parameters: what an edit of the parameters must leave alone.
ContextSpec withoutParams(ContextSpec c) {
    c.timeout = c.deadline = 0;
    c.cause.clear();
    c.key.clear();
    c.value = Scalar::null();
    c.keyType = "ctxKey";
    return c;
}

} // namespace

TEST_CASE("editing the parameters of each kind keeps the id, label, children and tasks", "[document][params]") {
    ensureApp();
    const struct {
        const char* kind;
        QVariantMap before, after;
    } cases[] = {
        {"WithTimeout", params({{"timeout", "100ms"}}), params({{"timeout", "1.5s"}})},
        {"WithTimeoutCause", params({{"timeout", "100ms"}, {"cause", "slow"}}), params({{"timeout", "20ms"}, {"cause", "too slow"}})},
        {"WithDeadline", params({{"deadline", "300ms"}}), params({{"deadline", "2m30s"}})},
        {"WithDeadlineCause", params({{"deadline", "300ms"}, {"cause", "late"}}), params({{"deadline", "40ms"}, {"cause", "very late"}})},
        {"WithValue", params({{"key", "userID"}, {"value", "42"}, {"valueType", "number"}}),
         params({{"key", "tenant"}, {"value", "acme"}, {"valueType", "string"}, {"keyType", "tenantKey"}})},
    };
    for (const auto& c : cases) {
        INFO(c.kind);
        Document d;
        QVariantMap first = c.before;
        first.insert("id", "ctx");
        first.insert("label", "my context");
        REQUIRE(d.contexts()->derive("root", c.kind, first).isEmpty());
        REQUIRE(d.contexts()->derive("ctx", "WithCancel", params({{"id", "child"}})).isEmpty());
        REQUIRE(d.contexts()->startTask("ctx", params({{"id", "worker"}, {"steps", QVariantList{params({{"op", "work"}, {"duration", "1s"}})}}})).isEmpty());
        const Scenario before = d.scenario();
        const ContextSpec old = contextSpec(d, "ctx");
        const std::size_t undoSteps = d.session().history().count();

        REQUIRE(d.contexts()->editParameters("ctx", c.after) == QString());
        const ContextSpec& now = contextSpec(d, "ctx");
        CHECK(withoutParams(now) == withoutParams(old)); // id, kind, parent, at, label
        CHECK(now.label == "my context");
        CHECK(now != old);
        CHECK(d.session().history().count() == undoSteps + 1);
        CHECK(d.scenario().contexts.size() == before.contexts.size());
        CHECK(contextSpec(d, "child").parent == "ctx");
        CHECK(d.scenario().tasks == before.tasks);
        CHECK(d.result().findContext("child").has_value());
        CHECK(d.result().findTask("worker").has_value());
        // What the dialog reads back is what it wrote.
        const QVariantMap back = d.contexts()->contextParameters("ctx");
        for (auto it = c.after.begin(); it != c.after.end(); ++it)
            CHECK(back.value(it.key()).toString() == it.value().toString());
    }
}

TEST_CASE("edited parameters change the simulation: a longer timeout, a new value", "[document][params]") {
    ensureApp();
    Document d;
    REQUIRE(d.contexts()->derive("root", "WithTimeout", params({{"id", "req"}, {"timeout", "100ms"}})).isEmpty());
    REQUIRE(d.contexts()->derive("req", "WithValue", params({{"id", "user"}, {"key", "userID"}, {"value", "42"}, {"valueType", "number"}})).isEmpty());
    REQUIRE(d.contexts()->startTask("user", params({{"id", "h"}, {"steps", QVariantList{params({{"op", "value"}, {"key", "userID"}}),
                                                                          params({{"op", "work"}, {"duration", "1s"}})}}})).isEmpty());
    REQUIRE(d.result().lookups.size() == 1);
    CHECK(d.result().lookups[0].value == Scalar::number("42"));
    CHECK(d.result().contexts[*d.result().findContext("req")].doneAt == 100 * kMillisecond);

    REQUIRE(d.contexts()->editParameters("req", params({{"timeout", "250ms"}})).isEmpty());
    CHECK(d.result().contexts[*d.result().findContext("req")].doneAt == 250 * kMillisecond);
    CHECK(d.result().contexts[*d.result().findContext("user")].deadline == 250 * kMillisecond);

    REQUIRE(d.contexts()->editParameters("user", params({{"key", "userID"}, {"value", "true"}, {"valueType", "bool"}})).isEmpty());
    CHECK(d.result().lookups[0].value == Scalar::boolean(true));
    REQUIRE(d.contexts()->editParameters("user", params({{"key", "other"}, {"value", "x"}})).isEmpty());
    CHECK_FALSE(d.result().lookups[0].found); // the task still asks for userID
}

TEST_CASE("an edit of parameters is one undo step that undo and redo replay exactly", "[document][params]") {
    ensureApp();
    Document d;
    REQUIRE(d.contexts()->derive("root", "WithDeadlineCause", params({{"deadline", "300ms"}, {"cause", "late"}})).isEmpty());
    const Scenario v1 = d.scenario();
    REQUIRE(d.contexts()->editParameters("deadlinecause", params({{"deadline", "50ms"}, {"cause", "much too late"}})).isEmpty());
    const Scenario v2 = d.scenario();
    CHECK(d.undoText().contains("deadlinecause"));
    REQUIRE(d.contexts()->editParameters("deadlinecause", params({{"deadline", "70ms"}, {"cause", "much too late"}})).isEmpty());
    const Scenario v3 = d.scenario();
    CHECK(contextSpec(d, "deadlinecause").deadline == 70 * kMillisecond);
    d.undo();
    CHECK(d.scenario() == v2);
    CHECK(d.result().contexts[*d.result().findContext("deadlinecause")].doneAt == 50 * kMillisecond);
    d.undo();
    CHECK(d.scenario() == v1);
    CHECK(d.result().contexts[*d.result().findContext("deadlinecause")].doneAt == 300 * kMillisecond);
    d.redo();
    d.redo();
    CHECK(d.scenario() == v3);
    // The same values again change nothing, so they add no undo step.
    const std::size_t count = d.session().history().count();
    REQUIRE(d.contexts()->editParameters("deadlinecause", params({{"deadline", "70ms"}, {"cause", "much too late"}})).isEmpty());
    CHECK(d.session().history().count() == count);
}

TEST_CASE("editing at a non-zero playhead keeps the playhead and the creation time, and shows the outcome at once", "[document][params]") {
    ensureApp();
    Document d;
    d.seekTime(50.0 * kMillisecond);
    REQUIRE(d.contexts()->derive("root", "WithTimeout", params({{"timeout", "100ms"}})).isEmpty());
    CHECK(contextSpec(d, "timeout").at == 50 * kMillisecond);
    d.seekTime(200.0 * kMillisecond);
    CHECK(stateOf(d, "timeout").err == Err::DeadlineExceeded); // 50ms + 100ms
    REQUIRE(d.contexts()->editParameters("timeout", params({{"timeout", "300ms"}})).isEmpty());
    CHECK(d.timeNanos() == 200 * kMillisecond);
    CHECK(contextSpec(d, "timeout").at == 50 * kMillisecond);
    CHECK(stateOf(d, "timeout").err == Err::None);             // now until 350ms
    d.seekTime(350.0 * kMillisecond);
    CHECK(stateOf(d, "timeout").err == Err::DeadlineExceeded);
    d.seekTime(200.0 * kMillisecond);
    d.undo();
    CHECK(d.timeNanos() == 200 * kMillisecond);
    CHECK(stateOf(d, "timeout").err == Err::DeadlineExceeded);
}

TEST_CASE("invalid parameters are refused with a reason that names the field, and change nothing", "[document][params]") {
    ensureApp();
    Document d;
    REQUIRE(d.contexts()->derive("root", "WithTimeout", params({{"timeout", "100ms"}})).isEmpty());
    REQUIRE(d.contexts()->derive("root", "WithDeadline", params({{"deadline", "100ms"}})).isEmpty());
    REQUIRE(d.contexts()->derive("root", "WithValue", params({{"key", "k"}, {"value", "v"}})).isEmpty());
    REQUIRE(d.contexts()->derive("root", "WithCancel", {}).isEmpty());
    REQUIRE(d.contexts()->startTask("cancel", params({{"steps", QVariantList{params({{"op", "derive"}, {"kind", "WithTimeout"}, {"timeout", "5ms"}, {"id", "inner"}})}}})).isEmpty());
    const Scenario before = d.scenario();
    const std::size_t count = d.session().history().count();

    const QString soon = d.contexts()->editParameters("timeout", params({{"timeout", "soon"}}));
    CHECK(soon.startsWith("timeout: "));
    CHECK(soon.contains("soon"));
    CHECK(d.contexts()->editParameters("timeout", params({{"timeout", "100"}})).contains("missing unit"));
    // (A deadline before the start is valid now: Go gives an already-expired context.)
    CHECK(d.contexts()->editParameters("deadline", params({{"deadline", "5"}})).startsWith("deadline: "));
    CHECK(d.contexts()->editParameters("value", params({{"key", "  "}, {"value", "v"}})).startsWith("key: "));
    CHECK(d.contexts()->editParameters("value", params({{"key", "k"}, {"value", "many"}, {"valueType", "number"}})).startsWith("value: "));
    CHECK(d.contexts()->editParameters("value", params({{"key", "k"}, {"value", "maybe"}, {"valueType", "bool"}})).startsWith("value: "));
    CHECK(d.contexts()->editParameters("value", params({{"key", "k"}, {"value", "v"}, {"keyType", "not a type"}})).contains("key_type"));
    CHECK(d.contexts()->editParameters("cancel", params({{"timeout", "1s"}})).contains("WithCancel takes no parameters"));
    CHECK(d.contexts()->editParameters("root", {}).contains("Background takes no parameters"));
    CHECK(d.contexts()->editParameters("inner", params({{"timeout", "1s"}})).contains("made by a task"));
    CHECK(d.contexts()->editParameters("nosuch", params({{"timeout", "1s"}})).contains("nosuch"));
    CHECK(d.scenario() == before);
    CHECK(d.session().history().count() == count);
    // A deadline before the start is valid (Go takes any time.Time): one undo step, done at once.
    CHECK(d.contexts()->editParameters("deadline", params({{"deadline", "-5ms"}})).isEmpty());
    CHECK(d.session().history().count() == count + 1);

    // The menus learn which contexts have parameters to edit.
    CHECK(d.contexts()->contextActions("timeout").value("hasParams").toBool());
    CHECK(d.contexts()->contextActions("value").value("hasParams").toBool());
    CHECK_FALSE(d.contexts()->contextActions("cancel").value("hasParams").toBool());
    CHECK_FALSE(d.contexts()->contextActions("root").value("hasParams").toBool());
    CHECK_FALSE(d.contexts()->contextParameters("inner").value("ok").toBool());
    CHECK(d.contexts()->contextParameters("timeout").value("timeout").toString() == "100ms");
}

TEST_CASE("edited parameters survive save and reopen", "[document][params][e2e]") {
    ensureApp();
    QTemporaryDir dir;
    const QString path = dir.filePath("edited.ctxscope.json");
    Document d;
    d.files()->setRecoveryPath(dir.filePath("recovery.json"));
    REQUIRE(d.contexts()->derive("root", "WithTimeoutCause", params({{"id", "req"}, {"timeout", "200ms"}, {"cause", "budget"}})).isEmpty());
    REQUIRE(d.contexts()->derive("req", "WithValue", params({{"id", "v"}, {"key", "k"}, {"value", "1"}, {"valueType", "number"}})).isEmpty());
    REQUIRE(d.contexts()->editParameters("req", params({{"timeout", "2m30s"}, {"cause", "the budget ran out"}})).isEmpty());
    REQUIRE(d.contexts()->editParameters("v", params({{"key", "requestID"}, {"value", "7.50"}, {"valueType", "number"}, {"keyType", "string"}})).isEmpty());
    REQUIRE(d.files()->saveAs(path).isEmpty());

    Document reopened;
    REQUIRE(reopened.files()->openFile(path).isEmpty());
    CHECK(reopened.scenario() == d.scenario());
    CHECK(contextSpec(reopened, "req").timeout == 150 * kSecond);
    CHECK(contextSpec(reopened, "req").cause == "the budget ran out");
    CHECK(contextSpec(reopened, "v").value == Scalar::number("7.50"));
    CHECK(contextSpec(reopened, "v").keyType == "string");
    CHECK(reopened.contexts()->contextParameters("req").value("timeout").toString() == "2m30s");
    CHECK(reopened.result().events == d.result().events);
}
