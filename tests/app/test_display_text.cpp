// What a new user reads (issue #12): times at a precision that fits the axis, contexts and tasks
// called by their labels everywhere, a new context announced so the view can show it, and an
// export that says where it went or, plainly, why not.
#include "apptestutil.h"
#include "eventtext.h"
#include "exporter.h"
#include "study/eventlogmodel.h"
#include "study/exercisemodel.h"
#include "study/lessonmarkdown.h"
#include "study/predictmodel.h"
#include "treescene.h"
#include "visiblenodesmodel.h"

#include <catch2/catch.hpp>

#include <QDesktopServices>
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTextBlock>
#include <QTextDocument>
#include <QTemporaryDir>
#include <QUrl>

using namespace ctxscope;

// Stands in for the file manager: what Open folder asks QDesktopServices to open.
class UrlCatcher : public QObject {
    Q_OBJECT
public:
    QList<QUrl> urls;
public Q_SLOTS:
    void open(const QUrl& url) { urls << url; }
};

TEST_CASE("readable durations keep the precision the time axis needs", "[display]") {
    const Nanos ms = kMillisecond, us = kMicrosecond;
    // The issue's countdown: 69.8452ms on the fitted 200ms axis, and on a coarse 10s one.
    CHECK(readableDuration(69845200, 200 * ms) == "69.8ms");
    CHECK(readableDuration(69845200, 10 * kSecond) == "70ms");
    CHECK(readableDuration(319892473, 400 * ms) == "319.9ms");
    CHECK(readableDuration(91894977, 200 * ms) == "91.9ms");
    CHECK(readableDuration(91894977, kSecond) == "92ms");
    // Round numbers stay as they are; a small value is never rounded to 0s.
    CHECK(readableDuration(120 * ms, 200 * ms) == "120ms");
    CHECK(readableDuration(0, 200 * ms) == "0s");
    CHECK(readableDuration(40 * us, 10 * kSecond) == "40µs");
    CHECK(readableDuration(43210, 10 * kSecond) == "43µs");
    CHECK(readableDuration(7, kSecond) == "7ns");
    // Rounds half away from zero, negatives too; no span: exact.
    CHECK(readableDuration(150 * us, kSecond) == "150µs"); // two significant digits, not 0s
    CHECK(readableDuration(1550 * us, kSecond) == "1.6ms");
    CHECK(readableDuration(-69845200, 200 * ms) == "-69.8ms");
    CHECK(readableDuration(69845200, 0) == "69.8452ms");
    CHECK(readableDuration(std::numeric_limits<Nanos>::max(), std::numeric_limits<Nanos>::max()).endsWith("s"));
    CHECK(readableDuration(std::numeric_limits<Nanos>::min(), kSecond).startsWith("-"));
    CHECK(readableResolution(69845200, 200 * ms) == 100 * us);
    CHECK(readableResolution(69845200, 10 * kSecond) == ms);
}

namespace {

// A request tree whose ids differ from its labels, with a task, as File ▸ New builds one.
const char* kLabelled = R"({"ctxscope": 1, "name": "labels",
  "contexts": [
    {"id": "root", "kind": "Background"},
    {"id": "cancel", "kind": "WithCancel", "parent": "root", "label": "request"},
    {"id": "timeout", "kind": "WithTimeout", "parent": "cancel", "timeout": "200ms", "label": "handler"}],
  "tasks": [{"id": "task", "context": "timeout", "label": "worker", "steps": [{"work": "300ms"}]}],
  "actions": [{"at": "50ms", "cancel": "cancel"}]})";

struct LabelFixture {
    QTemporaryDir dir;
    Document doc;
    LabelFixture() {
        ensureApp();
        doc.files()->setRecoveryPath(QString());
        const QString path = dir.filePath("labels.ctxscope.json");
        QFile f(path);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write(kLabelled);
        f.close();
        REQUIRE(doc.files()->openFile(path).isEmpty());
    }
};

} // namespace

