#include "exercisemodel.h"

#include "eventtext.h"

#include "ctxscope/formats/exercise.h"
#include "lessonmarkdown.h"
#include "scenariotext.h"

namespace ctxscope {

ExerciseModel::ExerciseModel(QObject* parent) : QAbstractListModel(parent) {}

void ExerciseModel::setDocument(Document* doc) {
    if (!followDocument(this, m_doc, doc, &ExerciseModel::refresh))
        return;
    if (m_doc)
        connect(m_doc, &Document::predictingChanged, this, &ExerciseModel::refresh);
    m_exercise.reset();
    refresh();
    Q_EMIT documentChanged();
}

void ExerciseModel::refresh() {
    const Scenario* s = m_doc ? &m_doc->scenario() : nullptr;
    // Another exercise (a new document): hints and the shown solution start afresh, and what it
    // is as loaded is no "solved moment".
    const bool fresh = !s || s->exercise != m_exercise;
    beginResetModel();
    if (fresh) {
        m_exercise = s ? s->exercise : std::nullopt;
        m_hintsShown = 0;
        m_solutionShown = false;
        m_changes.clear();
    }
    m_report = s && s->exercise ? checkDoneWhen(*s, m_doc->result()) : ExpectationReport{};
    // The solution stays shown while the scenario is the solution: undone or edited, it goes.
    if (m_solutionShown && !m_applyingSolution && s && s->exercise && applySolution(*s) != *s) {
        m_solutionShown = false;
        m_changes.clear();
    }
    endResetModel();
    const bool now = solved();
    if (!fresh && now && !m_wasSolved)
        Q_EMIT solvedNow(m_applyingSolution);
    if (!hidden())
        m_wasSolved = now; // hiding and showing again is no new moment
    if (fresh)
        m_wasSolved = now;
    Q_EMIT changed();
}

QString ExerciseModel::goal() const { return m_exercise ? lessonHtml(QString::fromStdString(m_exercise->goal)) : QString(); }

QString ExerciseModel::statusText() const {
    if (!active())
        return {};
    if (hidden())
        return QStringLiteral("Predicting: the checklist shows once you reveal the run.");
    const auto n = m_report.outcomes.size();
    if (m_report.allPassed())
        return m_solutionShown ? QStringLiteral("Solved (with the solution shown).") : QStringLiteral("Solved!");
    return QStringLiteral("Not solved yet: %1 of %2 conditions hold.").arg(m_report.passed).arg(n);
}

QStringList ExerciseModel::shownHints() const {
    QStringList out;
    if (!m_exercise)
        return out;
    for (int i = 0; i < m_hintsShown && i < hintCount(); ++i)
        out << lessonHtml(QString::fromStdString(m_exercise->hints[static_cast<std::size_t>(i)]));
    return out;
}

bool ExerciseModel::showNextHint() {
    if (m_hintsShown >= hintCount())
        return false;
    ++m_hintsShown;
    Q_EMIT changed();
    return true;
}

bool ExerciseModel::canShowSolution() const {
    return m_doc && m_doc->editedScenario().exercise && applySolution(m_doc->editedScenario()) != m_doc->editedScenario();
}

QString ExerciseModel::solutionNotes() const {
    return m_exercise && !m_exercise->solutionNotes.empty() ? lessonHtml(QString::fromStdString(m_exercise->solutionNotes))
                                                             : QString();
}

bool ExerciseModel::canReset() const {
    const Scenario* shipped = m_doc ? m_doc->shippedScenario() : nullptr;
    if (!shipped)
        return false;
    const Scenario& s = m_doc->editedScenario();
    return s.contexts != shipped->contexts || s.tasks != shipped->tasks || s.afterFuncs != shipped->afterFuncs ||
           s.actions != shipped->actions;
}

QString ExerciseModel::showSolution() {
    if (!m_doc)
        return QStringLiteral("no document");
    const Scenario& s = m_doc->editedScenario();
    if (!s.exercise)
        return QStringLiteral("this scenario is not an exercise");
    const Scenario solved = applySolution(s);
    QVariantList changes = changeRows(s, solved);
    if (!changes.isEmpty()) {
        QString error;
        m_applyingSolution = true;
        const bool ok = m_doc->applyEdit(QStringLiteral("Show solution"), edits::replaceLists(s, solved), &error);
        m_applyingSolution = false;
        if (!ok)
            return error;
    }
    m_changes = changes;
    m_solutionShown = true;
    Q_EMIT changed();
    return {};
}

QString ExerciseModel::resetExercise() {
    const Scenario* shipped = m_doc ? m_doc->shippedScenario() : nullptr;
    if (!shipped)
        return QStringLiteral("there is no shipped version of this exercise to go back to");
    if (!canReset())
        return {};
    QString error;
    if (!m_doc->applyEdit(QStringLiteral("Reset exercise"), edits::replaceLists(m_doc->editedScenario(), *shipped), &error))
        return error;
    m_changes.clear();
    m_solutionShown = false;
    Q_EMIT changed();
    return {};
}

void ExerciseModel::seekToRow(int row) {
    if (!m_doc || hidden() || row < 0 || row >= rowCount())
        return;
    const std::size_t e = m_report.outcomes[static_cast<std::size_t>(row)].event;
    if (e < m_doc->result().events.size())
        m_doc->seekEvents(static_cast<int>(e + 1));
}

QString ExerciseModel::contextIdFor(const std::string& id) const { return contextOfSubject(m_doc->result(), id); }

int ExerciseModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_report.outcomes.size());
}

