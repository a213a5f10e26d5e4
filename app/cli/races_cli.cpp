#include "races_cli.h"

#include <chrono>

namespace ctxscope::cli {

RaceExploration exploreForRun(const Scenario& scenario, const CommandLine& cl)
{
    RaceOptions options;
    options.seed = cl.seed;
    options.until = cl.until;
    options.maxOrders = kRaceMaxOrders;
    const auto start = std::chrono::steady_clock::now();
    options.keepGoing = [start](std::size_t) {
        const std::chrono::duration<double> spent = std::chrono::steady_clock::now() - start;
        return spent.count() < kRaceBudgetSeconds;
    };
    return exploreRaces(scenario, options);
}

} // namespace ctxscope::cli
