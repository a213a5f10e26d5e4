// The scenario fuzz target (issue #14): arbitrary bytes go through everything a scenario file
// can reach in ctxscope-cli, all in memory, and cheap invariants are checked on the way:
//
//   bytes -> json::parse -> write -> parse -> write    the JSON text round-trips byte for byte
//   bytes -> parseScenario                             a scenario iff no problems; problems print
//   valid -> serializeScenario -> parseScenario        still valid, equal Scenario, same bytes
//   valid -> simulate twice                            identical results (determinism)
//   result -> JSONL trace, report, Chrome trace        each line/document is valid JSON
//          -> checkExpectations, SVG render at a few instants, exportGo (go.mod, main.go, test)
//          -> an exercise's verdict, predict answers         every answer grades right
//   result -> its own facts as "expect"                valid, round-trip, and all of them pass
//   bytes -> durations                                 formatDuration / parseDuration round-trip
//
// A broken invariant prints what broke and aborts, so libFuzzer records the input as a crash and
// the replay test (fuzz_replay.cpp) fails on it. With CTXSCOPE_FUZZ this file is linked with
// libFuzzer's main (tests/fuzz/run); in every other build it is linked with fuzz_replay.cpp,
// which runs the files of tests/fuzz/regressions/ and of the seed corpora through the same
// function (ctest "fuzz: ...").
#include "ctxscope/formats/chrome_trace.h"
#include "ctxscope/engine/duration.h"
#include "ctxscope/formats/exercise.h"
#include "ctxscope/formats/expectations.h"
#include "ctxscope/go_export/go_export.h"
#include "ctxscope/formats/json.h"
#include "ctxscope/formats/report.h"
#include "ctxscope/formats/scenario_io.h"
#include "ctxscope/engine/simulation.h"
#include "ctxscope/formats/svg_render.h"
#include "ctxscope/formats/trace_writer.h"
#include "ctxscope/engine/validate.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace {

using namespace ctxscope;

[[noreturn]] void broken(const char* what, std::string_view detail = {})
{
    std::fprintf(stderr, "fuzz_scenario: invariant broken: %s\n", what);
    if (!detail.empty())
        std::fprintf(stderr, "%.*s\n", static_cast<int>(std::min<std::size_t>(detail.size(), 4000)), detail.data());
    std::fflush(stderr);
    std::abort();
}

void require(bool ok, const char* what, std::string_view detail = {})
{
    if (!ok)
        broken(what, detail);
}

std::string describe(const std::vector<Problem>& problems)
{
    std::string out;
    for (const Problem& p : problems)
        out += formatProblem("<saved>", p) + "\n";
    return out;
}

// The JSON layer alone: whatever parses writes canonically, and the canonical text parses back
// to the same canonical text (Pretty and Compact).
void checkJsonRoundTrip(std::string_view text)
{
    const json::ParseResult parsed = json::parse(text);
    if (!parsed.ok()) {
        require(!parsed.error.message.empty(), "a JSON parse error has a message");
        require(parsed.error.offset <= text.size(), "a JSON parse error's offset is inside the text");
        return;
    }
    for (json::Style style : {json::Style::Pretty, json::Style::Compact}) {
        const std::string once = json::write(*parsed.value, style);
        const json::ParseResult again = json::parse(once);
        require(again.ok(), "written JSON parses again", again.ok() ? std::string_view{} : once);
        const std::string twice = json::write(*again.value, style);
        require(once == twice, "JSON write -> parse -> write is byte-identical", once + "\n---\n" + twice);
    }
}

// Durations: formatDuration's text parses back to the same value, for any int64; and a text
// parseDuration accepts formats to something that parses back to the same value.
void checkDurations(const std::uint8_t* data, std::size_t size)
{
    if (size >= sizeof(std::uint64_t)) {
        std::uint64_t bits = 0;
        std::memcpy(&bits, data, sizeof bits);
        const Nanos d = static_cast<Nanos>(bits);
        const std::string text = formatDuration(d);
        const DurationParse back = parseDuration(text);
        require(back.value && *back.value == d, "parseDuration(formatDuration(d)) == d", text);
    }
    if (size <= 64) {
        const std::string_view text(reinterpret_cast<const char*>(data), size);
        const DurationParse parsed = parseDuration(text);
        require(parsed.value.has_value() == parsed.error.empty(), "parseDuration gives a value or an error");
        if (parsed.value) {
            const std::string canonical = formatDuration(*parsed.value);
            const DurationParse back = parseDuration(canonical);
            require(back.value && *back.value == *parsed.value, "a parsed duration formats and parses back",
                    canonical);
        }
    }
}

void checkJsonDocument(const std::string& text, const char* what)
{
    const json::ParseResult parsed = json::parse(text);
    require(parsed.ok(), what, parsed.ok() ? std::string_view{} : std::string_view(parsed.error.message));
}

