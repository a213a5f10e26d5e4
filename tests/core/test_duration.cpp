// Expected values below were produced by Go 1.26's time.ParseDuration and Duration.String
// (a throwaway program run while writing these tests), not by reading our implementation.
#include "ctxscope/engine/duration.h"

#include <catch2/catch.hpp>

#include <limits>

using namespace ctxscope;

namespace {

Nanos parsed(const char* text)
{
    DurationParse d = parseDuration(text);
    INFO("parsing " << text << ": " << d.error);
    REQUIRE(d.value.has_value());
    CHECK(d.error.empty());
    return *d.value;
}

bool rejected(const char* text)
{
    DurationParse d = parseDuration(text);
    return !d.value && !d.error.empty();
}

} // namespace

TEST_CASE("parseDuration reads every unit and combination Go accepts")
{
    CHECK(parsed("0") == 0);
    CHECK(parsed("-0") == 0);
    CHECK(parsed("+0") == 0);
    CHECK(parsed("0.0s") == 0);
    CHECK(parsed("40ns") == 40);
    CHECK(parsed("100us") == 100000);
    CHECK(parsed("100\xC2\xB5s") == 100000); // U+00B5 micro sign
    CHECK(parsed("100\xCE\xBCs") == 100000); // U+03BC Greek mu
    CHECK(parsed("250ms") == 250 * kMillisecond);
    CHECK(parsed("1.5s") == 1500 * kMillisecond);
    CHECK(parsed(".5s") == 500 * kMillisecond);
    CHECK(parsed("1.s") == kSecond);
    CHECK(parsed("5.ms") == 5 * kMillisecond);
    CHECK(parsed("01s") == kSecond);
    CHECK(parsed("2m30s") == 150 * kSecond);
    CHECK(parsed("1h2m3.5s") == 3723500000000);
    CHECK(parsed("+5ms") == 5 * kMillisecond);
    CHECK(parsed("-10ms") == -10 * kMillisecond);
    CHECK(parsed("1ns2ns") == 3);
}

TEST_CASE("parseDuration truncates fractions the way Go's float64 step does")
{
    CHECK(parsed("1.0000000001s") == kSecond);
    CHECK(parsed("1.9999999999ns") == 1);
    // 25 nines: the digits beyond int64 precision are dropped and float64 rounds up to 1s.
    CHECK(parsed("0.9999999999999999999999999s") == kSecond);
    CHECK(parsed("1.00000000000000000000000000001s") == kSecond);
    CHECK(parsed("0.000000000000000000000000000001h") == 0);
}

TEST_CASE("parseDuration accepts the int64 extremes and rejects one past them")
{
    constexpr Nanos maxNs = std::numeric_limits<Nanos>::max();
    constexpr Nanos minNs = std::numeric_limits<Nanos>::min();
    CHECK(parsed("9223372036854775807ns") == maxNs);
    CHECK(parsed("9223372036854775807.9ns") == maxNs);
    CHECK(parsed("2562047h47m16.854775807s") == maxNs);
    CHECK(parsed("-9223372036854775808ns") == minNs);
    CHECK(parsed("-2562047h47m16.854775808s") == minNs);
    CHECK(parsed("2562047h") == 9223369200000000000);
    CHECK(rejected("9223372036854775808ns"));
    CHECK(rejected("9223372036854775808.1ns"));
    CHECK(rejected("-9223372036854775809ns"));
    CHECK(rejected("2562047h47m16.854775808s"));
    CHECK(rejected("2562048h"));
    CHECK(rejected("3000000h"));
    CHECK(rejected("99999999999999999999s"));
}

TEST_CASE("parseDuration rejects what Go rejects, saying why")
{
    for (const char* bad : {"", "-", "+", "s", ".s", "5", "00", "1h1", "0ms0", "1..5s", "1.2.3s", "1m1", " 1s",
                            "1s ", "1S", "1e3s", "15e", "1dd", "1__s", "1\xC2\xB5", "1d", "one second"}) {
        INFO("input: \"" << bad << "\"");
        CHECK(rejected(bad));
    }
    CHECK(parseDuration("5").error ==
          "missing unit in duration \"5\" (valid units are ns, us (or \xC2\xB5s), ms, s, m, h; only \"0\" may omit it)");
    CHECK(parseDuration("1d").error ==
          "unknown unit \"d\" in duration \"1d\" (valid units are ns, us (or \xC2\xB5s), ms, s, m, h)");
    CHECK(parseDuration("3000000h").error ==
          "invalid duration \"3000000h\": out of range (durations are limited to about \xC2\xB1" "2562047h)");
    CHECK(parseDuration("").error == "invalid duration \"\": empty string (write \"0\" for no time)");
    CHECK(parseDuration("1\n").error.find("\\x0a") != std::string::npos);
}

TEST_CASE("formatDuration writes what Go's Duration.String writes")
{
    CHECK(formatDuration(0) == "0s");
    CHECK(formatDuration(1) == "1ns");
    CHECK(formatDuration(999) == "999ns");
    CHECK(formatDuration(1000) == "1\xC2\xB5s");
    CHECK(formatDuration(1500) == "1.5\xC2\xB5s");
    CHECK(formatDuration(100000) == "100\xC2\xB5s");
    CHECK(formatDuration(1000000) == "1ms");
    CHECK(formatDuration(1500000) == "1.5ms");
    CHECK(formatDuration(kSecond) == "1s");
    CHECK(formatDuration(1500 * kMillisecond) == "1.5s");
    CHECK(formatDuration(1000000001) == "1.000000001s");
    CHECK(formatDuration(kMinute) == "1m0s");
    CHECK(formatDuration(kHour) == "1h0m0s");
    CHECK(formatDuration(3723500000000) == "1h2m3.5s");
    CHECK(formatDuration(90061001002003) == "25h1m1.001002003s");
    CHECK(formatDuration(-10 * kMillisecond) == "-10ms");
    CHECK(formatDuration(-1) == "-1ns");
    CHECK(formatDuration(std::numeric_limits<Nanos>::max()) == "2562047h47m16.854775807s");
    CHECK(formatDuration(std::numeric_limits<Nanos>::min()) == "-2562047h47m16.854775808s");
}

TEST_CASE("formatDuration output parses back to the same value")
{
    const Nanos samples[] = {0,          1,          999,        1000,       1001,         999999,
                             1000000,    123456789,  kSecond - 1, kSecond,   61 * kSecond, kHour + 1,
                             -kHour - 7, 4 * kHour,  std::numeric_limits<Nanos>::max(),
                             std::numeric_limits<Nanos>::min()};
    for (Nanos d : samples) {
        INFO("d = " << d);
        DurationParse p = parseDuration(formatDuration(d));
        REQUIRE(p.value.has_value());
        CHECK(*p.value == d);
    }
    // A deterministic walk over many magnitudes.
    std::uint64_t x = 88172645463325252ull;
    for (int i = 0; i < 5000; ++i) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        const Nanos d = static_cast<Nanos>(x >> (i % 64));
        DurationParse p = parseDuration(formatDuration(d));
        REQUIRE(p.value.has_value());
        CHECK(*p.value == d);
    }
}
