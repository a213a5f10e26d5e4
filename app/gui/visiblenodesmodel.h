#pragma once
// VisibleNodesModel: the nodes of a TreeScene whose boxes meet the viewport, one row each, so
// that QML creates text and chip delegates for what is on screen only. Panning and zooming
// change the viewport; the model then inserts and removes just the rows that came and went
// (delegates already on screen stay), and a playhead move only refreshes the rows' data.
#include "treescene.h"

#include <QAbstractListModel>
#include <QPointer>
#include <QRectF>
#include <QtQml/qqmlregistration.h>

#include <vector>

namespace ctxscope {

class VisibleNodesModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(ctxscope::TreeScene* scene READ scene WRITE setScene NOTIFY sceneChanged)
    Q_PROPERTY(QRectF viewport READ viewport WRITE setViewport NOTIFY viewportChanged)
    Q_PROPERTY(int limit READ limit WRITE setLimit NOTIFY limitChanged)
    Q_PROPERTY(bool overLimit READ overLimit NOTIFY countChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)

public:
    enum Role {
        ContextIdRole = Qt::UserRole + 1,
        LabelRole,
        KindRole,
        XRole,
        YRole,
        StateRole,       // NodeState (QML: compare with NodeState.Alive, ...)
        StateNameRole,
        StateGlyphRole,
        DetailRole,      // the cause when done, else the countdown, else "created at …"
        CountdownRole,   // "" when no deadline or done
        InheritedFromRole, // "" when the deadline is its own
        LintRole,        // lint rules about this context, comma separated
        DerivedByRole,   // task that derived it, ""
        ChildCountRole,
        CollapsedRole,
        SelectedRole,
        ChipsRole,       // list of {id, label, kind: "task"|"afterfunc", state, progress, result, lint, raced}
        RacedRole,       // what raced to decide its facts, by the playhead ("" none; raceview.h)
    };
    Q_ENUM(Role)

    explicit VisibleNodesModel(QObject* parent = nullptr);

    TreeScene* scene() const { return m_scene; }
    void setScene(TreeScene* scene);
    QRectF viewport() const { return m_viewport; }
    void setViewport(const QRectF& r);
    int limit() const { return m_limit; }
    void setLimit(int limit);
    bool overLimit() const { return m_overLimit; }

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

Q_SIGNALS:
    void sceneChanged();
    void viewportChanged();
    void limitChanged();
    void countChanged();

private:
    void recompute();      // viewport or layout moved: rows come and go
    void relayoutRows();   // positions changed: reset
    void refreshData();    // playhead moved: same rows, new data
    QVariantList chips(CtxIndex c) const;

    QPointer<TreeScene> m_scene;
    QRectF m_viewport;
    int m_limit = 400;
    bool m_overLimit = false;
    std::vector<CtxIndex> m_rows; // ascending context indices
};

} // namespace ctxscope
