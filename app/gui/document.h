#pragma once
// Document: the Qt bridge over a Session (core, no Qt: the scenario being edited, its history of
// patches, the playhead and view state), plus the file it came from and the simulation of it.
// Every edit is checked and recorded by the Session (Session::edit, one undo step each); after
// each edit (and each undo/redo) the scenario is simulated again and the views are told. Nothing
// here simulates anything itself: simulate() is the only source of events (design.md).
//
// Slow jobs (issue #14): a small scenario is simulated at once on the GUI thread, so an edit is
// on screen when applyEdit returns. A big one (contexts + tasks >= asyncThreshold, or a small one
// that overran syncBudget) is simulated on the document's worker thread (a SimulationJob) while
// the views go on showing the last run and the scenario it came from: scenario(), result() and
// playback() always belong together. busy tells a job is running; jobVisible, once it has run
// for ~300 ms, that a progress line with a Cancel button should show. A newer change cancels the
// running job and starts its own: only the job for the latest scenario is ever shown. Opening a
// big file (openFile, replaceScenario) reads, checks and simulates it on the worker too, and
// replaces the document only once all of it is done.
#include "ctxscope/engine/playback.h"
#include "ctxscope/engine/scenario.h"
#include "ctxscope/engine/simulation.h"
#include "ctxscope/session/session.h"
#include "raceview.h"
#include "simulationjob.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QThreadPool>
#include <QTimer>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

#include <chrono>
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
    Q_PROPERTY(double time READ time NOTIFY playheadChanged)            // ns (G6: double in QML)
    Q_PROPERTY(QString timeText READ timeText NOTIFY playheadChanged)
    Q_PROPERTY(int appliedEvents READ appliedEvents NOTIFY playheadChanged)
    Q_PROPERTY(QString lastEventText READ lastEventText NOTIFY playheadChanged)
    Q_PROPERTY(int eventCount READ eventCount NOTIFY simulated)
    Q_PROPERTY(double endTime READ endTime NOTIFY simulated)
    Q_PROPERTY(QString endTimeText READ endTimeText NOTIFY simulated)
    // How far the playhead may go: past the last event, so that there is time to act in
    // (cancel at 900ms) even in a scenario where nothing happens after 0.
    Q_PROPERTY(double timelineEnd READ timelineEnd NOTIFY simulated)
    Q_PROPERTY(QString timelineEndText READ timelineEndText NOTIFY simulated)
    Q_PROPERTY(int contextCount READ contextCount NOTIFY simulated)
    Q_PROPERTY(int taskCount READ taskCount NOTIFY simulated)
    Q_PROPERTY(int lintCount READ lintCount NOTIFY simulated)
    Q_PROPERTY(int revision READ revision NOTIFY simulated)
    // The scenario's timed user actions, [{t: ns, text: "cancel pool"}], for marks on the timeline.
    Q_PROPERTY(QVariantList actionMarks READ actionMarks NOTIFY simulated)
    Q_PROPERTY(QString recoveryPath READ recoveryPath WRITE setRecoveryPath NOTIFY recoveryPathChanged)
    // A slow job (see above). jobText: what runs ("Simulating after Derive WithTimeout");
    // jobDetail: how far it got; jobFraction: 0..1, or -1 when there is no telling;
    // cancelHint: what Cancel will do. stale: the views show an older run than the scenario.
    Q_PROPERTY(bool busy READ busy NOTIFY jobChanged)
    Q_PROPERTY(bool jobVisible READ jobVisible NOTIFY jobProgressChanged)
    Q_PROPERTY(QString jobText READ jobText NOTIFY jobChanged)
    Q_PROPERTY(QString cancelHint READ cancelHint NOTIFY jobChanged)
    Q_PROPERTY(QString jobDetail READ jobDetail NOTIFY jobProgressChanged)
    Q_PROPERTY(double jobFraction READ jobFraction NOTIFY jobProgressChanged)
    Q_PROPERTY(bool stale READ isStale NOTIFY jobChanged)
    // Predict mode (issue #10): the learner predicts how the run ends before seeing it, so the
    // views hide every outcome while it is on. It belongs to the document (Session::predicting):
    // a new or opened document starts without it.
    Q_PROPERTY(bool predicting READ predicting WRITE setPredicting NOTIFY predictingChanged)
    // The scenario was opened with an exercise (kept as loaded, for "Reset exercise").
    Q_PROPERTY(bool hasShippedExercise READ hasShippedExercise NOTIFY fileChanged)
    // Races (issue #13, spec/trace.md "Races"): each simulation also explores the other orders
    // Go may run the scenario in. outcome (0-based; 0 is the documented order) is the one every
    // view shows: view state owned here, switching it swaps the run on screen as a
    // re-simulation does, keeping the playhead. outcomeText "outcome 1 of 3"; outcomeDetail how
    // its order differs and what is raced; racesNote why the exploration is partial or missing;
    // raceMarks [{t, text}] the instants where a race decided something.
    Q_PROPERTY(int outcome READ outcome WRITE setOutcome NOTIFY outcomeChanged)
    Q_PROPERTY(int outcomeCount READ outcomeCount NOTIFY outcomeChanged)
    Q_PROPERTY(QString outcomeText READ outcomeText NOTIFY outcomeChanged)
    Q_PROPERTY(QString outcomeDetail READ outcomeDetail NOTIFY outcomeChanged)
    Q_PROPERTY(QString racesNote READ racesNote NOTIFY outcomeChanged)
    Q_PROPERTY(QVariantList raceMarks READ raceMarks NOTIFY outcomeChanged)

