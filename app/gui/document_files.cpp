// Document: files (open, save, the default example) and crash recovery.
#include "document.h"

#include "ctxscope/formats/scenario_io.h"
#include "scenariogenerator.h"
#include "simulationjob.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>

#include <map>
#include <mutex>

namespace ctxscope {
namespace {

// Autosaves (crash recovery) come from the GUI thread for a small scenario and from the worker
// for a big one (serializing 300,000 contexts takes seconds: SimulationJob::setBeforeRun). Each
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

// --- files -------------------------------------------------------------------------------

QStringList Document::openFile(const QString& pathOrUrl) {
    const QString path = localPath(pathOrUrl);
    const QFileInfo info(path);
    if (info.isFile() && info.size() >= kSyncOpenBytes) {
        startJob(SimulationJob::replace([path](Scenario* out, QStringList* problems) { return loadFile(path, out, problems); },
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

void Document::replaceScenario(Scenario scenario, const QString& filePath, const QString& what) {
    const bool small = !isLarge(scenario);
    auto given = std::make_shared<Scenario>(std::move(scenario));
    startJob(SimulationJob::replace(
                 [given](Scenario* out, QStringList*) {
                     *out = std::move(*given);
                     return true;
                 },
                 filePath, what),
             small);
}

void Document::openGenerated(int contexts) {
    startJob(SimulationJob::replace(
                 [contexts](Scenario* out, QStringList*) {
                     *out = generateScenario(contexts);
                     return true;
                 },
                 QString(), tr("Generating %1 contexts").arg(QLocale().toString(contexts))),
             false);
}

QString Document::save() {
    if (m_filePath.isEmpty())
        return QStringLiteral("the document has no file yet: use Save As");
    return saveAs(m_filePath);
}

QString Document::saveAs(const QString& pathOrUrl) {
    const QString path = localPath(pathOrUrl);
    std::string error;
    if (!saveScenarioFile(path.toStdString(), m_session.scenario(), &error))
        return QString::fromStdString(error);
    m_filePath = QFileInfo(path).absoluteFilePath();
    m_session.setClean();
    m_dirtyWithoutUndo = false;
    discardRecovery();
    Q_EMIT fileChanged();
    Q_EMIT modifiedChanged();
    return {};
}

bool Document::loadDefaultExample() {
    QFile f(QStringLiteral(":/ctxscope/examples/default.ctxscope.json"));
    if (!f.open(QIODevice::ReadOnly))
        return false;
    const QByteArray text = f.readAll();
    const LoadResult r = parseScenario(std::string_view(text.constData(), static_cast<std::size_t>(text.size())));
    if (!r.scenario)
        return false;
    setScenario(*r.scenario, QString());
    return true;
}

QString Document::serialized() const { return QString::fromStdString(serializeScenario(m_session.scenario())); }

void Document::markClean() {
    m_session.setClean();
    m_dirtyWithoutUndo = false;
    Q_EMIT modifiedChanged();
}

// --- recovery ----------------------------------------------------------------------------

void Document::writeRecovery() {
    if (m_recoveryPath.isEmpty())
        return;
    if (!isModified()) {
        discardRecovery();
        return;
    }
    if (m_job && m_job->hasBeforeRun())
        return; // the worker writes it from the job's copy (recoveryOnWorker)
    if (isLarge(m_session.scenario())) {
        // No job to write it (a cancel went back to an edited state): a copy to the worker.
        auto copy = std::make_shared<const Scenario>(m_session.scenario());
        m_worker.start([path = m_recoveryPath, number = nextRecoveryNumber(), copy] {
            writeRecoveryFile(path, copy.get(), number);
        });
        return;
    }
    writeRecoveryFile(m_recoveryPath, &m_session.scenario(), nextRecoveryNumber());
}

void Document::recoveryOnWorker(SimulationJob& job) {
    if (m_recoveryPath.isEmpty())
        return;
    // Numbered now, before writeRecovery (called once the undo stack has moved) could remove the
    // file because the change went back to the saved state: that removal is then the later one.
    job.setBeforeRun([path = m_recoveryPath, number = nextRecoveryNumber()](const Scenario& s) {
        writeRecoveryFile(path, &s, number);
    });
}

bool Document::hasRecovery() const { return !m_recoveryPath.isEmpty() && QFile::exists(m_recoveryPath); }

QStringList Document::recover() {
    // Synchronous: the recovery file is the user's unsaved work, and the dialog waits for it.
    const QString path = m_recoveryPath;
    Scenario s;
    QStringList problems;
    if (!loadFile(path, &s, &problems))
        return problems;
    setScenario(std::move(s), QString());
    m_dirtyWithoutUndo = true; // recovered work is unsaved work
    Q_EMIT modifiedChanged();
    return {};
}

void Document::discardRecovery() {
    if (!m_recoveryPath.isEmpty())
        writeRecoveryFile(m_recoveryPath, nullptr, nextRecoveryNumber());
}

} // namespace ctxscope
