#pragma once
// ExpectationsModel: the scenario's "expect" entries as an exercise. Each row is pending until
// the playhead reaches the moment its outcome is final (ExpectationOutcome::decidedAt), then
// passed or failed. check() is the learner's "Check" button: it freezes a verdict over the
// whole run for the current revision; any later edit clears it (the answer changed).
// For an exercise the rows are its done_when entries and the verdict is whether it is solved:
// "expect" describes the shipped (broken) version, so it cannot say "solved" (issue #10).
#include "ctxscope/formats/expectations.h"
#include "document.h"

#include <QAbstractListModel>
#include <QPointer>
#include <QtQml/qqmlregistration.h>

namespace ctxscope {

class ExpectationsModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(ctxscope::Document* document READ document WRITE setDocument NOTIFY documentChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(int passedAtPlayhead READ passedAtPlayhead NOTIFY statesChanged)
    Q_PROPERTY(int failedAtPlayhead READ failedAtPlayhead NOTIFY statesChanged)
    Q_PROPERTY(int pendingAtPlayhead READ pendingAtPlayhead NOTIFY statesChanged)
    Q_PROPERTY(bool checked READ checked NOTIFY verdictChanged)       // check() ran for this revision
    Q_PROPERTY(bool allPassed READ allPassed NOTIFY verdictChanged)   // the verdict, when checked
    Q_PROPERTY(QString verdictText READ verdictText NOTIFY verdictChanged)
    Q_PROPERTY(bool isExercise READ isExercise NOTIFY countChanged) // rows are exercise.done_when

public:
    enum Role {
        TitleRole = Qt::UserRole + 1,
        StateRole,        // "pending", "passed" or "failed" at the playhead
        FinalStateRole,   // "passed" or "failed" over the whole run
        FailuresRole,     // the failure messages, one per line ("" when passed), or the raced note
        RacedRole,        // "" or, for an entry Go decides by a race, which outcomes it holds in
        DecidedAtRole,    // ns, as double
        DecidedAtTextRole,
        ContextIdRole,    // the context to select for the entry (a task's: its context), "" when none
    };
    Q_ENUM(Role)

    explicit ExpectationsModel(QObject* parent = nullptr);

    Document* document() const { return m_doc; }
    void setDocument(Document* doc);
    int passedAtPlayhead() const { return countAt(State::Passed); }
    int failedAtPlayhead() const { return countAt(State::Failed); }
    int pendingAtPlayhead() const { return countAt(State::Pending); }
    bool checked() const { return m_checkedRevision >= 0 && m_doc && m_checkedRevision == m_doc->revision(); }
    bool allPassed() const { return checked() && m_report.allPassed(); }
    QString verdictText() const;
    bool isExercise() const { return m_exercise; }

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    // check evaluates every expectation against the whole run and shows the verdict.
    Q_INVOKABLE void check();
    // stateAt is the state of a row at a time (ns): for tests and for the timeline's tooltips.
    Q_INVOKABLE QString stateAt(int row, double time) const;

Q_SIGNALS:
    void documentChanged();
    void countChanged();
    void statesChanged();
    void verdictChanged();

private:
    enum class State { Pending, Passed, Failed };
    State state(std::size_t row, Nanos t) const;
    int countAt(State s) const;
    QString contextIdFor(const std::string& id) const;
    void reset();
    void onPlayhead();
    ExpectationReport evaluate() const;
    const std::vector<Expectation>& entries() const;
    void applyRaces(); // an entry that holds in some outcome Go can produce passes (issue #13)

    QPointer<Document> m_doc;
    ExpectationReport m_report;
    std::vector<QString> m_raced; // per row: RacedRole
    int m_checkedRevision = -1;
    bool m_exercise = false;
};

} // namespace ctxscope
