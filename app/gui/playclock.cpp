#include "playclock.h"

#include <algorithm>
#include <cmath>

namespace ctxscope {

PlayClock::PlayClock(QObject* parent) : QObject(parent) {}

void PlayClock::setDocument(Document* doc) {
    if (doc == m_doc)
        return;
    setPlaying(false);
    m_doc = doc;
    Q_EMIT documentChanged();
}

void PlayClock::setPlaying(bool playing) {
    if (playing == isPlaying())
        return;
    if (playing) {
        if (!m_doc)
            return;
        if (m_doc->time() >= m_doc->run()->timelineEnd())
            m_doc->restart(); // play at the end starts over, as media players do
        // Play stops where nothing more happens, or at the end of the timeline when started later.
        m_stopAt = m_doc->time() < m_doc->run()->endTime() ? m_doc->run()->endTime() : m_doc->run()->timelineEnd();
        m_wall.start();
        m_carry = 0;
        m_revealCredit = kCascadeReveal / m_speed;
        m_ticker.start();
    } else {
        m_ticker.stop();
        m_cascadeEnd = 0;
    }
    Q_EMIT playingChanged();
}

void PlayClock::setSpeed(double speed) {
    speed = std::clamp(speed, 0.1, 10.0);
    if (qFuzzyCompare(speed, m_speed))
        return;
    m_speed = speed;
    Q_EMIT speedChanged();
}

void PlayClock::setLoop(bool loop) {
    if (loop == m_loop)
        return;
    m_loop = loop;
    Q_EMIT loopChanged();
}

void PlayClock::tick() {
    const qint64 elapsed = m_wall.nsecsElapsed();
    m_wall.restart();
    advance(static_cast<double>(elapsed));
}

bool PlayClock::revealCascade(std::size_t applied, double target) {
    const SimulationResult& r = m_doc->result();
    const std::size_t limit = m_doc->playback().firstEventAfter(static_cast<Nanos>(target));
    for (std::size_t i = applied; i < limit; ++i) {
        if (r.events[i].kind != EventKind::ContextCanceled)
            continue;
        const Nanos at = r.events[i].t;
        const std::size_t end = m_doc->playback().firstEventAfter(at);
        std::size_t cancels = 0;
        for (std::size_t k = i; k < end; ++k)
            cancels += r.events[k].kind == EventKind::ContextCanceled;
        if (cancels < 2)
            continue;
        // At 1x at most kCascadeStepMax per event and kCascadeReveal in all; faster or slower
        // with the speed, like everything else that plays; and no more than the credit left.
        const double events = static_cast<double>(end - i);
        const double reveal = std::min(kCascadeStepMax * events, kCascadeReveal) / m_speed;
        if (m_revealCredit < std::min(reveal, kMinReveal / m_speed))
            return false; // too little credit left: this window is shown at once
        const double allowed = std::min(reveal, m_revealCredit);
        m_revealCredit -= allowed;
        m_cascadeEnd = end;
        m_cascadeStep = allowed / events;
        m_cascadeWall = 0;
        m_doc->seekEvents(static_cast<int>(i + 1)); // the first cancellation, then in order
        m_cascadeShown = i + 1;
        return true;
    }
    return false;
}

void PlayClock::advance(double wallNanos) {
    if (!m_doc)
        return;
    const std::size_t applied = m_doc->playback().appliedEvents();
    if (m_cascadeEnd != 0 && applied != m_cascadeShown)
        m_cascadeEnd = 0; // the playhead was moved by someone else: that ends the reveal
    if (m_cascadeEnd > applied) {
        m_cascadeWall += wallNanos;
        std::size_t n = applied;
        while (m_cascadeWall >= m_cascadeStep && n < m_cascadeEnd) {
            m_cascadeWall -= m_cascadeStep;
            ++n;
        }
        if (n != applied)
            m_doc->seekEvents(static_cast<int>(n));
        m_cascadeShown = n;
        if (n >= m_cascadeEnd)
            m_cascadeEnd = 0;
        return;
    }
    m_cascadeEnd = 0;
    const double step = wallNanos * m_speed + m_carry;
    const double whole = std::floor(step);
    m_carry = step - whole;
    const double stopAt = isPlaying() ? m_stopAt : m_doc->run()->timelineEnd();
    const double before = m_doc->time();
    const double target = std::min(before + whole, stopAt);
    const bool revealing = revealCascade(applied, target);
    // The credit refills with the time that ran, as wall time at this speed: a frame that stops
    // at a cascade a little way on earns only that little.
    const double ran = (revealing ? m_doc->time() : target) - before;
    m_revealCredit = std::min(kCascadeReveal / m_speed, m_revealCredit + kRevealRefill * ran / m_speed);
    if (revealing)
        return;
    m_doc->seekTime(target);
    if (target < stopAt)
        return;
    if (m_loop && isPlaying() && m_doc->run()->endTime() > 0) {
        m_doc->restart();
        m_stopAt = m_doc->run()->endTime();
        m_carry = 0;
    } else {
        setPlaying(false);
    }
}

} // namespace ctxscope
