#pragma once
// generateScenario builds a large, valid scenario for scale checks (--generate N): a request
// tree of N contexts mixing every derivable kind, a task on every tenth context and a few
// timed cancels, so that playing it shows cascades everywhere. Deterministic for a given N.
#include "ctxscope/scenario.h"

namespace ctxscope {

Scenario generateScenario(int contexts);

} // namespace ctxscope
