#include "timelinelanesmodel.h"

#include "nodestate.h"
#include "timelinerects.h"

namespace ctxscope {

using timeline::LaneKind;

TimelineLanesModel::TimelineLanesModel(QObject* parent) : QAbstractListModel(parent) {}

void TimelineLanesModel::setTimeline(TimelineModel* t) {
    if (t == m_timeline)
        return;
    if (m_timeline)
        disconnect(m_timeline, nullptr, this, nullptr);
    m_timeline = t;
    if (m_timeline)
        connect(m_timeline, &TimelineModel::lanesChanged, this, &TimelineLanesModel::reset);
    reset();
    Q_EMIT timelineChanged();
}

void TimelineLanesModel::setContentY(double y) {
    if (y == m_contentY)
        return;
    m_contentY = y;
    scroll();
    Q_EMIT viewChanged();
}

void TimelineLanesModel::setViewHeight(double h) {
    if (h == m_viewHeight)
        return;
    m_viewHeight = h;
    scroll();
    Q_EMIT viewChanged();
}

void TimelineLanesModel::setLaneHeight(double h) {
    if (h == m_laneHeight || !(h > 0))
        return;
    m_laneHeight = h;
    reset(); // every row's y changes
    Q_EMIT viewChanged();
}

void TimelineLanesModel::reset() {
    beginResetModel();
    const int lanes = m_timeline ? m_timeline->laneCount() : 0;
    std::tie(m_first, m_last) = timeline::visibleLaneRange(lanes, m_contentY, m_viewHeight, m_laneHeight);
    endResetModel();
    Q_EMIT countChanged();
}

void TimelineLanesModel::scroll() {
    const int lanes = m_timeline ? m_timeline->laneCount() : 0;
    const auto [first, last] = timeline::visibleLaneRange(lanes, m_contentY, m_viewHeight, m_laneHeight);
    if (first == m_first && last == m_last)
        return;
    if (first >= m_last || last <= m_first || m_first == m_last) { // no overlap: start over
        reset();
        return;
    }
    // Trim or grow each end; rows in both ranges keep their delegates.
    if (first > m_first) {
        beginRemoveRows({}, 0, first - m_first - 1);
        m_first = first;
        endRemoveRows();
    }
    if (last < m_last) {
        beginRemoveRows({}, last - m_first, m_last - m_first - 1);
        m_last = last;
        endRemoveRows();
    }
    if (first < m_first) {
        beginInsertRows({}, 0, m_first - first - 1);
        m_first = first;
        endInsertRows();
    }
    if (last > m_last) {
        beginInsertRows({}, m_last - m_first, last - m_first - 1);
        m_last = last;
        endInsertRows();
    }
    Q_EMIT countChanged();
}

int TimelineLanesModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : m_last - m_first; }

QVariant TimelineLanesModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid) || !m_timeline)
        return {};
    const int lane = m_first + index.row();
    if (lane >= m_timeline->laneCount())
        return {};
    const timeline::TimelineLane& l = m_timeline->data().lanes[static_cast<std::size_t>(lane)];
    switch (role) {
    case LaneRole: return lane;
    case YRole: return lane * m_laneHeight;
    case LaneIdRole: return m_timeline->laneId(lane);
    case ContextIdRole: return m_timeline->laneContextId(lane);
    case Qt::DisplayRole:
    case LabelRole: return m_timeline->laneLabel(lane);
    case DetailRole: return m_timeline->laneDetail(lane);
    case IsTaskRole: return l.kind == LaneKind::Task;
    case DepthRole: return static_cast<int>(l.depth);
    case StateRole:
        if (l.kind == LaneKind::Task || l.begin == kNever)
            return QVariant::fromValue(NodeState::NotCreated);
        if (l.end == kNever)
            return QVariant::fromValue(l.cancelable ? NodeState::Alive : NodeState::NeverCancelable);
        return QVariant::fromValue(l.err == Err::DeadlineExceeded ? NodeState::DeadlineExceeded : NodeState::Canceled);
    default: return {};
    }
}

QHash<int, QByteArray> TimelineLanesModel::roleNames() const {
    return {{LaneRole, "lane"},     {YRole, "laneY"},       {LaneIdRole, "laneId"},
            {ContextIdRole, "contextId"}, {LabelRole, "label"}, {DetailRole, "detail"},
            {IsTaskRole, "isTask"}, {DepthRole, "depth"},   {StateRole, "laneState"}};
}

} // namespace ctxscope
