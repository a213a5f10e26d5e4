#pragma once
// Shared between the parts of the Go export: main.go (go_export_main.cpp), scenario_test.go
// (go_export_scenario_test.cpp), the fixed Go sources (core/src/go_export/go_runtime/, embedded by go_export_runtime.cpp) and the race analysis
// (go_race_probe.cpp).
#include "ctxscope/go_export/go_export.h"

#include <map>
#include <set>
#include <vector>
#include <string>

#include <string_view>

namespace ctxscope::gox {

// Tests only: writeGoExport asks it before each system call of the write ("mkdtemp new",
// "write main.go", "link NAME", "exchange", "rename", "move NAME", ...); a non-zero errno makes
// that call fail with it. nullptr (the default): nothing fails on purpose.
extern int (*writeGoExportFault)(std::string_view step);

// Facts that depend on which of two things due at the same instant Go runs first: embedded
// in the test but not compared. Keyed by subject id; values are the field names the test uses
// ("err", "cause", "reason", "done", "created", "deadline", "started", "result", "ended",
// "stopped", "value").
struct RaceSkips {
    std::map<std::string, std::set<std::string>> contexts, tasks, afterFuncs;
    std::set<std::pair<std::string, int>> lookups; // (task id, n-th lookup of that task, from 0)
    int count() const;
};

// The other values the exported test accepts for a fact Go leaves to a race (the simulator's
// own is embedded as usual): per subject id, per test field name, Go literals.
struct RaceSets {
    std::map<std::string, std::map<std::string, std::vector<std::string>>> contexts, tasks, afterFuncs;
    std::map<std::pair<std::string, int>, std::vector<std::string>> lookups; // (task id, n-th lookup)
    bool complete = true; // false: the exploration was bounded (the 1ns probes then skip too)
    Nanos latestEnd = 0;  // the latest end_ns of the outcomes that stopped idle
    int count() const;
};

// raceSets explores the scenario's open orders (races.h) and lists, for every fact that differs
// between outcomes, the values other than base's. notes gets a line when the search was bounded.
RaceSets raceSets(const Scenario& scenario, const SimulationResult& base, std::vector<std::string>* notes);

// findRaces re-simulates the scenario with each timer (context timeouts and deadlines, work
// durations, polling periods) moved by -1ns, and marks every fact that changes by more than
// the move itself. notes gets a line when the scenario is too large to analyse (the work is
// bounded: timers x the size of the run).
RaceSkips findRaces(const Scenario& scenario, const SimulationResult& base, std::vector<std::string>* notes);

// mainGo writes main.go; records discarded cancel functions and notes in *out.
// endAt: when run() ends (at least result.endTime; later when another outcome of a race runs
// longer, so that the test sees every outcome to its end).
std::string mainGo(const Scenario& scenario, const SimulationResult& result, const std::string& programVersion,
                   const std::string& module, GoExport* out, Nanos endAt = 0);

// testGo writes scenario_test.go; records in *out how many names it leaves uncompared (with a note).
std::string testGo(const Scenario& scenario, const SimulationResult& result, const RaceSkips& skips,
                   const RaceSets& races, GoExport* out);

// The fixed Go text: the tracer at the end of main.go (causeFromGo: call context.Cause, else
// use Err as the cause, for Go 1.19 programs) and the comparison code of the test.
std::string tracerSource(bool causeFromGo);
std::string harnessSource();

} // namespace ctxscope::gox
