// The Document: every edit kind, undo/redo, timed actions at a non-zero playhead,
// re-simulation, stepping, files, recovery, and an end-to-end build → save → reopen → compare.
#include "apptestutil.h"
#include "ctxscope/scenario_io.h"
#include "ctxscope/validate.h"
#include "document.h"
#include "scenariogenerator.h"

#include <catch2/catch.hpp>

#include <QFile>
#include <QFileInfo>
#include <QUrl>

using namespace ctxscope;

namespace {

QVariantMap params(std::initializer_list<std::pair<const char*, QVariant>> list) {
    QVariantMap m;
    for (const auto& [k, v] : list)
        m.insert(QString::fromLatin1(k), v);
    return m;
}

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
        REQUIRE(d.derive(QStringLiteral("root"), QString::fromLatin1(c.kind), c.p).isEmpty());
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
    REQUIRE(d.derive("root", "WithTimeout", params({{"timeout", "100ms"}})).isEmpty());
    history.push_back(d.scenario());
    REQUIRE(d.startTask("timeout", params({{"steps", QVariantList{params({{"op", "work"}, {"duration", "50ms"}})}}})).isEmpty());
    history.push_back(d.scenario());
    REQUIRE(d.renameContext("timeout", "budget").isEmpty());
    history.push_back(d.scenario());
    REQUIRE(d.deleteContext("timeout").isEmpty());
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
    REQUIRE(d.derive("root", "WithCancel", {}).isEmpty());
    REQUIRE(d.derive("cancel", "WithValue", params({{"key", "k"}, {"value", "v"}})).isEmpty());
    d.seekTime(153.0 * kMillisecond);
    CHECK(d.timeNanos() == 153 * kMillisecond);
    CHECK(stateOf(d, "cancel").err == Err::None);
    REQUIRE(d.cancelContext("cancel", QVariant()).isEmpty());
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
    REQUIRE(d.derive("root", "WithCancel", {}).isEmpty());
    REQUIRE(d.derive("cancel", "WithValue", params({{"key", "k"}, {"value", "v"}})).isEmpty());
    const Scenario before = d.scenario();
    CHECK(d.derive("root", "WithTimeout", params({{"timeout", "12 parsecs"}})).contains("timeout"));
    CHECK_FALSE(d.cancelContext("value", QVariant()).isEmpty());              // WithValue: no cancel func
    CHECK_FALSE(d.cancelContext("cancel", QStringLiteral("why")).isEmpty());  // cause needs WithCancelCause
    CHECK_FALSE(d.cancelContext("root", QVariant()).isEmpty());
    CHECK_FALSE(d.derive("root", "WithCancel", params({{"id", "cancel"}})).isEmpty()); // duplicate id
    CHECK_FALSE(d.derive("nosuch", "WithCancel", {}).isEmpty());
    CHECK(d.scenario() == before);
    const QVariantMap actions = d.contextActions("value");
    CHECK(actions.value("canCancel").toBool() == false);
    CHECK(actions.value("editable").toBool() == true);
}

TEST_CASE("a cause is kept on a WithCancelCause cancel and reported by Cause()", "[document]") {
    ensureApp();
    Document d;
    REQUIRE(d.derive("root", "WithCancelCause", {}).isEmpty());
    d.seekTime(20.0 * kMillisecond);
    REQUIRE(d.cancelContext("cancelcause", QStringLiteral("client went away")).isEmpty());
    CHECK(d.scenario().actions.at(0).cause == std::optional<std::string>("client went away"));
    const ContextStateAt s = stateOf(d, "cancelcause");
    REQUIRE(s.err == Err::Canceled);
    CHECK(d.result().str(s.cause) == "client went away");
}

TEST_CASE("tasks and after-funcs are built from step lists without JSON", "[document]") {
    ensureApp();
    Document d;
    REQUIRE(d.derive("root", "WithCancel", {}).isEmpty());
    const QVariantList steps{
        params({{"op", "derive"}, {"kind", "WithTimeout"}, {"timeout", "100ms"}, {"base", "budget"}}),
        params({{"op", "spawn"}, {"steps", QVariantList{params({{"op", "work"}, {"duration", "50ms"}})}}}),
        params({{"op", "spawn"}, {"steps", QVariantList{params({{"op", "work"}, {"duration", "300ms"}, {"watch", "poll"}, {"poll", "20ms"}})}}}),
        params({{"op", "await"}, {"what", "children"}}),
        params({{"op", "fail"}, {"text", "boom"}}),
    };
    REQUIRE(d.startTask("cancel", params({{"steps", steps}})).isEmpty());
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

    REQUIRE(d.addAfterFunc("cancel", params({{"steps", QVariantList{params({{"op", "log"}, {"text", "bye"}})}}})).isEmpty());
    CHECK(d.scenario().afterFuncs.at(0).id == "cleanup");
    CHECK(d.startTask("cancel", params({{"steps", QVariantList{params({{"op", "work"}, {"duration", "soon"}})}}}))
              .startsWith("step 1"));
}

