// Document: the Session bridge: the file identity, undo/redo and the playhead.
#include "document.h"

#include "eventtext.h"

#include <QFileInfo>

namespace ctxscope {

Document::Document(QObject* parent)
    : QObject(parent), m_files(std::make_unique<ScenarioFiles>(*this)), m_contexts(std::make_unique<ContextEditor>(*this)),
      m_run(std::make_unique<SimulationRunner>(*this, m_session)) {
    connect(m_run.get(), &SimulationRunner::shown, this, [this] {
        ++m_revision;
        Q_EMIT simulated();
        Q_EMIT playheadChanged();
    });
    m_session.reset(ScenarioFiles::untitledScenario());
    m_run->resimulate();
}

QString Document::displayName() const {
    if (m_filePath.isEmpty())
        return m_untitledName.isEmpty() ? QStringLiteral("untitled") : m_untitledName;
    return QFileInfo(m_filePath).fileName();
}

QString Document::timeText() const { return durationText(m_session.playhead()); }
static QString entryText(const HistoryEntry* e) { return e ? QString::fromStdString(e->text) : QString(); }
QString Document::undoText() const { return entryText(m_session.history().undoEntry()); }
QString Document::redoText() const { return entryText(m_session.history().redoEntry()); }

QString Document::lastEventText() const {
    const std::size_t n = playback().appliedEvents();
    if (n == 0)
        return QStringLiteral("no events yet");
    return describeEvent(result(), result().events[n - 1]);
}

void Document::replaceWith(Scenario scenario, const QString& filePath, SimulationJob* ran) {
    // A new document is no edit: it leaves a recovery file alone, for recover().
    const bool wasPredicting = m_session.predicting();
    m_shipped = scenario.exercise ? std::make_unique<const Scenario>(scenario) : nullptr;
    m_session.reset(std::move(scenario)); // not predicting: Predict mode is the document's
    m_dirtyWithoutUndo = false;
    m_filePath = filePath;
    m_untitledName.clear();
    m_run->reset(ran);

    Q_EMIT fileChanged();
    Q_EMIT modifiedChanged();
    Q_EMIT undoStateChanged();
    if (wasPredicting)
        Q_EMIT predictingChanged();
}

void Document::savedAs(const QString& filePath) {
    m_filePath = filePath;
    Q_EMIT fileChanged();
    markClean();
}

void Document::markClean() {
    m_session.setClean();
    m_dirtyWithoutUndo = false;
    Q_EMIT modifiedChanged();
}

void Document::setPredicting(bool on) {
    if (on == m_session.predicting())
        return;
    m_session.setPredicting(on);
    Q_EMIT predictingChanged();
}

void Document::setUntitledName(const QString& name) {
    if (name == m_untitledName)
        return;
    m_untitledName = name;
    Q_EMIT fileChanged();
}

// --- edits and history ----------------------------------------------------------------------

bool Document::applyEdit(const QString& text, const edits::EditResult& edit, QString* error) {
    if (std::string problem = m_session.check(edit); !problem.empty()) {
        if (error)
            *error = QString::fromStdString(problem);
        return false;
    }
    if (edit.patch.empty())
        return true;
    m_run->beforeEdit();
    m_session.commit(text.toStdString(), edit); // checked above: once is enough
    m_run->afterChange(text);
    historyChanged();
    return true;
}

void Document::undo() { moveInHistory(true); }
void Document::redo() { moveInHistory(false); }

void Document::moveInHistory(bool back) {
    if (back ? !canUndo() : !canRedo())
        return;
    const QString what = back ? tr("Undo %1").arg(undoText()) : tr("Redo %1").arg(redoText());
    m_run->beforeChange();
    back ? m_session.undo() : m_session.redo();
    m_run->afterChange(what);
    historyChanged();
}

void Document::historyChanged() {
    Q_EMIT undoStateChanged();
    Q_EMIT modifiedChanged();
    m_files->writeRecovery(); // after every edit, undo and redo
}

// --- playhead -------------------------------------------------------------------------------

bool Document::seekBy(int events) {
    const int n = appliedEvents() + events;
    if (n < 0 || n > m_run->eventCount())
        return false;
    seekEvents(n);
    return true;
}

} // namespace ctxscope