QVariant ExerciseModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid) || !m_doc || !m_exercise)
        return {};
    const ExpectationOutcome& o = m_report.outcomes[static_cast<std::size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case TitleRole: {
        // The entry as the learner must make it hold: "task handler: result context deadline
        // exceeded, ended_at 200ms" (what to achieve is no secret; whether it holds is). A
        // context or a task goes by its name as the tree shows it, with the id the file uses, as
        // in the Check tab: "context query (500 ms) (db)", not "context db".
        const Expectation& e = m_exercise->doneWhen[o.index];
        QStringList fields;
        for (const auto& [name, value] : e.fields)
            fields << QStringLiteral("%1 %2").arg(QString::fromStdString(name),
                                                 value.type == Scalar::Type::Null ? QStringLiteral("never/nil")
                                                                                  : QString::fromStdString(value.text));
        QString title = QString::fromStdString(o.title);
        const SimulationResult& r = m_doc->result();
        if (e.kind == Expectation::Kind::Context) {
            if (const auto c = r.findContext(e.subject))
                title = QStringLiteral("context %1").arg(contextTitle(r, *c));
        } else if (e.kind == Expectation::Kind::Task) {
            if (const auto t = r.findTask(e.subject))
                title = QStringLiteral("task %1").arg(taskTitle(r, *t));
        }
        return fields.isEmpty() ? title : QStringLiteral("%1: %2").arg(title, fields.join(QStringLiteral(", ")));
    }
    case StateRole:
        return hidden() ? QStringLiteral("hidden") : o.passed ? QStringLiteral("passed") : QStringLiteral("failed");
    case FailuresRole: {
        if (hidden() || o.passed)
            return QString();
        QStringList lines;
        for (const std::string& f : o.failures)
            lines << QString::fromStdString(f);
        return lines.join(QLatin1Char('\n'));
    }
    case EventRole: return hidden() || o.event == kNoEvent ? -1 : static_cast<int>(o.event);
    case ContextIdRole: {
        const Expectation& e = m_exercise->doneWhen[o.index];
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

QHash<int, QByteArray> ExerciseModel::roleNames() const {
    return {{TitleRole, "title"}, {StateRole, "status"}, {FailuresRole, "failures"}, {EventRole, "eventIndex"},
            {ContextIdRole, "contextId"}};
}

} // namespace ctxscope
