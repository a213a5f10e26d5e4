#pragma once
// Virtual time. Every instant and every duration in ctxscope is an int64 count of nanoseconds,
// as Go's time.Duration is; an instant is measured from the start of the scenario (time 0).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ctxscope {

using Nanos = std::int64_t;

inline constexpr Nanos kNanosecond = 1;
inline constexpr Nanos kMicrosecond = 1000;
inline constexpr Nanos kMillisecond = 1000 * kMicrosecond;
inline constexpr Nanos kSecond = 1000 * kMillisecond;
inline constexpr Nanos kMinute = 60 * kSecond;
inline constexpr Nanos kHour = 60 * kMinute;

// The two sentinel instants, one name each, used by the engine, the formats and the GUI alike.
inline constexpr Nanos kNever = -1;         // an instant that has not come: not created, not done, not ended
inline constexpr Nanos kNoDeadline = INT64_MAX; // Deadline() ok == false (also the latest instant there is)

// The result of parseDuration: a value, or the reason the text is not a Go duration.
struct DurationParse {
    std::optional<Nanos> value;
    std::string error; // empty when value is set
};

// parseDuration accepts exactly what Go's time.ParseDuration accepts ("250ms", "1.5s",
// "2m30s", "-10ms", "0", "100µs", "100us", "40ns"; units ns us µs μs ms s m h) and rejects
// everything else with a message that says why. Overflowing int64 is an error, as in Go.
DurationParse parseDuration(std::string_view text);

// formatDuration renders d as Go's time.Duration.String() does: "0s", "1.5s", "250ms",
// "2m30s", "1h0m0s", "100µs", "40ns", "-10ms". parseDuration(formatDuration(d)) == d.
std::string formatDuration(Nanos d);

} // namespace ctxscope
