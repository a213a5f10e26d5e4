// Slow jobs off the GUI thread (issue #14): a big scenario is simulated (or opened, or made) on
// the document's worker while the old run stays on screen; progress is reported; Cancel leaves
// the previous document (an open) or takes the edit back (a re-simulation); a newer edit
// supersedes an older run, which is never shown; a document destroyed while a job runs waits
// for it. Small scenarios stay synchronous (test_document.cpp relies on that throughout).
#include "apptestutil.h"
#include "ctxscope/formats/scenario_io.h"
#include "document.h"
#include "exporter.h"
#include "scenariogenerator.h"
#include "simulationjob.h"

#include <catch2/catch.hpp>

#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <chrono>
#include <thread>

using namespace ctxscope;
using namespace std::chrono_literals;

namespace {

// A document whose scenario counts as big from `threshold` contexts + tasks on.
void bigFromOn(Document& d, std::size_t threshold) { d.run()->setJobLimits(threshold, 250ms); }

bool hasContext(const SimulationResult& r, const char* id) { return r.findContext(id).has_value(); }
bool hasContext(const Scenario& s, const char* id) {
    for (const ContextSpec& c : s.contexts)
        if (c.id == id)
            return true;
    return false;
}

// waitUntil polls `done` (from another thread's point of view) for up to `ms`.
template <typename F>
bool waitUntil(F done, int ms) {
    QElapsedTimer t;
    t.start();
    while (!done()) {
        if (t.elapsed() > ms)
            return false;
        std::this_thread::sleep_for(1ms);
    }
    return true;
}

} // namespace

TEST_CASE("a job reports progress from its thread and stops when cancelled", "[jobs]") {
    ensureApp();
    // 200,000 contexts make many times kProgressEvery events: the first progress call comes
    // long before the end, and the cancel is seen at the next one.
    auto job = SimulationJob::resimulate(generateScenario(200000), QStringLiteral("test"));
    std::thread worker([&] { job->run(); });
    const bool sawProgress = waitUntil([&] { return job->phase() == SimulationJob::Phase::Simulating && job->events() > 0; }, 60000);
    job->cancel();
    worker.join();
    CHECK(sawProgress);
    CHECK(job->events() >= SimulationOptions::kProgressEvery);
    CHECK_FALSE(job->ok()); // cancelled: nothing to show
    CHECK(job->result == nullptr);
}

TEST_CASE("a job over budget gives up on this thread and then runs whole elsewhere", "[jobs]") {
    ensureApp();
    auto job = SimulationJob::resimulate(generateScenario(20000), QStringLiteral("test"));
    // A zero budget is over at the engine's first progress call: the hook is wired to the run.
    CHECK_FALSE(job->runFor(0ms));
    CHECK_FALSE(job->ok());
    REQUIRE(job->input() != nullptr); // kept for the retry
    job->run();
    REQUIRE(job->ok());
    CHECK_FALSE(job->result->aborted);
    CHECK(job->events() == job->result->events.size());
    CHECK(job->result->contexts.size() == 20000);
    // The same run as a plain simulate():
    const SimulationResult plain = simulate(*job->scenario);
    CHECK(plain.events.size() == job->result->events.size());
}

TEST_CASE("small scenarios are simulated at once, with no job", "[jobs]") {
    ensureApp();
    Document d;
    QSignalSpy jobs(d.run(), &SimulationRunner::jobChanged);
    REQUIRE(d.contexts()->derive("root", "WithCancel", {}).isEmpty());
    CHECK_FALSE(d.run()->busy());
    CHECK(hasContext(d.result(), "cancel"));
    CHECK(&d.scenario() == &d.editedScenario());
}

TEST_CASE("a big scenario is made and simulated on the worker; the old one stays until then", "[jobs]") {
    ensureApp();
    Document d;
    REQUIRE(d.files()->loadDefaultExample());
    const Scenario before = d.scenario();
    const int contexts = d.run()->contextCount(); // with those its tasks derive
    QSignalSpy opened(d.files(), &ScenarioFiles::opened);
    QSignalSpy simulated(&d, &Document::simulated);
    d.files()->openGenerated(30000);
    REQUIRE(d.run()->busy());
    CHECK(d.run()->jobText().contains("30,000"));
    CHECK(d.run()->cancelHint().contains("keeps"));
    CHECK(d.scenario() == before); // nothing changes before it is done
    CHECK(d.run()->contextCount() == contexts);
    d.seekEnd();                   // the old run still plays
    CHECK(d.appliedEvents() == d.run()->eventCount());
    REQUIRE(d.run()->waitForJob(120000));
    CHECK(opened.count() == 1);
    CHECK(simulated.count() == 1);
    CHECK(d.run()->contextCount() == 30000);
    CHECK(d.scenario().contexts.size() == 30000);
    CHECK(d.timeNanos() == 0);
    CHECK_FALSE(d.canUndo());
}

