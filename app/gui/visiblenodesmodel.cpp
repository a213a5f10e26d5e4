#include "visiblenodesmodel.h"

#include "eventtext.h"

#include <algorithm>

namespace ctxscope {

VisibleNodesModel::VisibleNodesModel(QObject* parent) : QAbstractListModel(parent) {}

void VisibleNodesModel::setScene(TreeScene* scene) {
    if (scene == m_scene)
        return;
    if (m_scene)
        disconnect(m_scene, nullptr, this, nullptr);
    m_scene = scene;
    if (m_scene) {
        connect(m_scene, &TreeScene::layoutChanged, this, &VisibleNodesModel::relayoutRows);
        connect(m_scene, &TreeScene::statesChanged, this, &VisibleNodesModel::refreshData);
        connect(m_scene, &TreeScene::selectionChanged, this, &VisibleNodesModel::refreshData);
    }
    relayoutRows();
    Q_EMIT sceneChanged();
}

void VisibleNodesModel::setViewport(const QRectF& r) {
    if (r == m_viewport)
        return;
    m_viewport = r;
    recompute();
    Q_EMIT viewportChanged();
}

void VisibleNodesModel::setLimit(int limit) {
    if (limit == m_limit)
        return;
    m_limit = limit;
    recompute();
    Q_EMIT limitChanged();
}

void VisibleNodesModel::relayoutRows() {
    // After a relayout the same index may mean a different context at a different place.
    beginResetModel();
    m_rows.clear();
    endResetModel();
    recompute();
}

void VisibleNodesModel::recompute() {
    std::vector<CtxIndex> next;
    bool over = false;
    if (m_scene && m_scene->document())
        over = !m_scene->nodesIn(m_viewport, static_cast<std::size_t>(std::max(0, m_limit)), next);
    if (over)
        next.clear(); // zoomed too far out for labels: the canvas alone shows the shape
    // Merge the two ascending lists: remove what left (back to front), then insert what came.
    std::vector<std::pair<int, int>> removals; // [first, last] in old rows
    {
        std::size_t j = 0;
        for (std::size_t i = 0; i < m_rows.size(); ++i) {
            while (j < next.size() && next[j] < m_rows[i])
                ++j;
            if (j < next.size() && next[j] == m_rows[i])
                continue;
            const int row = static_cast<int>(i);
            if (!removals.empty() && removals.back().second == row - 1)
                removals.back().second = row;
            else
                removals.emplace_back(row, row);
        }
    }
    const bool countWillChange = m_rows.size() != next.size();
    for (auto it = removals.rbegin(); it != removals.rend(); ++it) {
        beginRemoveRows({}, it->first, it->second);
        m_rows.erase(m_rows.begin() + it->first, m_rows.begin() + it->second + 1);
        endRemoveRows();
    }
    // m_rows is now a subsequence of next; insert the gaps in runs.
    std::size_t i = 0;
    for (std::size_t j = 0; j < next.size();) {
        if (i < m_rows.size() && m_rows[i] == next[j]) {
            ++i;
            ++j;
            continue;
        }
        std::size_t end = j;
        while (end < next.size() && !(i < m_rows.size() && m_rows[i] == next[end]))
            ++end;
        const int first = static_cast<int>(i);
        beginInsertRows({}, first, first + static_cast<int>(end - j) - 1);
        m_rows.insert(m_rows.begin() + static_cast<std::ptrdiff_t>(i), next.begin() + static_cast<std::ptrdiff_t>(j),
                      next.begin() + static_cast<std::ptrdiff_t>(end));
        endInsertRows();
        i += end - j;
        j = end;
    }
    if (over != m_overLimit || countWillChange) {
        m_overLimit = over;
        Q_EMIT countChanged();
    }
}

void VisibleNodesModel::refreshData() {
    // Only the roles that the playhead, the selection or Predict mode change: the others (id,
    // label, kind, place, where a deadline comes from, who derived it, children, collapsed)
    // change with the layout, which resets the rows. Every card rewrote all its properties on
    // every frame while playing.
    static const QList<int> kChanging = {StateRole,    StateNameRole, StateGlyphRole, DetailRole, CountdownRole,
                                         LintRole,     SelectedRole,  ChipsRole,      RacedRole};
    if (!m_rows.empty())
        Q_EMIT dataChanged(index(0), index(static_cast<int>(m_rows.size()) - 1), kChanging);
}

int VisibleNodesModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

QHash<int, QByteArray> VisibleNodesModel::roleNames() const {
    return {{ContextIdRole, "contextId"},   {LabelRole, "label"},
            {KindRole, "kind"},             {XRole, "nodeX"},
            {YRole, "nodeY"},               {StateRole, "nodeState"},
            {StateNameRole, "stateName"},   {StateGlyphRole, "stateGlyph"},
            {DetailRole, "detail"},         {CountdownRole, "countdown"},
            {InheritedFromRole, "inheritedFrom"}, {LintRole, "lint"},
            {DerivedByRole, "derivedBy"},   {ChildCountRole, "childCount"},
            {CollapsedRole, "collapsed"},   {SelectedRole, "selected"},
            {ChipsRole, "chips"},           {RacedRole, "raced"}};
}

QVariant VisibleNodesModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount() || !m_scene || !m_scene->document())
        return {};
    const CtxIndex c = m_rows[static_cast<std::size_t>(index.row())];
    const Document& doc = *m_scene->document();
    const SimulationResult& r = doc.result();
    if (c >= r.contexts.size())
        return {};
    const ContextInfo& info = r.contexts[c];
    const ContextStateAt& st = doc.playback().context(c);
    const NodeState state = m_scene->state(c);
    const Nanos now = doc.timeNanos();
    const bool hasDeadline = info.hasDeadline() && info.createdAt != kNever;
    switch (role) {
    case ContextIdRole: return QString::fromStdString(info.id);
    case LabelRole: return contextName(r, c);
    case KindRole: return QString::fromLatin1(contextKindName(info.kind));
    case XRole: return m_scene->layout().x[c];
    case YRole: return m_scene->layout().y[c];
    case StateRole: return QVariant::fromValue(state);
    case StateNameRole: return stateName(state);
    case StateGlyphRole: return stateGlyph(state);
    case CountdownRole:
        // While predicting, a countdown at 0 would tell that the deadline has passed.
        if (!hasDeadline || st.err != Err::None || !st.created || m_scene->hideOutcome())
            return QString();
        // At a precision that suits the time axis (69.8ms left, not 69.8452ms, while playing).
        return QStringLiteral("\u25D4 %1 left")
            .arg(readableDuration(std::max<Nanos>(0, info.deadline - std::max(now, info.createdAt)), doc.run()->timelineEndNanos()));
    case InheritedFromRole:
        // Whose deadline it counts down to, or that ended it. Not once a cancel ended it first:
        // "✕ canceled ↑GET /users" read as if GET /users had canceled it.
        if (!hasDeadline || info.deadlineFrom == c || info.deadlineFrom == kNone || st.err == Err::Canceled)
            return QString();
        return contextName(r, info.deadlineFrom);
    case DetailRole:
        if (state == NodeState::NotCreated && m_scene->hideOutcome())
            return QString(); // whether and when a task derives it is part of the outcome
        if (state == NodeState::NotCreated)
            return info.createdAt == kNever ? QStringLiteral("never created")
                                            : QStringLiteral("created at %1").arg(readableDuration(info.createdAt, doc.run()->timelineEndNanos()));
        if (st.err != Err::None && !m_scene->hideOutcome()) {
            const QString cause = st.cause < r.strings.size() ? QString::fromStdString(r.strings[st.cause]) : QString();
            // A card is a summary: the time at the axis' precision (the inspector has it exactly).
            return QStringLiteral("at %1: %2").arg(readableDuration(st.doneAt, doc.run()->timelineEndNanos()), cause);
        }
        return QString(); // a string, never an invalid QVariant: QML keeps a string property's old text for that (stale "at 200ms: …" after Home)
    case LintRole: {
        // Lints about the context, and about the tasks on it (named), found by the playhead.
        if (m_scene->hideOutcome())
            return QString();
        QStringList found;
        for (const LintFinding& l : r.lints) {
            if (l.t > now)
                continue;
            QString entry;
            if (l.subject == info.id)
                entry = QString::fromStdString(l.rule);
            for (TaskIndex t : m_scene->tasksOn(c))
                if (r.tasks[t].id == l.subject)
                    entry = QStringLiteral("%1: %2").arg(taskName(r, t), QString::fromStdString(l.rule));
            if (!entry.isEmpty() && !found.contains(entry))
                found << entry;
        }
        return found.join(QStringLiteral(", "));
    }
    case DerivedByRole: return info.derivedBy == kNone ? QString() : taskName(r, info.derivedBy);
    case ChildCountRole: return static_cast<int>(m_scene->layout().childCount[c]);
    case CollapsedRole: return m_scene->isCollapsedIndex(c);
    case SelectedRole: return m_scene->selectedIndex() == c;
    case ChipsRole: return chips(c);
    case RacedRole:
        return m_scene->hideOutcome() ? QString() // the values Go can give are outcomes
                                      : doc.outcomes()->races().subjectNote(QStringLiteral("context"), QString::fromStdString(info.id),
                                                                static_cast<std::size_t>(doc.outcomes()->index()), now);
    default: return {};
    }
}

