#pragma once
// SimulationJob: the slow part of one document change (issue #14, "the GUI never freezes"):
// read and check a file (or make a scenario), simulate it, build its Playback. The Document
// makes one per change; a small one runs at once on the GUI thread (runFor with a budget), a big
// one (or a small one that overran its budget) on the Document's worker thread, while the GUI
// thread reads the progress counters and may cancel. The job owns everything it reads and
// writes, so the GUI can go on (and even edit) meanwhile; the Document takes the outcome only
// from the job it is still waiting for, so a superseded or cancelled run is never shown.
#include "ctxscope/engine/playback.h"
#include "ctxscope/engine/races.h"
#include "ctxscope/engine/scenario.h"
#include "ctxscope/engine/simulation.h"

#include <QString>
#include <QStringList>

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>

namespace ctxscope {

class SimulationJob {
public:
    enum class Kind {
        Resimulate, // an edit, undo or redo: the document's scenario simulated again
        Replace,    // a new document (open, generate, recover): nothing changes until it is done
    };
    enum class Phase { Queued, Reading, Simulating, Exploring, Preparing, Done };

    // A source makes the scenario of a Replace job on the worker (reads and checks a file,
    // generates one); it returns false with the problems when there is none.
    using Source = std::function<bool(Scenario* out, QStringList* problems)>;

    // resimulate: simulate `scenario` (a copy the job owns). what names the change ("Derive
    // WithTimeout") for the progress line.
    static std::shared_ptr<SimulationJob> resimulate(Scenario scenario, QString what);
    // replace: make the scenario with source, then simulate it; filePath is the new document's
    // file ("" for none).
    static std::shared_ptr<SimulationJob> replace(Source source, QString filePath, QString what);

    // run does the whole job (on any thread). A cancelled job stops at the next progress call
    // and drops what it made.
    // finished is called once the run is over (before afterRun), on the worker.
    void run(const std::function<void()>& finished = {});
    // runFor does the job on the calling thread but gives up once it has run `budget` (the engine
    // is asked every SimulationOptions::kProgressEvery events): true when done, false when it
    // gave up, and then the job is as new and may be run() elsewhere.
    bool runFor(std::chrono::milliseconds budget);

    void cancel() { m_cancelled.store(true); }
    bool isCancelled() const { return m_cancelled.load(); }

    // Progress, readable from any thread while it runs.
    Phase phase() const { return m_phase.load(); }
    std::size_t events() const { return m_events.load(); }
    Nanos virtualTime() const { return m_now.load(); }

    Kind kind() const { return m_kind; }
    const QString& what() const { return m_what; }
    const QString& filePath() const { return m_filePath; }
    // The worker frees the simulated scenario instead of handing it back (the Document already
    // holds the same scenario as its working copy: no second copy to free on the GUI thread).
    void setKeepScenario(bool keep) { m_keepScenario = keep; }
    // afterRun is called by run() (not runFor) with the scenario once the run is handed back
    // (run's `finished`): the document's autosave of a big scenario, which takes seconds to
    // write, so an edit is on screen before its recovery copy is written, not after (the write
    // and fsync before the run were a quarter of an edit at 10^5 contexts). Set before run().
    void setAfterRun(std::function<void(const Scenario&)> hook) { m_afterRun = std::move(hook); }
    bool hasAfterRun() const { return static_cast<bool>(m_afterRun); }
    // Races (issue #13): after simulating, explore the other orders Go may run the scenario in
    // (races.h), bounded by maxOrders and by budget (wall time); a scenario with more than
    // maxSubjects contexts + tasks is not explored (racesNote says so). Set before running.
    struct ExploreLimits {
        bool enabled = false;
        std::size_t maxSubjects = 2000;
        std::size_t maxOrders = 2000;
        std::chrono::milliseconds budget{3000};
    };
    void setExplore(ExploreLimits limits) { m_explore = limits; }
    std::size_t orders() const { return m_orders.load(); }
    // The scenario to simulate (Resimulate, or Replace once made); only before run() starts.
    const Scenario* input() const { return m_input.get(); }

    // The outcome, to be read by the thread that waited for the job once it is done. A job that
    // was cancelled, or whose source failed, has no result.
    std::unique_ptr<Scenario> scenario;              // what was simulated
    std::unique_ptr<SimulationResult> result;        // never aborted
    std::unique_ptr<Playback> playback;              // over *result
    QStringList problems;                            // why the source made no scenario
    std::shared_ptr<const RaceExploration> races;    // when explored (outcome 0's result is *result)
    QString racesNote;                               // why it was not explored, "" when it was or not asked
    bool ok() const { return result && playback && scenario; }

private:
    SimulationJob() = default;
    bool step(const std::function<bool()>& keepGoing);
    bool explore(const std::function<bool()>& keepGoing); // false: stopped by keepGoing
    void clear();

    Kind m_kind = Kind::Resimulate;
    QString m_what;
    QString m_filePath;
    Source m_source;
    std::function<void(const Scenario&)> m_afterRun;
    std::unique_ptr<Scenario> m_input; // the scenario to simulate, kept until done (runFor may retry)
    bool m_keepScenario = true;
    ExploreLimits m_explore;
    std::atomic<std::size_t> m_orders{0};
    std::atomic<bool> m_cancelled{false};
    std::atomic<Phase> m_phase{Phase::Queued};
    std::atomic<std::size_t> m_events{0};
    std::atomic<Nanos> m_now{0};
};

} // namespace ctxscope