TEST_CASE("events, cards and the log call contexts and tasks by their labels", "[display]") {
    LabelFixture f;
    const SimulationResult& r = f.doc.result();
    QStringList sentences;
    for (const Event& e : r.events)
        sentences << describeEvent(r, e);
    const QString all = sentences.join('\n');
    INFO(all.toStdString());
    // "task started on cancel" read as nonsense: the labels, as the tree and the timeline show.
    CHECK(all.contains("worker started on handler"));
    CHECK(all.contains("the user calls cancel on request"));
    CHECK(all.contains("handler done: context canceled (its parent, began at request)"));
    CHECK_FALSE(all.contains("started on timeout"));
    // A context without a label is called by its id; titles add the id where it differs.
    CHECK(contextName(r, *r.findContext("root")) == "root");
    CHECK(contextTitle(r, *r.findContext("cancel")) == "request (cancel)");
    CHECK(contextTitle(r, *r.findContext("root")) == "root");
    CHECK(taskTitle(r, *r.findTask("task")) == "worker (task)");
    EventText names;
    CHECK(names.contextTitle(&f.doc, "timeout") == "handler (timeout)");
    CHECK(names.contextName(&f.doc, "timeout") == "handler");
    CHECK(names.contextTitle(&f.doc, "gone") == "gone");
    CHECK(names.taskTitle(&f.doc, "task") == "worker (task)");

    // The ↑ marker of an inherited deadline and the chips on a card.
    TreeScene scene;
    scene.setDocument(&f.doc);
    VisibleNodesModel cards;
    cards.setScene(&scene);
    cards.setViewport(QRectF(-10, -10, scene.contentWidth() + 20, scene.contentHeight() + 20));
    for (int row = 0; row < cards.rowCount(); ++row) {
        const QModelIndex i = cards.index(row);
        if (cards.data(i, VisibleNodesModel::ContextIdRole).toString() != "timeout")
            continue;
        CHECK(cards.data(i, VisibleNodesModel::LabelRole).toString() == "handler");
        const QVariantMap chip = cards.data(i, VisibleNodesModel::ChipsRole).toList().value(0).toMap();
        CHECK(chip.value("label").toString() == "worker");
        CHECK(chip.value("title").toString() == "worker (task)");
        CHECK(chip.value("id").toString() == "task");
    }

    // The log's filter boxes list the same names (filtering still by id).
    EventLogModel log;
    log.setDocument(&f.doc);
    CHECK(log.contextIds() == QStringList{"root", "cancel", "timeout"});
    CHECK(log.contextTitles() == QStringList{"root", "request (cancel)", "handler (timeout)"});
    CHECK(log.taskTitles() == QStringList{"worker (task)"});
}

TEST_CASE("countdowns on the cards use a precision that fits the axis", "[display]") {
    LabelFixture f;
    TreeScene scene;
    scene.setDocument(&f.doc);
    VisibleNodesModel cards;
    cards.setScene(&scene);
    cards.setViewport(QRectF(-10, -10, scene.contentWidth() + 20, scene.contentHeight() + 20));
    f.doc.seekTime(30154800.0); // 169.8452ms before the 200ms deadline
    QString countdown;
    for (int row = 0; row < cards.rowCount(); ++row)
        if (cards.data(cards.index(row), VisibleNodesModel::ContextIdRole).toString() == "timeout")
            countdown = cards.data(cards.index(row), VisibleNodesModel::CountdownRole).toString();
    CHECK(countdown == QStringLiteral("\u25D4 169.8ms left"));
}

TEST_CASE("the scene announces a context that an edit added, and only then", "[display]") {
    LabelFixture f;
    TreeScene scene;
    scene.setDocument(&f.doc);
    QSignalSpy added(&scene, &TreeScene::contextAdded);
    REQUIRE(f.doc.contexts()->derive("cancel", "WithCancel", variantMap({{"id", "child"}})).isEmpty());
    REQUIRE(added.count() == 1);
    CHECK(added.takeFirst().at(0).toString() == "child");
    // Undo removes it (nothing added); redo adds it again.
    f.doc.undo();
    CHECK(added.isEmpty());
    f.doc.redo();
    REQUIRE(added.count() == 1);
    CHECK(added.takeFirst().at(0).toString() == "child");
    // A rename adds nothing; a new document replaces every context: not an addition.
    REQUIRE(f.doc.contexts()->renameContext("child", "renamed").isEmpty());
    CHECK(added.isEmpty());
    f.doc.files()->newScenario();
    CHECK(added.isEmpty());
}