QVariantList VisibleNodesModel::chips(CtxIndex c) const {
    // While predicting, chips say only what was started or registered: not how far a task got
    // (its progress bar fills by when it will end), whether it ended, its lints, or whether an
    // after-func ran.
    const bool hide = m_scene->hideOutcome();
    const Document& doc = *m_scene->document();
    const SimulationResult& r = doc.result();
    const Nanos now = doc.timeNanos();
    QVariantList out;
    for (TaskIndex t : m_scene->tasksOn(c)) {
        const TaskInfo& info = r.tasks[t];
        const TaskStateAt& st = doc.playback().task(t);
        QVariantMap m;
        m[QStringLiteral("id")] = QString::fromStdString(info.id);
        m[QStringLiteral("label")] = taskName(r, t);
        m[QStringLiteral("title")] = taskTitle(r, t); // the tooltip's: "label (id)"
        m[QStringLiteral("kind")] = QStringLiteral("task");
        const Nanos end = info.endedAt == kNever ? r.endTime : info.endedAt;
        double progress = 0;
        if (st.started && end > info.startedAt)
            progress = std::clamp(static_cast<double>(now - info.startedAt) / static_cast<double>(end - info.startedAt), 0.0, 1.0);
        else if (st.started)
            progress = 1;
        m[QStringLiteral("progress")] = hide ? 0.0 : st.ended ? 1.0 : progress;
        m[QStringLiteral("state")] = !st.started          ? QStringLiteral("pending")
                                     : st.ended && !hide ? QStringLiteral("ended")
                                                         : QStringLiteral("running");
        QString result;
        if (st.ended && st.result < r.strings.size() && !hide)
            result = QString::fromStdString(r.strings[st.result]);
        m[QStringLiteral("result")] = result;
        QStringList lints;
        for (const LintFinding& l : r.lints)
            if (l.subject == info.id && l.t <= now && !hide)
                lints << QString::fromStdString(l.rule);
        m[QStringLiteral("lint")] = lints.join(QStringLiteral(", "));
        m[QStringLiteral("raced")] = hide ? QString() : doc.outcomes()->races().subjectNote(QStringLiteral("task"), QString::fromStdString(info.id), static_cast<std::size_t>(doc.outcomes()->index()), now);
        out << m;
    }
    for (AfIndex a : m_scene->afterFuncsOn(c)) {
        const AfterFuncInfo& info = r.afterFuncs[a];
        const AfterFuncStateAt& st = doc.playback().afterFunc(a);
        QVariantMap m;
        m[QStringLiteral("id")] = QString::fromStdString(info.id);
        m[QStringLiteral("label")] = QString::fromStdString(info.id);
        m[QStringLiteral("title")] = QString::fromStdString(info.id);
        m[QStringLiteral("kind")] = QStringLiteral("afterfunc");
        m[QStringLiteral("state")] = !st.registered       ? QStringLiteral("pending")
                                     : hide              ? QStringLiteral("registered")
                                     : st.started        ? QStringLiteral("ran")
                                     : st.stopped        ? QStringLiteral("stopped")
                                                         : QStringLiteral("registered");
        m[QStringLiteral("progress")] = st.started && !hide ? 1.0 : 0.0;
        m[QStringLiteral("result")] = QString();
        m[QStringLiteral("lint")] = QString();
        m[QStringLiteral("raced")] = hide ? QString() : doc.outcomes()->races().subjectNote(QStringLiteral("after_func"), QString::fromStdString(info.id), static_cast<std::size_t>(doc.outcomes()->index()), now);
        out << m;
    }
    // Chips with a lint come first: they are what a card with many tasks must not hide. (While
    // predicting there are none, and the order must not tell either.)
    std::stable_partition(out.begin(), out.end(),
                          [](const QVariant& v) { return !v.toMap().value(QStringLiteral("lint")).toString().isEmpty(); });
    return out;
}

} // namespace ctxscope
