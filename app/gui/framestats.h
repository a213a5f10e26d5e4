#pragma once
// FrameStats: what the frame-time benchmark (tests/bench/gui-frames) reads. While the play clock
// plays, it records for each frame the window presents:
// - its frame time: from the GUI thread's animation tick that began it (the play clock moves on
//   that tick) to the swap that put it on screen, so polish, sync, render and swap, and any wait
//   for the render thread, all count;
// - the interval since the previous frame (during a cascade shown one event at a time nothing
//   changes between events, so intervals there are long on purpose, not late frames);
// - the CPU time the whole process (every thread: GUI, render, the software rasterizer's) spent,
//   per frame: the steadiest figure on a shared machine, where other processes stretch the times
//   but not the work we do.
#include <QElapsedTimer>
#include <QMutex>
#include <QObject>

#include <atomic>
#include <vector>

class QQuickWindow;

namespace ctxscope {

class PlayClock;

class FrameStats : public QObject {
public:
    FrameStats(QQuickWindow* window, PlayClock* clock, QObject* parent = nullptr);
    // summaryJson returns {"frames", "p50_ms", "p95_ms", "max_ms" (frame times), "interval_p50_ms",
    // "interval_p95_ms", "cpu_ms_per_frame"} for the frames presented while playing, or
    // {"frames": 0} if there were none.
    QByteArray summaryJson() const;

private:
    void frameSwapped();
    void animated();
    void playingChanged();

    PlayClock* m_clock;
    std::atomic<bool> m_playing{false}; // written on the GUI thread, read on the render thread
    mutable QMutex m_mutex;             // guards the rest: frames arrive on the render thread
    QElapsedTimer m_sinceLastFrame;
    QElapsedTimer m_sinceTick;         // since the first tick after the last frame
    std::vector<double> m_frameMs;
    std::vector<double> m_intervalsMs;
    double m_cpuAtStart = -1; // process CPU seconds at the first frame of the current play
    double m_cpuSpent = 0;    // CPU seconds over the recorded intervals of earlier plays
};

} // namespace ctxscope
