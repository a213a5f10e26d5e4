// Document: the scenario, its undo stack, re-simulation after each edit, and the playhead.
#include "document.h"

#include "ctxscope/validate.h"
#include "editcommand.h"
#include "eventtext.h"

#include <QFileInfo>
#include <QStandardPaths>
#include <QUrl>

#include <algorithm>

namespace ctxscope {
namespace {

Scenario emptyScenario() {
    Scenario s;
    s.name = "Untitled";
    ContextSpec root;
    root.id = "root";
    root.kind = ContextKind::Background;
    s.contexts.push_back(root);
    return s;
}

} // namespace

QString localPath(const QString& pathOrUrl) {
    if (pathOrUrl.startsWith(QLatin1String("file:")))
        return QUrl(pathOrUrl).toLocalFile();
    return pathOrUrl;
}

Document::Document(QObject* parent) : QObject(parent) {
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    if (!dir.isEmpty())
        m_recoveryPath = dir + QStringLiteral("/recovery.ctxscope.json");
    connect(&m_undo, &QUndoStack::cleanChanged, this, &Document::modifiedChanged);
    connect(&m_undo, &QUndoStack::indexChanged, this, &Document::undoStateChanged);
    // After every edit, undo and redo (once the stack knows whether it is clean): autosave.
    connect(&m_undo, &QUndoStack::indexChanged, this, &Document::writeRecovery);
    connect(&m_undo, &QUndoStack::canUndoChanged, this, &Document::undoStateChanged);
    connect(&m_undo, &QUndoStack::canRedoChanged, this, &Document::undoStateChanged);
    m_scenario = emptyScenario();
    resimulate();
}

Document::~Document() {
    // ~QUndoStack clears the stack, which emits indexChanged; by then m_recoveryPath (declared
    // after m_undo) is gone, so writeRecovery must not be called back.
    disconnect(&m_undo, nullptr, this, nullptr);
    // A normal close leaves no recovery file; only a crash does.
    discardRecovery();
}

void Document::setRecoveryPath(const QString& path) {
    if (path == m_recoveryPath)
        return;
    m_recoveryPath = path;
    Q_EMIT recoveryPathChanged();
}

QString Document::displayName() const {
    if (m_filePath.isEmpty())
        return m_untitledName.isEmpty() ? QStringLiteral("untitled") : m_untitledName;
    return QFileInfo(m_filePath).fileName();
}

QString Document::timeText() const { return durationText(m_time); }
QString Document::endTimeText() const { return durationText(m_result->endTime); }
QString Document::timelineEndText() const { return durationText(timelineEndNanos()); }

Nanos Document::timelineEndNanos() const {
    const Nanos end = m_result->endTime;
    return std::max<Nanos>(kSecond, end + end / 4);
}

QString Document::lastEventText() const {
    const std::size_t n = m_playback->appliedEvents();
    if (n == 0)
        return QStringLiteral("no events yet");
    return describeEvent(*m_result, m_result->events[n - 1]);
}

void Document::setScenario(Scenario scenario, const QString& filePath) {
    m_scenario = std::move(scenario);
    m_resetting = true; // clearing the stack is no edit: leave a recovery file for recover()
    m_undo.clear();
    m_undo.setClean();
    m_resetting = false;
    m_dirtyWithoutUndo = false;
    m_filePath = filePath;
    m_untitledName.clear();
    m_time = 0;
    resimulate(); // shows time 0: what exists from the start

    Q_EMIT fileChanged();
    Q_EMIT modifiedChanged();
    Q_EMIT undoStateChanged();
}

void Document::setUntitledName(const QString& name) {
    if (name == m_untitledName)
        return;
    m_untitledName = name;
    Q_EMIT fileChanged();
}

void Document::resimulate() {
    // The playback points into the result, so it goes first.
    m_playback.reset();
    m_result = std::make_unique<SimulationResult>(simulate(m_scenario));
    m_playback = std::make_unique<Playback>(*m_result);
    m_time = std::clamp<Nanos>(m_time, 0, timelineEndNanos());
    m_playback->seekTime(m_time);
    ++m_revision;
    Q_EMIT simulated();
    Q_EMIT playheadChanged();
}

void Document::applyPatch(const ScenarioPatch& patch, bool forward) {
    if (forward)
        patch.apply(m_scenario);
    else
        patch.revert(m_scenario);
    resimulate();
}

bool Document::applyEdit(const QString& text, const edits::EditResult& edit, QString* error) {
    if (!edit.error.empty()) {
        if (error)
            *error = QString::fromStdString(edit.error);
        return false;
    }
    if (edit.patch.empty())
        return true;
    // Check the scenario the edit would make, then put it back: the command applies it.
    edit.patch.apply(m_scenario);
    const std::vector<Problem> problems = validateScenario(m_scenario);
    edit.patch.revert(m_scenario);
    if (!problems.empty()) {
        if (error) {
            const Problem& p = problems.front();
            *error = QString::fromStdString(p.path.empty() ? p.message : p.path + ": " + p.message);
        }
        return false;
    }
    m_undo.push(new EditCommand(text, edit.patch, [this](const ScenarioPatch& p, bool forward) {
        applyPatch(p, forward);
    }));
    return true;
}

QString Document::pushEdit(const QString& text, const edits::EditResult& edit) {
    QString error;
    applyEdit(text, edit, &error);
    return error;
}

QVariantList Document::actionMarks() const {
    QVariantList marks;
    for (const Action& a : m_scenario.actions) {
        const QString what = a.op == ActionOp::Cancel ? QStringLiteral("cancel %1") : QStringLiteral("stop %1");
        marks << QVariantMap{{QStringLiteral("t"), static_cast<double>(a.at)},
                             {QStringLiteral("text"), durationText(a.at) + QStringLiteral(": ") +
                                                          what.arg(QString::fromStdString(a.target)) +
                                                          (a.cause ? QStringLiteral(" (\"%1\")").arg(QString::fromStdString(*a.cause)) : QString())}};
    }
    return marks;
}

void Document::newScenario() { setScenario(emptyScenario(), QString()); }

// --- playhead ----------------------------------------------------------------------------

void Document::setPlayhead(Nanos time, std::size_t applied) {
    m_time = time;
    m_playback->seekEvents(applied);
    Q_EMIT playheadChanged();
}

void Document::seekTime(double nanos) {
    const Nanos t = std::clamp<Nanos>(static_cast<Nanos>(nanos), 0, timelineEndNanos());
    m_playback->seekTime(t);
    m_time = t;
    Q_EMIT playheadChanged();
}

bool Document::stepForward() {
    const std::size_t n = m_playback->appliedEvents();
    if (n >= m_result->events.size())
        return false;
    setPlayhead(m_result->events[n].t, n + 1);
    return true;
}

bool Document::stepBack() {
    const std::size_t n = m_playback->appliedEvents();
    if (n == 0)
        return false;
    setPlayhead(n >= 2 ? m_result->events[n - 2].t : 0, n - 1);
    return true;
}

void Document::restart() { seekTime(0); }

void Document::seekEvents(int count) {
    const std::size_t n = std::min<std::size_t>(static_cast<std::size_t>(std::max(0, count)), m_result->events.size());
    setPlayhead(n > 0 ? m_result->events[n - 1].t : 0, n);
}

void Document::seekEnd() { seekTime(static_cast<double>(m_result->endTime)); }

} // namespace ctxscope
