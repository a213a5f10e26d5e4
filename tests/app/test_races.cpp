// Races in the app (issue #13 item 3): each simulation explores the orders Go may run the
// scenario in; the Document shows one outcome in every view and switches between them keeping
// the playhead; raced facts are marked on cards, chips, the inspector and the Check list with
// what raced and when; racedValues gives Predict every value Go can produce.
#include "apptestutil.h"
#include "inspector.h"
#include "study/expectationsmodel.h"
#include "visiblenodesmodel.h"

#include <catch2/catch.hpp>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>

using namespace ctxscope;

namespace {

const QString kLesson25 = QStringLiteral(CTXSCOPE_SOURCE_DIR "/resources/lessons/25-race-deadline-vs-cancel.ctxscope.json");
const QString kThreeDeadlines = QStringLiteral(CTXSCOPE_SOURCE_DIR "/tests/scenarios/race-three-equal-deadlines.json");

QString errOf(const Document& doc, const char* id) {
    const SimulationResult& r = doc.result();
    const auto c = r.findContext(id);
    REQUIRE(c);
    return QString::fromLatin1(errString(r.contexts[*c].err));
}

// lesson 25 with extra "expect" entries, written to dir.
QString lessonWithExpectations(const QTemporaryDir& dir, const QJsonArray& extra) {
    QFile in(kLesson25);
    REQUIRE(in.open(QIODevice::ReadOnly));
    QJsonObject o = QJsonDocument::fromJson(in.readAll()).object();
    QJsonArray expect = o.value(QStringLiteral("expect")).toArray();
    for (const QJsonValue& v : extra)
        expect.append(v);
    o[QStringLiteral("expect")] = expect;
    const QString path = dir.filePath(QStringLiteral("lesson25.ctxscope.json"));
    QFile out(path);
    REQUIRE(out.open(QIODevice::WriteOnly));
    out.write(QJsonDocument(o).toJson());
    return path;
}

} // namespace

TEST_CASE("lesson 25: two outcomes, switching swaps the run in every view and keeps the playhead", "[races]") {
    ensureApp();
    Document doc;
    REQUIRE(doc.files()->openFile(kLesson25).isEmpty());
    REQUIRE_FALSE(doc.run()->busy());
    REQUIRE(doc.outcomes()->count() == 2);
    CHECK(doc.outcomes()->index() == 0);
    CHECK(doc.outcomes()->text() == "outcome 1 of 2");
    CHECK(doc.outcomes()->detail().contains("documented order"));
    CHECK(doc.outcomes()->racesNote().isEmpty()); // complete
    doc.seekTime(300e6);
    CHECK(errOf(doc, "request") == "context deadline exceeded");

    QSignalSpy outcomeSpy(doc.outcomes(), &RaceOutcomes::changed);
    QSignalSpy simulatedSpy(&doc, &Document::simulated);
    const int revision = doc.revision();
    doc.outcomes()->setIndex(1);
    CHECK(outcomeSpy.count() == 1);
    CHECK(simulatedSpy.count() == 1); // the views re-read the run, as after a re-simulation
    CHECK(doc.revision() == revision + 1);
    CHECK(doc.outcomes()->index() == 1);
    CHECK(doc.outcomes()->text() == "outcome 2 of 2");
    CHECK(doc.outcomes()->detail().contains("work timer of watchdog before deadline of request"));
    CHECK(doc.timeNanos() == 300'000'000); // the playhead stays
    CHECK(errOf(doc, "request") == "context canceled");
    // The playback follows the new run too.
    const auto c = doc.result().findContext("request");
    CHECK(doc.playback().context(*c).err == Err::Canceled);

    // Round: next from the last is the first; previous from the first is the last.
    doc.outcomes()->next();
    CHECK(doc.outcomes()->index() == 0);
    doc.outcomes()->previous();
    CHECK(doc.outcomes()->index() == 1);
    doc.outcomes()->setIndex(7); // no such outcome: nothing changes
    CHECK(doc.outcomes()->index() == 1);

    // An edit keeps the outcome chosen while the new run has one of that number.
    REQUIRE(doc.contexts()->renameScenario("renamed").isEmpty());
    CHECK(doc.outcomes()->count() == 2);
    CHECK(doc.outcomes()->index() == 1);
    CHECK(errOf(doc, "request") == "context canceled");
    // A new document starts at the documented order.
    doc.files()->newScenario();
    CHECK(doc.outcomes()->index() == 0);
    CHECK(doc.outcomes()->count() == 1);
    CHECK(doc.outcomes()->raceMarks().isEmpty());
}

