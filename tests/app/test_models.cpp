// The view models over the document: the visible-nodes model obeys the QAbstractItemModel
// contract through pans, zooms, collapses, edits and playhead moves (QAbstractItemModelTester),
// the scene's hit test, the inspector's answers and the play clock.
#include "apptestutil.h"
#include "inspector.h"
#include "playclock.h"
#include "treecanvas.h"
#include "visiblenodesmodel.h"

#include <catch2/catch.hpp>

#include <QAbstractItemModelTester>

using namespace ctxscope;

namespace {

struct Fixture {
    Document doc;
    TreeScene scene;
    Fixture() {
        ensureApp();
        REQUIRE(doc.files()->loadDefaultExample());
        scene.setDocument(&doc);
    }
    QRectF all() const { return QRectF(-10, -10, scene.contentWidth() + 20, scene.contentHeight() + 20); }
    QStringList ids(const VisibleNodesModel& m) const {
        QStringList out;
        for (int r = 0; r < m.rowCount(); ++r)
            out << m.data(m.index(r), VisibleNodesModel::ContextIdRole).toString();
        return out;
    }
};

} // namespace

TEST_CASE("the visible nodes model obeys the model contract through pans, collapses and edits", "[models]") {
    Fixture f;
    VisibleNodesModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setScene(&f.scene);
    model.setViewport(f.all());
    CHECK(model.rowCount() == f.scene.visibleCount());
    CHECK(model.rowCount() == 8); // 7 scenario contexts and the one the handler derives

    // Pan so that only the bottom row is in view, then back: rows leave and come back.
    const double bottom = f.scene.contentHeight() - f.scene.nodeHeight();
    model.setViewport(QRectF(0, bottom + 1, f.scene.contentWidth(), 10));
    CHECK(model.rowCount() == 5);
    CHECK_FALSE(f.ids(model).contains("root"));
    model.setViewport(QRectF(0, 0, f.scene.nodeWidth(), 10));
    model.setViewport(f.all());
    CHECK(model.rowCount() == 8);

    f.scene.toggleCollapsed("reqid");
    CHECK(model.rowCount() == 3);
    f.scene.toggleCollapsed("reqid");
    CHECK(model.rowCount() == 8);

    REQUIRE(f.doc.contexts()->derive("db", "WithCancel", {}).isEmpty());
    model.setViewport(f.all());
    CHECK(model.rowCount() == 9);
    f.doc.undo();
    CHECK(model.rowCount() == 8);

    f.doc.seekTime(210.0 * kMillisecond);
    const int row = static_cast<int>(f.ids(model).indexOf("db"));
    REQUIRE(row >= 0);
    CHECK(model.data(model.index(row), VisibleNodesModel::StateNameRole).toString() == "deadline exceeded");
    CHECK(model.data(model.index(row), VisibleNodesModel::DetailRole).toString().contains("80ms"));
}

TEST_CASE("a viewport with more nodes than the limit shows no labels", "[models]") {
    Fixture f;
    VisibleNodesModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setScene(&f.scene);
    model.setLimit(3);
    model.setViewport(f.all());
    CHECK(model.overLimit());
    CHECK(model.rowCount() == 0);
    model.setLimit(100);
    CHECK_FALSE(model.overLimit());
    CHECK(model.rowCount() == 8);
}

