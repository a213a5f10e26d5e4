#pragma once
// describeEvent: one event as a sentence for the status line and the inspector, in the words
// of the trace ("req canceled: context deadline exceeded (its deadline)").
#include "ctxscope/engine/simulation.h"

#include <QObject>
#include <QString>
#include <QtQml/qqmlregistration.h>

namespace ctxscope {

class Document;

QString describeEvent(const SimulationResult& r, const Event& e);

// Names. The tree and the timeline call a context or a task by its label, so every sentence
// does too (events, the inspector, why-done, the ↑ marker, card lints): contextName / taskName
// are the label (the id when it has none; "?" for kNone). The id, which the file, the trace and
// the Go export use, is added where it helps tell which one is meant: contextTitle / taskTitle
// are "label (id)" when the two differ, for dialog titles and tooltips.
QString contextName(const SimulationResult& r, CtxIndex c);
QString taskName(const SimulationResult& r, TaskIndex t);
QString contextTitle(const SimulationResult& r, CtxIndex c);
// contextOfSubject: the context a subject lives on, for selecting it: a context is itself, a task
// or after-func its context; "" for none (the study panes select it when an entry is clicked).
QString contextOfSubject(const SimulationResult& r, const std::string& id);
QString taskTitle(const SimulationResult& r, TaskIndex t);
QString titleText(const QString& id, const QString& label); // "label (id)", or id when the same/empty

QString durationText(Nanos d); // formatDuration as a QString: exact, for the log and the trace

// Times a person can read. readableResolution is the precision a time shown beside a time axis
// `span` long needs: a thousandth of the span, down to a power of ten (100µs for a 200ms axis,
// 1ms for 1s), but fine enough to keep two significant digits of d, so a small value never
// reads 0s. readableDuration is d rounded to it, in Go's syntax: 69.8452ms reads 69.8ms on a
// 200ms axis and 70ms on a 10s one; 40µs stays 40µs. A span <= 0 gives the exact text.
Nanos readableResolution(Nanos d, Nanos span);
QString readableDuration(Nanos d, Nanos span);

// snapTime is the time a scrub at t means when one pixel is nsPerPixel: an event's time when one
// is within snapPixels (so a scrub lands on what happened, not 0.3ms before it), else t rounded
// to a grid that suits the zoom (1, 2 or 5 times a power of ten, at least 8 px apart), never
// before 0. So the playhead reads 90ms, not 91.894977ms. The timeline and the play bar share it.
double snapTime(const SimulationResult* r, double t, double nsPerPixel, double snapPixels = 6);

// EventText: the naming rule above for QML (dialog titles, tooltips), by id in a document.
class EventText : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON

public:
    using QObject::QObject;
    // "label (id)", or the id when the context has no label of its own (or is not in the run).
    Q_INVOKABLE QString contextTitle(ctxscope::Document* document, const QString& id) const;
    Q_INVOKABLE QString contextName(ctxscope::Document* document, const QString& id) const;
    Q_INVOKABLE QString taskTitle(ctxscope::Document* document, const QString& id) const;
    // snapTime (above) on the document's run: the play bar's scrubber uses it.
    Q_INVOKABLE double snapTime(ctxscope::Document* document, double t, double nsPerPixel) const;
};

} // namespace ctxscope