TEST_CASE("raced facts are described with what raced, when, and the values Go can give", "[races]") {
    ensureApp();
    Document doc;
    REQUIRE(doc.files()->openFile(kLesson25).isEmpty());
    const QString note = doc.outcomes()->raceNote("context", "request", "err");
    CHECK(note.contains("request's Err() was decided by a race at 200ms"));
    CHECK(note.contains("deadline of request vs work timer of watchdog"));
    CHECK(note.contains("\"context deadline exceeded\" (outcome 1, shown)"));
    CHECK(note.contains("\"context canceled\" (outcome 2)"));
    doc.outcomes()->setIndex(1);
    CHECK(doc.outcomes()->raceNote("context", "request", "err").contains("\"context canceled\" (outcome 2, shown)"));
    CHECK(doc.outcomes()->raceNote("task", "handler").contains("\u2022 handler's result: \"context deadline exceeded\" (outcome 1) or \"context canceled\" (outcome 2, shown)"));
    CHECK(doc.outcomes()->raceNote("task", "watchdog").isEmpty()); // the same in both outcomes
    CHECK(doc.outcomes()->raceNote("context", "root").isEmpty());

    // Predict: every value Go can produce, as the "expect" syntax spells it.
    const QVariantList errs = doc.outcomes()->racedValues("context", "request", "err");
    REQUIRE(errs.size() == 2);
    CHECK(errs.contains(QVariant(QStringLiteral("context deadline exceeded"))));
    CHECK(errs.contains(QVariant(QStringLiteral("context canceled"))));
    CHECK(doc.outcomes()->racedValues("context", "request", "done_at") == QVariantList{QStringLiteral("200ms")});
    CHECK(doc.outcomes()->racedValues("task", "watchdog", "result") == QVariantList{QStringLiteral("ok")});
    CHECK(doc.outcomes()->racedValues("task", "nobody", "result").isEmpty());

    // One mark, at 200ms, naming what raced and what it decides.
    const QVariantList marks = doc.outcomes()->raceMarks();
    REQUIRE(marks.size() == 1);
    CHECK(marks[0].toMap()["t"].toDouble() == 200e6);
    CHECK(marks[0].toMap()["text"].toString().contains("request's Err()"));
}

TEST_CASE("cards, chips and the inspector mark raced facts once the race has run", "[races]") {
    ensureApp();
    Document doc;
    REQUIRE(doc.files()->openFile(kLesson25).isEmpty());
    TreeScene scene;
    scene.setDocument(&doc);
    VisibleNodesModel model;
    model.setScene(&scene);
    model.setViewport(QRectF(-10, -10, scene.contentWidth() + 20, scene.contentHeight() + 20));
    Inspector inspector;
    inspector.setDocument(&doc);
    inspector.setContextId("request");
    const auto rowOf = [&](const char* id) {
        for (int r = 0; r < model.rowCount(); ++r)
            if (model.data(model.index(r), VisibleNodesModel::ContextIdRole).toString() == id)
                return r;
        return -1;
    };
    const int request = rowOf("request");
    REQUIRE(request >= 0);
    const auto raced = [&] { return model.data(model.index(request), VisibleNodesModel::RacedRole).toString(); };
    const auto handlerChip = [&] {
        for (const QVariant& v : model.data(model.index(request), VisibleNodesModel::ChipsRole).toList())
            if (v.toMap()["id"].toString() == "handler")
                return v.toMap()["raced"].toString();
        return QStringLiteral("(none)");
    };

    doc.seekTime(100e6); // before the race: nothing is decided yet
    CHECK(raced().isEmpty());
    CHECK(handlerChip().isEmpty());
    CHECK(inspector.details()["races"].toList().isEmpty());

    doc.seekTime(200e6);
    CHECK(raced().startsWith("At 200ms: deadline of request vs work timer of watchdog\n"));
    CHECK(raced().contains("\u2022 request's Err(): \"context deadline exceeded\" (outcome 1, shown) or \"context canceled\" (outcome 2)"));
    CHECK(raced().contains("request's Cause()"));
    CHECK(handlerChip().contains("handler's result"));
    const QVariantList notes = inspector.details()["races"].toList();
    REQUIRE(notes.size() == 1); // one race, deciding request's err, cause, reason and handler's result
    CHECK(notes[0].toString().count("\u2022") >= 4);
    QStringList lines;
    for (const QVariant& n : notes)
        lines << n.toString();
    CHECK(lines.join("\n").contains("handler's result"));

    // Predict mode hides them: the values Go can give are outcomes.
    doc.setPredicting(true);
    inspector.setHideOutcome(true);
    CHECK(raced().isEmpty());
    CHECK(handlerChip().isEmpty());
    CHECK(inspector.details()["races"].toList().isEmpty());
}

