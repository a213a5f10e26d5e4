#pragma once
// SimulationRunner: a Document's runs (design.md: simulate() is the only source of events; this
// only decides where and when it is called, and which run the views show).
//
// Slow jobs (issue #14): a small scenario is simulated at once on the GUI thread, so an edit is
// on screen when applyEdit returns. A big one (contexts + tasks >= asyncThreshold, or a small one
// that overran syncBudget) is simulated on the worker thread (a SimulationJob) while the views go
// on showing the last run and the scenario it came from: scenario(), result() and playback()
// always belong together. busy tells a job is running; jobVisible, once it has run for ~300 ms,
// that a progress line with a Cancel button should show. A newer change cancels the running job
// and starts its own: only the job for the latest scenario is ever shown. Opening a big file
// (ScenarioFiles::openFile, replaceScenario) reads, checks and simulates it on the worker too,
// and replaces the document only once all of it is done.
//
// The summary numbers of the run on screen (events, end, contexts, ...) are here too.
#include "ctxscope/engine/playback.h"
#include "ctxscope/engine/scenario.h"
#include "ctxscope/engine/simulation.h"
#include "raceoutcomes.h"
#include "simulationjob.h"

#include <QElapsedTimer>
#include <QObject>
#include <QThreadPool>
#include <QTimer>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

#include <chrono>
#include <functional>
#include <memory>

namespace ctxscope {

class Document;
class Session;

class SimulationRunner : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("a Document's runs: document.run")
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
    // The run on screen.
    Q_PROPERTY(int eventCount READ eventCount NOTIFY shown)
    Q_PROPERTY(double endTime READ endTime NOTIFY shown)
    Q_PROPERTY(QString endTimeText READ endTimeText NOTIFY shown)
    // How far the playhead may go: past the last event, so that there is time to act in
    // (cancel at 900ms) even in a scenario where nothing happens after 0.
    Q_PROPERTY(double timelineEnd READ timelineEnd NOTIFY shown)
    Q_PROPERTY(QString timelineEndText READ timelineEndText NOTIFY shown)
    Q_PROPERTY(int contextCount READ contextCount NOTIFY shown)
    Q_PROPERTY(int taskCount READ taskCount NOTIFY shown)
    Q_PROPERTY(int lintCount READ lintCount NOTIFY shown)
    // The scenario's timed user actions, [{t: ns, end: ns, text: "cancel pool"}], for marks on the
    // play bar. Actions in the same 1/kActionMarkSpan of the axis share one mark, from the
    // earliest (t) to the latest (end), whose text lists a few and counts the rest: a mark is a
    // QML item, and a generated scenario of 10^6 contexts has 10^4 actions, which as items took
    // a second to make. (A slot is narrower than a mark, so the merged mark covers the same
    // pixels as the marks it stands for.)
    Q_PROPERTY(QVariantList actionMarks READ actionMarks NOTIFY shown)

public:
    // session is the document's; the runner keeps the scenario on screen apart from it while a
    // newer one is simulated.
    SimulationRunner(Document& document, Session& session);
    ~SimulationRunner() override;

    const Scenario* shownScenario() const { return m_shown.get(); } // null: the session's
    const SimulationResult& result() const { return *m_result; }
    std::shared_ptr<const SimulationResult> sharedResult() const { return m_result; }
    const Playback& playback() const { return *m_playback; }
    RaceOutcomes* outcomes() const { return m_outcomes; }

    bool busy() const { return m_job != nullptr; }
    bool jobVisible() const { return m_job && m_jobVisible; }
    QString jobText() const;
    QString cancelHint() const;
    QString jobDetail() const;
    double jobFraction() const;
    bool isStale() const { return m_stale; }

    int eventCount() const { return static_cast<int>(m_result->events.size()); }
    double endTime() const { return static_cast<double>(m_result->endTime); }
    QString endTimeText() const;
    double timelineEnd() const { return static_cast<double>(timelineEndNanos()); }
    QString timelineEndText() const;
    Nanos timelineEndNanos() const;
    int contextCount() const { return static_cast<int>(m_result->contexts.size()); }
    int taskCount() const { return static_cast<int>(m_result->tasks.size()); }
    int lintCount() const { return static_cast<int>(m_result->lints.size()); }
    QVariantList actionMarks() const;
    static constexpr int kActionMarkSpan = 600;   // marks at most per axis (each 3 px wide)
    static constexpr int kActionMarkLines = 5;    // actions named in one mark's text

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
    // Whether exploring runs with each simulation (on by default; tests of other things may
    // turn it off), and its bounds.
    void setExploreLimits(bool enabled, std::size_t maxSubjects, std::size_t maxOrders, std::chrono::milliseconds budget);

    // --- for the Document and its files
    // The playhead over the run on screen (the session keeps it): seekTime clamps t to the
    // timeline; seekEvents shows exactly the first n events, the clock at the last one's time.
    void seekTime(Nanos t);
    void seekEvents(std::size_t n);
    bool isLarge(const Scenario& s) const;
    // resimulate simulates the session's scenario here and shows it: only for one that is on
    // screen already or tiny (a new document), since the caller wants it shown when this returns.
    void resimulate();
    // Every change of the session's scenario (edit, undo, redo) goes between these two: before
    // keeps the scenario on screen for the views, after simulates the new one (what names it).
    // beforeEdit is beforeChange for a new edit, which drops the redo entries above it.
    void beforeEdit();
    void beforeChange();
    void afterChange(const QString& what);
    // startJob runs job: at once if it is small (returns after showing it) or on the worker.
    void startJob(std::shared_ptr<SimulationJob> job, bool small);
    // dropJob cancels the running job, if any, without touching the document.
    void dropJob();
    // reset shows a new document's run: the one ran (a finished Replace job) or, when null, a
    // simulation made here. A job still running for the old document is cancelled.
    void reset(SimulationJob* ran);
    // jobAutosaves: the running job writes the recovery copy from its own (recoveryOnWorker).
    bool jobAutosaves() const { return m_job && m_job->hasAfterRun(); }
    // onWorker runs work on the worker thread, after the job there (~SimulationRunner waits).
    void onWorker(std::function<void()> work) { m_worker.start(std::move(work)); }

Q_SIGNALS:
    void jobChanged();
    void jobProgressChanged();
    // Another run is on screen (a new one, or another outcome of the same), at the playhead.
    void shown();

private:
    void jobFinished(const std::shared_ptr<SimulationJob>& job);
    void adopt(SimulationJob& job); // a finished job's outcome becomes the document
    void show(SimulationJob& job);  // a finished job's run and its exploration
    // display puts one run on screen (a new one, or another outcome of the same) at the playhead.
    void display(std::shared_ptr<const SimulationResult> result, std::unique_ptr<Playback> playback);
    SimulationJob::ExploreLimits exploreLimits() const;

    Document& m_document;
    Session& m_session;                // the scenario being edited (the latest), its history, the playhead
    std::unique_ptr<Scenario> m_shown; // set while the views show an older scenario
    std::shared_ptr<const SimulationResult> m_result; // the run on screen (shared with exports)
    std::unique_ptr<Playback> m_playback;
    RaceOutcomes* m_outcomes;
    bool m_explore = true;
    std::size_t m_exploreSubjects = 2000;
    std::size_t m_exploreOrders = 2000;
    std::chrono::milliseconds m_exploreBudget{3000};
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
    QThreadPool m_worker; // one thread; ~SimulationRunner cancels and waits for it
};

} // namespace ctxscope
