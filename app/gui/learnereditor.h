#pragma once
// LearnerEditor: the QML face of the learner-block edits (session/learner_edits.h), for an author
// who makes an exercise or predict questions by clicking (spec/scenario.md, "Exercises and
// predictions"). Like ScenarioEditor it converts what QML holds into the core's types and hands
// each edit to the Document (checked once in the core, one undo step); it also says whether the
// exercise is sound (checkExercise: not solved as shipped, solved by its solution).
#include "document.h"

#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QVariantList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

namespace ctxscope {

class LearnerEditor : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(ctxscope::Document* document READ document WRITE setDocument NOTIFY documentChanged)
    Q_PROPERTY(bool hasExercise READ hasExercise NOTIFY changed)
    Q_PROPERTY(QString goal READ goal NOTIFY changed)
    // The hints one a line, as the dialog edits them (a hint is one line of Markdown).
    Q_PROPERTY(QString hintsText READ hintsText NOTIFY changed)
    Q_PROPERTY(QString solutionNotes READ solutionNotes NOTIFY changed)
    // What the solution replaces: "tasks, contexts" ("" without an exercise).
    Q_PROPERTY(QString solutionLists READ solutionLists NOTIFY changed)
    // done_when as rows [{index, text, kind}] and predict questions as rows [{index, text}].
    Q_PROPERTY(QVariantList doneWhen READ doneWhen NOTIFY changed)
    Q_PROPERTY(QVariantList predictQuestions READ predictQuestions NOTIFY changed)
    // What checkExercise finds wrong with the exercise in the run on screen (already solved as
    // it stands, or its solution does not solve it), one message a line; empty when sound.
    Q_PROPERTY(QStringList problems READ problems NOTIFY changed)
    // The subject kinds a predict question may be about.
    Q_PROPERTY(QStringList predictKinds READ predictKinds CONSTANT)

public:
    explicit LearnerEditor(QObject* parent = nullptr);

    Document* document() const { return m_document; }
    void setDocument(Document* d);
    bool hasExercise() const;
    QString goal() const;
    QString hintsText() const;
    QString solutionNotes() const;
    QString solutionLists() const;
    QVariantList doneWhen() const;
    QVariantList predictQuestions() const;
    QStringList problems() const { return m_problems; }
    QStringList predictKinds() const;

    // The exercise: make one of the scenario as it is now (it becomes the solution), change what
    // the learner reads, record the scenario as it is now as the solution, remove it.
    Q_INVOKABLE QString makeExercise(const QString& goal, const QString& hintsText, const QString& notes);
    Q_INVOKABLE QString editExerciseText(const QString& goal, const QString& hintsText, const QString& notes);
    Q_INVOKABLE QString recordSolution();
    Q_INVOKABLE QString removeExercise();

    // done_when conditions, as the expectation dialog edits them (expectationmaps.h).
    Q_INVOKABLE QVariantMap doneWhenCondition(int index) const;
    Q_INVOKABLE QString addDoneWhen(const QVariantMap& e);
    Q_INVOKABLE QString editDoneWhen(int index, const QVariantMap& e);
    Q_INVOKABLE QString deleteDoneWhen(int index);

    // Predict questions: {kind, subject, task, fields: ["result", ...]}.
    Q_INVOKABLE QVariantMap predictQuestion(int index) const;
    Q_INVOKABLE QString addPredictQuestion(const QVariantMap& q);
    Q_INVOKABLE QString editPredictQuestion(int index, const QVariantMap& q);
    Q_INVOKABLE QString deletePredictQuestion(int index);
    // The ids a question of that kind may name: the contexts, tasks or after-funcs of the run
    // on screen (those that steps declare included); lookups name a key, typed.
    Q_INVOKABLE QStringList subjects(const QString& kind) const;

Q_SIGNALS:
    void documentChanged();
    void changed();

private:
    void refresh(); // after a simulation: the exercise check
    QString apply(const QString& text, const edits::EditResult& edit);
    const Scenario* scenario() const { return m_document ? &m_document->editedScenario() : nullptr; }
    QPointer<Document> m_document;
    QStringList m_problems;
};

} // namespace ctxscope
