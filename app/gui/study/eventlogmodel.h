#pragma once
// EventLogModel: the events up to the playhead (Playback::appliedEvents), one row each, that
// pass the filters (kind category, context, task, text). The matching event indices are kept
// in one sorted vector, recomputed when a filter or the simulation changes; a playhead move
// then only inserts or removes rows at the end (a binary search finds how many are applied).
#include "document.h"
#include "filterchoices.h"

#include <QAbstractListModel>
#include <QPointer>
#include <QStringList>
#include <QtQml/qqmlregistration.h>

#include <vector>

namespace ctxscope {

class EventLogModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(ctxscope::Document* document READ document WRITE setDocument NOTIFY documentChanged)
    // "" (every kind) or one of categories: "context", "cancel", "task", "value", "afterfunc", "log", "lint", "end".
    Q_PROPERTY(QString kindFilter READ kindFilter WRITE setKindFilter NOTIFY filterChanged)
    Q_PROPERTY(QString contextFilter READ contextFilter WRITE setContextFilter NOTIFY filterChanged) // context id or ""
    Q_PROPERTY(QString taskFilter READ taskFilter WRITE setTaskFilter NOTIFY filterChanged)          // task id or ""
    Q_PROPERTY(QString searchText READ searchText WRITE setSearchText NOTIFY filterChanged)
    Q_PROPERTY(QStringList categories READ categories CONSTANT)
    // What the filter boxes offer: "all", then every context (task) of the run, by the naming
    // rule of eventtext.h (the label, with the id where the two differ: "incoming request
    // (request)"); idAt(row) gives the id to filter by.
    Q_PROPERTY(ctxscope::FilterChoices* contextChoices READ contextChoices CONSTANT)
    Q_PROPERTY(ctxscope::FilterChoices* taskChoices READ taskChoices CONSTANT)
    // The same ids and names as string lists, made when read (for tests and small scenarios:
    // the boxes use the models).
    Q_PROPERTY(QStringList contextIds READ contextIds NOTIFY idsChanged)
    Q_PROPERTY(QStringList taskIds READ taskIds NOTIFY idsChanged)
    Q_PROPERTY(QStringList contextTitles READ contextTitles NOTIFY idsChanged)
    Q_PROPERTY(QStringList taskTitles READ taskTitles NOTIFY idsChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(int matchCount READ matchCount NOTIFY countChanged) // over the whole run

public:
    enum Role {
        SeqRole = Qt::UserRole + 1, // index in the event list
        TimeRole,                   // ns, as double
        TimeTextRole,
        KindRole,                   // the trace's "ev" word
        CategoryRole,
        TextRole,                   // the event in words, without the time
        TraceLineRole,              // the JSONL trace line
        IsLastRole,                 // the last event applied at the playhead
    };
    Q_ENUM(Role)

    explicit EventLogModel(QObject* parent = nullptr);

    Document* document() const { return m_doc; }
    void setDocument(Document* doc);
    QString kindFilter() const { return m_kind; }
    void setKindFilter(const QString& k);
    QString contextFilter() const { return m_context; }
    void setContextFilter(const QString& id);
    QString taskFilter() const { return m_task; }
    void setTaskFilter(const QString& id);
    QString searchText() const { return m_search; }
    void setSearchText(const QString& text);
    static QStringList categories();
    FilterChoices* contextChoices() const { return m_contextChoices; }
    FilterChoices* taskChoices() const { return m_taskChoices; }
    QStringList contextIds() const { return m_contextChoices->ids(); }
    QStringList taskIds() const { return m_taskChoices->ids(); }
    QStringList contextTitles() const { return m_contextChoices->titles(); }
    QStringList taskTitles() const { return m_taskChoices->titles(); }
    int matchCount() const { return static_cast<int>(m_matches.size()); }

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    // seqAt returns the event index shown in a row, or -1.
    Q_INVOKABLE int seqAt(int row) const;
    // seekToRow moves the playhead so that the row's event is the last one applied.
    Q_INVOKABLE void seekToRow(int row);

    // categoryOf names the filter category of an event kind.
    static QString categoryOf(EventKind kind);

Q_SIGNALS:
    void documentChanged();
    void filterChanged();
    void idsChanged();
    void countChanged();

private:
    void onSimulated();
    void refilter();
    void onPlayhead();
    bool matches(std::size_t seq) const;
    bool touchesContext(const Event& e, CtxIndex c) const;
    bool touchesTask(const Event& e, TaskIndex t) const;
    QString text(std::size_t seq) const;
    std::size_t appliedMatches() const;

    QPointer<Document> m_doc;
    QString m_kind, m_context, m_task, m_search;
    FilterChoices* m_contextChoices;
    FilterChoices* m_taskChoices;
    std::vector<std::uint32_t> m_matches; // sorted event indices that pass the filters
    std::size_t m_rows = 0;               // matches applied at the playhead
    std::size_t m_lastApplied = 0;
};

} // namespace ctxscope
