// SimulationRunner: where and when a document is simulated, and the run the views show.
#include "simulationrunner.h"

#include "document.h"
#include "eventtext.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QLocale>

#include <algorithm>
#include <limits>
#include <map>

namespace ctxscope {

SimulationRunner::SimulationRunner(Document& document, Session& session)
    : QObject(&document), m_document(document), m_session(session),
      m_outcomes(new RaceOutcomes([this](auto result, auto playback) { display(std::move(result), std::move(playback)); }, this)) {
    // One worker thread: a superseded run stops within kProgressEvery events, and two big runs
    // side by side would only share the same cores and double the memory.
    m_worker.setMaxThreadCount(1);
    m_progressTimer.setInterval(100);
    connect(&m_progressTimer, &QTimer::timeout, this, [this] {
        if (!m_job) {
            m_progressTimer.stop();
            return;
        }
        m_jobVisible = m_jobVisible || m_jobClock.elapsed() >= 300; // "longer than a moment"
        Q_EMIT jobProgressChanged();
    });
}

SimulationRunner::~SimulationRunner() {
    // No crash at exit while a job runs: stop it and wait for the worker (a run stops within
    // kProgressEvery events; reading a file cannot be interrupted and is waited for).
    if (m_job)
        m_job->cancel();
    m_job.reset();
    m_worker.waitForDone();
}

QString SimulationRunner::endTimeText() const { return durationText(m_result->endTime); }
QString SimulationRunner::timelineEndText() const { return durationText(timelineEndNanos()); }

// The axis fits the run: its end plus a quarter, rounded up to 1, 2 or 5 times a power of ten
// (a run that ends at 150ms gets an axis to 200ms), so there is a little time after the last
// event to act in. A run where nothing happens after 0 gets a second.
Nanos SimulationRunner::timelineEndNanos() const {
    const Nanos end = m_result->endTime;
    if (end <= 0)
        return kSecond;
    if (end > std::numeric_limits<Nanos>::max() / 8)
        return end;
    const Nanos want = end + end / 4;
    Nanos step = 1;
    while (step <= want / 10)
        step *= 10;
    for (Nanos m : {1, 2, 5, 10})
        if (step * m >= want)
            return step * m;
    return want;
}

QVariantList SimulationRunner::actionMarks() const {
    const auto& actions = m_session.scenario().actions;
    // Slots of 1/kActionMarkSpan of the axis, in time order: each action joins its slot's mark.
    const Nanos slot = std::max<Nanos>(1, timelineEndNanos() / kActionMarkSpan);
    struct Mark {
        Nanos t = 0, end = 0;
        QStringList lines;
        int more = 0;
    };
    // In time order (file order at one instant, as they run), so a mark's tooltip reads in order
    // and names the earliest of its actions.
    std::vector<std::size_t> order(actions.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&actions](std::size_t a, std::size_t b) { return actions[a].at < actions[b].at; });
    std::map<Nanos, Mark> bySlot;
    for (const std::size_t i : order) {
        const Action& a = actions[i];
        Mark& m = bySlot[a.at / slot];
        if (m.lines.isEmpty() || a.at < m.t)
            m.t = a.at;
        if (m.lines.isEmpty() || a.at > m.end)
            m.end = a.at;
        if (m.lines.size() >= kActionMarkLines) {
            ++m.more;
            continue;
        }
        const QString what = a.op == ActionOp::Cancel ? QStringLiteral("cancel %1") : QStringLiteral("stop %1");
        m.lines << durationText(a.at) + QStringLiteral(": ") + what.arg(QString::fromStdString(a.target)) +
                       (a.cause ? QStringLiteral(" (\"%1\")").arg(QString::fromStdString(*a.cause)) : QString());
    }
    QVariantList marks;
    for (auto& [key, m] : bySlot) {
        if (m.more > 0)
            m.lines << tr("and %n more", nullptr, m.more);
        marks << QVariantMap{{QStringLiteral("t"), static_cast<double>(m.t)},
                             {QStringLiteral("end"), static_cast<double>(m.end)},
                             {QStringLiteral("text"), m.lines.join(QLatin1Char('\n'))}};
    }
    return marks;
}

// --- showing a run ------------------------------------------------------------------------

void SimulationRunner::resimulate() {
    // Exploring the races may take longer than simulating: when it overruns the budget here, the
    // documented run is shown at once and the exploration goes to the worker (a job like an
    // edit's, which shows the same run again with its outcomes).
    auto job = SimulationJob::resimulate(m_session.scenario(), QString());
    job->setKeepScenario(false);
    const Scenario& s = m_session.scenario();
    const bool explore = m_explore && s.contexts.size() + s.tasks.size() <= m_exploreSubjects;
    if (explore) {
        job->setExplore(exploreLimits());
        if (job->runFor(m_syncBudget)) {
            show(*job);
            return;
        }
    }
    // Not explored here: too big (the job's note says so) or too slow (then on the worker).
    auto plain = SimulationJob::resimulate(m_session.scenario(), QString());
    plain->setKeepScenario(false);
    SimulationJob::ExploreLimits limits = exploreLimits();
    limits.enabled = m_explore && !explore;
    plain->setExplore(limits);
    plain->run();
    show(*plain);
    if (explore)
        startJob(std::move(job), false);
}