TEST_CASE("nodes show a countdown to the deadline and say when it is inherited", "[models]") {
    Fixture f;
    VisibleNodesModel model;
    model.setScene(&f.scene);
    model.setViewport(f.all());
    f.doc.seekTime(50.0 * kMillisecond);
    const QStringList ids = f.ids(model);
    const auto data = [&](const char* id, int role) { return model.data(model.index(static_cast<int>(ids.indexOf(id))), role); };
    CHECK(data("db", VisibleNodesModel::CountdownRole).toString().contains("30ms"));
    CHECK(data("db", VisibleNodesModel::InheritedFromRole).toString().isEmpty());
    CHECK(data("cache", VisibleNodesModel::CountdownRole).toString().contains("150ms"));
    CHECK(data("cache", VisibleNodesModel::InheritedFromRole).toString() == "GET /users"); // the label, as the tree shows it
    CHECK(data("audit", VisibleNodesModel::CountdownRole).toString().isEmpty());
    CHECK(data("audit", VisibleNodesModel::StateNameRole).toString() == "never canceled");
    CHECK(data("pool", VisibleNodesModel::LintRole).toString().isEmpty()); // not found yet at 50ms
    const QVariantList chips = data("pool", VisibleNodesModel::ChipsRole).toList();
    REQUIRE(chips.size() == 4); // the dispatcher and its three workers
    CHECK(chips[0].toMap().value("state").toString() == "running");

    // Once done, the inherited deadline is named where it ended the context ("deadline exceeded
    // ↑GET /users"), not where a cancel did: pool, canceled by the user at 120ms.
    f.doc.seekTime(250.0 * kMillisecond);
    CHECK(data("cache", VisibleNodesModel::InheritedFromRole).toString() == "GET /users");
    CHECK(data("pool", VisibleNodesModel::StateNameRole).toString() == "canceled");
    CHECK(data("pool", VisibleNodesModel::InheritedFromRole).toString().isEmpty());

    // Once the run has found it, the task that outlived its context is named on the card, and
    // its chip comes first so that it is never hidden behind "+N".
    f.doc.seekEnd();
    CHECK(data("pool", VisibleNodesModel::LintRole).toString() == "worker3: goroutine-outlived-context");
    const QVariantList after = data("pool", VisibleNodesModel::ChipsRole).toList();
    CHECK(after[0].toMap().value("id").toString() == "worker3");
    CHECK(after[0].toMap().value("lint").toString() == "goroutine-outlived-context");
}

TEST_CASE("the scene's hit test finds the node under a point and nothing between nodes", "[models]") {
    Fixture f;
    const QRectF db = f.scene.nodeRect("db");
    REQUIRE(db.width() > 0);
    CHECK(f.scene.nodeAt(db.center().x(), db.center().y()) == "db");
    CHECK(f.scene.nodeAt(db.right() + 2, db.center().y()).isEmpty());
    f.scene.toggleCollapsed("reqid");
    CHECK(f.scene.nodeRect("db").isEmpty());
    f.scene.revealNode("db");
    CHECK_FALSE(f.scene.nodeRect("db").isEmpty());
}

TEST_CASE("the canvas paints each node in its state colour, whatever the backend", "[models]") {
    Fixture f;
    TreeCanvas canvas;
    canvas.setScene(&f.scene);
    const QRectF req = f.scene.nodeRect("req");
    const QPointF stripe(req.x() + 2, req.center().y());
    CHECK(canvas.pixelColorAt(stripe.x(), stripe.y()) == QColor(0x2e9e48)); // alive
    f.doc.seekTime(250.0 * kMillisecond);
    CHECK(canvas.pixelColorAt(stripe.x(), stripe.y()) == QColor(0xe08a00)); // deadline exceeded
}

TEST_CASE("the inspector explains why a node is done, its deadline and its values", "[models]") {
    Fixture f;
    Inspector inspector;
    inspector.setDocument(&f.doc);
    inspector.setContextId("cache");
    f.doc.seekTime(210.0 * kMillisecond);
    QVariantMap d = inspector.details();
    CHECK(d.value("err").toString() == "context deadline exceeded");
    // Contexts are named by their labels, as the tree shows them (issue #12).
    CHECK(d.value("deadline").toString().contains("inherited from GET /users"));
    const QStringList why = d.value("why").toStringList();
    REQUIRE(why.size() == 3); // cache <- reqid <- req, whose deadline passed
    CHECK(why[0].startsWith("cache lookup was done"));
    CHECK(why[1].startsWith("request id was done"));
    CHECK(why[2].contains("GET /users reached its own deadline"));
    CHECK(d.value("parentId").toString() == "reqid"); // what select() takes
    CHECK(d.value("parentName").toString() == "request id");
    CHECK(d.value("title").toString() == "cache lookup (cache)");
    const QVariantList values = d.value("values").toList();
    REQUIRE(values.size() == 1);
    CHECK(values[0].toMap().value("key").toString() == "requestID");

    inspector.setContextId("pool");
    d = inspector.details();
    CHECK(d.value("cause").toString() == "shutting down workers");
    CHECK(d.value("why").toStringList().join(" ").contains("the user's cancel action at 120ms"));
}

