#pragma once
// FilterChoices: what a filter box of the event log offers, as a list model: "all" first, then
// every context (or every task) of the run on screen, named as the tree names them. A list
// model, not a list of strings, because a run may have 10^6 contexts: the box makes rows only
// for what its popup shows, where a string list was 10^6 strings copied into JavaScript on
// every open (a second at 10^6 contexts).
#include "document.h"

#include <QAbstractListModel>
#include <QPointer>
#include <QtQml/qqmlregistration.h>

namespace ctxscope {

class FilterChoices : public QAbstractListModel {
    Q_OBJECT
    QML_ANONYMOUS
    // The first row's text ("All contexts").
    Q_PROPERTY(QString allText READ allText WRITE setAllText NOTIFY allTextChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)

public:
    enum class Of { Contexts, Tasks };
    FilterChoices(Of of, QObject* parent);

    // setDocument shows its run's contexts or tasks; refresh tells that the run changed. The
    // rows are reset only when the ids or names did, so a box keeps its choice across an edit
    // that changes neither (a fingerprint of them is compared, not the strings).
    void setDocument(Document* doc);
    void refresh();

    QString allText() const { return m_allText; }
    void setAllText(const QString& text);
    // idAt: the id of the context or task in a row ("" for the first row, "all").
    Q_INVOKABLE QString idAt(int row) const;
    // The ids and names in row order without the first row (for the model's string lists).
    QStringList ids() const;
    QStringList titles() const;
    // sampleTitles: the names of the first `limit` rows after "all", for sizing the list to its
    // entries. (A QML loop over titles() reloads the whole list at every index: O(N^2), minutes at
    // 10^5 contexts.)
    Q_INVOKABLE QStringList sampleTitles(int limit) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

Q_SIGNALS:
    void allTextChanged();
    void countChanged();

private:
    std::size_t items() const; // contexts or tasks in the run on screen
    QString title(std::size_t i) const;
    std::size_t fingerprint() const;

    Of m_of;
    QPointer<Document> m_doc;
    QString m_allText;
    std::size_t m_items = 0;       // rows after the first, as last reset
    std::size_t m_fingerprint = 0; // of the ids and labels, as last reset
};

} // namespace ctxscope
