#pragma once
// Document: the Qt bridge over a Session (core, no Qt: the scenario being edited, its history of
// patches, the playhead and view state), plus the file it came from (design.md, "Editing lives
// below Qt"). Every edit is checked and recorded by the Session (one undo step each); after each
// edit (and each undo/redo) the scenario is simulated again and the views are told. Its parts,
// one concept each, are QML properties: run (SimulationRunner: the jobs and the run on screen),
// outcomes (RaceOutcomes: which order of the races is shown), files (ScenarioFiles: open, save,
// recovery) and contexts (ContextEditor: the context edits; ScenarioEditor edits the rest).
#include "contexteditor.h"
#include "ctxscope/session/session.h"
#include "raceoutcomes.h"
#include "scenariofiles.h"
#include "simulationrunner.h"

#include <QObject>
#include <QPointer>
#include <QtQml/qqmlregistration.h>

#include <algorithm>
#include <memory>

namespace ctxscope {

class Document : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString filePath READ filePath NOTIFY fileChanged)
    Q_PROPERTY(QString displayName READ displayName NOTIFY fileChanged)
    Q_PROPERTY(bool modified READ isModified NOTIFY modifiedChanged)
    Q_PROPERTY(QString scenarioName READ scenarioName NOTIFY simulated)
    Q_PROPERTY(bool canUndo READ canUndo NOTIFY undoStateChanged)
    Q_PROPERTY(bool canRedo READ canRedo NOTIFY undoStateChanged)
    Q_PROPERTY(QString undoText READ undoText NOTIFY undoStateChanged)
    Q_PROPERTY(QString redoText READ redoText NOTIFY undoStateChanged)
    Q_PROPERTY(double time READ time NOTIFY playheadChanged) // ns (G6: double in QML)
    Q_PROPERTY(QString timeText READ timeText NOTIFY playheadChanged)
    Q_PROPERTY(int appliedEvents READ appliedEvents NOTIFY playheadChanged)
    Q_PROPERTY(QString lastEventText READ lastEventText NOTIFY playheadChanged)
    Q_PROPERTY(int revision READ revision NOTIFY simulated)
    // Predict mode (issue #10): the learner predicts how the run ends before seeing it, so the
    // views hide every outcome while it is on. It belongs to the document (Session::predicting):
    // a new or opened document starts without it.
    Q_PROPERTY(bool predicting READ predicting WRITE setPredicting NOTIFY predictingChanged)
    // The scenario was opened with an exercise (kept as loaded, for "Reset exercise").
    Q_PROPERTY(bool hasShippedExercise READ hasShippedExercise NOTIFY fileChanged)
    Q_PROPERTY(ctxscope::SimulationRunner* run READ run CONSTANT)
    Q_PROPERTY(ctxscope::RaceOutcomes* outcomes READ outcomes CONSTANT)
    Q_PROPERTY(ctxscope::ScenarioFiles* files READ files CONSTANT)
    Q_PROPERTY(ctxscope::ContextEditor* contexts READ contexts CONSTANT)

