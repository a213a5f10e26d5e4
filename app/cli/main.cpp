// ctxscope-cli: simulate Go context trees headlessly (spec/cli.md).
#include "command_line.h"
#include "commands.h"

#include <exception>
#include <iostream>
#include <string>
#include <vector>

#ifndef CTXSCOPE_VERSION
#define CTXSCOPE_VERSION "0.1.0"
#endif

namespace {

int dispatch(const std::vector<std::string>& args)
{
    using namespace ctxscope::cli;
    ParseOutcome parsed = parseCommandLine(args);
    if (!parsed.commandLine) {
        std::cerr << "ctxscope-cli: " << parsed.error << "\nsee ctxscope-cli --help\n";
        return kExitUsage;
    }
    const CommandLine& cl = *parsed.commandLine;
    switch (cl.command) {
    case Command::Help:
        std::cout << usageText();
        return kExitOk;
    case Command::Version:
        std::cout << "ctxscope-cli " CTXSCOPE_VERSION "\n";
        return kExitOk;
    case Command::Run:
        return runCommand(cl, std::cout, std::cerr);
    case Command::Check:
        return checkCommand(cl, std::cout, std::cerr);
    case Command::Render:
        return renderCommand(cl, std::cout, std::cerr);
    case Command::ExportGo:
        return exportGoCommand(cl, std::cout, std::cerr);
    case Command::Verify:
        return verifyCommand(cl, std::cout, std::cerr);
    }
    return kExitUsage;
}

} // namespace

int main(int argc, char** argv)
{
    // Nothing may end in a crash or a stack trace: anything unexpected is reported on one line.
    try {
        std::ios::sync_with_stdio(false);
        std::vector<std::string> args(argv + 1, argv + argc);
        return dispatch(args);
    } catch (const std::bad_alloc&) {
        std::cerr << "ctxscope-cli: out of memory\n";
    } catch (const std::exception& e) {
        std::cerr << "ctxscope-cli: internal error: " << e.what() << '\n';
    } catch (...) {
        std::cerr << "ctxscope-cli: internal error\n";
    }
    return ctxscope::cli::kExitIo;
}