public:
    explicit Document(QObject* parent = nullptr);
    ~Document() override;

    // Read access for the C++ views and tests: the scenario on screen and its run. While a job
    // runs (or after a cancelled one, see stale) the scenario being edited is ahead of them.
    const Scenario& scenario() const { return m_shown ? *m_shown : m_session.scenario(); }
    const Scenario& editedScenario() const { return m_session.scenario(); }
    const Session& session() const { return m_session; }
    // View state is the Session's (one owner per fact): the selection and the collapsed
    // contexts. Views change it here and hear viewStateChanged; a new document starts without.
    void select(Selection s) { m_session.select(std::move(s)); Q_EMIT viewStateChanged(); }
    void setCollapsed(const std::vector<std::string>& contextIds, bool on) {
        for (const std::string& id : contextIds)
            m_session.setCollapsed(id, on);
        Q_EMIT viewStateChanged();
    }
    const SimulationResult& result() const { return *m_result; }
    std::shared_ptr<const SimulationResult> sharedResult() const { return m_result; }
    const Playback& playback() const { return *m_playback; }
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
    int appliedEvents() const { return static_cast<int>(m_playback->appliedEvents()); }
    QString lastEventText() const;
    int eventCount() const { return static_cast<int>(m_result->events.size()); }
    double endTime() const { return static_cast<double>(m_result->endTime); }
    QString endTimeText() const;
    double timelineEnd() const { return static_cast<double>(timelineEndNanos()); }
    QString timelineEndText() const;
    Nanos timelineEndNanos() const;
    int contextCount() const { return static_cast<int>(m_result->contexts.size()); }
    int taskCount() const { return static_cast<int>(m_result->tasks.size()); }
    int lintCount() const { return static_cast<int>(m_result->lints.size()); }
    int revision() const { return m_revision; }
    QVariantList actionMarks() const;
    QString recoveryPath() const { return m_recoveryPath; }
    void setRecoveryPath(const QString& path);

    bool busy() const { return m_job != nullptr; }
    bool jobVisible() const { return m_job && m_jobVisible; }
    QString jobText() const;
    QString cancelHint() const;
    QString jobDetail() const;
    double jobFraction() const;
    bool isStale() const { return m_stale; }
    bool predicting() const { return m_session.predicting(); }
    void setPredicting(bool on);
    // The scenario as it was opened, when it holds an exercise (null otherwise): what "Reset
    // exercise" restores (edits::replaceLists, one undo step).
    const Scenario* shippedScenario() const { return m_shipped.get(); }
    bool hasShippedExercise() const { return m_shipped != nullptr; }

    int outcome() const { return static_cast<int>(m_outcome); }
    void setOutcome(int k);
    int outcomeCount() const { return static_cast<int>(m_races.outcomeCount()); }
    QString outcomeText() const { return m_races.outcomeText(m_outcome); }
    QString outcomeDetail() const { return m_races.outcomeDetail(m_outcome); }
    QString racesNote() const { return m_racesNote.isEmpty() ? m_races.status() : m_racesNote; }
    QVariantList raceMarks() const { return m_races.marks(); }
    const RaceView& races() const { return m_races; }
    // next/previousOutcome step through the outcomes, round (the switcher's buttons and keys).
    Q_INVOKABLE void nextOutcome();
    Q_INVOKABLE void previousOutcome();
    // raceNote: what raced to decide a subject's fact ("" when nothing did): kind "context",
    // "task", "after_func"; field the report's name (err, cause, done_ns, result, ended_ns, ...)
    // or "" for all of the subject's raced facts, one a line.
    Q_INVOKABLE QString raceNote(const QString& kind, const QString& id, const QString& field = {}) const;
    // racedValues: every value Go can give one field of a subject, over all outcomes, as the
    // "expect" syntax spells it (expectations.h actualValue: err, cause, done_at, deadline,
    // result, ended_at, ran_at, stopped, value, ...): strings, booleans, null. One value when
    // nothing raced; none for no such subject or field. Predict grades a guess against it.
    Q_INVOKABLE QVariantList racedValues(const QString& kind, const QString& id, const QString& field) const;
    std::vector<Scalar> racedScalars(const Expectation& subject, const std::string& field) const;
    // Whether exploring runs with each simulation (on by default; tests of other things may
    // turn it off), and its bounds.
    void setExploreLimits(bool enabled, std::size_t maxSubjects, std::size_t maxOrders, std::chrono::milliseconds budget);
    // cancelJob stops the running job. A new document (open, generate, recover) is then not
    // opened, the old one untouched. A re-simulation after edits takes the edits back: they are
    // undone to the scenario on screen (the run we already have), so the document is again what
    // the views show, and Redo brings them back, so nothing is lost. Only when that scenario is no
    // longer on the undo stack (undone below it, then a new edit, all while it ran) do the edits
    // stay, with stale set ("not simulated") until simulateNow() or the next edit.
    Q_INVOKABLE void cancelJob();
    // simulateNow simulates the edited scenario again (after a cancel left it stale).
    Q_INVOKABLE void simulateNow();
    // Tuning for tests: scenarios with at least `contexts + tasks` go to the worker at once;
    // smaller ones are tried here and go to the worker after `budget`. waitForJob spins the
    // event loop until no job runs (false after timeout).
    void setJobLimits(std::size_t asyncThreshold, std::chrono::milliseconds budget);
    bool waitForJob(int timeoutMs);

    // setScenario replaces the whole scenario (a new or opened document): the undo history is
    // cleared, the playhead goes to 0 and the document is unmodified.
    void setScenario(Scenario scenario, const QString& filePath);
    // replaceScenario does the same, but a big scenario is simulated on the worker first: the
    // document changes only when it is done (then opened() is emitted), and not at all if the
    // job is cancelled. `what` names it for the progress line ("Generating 300,000 contexts").
    void replaceScenario(Scenario scenario, const QString& filePath, const QString& what);
    // generateScenario (--generate N) makes the scenario on the worker as well.
    Q_INVOKABLE void openGenerated(int contexts);
    // setUntitledName names a document that has no file (a lesson: its title) until it is
    // saved or replaced; "" gives back "untitled".
    Q_INVOKABLE void setUntitledName(const QString& name);
    // applyEdit validates the patched scenario and, if it is valid, pushes the edit on the undo
    // stack (which applies it). On failure nothing changes and *error says why.
    bool applyEdit(const QString& text, const edits::EditResult& edit, QString* error);

    // Files. openFile returns the problems found (formatted as spec/cli.md asks); empty means
    // the file is now the document, or, for a file of syncOpenBytes or more, that it is being
    // opened on the worker: opened() or openFailed() tells how that went. save/saveAs return an
    // error message, empty on success.
    Q_INVOKABLE QStringList openFile(const QString& pathOrUrl);
    Q_INVOKABLE QString save();
    Q_INVOKABLE QString saveAs(const QString& pathOrUrl);
    Q_INVOKABLE void newScenario();
    Q_INVOKABLE bool loadDefaultExample();
    Q_INVOKABLE QString serialized() const;

    // Crash recovery: an autosave of every edit, removed when the document is saved or closed.
    Q_INVOKABLE bool hasRecovery() const;
    Q_INVOKABLE QStringList recover();
    Q_INVOKABLE void discardRecovery();

    // Playhead. Seeking never re-simulates: it replays the cached events.
    Q_INVOKABLE void seekTime(double nanos);
    Q_INVOKABLE bool stepForward();   // shows exactly one more event
    Q_INVOKABLE bool stepBack();      // shows one event fewer
    Q_INVOKABLE void restart();
    // seekEvents shows exactly the first `count` events, the clock at the last one's time.
    Q_INVOKABLE void seekEvents(int count);
    Q_INVOKABLE void seekEnd();

    // Edits at the playhead (each returns an error message, empty on success).
    Q_INVOKABLE QString derive(const QString& parentId, const QString& kind, const QVariantMap& params);
    Q_INVOKABLE QString addRoot();
    Q_INVOKABLE QString startTask(const QString& contextId, const QVariantMap& spec);
    Q_INVOKABLE QString addAfterFunc(const QString& contextId, const QVariantMap& spec);
    Q_INVOKABLE QString cancelContext(const QString& contextId, const QVariant& cause);
    Q_INVOKABLE QString stopAfterFunc(const QString& afterFuncId);
    Q_INVOKABLE QString renameContext(const QString& contextId, const QString& label);
    Q_INVOKABLE QString renameScenario(const QString& name);
    // editParameters changes what a scenario context was made with (timeout, deadline, cause,
    // key, value, keyType, read as derive() reads them), keeping its id, label, children and
    // tasks: one undo step. contextParameters gives the current ones as derive() takes them,
    // plus kind, parent, at, label and hasParams; {ok: false, error} for no such context.
    Q_INVOKABLE QString editParameters(const QString& contextId, const QVariantMap& params);
    Q_INVOKABLE QVariantMap contextParameters(const QString& contextId) const;
    Q_INVOKABLE QVariantMap deletionSummary(const QString& contextId) const;
    Q_INVOKABLE QString deleteContext(const QString& contextId);
    // contextActions tells the menus what applies to a context: editable (a scenario context,
    // not one a task derives), canCancel, takesCause, hasParams (a timeout, deadline, cause or
    // key/value to edit), kind, created (at the playhead).
    Q_INVOKABLE QVariantMap contextActions(const QString& contextId) const;
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
    void recoveryPathChanged();
    void jobChanged();
    void jobProgressChanged();
    void predictingChanged();
    void viewStateChanged();
    void outcomeChanged();
    // A document opened or made on the worker replaced this one (after openFile of a big file,
    // replaceScenario, openGenerated); openFailed: it could not be read (nothing changed).
    void opened(const QString& filePath);
    void openFailed(const QString& title, const QStringList& problems);

