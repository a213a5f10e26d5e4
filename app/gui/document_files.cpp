// Document: files (open, save, the default example) and crash recovery.
#include "document.h"

#include "ctxscope/scenario_io.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace ctxscope {

// --- files -------------------------------------------------------------------------------

QStringList Document::openFile(const QString& pathOrUrl) {
    const QString path = localPath(pathOrUrl);
    const LoadResult r = loadScenarioFile(path.toStdString());
    if (!r.scenario) {
        QStringList problems;
        for (const Problem& p : r.problems)
            problems << QString::fromStdString(formatProblem(path.toStdString(), p));
        if (problems.isEmpty())
            problems << QStringLiteral("%1: could not be loaded").arg(path);
        return problems;
    }
    setScenario(*r.scenario, QFileInfo(path).absoluteFilePath());
    return {};
}

QString Document::save() {
    if (m_filePath.isEmpty())
        return QStringLiteral("the document has no file yet: use Save As");
    return saveAs(m_filePath);
}

QString Document::saveAs(const QString& pathOrUrl) {
    const QString path = localPath(pathOrUrl);
    std::string error;
    if (!saveScenarioFile(path.toStdString(), m_scenario, &error))
        return QString::fromStdString(error);
    m_filePath = QFileInfo(path).absoluteFilePath();
    m_undo.setClean();
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

QString Document::serialized() const { return QString::fromStdString(serializeScenario(m_scenario)); }

void Document::markClean() {
    m_undo.setClean();
    m_dirtyWithoutUndo = false;
    Q_EMIT modifiedChanged();
}

// --- recovery ----------------------------------------------------------------------------

void Document::writeRecovery() {
    if (m_recoveryPath.isEmpty() || m_resetting)
        return;
    if (!isModified()) {
        discardRecovery();
        return;
    }
    QDir().mkpath(QFileInfo(m_recoveryPath).absolutePath());
    std::string error;
    saveScenarioFile(m_recoveryPath.toStdString(), m_scenario, &error); // best effort
}

bool Document::hasRecovery() const { return !m_recoveryPath.isEmpty() && QFile::exists(m_recoveryPath); }

QStringList Document::recover() {
    const QString path = m_recoveryPath;
    const LoadResult r = loadScenarioFile(path.toStdString());
    if (!r.scenario) {
        QStringList problems;
        for (const Problem& p : r.problems)
            problems << QString::fromStdString(formatProblem(path.toStdString(), p));
        return problems;
    }
    setScenario(*r.scenario, QString());
    m_dirtyWithoutUndo = true; // recovered work is unsaved work
    Q_EMIT modifiedChanged();
    return {};
}

void Document::discardRecovery() {
    if (!m_recoveryPath.isEmpty())
        QFile::remove(m_recoveryPath);
}

} // namespace ctxscope
