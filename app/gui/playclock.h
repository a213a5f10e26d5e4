#pragma once
// PlayClock: "play" for a Document. While playing, the playhead moves at speed × wall clock
// (measured with QElapsedTimer, so a slow frame skips ahead instead of slowing virtual time)
// and stops at the end of the run. Everything else (pause, step, seek) moves the playhead
// directly on the document. The simulation is never run here.
//
// One exception to "speed × wall clock": when the playhead reaches an instant where a
// cancellation cascades (two or more contexts become done at the same virtual time), virtual
// time holds still while the cascade is shown event by event, in its order, for at most
// kCascadeReveal of wall time, so that one can see it run down the tree.
#include "document.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

namespace ctxscope {

class PlayClock : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(ctxscope::Document* document READ document WRITE setDocument NOTIFY documentChanged)
    Q_PROPERTY(bool playing READ isPlaying WRITE setPlaying NOTIFY playingChanged)
    // Virtual time per wall time: 1 means real time, 0.1 a tenth of it (range 0.1 to 10).
    Q_PROPERTY(double speed READ speed WRITE setSpeed NOTIFY speedChanged)

public:
    explicit PlayClock(QObject* parent = nullptr);

    Document* document() const { return m_doc; }
    void setDocument(Document* doc);
    bool isPlaying() const { return m_timer.isActive(); }
    void setPlaying(bool playing);
    double speed() const { return m_speed; }
    void setSpeed(double speed);

    Q_INVOKABLE void toggle() { setPlaying(!isPlaying()); }
    // advance moves the playhead by wallNanos × speed; the timer calls it with the elapsed
    // time, tests call it directly.
    Q_INVOKABLE void advance(double wallNanos);

Q_SIGNALS:
    void documentChanged();
    void playingChanged();
    void speedChanged();

private:
    void tick();

    QPointer<Document> m_doc;
    QTimer m_timer;
    QElapsedTimer m_wall;
    double m_speed = 1.0;
    bool revealCascade(std::size_t applied, double target);

    double m_stopAt = 0;
    double m_carry = 0;
    std::size_t m_cascadeEnd = 0;   // while revealing: events to reach before time moves on
    double m_cascadeStep = 0;       // wall ns per revealed event
    double m_cascadeWall = 0;

public:
    static constexpr double kCascadeReveal = 800e6;   // wall ns for a whole cascade, at most
    static constexpr double kCascadeStepMax = 60e6;   // wall ns per event, at most // sub-nanosecond remainder, so slow speeds do not stall
};

} // namespace ctxscope
