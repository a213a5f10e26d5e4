#pragma once
// verify (spec/cli.md): export the scenario to a temporary Go module, run its synctest test with
// a real Go toolchain (>= 1.25) and report every fact where Go and the simulator disagree.
#include "ctxscope/go_export/go_export.h"
#include "ctxscope/engine/scenario.h"
#include "ctxscope/engine/simulation.h"

#include <string>
#include <vector>

namespace ctxscope {

struct GoVerifyOptions {
    std::string goBinary = "go";   // a name looked up in PATH, or a path
    int timeoutSeconds = 300;      // for each go command (the first build of a module is slow)
    bool runVet = true;            // also run go vet and check lostcancel against the simulator
    bool runGofmt = true;          // also check that every file is gofmt-clean (GOROOT/bin/gofmt)
    std::string keepDir;           // non-empty: export there and keep it (else a removed temp dir)
    // go test -count: runs of the test in one process. Above 1, races get the chance to go
    // either way, and a value outside a fact's race set fails (the tests use 20).
    int count = 1;
};

struct GoVerifyResult {
    bool ok = false;                      // ran, and Go agrees with the simulator on every fact
    std::vector<std::string> differences; // "context db: err: simulator \"...\", go \"...\""
    std::string goVersionProblem;         // non-empty: no usable Go (says which version is needed)
    std::string goVersion;                // e.g. "go1.26.8"
    std::string rawOutput;                // everything the go commands printed
    int factsCompared = -1;               // from the test's summary line; -1 if it did not run
    int factsLeftToRaces = 0;
    int factsRaced = 0;                   // compared against a set of values (races.h)
};

// parseGoVersion reads "go version go1.26.8 linux/amd64" (or "go1.25rc1 ...") into {1, 26};
// {0, 0} if the text is not a go version line.
std::pair<int, int> parseGoVersion(const std::string& versionOutput);

// parseGoTestDifferences extracts the "ctxscope-diff: " lines a test printed, without the
// prefix, in order; *compared gets the number from the "ctxscope-compared: N facts" line
// (-1 if absent).
std::vector<std::string> parseGoTestDifferences(const std::string& output, int* compared);

// verifyWithGo exports, runs `go version`, `gofmt -l` and `go vet` (when asked) and `go test` with
// GOFLAGS=-mod=mod and GOTOOLCHAIN=local (GOCACHE in the temporary directory when the default
// cache is not writable), each with a timeout, and collects the differences. go vet findings
// count as differences unless they are the lostcancel reports the scenario asks for (a derive
// with defer_cancel:false whose cancel function is never called). Never throws.
GoVerifyResult verifyWithGo(const Scenario& scenario, const SimulationResult& result,
                            const GoVerifyOptions& options = {});

// verifyWithGo simulates the scenario first.
GoVerifyResult verifyWithGo(const Scenario& scenario, const GoVerifyOptions& options = {});

} // namespace ctxscope
