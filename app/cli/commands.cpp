#include "commands.h"

#include "races_cli.h"
#include "summary.h"

#include "ctxscope/formats/atomic_file.h"
#include "ctxscope/formats/exercise.h"
#include "ctxscope/formats/expectations.h"
#include "ctxscope/formats/race_report.h"
#include "ctxscope/formats/report.h"
#include "ctxscope/formats/scenario_io.h"
#include "ctxscope/engine/simulation.h"
#include "ctxscope/formats/svg_render.h"
#include "ctxscope/formats/chrome_trace.h"
#include "ctxscope/go_export/go_export.h"
#include "go_verify.h"
#include "ctxscope/formats/trace_writer.h"

#include <filesystem>
#include <fstream>
#include <ostream>
#include <sstream>

namespace ctxscope::cli {
namespace {

// A scenario path that cannot be read at all is an I/O error (exit 1), not an invalid scenario:
// there is nothing to point a JSON path at.
bool checkReadable(const std::string& path, std::ostream& err)
{
    std::error_code ec;
    auto status = std::filesystem::status(path, ec);
    if (ec || !std::filesystem::exists(status)) {
        err << path << ": cannot read: no such file\n";
        return false;
    }
    if (std::filesystem::is_directory(status)) {
        err << path << ": cannot read: is a directory\n";
        return false;
    }
    return true;
}

struct Loaded {
    int status = kExitOk;
    std::optional<Scenario> scenario;
};

Loaded load(const std::string& path, std::ostream& err)
{
    if (!checkReadable(path, err))
        return {kExitIo, std::nullopt};
    LoadResult r = loadScenarioFile(path);
    if (!r.problems.empty() || !r.scenario) {
        for (const Problem& p : r.problems)
            err << formatProblem(path, p) << '\n';
        if (r.problems.empty())
            err << path << ": could not be loaded\n";
        return {kExitInvalidScenario, std::nullopt};
    }
    return {kExitOk, std::move(r.scenario)};
}

// printLocated prints problems found after loading (an exercise's verdict), each with the line
// and column of its JSON path in the file, as load problems are printed.
void printLocated(const std::string& path, std::vector<Problem> problems, std::ostream& err)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    locateProblems(text.str(), problems);
    for (const Problem& p : problems)
        err << formatProblem(path, p) << '\n';
}

// The scenario `run` simulates: as loaded, or with --solution the exercise's solved version.
// nullopt (after saying why) when --solution is given for a scenario that is no exercise.
std::optional<Scenario> scenarioToRun(const CommandLine& cl, const std::string& path, Scenario loaded,
                                      std::ostream& err)
{
    if (!cl.solution)
        return loaded;
    if (!loaded.exercise) {
        err << path << ": --solution: this scenario is not an exercise (it has no \"exercise\")\n";
        return std::nullopt;
    }
    return applySolution(loaded);
}

// emitStreamed writes what produce makes, piece by piece, to path ("-": to out), atomically; false
// after saying why on err. A report of a million contexts is hundreds of megabytes: it goes to the
// file as it is made, never whole in memory.
bool emitStreamed(const std::string& path, const std::function<void(const ChunkWriter&)>& produce, const char* what,
                  std::ostream& out, std::ostream& err)
{
    if (path == "-") {
        produce([&out](std::string_view chunk) { out.write(chunk.data(), static_cast<std::streamsize>(chunk.size())); });
        out.flush();
        if (!out) {
            err << "ctxscope-cli: cannot write the " << what << " to stdout\n";
            return false;
        }
        return true;
    }
    std::string error;
    if (!writeFileAtomicallyStreamed(path, produce, &error)) {
        err << path << ": cannot write the " << what << ": " << error << '\n';
        return false;
    }
    return true;
}

// emit is emitStreamed for text already made.
bool emit(const std::string& path, const std::string& text, const char* what, std::ostream& out,
          std::ostream& err)
{
    return emitStreamed(path, [&text](const ChunkWriter& write) { write(text); }, what, out, err);
}

} // namespace

