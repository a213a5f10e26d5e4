// The learner's loop (issue #10) below QML: the exercise banner's model (live done_when,
// hints, Show solution as one undoable edit with its changes, Reset), the Check verdict of an
// exercise, Predict's questions and grades, the document's Predict mode, and the progress kept
// per lesson. Over every shipped lesson: nothing in the tree, the chips or the inspector tells
// the outcome while predicting.
#include "exercisemodel.h"
#include "expectationsmodel.h"
#include "inspector.h"
#include "lessonlibrary.h"
#include "lessonprogress.h"
#include "predictmodel.h"
#include "scenariotext.h"
#include "studytestutil.h"
#include "treescene.h"
#include "visiblenodesmodel.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>

using namespace ctxscope;

namespace {

std::string readText(const QString& path) {
    QFile f(path);
    REQUIRE(f.open(QIODevice::ReadOnly));
    return f.readAll().toStdString();
}

std::unique_ptr<Document> exerciseDocument() {
    return documentFrom(readText(QStringLiteral(CTXSCOPE_SOURCE_DIR "/tests/cli/data/exercise.json")));
}

// The learner's own fix: fetch's work step watches ctx.Done() (step 0 of handler spawns fetch;
// its step 0 is the work).
QString learnerFix(Document& doc) {
    const Scenario& s = doc.editedScenario();
    Step work = s.tasks[0].steps[0].spawn[0].steps[0];
    work.watch = Watch::Done;
    QString error;
    doc.applyEdit(QStringLiteral("Edit step"), edits::replaceStep(s, "handler", {0, 0}, work), &error);
    return error;
}

} // namespace

TEST_CASE("exercise: the done_when checklist follows the learner's edits and solving it is a moment", "[learner]") {
    auto doc = exerciseDocument();
    ExerciseModel m;
    QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::Fatal);
    m.setDocument(doc.get());
    QSignalSpy solvedNow(&m, &ExerciseModel::solvedNow);
    REQUIRE(m.active());
    CHECK(m.goal().contains("fetch"));
    REQUIRE(m.rowCount() == 3);
    CHECK_FALSE(m.solved());
    CHECK(m.statusText().contains("Not solved"));
    CHECK(m.data(m.index(1), ExerciseModel::StateRole).toString() == "failed");
    CHECK(m.data(m.index(1), ExerciseModel::FailuresRole).toString().contains("want"));
    CHECK(m.data(m.index(1), ExerciseModel::TitleRole).toString().contains("context deadline exceeded"));
    CHECK(solvedNow.isEmpty()); // loading it is no moment

    REQUIRE(learnerFix(*doc).isEmpty());
    CHECK(m.solved());
    CHECK(m.passedCount() == 3);
    CHECK(m.data(m.index(1), ExerciseModel::StateRole).toString() == "passed");
    REQUIRE(solvedNow.size() == 1);
    CHECK(solvedNow[0][0].toBool() == false); // by the learner's own edit
    CHECK(m.statusText() == "Solved!");

    doc->undo();
    CHECK_FALSE(m.solved());
    doc->redo();
    CHECK(m.solved());
    CHECK(solvedNow.size() == 2);
}

TEST_CASE("exercise: hints come one at a time", "[learner]") {
    auto doc = exerciseDocument();
    ExerciseModel m;
    m.setDocument(doc.get());
    CHECK(m.hintCount() == 2);
    CHECK(m.shownHints().isEmpty());
    CHECK(m.showNextHint());
    REQUIRE(m.shownHints().size() == 1);
    CHECK(m.shownHints()[0].contains("200ms"));
    CHECK(m.showNextHint());
    CHECK_FALSE(m.showNextHint());
    CHECK(m.shownHints().size() == 2);
    // Another document starts without hints.
    LessonLibrary lessons;
    REQUIRE(lessons.open(lessons.rowOf("13"), doc.get()).isEmpty());
    CHECK(m.shownHints().isEmpty());
}

