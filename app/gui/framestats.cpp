#include "framestats.h"

#include "playclock.h"

#include <QQuickWindow>

#include <algorithm>

#include <sys/resource.h>

namespace ctxscope {

namespace {

double percentile(std::vector<double> v, std::size_t percent) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[std::min(v.size() - 1, v.size() * percent / 100)];
}

double processCpuSeconds() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    const auto secs = [](const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6; };
    return secs(u.ru_utime) + secs(u.ru_stime);
}

} // namespace

FrameStats::FrameStats(QQuickWindow* window, PlayClock* clock, QObject* parent) : QObject(parent), m_clock(clock) {
    // frameSwapped comes from the render thread; a direct connection times the swap itself, not
    // its later delivery to a busy GUI thread.
    connect(window, &QQuickWindow::frameSwapped, this, &FrameStats::frameSwapped, Qt::DirectConnection);
    connect(window, &QQuickWindow::afterAnimating, this, &FrameStats::animated, Qt::DirectConnection);
    connect(clock, &PlayClock::playingChanged, this, &FrameStats::playingChanged);
    m_playing = clock->isPlaying();
}

void FrameStats::playingChanged() {
    m_playing = m_clock->isPlaying();
    if (m_playing)
        return;
    const QMutexLocker lock(&m_mutex);
    // A pause ends a run of frames: the next interval starts at the next play's first frame.
    if (m_cpuAtStart >= 0)
        m_cpuSpent += processCpuSeconds() - m_cpuAtStart;
    m_cpuAtStart = -1;
    m_sinceLastFrame.invalidate();
    m_sinceTick.invalidate();
}

void FrameStats::animated() {
    if (!m_playing)
        return;
    const QMutexLocker lock(&m_mutex);
    if (!m_sinceTick.isValid())
        m_sinceTick.start();
}

void FrameStats::frameSwapped() {
    if (!m_playing)
        return;
    const QMutexLocker lock(&m_mutex);
    if (!m_sinceTick.isValid())
        return; // drawn before the first tick of this play: not one of its frames
    m_frameMs.push_back(static_cast<double>(m_sinceTick.nsecsElapsed()) / 1e6);
    m_sinceTick.invalidate();
    if (m_sinceLastFrame.isValid())
        m_intervalsMs.push_back(static_cast<double>(m_sinceLastFrame.nsecsElapsed()) / 1e6);
    else
        m_cpuAtStart = processCpuSeconds();
    m_sinceLastFrame.start();
}

QByteArray FrameStats::summaryJson() const {
    const QMutexLocker lock(&m_mutex);
    if (m_frameMs.empty())
        return QByteArrayLiteral("{\"frames\": 0}");
    const double cpu = m_cpuSpent + (m_cpuAtStart >= 0 ? processCpuSeconds() - m_cpuAtStart : 0);
    const auto ms = [](double x) { return QString::number(x, 'f', 2); };
    // CPU time is counted from the first frame of each play, so it covers the frames after it.
    const double counted = static_cast<double>(std::max<std::size_t>(1, m_intervalsMs.size()));
    return QStringLiteral("{\"frames\": %1, \"p50_ms\": %2, \"p95_ms\": %3, \"max_ms\": %4, "
                          "\"interval_p50_ms\": %5, \"interval_p95_ms\": %6, \"cpu_ms_per_frame\": %7}")
        .arg(m_frameMs.size())
        .arg(ms(percentile(m_frameMs, 50)), ms(percentile(m_frameMs, 95)), ms(percentile(m_frameMs, 100)),
             ms(percentile(m_intervalsMs, 50)), ms(percentile(m_intervalsMs, 95)), ms(cpu * 1000 / counted))
        .toUtf8();
}

} // namespace ctxscope
