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
    // Only the outcome --outcome asks for is written: the others keep their facts, not their
    // runs (at 10^5 contexts a run is about 20 MB, and a search can find hundreds of outcomes).
    const std::optional<std::size_t> wanted = cl.outcome;
    options.keepResult = [wanted](std::size_t k) { return wanted && k == *wanted; };
    return exploreRaces(scenario, options);
}

} // namespace ctxscope::cli
