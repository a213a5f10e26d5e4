#pragma once
// The run as a Chrome Trace Event Format file (spec/trace.md "Chrome trace"), for Perfetto and
// chrome://tracing. JSON object form: displayTimeUnit first (Perfetto's tokenizer looks for it
// early), then otherData, then traceEvents, one event per line. ts/dur are microseconds with up
// to three decimals, so nanosecond virtual times survive exactly.
//
// Lanes (one pid, one tid each), in tree order: contexts depth first in creation order, each
// followed by the tasks (and after-func calls) started on it, then its child contexts. A
// context lane holds an "alive" slice (created -> done, or -> end of run), a "done" slice from
// then to the end of the run, and an instant at the cancellation; a task lane holds its running
// span with its work/await steps nested inside. Flow arrows (ph s/f, bp "e") go from each
// cancellation's source to every context and task it reached. Deterministic: the same result
// always gives the same bytes.
#include "ctxscope/engine/simulation.h"

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace ctxscope {

// One lane of the Chrome trace, in the order they appear (tid = index + 1).
struct ChromeLane {
    enum class Kind : std::uint8_t { Context, Task };
    Kind kind = Kind::Context;
    std::uint32_t index = 0; // CtxIndex or TaskIndex
    std::string name;        // the thread_name shown by the viewer
};

// chromeLanes lists the lanes in tree order: contexts that were created (depth first, children
// in creation order), each followed by the tasks that were started on it.
std::vector<ChromeLane> chromeLanes(const SimulationResult& result);

// chromeTraceToString renders the whole Trace Event Format document, ending in a newline.
std::string chromeTraceToString(const SimulationResult& result);

// writeChromeTrace hands the same document to sink in chunks of about 64 KiB as it is made, so a
// trace of a big run (about 1 GB at 10^6 contexts) never sits in memory whole.
void writeChromeTrace(const std::function<void(std::string_view)>& sink, const SimulationResult& result);

// formatMicros renders nanoseconds as a JSON number of microseconds: 1500 -> "1.5",
// 200000000 -> "200000", 1 -> "0.001".
std::string formatMicros(Nanos ns);

} // namespace ctxscope
