#include "simulationjob.h"

#include <QElapsedTimer>

namespace ctxscope {

std::shared_ptr<SimulationJob> SimulationJob::resimulate(Scenario scenario, QString what) {
    std::shared_ptr<SimulationJob> job(new SimulationJob);
    job->m_kind = Kind::Resimulate;
    job->m_what = std::move(what);
    job->m_input = std::make_unique<Scenario>(std::move(scenario));
    return job;
}

std::shared_ptr<SimulationJob> SimulationJob::replace(Source source, QString filePath, QString what) {
    std::shared_ptr<SimulationJob> job(new SimulationJob);
    job->m_kind = Kind::Replace;
    job->m_what = std::move(what);
    job->m_filePath = std::move(filePath);
    job->m_source = std::move(source);
    return job;
}

void SimulationJob::clear() {
    races.reset();
    racesNote.clear();
    scenario.reset();
    playback.reset(); // it points into result: first
    result.reset();
}

bool SimulationJob::step(const std::function<bool()>& keepGoing) {
    if (!m_input) {
        // Replace: make the scenario first. A source cannot be interrupted (a file is read and
        // checked whole), so a cancel during it is seen right after.
        m_phase.store(Phase::Reading);
        auto made = std::make_unique<Scenario>();
        QStringList why;
        if (!m_source(made.get(), &why)) {
            problems = why.isEmpty() ? QStringList{QStringLiteral("%1: could not be loaded").arg(m_filePath)} : why;
            m_phase.store(Phase::Done);
            return true;
        }
        m_input = std::move(made);
    }
    if (!keepGoing())
        return false;
    m_phase.store(Phase::Simulating);
    SimulationOptions options;
    options.progress = [this, &keepGoing](std::size_t events, Nanos now) {
        m_events.store(events);
        m_now.store(now);
        return keepGoing();
    };
    auto r = std::make_unique<SimulationResult>(simulate(*m_input, options));
    // A finished run is kept even if it overran a budget: only a cancel throws it away.
    if (r->aborted || isCancelled())
        return false;
    m_events.store(r->events.size());
    m_now.store(r->endTime);
    if (m_explore.enabled && !explore(keepGoing))
        return false;
    // Building the playback's checkpoints is a pass over every event: part of the job too.
    m_phase.store(Phase::Preparing);
    auto p = std::make_unique<Playback>(*r);
    if (isCancelled())
        return false;
    result = std::move(r);
    playback = std::move(p);
    if (m_keepScenario)
        scenario = std::move(m_input);
    else if (!m_afterRun)
        m_input.reset(); // else run() hands it to afterRun
    m_phase.store(Phase::Done);
    return true;
}

bool SimulationJob::explore(const std::function<bool()>& keepGoing) {
    const std::size_t subjects = m_input->contexts.size() + m_input->tasks.size();
    if (subjects > m_explore.maxSubjects) {
        racesNote = QStringLiteral("Races not explored: %1 contexts and tasks is more than %2; the run shown is the "
                                   "documented order, one of the outcomes Go can produce.")
                        .arg(subjects)
                        .arg(m_explore.maxSubjects);
        return true;
    }
    m_phase.store(Phase::Exploring);
    QElapsedTimer clock;
    clock.start();
    const auto budget = static_cast<qint64>(m_explore.budget.count());
    RaceOptions options;
    options.maxOrders = m_explore.maxOrders;
    bool stopped = false; // by keepGoing (a cancel, runFor's budget), not by the exploration's own bound
    options.keepGoing = [&](std::size_t orders) {
        m_orders.store(orders);
        if (!keepGoing()) {
            stopped = true;
            return false;
        }
        return clock.elapsed() < budget;
    };
    auto explored = std::make_shared<RaceExploration>(exploreRaces(*m_input, options));
    if (stopped || !keepGoing())
        return false;
    if (!explored->complete && explored->incomplete.empty())
        explored->incomplete = "the app's time budget";
    races = std::move(explored);
    return true;
}

void SimulationJob::run(const std::function<void()>& finished) {
    if (!step([this] { return !isCancelled(); }) || isCancelled()) {
        // Cancelled: free what was made here, on the worker, not on the GUI thread.
        clear();
        m_phase.store(Phase::Done);
    }
    std::unique_ptr<Scenario> input = std::move(m_input);
    if (finished)
        finished();
    // Ran or cancelled, the edit was made: its recovery copy is written (numbered when it was
    // asked for, so it never overwrites a later one).
    if (input && m_afterRun)
        m_afterRun(*input);
}

bool SimulationJob::runFor(std::chrono::milliseconds budget) {
    QElapsedTimer clock;
    clock.start();
    const auto limit = static_cast<qint64>(budget.count());
    if (step([this, &clock, limit] { return !isCancelled() && clock.elapsed() < limit; }))
        return true;
    clear(); // as new: m_input (the scenario, made or given) is kept for run()
    m_events.store(0);
    m_now.store(0);
    m_orders.store(0);
    m_phase.store(Phase::Queued);
    return false;
}

} // namespace ctxscope