void checkWriters(const Scenario& scenario, const SimulationResult& result)
{
    // JSON Lines trace: a header and one line per event, each a JSON object, each ending in '\n'.
    const std::string trace = traceToString(result);
    require(!trace.empty() && trace.back() == '\n', "the trace ends in a newline");
    std::size_t lines = 0;
    for (std::size_t start = 0; start < trace.size();) {
        const std::size_t end = trace.find('\n', start);
        const std::string line = trace.substr(start, end - start);
        const json::ParseResult parsed = json::parse(line);
        require(parsed.ok() && parsed.value->isObject(), "every trace line is a JSON object", line);
        ++lines;
        start = end + 1;
    }
    require(lines == result.events.size() + 1, "the trace has a header and one line per event");

    const ExpectationReport expectations = checkExpectations(scenario, result);
    require(expectations.outcomes.size() == scenario.expect.size(), "one outcome per expectation");
    require(expectations.passed + expectations.failed == scenario.expect.size(), "passed + failed == expectations");
    const std::string report = reportToString(result, expectations);
    checkJsonDocument(report, "the report is valid JSON");

    // An exercise: done_when, the verdict (a second, solved run) and Predict mode's answers.
    if (scenario.exercise) {
        const ExerciseCheck exercise = checkExercise(scenario, result);
        require(exercise.shipped.outcomes.size() == scenario.exercise->doneWhen.size(), "one outcome per done_when");
        require(exercise.solved.outcomes.size() == scenario.exercise->doneWhen.size(), "one solved outcome per done_when");
        for (const ExpectationOutcome& o : exercise.shipped.outcomes)
            require(o.event < result.events.size(), "every done_when outcome names an event of the run");
        checkJsonDocument(reportToString(result, expectations, ExerciseReportPart{&exercise.shipped, false}),
                          "the report of an exercise is valid JSON");
    }
    for (const PredictItem& item : predictItems(scenario, result)) {
        for (std::size_t f = 0; f < item.fields.size(); ++f) {
            require(item.fields[f].event < result.events.size(), "every predicted field names an event of the run");
            if (item.fields[f].answer)
                require(gradePrediction(item, f, *item.fields[f].answer, result).passed, "the real answer is graded right");
        }
    }

    checkJsonDocument(chromeTraceToString(result), "the Chrome trace is valid JSON");

    // The picture at the start, at an instant in the middle of the events, and at the end.
    const Nanos middle = result.events.empty() ? 0 : result.events[result.events.size() / 2].t;
    for (Nanos at : {Nanos{0}, middle, result.endTime}) {
        SvgOptions options;
        options.at = at;
        const std::string svg = renderTreeSvg(result, options);
        require(svg.find("<svg") != std::string::npos && svg.find("</svg>") != std::string::npos,
                "the SVG is a complete document");
    }
    SvgOptions noTasks;
    noTasks.at = result.endTime;
    noTasks.showTasks = false;
    (void)renderTreeSvg(result, noTasks);

    const GoExport module = exportGo(scenario, result);
    bool goMod = false, mainGo = false;
    for (const GoFile& f : module.files) {
        require(!f.text.empty(), "no exported Go file is empty", f.path);
        goMod = goMod || f.path == "go.mod";
        mainGo = mainGo || f.path == "main.go";
    }
    require(goMod && mainGo, "the Go export has go.mod and main.go");
}

Scalar textOrNull(const std::string& text, bool present)
{
    return present ? Scalar::string(text) : Scalar::null();
}

Scalar timeOrNull(Nanos t, bool present)
{
    return present ? Scalar::string(formatDuration(t)) : Scalar::null();
}

