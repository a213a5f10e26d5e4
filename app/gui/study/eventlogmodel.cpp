#include "eventlogmodel.h"

#include "ctxscope/formats/trace_writer.h"
#include "eventtext.h"

#include <algorithm>

namespace ctxscope {

EventLogModel::EventLogModel(QObject* parent)
    : QAbstractListModel(parent), m_contextChoices(new FilterChoices(FilterChoices::Of::Contexts, this)),
      m_taskChoices(new FilterChoices(FilterChoices::Of::Tasks, this)) {
    // The string lists are made from the choices: they change when either list of rows does.
    connect(m_contextChoices, &QAbstractItemModel::modelReset, this, &EventLogModel::idsChanged);
    connect(m_taskChoices, &QAbstractItemModel::modelReset, this, &EventLogModel::idsChanged);
}

void EventLogModel::setDocument(Document* doc) {
    if (!followDocument(this, m_doc, doc, &EventLogModel::onSimulated, &EventLogModel::onPlayhead))
        return;
    onSimulated();
    Q_EMIT documentChanged();
}

#define CTXSCOPE_FILTER_SETTER(Name, member)                                                                   \
    void EventLogModel::set##Name(const QString& v) {                                                          \
        if (v == member)                                                                                       \
            return;                                                                                            \
        member = v;                                                                                            \
        refilter();                                                                                            \
        Q_EMIT filterChanged();                                                                                \
    }
CTXSCOPE_FILTER_SETTER(KindFilter, m_kind)
CTXSCOPE_FILTER_SETTER(ContextFilter, m_context)
CTXSCOPE_FILTER_SETTER(TaskFilter, m_task)
CTXSCOPE_FILTER_SETTER(SearchText, m_search)
#undef CTXSCOPE_FILTER_SETTER

QStringList EventLogModel::categories() {
    return {QStringLiteral("context"), QStringLiteral("cancel"),    QStringLiteral("task"),
            QStringLiteral("value"),   QStringLiteral("afterfunc"), QStringLiteral("log"),
            QStringLiteral("lint"),    QStringLiteral("end")};
}

QString EventLogModel::categoryOf(EventKind kind) {
    switch (kind) {
    case EventKind::ContextCreated: return QStringLiteral("context");
    case EventKind::ContextCanceled:
    case EventKind::CancelCalled: return QStringLiteral("cancel");
    case EventKind::TaskStarted:
    case EventKind::TaskEnded: return QStringLiteral("task");
    case EventKind::ValueLookup: return QStringLiteral("value");
    case EventKind::AfterFuncRegistered:
    case EventKind::AfterFuncStarted:
    case EventKind::AfterFuncStop: return QStringLiteral("afterfunc");
    case EventKind::Log: return QStringLiteral("log");
    case EventKind::Lint: return QStringLiteral("lint");
    case EventKind::End: return QStringLiteral("end");
    }
    return {};
}

void EventLogModel::onSimulated() {
    m_contextChoices->setDocument(m_doc);
    m_taskChoices->setDocument(m_doc);
    refilter();
}

bool EventLogModel::touchesContext(const Event& e, CtxIndex c) const {
    const SimulationResult& r = m_doc->result();
    switch (e.kind) {
    case EventKind::ContextCreated:
    case EventKind::ContextCanceled:
    case EventKind::CancelCalled: return e.subject == c;
    case EventKind::TaskStarted:
    case EventKind::AfterFuncRegistered: return e.other == c;
    case EventKind::ValueLookup: return e.other < r.lookups.size() && r.lookups[e.other].context == c;
    case EventKind::Lint: return e.other < r.lints.size() && r.lints[e.other].subject == r.contexts[c].id;
    default: return false;
    }
}

bool EventLogModel::touchesTask(const Event& e, TaskIndex t) const {
    const SimulationResult& r = m_doc->result();
    switch (e.kind) {
    case EventKind::TaskStarted:
    case EventKind::TaskEnded:
    case EventKind::ValueLookup:
    case EventKind::Log: return e.subject == t || e.by == t;
    case EventKind::ContextCreated:
    case EventKind::CancelCalled:
    case EventKind::AfterFuncStop: return e.by == t;
    case EventKind::AfterFuncStarted: return e.subject < r.afterFuncs.size() && r.afterFuncs[e.subject].call == t;
    case EventKind::Lint: return e.other < r.lints.size() && r.lints[e.other].subject == r.tasks[t].id;
    default: return false;
    }
}

QString EventLogModel::text(std::size_t seq) const {
    const QString full = describeEvent(m_doc->result(), m_doc->result().events[seq]);
    const qsizetype dot = full.indexOf(QStringLiteral(" \u00B7 "));
    return dot < 0 ? full : full.mid(dot + 3); // the time has its own column
}

