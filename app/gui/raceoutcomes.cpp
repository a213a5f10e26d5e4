// RaceOutcomes: the outcome of a run's races on screen, and what raced.
#include "raceoutcomes.h"

#include <algorithm>

namespace ctxscope {

RaceOutcomes::RaceOutcomes(Display display, QObject* parent) : QObject(parent), m_display(std::move(display)) {}

void RaceOutcomes::show(std::unique_ptr<SimulationResult> result, std::unique_ptr<Playback> playback,
                        std::shared_ptr<const RaceExploration> races, const QString& note) {
    m_races = RaceView(std::move(races));
    m_note = note;
    m_documented = std::shared_ptr<const SimulationResult>(std::move(result));
    if (m_index >= m_races.outcomeCount())
        m_index = 0;
    if (m_index == 0) {
        m_display(m_documented, std::move(playback));
    } else {
        playback.reset(); // it points into the documented run, not the one shown
        m_display(outcomeResult(m_index), nullptr);
    }
    Q_EMIT changed();
}

std::shared_ptr<const SimulationResult> RaceOutcomes::outcomeResult(std::size_t k) const {
    if (k == 0 || !m_races.exploration() || k >= m_races.exploration()->outcomes.size())
        return m_documented;
    // Shares the exploration's copy: no second one.
    return {m_races.shared(), &m_races.exploration()->outcomes[k].result};
}

void RaceOutcomes::setIndex(int k) {
    if (k < 0 || k >= count() || static_cast<std::size_t>(k) == m_index)
        return;
    m_index = static_cast<std::size_t>(k);
    m_display(outcomeResult(m_index), nullptr);
    Q_EMIT changed();
}

void RaceOutcomes::next() {
    if (count() > 1)
        setIndex((index() + 1) % count());
}

void RaceOutcomes::previous() {
    if (count() > 1)
        setIndex((index() + count() - 1) % count());
}

QString RaceOutcomes::raceNote(const QString& kind, const QString& id, const QString& field) const {
    if (field.isEmpty())
        return m_races.subjectNote(kind, id, m_index);
    QStringList lines;
    for (const RaceView::Fact& f : m_races.facts(kind, id, field))
        lines << m_races.note(f, m_index);
    return lines.join(QLatin1Char('\n'));
}

std::vector<Scalar> RaceOutcomes::racedScalars(const Expectation& subject, const std::string& field) const {
    std::vector<Scalar> out;
    const auto add = [&](const SimulationResult& r) {
        if (const auto v = actualValue(subject, field, r); v && std::find(out.begin(), out.end(), *v) == out.end())
            out.push_back(*v);
    };
    if (const RaceExploration* e = m_races.exploration(); e && !e->outcomes.empty())
        for (const RaceOutcome& o : e->outcomes)
            add(o.result);
    else if (m_documented) // nothing explored: the one run there is, on screen
        add(*m_documented);
    return out;
}

QVariantList RaceOutcomes::racedValues(const QString& kind, const QString& id, const QString& field) const {
    Expectation subject;
    if (kind == QLatin1String("context"))
        subject.kind = Expectation::Kind::Context;
    else if (kind == QLatin1String("task"))
        subject.kind = Expectation::Kind::Task;
    else if (kind == QLatin1String("after_func"))
        subject.kind = Expectation::Kind::AfterFunc;
    else
        return {};
    subject.subject = id.toStdString();
    QVariantList out;
    for (const Scalar& v : racedScalars(subject, field.toStdString())) {
        switch (v.type) {
        case Scalar::Type::Null: out << QVariant::fromValue(nullptr); break;
        case Scalar::Type::Bool: out << (v.text == "true"); break;
        case Scalar::Type::Number: out << QString::fromStdString(v.text).toDouble(); break;
        case Scalar::Type::String: out << QString::fromStdString(v.text); break;
        }
    }
    return out;
}

} // namespace ctxscope
