#pragma once
// The final-state report of spec/trace.md ("ctxscope_report": 1): every context, task (an
// after-func's call included, under its id), after-func, lookup and lint of a finished run, and
// the outcome of the scenario's expectations. Pretty JSON with a 2-space indent, deterministic.
#include "ctxscope/formats/expectations.h"
#include "ctxscope/engine/simulation.h"

#include <functional>
#include <iosfwd>
#include <string>
#include <string_view>

namespace ctxscope {

// reportToString renders the report, ending in a newline. Fields that do not apply (no parent,
// no deadline, never done, never started, stop never called) are JSON null, as trace.md says.
std::string reportToString(const SimulationResult& result, const ExpectationReport& expectations);

// The "exercise" object a report of an exercise carries after "expect" (an addition to
// trace.md's report, which readers that do not know it ignore): whether done_when holds in this
// run, as "expect" is reported, plus each entry's outcome with the time and seq of the event
// that decided it. solutionApplied: the run is of the solved scenario (run --solution).
struct ExerciseReportPart {
    const ExpectationReport* doneWhen = nullptr; // nullptr: not an exercise, no "exercise" object
    bool solutionApplied = false;
};
std::string reportToString(const SimulationResult& result, const ExpectationReport& expectations,
                           const ExerciseReportPart& exercise);

// writeReport writes reportToString's text to out.
void writeReport(std::ostream& out, const SimulationResult& result, const ExpectationReport& expectations);
// The same bytes as reportToString, handed to sink in chunks as they are made (about 64 KiB
// each), so a report of a million contexts never sits in memory whole.
void writeReport(const std::function<void(std::string_view)>& sink, const SimulationResult& result,
                 const ExpectationReport& expectations, const ExerciseReportPart& exercise);

} // namespace ctxscope
