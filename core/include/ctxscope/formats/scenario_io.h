#pragma once
// Loading and saving scenario files (spec/scenario.md). Loading is strict and never crashes,
// hangs or half-loads; saving writes the canonical form (stable key order, 2-space indent)
// atomically, so load -> save -> load gives an equal Scenario.
#include "ctxscope/engine/scenario.h"
#include "ctxscope/engine/validate.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ctxscope {

struct LoadResult {
    std::optional<Scenario> scenario;  // set only when problems is empty
    std::vector<Problem> problems;     // every problem found, in document order
};

// parseScenario parses and validates scenario text. JSON syntax errors give line and column;
// structural and semantic problems give the JSON path (and line/column of the value).
LoadResult parseScenario(std::string_view text);

// loadScenarioFile reads a file (at most 64 MiB) and parses it. An unreadable file is one
// problem with an empty path.
LoadResult loadScenarioFile(const std::string& path);

// locateProblems fills in the line and column of problems found after loading (an exercise
// already solved as shipped, see exercise.h) from the scenario's text: the position of the
// deepest value on each problem's JSON path. Problems keep their order; text that does not
// parse leaves them as they are.
void locateProblems(std::string_view text, std::vector<Problem>& problems);

// formatProblem renders "FILE: PATH: message (line L, column C)" as spec/cli.md asks.
std::string formatProblem(const std::string& file, const Problem& problem);

// serializeScenario renders the canonical JSON text, ending in a newline.
std::string serializeScenario(const Scenario& scenario);

// saveScenarioFile writes atomically (temporary file + rename). On failure the existing file
// is untouched and *error says why.
bool saveScenarioFile(const std::string& path, const Scenario& scenario, std::string* error);

} // namespace ctxscope
