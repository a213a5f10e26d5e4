#pragma once
// The JSON Lines trace of spec/trace.md: a header line, one line per event (seq = its index in
// SimulationResult::events), the end event last. Byte-deterministic: the same result always
// gives the same text, so two runs of one scenario and seed can be compared with cmp.
#include "ctxscope/engine/simulation.h"

#include <cstddef>
#include <functional>
#include <iosfwd>
#include <string>
#include <string_view>

namespace ctxscope {

// traceEventName gives the "ev" word of an event kind: "context.created", "cancel.called", ...
const char* traceEventName(EventKind kind);

// traceHeaderLine renders {"ctxscope_trace":1,"scenario":NAME,"seed":N} without a newline.
std::string traceHeaderLine(const SimulationResult& result);

// traceEventLine renders result.events[seq] as one JSON object without a newline, with t_ns,
// seq, ev and then the fields of trace.md's table in the order shown there. Optional fields
// are left out when they do not apply ("label" too when it is just the id). A seq out of range, or an event that refers to a table
// entry that does not exist, never crashes: the missing names come out as "".
std::string traceEventLine(const SimulationResult& result, std::size_t seq);

// writeTrace writes the whole trace (header, every event, each line ending in '\n') to out.
void writeTrace(std::ostream& out, const SimulationResult& result);

// writeTrace hands the same text to sink in chunks of about 64 KiB as it is made, so a trace of
// millions of events (hundreds of MB) never sits in memory whole (atomic_file.h streams it).
void writeTrace(const std::function<void(std::string_view)>& sink, const SimulationResult& result);

// traceToString is writeTrace into a string, for atomic file output and for the GUI.
std::string traceToString(const SimulationResult& result);

} // namespace ctxscope
