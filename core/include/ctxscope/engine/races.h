#pragma once
// Races: every outcome real Go can produce (spec/trace.md "Races"). simulate() follows one
// documented order within an instant; Go leaves some of those orders open (semantics R28, R56,
// R57): timers due at one instant, the goroutines one event makes runnable, a spawner and the
// goroutine it spawned, a select with two ready cases. exploreRaces() re-runs the scenario under
// other orders (schedule.h) and keeps the distinct outcomes.
//
// The search is a stateless dynamic partial-order reduction: each run records, per unit (a
// timer firing or one goroutine step), the objects it read or changed; two units of one
// instant that touch the same object, one changing it, are a race, and the search comes back
// to try the later one first (at the choice point where it, or what made it runnable, was
// already waiting). Units that touch nothing in common are never swapped, so a scenario with n
// independent goroutines costs one run, not n!. The search is bounded by a number of orders and
// by the caller's keepGoing callback (a time budget); when a bound stops it, `complete` is false.
#include "ctxscope/engine/scenario.h"
#include "ctxscope/engine/simulation.h"

#include <functional>
#include <string>
#include <vector>

namespace ctxscope {

struct RaceOptions {
    std::optional<std::int64_t> seed;   // as SimulationOptions
    std::optional<Nanos> until;
    std::size_t maxOrders = 2000;       // runs of the scenario, the documented one included
    // Called after each run with the orders explored so far; false stops the search there
    // (the result is then incomplete). The engine has no clock: a time budget lives here.
    std::function<bool(std::size_t orders)> keepGoing;
    // Which outcomes keep their whole SimulationResult (unset: every one). The search needs only
    // the documented order's run, which is always kept: a caller that shows one outcome of a big
    // scenario keeps that one, and its memory is then O(size of a run), not O(outcomes x size).
    std::function<bool(std::size_t outcome)> keepResult;
};

// One place where an outcome's order left the documented one.
struct RaceChoice {
    Nanos t = 0;
    std::string documented; // "deadline of budget", "work timer of fetch", "goroutine fetch", ...
    std::string chosen;
};

struct RaceOutcome {
    SimulationResult result;         // empty when not kept (RaceOptions::keepResult)
    bool resultKept = true;
    std::vector<RaceChoice> choices; // empty for outcome 0, the documented order
    std::size_t order = 0;           // which run found it (0-based)
};

// A value as the report writes it.
struct FactValue {
    enum class Type : std::uint8_t { Null, Integer, String, Bool, Number } type = Type::Null;
    std::string text;
    bool operator==(const FactValue&) const = default;
};

// A report field whose value differs between outcomes.
struct RaceFact {
    std::string fact;               // dotted path into the report: "tasks.fetch.result"
    std::vector<FactValue> values;  // distinct, the documented order's first
    std::vector<std::size_t> outcomeOf; // per value: the first outcome that has it
    Nanos at = 0;                   // where the choice that changed it was made
    std::vector<std::string> between; // what raced: the documented unit, the one taken instead
};

struct RaceExploration {
    bool complete = true;
    std::size_t ordersExplored = 0;
    std::size_t choicePoints = 0;    // of the documented order's run
    std::vector<RaceOutcome> outcomes; // [0]: the documented order; then in the order found
    std::vector<RaceFact> facts;
    std::string incomplete;          // why not complete ("" when complete)
};

// exploreRaces runs the scenario in the documented order and then in every order the reduction
// deems able to change an outcome, within options' bounds. Deterministic: the same scenario and
// options give the same outcomes in the same order (unless keepGoing stops at another point).
RaceExploration exploreRaces(const Scenario& scenario, const RaceOptions& options = {});

// outcomeFacts lists the report's facts of one run as (path, value): contexts.ID.FIELD,
// tasks.ID.FIELD, after_funcs.ID.FIELD, lookups.TASK#N.FIELD (the N-th lookup of that task),
// end_ns, stopped. Two runs with the same list are the same outcome.
std::vector<std::pair<std::string, FactValue>> outcomeFacts(const SimulationResult& r);

} // namespace ctxscope
