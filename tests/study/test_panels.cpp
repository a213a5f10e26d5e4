#include "expectationsmodel.h"
#include "lessonlibrary.h"
#include "lintexplanations.h"
#include "lintsmodel.h"
#include "studytestutil.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QTemporaryDir>

using namespace ctxscope;

namespace {

// A derive without defer whose cancel is never called (lostcancel) and a task blocked on a
// context that can never be done (goroutine-leak).
const char* kLintScenario = R"({
  "ctxscope": 1,
  "name": "lints",
  "contexts": [{"id": "root", "kind": "Background"}],
  "tasks": [
    {"id": "handler", "context": "root", "steps": [
      {"derive": {"id": "db", "kind": "WithTimeout", "timeout": "1s"}, "defer_cancel": false},
      {"work": "5ms"}]},
    {"id": "stuck", "context": "root", "at": "2ms", "steps": [{"await": "done"}]}
  ]
})";

} // namespace

TEST_CASE("lint findings carry their rule, subject, the context to select and a Go explanation", "[lints]") {
    auto doc = documentFrom(kLintScenario);
    LintsModel m;
    QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::Fatal);
    m.setDocument(doc.get());
    REQUIRE(m.rowCount() == static_cast<int>(doc->result().lints.size()));
    QStringList rules;
    for (int i = 0; i < m.rowCount(); ++i) {
        const QModelIndex ix = m.index(i);
        const QString rule = m.data(ix, LintsModel::RuleRole).toString();
        rules << rule;
        if (rule == "lostcancel") {
            CHECK(m.data(ix, LintsModel::SubjectRole) == "db");
            CHECK(m.data(ix, LintsModel::ContextIdRole) == "db");
            CHECK(m.data(ix, LintsModel::ToolRole) == "go vet");
        }
        if (rule == "goroutine-leak") {
            CHECK(m.data(ix, LintsModel::SubjectKindRole) == "task");
            CHECK(m.contextIdAt(i) == "root"); // a task finding selects the task's context
            CHECK(m.data(ix, LintsModel::ExplanationRole).toString().contains("goleak"));
        }
    }
    CHECK(rules.contains("lostcancel"));
    CHECK(rules.contains("goroutine-leak"));
}

TEST_CASE("every documented lint rule has its own explanation", "[lints]") {
    const QString unknown = lintExplanation("no-such-rule");
    for (const char* rule : {"lostcancel", "SA1012", "SA1029", "goroutine-outlived-context", "goroutine-leak"}) {
        INFO(rule);
        CHECK(lintExplanation(rule) != unknown);
        CHECK(lintExplanation(rule).size() > 200);
    }
    CHECK(lintTool("SA1029") == "staticcheck");
}

TEST_CASE("expectations are pending until decided, then passed or failed", "[expectations]") {
    auto doc = documentFrom(kSmallScenario);
    ExpectationsModel m;
    QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::Fatal);
    m.setDocument(doc.get());
    REQUIRE(m.rowCount() == 3);
    // 0: early is deadline exceeded at 50ms (true); 1: late gets a deadline error (false: it is
    // canceled at 30ms); 2: w0 ends ok at 10ms (true).
    CHECK(m.stateAt(0, 40e6) == "pending");
    CHECK(m.stateAt(0, 50e6) == "passed");
    CHECK(m.stateAt(1, 29e6) == "pending");
    CHECK(m.stateAt(1, 30e6) == "failed");
    CHECK(m.stateAt(2, 10e6) == "passed");
    doc->seekTime(20e6);
    CHECK(m.data(m.index(2), ExpectationsModel::StateRole) == "passed");
    CHECK(m.data(m.index(1), ExpectationsModel::StateRole) == "pending");
    CHECK(m.passedAtPlayhead() == 1);
    CHECK(m.pendingAtPlayhead() == 2);
    doc->seekEnd();
    CHECK(m.failedAtPlayhead() == 1);
    CHECK(m.data(m.index(1), ExpectationsModel::FailuresRole).toString().contains("context canceled"));
    CHECK(m.data(m.index(1), ExpectationsModel::ContextIdRole) == "late");
}

TEST_CASE("Check gives a verdict for the current revision and an edit clears it", "[expectations]") {
    auto doc = documentFrom(kSmallScenario);
    ExpectationsModel m;
    m.setDocument(doc.get());
    CHECK_FALSE(m.checked());
    m.check();
    CHECK(m.checked());
    CHECK_FALSE(m.allPassed());
    CHECK(m.verdictText().contains("1 of 3"));
    CHECK(doc->contexts()->derive("late", "WithCancel", {}).isEmpty()); // an edit: the verdict is stale
    CHECK_FALSE(m.checked());
    m.check();
    CHECK(m.checked());
}

