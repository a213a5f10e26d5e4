#include "command_line.h"

#include <charconv>

namespace ctxscope::cli {
namespace {

bool parseSeed(const std::string& text, std::int64_t* out)
{
    const char* first = text.data();
    const char* last = text.data() + text.size();
    if (first != last && *first == '+')
        ++first;
    auto [ptr, ec] = std::from_chars(first, last, *out);
    return first != last && ec == std::errc() && ptr == last;
}

// Splits "--name=value" into name and value; other arguments come back whole.
std::pair<std::string, std::optional<std::string>> splitOption(const std::string& arg)
{
    if (arg.rfind("--", 0) == 0) {
        auto eq = arg.find('=');
        if (eq != std::string::npos)
            return {arg.substr(0, eq), arg.substr(eq + 1)};
    }
    return {arg, std::nullopt};
}

CommandLine helpOrVersion(Command c)
{
    CommandLine cl;
    cl.command = c;
    return cl;
}

// optionValue takes an option's value: inline ("--at=5ms") or the next argument, which
// it consumes by advancing i. False when there is none or it is empty.
bool optionValue(const std::vector<std::string>& args, std::size_t& i,
                 const std::optional<std::string>& inlineValue, std::string* value)
{
    if (inlineValue) {
        *value = *inlineValue;
    } else {
        if (i + 1 >= args.size())
            return false;
        *value = args[++i];
    }
    return !value->empty();
}

// parseTime reads a non-negative Go duration for option `name`; the error text otherwise.
std::optional<std::string> parseTime(const std::string& name, const std::string& value, std::optional<Nanos>* out)
{
    DurationParse d = parseDuration(value);
    if (!d.value)
        return name + " " + value + ": " + d.error;
    if (*d.value < 0)
        return name + " " + value + ": a time must not be negative";
    *out = d.value;
    return std::nullopt;
}

ParseOutcome fail(std::string message)
{
    return {std::nullopt, std::move(message)};
}

// --outcome K: a plain non-negative decimal integer.
bool parseOutcomeIndex(const std::string& value, std::optional<std::size_t>* out)
{
    if (value.empty() || value.size() > 9 || value.find_first_not_of("0123456789") != std::string::npos)
        return false;
    *out = static_cast<std::size_t>(std::stoul(value));
    return true;
}

ParseOutcome parseRun(const std::vector<std::string>& args, std::size_t i)
{
    CommandLine cl;
    cl.command = Command::Run;
    for (; i < args.size(); ++i) {
        auto [name, inlineValue] = splitOption(args[i]);
        const bool takesValue = name == "--trace" || name == "--report" || name == "--until" || name == "--seed" ||
                                name == "--chrome" || name == "--outcome";
        if (name == "--races") {
            if (inlineValue)
                return fail("--races takes no value");
            cl.races = true;
        } else if (name == "--outcome") {
            std::string value;
            if (!optionValue(args, i, inlineValue, &value))
                return fail("option " + name + " needs a value");
            if (!parseOutcomeIndex(value, &cl.outcome))
                return fail("--outcome " + value + ": not a non-negative integer");
        } else if (takesValue) {
            std::string value;
            if (!optionValue(args, i, inlineValue, &value))
                return fail("option " + name + " needs a value");
            if (name == "--trace") {
                cl.tracePath = value;
            } else if (name == "--report") {
                cl.reportPath = value;
            } else if (name == "--chrome") {
                cl.chromePath = value;
            } else if (name == "--until") {
                if (auto error = parseTime(name, value, &cl.until))
                    return fail(*error);
            } else {
                std::int64_t seed = 0;
                if (!parseSeed(value, &seed))
                    return fail("--seed " + value + ": not an integer");
                cl.seed = seed;
            }
        } else if (name == "--solution") {
            if (inlineValue)
                return fail("--solution takes no value");
            cl.solution = true;
        } else if (name.size() > 1 && name[0] == '-') {
            return fail("unknown option " + name + " for run");
        } else {
            cl.scenarios.push_back(args[i]);
        }
    }
    if (cl.scenarios.empty())
        return fail("run needs a scenario file");
    if (cl.scenarios.size() > 1)
        return fail("run takes one scenario file, got " + std::to_string(cl.scenarios.size()));
    int toStdout = (cl.tracePath == "-") + (cl.reportPath == "-") + (cl.chromePath == "-");
    if (toStdout > 1)
        return fail("only one of --trace, --report and --chrome can write to stdout (\"-\")");
    return {cl, {}};
}

ParseOutcome parseCheck(const std::vector<std::string>& args, std::size_t i)
{
    CommandLine cl;
    cl.command = Command::Check;
    for (; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a.size() > 1 && a[0] == '-')
            return fail("unknown option " + a + " for check");
        cl.scenarios.push_back(a);
    }
    if (cl.scenarios.empty())
        return fail("check needs at least one scenario file");
    return {cl, {}};
}

// render SCENARIO [--at DURATION] -o FILE.svg
ParseOutcome parseRender(const std::vector<std::string>& args, std::size_t i)
{
    CommandLine cl;
    cl.command = Command::Render;
    for (; i < args.size(); ++i) {
        auto [name, inlineValue] = splitOption(args[i]);
        if (name == "--at" || name == "-o" || name == "--output") {
            std::string value;
            if (!optionValue(args, i, inlineValue, &value))
                return fail("option " + name + " needs a value");
            if (name == "--at") {
                if (auto error = parseTime(name, value, &cl.at))
                    return fail(*error);
            } else {
                cl.outputPath = value;
            }
        } else if (name.size() > 1 && name[0] == '-') {
            return fail("unknown option " + name + " for render");
        } else {
            cl.scenarios.push_back(args[i]);
        }
    }
    if (cl.scenarios.size() != 1)
        return fail("render takes one scenario file");
    if (!cl.outputPath)
        return fail("render needs -o FILE.svg");
    return {cl, {}};
}

// export-go SCENARIO -o DIR  |  verify SCENARIO [--go PATH]
ParseOutcome parseGoCommand(const std::vector<std::string>& args, std::size_t i, Command command)
{
    CommandLine cl;
    cl.command = command;
    const char* verb = command == Command::ExportGo ? "export-go" : "verify";
    for (; i < args.size(); ++i) {
        auto [name, inlineValue] = splitOption(args[i]);
        const bool ours = command == Command::ExportGo ? (name == "-o" || name == "--output") : name == "--go";
        if (ours) {
            std::string value;
            if (!optionValue(args, i, inlineValue, &value))
                return fail("option " + name + " needs a value");
            (command == Command::ExportGo ? cl.outputPath : cl.goBinary) = value;
        } else if (name.size() > 1 && name[0] == '-') {
            return fail("unknown option " + name + " for " + verb);
        } else {
            cl.scenarios.push_back(args[i]);
        }
    }
    if (cl.scenarios.size() != 1)
        return fail(std::string(verb) + " takes one scenario file");
    if (command == Command::ExportGo && !cl.outputPath)
        return fail("export-go needs -o DIR");
    return {cl, {}};
}

} // namespace