int runCommand(const CommandLine& cl, std::ostream& out, std::ostream& err)
{
    const std::string& path = cl.scenarios.front();
    Loaded loaded = load(path, err);
    if (!loaded.scenario)
        return loaded.status;
    const std::optional<Scenario> toRun = scenarioToRun(cl, path, std::move(*loaded.scenario), err);
    if (!toRun)
        return kExitUsage;
    const Scenario& scenario = *toRun;

    SimulationOptions options;
    options.seed = cl.seed;
    options.until = cl.until;
    SimulationResult result = simulate(scenario, options);
    // --races / --outcome K: explore; K picks the outcome whose files are written (races_cli.h).
    std::optional<RaceExploration> races;
    if (cl.races || cl.outcome) {
        races = exploreForRun(scenario, cl);
        if (cl.outcome && *cl.outcome >= races->outcomes.size()) {
            err << path << ": --outcome " << *cl.outcome << ": the scenario has " << races->outcomes.size()
                << " outcome(s), numbered from 0\n";
            return kExitUsage;
        }
        if (cl.outcome)
            result = races->outcomes[*cl.outcome].result;
    }
    // An exercise: done_when must not hold as shipped (that is an error of the file) and must
    // with --solution, where "expect" (which describes the shipped version) is not checked.
    const ExpectationReport doneWhen = checkDoneWhen(scenario, result);
    if (!cl.solution) {
        if (std::optional<Problem> solved = alreadySolvedProblem(scenario, doneWhen)) {
            printLocated(path, {*solved}, err);
            return kExitInvalidScenario;
        }
    }
    const ExpectationReport expectations = cl.solution ? doneWhen : checkExpectations(scenario, result);
    const ExerciseReportPart exercisePart{scenario.exercise ? &doneWhen : nullptr, cl.solution};

    bool ioOk = true;
    if (cl.tracePath)
        ioOk = emitStreamed(
                   *cl.tracePath, [&](const ChunkWriter& write) { writeTrace(write, result); }, "trace", out, err) &&
               ioOk;
    if (cl.reportPath) {
        const ExpectationReport& reported = cl.solution ? ExpectationReport{} : expectations;
        if (races) {
            const std::string report = reportToString(result, reported, exercisePart);
            ioOk = emit(*cl.reportPath, withRacesSection(report, *races), "report", out, err) && ioOk;
        } else {
            ioOk = emitStreamed(
                       *cl.reportPath,
                       [&](const ChunkWriter& write) { writeReport(write, result, reported, exercisePart); },
                       "report", out, err) &&
                   ioOk;
        }
    }
    if (cl.chromePath)
        ioOk = emitStreamed(
                   *cl.chromePath, [&](const ChunkWriter& write) { writeChromeTrace(write, result); }, "Chrome trace",
                   out, err) &&
               ioOk;

    // stdout carries the trace or report as JSON then; a table around it would spoil it.
    const bool stdoutTaken = cl.tracePath == "-" || cl.reportPath == "-" || cl.chromePath == "-";
    if (!stdoutTaken) {
        out << renderSummary(result, cl.solution ? ExpectationReport{} : expectations) +
                   renderDoneWhen(doneWhen, cl.solution);
        if (races)
            out << racesSummary(*races);
        out.flush();
    }
    for (const std::string& failure : expectations.failureMessages())
        err << path << ": " << failure << '\n';

    if (!ioOk)
        return kExitIo;
    return expectations.allPassed() ? kExitOk : kExitExpectationFailed;
}

// checkExerciseFile judges an exercise (not solved as shipped, solved by its solution); false
// after printing the problems when it is unsound. Nothing to say for a scenario without one.
static bool checkExerciseFile(const std::string& path, const Scenario& scenario, const SimulationResult& shipped,
                       std::ostream& out, std::ostream& err)
{
    if (!scenario.exercise)
        return true;
    ExerciseCheck check = checkExercise(scenario, shipped);
    if (!check.ok()) {
        printLocated(path, std::move(check.problems), err);
        return false;
    }
    out << path << ": exercise: not solved as shipped (done_when: " << check.shipped.passed << " of "
        << check.shipped.outcomes.size() << " hold), solved by its solution\n";
    return true;
}