TEST_CASE("an export says in plain words why it cannot write, and where it went", "[display][export]") {
    ensureApp();
    QTemporaryDir dir;
    const QString missing = dir.filePath("no-such-folder");
    CHECK(destinationProblem(missing + "/x.trace.jsonl", false) ==
          QStringLiteral("the folder %1 does not exist").arg(QDir::toNativeSeparators(missing)));
    CHECK(destinationProblem(dir.path(), false).endsWith("is a folder: add a file name"));
    CHECK(destinationProblem(dir.filePath("x.trace.jsonl"), false).isEmpty());
    CHECK(destinationProblem(dir.filePath("module"), true).isEmpty());
    CHECK(destinationProblem("", false) == "no file name was given");

    Document doc;
    doc.files()->setRecoveryPath(QString());
    REQUIRE(doc.files()->loadDefaultExample());
    Exporter exporter;
    exporter.setDocument(&doc);
    CHECK(exporter.exportNow("trace", missing + "/x.trace.jsonl").startsWith("the folder"));

    // Open folder: the file's folder, or a Go module's own folder, through QDesktopServices.
    const QString file = dir.filePath("x.trace.jsonl");
    REQUIRE(exporter.exportNow("trace", file).isEmpty());
    CHECK(exporter.folderOf(file) == QDir::toNativeSeparators(dir.path()));
    const QString module = dir.filePath("module");
    REQUIRE(exporter.exportNow("go", module).isEmpty());
    CHECK(exporter.folderOf(module) == QDir::toNativeSeparators(module));

    UrlCatcher catcher;
    QDesktopServices::setUrlHandler("file", &catcher, "open");
    CHECK(exporter.openFolder(file));
    QDesktopServices::unsetUrlHandler("file");
    REQUIRE(catcher.urls.size() == 1);
    CHECK(catcher.urls[0] == QUrl::fromLocalFile(dir.path()));
}

TEST_CASE("the exercise checklist calls contexts and tasks by their labels, as the tree does", "[display]") {
    // Lesson 14: the context db is labelled "query (500 ms)", the task lookup "lookup user". The
    // checklist read "context db: ..." and "task lookup: ...", names the tree never shows.
    ensureApp();
    Document doc;
    REQUIRE(doc.files()->openFile(QStringLiteral(CTXSCOPE_SOURCE_DIR "/resources/lessons/14-anti-forgetting-cancel.ctxscope.json")).isEmpty());
    ExerciseModel m;
    m.setDocument(&doc);
    REQUIRE(m.active());
    QStringList titles;
    for (int i = 0; i < m.rowCount(); ++i)
        titles << m.data(m.index(i), ExerciseModel::TitleRole).toString();
    INFO(titles.join(QStringLiteral(" | ")).toStdString());
    CHECK(titles.contains(QStringLiteral("context query (500 ms) (db): err context canceled, done_at 40ms, reason cancel")));
    CHECK(titles.contains(QStringLiteral("task lookup user (lookup): result ok, ended_at 40ms")));
    CHECK(titles.contains(QStringLiteral("no lints")));
}

TEST_CASE("Predict's questions call tasks by their labels, as the tree does", "[display]") {
    // Lesson 17 asks about the tasks query and handler, which the tree calls by their labels.
    ensureApp();
    Document doc;
    REQUIRE(doc.files()->openFile(QStringLiteral(CTXSCOPE_SOURCE_DIR "/resources/lessons/17-context-aware-functions.ctxscope.json")).isEmpty());
    PredictModel m;
    m.setDocument(&doc);
    doc.setPredicting(true);
    REQUIRE(m.rowCount() == 4);
    CHECK(m.data(m.index(0), PredictModel::TitleRole).toString() == "task db.QueryRow(...): no ctx, uses Background (300 ms) (query)");
    CHECK(m.data(m.index(2), PredictModel::TitleRole).toString() == "task GET /users/42 handler (handler)");
}

TEST_CASE("lesson text: a code block reads single-spaced, with a paragraph's space after it", "[display]") {
    // Lesson notes and a shown solution: every code line had a paragraph's space under it.
    ensureApp();
    QTextDocument doc;
    doc.setHtml(lessonHtml(QStringLiteral("Before.\n\n```go\nselect {\ncase <-ctx.Done():\n}\n```\n\nAfter.\n")));
    QStringList lines;
    std::vector<qreal> margins;
    for (QTextBlock b = doc.begin(); b.isValid(); b = b.next()) {
        lines << b.text();
        margins.push_back(b.blockFormat().bottomMargin());
    }
    INFO(lines.join(QStringLiteral(" | ")).toStdString());
    REQUIRE(lines.size() == 5);
    CHECK(lines[1] == "select {");
    CHECK(margins[0] == 6); // under a paragraph
    CHECK(margins[1] == 0); // between code lines
    CHECK(margins[2] == 0);
    CHECK(margins[3] == 6); // under the code block's last line
}

#include "test_display_text.moc"
