#include "learnereditor.h"

#include "expectationmaps.h"

#include "ctxscope/formats/exercise.h"
#include "ctxscope/session/learner_edits.h"

namespace ctxscope {
namespace {

QString qs(const std::string& s) { return QString::fromStdString(s); }
std::string ss(const QString& s) { return s.toStdString(); }

// A hint is one line: blank lines are not hints.
std::vector<std::string> hintsFrom(const QString& text) {
    std::vector<std::string> out;
    for (const QString& line : text.split(QLatin1Char('\n')))
        if (!line.trimmed().isEmpty())
            out.push_back(ss(line.trimmed()));
    return out;
}

QString questionText(const PredictQuestion& q) {
    Expectation e;
    e.kind = q.kind;
    e.subject = q.subject;
    e.task = q.task;
    QStringList fields;
    for (const std::string& f : q.fields)
        fields << qs(f);
    return QStringLiteral("%1: %2").arg(expectationText(e), fields.join(QStringLiteral(", ")));
}

std::optional<PredictQuestion> questionFrom(const QVariantMap& m, QString* error) {
    const auto kind = expectationKindNamed(m.value(QStringLiteral("kind")).toString());
    if (!kind) {
        *error = QStringLiteral("kind: one of context, task, after_func, lookup");
        return std::nullopt;
    }
    PredictQuestion q;
    q.kind = *kind;
    q.subject = ss(m.value(QStringLiteral("subject")).toString().trimmed());
    q.task = ss(m.value(QStringLiteral("task")).toString().trimmed());
    for (const QString& f : m.value(QStringLiteral("fields")).toStringList())
        q.fields.push_back(ss(f));
    return q;
}

// Checking an exercise runs its solution: not for a tree of this size on every edit.
constexpr std::size_t kCheckLimit = 20000;
// A combo box of ids is for picking among a few; past this many the id is typed.
constexpr std::size_t kSubjectLimit = 2000;

} // namespace

LearnerEditor::LearnerEditor(QObject* parent) : QObject(parent) {}

void LearnerEditor::setDocument(Document* d) {
    if (d == m_document)
        return;
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    m_document = d;
    if (m_document) {
        connect(m_document, &Document::simulated, this, &LearnerEditor::refresh);
        connect(m_document, &Document::undoStateChanged, this, &LearnerEditor::changed);
    }
    Q_EMIT documentChanged();
    refresh();
}

void LearnerEditor::refresh() {
    m_problems.clear();
    // The scenario on screen and its run belong together (the edited one may be ahead of them).
    if (m_document && m_document->scenario().exercise) {
        const Scenario& s = m_document->scenario();
        if (s.contexts.size() + s.tasks.size() > kCheckLimit) {
            m_problems << tr("Not checked: the scenario is too big to run its solution on every edit (ctxscope-cli check does).");
        } else {
            for (const Problem& p : checkExercise(s, m_document->result()).problems)
                m_problems << QStringLiteral("%1: %2").arg(qs(p.path), qs(p.message));
        }
    }
    Q_EMIT changed();
}

bool LearnerEditor::hasExercise() const { return scenario() && scenario()->exercise; }
QString LearnerEditor::goal() const { return hasExercise() ? qs(scenario()->exercise->goal) : QString(); }
QString LearnerEditor::solutionNotes() const { return hasExercise() ? qs(scenario()->exercise->solutionNotes) : QString(); }

QString LearnerEditor::hintsText() const {
    QStringList lines;
    if (hasExercise())
        for (const std::string& h : scenario()->exercise->hints)
            lines << qs(h);
    return lines.join(QLatin1Char('\n'));
}

QString LearnerEditor::solutionLists() const {
    if (!hasExercise())
        return {};
    const Solution& s = scenario()->exercise->solution;
    QStringList names;
    if (s.contexts)
        names << QStringLiteral("contexts");
    if (s.tasks)
        names << QStringLiteral("tasks");
    if (s.afterFuncs)
        names << QStringLiteral("after-funcs");
    if (s.actions)
        names << QStringLiteral("actions");
    return names.join(QStringLiteral(", "));
}

QVariantList LearnerEditor::doneWhen() const {
    QVariantList out;
    if (!hasExercise())
        return out;
    const auto& list = scenario()->exercise->doneWhen;
    for (std::size_t i = 0; i < list.size(); ++i)
        out << QVariantMap{{QStringLiteral("index"), static_cast<int>(i)},
                           {QStringLiteral("text"), expectationText(list[i])},
                           {QStringLiteral("kind"), expectationKindName(list[i].kind)}};
    return out;
}

QVariantList LearnerEditor::predictQuestions() const {
    QVariantList out;
    if (!scenario())
        return out;
    const auto& list = scenario()->predict;
    for (std::size_t i = 0; i < list.size(); ++i)
        out << QVariantMap{{QStringLiteral("index"), static_cast<int>(i)}, {QStringLiteral("text"), questionText(list[i])}};
    return out;
}

QStringList LearnerEditor::predictKinds() const {
    return {QStringLiteral("context"), QStringLiteral("task"), QStringLiteral("after_func"), QStringLiteral("lookup")};
}

QString LearnerEditor::apply(const QString& text, const edits::EditResult& edit) {
    if (!m_document)
        return QStringLiteral("no document");
    QString error;
    m_document->applyEdit(text, edit, &error);
    return error;
}

QString LearnerEditor::makeExercise(const QString& goal, const QString& hintsText, const QString& notes) {
    if (!scenario())
        return QStringLiteral("no document");
    return apply(tr("Make an exercise"), edits::makeExercise(*scenario(), ss(goal.trimmed()), hintsFrom(hintsText), ss(notes)));
}

QString LearnerEditor::editExerciseText(const QString& goal, const QString& hintsText, const QString& notes) {
    if (!scenario())
        return QStringLiteral("no document");
    return apply(tr("Edit the exercise"), edits::editExerciseText(*scenario(), ss(goal.trimmed()), hintsFrom(hintsText), ss(notes)));
}

QString LearnerEditor::recordSolution() {
    if (!scenario())
        return QStringLiteral("no document");
    return apply(tr("Record the solution"), edits::recordSolution(*scenario()));
}

QString LearnerEditor::removeExercise() {
    if (!scenario())
        return QStringLiteral("no document");
    return apply(tr("Remove the exercise"), edits::removeExercise(*scenario()));
}

QVariantMap LearnerEditor::doneWhenCondition(int index) const {
    if (!hasExercise() || index < 0 || static_cast<std::size_t>(index) >= scenario()->exercise->doneWhen.size())
        return {{QStringLiteral("ok"), false}, {QStringLiteral("error"), QStringLiteral("no done_when condition #%1").arg(index + 1)}};
    return expectationToMap(scenario()->exercise->doneWhen[static_cast<std::size_t>(index)]);
}

QString LearnerEditor::addDoneWhen(const QVariantMap& m) {
    if (!scenario())
        return QStringLiteral("no document");
    QString error;
    auto e = expectationFromMap(m, &error);
    if (!e)
        return error;
    return apply(tr("Add a done_when condition"), edits::addDoneWhen(*scenario(), std::move(*e)));
}

QString LearnerEditor::editDoneWhen(int index, const QVariantMap& m) {
    if (!scenario())
        return QStringLiteral("no document");
    if (index < 0)
        return QStringLiteral("no done_when condition #%1").arg(index + 1);
    QString error;
    auto e = expectationFromMap(m, &error);
    if (!e)
        return error;
    return apply(tr("Edit a done_when condition"), edits::replaceDoneWhen(*scenario(), static_cast<std::size_t>(index), std::move(*e)));
}

QString LearnerEditor::deleteDoneWhen(int index) {
    if (!scenario())
        return QStringLiteral("no document");
    if (index < 0)
        return QStringLiteral("no done_when condition #%1").arg(index + 1);
    return apply(tr("Delete a done_when condition"), edits::deleteDoneWhen(*scenario(), static_cast<std::size_t>(index)));
}

QVariantMap LearnerEditor::predictQuestion(int index) const {
    if (!scenario() || index < 0 || static_cast<std::size_t>(index) >= scenario()->predict.size())
        return {{QStringLiteral("ok"), false}, {QStringLiteral("error"), QStringLiteral("no predict question #%1").arg(index + 1)}};
    const PredictQuestion& q = scenario()->predict[static_cast<std::size_t>(index)];
    QStringList fields;
    for (const std::string& f : q.fields)
        fields << qs(f);
    return {{QStringLiteral("ok"), true},
            {QStringLiteral("kind"), expectationKindName(q.kind)},
            {QStringLiteral("subject"), qs(q.subject)},
            {QStringLiteral("task"), qs(q.task)},
            {QStringLiteral("fields"), fields}};
}

QString LearnerEditor::addPredictQuestion(const QVariantMap& m) {
    if (!scenario())
        return QStringLiteral("no document");
    QString error;
    auto q = questionFrom(m, &error);
    if (!q)
        return error;
    return apply(tr("Add a predict question"), edits::addPredictQuestion(*scenario(), std::move(*q)));
}

QString LearnerEditor::editPredictQuestion(int index, const QVariantMap& m) {
    if (!scenario())
        return QStringLiteral("no document");
    if (index < 0)
        return QStringLiteral("no predict question #%1").arg(index + 1);
    QString error;
    auto q = questionFrom(m, &error);
    if (!q)
        return error;
    return apply(tr("Edit a predict question"), edits::replacePredictQuestion(*scenario(), static_cast<std::size_t>(index), std::move(*q)));
}

QString LearnerEditor::deletePredictQuestion(int index) {
    if (!scenario())
        return QStringLiteral("no document");
    if (index < 0)
        return QStringLiteral("no predict question #%1").arg(index + 1);
    return apply(tr("Delete a predict question"), edits::deletePredictQuestion(*scenario(), static_cast<std::size_t>(index)));
}

QStringList LearnerEditor::subjects(const QString& kind) const {
    QStringList out;
    if (!m_document)
        return out;
    const SimulationResult& r = m_document->result();
    const auto ids = [&out](const auto& list) {
        for (std::size_t i = 0; i < list.size() && i < kSubjectLimit; ++i)
            out << qs(list[i].id);
    };
    if (kind == QLatin1String("context"))
        ids(r.contexts);
    else if (kind == QLatin1String("task"))
        ids(r.tasks);
    else if (kind == QLatin1String("after_func"))
        ids(r.afterFuncs);
    return out;
}

} // namespace ctxscope
