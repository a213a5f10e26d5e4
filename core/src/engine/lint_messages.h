#pragma once
// The wording of the simulator's lint findings, kept apart from the loop so the messages read
// as one set: each says what Go tool would report it and what it costs in a real program.
#include "ctxscope/engine/simulation.h"

#include <string>

namespace ctxscope {

std::string lostCancelMessage(const SimulationResult& r, CtxIndex ctx, TaskIndex task);
std::string outlivedMessage(const SimulationResult& r, TaskIndex task, CtxIndex ctx, Nanos by, bool ended);
std::string leakMessage(const SimulationResult& r, TaskIndex task, const std::string& waitDescription);

} // namespace ctxscope
