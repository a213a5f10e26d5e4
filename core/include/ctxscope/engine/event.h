#pragma once
// The one event vocabulary (spec/trace.md). The simulator appends events to a vector that is
// immutable once the run is over; the GUI, the trace, the report, the Chrome trace and the tests
// all read that same vector. Events are small PODs that refer to the run's tables by index.
#include "ctxscope/engine/duration.h"

#include <cstdint>
#include <limits>

namespace ctxscope {

using CtxIndex = std::uint32_t;   // index into SimulationResult::contexts
using TaskIndex = std::uint32_t;  // index into SimulationResult::tasks
using AfIndex = std::uint32_t;    // index into SimulationResult::afterFuncs
using StrId = std::uint32_t;      // index into SimulationResult::strings
inline constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();

// What Err() returns. Only ever one of Go's two sentinels, never a cause (R3, R24).
enum class Err : std::uint8_t { None, Canceled, DeadlineExceeded };
// Why a context became done (trace.md): its cancel function, its own deadline, or an ancestor.
enum class Reason : std::uint8_t { None, Cancel, Deadline, Parent };
enum class StopReason : std::uint8_t { Idle, Horizon };

// The strings table always starts with these two, so an Err converts to a cause StrId directly.
inline constexpr StrId kStrCanceled = 0;          // "context canceled"
inline constexpr StrId kStrDeadlineExceeded = 1;  // "context deadline exceeded"

const char* errString(Err e);       // "context canceled", "context deadline exceeded", "" for None
const char* reasonName(Reason r);   // "cancel", "deadline", "parent", "" for None

enum class EventKind : std::uint8_t {
    ContextCreated,      // ctx; by = deriving task or kNone
    ContextCanceled,     // ctx; err, reason, str = cause, other = source ctx
    CancelCalled,        // ctx; by = task or kNone (user action); str = cause or kNone; flag = effective
    TaskStarted,         // task; other = context; by = spawning task or kNone
    TaskEnded,           // task; str = result
    ValueLookup,         // task; other = lookup index (SimulationResult::lookups)
    AfterFuncRegistered, // af; other = context
    AfterFuncStarted,    // af
    AfterFuncStop,       // af; by = task or kNone (user); flag = what stop() returned
    Log,                 // task; str = text
    Lint,                // other = lint index (SimulationResult::lints)
    End,                 // err/reason unused; flag: true = horizon, false = idle
};

struct Event {
    Nanos t = 0;
    EventKind kind = EventKind::End;
    Err err = Err::None;
    Reason reason = Reason::None;
    bool flag = false;
    std::uint32_t subject = kNone; // ctx, task or af index, by kind (see EventKind)
    std::uint32_t other = kNone;
    std::uint32_t by = kNone;
    StrId str = kNone;
    bool operator==(const Event&) const = default;
};
// seq of an event is its index in SimulationResult::events.

} // namespace ctxscope
