#pragma once
// run --races / --outcome K (spec/cli.md): the exploration with the CLI's bounds.
#include "command_line.h"

#include "ctxscope/engine/races.h"

namespace ctxscope::cli {

// The CLI's bounds on exploring one scenario: at most this many orders, and this much wall
// time (the engine has no clock; the budget is checked between orders).
inline constexpr std::size_t kRaceMaxOrders = 2000;
inline constexpr double kRaceBudgetSeconds = 20.0;

// exploreForRun explores the scenario's orders with cl's seed and until.
RaceExploration exploreForRun(const Scenario& scenario, const CommandLine& cl);

} // namespace ctxscope::cli
