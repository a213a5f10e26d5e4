#include "treescene.h"

#include <algorithm>
#include <cmath>
#include <functional>

namespace ctxscope {

TreeScene::TreeScene(QObject* parent) : QObject(parent) {
    m_params.nodeWidth = 216;  // room for three task chips
    m_params.nodeHeight = 108; // kind, label, state, cause, lints, chips
}

void TreeScene::setDocument(Document* doc) {
    if (!followDocument(this, m_doc, doc, &TreeScene::relayout, &TreeScene::refreshStates))
        return;
    if (m_doc) {
        connect(m_doc, &Document::viewStateChanged, this, &TreeScene::viewStateChanged);
        connect(m_doc, &Document::predictingChanged, this, &TreeScene::predictingChanged);
    }
    relayout();
    Q_EMIT documentChanged();
    Q_EMIT hideOutcomeChanged();
}

CtxIndex TreeScene::parent(CtxIndex c) const { return c < m_parents.size() ? m_parents[c] : kNone; }

bool TreeScene::isCollapsedIndex(CtxIndex c) const {
    return m_doc && c < m_doc->result().contexts.size() && m_doc->session().isCollapsed(m_doc->result().contexts[c].id);
}

void TreeScene::relayout() {
    const std::size_t n = m_doc ? m_doc->result().contexts.size() : 0;
    std::vector<std::uint32_t> parents(n);
    std::vector<std::uint8_t> flags(n, 0);
    if (m_doc) {
        const SimulationResult& r = m_doc->result();
        for (std::size_t i = 0; i < n; ++i) {
            const ContextInfo& c = r.contexts[i];
            parents[i] = c.parent;
            if (c.createdAt == kNever)
                flags[i] |= kLayoutExcluded; // declared by a derive step that never ran
            if (m_doc->session().isCollapsed(c.id))
                flags[i] |= kLayoutCollapsed;
        }
        m_tasksOn = groupBy(n, r.tasks.size(),
                            [&](std::size_t t) -> std::size_t { return r.tasks[t].afterFunc == kNone ? r.tasks[t].context : n; });
        m_afterFuncsOn = groupBy(n, r.afterFuncs.size(), [&](std::size_t a) -> std::size_t { return r.afterFuncs[a].context; });
    } else {
        m_tasksOn = {};
        m_afterFuncsOn = {};
    }
    m_collapsedShown = m_doc ? m_doc->session().collapsed() : std::unordered_set<std::string>{};
    m_layout = layoutForest(parents, flags, m_params);
    m_parents.assign(parents.begin(), parents.end());
    indexRows();
    indexBuses();
    // The selection is kept by id across re-simulation (a context that is gone deselects).
    resolveSelection();
    ++m_layoutVersion;
    m_states.assign(n, 0);
    m_statesApplied = kStatesStale;
    Q_EMIT layoutChanged();
    refreshStates();
    findAddedContext();
}

void TreeScene::findAddedContext() {
    // The run lists contexts in the scenario's order, and an edit inserts or appends one: compare
    // the ids (by hash) with the last run's and look for exactly one insertion.
    std::vector<std::size_t> hashes;
    if (m_doc) {
        const auto& contexts = m_doc->result().contexts;
        hashes.reserve(contexts.size());
        for (const ContextInfo& c : contexts)
            hashes.push_back(std::hash<std::string>{}(c.id));
    }
    std::swap(hashes, m_idHashes);
    const std::vector<std::size_t>& before = hashes;
    const std::vector<std::size_t>& now = m_idHashes;
    if (before.empty() || now.size() != before.size() + 1)
        return;
    std::size_t i = 0;
    while (i < before.size() && before[i] == now[i])
        ++i;
    if (!std::equal(before.begin() + static_cast<std::ptrdiff_t>(i), before.end(), now.begin() + static_cast<std::ptrdiff_t>(i) + 1))
        return;
    const ContextInfo& added = m_doc->result().contexts[i];
    if (added.createdAt == kNever)
        return;
    Q_EMIT contextAdded(QString::fromStdString(added.id));
}

void TreeScene::indexRows() {
    m_rows.assign(m_layout.rows, {});
    for (CtxIndex i = 0; i < m_layout.visible.size(); ++i)
        if (m_layout.visible[i])
            m_rows[m_layout.depth[i]].push_back(i);
    for (auto& row : m_rows)
        std::sort(row.begin(), row.end(), [&](CtxIndex a, CtxIndex b) { return m_layout.x[a] < m_layout.x[b]; });
}

void TreeScene::indexBuses() {
    const std::size_t n = m_layout.visible.size();
    const float half = m_params.nodeWidth / 2;
    m_busLeft.assign(n, std::nanf(""));
    m_busRight.assign(n, std::nanf(""));
    for (CtxIndex c = 0; c < n; ++c) {
        const CtxIndex p = m_parents[c];
        if (!m_layout.visible[c] || p >= n || !m_layout.visible[p])
            continue;
        const float cx = m_layout.x[c] + half;
        if (std::isnan(m_busLeft[p])) {
            m_busLeft[p] = m_busRight[p] = m_layout.x[p] + half; // the stub down from the parent
        }
        m_busLeft[p] = std::min(m_busLeft[p], cx);
        m_busRight[p] = std::max(m_busRight[p], cx);
    }
    m_busRows.assign(m_rows.size(), {});
    m_busReach.assign(m_rows.size(), {});
    for (std::size_t d = 0; d < m_rows.size(); ++d) {
        auto& row = m_busRows[d];
        for (CtxIndex p : m_rows[d])
            if (hasBus(p))
                row.push_back(p);
        std::sort(row.begin(), row.end(), [&](CtxIndex a, CtxIndex b) { return m_busLeft[a] < m_busLeft[b]; });
        auto& reach = m_busReach[d];
        reach.reserve(row.size());
        for (CtxIndex p : row)
            reach.push_back(reach.empty() ? m_busRight[p] : std::max(reach.back(), m_busRight[p]));
    }
}

void TreeScene::busesIn(const QRectF& rect, std::vector<CtxIndex>& out) const {
    const float rowPitch = m_params.nodeHeight + m_params.verticalGap;
    for (std::size_t d = 0; d < m_busRows.size(); ++d) {
        const float y = static_cast<float>(d) * rowPitch + busBelow();
        if (y < rect.top() || y > rect.bottom())
            continue;
        const auto& row = m_busRows[d];
        const auto& reach = m_busReach[d];
        // The buses that start left of rect's right edge, scanned back while one could still
        // reach its left edge.
        auto i = static_cast<std::size_t>(std::upper_bound(row.begin(), row.end(), rect.right(),
                                                           [&](double x, CtxIndex p) { return x < m_busLeft[p]; }) -
                                          row.begin());
        while (i > 0 && reach[i - 1] >= rect.left()) {
            --i;
            if (m_busRight[row[i]] >= rect.left())
                out.push_back(row[i]);
        }
    }
}

void TreeScene::refreshStates() {
    if (!m_doc)
        return;
    const SimulationResult& r = m_doc->result();
    const Playback& p = m_doc->playback();
    const std::size_t applied = p.appliedEvents();
    bool changed = false;
    const auto update = [&](CtxIndex i) {
        const NodeState state = shownState(nodeStateAt(r, p, i), hideOutcome());
        const auto s = static_cast<std::uint8_t>(state);
        if (s != m_states[i]) {
            m_states[i] = s;
            changed = true;
        }
    };
    // A node's state changes only at its context.created and context.canceled events, so a
    // small move of the playhead updates the nodes of the events it crossed; a long one (or a
    // new result, a new predict mode) updates every node. Both give the state at `applied`.
    const std::size_t lo = std::min(applied, m_statesApplied), hi = std::max(applied, m_statesApplied);
    if (m_statesApplied != kStatesStale && hi - lo < m_states.size() / 4 + 64) {
        for (std::size_t k = lo; k < hi; ++k) {
            const Event& e = r.events[k];
            if ((e.kind == EventKind::ContextCreated || e.kind == EventKind::ContextCanceled) && e.subject < m_states.size())
                update(e.subject);
        }
    } else {
        for (CtxIndex i = 0; i < m_states.size(); ++i)
            update(i);
    }
    m_statesApplied = applied;
    if (changed)
        ++m_stateVersion;
    // Countdowns and task progress move with every playhead change, so views always hear it.
    Q_EMIT statesChanged();
}

QString TreeScene::selectedId() const { return QString::fromStdString(m_selectedKey); }

void TreeScene::setSelectedId(const QString& id) {
    if (!m_doc || id.toStdString() == m_selectedKey)
        return;
    Selection sel;
    if (!id.isEmpty()) {
        sel.kind = Selection::Kind::Context;
        sel.id = id.toStdString();
    }
    m_doc->select(std::move(sel)); // comes back through viewStateChanged
}

// resolveSelection finds the session's selected context in the run on screen; one that the run
// does not have (deleted, undone) is deselected in the session too.
void TreeScene::resolveSelection() {
    const Selection& sel = m_doc ? m_doc->session().selection() : Selection{};
    std::string key = sel.kind == Selection::Kind::Context ? sel.id : std::string();
    m_selected = kNone;
    if (!key.empty()) {
        if (auto i = m_doc->result().findContext(key)) {
            m_selected = *i;
        } else {
            m_doc->select({}); // re-enters (viewStateChanged) with nothing selected
            return;
        }
    }
    if (key != m_selectedKey) {
        m_selectedKey = std::move(key);
        ++m_stateVersion; // the selection outline is drawn by the canvas
        Q_EMIT selectionChanged();
    }
}

void TreeScene::viewStateChanged() {
    if (m_doc && m_doc->session().collapsed() != m_collapsedShown)
        relayout(); // resolves the selection too
    else
        resolveSelection();
}

void TreeScene::predictingChanged() {
    m_statesApplied = kStatesStale;
    refreshStates();
    ++m_stateVersion; // texts (causes, results) change even where no state did
    Q_EMIT hideOutcomeChanged();
    Q_EMIT statesChanged();
}

QStringList TreeScene::collapsedIds() const {
    QStringList ids;
    ids.reserve(static_cast<qsizetype>(m_collapsedShown.size()));
    for (const std::string& id : m_collapsedShown)
        ids << QString::fromStdString(id);
    ids.sort();
    return ids;
}

QString TreeScene::firstRootId() const {
    if (!m_doc || m_rows.empty() || m_rows[0].empty())
        return {};
    return QString::fromStdString(m_doc->result().contexts[m_rows[0].front()].id);
}

bool TreeScene::nodesIn(const QRectF& rect, std::size_t limit, std::vector<CtxIndex>& out) const {
    const float rowPitch = m_params.nodeHeight + m_params.verticalGap;
    if (m_rows.empty() || rect.isEmpty())
        return true;
    const auto firstRow = static_cast<std::ptrdiff_t>(std::max(0.0, std::floor((rect.top() - m_params.nodeHeight) / rowPitch)));
    const auto lastRow = std::min<std::ptrdiff_t>(static_cast<std::ptrdiff_t>(m_rows.size()) - 1,
                                                  static_cast<std::ptrdiff_t>(std::floor(rect.bottom() / rowPitch)));
    const std::size_t start = out.size();
    for (std::ptrdiff_t d = firstRow; d <= lastRow; ++d) {
        const auto& row = m_rows[static_cast<std::size_t>(d)];
        const float top = static_cast<float>(d) * rowPitch;
        if (top > rect.bottom() || top + m_params.nodeHeight < rect.top())
            continue;
        auto it = std::lower_bound(row.begin(), row.end(), rect.left() - m_params.nodeWidth,
                                   [&](CtxIndex c, double x) { return m_layout.x[c] < x; });
        for (; it != row.end() && m_layout.x[*it] <= rect.right(); ++it) {
            out.push_back(*it);
            if (out.size() - start > limit)
                return false;
        }
    }
    std::sort(out.begin() + static_cast<std::ptrdiff_t>(start), out.end());
    return true;
}

QString TreeScene::nodeAt(double x, double y) const {
    std::vector<CtxIndex> hits;
    nodesIn(QRectF(x, y, 0.01, 0.01), 4, hits);
    for (CtxIndex c : hits) {
        const QRectF box(m_layout.x[c], m_layout.y[c], m_params.nodeWidth, m_params.nodeHeight);
        if (box.contains(x, y))
            return QString::fromStdString(m_doc->result().contexts[c].id);
    }
    return {};
}

QRectF TreeScene::nodeRect(const QString& id) const {
    if (!m_doc)
        return {};
    const auto i = m_doc->result().findContext(id.toStdString());
    if (!i || !m_layout.visible[*i])
        return {};
    return {m_layout.x[*i], m_layout.y[*i], m_params.nodeWidth, m_params.nodeHeight};
}

void TreeScene::toggleCollapsed(const QString& id) {
    if (m_doc)
        m_doc->setCollapsed({id.toStdString()}, !isCollapsed(id));
}

bool TreeScene::isCollapsed(const QString& id) const { return m_doc && m_doc->session().isCollapsed(id.toStdString()); }

void TreeScene::expandAll() {
    if (m_doc && !m_doc->session().collapsed().empty())
        m_doc->setCollapsed({m_doc->session().collapsed().begin(), m_doc->session().collapsed().end()}, false);
}

void TreeScene::revealNode(const QString& id) {
    if (!m_doc)
        return;
    auto i = m_doc->result().findContext(id.toStdString());
    if (!i)
        return;
    std::vector<std::string> collapsedAbove;
    for (CtxIndex p = parent(*i); p != kNone; p = parent(p))
        if (m_doc->session().isCollapsed(m_doc->result().contexts[p].id))
            collapsedAbove.push_back(m_doc->result().contexts[p].id);
    if (!collapsedAbove.empty())
        m_doc->setCollapsed(collapsedAbove, false);
}

} // namespace ctxscope
