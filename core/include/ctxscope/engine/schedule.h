#pragma once
// Schedule: how simulate() lets an explorer (races.h) steer the orders Go leaves open, and what
// it records so the explorer can tell which other orders are worth trying.
//
// Without a Schedule, simulate() follows the documented order (scenario.md "Order within one
// instant"). With one, each instant's timer phase and each creation or action's aftermath is a
// pool of units that Go runs concurrently: timers due now, goroutines runnable now (each step of
// a goroutine is its own unit, so two goroutines' steps may interleave). Wherever the pool holds
// more than one unit, simulate() makes a choice point: candidate 0 is what the documented order
// does next, and the schedule's prefix says which candidate to take (0 past its end). Two more
// binary choice points stand for selects Go decides at random: a `work: 0` on a done context
// (both cases of the select are ready) and a polling check due at the very instant its context
// is canceled by a timer-phase unit (the sleep and the cancel are two timers of one instant).
//
// What is not reordered: the scenario's own creations and actions. Each comes after the timers
// due at its instant and after the goroutines before it have run until they block, because the
// exported Go test waits for that (synctest.Wait) before each; so Go decides those orders the
// documented way too, and only the goroutines each of them makes runnable form a pool.
//
// Every unit records what it touched (accesses): contexts whose Done state it read or changed,
// tasks it woke or ended, after-funcs it registered, started or stopped. Two units at the same
// instant that touch one object, one of them changing it, are dependent: swapping them may
// change the outcome. Everything else commutes, and the explorer never swaps it.
#include "ctxscope/engine/duration.h"
#include "ctxscope/engine/event.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace ctxscope {

// One schedulable thing: a timer (by its heap key, unique within a run) or a goroutine's next
// step, or one side of a binary choice.
struct UnitId {
    enum Kind : std::uint8_t { Timer, Task, Binary } kind = Timer;
    std::uint32_t target = 0;  // timer: tree context (deadline) or task; task: task index; binary: 0/1
    std::uint64_t key1 = 0;    // timer: armed-at and seq (+ sub/chain folded in); otherwise 0
    std::uint64_t key2 = 0;
    bool deadline = false;     // timer: a context's deadline (target is the result context)
    bool operator==(const UnitId&) const = default;
};

struct ChoicePoint {
    Nanos t = 0;
    UnitId documented;              // what the documented order takes here
    UnitId chosen;                  // what this run took
    std::uint32_t count = 0;        // how many units were in the pool (an upper bound)
    std::uint32_t unit = kNone;     // the unit chosen (index into Schedule::units); binary: the unit deciding
    bool binary = false;            // a select's two ready cases: always worth both
    std::string what;               // binary: the two sides, "if true|if false" ("select in f taking ctx.Done()|...")
};

// Objects a unit may touch, encoded as (kind << 32 | index).
enum class ObjectKind : std::uint64_t { Context = 0, Task = 1, AfterFunc = 2 };
inline std::uint64_t objectKey(ObjectKind k, std::uint32_t index)
{
    return (static_cast<std::uint64_t>(k) << 32) | index;
}

struct Access {
    std::uint64_t object;
    bool write;
};

struct RunUnit {
    UnitId id;
    Nanos t = 0;
    std::uint32_t parent = kNone;    // the unit that made this one runnable (same instant), if any
    std::uint32_t point = kNone;     // the choice point it was chosen at (kNone: the only one)
    std::uint32_t phase = 0;         // units of one phase (a pool) run concurrently in Go
    std::uint32_t accessBegin = 0;   // its accesses: Schedule::accesses[accessBegin, accessEnd)
    std::uint32_t accessEnd = 0;
};

struct Schedule {
    // In: the unit to take at each choice point, in the order the run meets them (past the
    // end, or where that unit is not in the pool: the documented one).
    std::vector<UnitId> prefix;
    // Out: what the run met and did.
    std::vector<ChoicePoint> points;
    std::vector<RunUnit> units;
    std::vector<Access> accesses;
    // Timers due now that a unit made moot before they fired (a cascade reached a context whose
    // own deadline was due, a goroutine was woken before its work timer fired): had the timer
    // fired first, the outcome could differ, so the pair is a race although only one side ran.
    std::vector<std::pair<std::uint32_t, UnitId>> disabled; // (unit, timer)
    // A bound on the units a run may record (the explorer's memory): beyond it the run goes on
    // in the documented order without recording, and `truncated` says so.
    std::size_t maxUnits = 2'000'000;
    std::size_t maxAccesses = 8'000'000; // (16 bytes each)
    bool truncated = false;
    // Dependencies cut short: an attempt to cancel a context reads its ancestors' state, up to
    // kMaxAncestors of them; a deeper chain sets this (the explorer then says it is incomplete).
    bool approximate = false;
    static constexpr int kMaxAncestors = 1024;
};

} // namespace ctxscope
