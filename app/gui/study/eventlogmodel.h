#pragma once
// EventLogModel: the events up to the playhead (Playback::appliedEvents), one row each, that
// pass the filters (kind category, context, task, text). The matching event indices are kept
// in one sorted vector, recomputed when a filter or the simulation changes; a playhead move
// then only inserts or removes rows at the end (a binary search finds how many are applied).
#include "document.h"

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
    Q_PROPERTY(QStringList contextIds READ contextIds NOTIFY idsChanged)
    Q_PROPERTY(QStringList taskIds READ taskIds NOTIFY idsChanged)
    // What the filter boxes show for those ids, in the same order: the label, with the id where
    // the two differ ("incoming request (request)"), by the naming rule of eventtext.h.
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
    QStringList contextIds() const { return m_contextIds; }
    QStringList taskIds() const { return m_taskIds; }
    QStringList contextTitles() const { return m_contextTitles; }
    QStringList taskTitles() const { return m_taskTitles; }
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
    QStringList m_contextIds, m_taskIds, m_contextTitles, m_taskTitles;
    std::vector<std::uint32_t> m_matches; // sorted event indices that pass the filters
    std::size_t m_rows = 0;               // matches applied at the playhead
    std::size_t m_lastApplied = 0;
};

} // namespace ctxscope
