#pragma once
// PredictModel: Predict mode's questions (predictItems: the scenario's "predict", or the fields
// its "expect" names), one row per field to predict. The learner picks an answer from the
// values Go can produce there (predictChoices) or, for a time, types a Go duration (parsed
// here, in C++: "0.1s" is "100ms"; "never" for a thing that never happens). reveal() grades
// every answer with gradePrediction (right or wrong, the real value and the event that decided
// it), ends the document's Predict mode and jumps to the end of the run. Before reveal() no row
// holds anything that tells how the run ends.
#include "ctxscope/formats/exercise.h"
#include "document.h"

#include <QAbstractListModel>
#include <QHash>
#include <QPointer>
#include <QStringList>
#include <QtQml/qqmlregistration.h>

#include <vector>

namespace ctxscope {

class PredictModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(ctxscope::Document* document READ document WRITE setDocument NOTIFY documentChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY changed)
    Q_PROPERTY(int answered READ answered NOTIFY changed)   // rows with a valid answer
    Q_PROPERTY(bool revealed READ revealed NOTIFY changed)  // graded (until the next round)
    Q_PROPERTY(int right READ right NOTIFY changed)         // after reveal
    Q_PROPERTY(QString scoreText READ scoreText NOTIFY changed) // "5 of 6 right", "" before reveal

public:
    enum Role {
        TitleRole = Qt::UserRole + 1, // "task fetch"
        FirstOfItemRole,              // the first field of its question (a heading above it)
        FieldRole,                    // "result"
        ChoicesRole,                  // QStringList to pick from; empty: type a duration
        ChoiceIndexRole,              // the picked choice, -1 none
        GuessRole,                    // the answer as chosen or typed ("" none)
        GuessErrorRole,               // why a typed answer is no answer ("" when fine)
        GradeRole,                    // "" before reveal, "right" or "wrong"
        ActualRole,                   // the real value after reveal ("" before)
        MessageRole,                  // after reveal, when wrong: what was wanted and what happened
        EventRole,                    // after reveal: the deciding event's index, -1 none
        EventTextRole,                // after reveal: "200ms · budget done: context deadline exceeded (…)"
        ContextIdRole,                // after reveal: the context to select, "" none
    };
    Q_ENUM(Role)

    explicit PredictModel(QObject* parent = nullptr);

    Document* document() const { return m_doc; }
    void setDocument(Document* doc);
    int answered() const;
    bool revealed() const { return m_revealed; }
    int right() const;
    QString scoreText() const;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    // choose picks choice `choice` of row (-1 clears it).
    Q_INVOKABLE void choose(int row, int choice);
    // type sets a typed answer (a Go duration, or "never"); returns why it is no answer, or "".
    Q_INVOKABLE QString type(int row, const QString& text);
    // reveal grades every row, turns the document's Predict mode off and shows the end of the run.
    Q_INVOKABLE void reveal();
    // startOver clears the answers and grades and turns Predict mode on from time 0.
    Q_INVOKABLE void startOver();
    // showRow seeks to the event that decided a graded row (after reveal).
    Q_INVOKABLE void showRow(int row);

Q_SIGNALS:
    void documentChanged();
    void changed();
    void graded(int right, int total); // reveal() finished

private:
    struct Row {
        std::size_t item = 0;
        std::size_t field = 0;
        QString key;                  // identifies the question across edits: kind/subject/task/field
        std::vector<Scalar> choices;  // empty: a time
        QStringList choiceTexts;
    };
    struct Answer {
        QString text;                 // as shown
        int choice = -1;
        std::optional<Scalar> value;  // the guess, when it is one
        QString error;
    };
    struct Grade {
        bool right = false;
        QString actual, message, eventText, contextId;
        int event = -1;
    };
    void rebuild();
    void onFileChanged();
    void grade();
    QString contextIdFor(const std::string& id) const;
    // titleOf names a question's subject as the tree does: "task lookup user (lookup)".
    QString titleOf(const PredictItem& item) const;

    QPointer<Document> m_doc;
    std::vector<PredictItem> m_items;
    std::vector<Row> m_rows;
    QHash<QString, Answer> m_answers; // by Row::key
    std::vector<Grade> m_grades;       // one per row once revealed
    bool m_revealed = false;
};

// How a value of a field reads to the learner: null is "nil" for err/cause/value, "never
// started" for a result, "none" for reason/source, "never" for times and "nil" otherwise;
// strings are shown bare.
QString predictValueText(const std::string& field, const std::optional<Scalar>& v);

} // namespace ctxscope
