#include "exporter.h"

#include "ctxscope/formats/atomic_file.h"
#include "ctxscope/formats/chrome_trace.h"
#include "ctxscope/formats/expectations.h"
#include "ctxscope/go_export/go_export.h"
#include "ctxscope/formats/report.h"
#include "ctxscope/formats/svg_render.h"
#include "ctxscope/formats/trace_writer.h"

#include <QBuffer>
#include <QDesktopServices>
#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QThread>
#include <QUrl>

#include <cstring>
#include <memory>
#include <string>

namespace ctxscope {

bool exportKindFromName(const QString& name, ExportKind* kind) {
    static const std::pair<const char*, ExportKind> names[] = {
        {"trace", ExportKind::Trace}, {"chrome", ExportKind::Chrome}, {"report", ExportKind::Report},
        {"go", ExportKind::Go},       {"svg", ExportKind::TreeSvg},
    };
    for (const auto& [n, k] : names)
        if (name == QLatin1String(n)) {
            *kind = k;
            return true;
        }
    return false;
}

QString destinationProblem(const QString& path, bool isFolder) {
    if (path.isEmpty())
        return QStringLiteral("no file name was given");
    const QFileInfo target(path);
    if (isFolder && target.exists() && !target.isDir())
        return QStringLiteral("%1 is a file; a Go module needs a folder").arg(QDir::toNativeSeparators(path));
    if (!isFolder && target.isDir())
        return QStringLiteral("%1 is a folder: add a file name").arg(QDir::toNativeSeparators(path));
    const QString dirPath = target.absolutePath();
    const QFileInfo dir(dirPath);
    if (!dir.exists())
        return QStringLiteral("the folder %1 does not exist").arg(QDir::toNativeSeparators(dirPath));
    if (!dir.isDir())
        return QStringLiteral("%1 is not a folder").arg(QDir::toNativeSeparators(dirPath));
    const QFileInfo& writable = isFolder && target.isDir() ? target : dir;
    if (!writable.isWritable())
        return QStringLiteral("you may not write in the folder %1 (permission denied)")
            .arg(QDir::toNativeSeparators(writable.absoluteFilePath()));
    return {};
}

QString writeExport(ExportKind kind, const Scenario& scenario, const SimulationResult& result, Nanos at,
                    const QString& path, const std::function<bool()>& cancelled) {
    if (QString problem = destinationProblem(path, kind == ExportKind::Go); !problem.isEmpty())
        return problem;
    // The traces and the report go to the file as they are made: at 10^6 contexts they are
    // hundreds of MB to a GB, which a string would hold (twice, while it grows) on top of the run.
    // A cancel is seen between chunks; the temporary file is then removed and nothing replaced.
    struct Cancelled {};
    const auto writeStreamed = [&](const std::function<void(const ChunkWriter&)>& produce) {
        if (cancelled && cancelled())
            return QString::fromLatin1(kCancelledExport);
        std::string error;
        try {
            const bool ok = writeFileAtomicallyStreamed(
                path.toStdString(),
                [&](const ChunkWriter& write) {
                    produce([&](std::string_view chunk) {
                        if (cancelled && cancelled())
                            throw Cancelled{};
                        write(chunk);
                    });
                },
                &error);
            if (!ok)
                return QString::fromStdString(error);
        } catch (const Cancelled&) {
            return QString::fromLatin1(kCancelledExport);
        }
        return QString();
    };
    switch (kind) {
    case ExportKind::Trace: return writeStreamed([&](const ChunkWriter& sink) { writeTrace(sink, result); });
    case ExportKind::Chrome: return writeStreamed([&](const ChunkWriter& sink) { writeChromeTrace(sink, result); });
    case ExportKind::Report: {
        const ExpectationReport expectations = checkExpectations(scenario, result);
        return writeStreamed(
            [&](const ChunkWriter& sink) { writeReport(sink, result, expectations, ExerciseReportPart{}); });
    }
    case ExportKind::TreeSvg: {
        SvgOptions options;
        options.at = at;
        return writeStreamed([&](const ChunkWriter& sink) { writeTreeSvg(sink, result, options); });
    }
    case ExportKind::Go: {
        if (QFileInfo(path).isFile())
            return QStringLiteral("%1 is a file; a Go module needs a folder").arg(path);
        const GoExport module = exportGo(scenario, result);
        if (cancelled && cancelled())
            return QString::fromLatin1(kCancelledExport);
        std::string error;
        if (!writeGoExport(module, path.toStdString(), &error))
            return QString::fromStdString(error);
        return {};
    }
    }
    return QStringLiteral("unknown export");
}

Exporter::Exporter(QObject* parent) : QObject(parent) {}

Exporter::~Exporter() {
    // The worker holds only its own copies, but the file should be whole when the app exits;
    // cancelled ones write nothing and are waited for too.
    if (m_worker) {
        disconnect(m_worker, nullptr, this, nullptr);
        m_worker->wait();
        delete m_worker;
    }
    for (QThread* t : std::as_const(m_abandoned)) {
        disconnect(t, nullptr, this, nullptr);
        t->wait();
        delete t;
    }
}

void Exporter::cancel() {
    if (!m_worker)
        return;
    m_cancelled->store(true);
    QThread* t = std::exchange(m_worker, nullptr);
    disconnect(t, nullptr, this, nullptr);
    m_abandoned << t;
    connect(t, &QThread::finished, this, [this, t] {
        m_abandoned.removeOne(t);
        t->deleteLater();
    });
    Q_EMIT busyChanged();
    Q_EMIT finished(m_kind, m_path, QString::fromLatin1(kCancelledExport));
}

void Exporter::setDocument(Document* doc) {
    if (doc == m_doc)
        return;
    m_doc = doc;
    Q_EMIT documentChanged();
}

bool Exporter::start(const QString& kind, const QString& pathOrUrl) {
    ExportKind k{};
    if (!m_doc || busy() || !exportKindFromName(kind, &k))
        return false;
    // The worker gets its own copies, so the user can go on editing while it writes.
    // The run is shared (the document never changes a result, it replaces it).
    auto scenario = std::make_shared<const Scenario>(m_doc->scenario());
    std::shared_ptr<const SimulationResult> result = m_doc->sharedResult();
    const Nanos at = m_doc->timeNanos();
    m_kind = kind;
    m_path = localPath(pathOrUrl);
    const QString path = m_path;
    auto error = std::make_shared<QString>();
    auto cancelled = std::make_shared<std::atomic<bool>>(false);
    m_cancelled = cancelled;
    m_worker = QThread::create([k, scenario, result, at, path, error, cancelled] {
        *error = writeExport(k, *scenario, *result, at, path, [cancelled] { return cancelled->load(); });
    });
    connect(m_worker, &QThread::finished, this, [this, error] {
        m_worker->deleteLater();
        m_worker = nullptr;
        Q_EMIT busyChanged();
        Q_EMIT finished(m_kind, m_path, *error);
    });
    m_worker->start();
    Q_EMIT busyChanged();
    return true;
}

QString Exporter::exportNow(const QString& kind, const QString& pathOrUrl) {
    ExportKind k{};
    if (!m_doc)
        return QStringLiteral("there is no document");
    if (!exportKindFromName(kind, &k))
        return QStringLiteral("unknown export \"%1\"").arg(kind);
    return writeExport(k, m_doc->scenario(), m_doc->result(), m_doc->timeNanos(), localPath(pathOrUrl));
}

QString Exporter::saveImage(const QVariant& image, const QString& pathOrUrl) {
    const QImage img = image.value<QImage>();
    if (img.isNull())
        return QStringLiteral("there was no picture to save");
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    if (!img.save(&buffer, "PNG"))
        return QStringLiteral("the picture could not be encoded as PNG");
    if (QString problem = destinationProblem(localPath(pathOrUrl), false); !problem.isEmpty())
        return problem;
    std::string error;
    if (!writeFileAtomically(localPath(pathOrUrl).toStdString(), std::string_view(png.constData(), static_cast<std::size_t>(png.size())), &error))
        return QString::fromStdString(error);
    return {};
}

QString Exporter::folderOf(const QString& pathOrUrl) const {
    const QFileInfo info(localPath(pathOrUrl));
    return QDir::toNativeSeparators(info.isDir() ? info.absoluteFilePath() : info.absolutePath());
}

bool Exporter::openFolder(const QString& pathOrUrl) const {
    return QDesktopServices::openUrl(QUrl::fromLocalFile(folderOf(pathOrUrl)));
}

QString Exporter::suggestedPath(const QString& kind) const {
    QString dir;
    QString base;
    if (m_doc && !m_doc->filePath().isEmpty()) {
        const QFileInfo info(m_doc->filePath());
        dir = info.absolutePath();
        base = info.fileName();
        for (const char* suffix : {".ctxscope.json", ".json"})
            if (base.endsWith(QLatin1String(suffix))) {
                base.chop(static_cast<qsizetype>(std::strlen(suffix)));
                break;
            }
    } else {
        dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
        if (dir.isEmpty() || !QFileInfo(dir).isDir())
            dir = QDir::homePath();
        base = m_doc ? m_doc->scenarioName().toLower() : QString();
        base.replace(QRegularExpression(QStringLiteral("[^a-z0-9]+")), QStringLiteral("-"));
        base.remove(QRegularExpression(QStringLiteral("^-+|-+$")));
        if (base.size() > 48) { // cut at a word boundary: "causes-withcancelcause", not "…-caus"
            base.truncate(48);
            const qsizetype dash = base.lastIndexOf(QLatin1Char('-'));
            if (dash > 16)
                base.truncate(dash);
        }
    }
    if (base.isEmpty())
        base = QStringLiteral("scenario");
    static const std::pair<const char*, const char*> suffixes[] = {
        {"trace", ".trace.jsonl"}, {"chrome", ".chrome.json"}, {"report", ".report.json"}, {"go", "-go"},
        {"svg", ".svg"},           {"png", ".png"},            {"timeline-png", "-timeline.png"},
    };
    for (const auto& [k, suffix] : suffixes)
        if (kind == QLatin1String(k))
            return QDir(dir).filePath(base + QLatin1String(suffix));
    return QDir(dir).filePath(base);
}

} // namespace ctxscope