void SimulationRunner::reset(SimulationJob* ran) {
    const bool superseded = busy(); // a job for the old document: never shown
    dropJob();
    m_shown.reset();
    m_stale = false;
    if (ran) // shows time 0: what exists from the start
        show(*ran);
    else
        resimulate();
    if (superseded) {
        Q_EMIT jobChanged();
        Q_EMIT jobProgressChanged();
    }
}

void SimulationRunner::show(SimulationJob& job) {
    m_expectedEvents = job.result->events.size();
    m_outcomes->show(std::move(job.result), std::move(job.playback), std::move(job.races), job.racesNote);
}

void SimulationRunner::display(std::shared_ptr<const SimulationResult> result, std::unique_ptr<Playback> playback) {
    // The old playback points into the old result, so it goes first.
    m_playback.reset();
    m_playback = playback ? std::move(playback) : std::make_unique<Playback>(*result);
    m_result = std::move(result);
    m_session.setPlayhead(std::clamp<Nanos>(m_session.playhead(), 0, timelineEndNanos()));
    m_playback->seekTime(m_session.playhead());
    Q_EMIT shown();
}

void SimulationRunner::seekTime(Nanos t) {
    t = std::clamp<Nanos>(t, 0, timelineEndNanos());
    m_playback->seekTime(t);
    m_session.setPlayhead(t);
}

void SimulationRunner::seekEvents(std::size_t n) {
    n = std::min(n, m_result->events.size());
    m_session.setPlayhead(n > 0 ? m_result->events[n - 1].t : 0);
    m_playback->seekEvents(n);
}

SimulationJob::ExploreLimits SimulationRunner::exploreLimits() const {
    SimulationJob::ExploreLimits limits;
    limits.enabled = m_explore;
    limits.maxSubjects = m_exploreSubjects;
    limits.maxOrders = m_exploreOrders;
    limits.budget = m_exploreBudget;
    return limits;
}

void SimulationRunner::setExploreLimits(bool enabled, std::size_t maxSubjects, std::size_t maxOrders,
                                        std::chrono::milliseconds budget) {
    m_explore = enabled;
    m_exploreSubjects = maxSubjects;
    m_exploreOrders = maxOrders;
    m_exploreBudget = budget;
}

// --- jobs -----------------------------------------------------------------------------------

bool SimulationRunner::isLarge(const Scenario& s) const { return s.contexts.size() + s.tasks.size() >= m_asyncThreshold; }

void SimulationRunner::setJobLimits(std::size_t asyncThreshold, std::chrono::milliseconds budget) {
    m_asyncThreshold = asyncThreshold;
    m_syncBudget = budget;
}

void SimulationRunner::beforeEdit() {
    // Pushing below the point on screen drops the entries that led there: a cancel can then no
    // longer go back to it through the history.
    if (m_shown && static_cast<int>(m_session.history().index()) < m_shownIndex)
        m_shownIndex = -1;
    beforeChange();
}

void SimulationRunner::beforeChange() {
    if (m_shown)
        return; // the views show an older scenario already: keep that one
    m_shownIndex = static_cast<int>(m_session.history().index()); // the session's, at this point of the history
    // The views (the inspector) hold pointers into the scenario on screen. Moving it keeps the
    // vectors' buffers, so they stay valid while it stays on screen.
    m_shown = std::make_unique<Scenario>(m_session.detach());
}

void SimulationRunner::afterChange(const QString& what) {
    const bool small = !isLarge(m_session.scenario());
    auto job = SimulationJob::resimulate(m_session.scenario(), what);
    job->setKeepScenario(false); // the session has it
    if (!small) // numbered before the document's own autosave or removal after the change
        m_document.files()->recoveryOnWorker(*job);
    startJob(std::move(job), small);
}

void SimulationRunner::startJob(std::shared_ptr<SimulationJob> job, bool small) {
    dropJob(); // superseded: never shown
    job->setExplore(exploreLimits());
    if (small && job->runFor(m_syncBudget)) {
        adopt(*job);
        Q_EMIT jobChanged();
        return;
    }
    m_job = std::move(job);
    m_jobVisible = false;
    m_jobClock.start();
    m_progressTimer.start();
    m_worker.start([this, job = m_job] {
        job->run([this, job] {
            // Back on the GUI thread (before the job's autosave, if any). ~SimulationRunner waits
            // for this thread, so `this` is alive here; a call still queued when it is destroyed
            // is dropped with it.
            QMetaObject::invokeMethod(this, [this, job] { jobFinished(job); }, Qt::QueuedConnection);
        });
    });
    Q_EMIT jobChanged();
    Q_EMIT jobProgressChanged();
}

