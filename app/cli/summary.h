#pragma once
// The human-readable summary `ctxscope-cli run` prints: what stopped the run and when, tables
// of contexts and tasks (capped for big scenarios), lints and the expectation checklist.
#include "ctxscope/formats/expectations.h"
#include "ctxscope/engine/simulation.h"

#include <cstddef>
#include <string>

namespace ctxscope::cli {

inline constexpr std::size_t kSummaryMaxRows = 40;

// renderSummary returns the summary text, ending in a newline. Tables longer than maxRows show
// their first maxRows rows and a line saying how many more there are.
std::string renderSummary(const SimulationResult& result, const ExpectationReport& expectations,
                          std::size_t maxRows = kSummaryMaxRows);

// renderDoneWhen returns the summary's section about an exercise: whether done_when holds in
// this run, entry by entry ("" when the report is of no exercise). solutionApplied: the run is
// of the solved scenario (run --solution), where "expect" is not checked.
std::string renderDoneWhen(const ExpectationReport& doneWhen, bool solutionApplied);

} // namespace ctxscope::cli