TEST_CASE("exercise: Show solution is one undoable edit and says what it changed", "[learner]") {
    auto doc = exerciseDocument();
    ExerciseModel m;
    m.setDocument(doc.get());
    QSignalSpy solvedNow(&m, &ExerciseModel::solvedNow);
    REQUIRE(m.canShowSolution());
    CHECK_FALSE(m.canReset());
    REQUIRE(m.showSolution().isEmpty());
    CHECK(m.solved());
    CHECK(m.solutionShown());
    REQUIRE(solvedNow.size() == 1);
    CHECK(solvedNow[0][0].toBool() == true);
    CHECK(doc->undoText() == "Show solution");
    CHECK(m.statusText().contains("solution shown"));
    CHECK(m.solutionNotes().contains("ctx.Done()"));
    // handler's step 1 (the spawn of fetch): ignoring ctx -> select on ctx.Done().
    REQUIRE(m.changes().size() == 1);
    const QVariantMap change = m.changes()[0].toMap();
    CHECK(change.value("title").toString() == "task handler changed");
    const QVariantList lines = change.value("lines").toList();
    REQUIRE(lines.size() == 1);
    CHECK(lines[0].toMap().value("label").toString() == "step 1");
    CHECK(lines[0].toMap().value("before").toString().contains("ignoring ctx"));
    CHECK(lines[0].toMap().value("after").toString().contains("select on ctx.Done()"));
    CHECK_FALSE(m.canShowSolution()); // it is the solution now
    CHECK(m.canReset());
    doc->undo(); // one step takes it all back
    CHECK_FALSE(m.solved());
    CHECK_FALSE(doc->canUndo());
}

TEST_CASE("exercise: Reset restores the shipped version as one undo step, keeping the rest", "[learner]") {
    auto doc = exerciseDocument();
    ExerciseModel m;
    m.setDocument(doc.get());
    const Scenario shipped = doc->editedScenario();
    REQUIRE(learnerFix(*doc).isEmpty());
    REQUIRE(doc->contexts()->renameScenario("mine").isEmpty());
    REQUIRE(m.canReset());
    REQUIRE(m.resetExercise().isEmpty());
    CHECK(doc->undoText() == "Reset exercise");
    CHECK(doc->editedScenario().tasks == shipped.tasks);
    CHECK(doc->editedScenario().name == "mine"); // only the lists go back
    CHECK_FALSE(m.solved());
    CHECK_FALSE(m.canReset());
    doc->undo();
    CHECK(m.solved());
}

TEST_CASE("Check on an exercise judges done_when: the shipped version is not solved", "[learner]") {
    auto doc = exerciseDocument();
    ExpectationsModel m;
    QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::Fatal);
    m.setDocument(doc.get());
    CHECK(m.isExercise());
    CHECK(m.rowCount() == 3); // the done_when entries, not "expect" (which holds as shipped)
    m.check();
    CHECK(m.checked());
    CHECK_FALSE(m.allPassed());
    CHECK(m.verdictText().startsWith("Not solved"));
    REQUIRE(learnerFix(*doc).isEmpty());
    m.check();
    CHECK(m.allPassed());
    CHECK(m.verdictText().startsWith("Solved"));
}

TEST_CASE("every shipped exercise: Check says not solved as shipped and solved with its solution", "[learner]") {
    ensureApp();
    LessonLibrary lessons;
    Document doc;
    doc.files()->setRecoveryPath(QString());
    int exercises = 0;
    for (int row = 0; row < lessons.rowCount(); ++row) {
        REQUIRE(lessons.open(row, &doc).isEmpty());
        if (!doc.scenario().exercise)
            continue;
        ++exercises;
        INFO(lessons.data(lessons.index(row), LessonLibrary::FileNameRole).toString().toStdString());
        ExpectationsModel check;
        check.setDocument(&doc);
        ExerciseModel exercise;
        exercise.setDocument(&doc);
        check.check();
        CHECK_FALSE(check.allPassed());
        CHECK_FALSE(exercise.solved());
        const QString error = exercise.showSolution();
        INFO(error.toStdString());
        REQUIRE(error.isEmpty());
        check.check();
        CHECK(check.allPassed());
        CHECK(exercise.solved());
        CHECK_FALSE(exercise.changes().isEmpty());
        REQUIRE(exercise.resetExercise().isEmpty());
        CHECK_FALSE(exercise.solved());
    }
    CHECK(exercises >= 11);
}

TEST_CASE("Predict mode is the document's and does not carry over to the next one", "[learner]") {
    auto doc = exerciseDocument();
    QSignalSpy spy(doc.get(), &Document::predictingChanged);
    doc->setPredicting(true);
    CHECK(doc->predicting());
    CHECK(doc->session().predicting());
    CHECK(spy.size() == 1);
    LessonLibrary lessons;
    REQUIRE(lessons.open(lessons.rowOf("04"), doc.get()).isEmpty());
    CHECK_FALSE(doc->predicting());
    CHECK(spy.size() == 2);
}