void SimulationRunner::dropJob() {
    if (!m_job)
        return;
    m_job->cancel(); // the worker drops what it made; jobFinished ignores it
    m_job.reset();
    m_progressTimer.stop();
    m_jobVisible = false;
}

void SimulationRunner::jobFinished(const std::shared_ptr<SimulationJob>& job) {
    if (job != m_job)
        return; // superseded or cancelled: never shown
    m_job.reset();
    m_progressTimer.stop();
    m_jobVisible = false;
    adopt(*job);
    Q_EMIT jobChanged();
    Q_EMIT jobProgressChanged();
}

void SimulationRunner::adopt(SimulationJob& job) {
    if (job.kind() == SimulationJob::Kind::Replace) {
        m_document.files()->finishOpening(job);
        return;
    }
    m_shown.reset(); // the session's scenario is what was simulated
    m_stale = false;
    show(job);
}

void SimulationRunner::cancelJob() {
    if (!m_job)
        return;
    const bool resimulation = m_job->kind() == SimulationJob::Kind::Resimulate;
    dropJob();
    if (resimulation && m_shown) {
        if (m_shownIndex >= 0 && static_cast<std::size_t>(m_shownIndex) <= m_session.history().count()) {
            // Take the edits back, down (or up) the history to the scenario on screen; Redo
            // gives them back. The patches are exact inverses, so the session's scenario ends up
            // equal to the shown one; keep the shown object itself (the views point into it).
            m_session.setHistoryIndex(static_cast<std::size_t>(m_shownIndex));
            m_session.adopt(std::move(*m_shown));
            m_shown.reset();
            m_document.historyChanged();
        } else {
            m_stale = true;
        }
    }
    Q_EMIT jobChanged();
    Q_EMIT jobProgressChanged();
}

void SimulationRunner::simulateNow() {
    if (!m_stale || m_job)
        return;
    const bool small = !isLarge(m_session.scenario());
    auto job = SimulationJob::resimulate(m_session.scenario(), tr("the edits"));
    job->setKeepScenario(false); // the session has it
    startJob(std::move(job), small);
}

bool SimulationRunner::waitForJob(int timeoutMs) {
    QDeadlineTimer deadline(timeoutMs);
    // The autosave a big edit's job writes after its run is part of it here.
    const auto busy = [this] { return m_job || m_worker.activeThreadCount() > 0; };
    while (busy() && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    return !busy();
}

// --- progress -------------------------------------------------------------------------------

QString SimulationRunner::jobText() const {
    if (!m_job)
        return {};
    if (m_job->kind() == SimulationJob::Kind::Replace)
        return m_job->what();
    return m_job->what().isEmpty() ? tr("Simulating") : tr("Simulating after %1").arg(m_job->what());
}

QString SimulationRunner::cancelHint() const {
    if (!m_job)
        return {};
    if (m_job->kind() == SimulationJob::Kind::Replace)
        return tr("Cancel keeps the document you have.");
    if (m_shownIndex >= 0)
        return tr("Cancel takes the change back (Redo brings it back).");
    return tr("Cancel keeps the change, not simulated.");
}

QString SimulationRunner::jobDetail() const {
    if (!m_job)
        return {};
    const QLocale locale;
    switch (m_job->phase()) {
    case SimulationJob::Phase::Queued: return tr("Waiting for the last run to stop…");
    case SimulationJob::Phase::Reading: return tr("Reading and checking the scenario…");
    case SimulationJob::Phase::Simulating:
        return tr("%1 events, at %2 of virtual time")
            .arg(locale.toString(static_cast<qulonglong>(m_job->events())), durationText(m_job->virtualTime()));
    case SimulationJob::Phase::Exploring:
        return tr("Exploring the orders Go may run it in: %1 tried").arg(locale.toString(static_cast<qulonglong>(m_job->orders())));
    case SimulationJob::Phase::Preparing:
        return tr("%1 events; preparing playback…").arg(locale.toString(static_cast<qulonglong>(m_job->events())));
    case SimulationJob::Phase::Done: return tr("Done");
    }
    return {};
}

double SimulationRunner::jobFraction() const {
    // The engine cannot know how many events a run will have; the last run's count is a good
    // guess after an edit (an open has none: indeterminate).
    if (!m_job || m_job->kind() != SimulationJob::Kind::Resimulate || m_expectedEvents == 0)
        return -1;
    if (m_job->phase() == SimulationJob::Phase::Preparing || m_job->phase() == SimulationJob::Phase::Done)
        return 0.99;
    if (m_job->phase() != SimulationJob::Phase::Simulating)
        return -1; // waiting or saving: no telling
    return std::min(0.95, static_cast<double>(m_job->events()) / static_cast<double>(m_expectedEvents));
}

} // namespace ctxscope
