#pragma once
// TimelineModel: the timeline's lanes for the document's current simulation, rebuilt when the
// document re-simulates or the collapsed set changes (never on a playhead move: the timeline
// shows the whole run). QML reads it through an index API (laneId(i), markNear(...)), the
// renderer and the visible-lanes model read TimelineData directly.
#include "document.h"
#include "timelinedata.h"

#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QtQml/qqmlregistration.h>

#include <string>
#include <unordered_set>

namespace ctxscope {

class TimelineModel : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(ctxscope::Document* document READ document WRITE setDocument NOTIFY documentChanged)
    Q_PROPERTY(int laneCount READ laneCount NOTIFY lanesChanged)
    Q_PROPERTY(double timeEnd READ timeEnd NOTIFY lanesChanged)   // ns: how far the view may go
    Q_PROPERTY(double runEnd READ runEnd NOTIFY lanesChanged)     // ns: the last event

public:
    explicit TimelineModel(QObject* parent = nullptr);

    Document* document() const { return m_doc; }
    void setDocument(Document* doc);
    int laneCount() const { return static_cast<int>(m_data.lanes.size()); }
    double timeEnd() const;
    double runEnd() const { return static_cast<double>(m_data.runEnd); }

    const timeline::TimelineData& data() const { return m_data; }
    // result is the simulation the lanes were built from (nullptr without a document).
    const SimulationResult* result() const { return m_doc ? &m_doc->result() : nullptr; }
    Nanos timeEndNanos() const { return m_doc ? m_doc->run()->timelineEndNanos() : m_data.runEnd; }

    // laneId is the context or task id of a lane; laneContextId the id of its context (what
    // selecting the lane selects in the tree). Both "" for an index out of range.
    Q_INVOKABLE QString laneId(int lane) const;
    Q_INVOKABLE QString laneContextId(int lane) const;
    Q_INVOKABLE bool isTaskLane(int lane) const;
    Q_INVOKABLE QString laneLabel(int lane) const;
    // laneDetail says what the lane shows in words: kind, deadline, how and when it ended.
    Q_INVOKABLE QString laneDetail(int lane) const;
    // contextLane returns the lane of a context id, or -1 (unknown, or hidden by a collapse).
    Q_INVOKABLE int contextLane(const QString& id) const;
    // markNear returns the time (ns) of the lane's event closest to t within tolerance (ns):
    // creation, deadline, cancellation, task start/end, step boundaries, the noticed moment.
    // It returns -1 when there is none, so a click between events does not seek.
    Q_INVOKABLE double markNear(int lane, double t, double tolerance) const;

Q_SIGNALS:
    void documentChanged();
    void lanesChanged();

private:
    void rebuild();
    void viewStateChanged(); // rebuilds when the session's collapsed contexts changed

    QPointer<Document> m_doc;
    // The collapsed contexts are the document's session's (the tree collapses them); this is the
    // set the lanes were built with, to tell a collapse from a change of selection.
    std::unordered_set<std::string> m_collapsedShown;
    timeline::TimelineData m_data;
};

} // namespace ctxscope
