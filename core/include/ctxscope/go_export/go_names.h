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
#include "ctxscope/engine/scenario.h"
#include "ctxscope/engine/simulation.h"

#include <string>
#include <string_view>
#include <unordered_map>

namespace ctxscope {

// goContextName returns fmt.Sprint of context c at virtual time now (only a WithDeadline name
// depends on it). Custom key types are named main.<key_type>, as the Go export declares them.
// O(depth of c + size of the scenario); to name many contexts of one run, use GoNames.
std::string goContextName(const Scenario& scenario, const SimulationResult& result, CtxIndex c, Nanos now);

// GoNames names the contexts of one run without searching the scenario each time. A name is
// its parent's name (at the same moment) followed by the context's own part, so a name costs
// O(depth) and a chain's names O(depth^2) in all: part() is what a linear export uses.
class GoNames {
public:
    GoNames(const Scenario& scenario, const SimulationResult& result); // both must outlive it
    // fmt.Sprint of c at now: O(depth) (the length of the name).
    std::string name(CtxIndex c, Nanos now) const;
    // What c adds to its parent's name at now: "context.Background" for a root, else
    // ".WithCancel", ".WithDeadline(2000-01-01 00:00:00.2 +0000 UTC [150ms])", ... O(1) apart
    // from a WithValue's key and value text.
    std::string part(CtxIndex c, Nanos now) const;
    // An upper bound of part(c, t)'s size for every t: a deadline's time left varies.
    std::size_t maxPartSize(CtxIndex c) const;

private:
    const Scenario& m_scenario;
    const SimulationResult& m_result;
    std::unordered_map<std::string_view, const ContextSpec*> m_specs; // WithValue contexts by id
};

// goTimeString renders the synctest clock at virtual time t as Go's time.Time.String() does:
// "2000-01-01 00:00:00.2 +0000 UTC" (fractional seconds without trailing zeros).
std::string goTimeString(Nanos t);

} // namespace ctxscope
