#pragma once
// The "races" section of the report (spec/trace.md "Races") and the summary's Races block, from
// an exploration (races.h).
#include "ctxscope/formats/json.h"
#include "ctxscope/engine/races.h"

#include <string>

namespace ctxscope {

// racesToJson: {"complete", "orders_explored", "outcomes", "facts": [{fact, values, at_ns,
// between}]} as trace.md shows it.
json::Value racesToJson(const RaceExploration& races);

// withRacesSection returns report (reportToString's text) with the "races" member appended.
std::string withRacesSection(const std::string& report, const RaceExploration& races);

// racesSummary: the human-readable Races block (ends in a newline).
std::string racesSummary(const RaceExploration& races, std::size_t maxRows = 40);

// factValueText renders a fact's value as JSON text ("\"ok\"", "200000000", "null").
std::string factValueText(const FactValue& v);

} // namespace ctxscope
