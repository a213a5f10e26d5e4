#include "expectationsmodel.h"

#include "ctxscope/formats/exercise.h"
#include "eventtext.h"

namespace ctxscope {

ExpectationsModel::ExpectationsModel(QObject* parent) : QAbstractListModel(parent) {}

void ExpectationsModel::setDocument(Document* doc) {
    if (!followDocument(this, m_doc, doc, &ExpectationsModel::reset, &ExpectationsModel::onPlayhead))
        return;
    reset();
    Q_EMIT documentChanged();
}

void ExpectationsModel::reset() {
    beginResetModel();
    m_exercise = m_doc && m_doc->scenario().exercise.has_value();
    m_report = evaluate();
    applyRaces();
    endResetModel();
    Q_EMIT countChanged();
    Q_EMIT statesChanged();
    Q_EMIT verdictChanged(); // a new revision: an earlier check no longer applies
}

void ExpectationsModel::onPlayhead() {
    if (!m_report.outcomes.empty())
        Q_EMIT dataChanged(index(0), index(rowCount() - 1), {StateRole});
    Q_EMIT statesChanged();
}

void ExpectationsModel::check() {
    if (!m_doc)
        return;
    m_report = evaluate();
    applyRaces();
    m_checkedRevision = m_doc->revision();
    Q_EMIT verdictChanged();
}

ExpectationReport ExpectationsModel::evaluate() const {
    if (!m_doc)
        return {};
    if (m_exercise)
        return checkDoneWhen(m_doc->scenario(), m_doc->result());
    return checkExpectations(m_doc->scenario(), m_doc->result());
}

const std::vector<Expectation>& ExpectationsModel::entries() const {
    static const std::vector<Expectation> none;
    if (!m_doc)
        return none;
    const Scenario& s = m_doc->scenario();
    return m_exercise && s.exercise ? s.exercise->doneWhen : s.expect;
}

void ExpectationsModel::applyRaces() {
    // Go may run a raced scenario in any of its outcomes: an entry is right if it holds in one
    // of them, and says which (the switcher shows them).
    m_raced.assign(m_report.outcomes.size(), QString());
    const RaceExploration* e = m_doc ? m_doc->outcomes()->races().exploration() : nullptr;
    if (!e || e->outcomes.size() < 2)
        return;
    const std::vector<Expectation>& expect = entries(); // done_when for an exercise
    const auto shown = static_cast<std::size_t>(m_doc->outcomes()->index());
    for (std::size_t row = 0; row < m_report.outcomes.size(); ++row) {
        ExpectationOutcome& o = m_report.outcomes[row];
        if (o.index >= expect.size())
            continue;
        QStringList holds;
        bool holdsShown = false;
        bool differs = false; // its failures differ between outcomes: it names a raced fact
        std::vector<std::string> first;
        for (std::size_t k = 0; k < e->outcomes.size(); ++k) {
            const ExpectationOutcome ok = checkExpectation(expect[o.index], o.index, e->outcomes[k].result);
            if (ok.passed) {
                holds << QString::number(k + 1);
                holdsShown = holdsShown || k == shown;
            }
            if (k == 0)
                first = ok.failures;
            differs = differs || ok.failures != first;
        }
        if (holds.isEmpty() && differs) {
            m_raced[row] = QStringLiteral("\u2684 raced: Go can give either, and this holds in none of the %1 outcomes.")
                               .arg(e->outcomes.size());
            continue;
        }
        if (holds.isEmpty() || static_cast<std::size_t>(holds.size()) == e->outcomes.size())
            continue; // the same in every outcome: no race in it
        if (!o.passed) {
            o.passed = true;
            o.failures.clear();
            --m_report.failed;
            ++m_report.passed;
        }
        m_raced[row] = QStringLiteral("\u2684 raced: Go can give either. This holds in outcome %1 of %2%3.")
                           .arg(holds.join(QStringLiteral(", ")))
                           .arg(e->outcomes.size())
                           .arg(holdsShown ? QString() : QStringLiteral(", not in the one shown"));
    }
}

QString ExpectationsModel::verdictText() const {
    if (!checked())
        return {};
    if (m_exercise) {
        if (m_report.allPassed())
            return QStringLiteral("Solved: all %1 conditions of the exercise hold.").arg(m_report.passed);
        return QStringLiteral("Not solved: %1 of %2 conditions of the exercise fail.")
            .arg(m_report.failed)
            .arg(m_report.outcomes.size());
    }
    if (m_report.outcomes.empty())
        return QStringLiteral("This scenario has no expectations to check.");
    if (m_report.allPassed())
        return QStringLiteral("All %1 expectations hold.").arg(m_report.passed);
    return QStringLiteral("%1 of %2 expectations fail.").arg(m_report.failed).arg(m_report.outcomes.size());
}

ExpectationsModel::State ExpectationsModel::state(std::size_t row, Nanos t) const {
    const ExpectationOutcome& o = m_report.outcomes[row];
    if (t < o.decidedAt)
        return State::Pending;
    return o.passed ? State::Passed : State::Failed;
}

int ExpectationsModel::countAt(State s) const {
    if (!m_doc)
        return 0;
    int n = 0;
    for (std::size_t i = 0; i < m_report.outcomes.size(); ++i)
        n += state(i, m_doc->timeNanos()) == s ? 1 : 0;
    return n;
}

namespace {

QString stateName(bool pending, bool passed) {
    if (pending)
        return QStringLiteral("pending");
    return passed ? QStringLiteral("passed") : QStringLiteral("failed");
}

} // namespace

QString ExpectationsModel::stateAt(int row, double time) const {
    if (row < 0 || row >= rowCount())
        return {};
    const State s = state(static_cast<std::size_t>(row), static_cast<Nanos>(time));
    return stateName(s == State::Pending, s == State::Passed);
}

QString ExpectationsModel::contextIdFor(const std::string& id) const { return contextOfSubject(m_doc->result(), id); }

int ExpectationsModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_report.outcomes.size());
}

