// ScenarioFiles: files (open, save, the default example) and crash recovery.
#include "scenariofiles.h"

#include "ctxscope/formats/scenario_io.h"
#include "document.h"
#include "scenariogenerator.h"
#include "simulationjob.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QStandardPaths>
#include <QUrl>

#include <map>
#include <mutex>

namespace ctxscope {
namespace {

// Autosaves (crash recovery) come from the GUI thread for a small scenario and from the worker
// for a big one (serializing 300,000 contexts takes seconds: SimulationJob::setAfterRun). Each
// is numbered when it is asked for, and one never overwrites (or removes) what a later one did.
struct RecoveryLedger {
    std::mutex mutex;
    std::map<QString, quint64> done; // path -> number of the last write or removal there
    quint64 last = 0;                // the last number given out (GUI thread only)
};
RecoveryLedger& ledger() {
    static RecoveryLedger l;
    return l;
}
quint64 nextRecoveryNumber() { return ++ledger().last; }

// writeRecoveryFile saves s at path (or removes the file when s is null), unless a later
// request was done there already. Any thread.
void writeRecoveryFile(const QString& path, const Scenario* s, quint64 number) {
    RecoveryLedger& l = ledger();
    const std::lock_guard<std::mutex> lock(l.mutex);
    quint64& done = l.done[path];
    if (number < done)
        return;
    done = number;
    if (!s) {
        QFile::remove(path);
        return;
    }
    QDir().mkpath(QFileInfo(path).absolutePath());
    std::string error;
    saveScenarioFile(path.toStdString(), *s, &error); // best effort
}

// Files this big are read and checked on the worker (a megabyte of JSON takes tens of
// milliseconds to parse and check; the loader reads at most 64 MiB).
constexpr qint64 kSyncOpenBytes = 1 << 20;

// loadFile reads and checks a scenario file; false with the problems (spec/cli.md's format).
bool loadFile(const QString& path, Scenario* out, QStringList* problems) {
    LoadResult r = loadScenarioFile(path.toStdString());
    if (!r.scenario) {
        for (const Problem& p : r.problems)
            *problems << QString::fromStdString(formatProblem(path.toStdString(), p));
        if (problems->isEmpty())
            *problems << QStringLiteral("%1: could not be loaded").arg(path);
        return false;
    }
    *out = std::move(*r.scenario);
    return true;
}

} // namespace

QString localPath(const QString& pathOrUrl) {
    if (pathOrUrl.startsWith(QLatin1String("file:")))
        return QUrl(pathOrUrl).toLocalFile();
    return pathOrUrl;
}

ScenarioFiles::ScenarioFiles(Document& document) : QObject(&document), m_document(document) {
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    if (!dir.isEmpty())
        m_recoveryPath = dir + QStringLiteral("/recovery.ctxscope.json");
}

ScenarioFiles::~ScenarioFiles() { discardRecovery(); }

Scenario ScenarioFiles::untitledScenario() {
    Scenario s;
    s.name = "Untitled";
    ContextSpec root;
    root.id = "root";
    root.kind = ContextKind::Background;
    s.contexts.push_back(root);
    return s;
}

// --- files ----------------------------------------------------------------------------------

QStringList ScenarioFiles::openFile(const QString& pathOrUrl) {
    const QString path = localPath(pathOrUrl);
    const QFileInfo info(path);
    if (info.isFile() && info.size() >= kSyncOpenBytes) {
        m_document.run()->startJob(
            SimulationJob::replace([path](Scenario* out, QStringList* problems) { return loadFile(path, out, problems); },
                                   info.absoluteFilePath(), tr("Opening %1").arg(info.fileName())),
            false);
        return {};
    }
    Scenario s;
    QStringList problems;
    if (!loadFile(path, &s, &problems))
        return problems;
    replaceScenario(std::move(s), info.absoluteFilePath(), tr("Opening %1").arg(info.fileName()));
    return {};
}

void ScenarioFiles::replaceScenario(Scenario scenario, const QString& filePath, const QString& what) {
    const bool small = !m_document.run()->isLarge(scenario);
    auto given = std::make_shared<Scenario>(std::move(scenario));
    m_document.run()->startJob(SimulationJob::replace(
                                   [given](Scenario* out, QStringList*) {
                                       *out = std::move(*given);
                                       return true;
                                   },
                                   filePath, what),
                               small);
}

void ScenarioFiles::openGenerated(int contexts) {
    m_document.run()->startJob(SimulationJob::replace(
                                   [contexts](Scenario* out, QStringList*) {
                                       *out = generateScenario(contexts);
                                       return true;
                                   },
                                   QString(), tr("Generating %1 contexts").arg(QLocale().toString(contexts))),
                               false);
}

void ScenarioFiles::finishOpening(SimulationJob& job) {
    if (!job.ok()) {
        Q_EMIT openFailed(tr("The scenario could not be opened"), job.problems);
        return;
    }
    m_document.replaceWith(std::move(*job.scenario), job.filePath(), &job);
    Q_EMIT opened(job.filePath());
}

QString ScenarioFiles::save() {
    if (m_document.filePath().isEmpty())
        return QStringLiteral("the document has no file yet: use Save As");
    return saveAs(m_document.filePath());
}

QString ScenarioFiles::saveAs(const QString& pathOrUrl) {
    const QString path = localPath(pathOrUrl);
    std::string error;
    if (!saveScenarioFile(path.toStdString(), m_document.editedScenario(), &error))
        return QString::fromStdString(error);
    discardRecovery();
    m_document.savedAs(QFileInfo(path).absoluteFilePath());
    return {};
}

void ScenarioFiles::newScenario() { m_document.setScenario(untitledScenario(), QString()); }

bool ScenarioFiles::loadDefaultExample() {
    QFile f(QStringLiteral(":/ctxscope/examples/default.ctxscope.json"));
    if (!f.open(QIODevice::ReadOnly))
        return false;
    const QByteArray text = f.readAll();
    const LoadResult r = parseScenario(std::string_view(text.constData(), static_cast<std::size_t>(text.size())));
    if (!r.scenario)
        return false;
    m_document.setScenario(*r.scenario, QString());
    return true;
}

QString ScenarioFiles::serialized() const { return QString::fromStdString(serializeScenario(m_document.editedScenario())); }

// --- recovery -------------------------------------------------------------------------------

void ScenarioFiles::setRecoveryPath(const QString& path) {
    if (path == m_recoveryPath)
        return;
    m_recoveryPath = path;
    Q_EMIT recoveryPathChanged();
}

void ScenarioFiles::writeRecovery() {
    if (m_recoveryPath.isEmpty())
        return;
    if (!m_document.isModified()) {
        discardRecovery();
        return;
    }
    SimulationRunner& run = *m_document.run();
    if (run.jobAutosaves())
        return; // the worker writes it from the job's copy (recoveryOnWorker)
    if (run.isLarge(m_document.editedScenario())) {
        // No job to write it (a cancel went back to an edited state): a copy to the worker.
        auto copy = std::make_shared<const Scenario>(m_document.editedScenario());
        run.onWorker([path = m_recoveryPath, number = nextRecoveryNumber(), copy] {
            writeRecoveryFile(path, copy.get(), number);
        });
        return;
    }
    writeRecoveryFile(m_recoveryPath, &m_document.editedScenario(), nextRecoveryNumber());
}

void ScenarioFiles::recoveryOnWorker(SimulationJob& job) {
    if (m_recoveryPath.isEmpty())
        return;
    // Numbered now, before writeRecovery (called once the undo stack has moved) could remove the
    // file because the change went back to the saved state: that removal is then the later one.
    job.setAfterRun([path = m_recoveryPath, number = nextRecoveryNumber()](const Scenario& s) {
        writeRecoveryFile(path, &s, number);
    });
}

bool ScenarioFiles::hasRecovery() const { return !m_recoveryPath.isEmpty() && QFile::exists(m_recoveryPath); }

QStringList ScenarioFiles::recover() {
    // Synchronous: the recovery file is the user's unsaved work, and the dialog waits for it.
    const QString path = m_recoveryPath;
    Scenario s;
    QStringList problems;
    if (!loadFile(path, &s, &problems))
        return problems;
    m_document.setScenario(std::move(s), QString());
    m_document.markUnsaved(); // recovered work is unsaved work
    return {};
}

void ScenarioFiles::discardRecovery() {
    if (!m_recoveryPath.isEmpty())
        writeRecoveryFile(m_recoveryPath, nullptr, nextRecoveryNumber());
}

} // namespace ctxscope