TEST_CASE("progress becomes visible after a moment and names what runs", "[jobs]") {
    ensureApp();
    Document d;
    QSignalSpy progress(d.run(), &SimulationRunner::jobProgressChanged);
    d.files()->openGenerated(60000);
    REQUIRE(d.run()->busy());
    CHECK_FALSE(d.run()->jobVisible()); // not at once: a quick job must not flash
    // Wait for the progress line (~300 ms), or for the end on a very fast machine.
    QElapsedTimer t;
    t.start();
    while (d.run()->busy() && !d.run()->jobVisible() && t.elapsed() < 60000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    if (d.run()->busy()) {
        CHECK(d.run()->jobVisible());
        CHECK(t.elapsed() >= 250);
        CHECK_FALSE(d.run()->jobDetail().isEmpty());
        CHECK(progress.count() >= 2);
    }
    REQUIRE(d.run()->waitForJob(120000));
    CHECK_FALSE(d.run()->jobVisible());
    CHECK(d.run()->jobText().isEmpty());
    CHECK(d.run()->contextCount() == 60000);
}

TEST_CASE("cancelling an open leaves the previous document untouched", "[jobs]") {
    ensureApp();
    Document d;
    REQUIRE(d.files()->loadDefaultExample());
    REQUIRE(d.contexts()->derive("root", "WithCancel", {}).isEmpty()); // unsaved work
    const Scenario before = d.scenario();
    const int revision = d.revision();
    QSignalSpy opened(d.files(), &ScenarioFiles::opened);
    QSignalSpy failed(d.files(), &ScenarioFiles::openFailed);
    d.files()->openGenerated(60000);
    REQUIRE(d.run()->busy());
    d.run()->cancelJob();
    CHECK_FALSE(d.run()->busy());
    // Whatever the worker still does is dropped, now and later.
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < 1500)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    CHECK(d.scenario() == before);
    CHECK(d.revision() == revision);
    CHECK(d.isModified());
    CHECK(d.canUndo());
    CHECK(opened.count() == 0);
    CHECK(failed.count() == 0);
}

TEST_CASE("a big file is read, checked and simulated on the worker; a bad one reports why", "[jobs]") {
    ensureApp();
    QTemporaryDir dir;
    const QString good = dir.filePath("big.ctxscope.json");
    {
        std::string error;
        REQUIRE(saveScenarioFile(good.toStdString(), generateScenario(20000), &error));
    }
    REQUIRE(QFileInfo(good).size() >= (1 << 20)); // big enough to go to the worker
    const QString bad = dir.filePath("bad.ctxscope.json");
    {
        QFile f(bad);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write(R"({"ctxscope": 1, "name": "x", "contexts": [{"id": "a", "kind": "WithTimeout", "parent": "nope", "timeout": "1s"}], "padding": ")");
        f.write(QByteArray(1 << 20, 'x'));
        f.write("\"}");
    }
    Document d;
    QSignalSpy opened(d.files(), &ScenarioFiles::opened);
    QSignalSpy failed(d.files(), &ScenarioFiles::openFailed);

    REQUIRE(d.files()->openFile(bad).isEmpty()); // on the worker: the answer comes later
    REQUIRE(d.run()->busy());
    REQUIRE(d.run()->waitForJob(60000));
    REQUIRE(failed.count() == 1);
    const QStringList problems = failed.at(0).at(1).toStringList();
    REQUIRE_FALSE(problems.isEmpty());
    CHECK(problems[0].startsWith(bad));
    CHECK(d.run()->contextCount() == 1); // untouched
    CHECK(opened.count() == 0);

    REQUIRE(d.files()->openFile(good).isEmpty());
    REQUIRE(d.run()->busy());
    REQUIRE(d.run()->waitForJob(120000));
    CHECK(opened.count() == 1);
    CHECK(d.filePath() == QFileInfo(good).absoluteFilePath());
    CHECK(d.run()->contextCount() == 20000);
    CHECK_FALSE(d.isModified());
}

