// Go's time.ParseDuration and Duration.String, transcribed so that every corner agrees with Go
// (fractions are truncated, "1.s" and "01s" are fine, "-0" is zero, overflow is an error),
// including its float64 step for fractions, which is what makes "0.9999999999999999999s" one
// second. Checked against Go 1.26 by tests/core/test_duration.cpp.
#include "ctxscope/engine/duration.h"

#include <array>
#include <cstdint>

namespace ctxscope {

namespace {

constexpr std::uint64_t kLimit = std::uint64_t{1} << 63; // |math.MinInt64|

std::string quote(std::string_view s)
{
    static const char* hex = "0123456789abcdef";
    std::string out = "\"";
    for (char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if (c < 0x20 || c == 0x7F) {
            out += "\\x";
            out += hex[c >> 4];
            out += hex[c & 0xF];
        } else {
            if (c == '"' || c == '\\')
                out += '\\';
            out += ch;
        }
    }
    out += '"';
    return out;
}

constexpr const char* kUnits = "valid units are ns, us (or µs), ms, s, m, h";

DurationParse invalid(std::string_view orig, const char* why)
{
    return {std::nullopt, "invalid duration " + quote(orig) + ": " + why};
}

DurationParse overflow(std::string_view orig)
{
    return {std::nullopt,
            "invalid duration " + quote(orig) + ": out of range (durations are limited to about ±2562047h)"};
}

bool isDigit(char c) { return c >= '0' && c <= '9'; }

// leadingInt consumes [0-9]*; false on overflow of 1<<63.
bool leadingInt(std::string_view& s, std::uint64_t& x)
{
    std::size_t i = 0;
    x = 0;
    for (; i < s.size() && isDigit(s[i]); ++i) {
        if (x > kLimit / 10)
            return false;
        x = x * 10 + static_cast<std::uint64_t>(s[i] - '0');
        if (x > kLimit)
            return false;
    }
    s.remove_prefix(i);
    return true;
}

// leadingFraction consumes [0-9]*, keeping as many digits as fit (Go stops adding precision
// rather than failing).
void leadingFraction(std::string_view& s, std::uint64_t& x, double& scale)
{
    std::size_t i = 0;
    x = 0;
    scale = 1;
    bool overflowed = false;
    for (; i < s.size() && isDigit(s[i]); ++i) {
        if (overflowed)
            continue;
        if (x > (kLimit - 1) / 10) {
            overflowed = true;
            continue;
        }
        std::uint64_t y = x * 10 + static_cast<std::uint64_t>(s[i] - '0');
        if (y > kLimit) {
            overflowed = true;
            continue;
        }
        x = y;
        scale *= 10;
    }
    s.remove_prefix(i);
}

std::uint64_t unitValue(std::string_view u)
{
    if (u == "ns")
        return 1;
    if (u == "us" || u == "\xC2\xB5s" /* U+00B5 micro sign */ || u == "\xCE\xBCs" /* U+03BC mu */)
        return 1000;
    if (u == "ms")
        return 1000 * 1000;
    if (u == "s")
        return 1000 * 1000 * 1000;
    if (u == "m")
        return std::uint64_t{60} * 1000 * 1000 * 1000;
    if (u == "h")
        return std::uint64_t{3600} * 1000 * 1000 * 1000;
    return 0;
}

} // namespace

DurationParse parseDuration(std::string_view text)
{
    // [-+]?([0-9]*(\.[0-9]*)?[a-z]+)+
    const std::string_view orig = text;
    std::string_view s = text;
    std::uint64_t d = 0;
    bool neg = false;
    if (!s.empty() && (s[0] == '-' || s[0] == '+')) {
        neg = s[0] == '-';
        s.remove_prefix(1);
    }
    if (s == "0")
        return {Nanos{0}, {}};
    if (s.empty())
        return invalid(orig, orig.empty() ? "empty string (write \"0\" for no time)"
                                          : "a sign must be followed by a number and a unit");
    while (!s.empty()) {
        if (!(s[0] == '.' || isDigit(s[0])))
            return invalid(orig, "expected a number and a unit, as in \"250ms\" or \"1m30s\"");
        std::uint64_t v = 0;
        std::uint64_t f = 0;
        double scale = 1;
        const std::size_t before = s.size();
        if (!leadingInt(s, v))
            return overflow(orig);
        const bool pre = s.size() != before;
        bool post = false;
        if (!s.empty() && s[0] == '.') {
            s.remove_prefix(1);
            const std::size_t at = s.size();
            leadingFraction(s, f, scale);
            post = s.size() != at;
        }
        if (!pre && !post)
            return invalid(orig, "a '.' must have a digit next to it");
        std::size_t i = 0;
        while (i < s.size() && !(s[i] == '.' || isDigit(s[i])))
            ++i;
        if (i == 0)
            return {std::nullopt, "missing unit in duration " + quote(orig) + " (" + kUnits + "; only \"0\" may omit it)"};
        const std::string_view u = s.substr(0, i);
        s.remove_prefix(i);
        const std::uint64_t unit = unitValue(u);
        if (unit == 0)
            return {std::nullopt, "unknown unit " + quote(u) + " in duration " + quote(orig) + " (" + kUnits + ")"};
        if (v > kLimit / unit)
            return overflow(orig);
        v *= unit;
        if (f > 0) {
            // Go computes the fraction in float64 and truncates; so do we, bit for bit.
            v += static_cast<std::uint64_t>(static_cast<double>(f) * (static_cast<double>(unit) / scale));
            if (v > kLimit)
                return overflow(orig);
        }
        d += v;
        if (d > kLimit)
            return overflow(orig);
    }
    if (neg)
        return {static_cast<Nanos>(0 - d), {}}; // d <= 1<<63, so this is exact (two's complement)
    if (d > kLimit - 1)
        return overflow(orig);
    return {static_cast<Nanos>(d), {}};
}

namespace {

// fmtFrac writes v / 10**prec's fraction (".12345", trailing zeros and a bare '.' omitted)
// backwards ending at w, and returns v / 10**prec.
std::uint64_t fmtFrac(char* buf, int& w, std::uint64_t v, int prec)
{
    bool print = false;
    for (int i = 0; i < prec; ++i) {
        const std::uint64_t digit = v % 10;
        print = print || digit != 0;
        if (print)
            buf[--w] = static_cast<char>('0' + digit);
        v /= 10;
    }
    if (print)
        buf[--w] = '.';
    return v;
}

void fmtInt(char* buf, int& w, std::uint64_t v)
{
    if (v == 0) {
        buf[--w] = '0';
        return;
    }
    while (v > 0) {
        buf[--w] = static_cast<char>('0' + v % 10);
        v /= 10;
    }
}

} // namespace

std::string formatDuration(Nanos d)
{
    std::array<char, 40> arr{};
    char* buf = arr.data();
    int w = static_cast<int>(arr.size());
    std::uint64_t u = static_cast<std::uint64_t>(d);
    const bool neg = d < 0;
    if (neg)
        u = 0 - u;
    if (u < static_cast<std::uint64_t>(kSecond)) {
        int prec = 0;
        buf[--w] = 's';
        if (u == 0) {
            buf[--w] = '0';
            return std::string(buf + w, arr.size() - static_cast<std::size_t>(w));
        }
        if (u < static_cast<std::uint64_t>(kMicrosecond)) {
            prec = 0;
            buf[--w] = 'n';
        } else if (u < static_cast<std::uint64_t>(kMillisecond)) {
            prec = 3;
            buf[--w] = '\xB5'; // U+00B5 micro sign, as Go writes it
            buf[--w] = '\xC2';
        } else {
            prec = 6;
            buf[--w] = 'm';
        }
        u = fmtFrac(buf, w, u, prec);
        fmtInt(buf, w, u);
    } else {
        buf[--w] = 's';
        u = fmtFrac(buf, w, u, 9);
        fmtInt(buf, w, u % 60);
        u /= 60;
        if (u > 0) {
            buf[--w] = 'm';
            fmtInt(buf, w, u % 60);
            u /= 60;
            if (u > 0) {
                buf[--w] = 'h';
                fmtInt(buf, w, u);
            }
        }
    }
    if (neg)
        buf[--w] = '-';
    return std::string(buf + w, arr.size() - static_cast<std::size_t>(w));
}

} // namespace ctxscope
