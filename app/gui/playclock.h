#pragma once
// PlayClock: "play" for a Document. While playing, the playhead moves at speed × wall clock
// (measured with QElapsedTimer, so a slow frame skips ahead instead of slowing virtual time)
// and stops at the end of the run. Everything else (pause, step, seek) moves the playhead
// directly on the document. The simulation is never run here.
//
// The clock ticks with the animation system (a QAbstractAnimation without end), so in a window
// it advances once per rendered frame, in step with the scene graph's render loop, instead of on
// a free-running timer that beats against the frames and makes some of them wait a whole extra
// frame.
//
// One exception to "speed × wall clock": when the playhead reaches an instant where a
// cancellation cascades (two or more contexts become done at the same virtual time), virtual
// time holds still while the cascade is shown event by event, in its order, for at most
// kCascadeReveal of wall time at 1x (scaled by the speed), so that one can see it run down the
// tree. A big cascade shows
// many contexts per frame, so its wall time is bounded whatever its size; a seek by the user
// (End, Home, a click on the timeline) ends the reveal at once.
//
// Many cascades close together (a big generated tree has one at almost every instant) share a
// budget: reveals draw on a credit of at most one whole reveal (kCascadeReveal at 1x, scaled by
// the speed) that refills only while time runs, kRevealRefill ns per ns that ran. Cascades a
// few hundred ms apart (the examples, the lessons) get their whole reveal; a dense run of them is
// shown in at most about (1 + kRevealRefill) times its span instead of up to kCascadeReveal each
// (minutes at 10^4 contexts); while the credit is short of kMinReveal (or of the whole reveal,
// if shorter) cascades pass at once, like any other instant, with no frame spent on them.
#include "document.h"

#include <QAbstractAnimation>
#include <QElapsedTimer>
#include <QObject>
#include <QPointer>

#include <functional>
#include <QtQml/qqmlregistration.h>

namespace ctxscope {

// FrameTicker calls a function on every animation tick until stopped.
class FrameTicker : public QAbstractAnimation {
public:
    explicit FrameTicker(std::function<void()> onTick) : m_onTick(std::move(onTick)) {}
    int duration() const override { return -1; }

protected:
    // start() reports time 0 at once, before any frame: only later ticks move the clock.
    void updateCurrentTime(int msecs) override {
        if (msecs > 0)
            m_onTick();
    }

private:
    std::function<void()> m_onTick;
};

class PlayClock : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(ctxscope::Document* document READ document WRITE setDocument NOTIFY documentChanged)
    Q_PROPERTY(bool playing READ isPlaying WRITE setPlaying NOTIFY playingChanged)
    // Virtual time per wall time: 1 means real time, 0.1 a tenth of it (range 0.1 to 10).
    Q_PROPERTY(double speed READ speed WRITE setSpeed NOTIFY speedChanged)
    // Loop: at the end, play starts over from zero instead of stopping.
    Q_PROPERTY(bool loop READ loop WRITE setLoop NOTIFY loopChanged)

public:
    explicit PlayClock(QObject* parent = nullptr);

    Document* document() const { return m_doc; }
    void setDocument(Document* doc);
    bool isPlaying() const { return m_ticker.state() == QAbstractAnimation::Running; }
    void setPlaying(bool playing);
    double speed() const { return m_speed; }
    void setSpeed(double speed);
    bool loop() const { return m_loop; }
    void setLoop(bool loop);

    Q_INVOKABLE void toggle() { setPlaying(!isPlaying()); }
    // advance moves the playhead by wallNanos × speed; each tick calls it with the wall time
    // elapsed since the last one, tests call it directly.
    Q_INVOKABLE void advance(double wallNanos);

Q_SIGNALS:
    void documentChanged();
    void playingChanged();
    void speedChanged();
    void loopChanged();

private:
    void tick();

    QPointer<Document> m_doc;
    FrameTicker m_ticker{[this] { tick(); }};
    QElapsedTimer m_wall;
    double m_speed = 1.0;
    bool m_loop = false;
    bool revealCascade(std::size_t applied, double target);

    double m_stopAt = 0;
    double m_carry = 0; // sub-nanosecond remainder, so slow speeds do not stall
    std::size_t m_cascadeEnd = 0;   // while revealing: events to reach before time moves on
    std::size_t m_cascadeShown = 0; // events shown by the reveal's last step: another count means
                                    // the user moved the playhead (End, Home, a seek), which ends it
    double m_cascadeStep = 0;       // wall ns per revealed event
    double m_cascadeWall = 0;
    double m_revealCredit = kCascadeReveal; // wall ns that reveals may still hold time for (see above)

public:
    static constexpr double kCascadeReveal = 450e6;   // wall ns for a whole cascade, at most
    static constexpr double kCascadeStepMax = 60e6;   // wall ns per event, at most
    static constexpr double kMinReveal = 50e6;        // credit needed to hold at all (or the whole reveal)
    static constexpr double kRevealRefill = 3;        // reveal credit per ns of time run (as wall time)
};

} // namespace ctxscope
