#pragma once
// The commands of ctxscope-cli. Each returns the process exit status of spec/cli.md and writes
// results to stdout, every error to stderr.
#include "command_line.h"

#include <iosfwd>

namespace ctxscope::cli {

enum ExitCode : int {
    kExitOk = 0,
    kExitIo = 1,
    kExitUsage = 2,
    kExitInvalidScenario = 3,
    kExitExpectationFailed = 4,
    kExitVerifyDifference = 5,
};

// runCommand loads and simulates one scenario, writes the requested outputs atomically, prints
// the summary (unless the trace or report goes to stdout) and checks the expectations.
int runCommand(const CommandLine& cl, std::ostream& out, std::ostream& err);

// checkCommand validates each file and lists the lints a run of it finds; nothing is written.
int checkCommand(const CommandLine& cl, std::ostream& out, std::ostream& err);

// exportGoCommand writes the equivalent Go module (go.mod, main.go, scenario_test.go) into DIR.
int exportGoCommand(const CommandLine& cl, std::ostream& out, std::ostream& err);

// verifyCommand runs the exported module's synctest test with a real Go toolchain; exit 5 on a
// difference or when no Go >= 1.25 is found.
int verifyCommand(const CommandLine& cl, std::ostream& out, std::ostream& err);

// renderCommand draws the tree at --at as SVG into -o FILE (atomically).
int renderCommand(const CommandLine& cl, std::ostream& out, std::ostream& err);

} // namespace ctxscope::cli
