#include "timelinemodel.h"

#include "eventtext.h"

#include <cmath>
#include <unordered_set>

namespace ctxscope {

using timeline::LaneKind;
using timeline::TimelineLane;

TimelineModel::TimelineModel(QObject* parent) : QObject(parent) {}

void TimelineModel::setDocument(Document* doc) {
    if (!followDocument(this, m_doc, doc, &TimelineModel::rebuild))
        return;
    if (m_doc)
        connect(m_doc, &Document::viewStateChanged, this, &TimelineModel::viewStateChanged);
    rebuild();
    Q_EMIT documentChanged();
}

void TimelineModel::viewStateChanged() {
    if (m_doc && m_doc->session().collapsed() != m_collapsedShown)
        rebuild();
}

double TimelineModel::timeEnd() const { return static_cast<double>(timeEndNanos()); }

void TimelineModel::rebuild() {
    if (!m_doc) {
        m_data = {};
    } else {
        m_collapsedShown = m_doc->session().collapsed();
        m_data = timeline::buildTimeline(m_doc->result(), m_collapsedShown);
    }
    Q_EMIT lanesChanged();
}

QString TimelineModel::laneId(int lane) const {
    const SimulationResult* r = result();
    if (!r || lane < 0 || lane >= laneCount())
        return {};
    const TimelineLane& l = m_data.lanes[static_cast<std::size_t>(lane)];
    return QString::fromStdString(l.kind == LaneKind::Task ? r->tasks[l.index].id : r->contexts[l.index].id);
}

QString TimelineModel::laneContextId(int lane) const {
    const SimulationResult* r = result();
    if (!r || lane < 0 || lane >= laneCount())
        return {};
    return QString::fromStdString(r->contexts[m_data.lanes[static_cast<std::size_t>(lane)].context].id);
}

bool TimelineModel::isTaskLane(int lane) const {
    return lane >= 0 && lane < laneCount() && m_data.lanes[static_cast<std::size_t>(lane)].kind == LaneKind::Task;
}

QString TimelineModel::laneLabel(int lane) const {
    const SimulationResult* r = result();
    if (!r || lane < 0 || lane >= laneCount())
        return {};
    const TimelineLane& l = m_data.lanes[static_cast<std::size_t>(lane)];
    const std::string& label = l.kind == LaneKind::Task ? r->tasks[l.index].label : r->label(l.index);
    return label.empty() ? laneId(lane) : QString::fromStdString(label);
}

QString TimelineModel::laneDetail(int lane) const {
    const SimulationResult* r = result();
    if (!r || lane < 0 || lane >= laneCount())
        return {};
    const TimelineLane& l = m_data.lanes[static_cast<std::size_t>(lane)];
    QStringList parts;
    if (l.kind == LaneKind::Context) {
        parts << QString::fromLatin1(contextKindName(r->contexts[l.index].kind));
        if (l.begin == kNever)
            parts << QStringLiteral("never created");
        if (l.hasDeadline)
            parts << QStringLiteral("deadline %1").arg(durationText(l.deadline));
        if (l.end != kNever)
            parts << QStringLiteral("%1 at %2 (%3)").arg(QString::fromLatin1(errString(l.err)), durationText(l.end),
                                                          QString::fromLatin1(reasonName(l.reason)));
        else if (!l.cancelable)
            parts << QStringLiteral("never canceled");
        return parts.join(QStringLiteral(" \u00B7 "));
    }
    const TaskInfo& t = r->tasks[l.index];
    if (l.begin == kNever)
        return QStringLiteral("never started");
    parts << (l.end != kNever ? QStringLiteral("%1\u2013%2").arg(durationText(l.begin), durationText(l.end))
                              : QStringLiteral("from %1").arg(durationText(l.begin)));
    parts << QString::fromStdString(t.result);
    if (l.noticedAt != kNever)
        parts << QStringLiteral("noticed at %1").arg(durationText(l.noticedAt));
    return parts.join(QStringLiteral(" \u00B7 "));
}

int TimelineModel::contextLane(const QString& id) const {
    const SimulationResult* r = result();
    if (!r || id.isEmpty())
        return -1;
    const auto c = r->findContext(id.toStdString());
    return c ? m_data.contextLane(*c) : -1;
}

double TimelineModel::markNear(int lane, double t, double tolerance) const {
    if (lane < 0 || lane >= laneCount())
        return -1;
    const TimelineLane& l = m_data.lanes[static_cast<std::size_t>(lane)];
    double best = -1;
    double bestDistance = tolerance;
    const auto consider = [&](Nanos mark) {
        if (mark == kNever)
            return;
        const double d = std::abs(static_cast<double>(mark) - t);
        if (d <= bestDistance) {
            bestDistance = d;
            best = static_cast<double>(mark);
        }
    };
    consider(l.begin);
    consider(l.end);
    if (l.kind == LaneKind::Context) {
        if (l.hasDeadline)
            consider(l.deadline);
    } else {
        consider(l.noticedAt);
        const auto t0 = static_cast<Nanos>(std::floor(t - tolerance));
        const auto t1 = static_cast<Nanos>(std::ceil(t + tolerance));
        const auto [from, to] = m_data.visibleSteps(static_cast<std::size_t>(lane), t0, t1);
        for (std::size_t i = from; i < to && i < from + 64; ++i) {
            consider(m_data.steps[i].start);
            consider(m_data.steps[i].end);
        }
    }
    return best;
}

} // namespace ctxscope
