#pragma once
// Exporter: File ▸ Export for the desktop app (issue #5). Each export renders one of core's
// formats from a copy of the document's scenario and run, off the GUI thread, and writes it with
// writeFileAtomically, so a failed export never touches a file that was already there. PNG
// pictures are grabbed by the window (QQuickItem::grabToImage) and written through saveImage.
#include "ctxscope/engine/playback.h"
#include "ctxscope/engine/scenario.h"
#include "ctxscope/engine/simulation.h"
#include "document.h"

#include <QObject>
#include <QPointer>
#include <QVariant>
#include <QtQml/qqmlregistration.h>

#include <atomic>
#include <functional>
#include <memory>

class QThread;

namespace ctxscope {

enum class ExportKind {
    Trace,    // JSON Lines trace (trace_writer.h)
    Chrome,   // Chrome Trace Event Format (chrome_trace.h)
    Report,   // final-state report with the expectations' outcome (report.h)
    Go,       // a Go module: a directory of go.mod, main.go, scenario_test.go (go_export.h)
    TreeSvg,  // the tree at the playhead as SVG (svg_render.h)
};

// exportKindFromName maps "trace", "chrome", "report", "go", "svg"; false for anything else.
bool exportKindFromName(const QString& name, ExportKind* kind);

// writeExport renders `kind` from scenario and result (result must be simulate(scenario)) and
// writes it to path (a directory for Go). at is the instant a tree picture shows. It returns
// "" on success, else why not; nothing that existed at path is changed on failure. When
// cancelled returns true before the file is complete (it is asked before rendering, and
// between the chunks of the traces and the report, which are written as they are rendered),
// nothing is written and the answer is kCancelledExport.
QString writeExport(ExportKind kind, const Scenario& scenario, const SimulationResult& result, Nanos at,
                    const QString& path, const std::function<bool()>& cancelled = {});
// destinationProblem says, before anything is rendered, why path cannot be written to in words
// a user can act on ("the folder /x does not exist", "… permission denied"); "" when it looks
// writable (the write may still fail, with its own reason). isFolder: a Go module's folder.
QString destinationProblem(const QString& path, bool isFolder);
inline constexpr const char* kCancelledExport = "cancelled: nothing was written";

class Exporter : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(ctxscope::Document* document READ document WRITE setDocument NOTIFY documentChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)   // an export is running
    Q_PROPERTY(QString busyKind READ busyKind NOTIFY busyChanged)

public:
    explicit Exporter(QObject* parent = nullptr);
    ~Exporter() override;

    Document* document() const { return m_doc; }
    void setDocument(Document* doc);
    bool busy() const { return m_worker != nullptr; }
    QString busyKind() const { return busy() ? m_kind : QString(); }

    // start begins exporting `kind` ("trace", "chrome", "report", "go", "svg") of the document
    // as it is now (the playhead time for "svg") to pathOrUrl, on a worker thread; finished()
    // tells the outcome. It returns false (and emits nothing) when busy or kind is unknown.
    Q_INVOKABLE bool start(const QString& kind, const QString& pathOrUrl);
    // cancel gives up the running export: finished() says so at once ("cancelled: …"), and the
    // worker, which cannot stop mid-render, writes nothing. The app waits for it at exit.
    Q_INVOKABLE void cancel();
    // exportNow does the same on the calling thread and returns the error ("" on success).
    Q_INVOKABLE QString exportNow(const QString& kind, const QString& pathOrUrl);
    // saveImage writes a QImage (ItemGrabResult.image) as PNG, atomically; "" on success.
    Q_INVOKABLE QString saveImage(const QVariant& image, const QString& pathOrUrl);
    // suggestedPath proposes where to export `kind` ("trace", ..., "png", "timeline-png"): beside
    // the scenario's file, named after it, else in the documents folder after the scenario name.
    Q_INVOKABLE QString suggestedPath(const QString& kind) const;
    // folderOf is the folder an export went to: the path itself for a Go module's folder, else
    // the file's folder. openFolder shows it in the file manager (QDesktopServices).
    Q_INVOKABLE QString folderOf(const QString& pathOrUrl) const;
    Q_INVOKABLE bool openFolder(const QString& pathOrUrl) const;

Q_SIGNALS:
    void documentChanged();
    void busyChanged();
    void finished(const QString& kind, const QString& path, const QString& error);

private:
    QPointer<Document> m_doc;
    QThread* m_worker = nullptr; // the running export, deleted when it has finished
    std::shared_ptr<std::atomic<bool>> m_cancelled;
    QList<QThread*> m_abandoned; // cancelled exports still rendering
    QString m_kind;
    QString m_path;
};

} // namespace ctxscope