// selfDescribed is the scenario with "expect" replaced by every fact of the run, spelled as
// spec/scenario.md spells expectations: every context, task, after-func, the last lookup of each
// key by each task, every lint (or no_lints) and how the run stopped.
Scenario selfDescribed(const Scenario& scenario, const SimulationResult& r)
{
    using K = Expectation::Kind;
    Scenario s = scenario;
    s.expect.clear();
    for (const ContextInfo& c : r.contexts) {
        Expectation e{K::Context, c.id, {}, {}};
        const bool done = c.err != Err::None;
        e.fields.emplace_back("err", textOrNull(errString(c.err), done));
        e.fields.emplace_back("cause", textOrNull(c.cause < r.strings.size() ? r.str(c.cause) : std::string(),
                                                  c.cause < r.strings.size()));
        e.fields.emplace_back("reason", textOrNull(reasonName(c.reason), c.reason != Reason::None));
        e.fields.emplace_back("source", textOrNull(c.source < r.contexts.size() ? r.contexts[c.source].id : std::string(),
                                                   c.source < r.contexts.size()));
        e.fields.emplace_back("done_at", timeOrNull(c.doneAt, c.doneAt != kNever));
        e.fields.emplace_back("deadline", timeOrNull(c.deadline, c.hasDeadline()));
        e.fields.emplace_back("created_at", timeOrNull(c.createdAt, c.createdAt != kNever));
        s.expect.push_back(std::move(e));
    }
    for (const TaskInfo& t : r.tasks) {
        Expectation e{K::Task, t.id, {}, {}};
        e.fields.emplace_back("result", textOrNull(t.result, !t.result.empty()));
        e.fields.emplace_back("started_at", timeOrNull(t.startedAt, t.startedAt != kNever));
        e.fields.emplace_back("ended_at", timeOrNull(t.endedAt, t.endedAt != kNever));
        s.expect.push_back(std::move(e));
    }
    for (const AfterFuncInfo& a : r.afterFuncs) {
        Expectation e{K::AfterFunc, a.id, {}, {}};
        e.fields.emplace_back("ran_at", timeOrNull(a.startedAt, a.startedAt != kNever));
        e.fields.emplace_back("stopped", a.stopped ? Scalar::boolean(*a.stopped) : Scalar::null());
        s.expect.push_back(std::move(e));
    }
    for (std::size_t i = 0; i < r.lookups.size(); ++i) {
        const Lookup& l = r.lookups[i];
        if (l.task >= r.tasks.size())
            continue;
        bool later = false; // only the last lookup of a key by a task is checked
        for (std::size_t j = i + 1; j < r.lookups.size() && !later; ++j)
            later = r.lookups[j].key == l.key && r.lookups[j].task == l.task;
        if (later)
            continue;
        Expectation e{K::Lookup, l.key, r.tasks[l.task].id, {}};
        e.fields.emplace_back("found", Scalar::boolean(l.found));
        e.fields.emplace_back("value", l.found ? l.value : Scalar::null());
        s.expect.push_back(std::move(e));
    }
    for (const LintFinding& l : r.lints)
        s.expect.push_back(Expectation{K::Lint, l.rule, l.subject, {}});
    if (r.lints.empty())
        s.expect.push_back(Expectation{K::NoLints, {}, {}, {}});
    s.expect.push_back(Expectation{K::Stopped, r.stopped == StopReason::Horizon ? "horizon" : "idle", {}, {}});
    return s;
}

// The run satisfies the expectations that state its own facts: the validator accepts them, they
// save and load unchanged, they do not change the run, and every one of them passes.
void checkSelfDescribed(const Scenario& scenario, const SimulationResult& result)
{
    const Scenario described = selfDescribed(scenario, result);
    const std::vector<Problem> problems = validateScenario(described);
    require(problems.empty(), "the validator accepts expectations that state the run's own facts",
            describe(problems) + serializeScenario(described));
    const std::string saved = serializeScenario(described);
    const LoadResult loaded = parseScenario(saved);
    require(loaded.scenario.has_value(), "a scenario with its own facts as expectations loads",
            saved + "\n" + describe(loaded.problems));
    require(*loaded.scenario == described, "expectations save and load unchanged", saved);
    const SimulationResult again = simulate(*loaded.scenario);
    require(again.events == result.events, "expectations do not change the run");
    const ExpectationReport report = checkExpectations(*loaded.scenario, again);
    std::string failures;
    for (const std::string& f : report.failureMessages())
        failures += f + "\n";
    require(report.failed == 0, "the run passes the expectations that state its own facts", failures + saved);
}

void checkScenario(std::string_view text)
{
    const LoadResult loaded = parseScenario(text);
    require(loaded.scenario.has_value() == loaded.problems.empty(), "a scenario is loaded iff there are no problems");
    for (const Problem& p : loaded.problems) {
        require(!p.message.empty(), "every problem has a message", p.path);
        (void)formatProblem("fuzz.json", p);
    }
    if (!loaded.scenario)
        return;
    const Scenario& scenario = *loaded.scenario;
    require(validateScenario(scenario).empty(), "a loaded scenario validates");

    // Canonical saving: the saved text loads to an equal scenario and saves to the same bytes.
    const std::string saved = serializeScenario(scenario);
    const LoadResult reloaded = parseScenario(saved);
    require(reloaded.scenario.has_value(), "the saved scenario loads again", saved + "\n" + describe(reloaded.problems));
    require(*reloaded.scenario == scenario, "save -> load gives an equal scenario", saved);
    const std::string savedAgain = serializeScenario(*reloaded.scenario);
    require(saved == savedAgain, "save -> load -> save is byte-identical", saved + "\n---\n" + savedAgain);

    // Determinism: the same scenario simulates to the same events, tables and end.
    const SimulationResult first = simulate(scenario);
    const SimulationResult second = simulate(*reloaded.scenario);
    require(!first.aborted && !second.aborted, "a run without a progress callback is never aborted");
    require(first.events == second.events, "simulating twice gives identical events");
    require(first.endTime == second.endTime && first.stopped == second.stopped && first.strings == second.strings,
            "simulating twice gives the same end and strings");
    require(!first.events.empty() && first.events.back().kind == EventKind::End, "the last event is the end");
    for (std::size_t i = 1; i < first.events.size(); ++i)
        require(first.events[i - 1].t <= first.events[i].t, "event times never go back");
    require(first.events.back().t == first.endTime, "the end event is at endTime");

    checkWriters(scenario, first);
    checkSelfDescribed(scenario, first);
    require(traceToString(first) == traceToString(second), "the trace is byte-deterministic");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    checkDurations(data, size);
    checkJsonRoundTrip(text);
    checkScenario(text);
    return 0;
}