TEST_CASE("a shadowed value is shown as shadowed", "[models]") {
    ensureApp();
    Document doc;
    REQUIRE(doc.contexts()->derive("root", "WithValue", {{"key", "user"}, {"value", "outer"}}).isEmpty());
    REQUIRE(doc.contexts()->derive("value", "WithValue", {{"key", "user"}, {"value", "inner"}}).isEmpty());
    Inspector inspector;
    inspector.setDocument(&doc);
    inspector.setContextId("value2");
    const QVariantList values = inspector.details().value("values").toList();
    REQUIRE(values.size() == 2);
    CHECK(values[0].toMap().value("value").toString() == "\"inner\"");
    CHECK_FALSE(values[0].toMap().value("shadowed").toBool());
    CHECK(values[1].toMap().value("shadowed").toBool());
}

TEST_CASE("the play clock moves the playhead at speed times wall time and stops at the end", "[models]") {
    Fixture f;
    PlayClock clock;
    clock.setDocument(&f.doc);
    clock.setSpeed(2);
    f.doc.restart();
    clock.setPlaying(true);
    clock.advance(10.0 * kMillisecond);
    CHECK(f.doc.timeNanos() == 20 * kMillisecond);
    clock.setSpeed(0.1);
    clock.advance(10.0 * kMillisecond);
    CHECK(f.doc.timeNanos() == 21 * kMillisecond);
    clock.setSpeed(50); // clamped to 10×
    CHECK(clock.speed() == 10);
    for (int frame = 0; frame < 1000 && clock.isPlaying(); ++frame)
        clock.advance(16.0 * kMillisecond);
    CHECK(f.doc.time() == f.doc.run()->endTime());
    CHECK_FALSE(clock.isPlaying());
}

TEST_CASE("playing through a cascade shows it one context at a time, in cascade order", "[models]") {
    Fixture f;
    PlayClock clock;
    clock.setDocument(&f.doc);
    f.doc.seekTime(195.0 * kMillisecond);
    clock.setPlaying(true);
    const auto err = [&](const char* id) { return f.doc.playback().context(*f.doc.result().findContext(id)).err; };
    clock.advance(16.0 * kMillisecond); // would reach 211ms, but holds at the 200ms cascade
    CHECK(f.doc.timeNanos() == 200 * kMillisecond);
    CHECK(err("req") == Err::DeadlineExceeded);
    CHECK(err("reqid") == Err::None);
    clock.advance(PlayClock::kCascadeStepMax);
    CHECK(err("reqid") == Err::DeadlineExceeded);
    CHECK(err("cache") == Err::None);
    clock.advance(PlayClock::kCascadeStepMax);
    CHECK(err("cache") == Err::DeadlineExceeded);
    for (int frame = 0; frame < 20 && f.doc.timeNanos() == 200 * kMillisecond; ++frame)
        clock.advance(PlayClock::kCascadeStepMax);
    CHECK(f.doc.timeNanos() > 200 * kMillisecond); // then virtual time moves on
}