ParseOutcome parseCommandLine(const std::vector<std::string>& args)
{
    for (const std::string& a : args) {
        if (a == "--help" || a == "-h")
            return {helpOrVersion(Command::Help), {}};
    }
    if (args.empty())
        return fail("no command given");
    const std::string& command = args[0];
    if (command == "--version") {
        if (args.size() > 1)
            return fail("--version takes no arguments");
        return {helpOrVersion(Command::Version), {}};
    }
    if (command == "run")
        return parseRun(args, 1);
    if (command == "check")
        return parseCheck(args, 1);
    if (command == "render")
        return parseRender(args, 1);
    if (command == "export-go")
        return parseGoCommand(args, 1, Command::ExportGo);
    if (command == "verify")
        return parseGoCommand(args, 1, Command::Verify);
    if (command.size() > 1 && command[0] == '-')
        return fail("unknown option " + command);
    return fail("unknown command \"" + command + "\"");
}

const char* usageText()
{
    return "usage:\n"
           "  ctxscope-cli run SCENARIO [options]   simulate; print a summary table to stdout\n"
           "      --trace FILE       write the JSON Lines trace (\"-\" for stdout)\n"
           "      --report FILE      write the final-state report (\"-\" for stdout)\n"
           "      --chrome FILE      write a Chrome/Perfetto trace (open it at ui.perfetto.dev)\n"
           "      --until DURATION   stop at this virtual time (overrides the file's \"until\")\n"
           "      --seed N           override the file's seed\n"
           "      --solution         run an exercise's solved scenario (exit 4 if its done_when fails)\n"
           "      --races            explore the orders Go leaves open; list facts with several outcomes\n"
           "      --outcome K        write the K-th outcome's trace/report/Chrome trace (0: documented order)\n"
           "  ctxscope-cli check SCENARIO...        validate and lint without writing anything\n"
           "  ctxscope-cli render SCENARIO [--at DURATION] -o FILE.svg\n"
           "                                        draw the tree as it stands at that time\n"
           "  ctxscope-cli export-go SCENARIO -o DIR  write the equivalent Go module\n"
           "  ctxscope-cli verify SCENARIO [--go PATH]\n"
           "                                        run that module's synctest test with a real Go\n"
           "                                        (>= 1.25) and list where it disagrees\n"
           "  ctxscope-cli --version | --help\n"
           "\n"
           "Durations are Go durations: 250ms, 1.5s, 2m30s.\n"
           "Exit status: 0 success; 1 I/O error; 2 bad command line; 3 invalid scenario;\n"
           "4 an expectation failed; 5 verify found a difference or no Go new enough.\n";
}

} // namespace ctxscope::cli
