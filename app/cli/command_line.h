#pragma once
// Parsing ctxscope-cli's arguments (spec/cli.md) into a plain struct, without side effects, so
// every usage error is found before anything is read or written.
#include "ctxscope/engine/duration.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ctxscope::cli {

enum class Command : std::uint8_t { Help, Version, Run, Check, Render, ExportGo, Verify };

struct CommandLine {
    Command command = Command::Help;
    std::vector<std::string> scenarios; // run: exactly one; check: one or more
    std::optional<std::string> tracePath;  // "-" means stdout
    std::optional<std::string> reportPath; // "-" means stdout
    std::optional<Nanos> until;
    std::optional<std::int64_t> seed;
    std::optional<Nanos> at;                // render: the instant to draw (default 0)
    std::optional<std::string> outputPath;  // render: -o FILE ("-" means stdout); export-go: -o DIR
    std::optional<std::string> chromePath;  // run --chrome FILE
    std::optional<std::string> goBinary;    // verify --go PATH
    bool solution = false;                  // run --solution: the exercise's solved scenario
    bool races = false;                     // run --races: explore the orders Go leaves open
    std::optional<std::size_t> outcome;     // run --outcome K: write that outcome (implies --races)
};

struct ParseOutcome {
    std::optional<CommandLine> commandLine; // set when the arguments make sense
    std::string error;                      // one line saying what is wrong otherwise
};

// parseCommandLine reads argv[1..]. "--help"/"-h" anywhere asks for help; "--version" alone
// (or as the first argument) asks for the version.
ParseOutcome parseCommandLine(const std::vector<std::string>& args);

// usageText is what --help prints.
const char* usageText();

} // namespace ctxscope::cli