TEST_CASE("the scene lists its collapsed contexts and says so on every change", "[models]") {
    Fixture f;
    CHECK(f.scene.collapsedIds().isEmpty());
    int notified = 0;
    QObject::connect(&f.scene, &TreeScene::layoutChanged, [&] { ++notified; });
    f.scene.toggleCollapsed("reqid");
    f.scene.toggleCollapsed("db");
    CHECK(f.scene.collapsedIds() == QStringList({"db", "reqid"}));
    CHECK(notified == 2);
    f.scene.revealNode("query_ctx_does_not_exist");
    f.scene.revealNode("cache"); // expands reqid, its collapsed ancestor
    CHECK(f.scene.collapsedIds() == QStringList({"db"}));
    f.scene.expandAll();
    CHECK(f.scene.collapsedIds().isEmpty());
    CHECK(notified == 4);
}

// One owner per fact: the selection, the collapsed contexts and predict mode are the document's
// session's, so two views of one document can never disagree, and a new document starts clean.
TEST_CASE("selection, collapsed contexts and predict mode have one owner: the document's session", "[models]") {
    Fixture f;
    TreeScene other;
    other.setDocument(&f.doc);
    f.scene.setSelectedId("db");
    CHECK(other.selectedId() == "db");
    CHECK(f.doc.session().selection().id == "db");
    other.toggleCollapsed("reqid");
    CHECK(f.scene.collapsedIds() == QStringList({"reqid"}));
    CHECK(f.doc.session().isCollapsed("reqid"));
    f.doc.setPredicting(true);
    CHECK(f.scene.hideOutcome());
    CHECK(other.hideOutcome());
    // Deleting the selected context deselects it everywhere; undo does not bring the selection.
    REQUIRE(f.doc.contexts()->deleteContext("db").isEmpty());
    CHECK(f.scene.selectedId().isEmpty());
    CHECK(other.selectedId().isEmpty());
    CHECK(f.doc.session().selection().kind == Selection::Kind::None);
    // A new document: nothing selected or collapsed, not predicting.
    f.scene.setSelectedId("reqid");
    f.doc.files()->newScenario();
    CHECK(f.scene.selectedId().isEmpty());
    CHECK(f.scene.collapsedIds().isEmpty());
    CHECK_FALSE(other.hideOutcome());
}

TEST_CASE("predict mode draws every cancelable context as ? (never a false alive) and hides causes and results", "[models]") {
    Fixture f;
    VisibleNodesModel model;
    model.setScene(&f.scene);
    model.setViewport(f.all());
    f.doc.seekEnd();
    const auto req = *f.doc.result().findContext("req");
    const auto pool = *f.doc.result().findContext("pool");
    REQUIRE(f.scene.state(req) == NodeState::DeadlineExceeded);
    REQUIRE(f.scene.state(pool) == NodeState::Canceled);
    const auto rowOf = [&](const QString& id) {
        for (int r = 0; r < model.rowCount(); ++r)
            if (model.data(model.index(r), VisibleNodesModel::ContextIdRole).toString() == id)
                return r;
        return -1;
    };
    const int poolRow = rowOf("pool");
    REQUIRE(poolRow >= 0);
    CHECK(model.data(model.index(poolRow), VisibleNodesModel::DetailRole).toString().contains("shutting down workers"));

    Inspector inspector;
    inspector.setDocument(&f.doc);
    inspector.setContextId("pool");
    inspector.setHideOutcome(true);
    const quint64 before = f.scene.stateVersion();
    f.doc.setPredicting(true);
    CHECK(f.scene.stateVersion() != before); // the canvas repaints
    CHECK(f.scene.state(req) == NodeState::Hidden);
    CHECK(f.scene.state(pool) == NodeState::Hidden);
    CHECK(f.scene.state(*f.doc.result().findContext("root")) == NodeState::NeverCancelable);
    CHECK(model.data(model.index(poolRow), VisibleNodesModel::StateNameRole).toString() == stateName(NodeState::Hidden));
    CHECK(model.data(model.index(poolRow), VisibleNodesModel::StateGlyphRole).toString() == "?");
    CHECK(model.data(model.index(poolRow), VisibleNodesModel::DetailRole).toString().isEmpty());
    for (const QVariant& chip : model.data(model.index(rowOf("db")), VisibleNodesModel::ChipsRole).toList())
        CHECK(chip.toMap().value("result").toString().isEmpty());
    QVariantMap d = inspector.details();
    CHECK(d.value("stateName").toString() == stateName(NodeState::Hidden));
    CHECK_FALSE(d.value("cause").toString().contains("shutting down"));
    CHECK_FALSE(d.value("err").toString().contains("canceled"));
    CHECK(d.value("why").toList().isEmpty());

    f.doc.setPredicting(false);
    inspector.setHideOutcome(false);
    CHECK(f.scene.state(pool) == NodeState::Canceled);
    CHECK(inspector.details().value("cause").toString() == "shutting down workers");
}

