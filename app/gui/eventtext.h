#pragma once
// describeEvent: one event as a sentence for the status line and the inspector, in the words
// of the trace ("req canceled: context deadline exceeded (its deadline)").
#include "ctxscope/simulation.h"

#include <QString>

namespace ctxscope {

QString describeEvent(const SimulationResult& r, const Event& e);
QString contextName(const SimulationResult& r, CtxIndex c); // label, or "?" for kNone
QString taskName(const SimulationResult& r, TaskIndex t);
QString durationText(Nanos d);                             // formatDuration as a QString

} // namespace ctxscope
