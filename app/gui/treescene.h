#pragma once
// TreeScene: the context tree of the document's simulation, laid out (tidy, top-down, in C++)
// and coloured by the state at the playhead. It is what the canvas draws and what the visible
// nodes model and hit tests query. Positions are in content coordinates (pixels at zoom 1).
#include "ctxscope/layout/tree_layout.h"
#include "document.h"
#include "groupedlists.h"
#include "nodestate.h"

#include <QObject>
#include <QPointer>
#include <QRectF>
#include <QtQml/qqmlregistration.h>

#include <cmath>
#include <string>
#include <unordered_set>
#include <vector>

namespace ctxscope {

class TreeScene : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(ctxscope::Document* document READ document WRITE setDocument NOTIFY documentChanged)
    Q_PROPERTY(double contentWidth READ contentWidth NOTIFY layoutChanged)
    Q_PROPERTY(double contentHeight READ contentHeight NOTIFY layoutChanged)
    Q_PROPERTY(double nodeWidth READ nodeWidth CONSTANT)
    Q_PROPERTY(double nodeHeight READ nodeHeight CONSTANT)
    Q_PROPERTY(int visibleCount READ visibleCount NOTIFY layoutChanged)
    Q_PROPERTY(QString selectedId READ selectedId WRITE setSelectedId NOTIFY selectionChanged)
    Q_PROPERTY(QString firstRootId READ firstRootId NOTIFY layoutChanged)
    // The ids of the contexts whose subtrees are collapsed (sorted), for the timeline.
    Q_PROPERTY(QStringList collapsedIds READ collapsedIds NOTIFY layoutChanged)
    // Predict mode (the document's): done contexts look alive and causes/results are hidden, so
    // a learner can guess the outcome before seeing it. The playhead, events and layout are
    // unchanged.
    Q_PROPERTY(bool hideOutcome READ hideOutcome NOTIFY hideOutcomeChanged)

public:
    explicit TreeScene(QObject* parent = nullptr);

    Document* document() const { return m_doc; }
    void setDocument(Document* doc);
    double contentWidth() const { return m_layout.width; }
    double contentHeight() const { return m_layout.height; }
    double nodeWidth() const { return m_params.nodeWidth; }
    double nodeHeight() const { return m_params.nodeHeight; }
    double rowPitch() const { return m_params.nodeHeight + m_params.verticalGap; }
    int visibleCount() const { return static_cast<int>(m_layout.visibleCount); }
    // The selected context and the collapsed ones are the document's session's (one owner);
    // the scene keeps only the index they resolve to in the run on screen.
    QString selectedId() const;
    void setSelectedId(const QString& id);
    QString firstRootId() const;
    QStringList collapsedIds() const;
    bool hideOutcome() const { return m_doc && m_doc->predicting(); }

    const TreeLayout& layout() const { return m_layout; }
    std::size_t size() const { return m_states.size(); }
    NodeState state(CtxIndex c) const { return static_cast<NodeState>(m_states[c]); }
    CtxIndex parent(CtxIndex c) const;
    CtxIndex selectedIndex() const { return m_selected; }
    bool isCollapsedIndex(CtxIndex c) const;
    // Bumped when positions change (relayout) and when any node's state changes.
    quint64 layoutVersion() const { return m_layoutVersion; }
    quint64 stateVersion() const { return m_stateVersion; }

    // nodesIn appends the visible nodes whose boxes meet rect, in index order. It stops (and
    // returns false) once more than `limit` were found.
    bool nodesIn(const QRectF& rect, std::size_t limit, std::vector<CtxIndex>& out) const;
    // The edges under a parent: one horizontal bus at busY across its visible children (and its
    // own centre), from busLeft to busRight; hasBus is false for a node without visible children.
    // Part of the layout (made once per relayout), so that drawing a viewport costs what is in
    // it, not a pass over every context.
    bool hasBus(CtxIndex p) const { return p < m_busLeft.size() && !std::isnan(m_busLeft[p]); }
    float busLeft(CtxIndex p) const { return m_busLeft[p]; }
    float busRight(CtxIndex p) const { return m_busRight[p]; }
    float busY(CtxIndex p) const { return m_layout.y[p] + busBelow(); }
    float busBelow() const { return m_params.nodeHeight + m_params.verticalGap / 2; } // bus y under a node's top
    // busesIn appends the parents whose bus meets rect (at most one row of buses per row of
    // nodes), in no particular order.
    void busesIn(const QRectF& rect, std::vector<CtxIndex>& out) const;
    // Indices of tasks started on / after-funcs registered on a context.
    std::span<const TaskIndex> tasksOn(CtxIndex c) const { return m_tasksOn.of(c); }
    std::span<const AfIndex> afterFuncsOn(CtxIndex c) const { return m_afterFuncsOn.of(c); }

    Q_INVOKABLE QString nodeAt(double x, double y) const;   // "" when no box is there
    Q_INVOKABLE QRectF nodeRect(const QString& id) const;   // empty when not visible
    Q_INVOKABLE void toggleCollapsed(const QString& id);
    Q_INVOKABLE bool isCollapsed(const QString& id) const;
    Q_INVOKABLE void expandAll();
    // revealNode expands collapsed ancestors so the node becomes visible.
    Q_INVOKABLE void revealNode(const QString& id);

Q_SIGNALS:
    void documentChanged();
    void layoutChanged();
    void statesChanged();
    void selectionChanged();
    void hideOutcomeChanged();
    // One context appeared and none went (a derive, an added root, the redo of one): the view
    // scrolls it into sight and selects it. Not emitted when a document replaces another.
    void contextAdded(const QString& id);

private:
    void relayout();
    void refreshStates();
    void indexRows();
    void indexBuses();
    void findAddedContext();
    void viewStateChanged(); // the session's selection or collapsed set changed
    void predictingChanged();
    void resolveSelection();

    QPointer<Document> m_doc;
    TreeLayoutParams m_params;
    TreeLayout m_layout;
    std::vector<std::vector<CtxIndex>> m_rows; // visible nodes per depth, left to right
    std::vector<CtxIndex> m_parents;           // of each context in the run on screen
    std::vector<float> m_busLeft, m_busRight;  // NaN: no bus (see hasBus)
    // The parents with a bus, per row, by busLeft; and for each, the rightmost busRight so far
    // (buses of one row hardly overlap, so a scan back from the viewport's right stops at once).
    std::vector<std::vector<CtxIndex>> m_busRows;
    std::vector<std::vector<float>> m_busReach;
    std::vector<std::uint8_t> m_states;
    // The playhead (events applied) that m_states shows; kStatesStale: recompute every node.
    static constexpr std::size_t kStatesStale = static_cast<std::size_t>(-1);
    std::size_t m_statesApplied = kStatesStale;
    GroupedLists m_tasksOn;      // by context: its tasks (not after-funcs' calls)
    GroupedLists m_afterFuncsOn; // by context: the after-funcs registered on it
    CtxIndex m_selected = kNone;        // the session's selected context in the run on screen
    std::string m_selectedKey;          // ... and its id, to tell a change of selection
    std::unordered_set<std::string> m_collapsedShown; // the collapsed set the layout was made with
    quint64 m_layoutVersion = 0;
    quint64 m_stateVersion = 0;
    std::vector<std::size_t> m_idHashes; // of the last run's context ids, in order (findAddedContext)
};

} // namespace ctxscope