TEST_CASE("predict: the learner chooses or types answers, Reveal grades them with the deciding event", "[learner]") {
    auto doc = exerciseDocument();
    PredictModel m;
    QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::Fatal);
    m.setDocument(doc.get());
    QSignalSpy graded(&m, &PredictModel::graded);
    doc->setPredicting(true);
    REQUIRE(m.rowCount() == 4); // fetch result, ended_at; budget err, done_at
    const auto field = [&](int r) { return m.data(m.index(r), PredictModel::FieldRole).toString(); };
    CHECK(field(0) == "result");
    CHECK(field(1) == "ended_at");
    CHECK(m.data(m.index(0), PredictModel::FirstOfItemRole).toBool());
    CHECK_FALSE(m.data(m.index(1), PredictModel::FirstOfItemRole).toBool());
    CHECK(m.data(m.index(0), PredictModel::TitleRole).toString() == "task fetch");
    const QStringList resultChoices = m.data(m.index(0), PredictModel::ChoicesRole).toStringList();
    CHECK(resultChoices.contains("ok"));
    CHECK(resultChoices.contains("context deadline exceeded"));
    CHECK(m.data(m.index(1), PredictModel::ChoicesRole).toStringList().isEmpty()); // a time: typed
    // Nothing tells the answer before Reveal.
    for (int r = 0; r < m.rowCount(); ++r) {
        CHECK(m.data(m.index(r), PredictModel::ActualRole).toString().isEmpty());
        CHECK(m.data(m.index(r), PredictModel::GradeRole).toString().isEmpty());
        CHECK(m.data(m.index(r), PredictModel::EventRole).toInt() == -1);
    }
    // fetch ignores ctx: it ends "ok" at 350ms. Typed "0.35s" is 350ms.
    m.choose(0, static_cast<int>(resultChoices.indexOf("ok")));
    CHECK_FALSE(m.type(1, "soon").isEmpty()); // not a Go duration
    CHECK(m.answered() == 1);
    CHECK(m.type(1, "0.35s").isEmpty());
    const QStringList errChoices = m.data(m.index(2), PredictModel::ChoicesRole).toStringList();
    CHECK(errChoices.first() == "nil");
    m.choose(2, static_cast<int>(errChoices.indexOf("context canceled"))); // wrong: the deadline
    CHECK(m.type(3, "never").isEmpty());                                   // wrong: 200ms
    CHECK(m.answered() == 4);
    doc->seekTime(100.0 * kMillisecond);
    m.reveal();
    CHECK_FALSE(doc->predicting());
    CHECK(doc->timeNanos() == doc->result().endTime); // jumped to the end
    REQUIRE(graded.size() == 1);
    CHECK(graded[0][0].toInt() == 2);
    CHECK(graded[0][1].toInt() == 4);
    CHECK(m.scoreText() == "2 of 4 right");
    CHECK(m.data(m.index(0), PredictModel::GradeRole).toString() == "right");
    CHECK(m.data(m.index(1), PredictModel::GradeRole).toString() == "right");
    CHECK(m.data(m.index(2), PredictModel::GradeRole).toString() == "wrong");
    CHECK(m.data(m.index(2), PredictModel::ActualRole).toString() == "context deadline exceeded");
    CHECK(m.data(m.index(3), PredictModel::ActualRole).toString() == "200ms");
    CHECK(m.data(m.index(2), PredictModel::MessageRole).toString().contains("want"));
    const int event = m.data(m.index(2), PredictModel::EventRole).toInt();
    REQUIRE(event >= 0);
    CHECK(m.data(m.index(2), PredictModel::EventTextRole).toString().startsWith("200ms"));
    CHECK(m.data(m.index(2), PredictModel::ContextIdRole).toString() == "budget");
    m.showRow(2); // the deciding moment
    CHECK(doc->appliedEvents() == event + 1);
    // Another round: the answers go, Predict mode is on again from 0.
    m.startOver();
    CHECK(doc->predicting());
    CHECK(doc->timeNanos() == 0);
    CHECK(m.answered() == 0);
    CHECK(m.data(m.index(0), PredictModel::GradeRole).toString().isEmpty());
}

TEST_CASE("predict: a new document starts with no answers", "[learner]") {
    auto doc = exerciseDocument();
    PredictModel m;
    m.setDocument(doc.get());
    m.choose(0, 1);
    CHECK(m.answered() == 1);
    doc->setScenario(doc->editedScenario(), QString()); // opened again
    CHECK(m.answered() == 0);
}

