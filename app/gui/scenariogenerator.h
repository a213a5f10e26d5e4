#pragma once
// generateScenario builds a large, valid scenario for scale checks (--generate N): a request
// tree of N contexts mixing every derivable kind, a task on every tenth context and a few
// timed cancels, so that playing it shows cascades everywhere. Deterministic for a given N.
#include "ctxscope/engine/scenario.h"

namespace ctxscope {

Scenario generateScenario(int contexts);

// generateCascade builds one cascade of N contexts: a random tree of WithCancel contexts (each
// under one of the 50 made before it) under a Background root, whose first one the user
// cancels at 100ms. For measuring and testing how a big cascade plays. Deterministic.
Scenario generateCascade(int contexts);

} // namespace ctxscope
