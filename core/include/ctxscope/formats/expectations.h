#pragma once
// Checking a scenario's "expect" entries (spec/scenario.md) against a finished run. The same
// semantics as the conformance runner's check_expectations: times compare as nanoseconds, null
// means "never"/"none", a lookup entry checks the LAST lookup of that key by that task, a lint
// entry needs one finding of that rule (on that subject, when given).
#include "ctxscope/engine/scenario.h"
#include "ctxscope/engine/simulation.h"

#include <cstddef>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ctxscope {

inline constexpr std::size_t kNoEvent = std::numeric_limits<std::size_t>::max();

struct ExpectationOutcome {
    std::size_t index = 0;              // position in Scenario::expect
    std::string title;                  // "context req", "lint lostcancel on db", "no lints", ...
    bool passed = false;
    // One message per mismatch, each a full sentence a user can act on, e.g.
    // `expect[2]: context req: err: want "context canceled", got "context deadline exceeded"`.
    std::vector<std::string> failures;
    // The virtual time from which the outcome is final: before it the GUI shows the entry as
    // pending. For a context's err/cause/done_at it is when the context became done (or the end
    // of the run if it never did), for a task's result when it ended, for lints the first
    // matching finding, for "stopped", "no_lints" and "never" values the end of the run.
    Nanos decidedAt = 0;
    // The event that decided it, as an index into SimulationResult::events (its seq), so a view
    // can select it: the context's cancellation, the task's end, the lint's finding, the last
    // matching lookup, ... or the run's end for "never"/"none" and for whole-run facts. Set by
    // checkExpectationList/checkExpectations; a lone checkExpectation leaves kNoEvent.
    std::size_t event = kNoEvent;
};

struct ExpectationReport {
    std::vector<ExpectationOutcome> outcomes; // one per Scenario::expect entry, in order
    std::size_t passed = 0;
    std::size_t failed = 0;
    bool allPassed() const { return failed == 0; }
    // failureMessages lists every failure message of every entry, in order.
    std::vector<std::string> failureMessages() const;
};

// checkExpectation evaluates one entry; index and listName are only used in messages
// ("expect[2]: ...", "exercise.done_when[0]: ...").
ExpectationOutcome checkExpectation(const Expectation& expectation, std::size_t index,
                                    const SimulationResult& result, std::string_view listName = "expect");

// checkExpectationList evaluates every entry of a list in the "expect" syntax (expect, an
// exercise's done_when) and finds each outcome's deciding event, in one pass over the events.
ExpectationReport checkExpectationList(const std::vector<Expectation>& list, const SimulationResult& result,
                                       std::string_view listName);

// checkExpectations evaluates every entry of scenario.expect against result.
ExpectationReport checkExpectations(const Scenario& scenario, const SimulationResult& result);

// actualValue is what the run gives one field of the subject an expectation names (kind,
// subject and, for a lookup, task; its fields are ignored), spelled as the "expect" syntax
// spells it: strings and booleans as such, times as canonical Go durations ("100ms"), null for
// never/nil/none. nullopt when the run has no such subject (or no such lookup) or the field is
// not one of that kind's. Comparing a guess with it as an expectation would: see
// checkExpectation with {field: guess}.
std::optional<Scalar> actualValue(const Expectation& subject, const std::string& field,
                                  const SimulationResult& result);

} // namespace ctxscope