TEST_CASE("an edit of a big scenario is simulated on the worker; views keep the shown run meanwhile", "[jobs]") {
    ensureApp();
    Document d;
    d.setScenario(generateScenario(3000), QString());
    bigFromOn(d, 1000);
    const Scenario shown = d.scenario();
    const int revision = d.revision();
    REQUIRE(d.contexts()->derive("c1", "WithCancel", QVariantMap{}).isEmpty());
    REQUIRE(d.run()->busy());
    CHECK(d.run()->jobText().contains("Derive WithCancel"));
    CHECK(d.run()->cancelHint().contains("takes the change back"));
    // The scenario on screen and its run still belong together; the edit is in the edited one.
    CHECK(d.scenario() == shown);
    CHECK(d.editedScenario().contexts.size() == shown.contexts.size() + 1);
    CHECK(d.revision() == revision);
    CHECK(d.isModified());
    REQUIRE(d.run()->waitForJob(60000));
    CHECK(d.revision() == revision + 1);
    CHECK(d.scenario().contexts.size() == shown.contexts.size() + 1);
    CHECK(&d.scenario() == &d.editedScenario());
    CHECK(d.result().findContext(d.scenario().contexts.back().id).has_value());
}

TEST_CASE("a newer edit supersedes an older run, which is never shown", "[jobs]") {
    ensureApp();
    Document d;
    d.setScenario(generateScenario(3000), QString());
    bigFromOn(d, 1000);
    QSignalSpy simulated(&d, &Document::simulated);
    REQUIRE(d.contexts()->derive("c1", "WithCancel", variantMap({{"id", QStringLiteral("first")}})).isEmpty());
    REQUIRE(d.run()->busy());
    REQUIRE(d.contexts()->derive("c1", "WithCancel", variantMap({{"id", QStringLiteral("second")}})).isEmpty());
    REQUIRE(d.run()->busy());
    REQUIRE(d.run()->waitForJob(60000));
    // Let anything the first run might still post arrive: it must be dropped.
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < 500)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    CHECK(simulated.count() == 1);
    CHECK(hasContext(d.result(), "first"));
    CHECK(hasContext(d.result(), "second"));
    // And an undo while a run is pending supersedes it too.
    d.undo();
    REQUIRE(d.run()->busy());
    REQUIRE(d.run()->waitForJob(60000));
    CHECK(hasContext(d.result(), "first"));
    CHECK_FALSE(hasContext(d.result(), "second"));
    CHECK(simulated.count() == 2);
}

TEST_CASE("cancelling a re-simulation takes the edits back; Redo brings them back", "[jobs]") {
    ensureApp();
    Document d;
    d.setScenario(generateScenario(3000), QString());
    bigFromOn(d, 1000);
    const Scenario shown = d.scenario();
    const int revision = d.revision();
    REQUIRE(d.contexts()->derive("c1", "WithCancel", variantMap({{"id", QStringLiteral("one")}})).isEmpty());
    REQUIRE(d.contexts()->derive("c1", "WithCancel", variantMap({{"id", QStringLiteral("two")}})).isEmpty());
    REQUIRE(d.run()->busy());
    d.run()->cancelJob();
    CHECK_FALSE(d.run()->busy());
    CHECK_FALSE(d.run()->isStale());
    CHECK(d.scenario() == shown);
    CHECK(d.editedScenario() == shown);
    CHECK(&d.scenario() == &d.editedScenario());
    CHECK(d.revision() == revision); // nothing was simulated: the run on screen is this scenario's
    CHECK_FALSE(d.canUndo());
    REQUIRE(d.canRedo());
    CHECK_FALSE(d.isModified());
    d.redo();
    d.redo();
    REQUIRE(d.run()->waitForJob(60000));
    CHECK(hasContext(d.result(), "one"));
    CHECK(hasContext(d.result(), "two"));
}

TEST_CASE("when the shown state is gone from the undo stack, cancel keeps the edits, not simulated", "[jobs]") {
    ensureApp();
    Document d;
    d.setScenario(generateScenario(3000), QString());
    bigFromOn(d, 1000);
    REQUIRE(d.contexts()->derive("c1", "WithCancel", variantMap({{"id", QStringLiteral("kept")}})).isEmpty());
    REQUIRE(d.run()->waitForJob(60000));
    const Scenario shown = d.scenario(); // with "kept"
    d.undo();                            // pending: without "kept"
    REQUIRE(d.run()->busy());
    REQUIRE(d.contexts()->derive("c1", "WithCancel", variantMap({{"id", QStringLiteral("other")}})).isEmpty()); // drops the redo of "kept"
    REQUIRE(d.run()->busy());
    CHECK(d.run()->cancelHint().contains("keeps the change"));
    d.run()->cancelJob();
    CHECK_FALSE(d.run()->busy());
    CHECK(d.run()->isStale());
    CHECK(d.scenario() == shown); // the views: the last run and its scenario, together
    CHECK(hasContext(d.result(), "kept"));
    CHECK(hasContext(d.editedScenario(), "other")); // the user's work is all there
    CHECK_FALSE(hasContext(d.editedScenario(), "kept"));
    d.run()->simulateNow();
    REQUIRE(d.run()->waitForJob(60000));
    CHECK_FALSE(d.run()->isStale());
    CHECK(hasContext(d.result(), "other"));
    CHECK_FALSE(hasContext(d.result(), "kept"));
    CHECK(d.scenario() == d.editedScenario());
}