int checkCommand(const CommandLine& cl, std::ostream& out, std::ostream& err)
{
    int status = kExitOk;
    for (const std::string& path : cl.scenarios) {
        Loaded loaded = load(path, err);
        if (!loaded.scenario) {
            // An invalid scenario outranks an unreadable one in the exit status.
            if (loaded.status == kExitInvalidScenario || status == kExitOk)
                status = loaded.status;
            continue;
        }
        const SimulationResult result = simulate(*loaded.scenario);
        for (const LintFinding& l : result.lints) {
            out << path << ": " << l.severity << ": " << l.rule << " " << l.subject << " at "
                << formatDuration(l.t) << ": " << l.message << '\n';
        }
        if (!checkExerciseFile(path, *loaded.scenario, result, out, err)) {
            status = kExitInvalidScenario;
            continue;
        }
        out << path << ": ok\n";
    }
    out.flush();
    return status;
}

int renderCommand(const CommandLine& cl, std::ostream& out, std::ostream& err)
{
    const std::string& path = cl.scenarios.front();
    Loaded loaded = load(path, err);
    if (!loaded.scenario)
        return loaded.status;
    const SimulationResult result = simulate(*loaded.scenario);
    SvgOptions options;
    options.at = cl.at.value_or(0);
    return emitStreamed(
               *cl.outputPath, [&](const ChunkWriter& write) { writeTreeSvg(write, result, options); }, "picture", out,
               err)
               ? kExitOk
               : kExitIo;
}

int exportGoCommand(const CommandLine& cl, std::ostream& out, std::ostream& err)
{
    const std::string& path = cl.scenarios.front();
    Loaded loaded = load(path, err);
    if (!loaded.scenario)
        return loaded.status;
    const SimulationResult result = simulate(*loaded.scenario);
    const GoExport module = exportGo(*loaded.scenario, result);
    std::string error;
    if (!writeGoExport(module, *cl.outputPath, &error)) {
        err << *cl.outputPath << ": cannot write the Go module: " << error << '\n';
        return kExitIo;
    }
    out << "wrote " << *cl.outputPath << ": go.mod (go " << module.goDirective << "), main.go (needs Go "
        << module.programGoVersion << "), scenario_test.go (testing/synctest, Go 1.25+)\n";
    for (const std::string& note : module.notes)
        out << "note: " << note << '\n';
    out << "run it: cd " << *cl.outputPath << " && go run .    check it: go test ./...\n";
    return kExitOk;
}

int verifyCommand(const CommandLine& cl, std::ostream& out, std::ostream& err)
{
    const std::string& path = cl.scenarios.front();
    Loaded loaded = load(path, err);
    if (!loaded.scenario)
        return loaded.status;
    GoVerifyOptions options;
    options.count = 20; // races get the chance to go either way (go_verify.h)
    if (cl.goBinary)
        options.goBinary = *cl.goBinary;
    const GoVerifyResult r = verifyWithGo(*loaded.scenario, options);
    if (!r.goVersionProblem.empty()) {
        err << path << ": " << r.goVersionProblem << '\n';
        return kExitVerifyDifference;
    }
    for (const std::string& d : r.differences)
        out << d << '\n';
    if (!r.ok) {
        if (r.differences.empty())
            err << path << ": go test failed:\n" << r.rawOutput << '\n';
        else
            err << path << ": " << r.differences.size() << " difference(s) between the simulator and " << r.goVersion << '\n';
        return kExitVerifyDifference;
    }
    out << path << ": " << r.goVersion << " agrees with the simulator on " << r.factsCompared << " facts";
    if (r.factsRaced > 0)
        out << " (" << r.factsRaced << " of them against the set of values Go's open order allows)";
    if (r.factsLeftToRaces > 0)
        out << " (" << r.factsLeftToRaces << " left to same-instant races in Go, not compared)";
    out << '\n';
    return kExitOk;
}

} // namespace ctxscope::cli