TEST_CASE("deleting asks first how much goes, then takes it all, and undo brings it back", "[document]") {
    ensureApp();
    Document d;
    REQUIRE(d.loadDefaultExample());
    const Scenario before = d.scenario();
    const QVariantMap summary = d.deletionSummary("reqid");
    CHECK(summary.value("contexts").toInt() == 5);  // reqid, db, cache, pool, audit
    CHECK(summary.value("tasks").toInt() == 5);     // handler, query, lookup, dispatcher, auditor
    CHECK(summary.value("actions").toInt() == 1);   // the cancel of pool
    REQUIRE(d.deleteContext("reqid").isEmpty());
    CHECK(d.scenario().contexts.size() == 2);
    CHECK_FALSE(d.result().findContext("render").has_value()); // derived by a deleted task
    d.undo();
    CHECK(d.scenario() == before);
}

TEST_CASE("stepping shows exactly one event at a time", "[document]") {
    ensureApp();
    Document d;
    REQUIRE(d.loadDefaultExample());
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
    CHECK(d.endTime() == 0);
    CHECK(d.timelineEnd() >= 1e9);
    d.seekTime(5e12);
    CHECK(d.time() == d.timelineEnd());
}

TEST_CASE("save, reopen and compare: a scenario built by clicking round-trips", "[document][e2e]") {
    ensureApp();
    QTemporaryDir dir;
    const QString path = dir.filePath("built.ctxscope.json");
    Document d;
    d.setRecoveryPath(dir.filePath("recovery.json"));
    REQUIRE(d.renameScenario("Built by clicking").isEmpty());
    REQUIRE(d.derive("root", "WithTimeout", params({{"timeout", "200ms"}, {"label", "request"}})).isEmpty());
    REQUIRE(d.derive("timeout", "WithValue", params({{"key", "requestID"}, {"value", "r-1"}, {"keyType", "string"}})).isEmpty());
    REQUIRE(d.derive("value", "WithCancelCause", {}).isEmpty());
    REQUIRE(d.derive("value", "WithDeadlineCause", params({{"deadline", "150ms"}, {"cause", "db budget"}})).isEmpty());
    REQUIRE(d.startTask("cancelcause", params({{"label", "worker"}, {"steps", QVariantList{params({{"op", "work"}, {"duration", "1s"}, {"watch", "none"}})}}})).isEmpty());
    REQUIRE(d.addAfterFunc("timeout", params({{"steps", QVariantList{params({{"op", "work"}, {"duration", "5ms"}})}}})).isEmpty());
    d.seekTime(120.0 * kMillisecond);
    REQUIRE(d.cancelContext("cancelcause", QStringLiteral("user pressed stop")).isEmpty());
    REQUIRE(d.stopAfterFunc("cleanup").isEmpty());
    REQUIRE(d.saveAs(path).isEmpty());
    CHECK_FALSE(d.isModified());
    CHECK(d.filePath() == QFileInfo(path).absoluteFilePath());

    Document reopened;
    REQUIRE(reopened.openFile(QUrl::fromLocalFile(path).toString()).isEmpty());
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
    const QStringList problems = d.openFile(path);
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
        d.setRecoveryPath(recovery);
        CHECK_FALSE(d.hasRecovery());
        REQUIRE(d.derive("root", "WithCancel", {}).isEmpty());
        REQUIRE(QFile::exists(recovery));
        const LoadResult saved = loadScenarioFile(recovery.toStdString());
        REQUIRE(saved.scenario.has_value());
        CHECK(*saved.scenario == d.scenario());
        REQUIRE(d.saveAs(dir.filePath("saved.json")).isEmpty());
        CHECK_FALSE(QFile::exists(recovery));
        REQUIRE(d.derive("root", "WithCancel", {}).isEmpty());
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
        crashed.setRecoveryPath(recovery);
        REQUIRE(crashed.derive("root", "WithTimeout", params({{"timeout", "1s"}})).isEmpty());
        lost = crashed.scenario();
        crashed.setRecoveryPath(QString()); // a crash never gets to remove the file
    }
    Document next;
    next.setRecoveryPath(recovery);
    REQUIRE(next.hasRecovery());
    REQUIRE(next.recover().isEmpty());
    CHECK(next.scenario() == lost);
    CHECK(next.isModified());
    next.discardRecovery();
    CHECK_FALSE(next.hasRecovery());
}

TEST_CASE("the default example is valid and shows every state", "[document]") {
    ensureApp();
    Document d;
    REQUIRE(d.loadDefaultExample());
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
    CHECK(d.contextCount() == 10000);
    CHECK(d.eventCount() > 10000);
}

TEST_CASE("opening or replacing the document leaves an old recovery file for the user to decide", "[document][recovery]") {
    ensureApp();
    QTemporaryDir dir;
    const QString recovery = dir.filePath("recovery.ctxscope.json");
    {
        Document crashed;
        crashed.setRecoveryPath(recovery);
        REQUIRE(crashed.derive("root", "WithCancel", {}).isEmpty());
        crashed.setRecoveryPath(QString());
    }
    Document next;
    next.setRecoveryPath(recovery);
    REQUIRE(next.loadDefaultExample()); // what the app does before it asks
    next.newScenario();
    CHECK(next.hasRecovery());
}

TEST_CASE("seekEvents shows exactly that many events, the clock at the last one's time", "[document]") {
    ensureApp();
    Document d;
    REQUIRE(d.loadDefaultExample());
    const int total = d.eventCount();
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
    REQUIRE(d.loadDefaultExample());
    CHECK(d.displayName() == "untitled");
    d.setUntitledName("WithCancel basics");
    CHECK(d.displayName() == "WithCancel basics");
    d.newScenario();
    CHECK(d.displayName() == "untitled");
}
