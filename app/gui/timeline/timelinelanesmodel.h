#pragma once
// TimelineLanesModel: the lanes in view, one row each, so that QML makes label delegates for
// what is on screen only. Scrolling inserts and removes rows at the edges (delegates that stay
// in view are kept); a rebuild of the lanes resets the model.
#include "timelinemodel.h"

#include <QAbstractListModel>
#include <QPointer>
#include <QtQml/qqmlregistration.h>

namespace ctxscope {

class TimelineLanesModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(ctxscope::TimelineModel* timeline READ timeline WRITE setTimeline NOTIFY timelineChanged)
    Q_PROPERTY(double contentY READ contentY WRITE setContentY NOTIFY viewChanged)
    Q_PROPERTY(double viewHeight READ viewHeight WRITE setViewHeight NOTIFY viewChanged)
    Q_PROPERTY(double laneHeight READ laneHeight WRITE setLaneHeight NOTIFY viewChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(int firstLane READ firstLane NOTIFY countChanged)

public:
    enum Role {
        LaneRole = Qt::UserRole + 1, // lane index
        YRole,                       // lane top in content pixels (lane * laneHeight)
        LaneIdRole,
        ContextIdRole,
        LabelRole,
        DetailRole,
        IsTaskRole,
        DepthRole,
        StateRole,                   // how the lane ends: a NodeState (NotCreated for a task's lane)
    };
    Q_ENUM(Role)

    explicit TimelineLanesModel(QObject* parent = nullptr);

    TimelineModel* timeline() const { return m_timeline; }
    void setTimeline(TimelineModel* t);
    double contentY() const { return m_contentY; }
    void setContentY(double y);
    double viewHeight() const { return m_viewHeight; }
    void setViewHeight(double h);
    double laneHeight() const { return m_laneHeight; }
    void setLaneHeight(double h);
    int firstLane() const { return m_first; }

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

Q_SIGNALS:
    void timelineChanged();
    void viewChanged();
    void countChanged();

private:
    void reset();
    void scroll();

    QPointer<TimelineModel> m_timeline;
    double m_contentY = 0;
    double m_viewHeight = 0;
    double m_laneHeight = 24;
    int m_first = 0; // rows are the lanes [m_first, m_last)
    int m_last = 0;
};

} // namespace ctxscope