TEST_CASE("predict: without a predict list the questions come from expect", "[learner]") {
    auto doc = documentFrom(kSmallScenario);
    PredictModel m;
    m.setDocument(doc.get());
    CHECK(m.rowCount() >= 1);
}

TEST_CASE("progress: read, solved and the best score are kept across restarts, and reset", "[learner]") {
    ensureApp();
    QTemporaryDir dir;
    const QString file = dir.filePath("progress.ini");
    Document doc;
    doc.files()->setRecoveryPath(QString());
    LessonLibrary lessons;
    {
        LessonProgress p;
        p.setSettingsFile(file);
        p.setDocument(&doc);
        p.setLibrary(&lessons);
        CHECK(p.currentLesson().isEmpty());
        REQUIRE(lessons.open(lessons.rowOf("13"), &doc).isEmpty());
        CHECK(p.currentLesson() == "13-anti-ignoring-done");
        CHECK(p.of("13-anti-ignoring-done").value("read").toBool());
        CHECK(p.readCount() == 1);
        p.markSolved(true);
        CHECK(p.of("13").value("solved").toString().isEmpty()); // by number is no key
        CHECK(p.of("13-anti-ignoring-done.ctxscope.json").value("solved").toString() == "solution");
        p.markSolved(false);
        p.markSolved(true); // solved on one's own stays so
        CHECK(p.of("13-anti-ignoring-done").value("solved").toString() == "solved");
        CHECK(p.solvedCount() == 1);
        p.recordScore(3, 6);
        p.recordScore(2, 6);
        CHECK(p.of("13-anti-ignoring-done").value("best").toString() == "3/6");
        p.recordScore(6, 6);
        CHECK(p.of("13-anti-ignoring-done").value("best").toString() == "6/6");
        // A file replaces the lesson: nothing is recorded for it.
        REQUIRE(doc.files()->saveAs(dir.filePath("mine.ctxscope.json")).isEmpty());
        CHECK(p.currentLesson().isEmpty());
        p.recordScore(0, 6);
    }
    {
        LessonProgress again; // a restart
        again.setSettingsFile(file);
        const QVariantMap m = again.of("13-anti-ignoring-done");
        CHECK(m.value("read").toBool());
        CHECK(m.value("solved").toString() == "solved");
        CHECK(m.value("best").toString() == "6/6");
        CHECK_FALSE(again.of("01-withcancel-basics").value("read").toBool());
        again.reset();
        CHECK_FALSE(again.of("13-anti-ignoring-done").value("read").toBool());
        CHECK(again.of("13-anti-ignoring-done").value("best").toString().isEmpty());
        CHECK(again.readCount() == 0);
    }
}

TEST_CASE("scenariotext: steps read as the step editor and Go say them", "[learner]") {
    Step w;
    w.op = StepOp::Work;
    w.duration = 350 * kMillisecond;
    w.watch = Watch::None;
    CHECK(stepText(w) == "work 350ms, ignoring ctx (time.Sleep)");
    w.watch = Watch::Poll;
    w.pollEvery = 50 * kMillisecond;
    CHECK(stepText(w) == "work 350ms, polling ctx.Err() every 50ms");
    Step a;
    a.op = StepOp::Await;
    a.await = AwaitKind::Children;
    CHECK(stepText(a) == "wait for its goroutines (wg.Wait())");
}

