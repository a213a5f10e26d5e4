#pragma once
// RaceView: an exploration of the orders Go may run a scenario in (races.h, spec/trace.md
// "Races") put in the words the views show. Which facts of a context, task or after-func were
// decided by a race, what raced and when, and the values Go can give, with the outcome each
// comes from and which one is on screen. A pure function of (exploration, outcome shown): the
// Document's RaceOutcomes owns both and every view asks it.
#include "ctxscope/engine/races.h"
#include "ctxscope/engine/scenario.h"

#include <QString>
#include <QStringList>
#include <QVariantList>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace ctxscope {

class RaceView {
public:
    RaceView() = default;
    explicit RaceView(std::shared_ptr<const RaceExploration> races);

    const RaceExploration* exploration() const { return m_races.get(); }
    const std::shared_ptr<const RaceExploration>& shared() const { return m_races; }
    std::size_t outcomeCount() const { return m_races ? m_races->outcomes.size() : 1; }
    bool raced() const { return outcomeCount() > 1; }

    // One raced fact of a subject. kind: "context", "task", "after_func" or "run"; field: the
    // report's name (err, cause, reason, done_ns, result, ended_ns, started_ns, stopped, ...; a
    // lookup's "lookup 2 value").
    struct Fact {
        QString kind;
        QString id;
        QString field;
        const RaceFact* fact = nullptr;
    };
    // facts lists the raced facts of one subject (every subject when id is empty), in the
    // exploration's order. field, when given, narrows it to that report field.
    std::vector<Fact> facts(const QString& kind, const QString& id, const QString& field = {}) const;
    bool isRaced(const QString& kind, const QString& id, const QString& field = {}) const {
        return !facts(kind, id, field).empty();
    }

    // note: one fact in words, with the outcome on screen (0-based):
    //   Err() was decided by a race at 200ms: deadline of request vs work timer of watchdog.
    //   Go can give "context deadline exceeded" (outcome 1, shown) or "context canceled" (outcome 2).
    QString note(const Fact& f, std::size_t shown) const;
    // valuesText: '"a" (outcome 1, shown) or "b" (outcome 2)'.
    QString valuesText(const Fact& f, std::size_t shown) const;
    // grouped: the races that decided facts of these (kind, id) subjects, one entry per race:
    //   At 200ms: deadline of request vs work timer of watchdog
    //   • request's Err(): "context deadline exceeded" (outcome 1, shown) or "context canceled" (outcome 2)
    // With upTo, only the races that have happened by then (a mark appears when the race is run).
    QStringList grouped(const std::vector<std::pair<QString, QString>>& subjects, std::size_t shown,
                        std::optional<Nanos> upTo = std::nullopt) const;
    // subjectNote: grouped() for one subject, joined ("" when none): a card's or a chip's tooltip.
    QString subjectNote(const QString& kind, const QString& id, std::size_t shown,
                        std::optional<Nanos> upTo = std::nullopt) const;

    // marks: the instants where a race decided something, for the timeline and the play bar:
    // [{t: ns, text: "200ms: deadline of request vs work timer of watchdog — decides request's
    // Err(), Cause() …"}], in time order.
    QVariantList marks() const;

    // outcomeText: "outcome 1 of 3"; outcomeDetail: how the shown outcome's order left the
    // documented one ("at 200ms: work timer of watchdog before deadline of request") and what it
    // changes; "" when there is a single outcome.
    QString outcomeText(std::size_t shown) const;
    QString outcomeDetail(std::size_t shown) const;
    // status: why the exploration is not the whole truth ("" when complete): a bound stopped it.
    QString status() const;

    // The display name of a report field ("Err()", "done at", ...), and a value as the views
    // write it (times as Go durations, strings quoted, null as "nil" or "never").
    static QString fieldName(const QString& kind, const QString& field);
    static QString valueText(const QString& field, const FactValue& v);

private:
    void index();

    std::shared_ptr<const RaceExploration> m_races;
    std::vector<Fact> m_facts; // every raced fact, parsed
    static constexpr std::size_t kNoValue = static_cast<std::size_t>(-1);
    std::vector<std::vector<std::size_t>> m_valueOf; // [fact][outcome]: index into its values
};

} // namespace ctxscope
