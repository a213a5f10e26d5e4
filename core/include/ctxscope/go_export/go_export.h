#pragma once
// The scenario as a Go module (spec/trace.md "Go program"): real Go is the judge of the
// simulator. exportGo is pure (no files, no processes); writeGoExport puts the files on disk.
//
// The module has three files:
//   go.mod            the go directive. With the test file it is "go 1.25" (testing/synctest is
//                     stable from Go 1.25, and only a 1.25 module gets its fake-clock timer
//                     semantics); a comment names the oldest Go the program itself needs. Without
//                     the test file it names that oldest version: 1.21 (AfterFunc, WithoutCancel,
//                     the Deadline/Timeout Cause variants), 1.20 (WithCancelCause or a cancel
//                     cause), else 1.19.
//   main.go           the scenario with the real context package on real time: `go run .`
//                     prints a JSON Lines trace in trace.md's format (order within one instant
//                     not guaranteed). Its tail is a small tracer, kept apart from the scenario.
//   scenario_test.go  the same run() inside testing/synctest.Test, compared fact by fact with
//                     the simulator's results, which it embeds as Go literals. Each difference
//                     is printed as "ctxscope-diff: SUBJECT: FIELD: simulator X, go Y".
//                     A context's fmt.Sprint name is embedded whole while short (<= 512 bytes),
//                     else only its own part (the test checks it follows the parent's name),
//                     and not compared at all once Go would copy 256 MiB printing names: the
//                     file is O(contexts + tasks + steps) and the test's run time linear.
//
// Same-instant order: at each instant the test lets everything Go has due run before the
// scenario's own creations and actions (synctest.Wait), which is the simulator's documented
// order; facts that depend on two timers or goroutines racing at one instant (found by
// re-simulating with each timer moved by 1ns) are embedded but not compared.
#include "ctxscope/engine/scenario.h"
#include "ctxscope/engine/simulation.h"

#include <string>
#include <vector>

namespace ctxscope {

struct GoExportOptions {
    bool withTest = true;   // write scenario_test.go (and make go.mod say go 1.25)
    std::string module;     // module path; empty: derived from the scenario's name
};

struct GoFile {
    std::string path;       // relative: "go.mod", "main.go", "scenario_test.go"
    std::string text;
};

// A derive whose cancel function the scenario never calls and does not defer: main.go discards
// it (`ctx, _ = context.WithTimeout(...)`) so that go vet's lostcancel reports exactly that line.
struct GoDiscardedCancel {
    std::string context;    // the derived context's id
    std::string file;       // "main.go"
    int line = 0;
};

struct GoExport {
    std::vector<GoFile> files;
    std::string goDirective;       // what go.mod says, e.g. "1.25"
    std::string programGoVersion;  // the oldest Go main.go needs: "1.19", "1.20" or "1.21"
    std::vector<GoDiscardedCancel> discardedCancels;
    bool mayReportLostCancel = false; // some derive has defer_cancel:false (vet may flag it)
    int factsLeftToRaces = 0;         // facts embedded in the test but not compared
    int factsRaced = 0;               // facts compared against a set of values (races.h)
    int namesNotCompared = 0;         // deep contexts whose name the test does not compare (cost)
    std::vector<std::string> notes;   // what the export could not express exactly
};

// minimumGoVersion is the oldest Go release whose context package has everything the
// scenario uses: "1.21", "1.20" or "1.19".
std::string minimumGoVersion(const Scenario& scenario);

// exportGo renders the module. result must be simulate(scenario) (with the same options); the
// test embeds it as the expected outcome.
GoExport exportGo(const Scenario& scenario, const SimulationResult& result, const GoExportOptions& options = {});

// writeGoExport writes the module into dir as a whole: it is built in a temporary directory
// beside dir and swapped in, so dir holds the old module or the new one, never a mix (a missing
// dir and its parents are created; files in dir other than go.mod, main.go and scenario_test.go
// are kept; a dir that is a file is an error). On failure *error says why, false is returned
// and dir is as it was, with no temporary directory left behind.
bool writeGoExport(const GoExport& module, const std::string& dir, std::string* error);

} // namespace ctxscope