public:
    explicit Document(QObject* parent = nullptr);
    ~Document() override = default; // the runner stops its worker, the files remove the recovery copy

    SimulationRunner* run() const { return m_run.get(); }
    RaceOutcomes* outcomes() const { return m_run->outcomes(); }
    ScenarioFiles* files() const { return m_files.get(); }
    ContextEditor* contexts() const { return m_contexts.get(); }

    // Read access for the C++ views and tests: the scenario on screen and its run. While a job
    // runs (or after a cancelled one, see SimulationRunner::stale) the scenario being edited is
    // ahead of them.
    const Scenario& scenario() const { return m_run->shownScenario() ? *m_run->shownScenario() : m_session.scenario(); }
    const Scenario& editedScenario() const { return m_session.scenario(); }
    const Session& session() const { return m_session; }
    // View state is the Session's (one owner per fact); views change it here and hear viewStateChanged.
    void select(Selection s) { m_session.select(std::move(s)); Q_EMIT viewStateChanged(); }
    void setCollapsed(const std::vector<std::string>& ids, bool on) { m_session.setCollapsed(ids, on); Q_EMIT viewStateChanged(); }
    const SimulationResult& result() const { return m_run->result(); }
    std::shared_ptr<const SimulationResult> sharedResult() const { return m_run->sharedResult(); }
    const Playback& playback() const { return m_run->playback(); }
    Nanos timeNanos() const { return m_session.playhead(); }

    QString filePath() const { return m_filePath; }
    QString displayName() const;
    bool isModified() const { return !m_session.isClean() || m_dirtyWithoutUndo; }
    QString scenarioName() const { return QString::fromStdString(m_session.scenario().name); }
    bool canUndo() const { return m_session.history().canUndo(); }
    bool canRedo() const { return m_session.history().canRedo(); }
    QString undoText() const;
    QString redoText() const;
    double time() const { return static_cast<double>(m_session.playhead()); }
    QString timeText() const;
    int appliedEvents() const { return static_cast<int>(playback().appliedEvents()); }
    QString lastEventText() const;
    int revision() const { return m_revision; }
    bool predicting() const { return m_session.predicting(); }
    void setPredicting(bool on);
    // The scenario as it was opened, when it holds an exercise (null otherwise): what "Reset
    // exercise" restores (edits::replaceLists, one undo step).
    const Scenario* shippedScenario() const { return m_shipped.get(); }
    bool hasShippedExercise() const { return m_shipped != nullptr; }

    // setScenario replaces the whole scenario (a new or opened document): the undo history is
    // cleared, the playhead goes to 0 and the document is unmodified. (ScenarioFiles::
    // replaceScenario does the same for a big one, simulated on the worker first.)
    void setScenario(Scenario scenario, const QString& filePath) { replaceWith(std::move(scenario), filePath, nullptr); }
    // setUntitledName names a document that has no file (a lesson: its title) until it is
    // saved or replaced; "" gives back "untitled".
    Q_INVOKABLE void setUntitledName(const QString& name);
    // applyEdit validates the patched scenario and, if it is valid, pushes the edit on the undo
    // stack (which applies it). On failure nothing changes and *error says why.
    bool applyEdit(const QString& text, const edits::EditResult& edit, QString* error);

    // Playhead (SimulationRunner::seekTime, seekEvents). Seeking never re-simulates: it replays
    // the cached events. seekEvents shows exactly the first `count` events.
    Q_INVOKABLE void seekTime(double nanos) { m_run->seekTime(static_cast<Nanos>(nanos)); Q_EMIT playheadChanged(); }
    Q_INVOKABLE void seekEvents(int count) { m_run->seekEvents(static_cast<std::size_t>(std::max(0, count))); Q_EMIT playheadChanged(); }
    Q_INVOKABLE bool stepForward() { return seekBy(1); } // shows exactly one more event
    Q_INVOKABLE bool stepBack() { return seekBy(-1); }   // shows one event fewer
    Q_INVOKABLE void restart() { seekTime(0); }
    Q_INVOKABLE void seekEnd() { seekTime(static_cast<double>(result().endTime)); }

    Q_INVOKABLE void undo();
    Q_INVOKABLE void redo();
    // markClean forgets the unsaved state without saving (used after "Discard").
    Q_INVOKABLE void markClean();

Q_SIGNALS:
    void fileChanged();
    void modifiedChanged();
    void undoStateChanged();
    void playheadChanged();
    void simulated();
    void predictingChanged();
    void viewStateChanged();

private:
    // The parts change what only the document may: the file it is (a new one, a saved one),
    // and the history when a cancelled job takes edits back.
    friend class SimulationRunner;
    friend class ScenarioFiles;
    void replaceWith(Scenario scenario, const QString& filePath, SimulationJob* ran); // ran: its run, or null
    void savedAs(const QString& filePath);
    void markUnsaved() { m_dirtyWithoutUndo = true; Q_EMIT modifiedChanged(); } // recovered work
    void historyChanged(); // undo state, modified, autosave
    void moveInHistory(bool back); // undo (back) or redo
    bool seekBy(int events);       // false past either end of the run

    Session m_session; // the scenario being edited (the latest), its history, the playhead
    std::unique_ptr<const Scenario> m_shipped; // the exercise as opened (see shippedScenario)
    QString m_filePath;
    QString m_untitledName; // displayName while there is no file; "" means "untitled"
    int m_revision = 0;
    bool m_dirtyWithoutUndo = false; // recovered content never saved
    // Destroyed in reverse: the runner (waiting for its worker) before the files (removing the
    // recovery file after any autosave the worker did).
    std::unique_ptr<ScenarioFiles> m_files;
    std::unique_ptr<ContextEditor> m_contexts;
    std::unique_ptr<SimulationRunner> m_run;
};

// followDocument is how a view attaches to a document: it drops its connections to the old one,
// then calls onSimulated whenever the new one is simulated again and onPlayhead (if given)
// whenever its playhead moves. It returns false, changing nothing, when next is already current.
template <typename View>
bool followDocument(View* view, QPointer<Document>& current, Document* next, void (View::*onSimulated)(),
                    void (View::*onPlayhead)() = nullptr) {
    if (next == current)
        return false;
    if (current)
        QObject::disconnect(current, nullptr, view, nullptr);
    current = next;
    if (current)
        QObject::connect(current, &Document::simulated, view, onSimulated);
    if (current && onPlayhead)
        QObject::connect(current, &Document::playheadChanged, view, onPlayhead);
    return true;
}

} // namespace ctxscope