QVariant ExpectationsModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid) || !m_doc)
        return {};
    const auto row = static_cast<std::size_t>(index.row());
    const ExpectationOutcome& o = m_report.outcomes[row];
    switch (role) {
    case Qt::DisplayRole:
    case TitleRole: {
        // A context or a task by its name as the tree shows it, with the id the file uses:
        // "context incoming request (request)".
        const std::vector<Expectation>& expect = m_doc->scenario().expect;
        const SimulationResult& r = m_doc->result();
        if (o.index < expect.size()) {
            const Expectation& e = expect[o.index];
            if (e.kind == Expectation::Kind::Context)
                if (const auto c = r.findContext(e.subject))
                    return QStringLiteral("context %1").arg(contextTitle(r, *c));
            if (e.kind == Expectation::Kind::Task)
                if (const auto t = r.findTask(e.subject))
                    return QStringLiteral("task %1").arg(taskTitle(r, *t));
        }
        return QString::fromStdString(o.title);
    }
    case StateRole: return stateAt(index.row(), static_cast<double>(m_doc->timeNanos()));
    case FinalStateRole: return stateName(false, o.passed);
    case FailuresRole: {
        QStringList lines;
        for (const std::string& f : o.failures)
            lines << QString::fromStdString(f);
        if (row < m_raced.size() && !m_raced[row].isEmpty())
            lines << m_raced[row];
        return lines.join(QLatin1Char('\n'));
    }
    case RacedRole: return row < m_raced.size() ? m_raced[row] : QString();
    case DecidedAtRole: return static_cast<double>(o.decidedAt);
    case DecidedAtTextRole: return durationText(o.decidedAt);
    case ContextIdRole: {
        const std::vector<Expectation>& expect = entries();
        if (o.index >= expect.size())
            return QString();
        const Expectation& e = expect[o.index];
        switch (e.kind) {
        case Expectation::Kind::Context:
        case Expectation::Kind::Task:
        case Expectation::Kind::AfterFunc: return contextIdFor(e.subject);
        case Expectation::Kind::Lookup:
        case Expectation::Kind::Lint: return contextIdFor(e.task);
        default: return QString();
        }
    }
    default: return {};
    }
}

QHash<int, QByteArray> ExpectationsModel::roleNames() const {
    return {{TitleRole, "title"},         {StateRole, "status"},        {FinalStateRole, "finalStatus"},
            {FailuresRole, "failures"},   {DecidedAtRole, "decidedAt"}, {DecidedAtTextRole, "decidedAtText"},
            {ContextIdRole, "contextId"},   {RacedRole, "raced"}};
}

} // namespace ctxscope