TEST_CASE("a small scenario that overruns its budget goes to the worker", "[jobs]") {
    ensureApp();
    Document d;
    d.setScenario(generateScenario(8000), QString());
    d.run()->setJobLimits(1000000, 0ms); // never big by size, but no time to run here
    const Scenario shown = d.scenario();
    REQUIRE(d.contexts()->derive("c1", "WithCancel", variantMap({{"id", QStringLiteral("late")}})).isEmpty());
    REQUIRE(d.run()->busy());
    CHECK(d.scenario() == shown);
    CHECK(hasContext(d.editedScenario(), "late"));
    REQUIRE(d.run()->waitForJob(60000));
    CHECK(hasContext(d.result(), "late"));
    CHECK(d.scenario() == d.editedScenario());
}

TEST_CASE("a document destroyed while a job runs waits for it and does not crash", "[jobs]") {
    ensureApp();
    {
        Document d;
        d.files()->openGenerated(60000);
        REQUIRE(d.run()->busy());
    }
    {
        Document d;
        d.setScenario(generateScenario(3000), QString());
        bigFromOn(d, 1000);
        REQUIRE(d.contexts()->derive("c1", "WithCancel", {}).isEmpty());
        REQUIRE(d.run()->busy());
    }
    // Nothing it posted may arrive at the dead document.
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < 300)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    SUCCEED();
}

TEST_CASE("a cancelled export writes nothing and says so at once", "[jobs][export]") {
    ensureApp();
    QTemporaryDir dir;
    const QString path = dir.filePath("big.trace.jsonl");
    QString error = QStringLiteral("(not finished)");
    {
        Document d;
        d.setScenario(generateScenario(20000), QString());
        Exporter exporter;
        exporter.setDocument(&d);
        QSignalSpy finished(&exporter, &Exporter::finished);
        REQUIRE(exporter.start(QStringLiteral("trace"), path));
        REQUIRE(exporter.busy());
        exporter.cancel();
        CHECK_FALSE(exporter.busy());
        REQUIRE(finished.count() == 1);
        error = finished.at(0).at(2).toString();
        // A new export may start while the cancelled one still renders.
        REQUIRE(exporter.start(QStringLiteral("report"), dir.filePath("r.json")));
    } // ~Exporter waits for both
    CHECK(error.startsWith("cancelled"));
    CHECK_FALSE(QFile::exists(path));
    CHECK(QFile::exists(dir.filePath("r.json")));
}

TEST_CASE("the autosave of a big scenario is written by the worker, and never outlives a later one", "[jobs][recovery]") {
    ensureApp();
    QTemporaryDir dir;
    const QString recovery = dir.filePath("recovery.ctxscope.json");
    {
        Document d;
        d.files()->setRecoveryPath(recovery);
        d.setScenario(generateScenario(3000), QString());
        bigFromOn(d, 1000);
        REQUIRE(d.contexts()->derive("c1", "WithCancel", variantMap({{"id", QStringLiteral("autosaved")}})).isEmpty());
        REQUIRE(d.run()->busy());
        REQUIRE(d.run()->waitForJob(60000));
        REQUIRE(QFile::exists(recovery));
        const LoadResult saved = loadScenarioFile(recovery.toStdString());
        REQUIRE(saved.scenario.has_value());
        CHECK(*saved.scenario == d.scenario());
        // Undo goes back to the unmodified state: the file goes at once, and the worker's write
        // for the undo (asked for first) must not bring it back.
        d.undo();
        REQUIRE(d.run()->busy());
        CHECK_FALSE(QFile::exists(recovery));
        REQUIRE(d.run()->waitForJob(60000));
        CHECK_FALSE(QFile::exists(recovery));
        // A cancelled redo leaves the document as on screen (unmodified): still no file.
        d.redo();
        REQUIRE(d.run()->busy());
        d.run()->cancelJob();
        REQUIRE(d.run()->waitForJob(1000));
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < 1000)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        CHECK_FALSE(d.isModified());
        CHECK_FALSE(QFile::exists(recovery));
    }
    CHECK_FALSE(QFile::exists(recovery));
}