TEST_CASE("the Check list accepts an entry that holds in any outcome Go can produce, and says so", "[races]") {
    ensureApp();
    QTemporaryDir dir;
    const QJsonArray extra{
        QJsonObject{{"context", "request"}, {"err", "context canceled"}},                  // outcome 2 only
        QJsonObject{{"context", "request"}, {"err", "context deadline exceeded"}},         // outcome 1 only
        QJsonObject{{"context", "request"}, {"err", "context canceled"}, {"cause", "request budget of 200ms used up"}}, // never
    };
    Document doc;
    REQUIRE(doc.files()->openFile(lessonWithExpectations(dir, extra)).isEmpty());
    REQUIRE(doc.outcomes()->count() == 2);
    ExpectationsModel model;
    model.setDocument(&doc);
    REQUIRE(model.rowCount() == 7);
    const auto final = [&](int row) { return model.data(model.index(row), ExpectationsModel::FinalStateRole).toString(); };
    const auto racedText = [&](int row) { return model.data(model.index(row), ExpectationsModel::RacedRole).toString(); };
    CHECK(final(4) == "passed");
    CHECK(racedText(4).contains("raced: Go can give either"));
    CHECK(racedText(4).contains("holds in outcome 2 of 2, not in the one shown"));
    CHECK(model.data(model.index(4), ExpectationsModel::FailuresRole).toString().contains("raced"));
    CHECK(final(5) == "passed");
    CHECK(racedText(5).contains("holds in outcome 1 of 2."));
    CHECK(final(6) == "failed"); // no outcome gives that pair
    CHECK(racedText(6).contains("holds in none of the 2 outcomes"));
    CHECK(racedText(0).isEmpty()); // done_at 200ms: the same either way
    model.check();
    CHECK(model.verdictText() == "1 of 7 expectations fail.");

    doc.outcomes()->setIndex(1);
    CHECK(final(4) == "passed");
    CHECK(racedText(4).contains("holds in outcome 2 of 2."));
    CHECK(final(5) == "passed");
    CHECK(racedText(5).contains("not in the one shown"));
}

TEST_CASE("three equal deadlines: every outcome is reachable and the leaf's cause lists all three", "[races]") {
    ensureApp();
    Document doc;
    REQUIRE(doc.files()->openFile(kThreeDeadlines).isEmpty());
    REQUIRE(doc.outcomes()->count() == 4); // tests/scenarios/races/race-three-equal-deadlines.races.json
    const QVariantList causes = doc.outcomes()->racedValues("context", "c", "cause");
    CHECK(causes.size() == 3);
    doc.seekTime(150e6);
    QStringList seen;
    for (int k = 0; k < doc.outcomes()->count(); ++k) {
        doc.outcomes()->setIndex(k);
        CHECK(doc.timeNanos() == 150'000'000);
        const SimulationResult& r = doc.result();
        const ContextInfo& c = r.contexts[*r.findContext("c")];
        seen << QString::fromStdString(r.strings[c.cause]);
        CHECK(doc.outcomes()->text() == QStringLiteral("outcome %1 of 4").arg(k + 1));
    }
    seen.removeDuplicates();
    CHECK(seen.size() == 3);
    CHECK(doc.outcomes()->raceNote("context", "c", "cause").contains("\"c budget\""));
}

TEST_CASE("exploring runs on the worker for a big scenario and is skipped, and said so, for a huge one", "[races]") {
    ensureApp();
    SECTION("on the worker") {
        Document doc;
        doc.run()->setJobLimits(0, std::chrono::milliseconds(0)); // everything goes to the worker
        doc.files()->loadDefaultExample();
        REQUIRE(doc.run()->waitForJob(20000));
        QStringList problems = doc.files()->openFile(kLesson25);
        REQUIRE(problems.isEmpty());
        REQUIRE(doc.run()->waitForJob(20000));
        CHECK(doc.outcomes()->count() == 2);
        CHECK(doc.outcomes()->raceNote("context", "request", "err").contains("200ms"));
    }
    SECTION("too big to explore") {
        Document doc;
        doc.run()->setExploreLimits(true, 2, 2000, std::chrono::milliseconds(3000));
        REQUIRE(doc.files()->openFile(kLesson25).isEmpty());
        REQUIRE(doc.run()->waitForJob(20000));
        CHECK(doc.outcomes()->count() == 1);
        CHECK(doc.outcomes()->racesNote().contains("Races not explored: 4 contexts and tasks is more than 2"));
    }
    SECTION("bounded: an incomplete search says so") {
        Document doc;
        doc.run()->setExploreLimits(true, 2000, 1, std::chrono::milliseconds(3000));
        REQUIRE(doc.files()->openFile(kThreeDeadlines).isEmpty());
        REQUIRE(doc.run()->waitForJob(20000));
        CHECK(doc.outcomes()->racesNote().contains("Go may produce outcomes not shown here"));
    }
}
