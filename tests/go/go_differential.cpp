// go_differential SCENARIO: export the scenario as a Go module and let the local Go toolchain
// judge the simulator (gofmt, go vet, the synctest test). Exit 0: Go agrees; 1: a difference
// or an error; 77: no Go >= 1.25 (CTest's SKIP_RETURN_CODE), unless CI=true, then 1.
#include "go_verify.h"
#include "ctxscope/formats/scenario_io.h"

#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <string_view>

int main(int argc, char** argv)
{
    using namespace ctxscope;
    if (argc != 2) {
        std::cerr << "usage: go_differential SCENARIO\n";
        return 2;
    }
    const std::string file = argv[1];
    const LoadResult loaded = loadScenarioFile(file);
    if (!loaded.scenario) {
        for (const Problem& p : loaded.problems)
            std::cerr << formatProblem(file, p) << "\n";
        return 1;
    }
    GoVerifyOptions options;
    if (const char* go = std::getenv("CTXSCOPE_GO"))
        options.goBinary = go;
    // Run the synctest test 20 times: a fact Go leaves to a race then goes both ways now and
    // then, and a value outside its race set fails (CTXSCOPE_GO_COUNT overrides).
    options.count = 20;
    if (const char* count = std::getenv("CTXSCOPE_GO_COUNT"))
        options.count = std::max(1, std::atoi(count));
    const GoVerifyResult r = verifyWithGo(*loaded.scenario, options);
    if (!r.goVersionProblem.empty()) {
        const char* ci = std::getenv("CI");
        if (ci && std::string_view(ci) == "true") {
            std::cerr << "FAIL (CI=true): " << r.goVersionProblem << "\n";
            return 1;
        }
        std::cout << "not run: go >= 1.25 not found: " << r.goVersionProblem << "\n";
        return 77;
    }
    for (const std::string& d : r.differences)
        std::cout << file << ": " << d << "\n";
    if (!r.ok) {
        std::cout << "--- go output ---\n" << r.rawOutput << "\n";
        return 1;
    }
    std::cout << file << ": " << r.goVersion << " agrees on " << r.factsCompared << " facts ("
              << r.factsLeftToRaces << " left to same-instant races, " << r.factsRaced
              << " checked against their race sets, " << options.count << " runs)\n";
    return 0;
}
