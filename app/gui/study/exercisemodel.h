#pragma once
// ExerciseModel: the learner's side of an exercise (spec/scenario.md, "Exercises and
// predictions") for the banner above the tree. Its rows are the exercise's done_when entries,
// checked against the whole run after every edit (checkDoneWhen): the live checklist. It also
// holds what the learner has asked for: hints (one at a time), the solution (applied as one
// undoable edit, with what it changed and the notes), and Reset (the shipped version back, one
// undoable edit). While the document is predicting, the checklist shows "?" (state "hidden")
// and nothing is ever solved: done_when would tell how the run ends.
#include "ctxscope/formats/expectations.h"
#include "document.h"

#include <QAbstractListModel>
#include <QPointer>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

#include <optional>

namespace ctxscope {

class ExerciseModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(ctxscope::Document* document READ document WRITE setDocument NOTIFY documentChanged)
    Q_PROPERTY(bool active READ active NOTIFY changed)           // the scenario has an exercise
    Q_PROPERTY(QString goal READ goal NOTIFY changed)            // rich text
    Q_PROPERTY(bool hidden READ hidden NOTIFY changed)           // predicting: the checklist says "?"
    Q_PROPERTY(bool solved READ solved NOTIFY changed)           // every done_when entry holds (never while hidden)
    Q_PROPERTY(int count READ rowCount NOTIFY changed)
    Q_PROPERTY(int passedCount READ passedCount NOTIFY changed)
    Q_PROPERTY(QString statusText READ statusText NOTIFY changed) // "1 of 3 conditions hold", "Solved", …
    Q_PROPERTY(int hintCount READ hintCount NOTIFY changed)
    Q_PROPERTY(QStringList shownHints READ shownHints NOTIFY changed) // rich text, the ones asked for
    Q_PROPERTY(bool canShowSolution READ canShowSolution NOTIFY changed)
    // "Show solution" was used and the scenario is still the solution (an undo or an edit ends it).
    Q_PROPERTY(bool solutionShown READ solutionShown NOTIFY changed)
    Q_PROPERTY(QVariantList changes READ changes NOTIFY changed)  // scenariotext.h changeRows
    Q_PROPERTY(QString solutionNotes READ solutionNotes NOTIFY changed) // rich text
    Q_PROPERTY(bool canReset READ canReset NOTIFY changed)       // the lists differ from the shipped version

public:
    enum Role {
        TitleRole = Qt::UserRole + 1,
        StateRole,      // "passed", "failed" or "hidden"
        FailuresRole,   // what is still wrong, one message per line ("" when passed or hidden)
        EventRole,      // the deciding event's index, -1 when none or hidden
        ContextIdRole,  // the context to select for it, "" when none
    };
    Q_ENUM(Role)

    explicit ExerciseModel(QObject* parent = nullptr);

    Document* document() const { return m_doc; }
    void setDocument(Document* doc);
    bool active() const { return m_exercise.has_value(); }
    QString goal() const;
    bool hidden() const { return m_doc && m_doc->predicting(); }
    bool solved() const { return active() && !hidden() && m_report.allPassed(); }
    int passedCount() const { return static_cast<int>(m_report.passed); }
    QString statusText() const;
    int hintCount() const { return m_exercise ? static_cast<int>(m_exercise->hints.size()) : 0; }
    QStringList shownHints() const;
    bool canShowSolution() const;
    bool solutionShown() const { return m_solutionShown; }
    QVariantList changes() const { return m_changes; }
    QString solutionNotes() const;
    bool canReset() const;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    // showNextHint reveals one more hint (false when all are shown).
    Q_INVOKABLE bool showNextHint();
    // showSolution applies the solution as one undoable edit ("Show solution") and keeps what
    // it changed for changes; "" on success, else why not.
    Q_INVOKABLE QString showSolution();
    // resetExercise restores the contexts, tasks, after-funcs and actions as shipped (one
    // undoable edit); the rest of the scenario stays. "" on success.
    Q_INVOKABLE QString resetExercise();
    // seekToRow shows the run up to the event that decided row (selecting is the view's).
    Q_INVOKABLE void seekToRow(int row);

Q_SIGNALS:
    void documentChanged();
    void changed();
    // The learner's edits made every done_when entry hold (not at load, not while predicting).
    // bySolution: it was "Show solution" that did it.
    void solvedNow(bool bySolution);

private:
    void refresh();
    QString contextIdFor(const std::string& id) const;

    QPointer<Document> m_doc;
    std::optional<Exercise> m_exercise;
    ExpectationReport m_report;
    int m_hintsShown = 0;
    bool m_solutionShown = false;
    bool m_applyingSolution = false;
    bool m_wasSolved = false;
    QVariantList m_changes;
};

} // namespace ctxscope
