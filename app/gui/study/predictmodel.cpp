#include "predictmodel.h"

#include <algorithm>

#include "eventtext.h"

#include "ctxscope/engine/duration.h"

namespace ctxscope {

QString predictValueText(const std::string& field, const std::optional<Scalar>& v) {
    if (!v)
        return QStringLiteral("(no such thing in this run)");
    if (v->type == Scalar::Type::Null) {
        if (field == "result")
            return QStringLiteral("never started");
        if (field == "reason" || field == "source")
            return QStringLiteral("none");
        if (field == "err" || field == "cause" || field == "value")
            return QStringLiteral("nil");
        if (field == "stopped")
            return QStringLiteral("stop never called");
        return QStringLiteral("never");
    }
    return QString::fromStdString(v->text);
}

PredictModel::PredictModel(QObject* parent) : QAbstractListModel(parent) {}

void PredictModel::setDocument(Document* doc) {
    if (!followDocument(this, m_doc, doc, &PredictModel::rebuild))
        return;
    if (m_doc) {
        connect(m_doc, &Document::fileChanged, this, &PredictModel::onFileChanged);
        connect(m_doc, &Document::predictingChanged, this, [this] {
            // A new round of predicting forgets the last grades (the answers stay to edit).
            if (m_doc->predicting() && m_revealed) {
                beginResetModel();
                m_revealed = false;
                m_grades.clear();
                endResetModel();
                Q_EMIT changed();
            }
        });
    }
    m_answers.clear();
    m_revealed = false;
    rebuild();
    Q_EMIT documentChanged();
}

void PredictModel::onFileChanged() {
    // A new document (nothing to undo or redo): its questions start unanswered. (Saving also
    // says fileChanged; it keeps the answers, as the history is still there.)
    if (!m_doc || m_doc->canUndo() || m_doc->canRedo())
        return;
    beginResetModel();
    m_answers.clear();
    m_revealed = false;
    m_grades.clear();
    endResetModel();
    Q_EMIT changed();
}

void PredictModel::rebuild() {
    beginResetModel();
    m_items.clear();
    m_rows.clear();
    m_grades.clear();
    if (m_doc) {
        const Scenario& s = m_doc->scenario();
        m_items = predictItems(s, m_doc->result());
        for (std::size_t i = 0; i < m_items.size(); ++i) {
            const PredictItem& item = m_items[i];
            for (std::size_t f = 0; f < item.fields.size(); ++f) {
                Row row;
                row.item = i;
                row.field = f;
                const std::string& field = item.fields[f].field;
                row.key = QStringLiteral("%1/%2/%3/%4")
                              .arg(static_cast<int>(item.subject.kind))
                              .arg(QString::fromStdString(item.subject.subject), QString::fromStdString(item.subject.task),
                                   QString::fromStdString(field));
                row.choices = predictChoices(s, item.subject, field);
                for (const Scalar& c : row.choices)
                    row.choiceTexts << predictValueText(field, c);
                m_rows.push_back(std::move(row));
            }
        }
        if (m_revealed)
            grade(); // an edit after reveal: grade against the new run
    }
    endResetModel();
    Q_EMIT changed();
}

int PredictModel::answered() const {
    int n = 0;
    for (const Row& r : m_rows) {
        const auto a = m_answers.constFind(r.key);
        n += a != m_answers.cend() && a->value ? 1 : 0;
    }
    return n;
}

int PredictModel::right() const {
    int n = 0;
    for (const Grade& g : m_grades)
        n += g.right ? 1 : 0;
    return n;
}

QString PredictModel::scoreText() const {
    if (!m_revealed)
        return {};
    return QStringLiteral("%1 of %2 right").arg(right()).arg(m_rows.size());
}

void PredictModel::choose(int row, int choice) {
    if (row < 0 || row >= rowCount() || m_revealed)
        return;
    const Row& r = m_rows[static_cast<std::size_t>(row)];
    Answer a;
    if (choice >= 0 && choice < static_cast<int>(r.choices.size())) {
        a.choice = choice;
        a.value = r.choices[static_cast<std::size_t>(choice)];
        a.text = r.choiceTexts[choice];
    }
    m_answers.insert(r.key, a);
    Q_EMIT dataChanged(index(row), index(row));
    Q_EMIT changed();
}

QString PredictModel::type(int row, const QString& text) {
    if (row < 0 || row >= rowCount() || m_revealed)
        return QStringLiteral("no such question");
    const Row& r = m_rows[static_cast<std::size_t>(row)];
    Answer a;
    a.text = text;
    const QString t = text.trimmed();
    if (t.isEmpty()) {
        // no answer yet
    } else if (!r.choices.empty()) {
        const int i = r.choiceTexts.indexOf(t);
        if (i < 0)
            a.error = QStringLiteral("pick one of: %1").arg(r.choiceTexts.join(QStringLiteral(", ")));
        else {
            a.choice = i;
            a.value = r.choices[static_cast<std::size_t>(i)];
        }
    } else if (t.compare(QStringLiteral("never"), Qt::CaseInsensitive) == 0) {
        a.value = Scalar::null();
    } else {
        const DurationParse p = parseDuration(t.toStdString());
        if (!p.value)
            a.error = QString::fromStdString(p.error);
        else
            a.value = Scalar::string(formatDuration(*p.value));
    }
    m_answers.insert(r.key, a);
    Q_EMIT dataChanged(index(row), index(row));
    Q_EMIT changed();
    return a.error;
}

void PredictModel::grade() {
    m_grades.clear();
    if (!m_doc)
        return;
    const SimulationResult& result = m_doc->result();
    for (const Row& r : m_rows) {
        const PredictItem& item = m_items[r.item];
        const PredictField& f = item.fields[r.field];
        Grade g;
        g.actual = predictValueText(f.field, f.answer);
        const auto a = m_answers.constFind(r.key);
        if (a != m_answers.cend() && a->value) {
            const ExpectationOutcome o = gradePrediction(item, r.field, *a->value, result);
            g.right = o.passed;
            if (!o.passed && !o.failures.empty())
                g.message = QString::fromStdString(o.failures.front());
            // A fact decided by a race (issue #13): any value Go can produce is a right answer,
            // and the grade says the other one was possible too.
            const std::vector<Scalar> raced = m_doc->outcomes()->racedScalars(item.subject, f.field);
            if (raced.size() > 1) {
                QStringList values;
                for (const Scalar& v : raced)
                    values << (v.type == Scalar::Type::Null ? QStringLiteral("null") : QString::fromStdString(v.text));
                const bool possible = std::find(raced.begin(), raced.end(), *a->value) != raced.end();
                g.right = g.right || possible;
                g.message = QStringLiteral("\u2684 raced: Go can give any of %1").arg(values.join(QStringLiteral(", ")));
            }
        } else {
            g.message = QStringLiteral("no answer given");
        }
        if (f.event < result.events.size()) {
            g.event = static_cast<int>(f.event);
            const Event& e = result.events[f.event];
            g.eventText = describeEvent(result, e); // "200ms · budget done: …"
        }
        g.contextId = contextIdFor(item.subject.kind == Expectation::Kind::Lookup ? item.subject.task : item.subject.subject);
        m_grades.push_back(std::move(g));
    }
}

void PredictModel::reveal() {
    if (!m_doc)
        return;
    beginResetModel();
    m_revealed = true;
    grade();
    endResetModel();
    m_doc->setPredicting(false);
    m_doc->seekEnd();
    Q_EMIT changed();
    Q_EMIT graded(right(), static_cast<int>(m_rows.size()));
}

void PredictModel::startOver() {
    if (!m_doc)
        return;
    beginResetModel();
    m_answers.clear();
    m_revealed = false;
    m_grades.clear();
    endResetModel();
    m_doc->setPredicting(true);
    m_doc->restart();
    Q_EMIT changed();
}

void PredictModel::showRow(int row) {
    if (!m_doc || !m_revealed || row < 0 || row >= static_cast<int>(m_grades.size()))
        return;
    const int e = m_grades[static_cast<std::size_t>(row)].event;
    if (e >= 0)
        m_doc->seekEvents(e + 1);
}

QString PredictModel::contextIdFor(const std::string& id) const { return contextOfSubject(m_doc->result(), id); }

// A context or a task goes by its name as the tree shows it, with the id the file uses, as in
// the exercise checklist and the Check tab ("task query" named a task the tree calls
// "db.QueryRow(...)"); anything else, or a subject the run does not have, as core titles it.
QString PredictModel::titleOf(const PredictItem& item) const {
    const SimulationResult& r = m_doc->result();
    if (item.subject.kind == Expectation::Kind::Context) {
        if (const auto c = r.findContext(item.subject.subject))
            return QStringLiteral("context %1").arg(contextTitle(r, *c));
    } else if (item.subject.kind == Expectation::Kind::Task) {
        if (const auto t = r.findTask(item.subject.subject))
            return QStringLiteral("task %1").arg(taskTitle(r, *t));
    }
    return QString::fromStdString(item.title);
}

int PredictModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

QVariant PredictModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto i = static_cast<std::size_t>(index.row());
    const Row& r = m_rows[i];
    const PredictItem& item = m_items[r.item];
    const auto a = m_answers.constFind(r.key);
    const Grade* g = m_revealed && i < m_grades.size() ? &m_grades[i] : nullptr;
    switch (role) {
    case Qt::DisplayRole:
    case TitleRole: return titleOf(item);
    case FirstOfItemRole: return r.field == 0;
    case FieldRole: return QString::fromStdString(item.fields[r.field].field);
    case ChoicesRole: return r.choiceTexts;
    case ChoiceIndexRole: return a != m_answers.cend() ? a->choice : -1;
    case GuessRole: return a != m_answers.cend() ? a->text : QString();
    case GuessErrorRole: return a != m_answers.cend() ? a->error : QString();
    case GradeRole: return g ? (g->right ? QStringLiteral("right") : QStringLiteral("wrong")) : QString();
    case ActualRole: return g ? g->actual : QString();
    case MessageRole: // why it is wrong, or (right or wrong) that a race decided it
        return g && (!g->right || g->message.startsWith(QChar(0x2684))) ? g->message : QString();
    case EventRole: return g ? g->event : -1;
    case EventTextRole: return g ? g->eventText : QString();
    case ContextIdRole: return g ? g->contextId : QString();
    default: return {};
    }
}

QHash<int, QByteArray> PredictModel::roleNames() const {
    return {{TitleRole, "title"},         {FirstOfItemRole, "firstOfItem"}, {FieldRole, "field"},
            {ChoicesRole, "choices"},     {ChoiceIndexRole, "choiceIndex"}, {GuessRole, "guess"},
            {GuessErrorRole, "guessError"}, {GradeRole, "grade"},         {ActualRole, "actual"},
            {MessageRole, "message"},     {EventRole, "eventIndex"},       {EventTextRole, "eventText"},
            {ContextIdRole, "contextId"}};
}

} // namespace ctxscope