private:
    // Every change of the session's scenario (edit, undo, redo) goes between these two: before
    // keeps the scenario on screen for the views, after simulates the new one.
    void beforeChange();
    void afterChange(const QString& what);
    void historyChanged(); // undo state, modified, autosave
    void resimulate();
    void setPlayhead(Nanos time, std::size_t applied);
    bool isLarge(const Scenario& s) const;
    // startJob runs job: at once if it is small (returns after showing it) or on the worker.
    void startJob(std::shared_ptr<SimulationJob> job, bool small);
    void jobFinished(const std::shared_ptr<SimulationJob>& job);
    void dropJob(); // cancels the running job, if any, without touching the document
    void show(std::unique_ptr<SimulationResult> result, std::unique_ptr<Playback> playback);
    // display puts one run on screen (a new one, or another outcome of the same) at the playhead.
    void display(std::shared_ptr<const SimulationResult> result, std::unique_ptr<Playback> playback);
    void takeRaces(SimulationJob& job); // before show(): the job's exploration
    std::shared_ptr<const SimulationResult> outcomeResult(std::size_t k) const;
    SimulationJob::ExploreLimits exploreLimits() const;
    void adopt(SimulationJob& job); // a finished job's outcome becomes the document
    void keepShownScenario();       // before the session's scenario changes while the views show it
    void replaceWith(Scenario scenario, const QString& filePath, std::unique_ptr<SimulationResult> result,
                     std::unique_ptr<Playback> playback);
    void writeRecovery();
    void recoveryOnWorker(SimulationJob& job); // the job autosaves its copy (big scenarios)
    QString pushEdit(const QString& text, const edits::EditResult& edit);

    Session m_session;                         // the scenario being edited (the latest), its history, the playhead
    std::unique_ptr<Scenario> m_shown;         // set while the views show an older scenario
    std::unique_ptr<const Scenario> m_shipped; // the exercise as opened (see shippedScenario)
    std::shared_ptr<const SimulationResult> m_result; // the run on screen (shared with exports)
    std::unique_ptr<Playback> m_playback;
    std::shared_ptr<const SimulationResult> m_documented; // the last simulation (outcome 0)
    RaceView m_races;
    QString m_racesNote;     // why not explored
    std::size_t m_outcome = 0;
    bool m_explore = true;
    std::size_t m_exploreSubjects = 2000;
    std::size_t m_exploreOrders = 2000;
    std::chrono::milliseconds m_exploreBudget{3000};
    QString m_filePath;
    QString m_recoveryPath;
    QString m_untitledName; // displayName while there is no file; "" means "untitled"
    int m_revision = 0;
    bool m_dirtyWithoutUndo = false; // recovered or generated content never saved
    // Jobs: the one whose outcome will be shown (null when idle), the undo index of the scenario
    // on screen while it runs (-1: no longer on the stack), the edit it is for.
    std::shared_ptr<SimulationJob> m_job;
    int m_shownIndex = -1;
    bool m_stale = false;
    bool m_jobVisible = false;
    std::size_t m_expectedEvents = 0; // the last run's events: a guess at the next one's
    QElapsedTimer m_jobClock;
    QTimer m_progressTimer;
    std::size_t m_asyncThreshold = 20000;
    std::chrono::milliseconds m_syncBudget{250};
    QThreadPool m_worker;            // one thread; ~Document cancels and waits for it
};

// Converts a path or a file: URL given by QML to a local path.
QString localPath(const QString& pathOrUrl);

// followDocument is how a view attaches to a document: it drops its connections to the old one,
// then calls onSimulated whenever the new one is simulated again and onPlayhead (if given)
// whenever its playhead moves. It returns false, changing nothing, when next is already current.
template <typename View>
bool followDocument(View* view, QPointer<Document>& current, Document* next, void (View::*onSimulated)(),
                    void (View::*onPlayhead)() = nullptr)
{
    if (next == current)
        return false;
    if (current)
        QObject::disconnect(current, nullptr, view, nullptr);
    current = next;
    if (current) {
        QObject::connect(current, &Document::simulated, view, onSimulated);
        if (onPlayhead)
            QObject::connect(current, &Document::playheadChanged, view, onPlayhead);
    }
    return true;
}

} // namespace ctxscope