TEST_CASE("predict mode hides countdowns, lints, task progress and the lint-first chip order", "[models]") {
    Fixture f;
    VisibleNodesModel model;
    model.setScene(&f.scene);
    model.setViewport(f.all());
    f.doc.seekTime(300.0 * kMillisecond); // worker3 outlives pool here: a lint on its chip
    const auto rowOf = [&](const QString& id) {
        for (int r = 0; r < model.rowCount(); ++r)
            if (model.data(model.index(r), VisibleNodesModel::ContextIdRole).toString() == id)
                return r;
        return -1;
    };
    const auto chipsOf = [&](const QString& id) { return model.data(model.index(rowOf(id)), VisibleNodesModel::ChipsRole).toList(); };
    const auto chipIds = [&](const QString& id) {
        QStringList ids;
        for (const QVariant& chip : chipsOf(id))
            ids << chip.toMap().value("id").toString();
        return ids;
    };
    REQUIRE(rowOf("pool") >= 0);
    const QStringList shownOrder = chipIds("pool");
    REQUIRE(shownOrder.first() == "worker3"); // lint first, out of creation order
    REQUIRE(!model.data(model.index(rowOf("pool")), VisibleNodesModel::LintRole).toString().isEmpty());
    f.doc.seekTime(50.0 * kMillisecond);
    REQUIRE(!model.data(model.index(rowOf("req")), VisibleNodesModel::CountdownRole).toString().isEmpty());
    f.doc.seekTime(300.0 * kMillisecond);

    Inspector inspector;
    inspector.setDocument(&f.doc);
    inspector.setContextId("pool");
    f.doc.setPredicting(true);
    inspector.setHideOutcome(true);
    CHECK(model.data(model.index(rowOf("pool")), VisibleNodesModel::LintRole).toString().isEmpty());
    CHECK(model.data(model.index(rowOf("req")), VisibleNodesModel::CountdownRole).toString().isEmpty());
    CHECK(chipIds("pool").first() != "worker3");
    for (const QVariant& v : chipsOf("pool")) {
        const QVariantMap chip = v.toMap();
        CHECK(chip.value("lint").toString().isEmpty());
        CHECK(chip.value("progress").toDouble() == 0.0);
        CHECK(chip.value("state").toString() != "ended");
    }
    for (const QVariant& v : inspector.details().value("tasks").toList()) {
        CHECK(v.toMap().value("lint").toString().isEmpty());
        const QString status = v.toMap().value("status").toString();
        CHECK((status == "started" || status == "not started yet"));
    }
    CHECK(inspector.details().value("lints").toList().isEmpty());

    f.doc.setPredicting(false);
    inspector.setHideOutcome(false);
    CHECK(chipIds("pool") == shownOrder);
}

TEST_CASE("the inspector shows fmt.Sprint of the context as the exported Go test prints it", "[models]") {
    Fixture f;
    f.doc.seekTime(150.0 * kMillisecond);
    Inspector inspector;
    inspector.setDocument(&f.doc);
    inspector.setContextId("audit");
    CHECK(inspector.details().value("goName").toString()
          == "context.Background.WithDeadline(2000-01-01 00:00:00.2 +0000 UTC [50ms]).WithValue(main.ctxKey, req-42).WithoutCancel");
    inspector.setHideOutcome(true); // the time left would tell
    CHECK(inspector.details().value("goName").toString().isEmpty());
}
