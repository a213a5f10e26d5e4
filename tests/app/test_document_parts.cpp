// The Document's parts on their own (issue #9, "Document as a bridge"): what each adds beyond
// the Document behaviour that test_document*.cpp and test_races.cpp cover through them.
#include "apptestutil.h"
#include "document.h"

#include <catch2/catch.hpp>

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QUrl>

#include <chrono>

using namespace ctxscope;
using namespace std::chrono_literals;

TEST_CASE("ContextEditor::contextActions is the Session's capabilities at the playhead", "[parts][contexts]") {
    ensureApp();
    Document d;
    REQUIRE(d.files()->loadDefaultExample());
    d.seekEnd();
    const QVariantMap req = d.contexts()->contextActions("req");
    CHECK(req.value("exists").toBool());
    CHECK(req.value("editable").toBool());
    CHECK(req.value("hasParams").toBool()); // a timeout to edit
    CHECK(req.value("canCancel").toBool());
    CHECK_FALSE(req.value("takesCause").toBool());
    CHECK(req.value("kind").toString() == "WithTimeout");
    CHECK(req.value("done").toBool());
    // A context a task derives is no scenario context: nothing of it to edit, not even the
    // timeout its kind takes (the menus offered an edit they then refused).
    const QVariantMap render = d.contexts()->contextActions("render");
    CHECK(render.value("exists").toBool());
    CHECK_FALSE(render.value("editable").toBool());
    CHECK_FALSE(render.value("hasParams").toBool());
    CHECK(render.value("kind").toString() == "WithTimeout");
    CHECK(d.contexts()->contextActions("pool").value("takesCause").toBool());
    CHECK_FALSE(d.contexts()->contextActions("nosuch").value("exists").toBool());
    d.seekTime(0);
    CHECK_FALSE(d.contexts()->contextActions("render").value("created").toBool());
}

TEST_CASE("ContextEditor gives a new task an id from its label that nothing uses", "[parts][contexts]") {
    ensureApp();
    Document d;
    REQUIRE(d.files()->loadDefaultExample());
    REQUIRE(d.contexts()->startTask("req", variantMap({{"label", "handler"}})).isEmpty());
    CHECK(d.editedScenario().tasks.back().id == "handler2");
    REQUIRE(d.contexts()->startTask("req", variantMap({{"label", "worker1"}})).isEmpty());
    CHECK(d.editedScenario().tasks.back().id == "worker12"); // worker1 is spawned by a step
    REQUIRE(d.contexts()->startTask("req", variantMap({{"label", "render"}})).isEmpty());
    CHECK(d.editedScenario().tasks.back().id == "render"); // a context's id: another id space
    CHECK(d.contexts()->derive("root", "WithValue", variantMap({{"key", "  "}})).startsWith("key: a WithValue needs a key"));
}

TEST_CASE("RaceOutcomes without an exploration has one outcome, the run on screen", "[parts][outcomes]") {
    ensureApp();
    Document d;
    d.run()->setExploreLimits(false, 2000, 2000, 3000ms);
    REQUIRE(d.files()->loadDefaultExample());
    RaceOutcomes& o = *d.outcomes();
    CHECK(o.count() == 1);
    CHECK(o.index() == 0);
    QSignalSpy changed(&o, &RaceOutcomes::changed);
    o.setIndex(1); // no such outcome
    o.next();
    CHECK(o.index() == 0);
    CHECK(changed.count() == 0);
    const QVariantList err = o.racedValues("context", "db", "err");
    REQUIRE(err.size() == 1);
    CHECK(err[0].toString() == "context deadline exceeded");
    CHECK(o.racedValues("goroutine", "db", "err").isEmpty());
    CHECK(o.raceNote("context", "db").isEmpty());
}

TEST_CASE("SimulationRunner: a new document cancels the job still running for the old one", "[parts][run]") {
    ensureApp();
    Document d;
    d.run()->setJobLimits(1, 250ms); // every scenario goes to the worker
    REQUIRE(d.contexts()->derive("root", "WithCancel", {}).isEmpty());
    REQUIRE(d.run()->busy());
    QSignalSpy jobs(d.run(), &SimulationRunner::jobChanged);
    d.files()->newScenario();
    CHECK_FALSE(d.run()->busy());
    CHECK(jobs.count() >= 1);
    CHECK(d.run()->contextCount() == 1);
    QCoreApplication::processEvents(); // a finished run of the old document is never shown
    CHECK(d.run()->contextCount() == 1);
    CHECK(d.scenario().contexts.size() == 1);
}

TEST_CASE("SimulationRunner: the playhead stays within the run and its timeline", "[parts][run]") {
    ensureApp();
    Document d;
    REQUIRE(d.files()->loadDefaultExample());
    const int events = d.run()->eventCount();
    d.seekEvents(events + 10);
    CHECK(d.appliedEvents() == events);
    CHECK_FALSE(d.stepForward());
    d.seekTime(1e18);
    CHECK(d.time() == d.run()->timelineEnd());
    CHECK(d.run()->timelineEnd() > d.run()->endTime());
    d.seekEvents(-3);
    CHECK(d.appliedEvents() == 0);
    CHECK(d.time() == 0);
    CHECK_FALSE(d.stepBack());
}

TEST_CASE("ScenarioFiles: Save As makes the file the document's and removes the recovery copy", "[parts][files]") {
    ensureApp();
    QTemporaryDir dir;
    const QString recovery = dir.filePath("recovery.ctxscope.json");
    Document d;
    d.files()->setRecoveryPath(recovery);
    REQUIRE(d.contexts()->derive("root", "WithCancel", {}).isEmpty());
    REQUIRE(QFile::exists(recovery));
    QSignalSpy file(&d, &Document::fileChanged);
    const QString path = dir.filePath("saved.ctxscope.json");
    REQUIRE(d.files()->saveAs(QUrl::fromLocalFile(path).toString()).isEmpty());
    CHECK(d.filePath() == path);
    CHECK(d.displayName() == "saved.ctxscope.json");
    CHECK_FALSE(d.isModified());
    CHECK(file.count() == 1);
    CHECK_FALSE(QFile::exists(recovery));
    CHECK(d.files()->save().isEmpty());
    const Scenario untitled = ScenarioFiles::untitledScenario();
    REQUIRE(untitled.contexts.size() == 1);
    CHECK(untitled.contexts[0].kind == ContextKind::Background);
}
