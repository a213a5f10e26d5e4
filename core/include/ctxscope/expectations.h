#pragma once
// Checking a scenario's "expect" entries (spec/scenario.md) against a finished run. The same
// semantics as the conformance runner's check_expectations: times compare as nanoseconds, null
// means "never"/"none", a lookup entry checks the LAST lookup of that key by that task, a lint
// entry needs one finding of that rule (on that subject, when given).
#include "ctxscope/scenario.h"
#include "ctxscope/simulation.h"

#include <cstddef>
#include <string>
#include <vector>

namespace ctxscope {

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
};

struct ExpectationReport {
    std::vector<ExpectationOutcome> outcomes; // one per Scenario::expect entry, in order
    std::size_t passed = 0;
    std::size_t failed = 0;
    bool allPassed() const { return failed == 0; }
    // failureMessages lists every failure message of every entry, in order.
    std::vector<std::string> failureMessages() const;
};

// checkExpectation evaluates one entry; index is only used in messages.
ExpectationOutcome checkExpectation(const Expectation& expectation, std::size_t index,
                                    const SimulationResult& result);

// checkExpectations evaluates every entry of scenario.expect against result.
ExpectationReport checkExpectations(const Scenario& scenario, const SimulationResult& result);

} // namespace ctxscope