// Predict on every lesson: with the playhead at the end of the run, no node, chip or inspector
// says how it ended (the Qt Quick test checks the window's texts as well).
TEST_CASE("predict on every lesson: the tree, the chips and the inspector show no outcome", "[learner]") {
    ensureApp();
    LessonLibrary lessons;
    Document doc;
    doc.files()->setRecoveryPath(QString());
    TreeScene scene;
    scene.setDocument(&doc);
    VisibleNodesModel nodes;
    nodes.setScene(&scene);
    Inspector inspector;
    inspector.setDocument(&doc);
    ExerciseModel exercise;
    exercise.setDocument(&doc);
    REQUIRE(lessons.rowCount() >= 24);
    for (int row = 0; row < lessons.rowCount(); ++row) {
        REQUIRE(lessons.open(row, &doc).isEmpty());
        INFO(lessons.data(lessons.index(row), LessonLibrary::FileNameRole).toString().toStdString());
        doc.setPredicting(true);
        inspector.setHideOutcome(doc.predicting());
        nodes.setViewport(QRectF(-1e6, -1e6, 2e6, 2e6));
        doc.seekEnd();
        const SimulationResult& r = doc.result();
        for (CtxIndex c = 0; c < r.contexts.size(); ++c) {
            const NodeState s = scene.state(c);
            CHECK(s != NodeState::Alive);
            CHECK(s != NodeState::Canceled);
            CHECK(s != NodeState::DeadlineExceeded);
        }
        for (int n = 0; n < nodes.rowCount(); ++n) {
            const QModelIndex i = nodes.index(n);
            const QString name = nodes.data(i, VisibleNodesModel::StateNameRole).toString();
            CHECK(name != "alive");
            CHECK(name != "canceled");
            CHECK(name != "deadline exceeded");
            CHECK(nodes.data(i, VisibleNodesModel::LintRole).toString().isEmpty());
            CHECK(nodes.data(i, VisibleNodesModel::CountdownRole).toString().isEmpty());
            const QString detail = nodes.data(i, VisibleNodesModel::DetailRole).toString();
            CHECK_FALSE(detail.contains("never created"));
            CHECK_FALSE(detail.startsWith("at "));
            for (const QVariant& chip : nodes.data(i, VisibleNodesModel::ChipsRole).toList()) {
                const QVariantMap ch = chip.toMap();
                CHECK(ch.value("result").toString().isEmpty());
                CHECK(ch.value("lint").toString().isEmpty());
                CHECK(ch.value("progress").toDouble() == 0.0);
                const QString st = ch.value("state").toString();
                CHECK((st == "pending" || st == "running" || st == "registered"));
            }
            inspector.setContextId(nodes.data(i, VisibleNodesModel::ContextIdRole).toString());
            const QVariantMap d = inspector.details();
            CHECK(d.value("stateName").toString() != "alive");
            CHECK((d.value("err").toString().startsWith("?") || d.value("err").toString() == "nil"));
            CHECK(d.value("lints").toStringList().isEmpty());
            CHECK(d.value("why").toList().isEmpty());
            for (const QVariant& t : d.value("tasks").toList()) {
                const QString status = t.toMap().value("status").toString();
                CHECK((status == "started" || status == "not started yet"));
            }
        }
        for (int e = 0; e < exercise.rowCount(); ++e) {
            CHECK(exercise.data(exercise.index(e), ExerciseModel::StateRole).toString() == "hidden");
            CHECK(exercise.data(exercise.index(e), ExerciseModel::FailuresRole).toString().isEmpty());
        }
        CHECK_FALSE(exercise.solved());
        doc.setPredicting(false);
    }
}

TEST_CASE("predict: a fact decided by a race takes any value Go can produce, and says so", "[learner][races]") {
    // Lesson 25: request's deadline and the watchdog's cancel are due at the same instant.
    auto doc = documentFrom(readText(QStringLiteral(CTXSCOPE_SOURCE_DIR "/resources/lessons/25-race-deadline-vs-cancel.ctxscope.json")));
    REQUIRE(doc->run()->waitForJob(60000));
    REQUIRE(doc->outcomes()->count() >= 2);
    PredictModel m;
    m.setDocument(doc.get());
    doc->setPredicting(true);
    int errRow = -1;
    for (int r = 0; r < m.rowCount(); ++r)
        if (m.data(m.index(r), PredictModel::FieldRole).toString() == "err")
            errRow = r;
    REQUIRE(errRow >= 0);
    const QStringList choices = m.data(m.index(errRow), PredictModel::ChoicesRole).toStringList();
    // The outcome on screen is the documented one; answer with the other value Go can give.
    const QString shown = QString::fromStdString(std::string(errString(doc->result().contexts[*doc->result().findContext("request")].err)));
    const QString other = shown == "context canceled" ? QStringLiteral("context deadline exceeded") : QStringLiteral("context canceled");
    REQUIRE(choices.contains(other));
    m.choose(errRow, static_cast<int>(choices.indexOf(other)));
    m.reveal();
    CHECK(m.data(m.index(errRow), PredictModel::GradeRole).toString() == "right");
    CHECK(m.data(m.index(errRow), PredictModel::MessageRole).toString().contains("raced"));
    // A value Go can never produce is still wrong.
    m.startOver();
    m.choose(errRow, static_cast<int>(choices.indexOf("nil")));
    m.reveal();
    CHECK(m.data(m.index(errRow), PredictModel::GradeRole).toString() == "wrong");
}
