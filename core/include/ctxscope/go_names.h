#pragma once
// What Go's fmt.Sprint(ctx) prints for a context of the run (semantics.md R18, R34, R40, R44,
// §11), as the exported Go test prints it: under testing/synctest, whose clock starts at
// 2000-01-01 00:00:00 UTC with no monotonic reading, so even the WithDeadline names are exact.
//   context.Background.WithCancel                       (WithCancel, WithCancelCause, and a
//                                                        deadline degraded to WithCancel: R27)
//   ....WithDeadline(2000-01-01 00:00:00.2 +0000 UTC [150ms])   (own deadline, time left at `now`)
//   ....WithValue(main.ctxKey, req-42)                  (Go 1.23+: a string as itself, a
//                                                        Stringer's String(), nil as <nil>,
//                                                        anything else as its Go type's name)
//   ....WithoutCancel
#include "ctxscope/scenario.h"
#include "ctxscope/simulation.h"

#include <string>

namespace ctxscope {

// goContextName returns fmt.Sprint of context c at virtual time now (only a WithDeadline name
// depends on it). Custom key types are named main.<key_type>, as the Go export declares them.
std::string goContextName(const Scenario& scenario, const SimulationResult& result, CtxIndex c, Nanos now);

// goTimeString renders the synctest clock at virtual time t as Go's time.Time.String() does:
// "2000-01-01 00:00:00.2 +0000 UTC" (fractional seconds without trailing zeros).
std::string goTimeString(Nanos t);

} // namespace ctxscope
