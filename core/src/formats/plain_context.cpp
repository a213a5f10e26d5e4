// See plain_context.h. Every check here mirrors one of Loader::readContext's (scenario_load.cpp)
// in the direction "readContext would report nothing"; when in doubt, decline: the full reader
// is always right, this one only has to be right when it says yes.
#include "plain_context.h"

#include <array>
#include <cstring>
#include <optional>

namespace ctxscope::detail {

namespace {

// The keys of a top-level context (kContextKeys in scenario_load.cpp).
enum Field : std::uint8_t { Id, Kind, Parent, At, Label, Timeout, Deadline, Cause, Key, Value, KeyType, kFields };

std::optional<Field> fieldOf(std::string_view k)
{
    static constexpr std::array<std::string_view, kFields> kNames = {
        "id", "kind", "parent", "at", "label", "timeout", "deadline", "cause", "key", "value", "key_type"};
    for (std::size_t i = 0; i < kNames.size(); ++i) {
        if (k == kNames[i])
            return static_cast<Field>(i);
    }
    return std::nullopt;
}

// A cursor over text that is valid JSON (parseShallow said so): it needs no error handling
// beyond noticing a shape it does not read.
struct Cursor {
    const char* p;
    const char* end;

    void skipWhitespace()
    {
        while (p < end && (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r'))
            ++p;
    }
    bool take(char c)
    {
        skipWhitespace();
        if (p >= end || *p != c)
            return false;
        ++p;
        return true;
    }
    // plainString reads a string with no escape in it: its text is then the bytes between the
    // quotes exactly (the reader already checked them for UTF-8 and control characters).
    bool plainString(std::string_view& out)
    {
        if (!take('"'))
            return false;
        const char* start = p;
        while (p < end && *p != '"' && *p != '\\')
            ++p;
        if (p >= end || *p != '"')
            return false;
        out = std::string_view(start, static_cast<std::size_t>(p - start));
        ++p;
        return true;
    }
};

} // namespace

bool readPlainContext(std::string_view text, std::size_t offset, ContextSpec& c)
{
    if (offset >= text.size())
        return false;
    Cursor in{text.data() + offset, text.data() + text.size()};
    if (!in.take('{'))
        return false;
    // Keys are unique (the reader rejects duplicates, and a key without escapes is its own text).
    // value[f] is set when seen has bit f; the array is not zeroed, which would cost more than
    // the rest of a small element's reading.
    struct Text { // a string_view would be zeroed
        const char* data;
        std::size_t size;
        operator std::string_view() const { return {data, size}; }
    };
    Text value[kFields];
    unsigned seen = 0;
    do {
        std::string_view key, v;
        if (!in.plainString(key) || !in.take(':') || !in.plainString(v))
            return false; // an empty object, another type, an escape: the full reader's job
        const std::optional<Field> f = fieldOf(key);
        if (!f)
            return false; // an unknown key
        value[*f] = {v.data(), v.size()};
        seen |= 1u << *f;
    } while (in.take(','));
    if (!in.take('}'))
        return false;
    auto has = [&](Field f) { return (seen & (1u << f)) != 0; };

    if (!has(Id) || !has(Kind))
        return false;
    const std::optional<ContextKind> kind = parseContextKind(value[Kind]);
    if (!kind)
        return false;
    // A field the kind does not have, or a field the kind needs that is missing.
    if (has(Timeout) != isTimeoutKind(*kind) || has(Deadline) != isDeadlineKind(*kind) ||
        has(Cause) != isCauseDeadlineKind(*kind))
        return false;
    const bool withValue = *kind == ContextKind::WithValue;
    if ((!withValue && (has(Key) || has(Value) || has(KeyType))) || (withValue && !(has(Key) && has(Value))))
        return false;
    Nanos at = 0, timeout = 0, deadline = 0;
    for (auto [f, out] : {std::pair{At, &at}, std::pair{Timeout, &timeout}, std::pair{Deadline, &deadline}}) {
        if (!has(f))
            continue;
        const DurationParse d = parseDuration(value[f]);
        if (!d.value)
            return false;
        *out = *d.value;
    }

    c.kind = *kind;
    c.id.assign(value[Id]);
    c.at = at;
    c.timeout = timeout;
    c.deadline = deadline;
    for (auto [f, out] : {std::pair{Parent, &c.parent}, std::pair{Label, &c.label}, std::pair{Cause, &c.cause},
                          std::pair{Key, &c.key}, std::pair{KeyType, &c.keyType}}) {
        if (has(f))
            out->assign(value[f]);
    }
    if (has(Value))
        c.value = Scalar::string(std::string(value[Value]));
    return true;
}

} // namespace ctxscope::detail
