// Document: the scenario, its undo stack, re-simulation after each edit, and the playhead.
#include "document.h"

#include "ctxscope/formats/expectations.h"
#include "ctxscope/engine/validate.h"
#include "eventtext.h"
#include "simulationjob.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QFileInfo>
#include <QLocale>
#include <QStandardPaths>
#include <QUrl>

#include <algorithm>
#include <limits>

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
    m_session.reset(emptyScenario());
    resimulate();
}

Document::~Document() {
    // No crash at exit while a job runs: stop it and wait for the worker (a run stops within
    // kProgressEvery events; reading a file cannot be interrupted and is waited for).
    if (m_job)
        m_job->cancel();
    m_job.reset();
    m_worker.waitForDone();
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

QString Document::timeText() const { return durationText(m_session.playhead()); }
QString Document::undoText() const {
    const HistoryEntry* e = m_session.history().undoEntry();
    return e ? QString::fromStdString(e->text) : QString();
}
QString Document::redoText() const {
    const HistoryEntry* e = m_session.history().redoEntry();
    return e ? QString::fromStdString(e->text) : QString();
}
QString Document::endTimeText() const { return durationText(m_result->endTime); }
QString Document::timelineEndText() const { return durationText(timelineEndNanos()); }

// The axis fits the run: its end plus a quarter, rounded up to 1, 2 or 5 times a power of ten
// (a run that ends at 150ms gets an axis to 200ms), so there is a little time after the last
// event to act in. A run where nothing happens after 0 gets a second.
Nanos Document::timelineEndNanos() const {
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

QString Document::lastEventText() const {
    const std::size_t n = m_playback->appliedEvents();
    if (n == 0)
        return QStringLiteral("no events yet");
    return describeEvent(*m_result, m_result->events[n - 1]);
}

void Document::setScenario(Scenario scenario, const QString& filePath) {
    dropJob();
    replaceWith(std::move(scenario), filePath, nullptr, nullptr);
    Q_EMIT jobChanged();
}

void Document::replaceWith(Scenario scenario, const QString& filePath, std::unique_ptr<SimulationResult> result,
                           std::unique_ptr<Playback> playback) {
    // A new document is no edit: it leaves a recovery file alone, for recover().
    const bool wasPredicting = m_session.predicting();
    m_shipped = scenario.exercise ? std::make_unique<const Scenario>(scenario) : nullptr;
    m_session.reset(std::move(scenario)); // not predicting: Predict mode is the document's
    m_shown.reset();
    m_stale = false;
    m_dirtyWithoutUndo = false;
    m_filePath = filePath;
    m_untitledName.clear();
    if (result) // shows time 0: what exists from the start
        show(std::move(result), std::move(playback));
    else
        resimulate();

    Q_EMIT fileChanged();
    Q_EMIT modifiedChanged();
    Q_EMIT undoStateChanged();
    if (wasPredicting)
        Q_EMIT predictingChanged();
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

void Document::resimulate() {
    // Only for a scenario that is on screen already or tiny (the constructor, setScenario): the
    // caller wants it shown when this returns. Exploring its races may take longer: when it
    // overruns the budget here, the documented run is shown at once and the exploration goes to
    // the worker (a job like an edit's, which shows the same run again with its outcomes).
    auto job = SimulationJob::resimulate(m_session.scenario(), QString());
    job->setKeepScenario(false);
    const Scenario& s = m_session.scenario();
    const bool explore = m_explore && s.contexts.size() + s.tasks.size() <= m_exploreSubjects;
    if (explore) {
        job->setExplore(exploreLimits());
        if (job->runFor(m_syncBudget)) {
            takeRaces(*job);
            show(std::move(job->result), std::move(job->playback));
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
    takeRaces(*plain);
    show(std::move(plain->result), std::move(plain->playback));
    if (explore)
        startJob(std::move(job), false);
}

SimulationJob::ExploreLimits Document::exploreLimits() const {
    SimulationJob::ExploreLimits limits;
    limits.enabled = m_explore;
    limits.maxSubjects = m_exploreSubjects;
    limits.maxOrders = m_exploreOrders;
    limits.budget = m_exploreBudget;
    return limits;
}

void Document::setExploreLimits(bool enabled, std::size_t maxSubjects, std::size_t maxOrders,
                                std::chrono::milliseconds budget) {
    m_explore = enabled;
    m_exploreSubjects = maxSubjects;
    m_exploreOrders = maxOrders;
    m_exploreBudget = budget;
}

void Document::takeRaces(SimulationJob& job) {
    m_races = RaceView(std::move(job.races));
    m_racesNote = job.racesNote;
}

void Document::show(std::unique_ptr<SimulationResult> result, std::unique_ptr<Playback> playback) {
    // A new run (outcome 0, the documented order) with its exploration (takeRaces). The outcome
    // on screen stays the one chosen while there is one of that number.
    m_documented = std::shared_ptr<const SimulationResult>(std::move(result));
    m_expectedEvents = m_documented->events.size();
    if (m_outcome >= m_races.outcomeCount())
        m_outcome = 0;
    if (m_outcome == 0) {
        display(m_documented, std::move(playback));
    } else {
        playback.reset();
        auto r = outcomeResult(m_outcome);
        display(r, std::make_unique<Playback>(*r));
    }
    Q_EMIT outcomeChanged();
}

std::shared_ptr<const SimulationResult> Document::outcomeResult(std::size_t k) const {
    if (k == 0 || !m_races.exploration() || k >= m_races.exploration()->outcomes.size())
        return m_documented;
    // Shares the exploration's copy: no second one.
    return {m_races.shared(), &m_races.exploration()->outcomes[k].result};
}

void Document::display(std::shared_ptr<const SimulationResult> result, std::unique_ptr<Playback> playback) {
    // The old playback points into the old result, so it goes first.
    m_playback = std::move(playback);
    m_result = std::move(result);
    m_session.setPlayhead(std::clamp<Nanos>(m_session.playhead(), 0, timelineEndNanos()));
    m_playback->seekTime(m_session.playhead());
    ++m_revision;
    Q_EMIT simulated();
    Q_EMIT playheadChanged();
}

void Document::setOutcome(int k) {
    if (k < 0 || k >= outcomeCount() || static_cast<std::size_t>(k) == m_outcome)
        return;
    m_outcome = static_cast<std::size_t>(k);
    auto r = outcomeResult(m_outcome);
    display(r, std::make_unique<Playback>(*r));
    Q_EMIT outcomeChanged();
}

void Document::nextOutcome() {
    if (outcomeCount() > 1)
        setOutcome((outcome() + 1) % outcomeCount());
}

void Document::previousOutcome() {
    if (outcomeCount() > 1)
        setOutcome((outcome() + outcomeCount() - 1) % outcomeCount());
}

QString Document::raceNote(const QString& kind, const QString& id, const QString& field) const {
    if (field.isEmpty())
        return m_races.subjectNote(kind, id, m_outcome);
    QStringList lines;
    for (const RaceView::Fact& f : m_races.facts(kind, id, field))
        lines << m_races.note(f, m_outcome);
    return lines.join(QLatin1Char('\n'));
}

std::vector<Scalar> Document::racedScalars(const Expectation& subject, const std::string& field) const {
    std::vector<Scalar> out;
    const auto add = [&](const SimulationResult& r) {
        if (const auto v = actualValue(subject, field, r); v && std::find(out.begin(), out.end(), *v) == out.end())
            out.push_back(*v);
    };
    if (const RaceExploration* e = m_races.exploration(); e && !e->outcomes.empty())
        for (const RaceOutcome& o : e->outcomes)
            add(o.result);
    else
        add(*m_result);
    return out;
}

QVariantList Document::racedValues(const QString& kind, const QString& id, const QString& field) const {
    Expectation subject;
    if (kind == QLatin1String("context"))
        subject.kind = Expectation::Kind::Context;
    else if (kind == QLatin1String("task"))
        subject.kind = Expectation::Kind::Task;
    else if (kind == QLatin1String("after_func"))
        subject.kind = Expectation::Kind::AfterFunc;
    else
        return {};
    subject.subject = id.toStdString();
    QVariantList out;
    for (const Scalar& v : racedScalars(subject, field.toStdString())) {
        switch (v.type) {
        case Scalar::Type::Null: out << QVariant::fromValue(nullptr); break;
        case Scalar::Type::Bool: out << (v.text == "true"); break;
        case Scalar::Type::Number: out << QString::fromStdString(v.text).toDouble(); break;
        case Scalar::Type::String: out << QString::fromStdString(v.text); break;
        }
    }
    return out;
}

bool Document::isLarge(const Scenario& s) const { return s.contexts.size() + s.tasks.size() >= m_asyncThreshold; }

void Document::setJobLimits(std::size_t asyncThreshold, std::chrono::milliseconds budget) {
    m_asyncThreshold = asyncThreshold;
    m_syncBudget = budget;
}

void Document::keepShownScenario() {
    if (m_shown)
        return; // the views show an older scenario already: keep that one
    // The views (the inspector) hold pointers into the scenario on screen. Moving it keeps the
    // vectors' buffers, so they stay valid while it stays on screen.
    m_shown = std::make_unique<Scenario>(m_session.detach());
}

void Document::dropJob() {
    if (!m_job)
        return;
    m_job->cancel(); // the worker drops what it made; jobFinished ignores it
    m_job.reset();
    m_progressTimer.stop();
    m_jobVisible = false;
}

void Document::jobFinished(const std::shared_ptr<SimulationJob>& job) {
    if (job != m_job)
        return; // superseded or cancelled: never shown
    m_job.reset();
    m_progressTimer.stop();
    m_jobVisible = false;
    adopt(*job);
    Q_EMIT jobChanged();
    Q_EMIT jobProgressChanged();
}

void Document::adopt(SimulationJob& job) {
    if (job.kind() == SimulationJob::Kind::Replace) {
        if (!job.ok()) {
            Q_EMIT openFailed(tr("The scenario could not be opened"), job.problems);
            return;
        }
        takeRaces(job);
        replaceWith(std::move(*job.scenario), job.filePath(), std::move(job.result), std::move(job.playback));
        Q_EMIT opened(job.filePath());
        return;
    }
    m_shown.reset(); // the session's scenario is what was simulated
    m_stale = false;
    takeRaces(job);
    show(std::move(job.result), std::move(job.playback));
}

void Document::cancelJob() {
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
            historyChanged();
        } else {
            m_stale = true;
        }
    }
    Q_EMIT jobChanged();
    Q_EMIT jobProgressChanged();
}

void Document::simulateNow() {
    if (!m_stale || m_job)
        return;
    const bool small = !isLarge(m_session.scenario());
    auto job = SimulationJob::resimulate(m_session.scenario(), tr("the edits"));
    job->setKeepScenario(false); // the session has it
    startJob(std::move(job), small);
}

bool Document::waitForJob(int timeoutMs) {
    QDeadlineTimer deadline(timeoutMs);
    while (m_job && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    return !m_job;
}

void Document::undo() {
    if (!canUndo())
        return;
    const QString what = tr("Undo %1").arg(undoText());
    beforeChange();
    m_session.undo();
    afterChange(what);
}

void Document::redo() {
    if (!canRedo())
        return;
    const QString what = tr("Redo %1").arg(redoText());
    beforeChange();
    m_session.redo();
    afterChange(what);
}

void Document::historyChanged() {
    Q_EMIT undoStateChanged();
    Q_EMIT modifiedChanged();
    writeRecovery(); // after every edit, undo and redo
}

QString Document::jobText() const {
    if (!m_job)
        return {};
    if (m_job->kind() == SimulationJob::Kind::Replace)
        return m_job->what();
    return m_job->what().isEmpty() ? tr("Simulating") : tr("Simulating after %1").arg(m_job->what());
}

QString Document::cancelHint() const {
    if (!m_job)
        return {};
    if (m_job->kind() == SimulationJob::Kind::Replace)
        return tr("Cancel keeps the document you have.");
    if (m_shownIndex >= 0)
        return tr("Cancel takes the change back (Redo brings it back).");
    return tr("Cancel keeps the change, not simulated.");
}

QString Document::jobDetail() const {
    if (!m_job)
        return {};
    const QLocale locale;
    switch (m_job->phase()) {
    case SimulationJob::Phase::Queued: return tr("Waiting for the last run to stop…");
    case SimulationJob::Phase::Autosaving: return tr("Saving the recovery copy of your edit…");
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

double Document::jobFraction() const {
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

void Document::beforeChange() {
    if (!m_shown) // the views show the session's scenario, at this point of the history
        m_shownIndex = static_cast<int>(m_session.history().index());
    keepShownScenario();
}

void Document::afterChange(const QString& what) {
    const bool small = !isLarge(m_session.scenario());
    auto job = SimulationJob::resimulate(m_session.scenario(), what);
    job->setKeepScenario(false); // the session has it
    if (!small)
        recoveryOnWorker(*job); // numbered before historyChanged's own autosave or removal
    startJob(std::move(job), small);
    historyChanged();
}

void Document::startJob(std::shared_ptr<SimulationJob> job, bool small) {
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
        job->run();
        // Back on the GUI thread. ~Document waits for this thread, so `this` is alive here; a
        // call still queued when it is destroyed is dropped with it.
        QMetaObject::invokeMethod(this, [this, job] { jobFinished(job); }, Qt::QueuedConnection);
    });
    Q_EMIT jobChanged();
    Q_EMIT jobProgressChanged();
}

bool Document::applyEdit(const QString& text, const edits::EditResult& edit, QString* error) {
    if (std::string problem = m_session.check(edit); !problem.empty()) {
        if (error)
            *error = QString::fromStdString(problem);
        return false;
    }
    if (edit.patch.empty())
        return true;
    // Pushing below the point on screen drops the entries that led there: a cancel can then no
    // longer go back to it through the history.
    if (m_shown && static_cast<int>(m_session.history().index()) < m_shownIndex)
        m_shownIndex = -1;
    beforeChange();
    m_session.commit(text.toStdString(), edit); // checked above: once is enough
    afterChange(text);
    return true;
}

QString Document::pushEdit(const QString& text, const edits::EditResult& edit) {
    QString error;
    applyEdit(text, edit, &error);
    return error;
}

QVariantList Document::actionMarks() const {
    QVariantList marks;
    for (const Action& a : m_session.scenario().actions) {
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
    m_session.setPlayhead(time);
    m_playback->seekEvents(applied);
    Q_EMIT playheadChanged();
}

void Document::seekTime(double nanos) {
    const Nanos t = std::clamp<Nanos>(static_cast<Nanos>(nanos), 0, timelineEndNanos());
    m_playback->seekTime(t);
    m_session.setPlayhead(t);
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