TEST_CASE("the lessons library lists the built-in lessons grouped by topic in index order", "[lessons]") {
    ensureApp();
    LessonLibrary lib;
    QAbstractItemModelTester tester(&lib, QAbstractItemModelTester::FailureReportingMode::Fatal);
    const QStringList files = QDir(CTXSCOPE_SOURCE_DIR "/resources/lessons")
                                  .entryList({"*.ctxscope.json"}, QDir::Files);
    CHECK(lib.rowCount() == files.size());
    REQUIRE(lib.rowCount() > 0);
    // Topics appear as contiguous runs (ListView sections need that) and lesson 01 comes first.
    QStringList topics = lib.topics();
    CHECK(topics.removeDuplicates() == 0);
    CHECK(topics.first() == "Basics");
    CHECK(lib.data(lib.index(0), LessonLibrary::NumberRole) == "01");
    for (int i = 0; i < lib.rowCount(); ++i) {
        CHECK_FALSE(lib.data(lib.index(i), LessonLibrary::TitleRole).toString().isEmpty());
        CHECK_FALSE(lib.data(lib.index(i), LessonLibrary::DescriptionRole).toString().isEmpty());
    }
}

TEST_CASE("opening a lesson makes it the document, without a file, named after the lesson and unmodified", "[lessons]") {
    ensureApp();
    LessonLibrary lib;
    Document doc;
    doc.files()->setRecoveryPath(QString());
    const int row = lib.rowOf("01");
    REQUIRE(row >= 0);
    CHECK(lib.open(row, &doc).isEmpty());
    CHECK(doc.scenarioName() == lib.data(lib.index(row), LessonLibrary::TitleRole).toString());
    CHECK(doc.filePath().isEmpty());
    CHECK(doc.displayName() == lib.data(lib.index(row), LessonLibrary::TitleRole).toString());
    CHECK_FALSE(doc.isModified());
    CHECK(lib.currentRow() == row);
    CHECK(lib.descriptionOf(&doc) == lib.data(lib.index(row), LessonLibrary::DescriptionRole).toString());
    CHECK_FALSE(lib.open(999, &doc).isEmpty());
}

TEST_CASE("a lesson file that does not load is reported and leaves the document alone", "[lessons]") {
    ensureApp();
    QTemporaryDir dir;
    QFile f(dir.filePath("01-broken.ctxscope.json"));
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write(R"({"ctxscope": 1, "name": "broken", "contexts": [{"id": "a", "kind": "WithCancel"}]})");
    f.close();
    LessonLibrary lib;
    lib.setDirectory(dir.path());
    REQUIRE(lib.rowCount() == 1);
    CHECK(lib.data(lib.index(0), LessonLibrary::TopicRole) == "More lessons"); // no index.json
    Document doc;
    doc.files()->setRecoveryPath(QString());
    const QString before = doc.scenarioName();
    CHECK_FALSE(lib.open(0, &doc).isEmpty());
    CHECK(doc.scenarioName() == before);
}

TEST_CASE("the first start is reported exactly once", "[lessons]") {
    ensureApp();
    QTemporaryDir dir;
    QSettings settings(dir.filePath("s.ini"), QSettings::IniFormat);
    CHECK(LessonLibrary::takeFirstStart(settings));
    CHECK_FALSE(LessonLibrary::takeFirstStart(settings));
}

TEST_CASE("expectations name contexts and tasks as the tree does, with their ids", "[expectations]") {
    // Issue #12: one naming rule everywhere (eventtext.h): "context incoming request (request)".
    std::string json = kSmallScenario;
    json.replace(json.find(R"("id": "early", )"), 15, R"("id": "early", "label": "db query", )");
    json.replace(json.find(R"("id": "w0", )"), 12, R"("id": "w0", "label": "worker", )");
    auto doc = documentFrom(json);
    ExpectationsModel m;
    m.setDocument(doc.get());
    REQUIRE(m.rowCount() == 3);
    CHECK(m.data(m.index(0), ExpectationsModel::TitleRole) == "context db query (early)");
    CHECK(m.data(m.index(1), ExpectationsModel::TitleRole) == "context late"); // no label: the id
    CHECK(m.data(m.index(2), ExpectationsModel::TitleRole) == "task worker (w0)");
}