void EventLogModel::refilter() {
    beginResetModel();
    m_matches.clear();
    m_rows = 0;
    if (m_doc) {
        const SimulationResult& r = m_doc->result();
        const auto c = m_context.isEmpty() ? std::optional<CtxIndex>() : r.findContext(m_context.toStdString());
        const auto t = m_task.isEmpty() ? std::optional<TaskIndex>() : r.findTask(m_task.toStdString());
        const bool unknownFilter = (!m_context.isEmpty() && !c) || (!m_task.isEmpty() && !t);
        const QString needle = m_search.trimmed();
        for (std::size_t seq = 0; seq < r.events.size() && !unknownFilter; ++seq) {
            const Event& e = r.events[seq];
            if (!m_kind.isEmpty() && categoryOf(e.kind) != m_kind)
                continue;
            if (c && !touchesContext(e, *c))
                continue;
            if (t && !touchesTask(e, *t))
                continue;
            if (!needle.isEmpty() && !text(seq).contains(needle, Qt::CaseInsensitive) &&
                !QLatin1String(traceEventName(e.kind)).contains(needle, Qt::CaseInsensitive))
                continue;
            m_matches.push_back(static_cast<std::uint32_t>(seq));
        }
        m_lastApplied = m_doc->playback().appliedEvents();
        m_rows = appliedMatches();
    }
    endResetModel();
    Q_EMIT countChanged();
}

std::size_t EventLogModel::appliedMatches() const {
    if (!m_doc)
        return 0;
    const std::size_t applied = m_doc->playback().appliedEvents();
    return static_cast<std::size_t>(std::lower_bound(m_matches.begin(), m_matches.end(), applied) - m_matches.begin());
}

void EventLogModel::onPlayhead() {
    if (!m_doc)
        return;
    const std::size_t rows = appliedMatches();
    const std::size_t before = m_rows;
    if (rows > m_rows) {
        beginInsertRows({}, static_cast<int>(m_rows), static_cast<int>(rows) - 1);
        m_rows = rows;
        endInsertRows();
    } else if (rows < m_rows) {
        beginRemoveRows({}, static_cast<int>(rows), static_cast<int>(m_rows) - 1);
        m_rows = rows;
        endRemoveRows();
    }
    const std::size_t applied = m_doc->playback().appliedEvents();
    if (applied != m_lastApplied) {
        m_lastApplied = applied;
        // The "last applied" mark moves: refresh the old and the new last row.
        for (std::size_t row : {before, m_rows})
            if (row > 0 && row <= m_rows)
                Q_EMIT dataChanged(index(static_cast<int>(row) - 1), index(static_cast<int>(row) - 1), {IsLastRole});
    }
    if (rows != before)
        Q_EMIT countChanged();
}

int EventLogModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : static_cast<int>(m_rows); }

int EventLogModel::seqAt(int row) const {
    return row >= 0 && static_cast<std::size_t>(row) < m_rows ? static_cast<int>(m_matches[static_cast<std::size_t>(row)]) : -1;
}

QVariant EventLogModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid) || !m_doc)
        return {};
    const std::size_t seq = m_matches[static_cast<std::size_t>(index.row())];
    const SimulationResult& r = m_doc->result();
    if (seq >= r.events.size())
        return {};
    const Event& e = r.events[seq];
    switch (role) {
    case SeqRole: return static_cast<int>(seq);
    case TimeRole: return static_cast<double>(e.t);
    case TimeTextRole: return durationText(e.t);
    case KindRole: return QString::fromLatin1(traceEventName(e.kind));
    case CategoryRole: return categoryOf(e.kind);
    case Qt::DisplayRole:
    case TextRole: return text(seq);
    case TraceLineRole: return QString::fromStdString(traceEventLine(r, seq));
    case IsLastRole: return seq + 1 == m_doc->playback().appliedEvents();
    default: return {};
    }
}

QHash<int, QByteArray> EventLogModel::roleNames() const {
    return {{SeqRole, "seq"},       {TimeRole, "time"},       {TimeTextRole, "timeText"},
            {KindRole, "kind"},     {CategoryRole, "category"}, {TextRole, "message"},
            {TraceLineRole, "traceLine"}, {IsLastRole, "isLast"}};
}

void EventLogModel::seekToRow(int row) {
    const int seq = seqAt(row);
    if (seq < 0 || !m_doc)
        return;
    const int count = seq + 1;
    // Document::seekEvents(int), when the document has it, shows exactly `count` events.
    if (m_doc->metaObject()->indexOfMethod("seekEvents(int)") >= 0) {
        QMetaObject::invokeMethod(m_doc, "seekEvents", Q_ARG(int, count));
        return;
    }
    // Otherwise seek to the event's instant (which applies every event of that instant) and
    // step back over the later ones of the same instant, up to a bound.
    m_doc->seekTime(static_cast<double>(m_doc->result().events[static_cast<std::size_t>(seq)].t));
    for (int guard = 0; guard < 256 && m_doc->appliedEvents() > count; ++guard)
        m_doc->stepBack();
}

} // namespace ctxscope
