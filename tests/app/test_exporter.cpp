// File ▸ Export (issue #5): every export writes what core renders for the document, a failed
// export leaves an existing file as it was, the background export reports its outcome, and a
// 10,000-context scenario exports in reasonable time.
#include "apptestutil.h"
#include "ctxscope/formats/chrome_trace.h"
#include "ctxscope/formats/expectations.h"
#include "ctxscope/formats/report.h"
#include "ctxscope/formats/svg_render.h"
#include "ctxscope/formats/trace_writer.h"
#include "document.h"
#include "exporter.h"
#include "scenariogenerator.h"

#include <catch2/catch.hpp>

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QUrl>

using namespace ctxscope;

namespace {

QByteArray readAll(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QByteArray bytes(const std::string& s) { return QByteArray(s.data(), static_cast<qsizetype>(s.size())); }

struct ExportFixture {
    Document doc;
    Exporter exporter;
    QTemporaryDir dir;
    ExportFixture() {
        ensureApp();
        REQUIRE(doc.files()->loadDefaultExample());
        REQUIRE(dir.isValid());
        exporter.setDocument(&doc);
    }
    QString path(const char* name) const { return dir.filePath(QString::fromLatin1(name)); }
};

} // namespace

TEST_CASE("each export writes exactly what core renders for the document", "[export]") {
    ExportFixture f;
    f.doc.seekTime(150.0 * kMillisecond);
    const SimulationResult& r = f.doc.result();

    REQUIRE(f.exporter.exportNow("trace", f.path("a.trace.jsonl")) == "");
    CHECK(readAll(f.path("a.trace.jsonl")) == bytes(traceToString(r)));
    CHECK(readAll(f.path("a.trace.jsonl")).startsWith("{\"ctxscope_trace\":1"));

    REQUIRE(f.exporter.exportNow("chrome", f.path("a.chrome.json")) == "");
    CHECK(readAll(f.path("a.chrome.json")) == bytes(chromeTraceToString(r)));

    REQUIRE(f.exporter.exportNow("report", f.path("a.report.json")) == "");
    CHECK(readAll(f.path("a.report.json")) == bytes(reportToString(r, checkExpectations(f.doc.scenario(), r))));

    // The picture shows the tree at the playhead, not at the end.
    REQUIRE(f.exporter.exportNow("svg", QUrl::fromLocalFile(f.path("a.svg")).toString()) == "");
    SvgOptions at150;
    at150.at = 150 * kMillisecond;
    SvgOptions atEnd;
    atEnd.at = r.endTime;
    CHECK(readAll(f.path("a.svg")) == bytes(renderTreeSvg(r, at150)));
    CHECK(readAll(f.path("a.svg")) != bytes(renderTreeSvg(r, atEnd)));

    REQUIRE(f.exporter.exportNow("go", f.path("gomod")) == "");
    CHECK(QFile::exists(f.path("gomod/go.mod")));
    CHECK(readAll(f.path("gomod/main.go")).contains("context.WithTimeout"));
    CHECK(QFile::exists(f.path("gomod/scenario_test.go")));

    CHECK_FALSE(f.exporter.exportNow("pdf", f.path("a.pdf")).isEmpty());
    CHECK_FALSE(QFile::exists(f.path("a.pdf")));
}

TEST_CASE("a failed export leaves an existing file untouched and says why", "[export]") {
    ExportFixture f;
    const QString target = f.path("old.trace.jsonl");
    {
        QFile old(target);
        REQUIRE(old.open(QIODevice::WriteOnly));
        old.write("precious\n");
    }
    // A read-only folder: no temporary file can be made beside the old file, so the write fails
    // before anything is renamed (root ignores the permission bits, so then it is not checked).
    const QString ro = f.path("ro");
    REQUIRE(QDir().mkpath(ro));
    REQUIRE(QFile::copy(target, ro + "/old.trace.jsonl"));
    REQUIRE(QFile::setPermissions(ro, QFileDevice::ReadOwner | QFileDevice::ExeOwner));
    const bool enforced = !QFile(ro + "/probe").open(QIODevice::WriteOnly);
    const QString error = f.exporter.exportNow("trace", ro + "/old.trace.jsonl");
    QFile::setPermissions(ro, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    if (enforced) {
        CHECK_FALSE(error.isEmpty());
        CHECK(readAll(ro + "/old.trace.jsonl") == "precious\n");
    }

    // Whoever runs the test, a path below a regular file can never be written.
    CHECK_FALSE(f.exporter.exportNow("report", target + "/x.report.json").isEmpty());
    // Over an existing folder: refused, the folder and what is in it stay.
    REQUIRE(QDir().mkpath(f.path("folder/inner")));
    CHECK_FALSE(f.exporter.exportNow("chrome", f.path("folder")).isEmpty());
    CHECK(QFileInfo(f.path("folder/inner")).isDir());
    // A Go module needs a folder; a file there is left alone.
    CHECK(f.exporter.exportNow("go", target).contains("folder"));
    CHECK(readAll(target) == "precious\n");
    // An empty path is refused, not written somewhere surprising.
    CHECK_FALSE(f.exporter.exportNow("chrome", "").isEmpty());
}

TEST_CASE("a background export reports its outcome and is busy meanwhile", "[export]") {
    ExportFixture f;
    QSignalSpy finished(&f.exporter, &Exporter::finished);
    REQUIRE(f.exporter.start("chrome", f.path("bg.chrome.json")));
    CHECK(f.exporter.busy());
    CHECK_FALSE(f.exporter.start("trace", f.path("other.jsonl"))); // one at a time
    REQUIRE((finished.count() > 0 || finished.wait(10000)));
    CHECK_FALSE(f.exporter.busy());
    const QList<QVariant> args = finished.takeFirst();
    CHECK(args.at(0).toString() == "chrome");
    CHECK(args.at(1).toString() == f.path("bg.chrome.json"));
    CHECK(args.at(2).toString() == "");
    CHECK(readAll(f.path("bg.chrome.json")) == bytes(chromeTraceToString(f.doc.result())));

    REQUIRE(f.exporter.start("trace", f.path("no/such/dir/x.jsonl")));
    REQUIRE(finished.wait(10000));
    CHECK_FALSE(finished.takeFirst().at(2).toString().isEmpty());
}

TEST_CASE("the tree and timeline pictures are written as PNG, atomically", "[export]") {
    ExportFixture f;
    QImage img(40, 20, QImage::Format_ARGB32);
    img.fill(Qt::red);
    REQUIRE(f.exporter.saveImage(QVariant::fromValue(img), f.path("tree.png")) == "");
    const QImage back(f.path("tree.png"));
    CHECK(back.size() == QSize(40, 20));
    CHECK(back.pixelColor(5, 5) == QColor(Qt::red));
    CHECK_FALSE(f.exporter.saveImage(QVariant(), f.path("none.png")).isEmpty());
    CHECK_FALSE(QFile::exists(f.path("none.png")));
}

TEST_CASE("export paths are suggested beside the scenario, named after it", "[export]") {
    ExportFixture f;
    REQUIRE(f.doc.files()->saveAs(f.path("demo.ctxscope.json")) == "");
    CHECK(f.exporter.suggestedPath("trace") == f.path("demo.trace.jsonl"));
    CHECK(f.exporter.suggestedPath("chrome") == f.path("demo.chrome.json"));
    CHECK(f.exporter.suggestedPath("go") == f.path("demo-go"));
    CHECK(f.exporter.suggestedPath("timeline-png") == f.path("demo-timeline.png"));
    f.doc.files()->newScenario();
    CHECK(f.exporter.suggestedPath("svg").endsWith(".svg"));
}

TEST_CASE("exporting a 10,000-context scenario finishes in the background", "[export][scale]") {
    ExportFixture f;
    f.doc.setScenario(generateScenario(10000), QString());
    REQUIRE(f.doc.run()->contextCount() >= 10000);
    QSignalSpy finished(&f.exporter, &Exporter::finished);
    QElapsedTimer clock;
    clock.start();
    for (const char* kind : {"trace", "chrome", "report", "svg", "go"}) {
        const QString path = f.path(kind);
        REQUIRE(f.exporter.start(QString::fromLatin1(kind), path));
        REQUIRE(finished.wait(60000));
        const QList<QVariant> args = finished.takeFirst();
        INFO(kind << ": " << args.at(2).toString().toStdString());
        CHECK(args.at(2).toString() == "");
        CHECK(QFileInfo(QString::fromLatin1(kind) == "go" ? path + "/main.go" : path).size() > 100000);
    }
    CHECK(clock.elapsed() < 120000);
}

TEST_CASE("a trace, Chrome trace, report or picture cancelled while it streams leaves the old file and no temporary", "[export]") {
    ensureApp();
    QTemporaryDir dir;
    const Scenario s = generateScenario(20000); // each of the three is several 64 KiB chunks
    const SimulationResult r = simulate(s);
    for (const ExportKind kind : {ExportKind::Trace, ExportKind::Chrome, ExportKind::Report, ExportKind::TreeSvg}) {
        const QString target = dir.filePath(QStringLiteral("out.json"));
        {
            QFile old(target);
            REQUIRE(old.open(QIODevice::WriteOnly | QIODevice::Truncate));
            old.write("precious\n");
        }
        int asked = 0;
        // Not cancelled when the export starts, nor at its first chunk: then cancelled.
        const QString answer = writeExport(kind, s, r, 0, target, [&] { return ++asked > 2; });
        CHECK(answer == QString::fromLatin1(kCancelledExport));
        CHECK(asked > 2);
        CHECK(readAll(target) == "precious\n");
        CHECK(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden) == QStringList{QStringLiteral("out.json")});
        // Not cancelled: the whole document, as core renders it.
        REQUIRE(writeExport(kind, s, r, 0, target, [] { return false; }) == "");
        const std::string whole = kind == ExportKind::Trace    ? traceToString(r)
                                  : kind == ExportKind::Chrome ? chromeTraceToString(r)
                                  : kind == ExportKind::Report ? reportToString(r, checkExpectations(s, r))
                                                               : renderTreeSvg(r, SvgOptions{});
        CHECK(readAll(target) == bytes(whole));
    }
}
