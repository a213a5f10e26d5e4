#pragma once
// RaceOutcomes: which outcome of a run's races the views show (issue #13, spec/trace.md
// "Races"). Each simulation also explores the other orders Go may run the scenario in; index
// (0-based; 0 is the documented order) is the one every view shows: view state owned here,
// switching it swaps the run on screen as a re-simulation does, keeping the playhead. text
// "outcome 1 of 3"; detail how its order differs and what is raced; racesNote why the
// exploration is partial or missing; raceMarks [{t, text}] the instants where a race decided
// something. It reads the exploration only: what may race is the engine's (races.h).
#include "ctxscope/engine/playback.h"
#include "ctxscope/engine/simulation.h"
#include "ctxscope/formats/expectations.h"
#include "raceview.h"

#include <QObject>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

#include <functional>
#include <memory>
#include <vector>

namespace ctxscope {

class RaceOutcomes : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("a Document's outcomes: document.outcomes")
    Q_PROPERTY(int index READ index WRITE setIndex NOTIFY changed)
    Q_PROPERTY(int count READ count NOTIFY changed)
    Q_PROPERTY(QString text READ text NOTIFY changed)
    Q_PROPERTY(QString detail READ detail NOTIFY changed)
    Q_PROPERTY(QString racesNote READ racesNote NOTIFY changed)
    Q_PROPERTY(QVariantList raceMarks READ raceMarks NOTIFY changed)

public:
    // display puts a run on screen at the playhead (SimulationRunner::display); a null playback
    // asks it to make one.
    using Display = std::function<void(std::shared_ptr<const SimulationResult>, std::unique_ptr<Playback>)>;
    RaceOutcomes(Display display, QObject* parent);

    int index() const { return static_cast<int>(m_index); }
    void setIndex(int k);
    int count() const { return static_cast<int>(m_races.outcomeCount()); }
    QString text() const { return m_races.outcomeText(m_index); }
    QString detail() const { return m_races.outcomeDetail(m_index); }
    QString racesNote() const { return m_note.isEmpty() ? m_races.status() : m_note; }
    QVariantList raceMarks() const { return m_races.marks(); }
    const RaceView& races() const { return m_races; }
    // next/previous step through the outcomes, round (the switcher's buttons and keys).
    Q_INVOKABLE void next();
    Q_INVOKABLE void previous();
    // raceNote: what raced to decide a subject's fact ("" when nothing did): kind "context",
    // "task", "after_func"; field the report's name (err, cause, done_ns, result, ended_ns, ...)
    // or "" for all of the subject's raced facts, one a line.
    Q_INVOKABLE QString raceNote(const QString& kind, const QString& id, const QString& field = {}) const;
    // racedValues: every value Go can give one field of a subject, over all outcomes, as the
    // "expect" syntax spells it (expectations.h actualValue: err, cause, done_at, deadline,
    // result, ended_at, ran_at, stopped, value, ...): strings, booleans, null. One value when
    // nothing raced; none for no such subject or field. Predict grades a guess against it.
    Q_INVOKABLE QVariantList racedValues(const QString& kind, const QString& id, const QString& field) const;
    std::vector<Scalar> racedScalars(const Expectation& subject, const std::string& field) const;

    // show puts a new run on screen (outcome 0, the documented order, with its exploration, or
    // its `note` why there is none). The outcome on screen stays the one chosen while there is
    // one of that number.
    void show(std::unique_ptr<SimulationResult> result, std::unique_ptr<Playback> playback,
              std::shared_ptr<const RaceExploration> races, const QString& note);

Q_SIGNALS:
    void changed();

private:
    std::shared_ptr<const SimulationResult> outcomeResult(std::size_t k) const;

    Display m_display;
    std::shared_ptr<const SimulationResult> m_documented; // the last simulation (outcome 0)
    RaceView m_races;
    QString m_note; // why not explored
    std::size_t m_index = 0;
};

} // namespace ctxscope
