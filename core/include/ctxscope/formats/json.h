#pragma once
// A small, strict, Qt-free JSON document model (RFC 8259) with a reader that reports where things
// are and a writer with a canonical layout. Strict on purpose: scenario files are contracts, and
// a reader that silently accepts a duplicated key or a stray comma hides the user's typo.
//
// The reader is iterative (no recursion), so hostile input cannot overflow the stack; it keeps
// object members in document order, keeps number text exactly as written, records the line and
// column of every value and key, and rejects invalid UTF-8, duplicate keys, nesting deeper than
// kMaxDepth and documents larger than kMaxDocumentBytes.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ctxscope::json {

inline constexpr std::size_t kMaxDocumentBytes = 64u * 1024u * 1024u;
inline constexpr int kMaxDepth = 512; // arrays and objects open at once

enum class Type : std::uint8_t { Null, Bool, Number, String, Array, Object };

// typeName gives the JSON word for a type: "null", "boolean", "number", "string", "array",
// "object"; used in messages such as "expected a string, found a number".
const char* typeName(Type t);

struct Member;

struct Value {
    Type type = Type::Null;
    // Bool: "true" or "false"; Number: the number text exactly as written; String: the decoded
    // UTF-8 text (escapes resolved). Empty for Null, Array and Object.
    std::string text;
    std::vector<Value> items;    // Array elements
    std::vector<Member> members; // Object members, in document order (keys are unique)
    int line = 0;                // 1-based position of the value's first character;
    int column = 0;              // 0 when the value was built in code. Columns count code points.

    bool isNull() const { return type == Type::Null; }
    bool isBool() const { return type == Type::Bool; }
    bool isNumber() const { return type == Type::Number; }
    bool isString() const { return type == Type::String; }
    bool isArray() const { return type == Type::Array; }
    bool isObject() const { return type == Type::Object; }
    bool boolValue() const { return type == Type::Bool && text == "true"; }

    // find returns the member value for key, or nullptr (also when this is not an object).
    const Value* find(std::string_view key) const;
    // findMember is find but returns the member, so the key's position is available too.
    const Member* findMember(std::string_view key) const;

    static Value null(); // defined below, once Member is complete
    static Value boolean(bool b);
    static Value number(std::string text); // the caller guarantees valid JSON number text
    static Value integer(std::int64_t n);
    static Value string(std::string s);
    static Value array();
    static Value object();
    // add appends a member to an object (no duplicate check: the caller builds the object).
    Value& add(std::string key, Value v);
    // push appends an element to an array.
    Value& push(Value v);
};

struct Member {
    std::string key;
    Value value;
    int line = 0;   // position of the key's opening quote
    int column = 0;
};

// Value and Member refer to each other: Value holds a std::vector<Member>, which may be declared
// with an incomplete element type but not destroyed or copied with one. So no inline member of
// Value that creates, copies or destroys a Value may be defined inside the class body (before
// Member is complete): clang with libstdc++ instantiates ~vector<Member> there and fails. Such
// members are defined here instead, or in json.cpp.
inline Value Value::null() { return {}; }

struct ParseError {
    std::string message; // e.g. "expected ',' or ']' after array element"
    int line = 0;        // 1-based; the position where the problem was detected
    int column = 0;
    std::size_t offset = 0; // byte offset of that position
};

// Where an element of an array left in the text starts (parseShallow): its byte offset in the
// document and its line and column, as the whole document's parse gives them.
struct DeferredElement {
    std::uint32_t offset = 0; // documents are at most kMaxDocumentBytes
    int line = 0;
    int column = 0;
};

// An array that is a member of the root object, read by parseShallow: the DOM holds it as an
// empty array (with its own position); its elements are here, to be read one at a time.
struct DeferredArray {
    std::string key; // the root member's key
    std::vector<DeferredElement> elements;
};

struct ParseResult {
    std::optional<Value> value; // set on success
    ParseError error;           // meaningful only when value is empty
    std::vector<DeferredArray> deferred; // parseShallow only, in document order
    bool ok() const { return value.has_value(); }
};

// parse reads exactly one JSON document (surrounding whitespace allowed, a leading UTF-8 byte
// order mark ignored). It stops at the first error and never throws.
ParseResult parse(std::string_view text);

// parseShallow checks the whole document exactly as parse does (same errors, same positions),
// but does not keep the elements of the arrays that are members of the root object: those
// arrays are empty in the DOM and listed in ParseResult::deferred. A scenario's "contexts" of a
// million elements then costs 12 bytes each instead of a DOM subtree each, and an element is
// checked without building its values (an object of escape-free strings is only scanned).
ParseResult parseShallow(std::string_view text);

// parseElement reads one deferred element of text (the document parseShallow accepted): the
// same Value, positions included, that parse would have put in the array.
Value parseElement(std::string_view text, const DeferredElement& at);

// findDeferred returns the deferred array of the root member key, or nullptr.
const DeferredArray* findDeferred(const std::vector<DeferredArray>& deferred, std::string_view key);

// isValidNumberText tells whether text is a JSON number exactly as RFC 8259 spells it.
bool isValidNumberText(std::string_view text);

// appendQuoted appends s as a JSON string literal: '"' and '\' escaped, \b \f \n \r \t as such,
// other control characters as \u00XX, everything else (non-ASCII UTF-8 included) as is.
void appendQuoted(std::string& out, std::string_view s);
std::string quoted(std::string_view s);

enum class Style : std::uint8_t {
    Pretty,  // 2-space indent, one member/element per line, "key": value, empty as [] and {}
    Compact, // one line, no spaces: {"a":1,"b":[2,3]} (JSON Lines)
};

// Writer produces JSON text by calls in document order. Keys come out in the order the caller
// gives them, which is how canonical outputs get a stable key order. The caller is responsible
// for well-formed call sequences (a key before each object member value, balanced begin/end);
// the text never ends in a newline, so the caller decides line endings.
class Writer {
public:
    explicit Writer(Style style = Style::Pretty);

    Writer& beginObject();
    Writer& endObject();
    Writer& beginArray();
    Writer& endArray();
    Writer& key(std::string_view k);

    Writer& null();
    Writer& boolean(bool b);
    Writer& integer(std::int64_t n);
    Writer& unsignedInteger(std::uint64_t n);
    Writer& real(double d);                 // shortest round-trip text; NaN/inf become null
    Writer& rawNumber(std::string_view text); // text must be valid JSON number text
    Writer& string(std::string_view s);
    Writer& value(const Value& v);          // a whole DOM value, members in their stored order

    // rawMemberWith appends one member of the open object that the caller renders itself:
    // render(std::string& out) appends its quoted key, ": " (":" when Compact) and its value to
    // out, laid out as this writer would at depth() (the number of open objects and arrays).
    // The writer adds the ',' and line break before it. For a loop that writes a million
    // members of one shape (a report's contexts), where a call per key and value costs more
    // than the rest of the work.
    template <typename Render>
    Writer& rawMemberWith(Render&& render)
    {
        beforeMember();
        render(m_out);
        return *this;
    }
    int depth() const { return static_cast<int>(m_levels.size()); }

    // raw appends text verbatim where no value is open: between top-level values, for the line
    // breaks of JSON Lines or a document's hand-written frame around a stream of objects. (Inside
    // an open object or array it would break the writer's own separators: use rawMemberWith.)
    Writer& raw(std::string_view text)
    {
        maybeFlush();
        m_out += text;
        return *this;
    }

    const std::string& text() const { return m_out; }
    std::string take();

    // setSink makes the writer hand its text to sink in chunks of about chunkBytes as it goes,
    // so a large document never sits in memory whole; text() and take() then hold only what
    // has not been handed over yet. flush() hands that over now (call it after the last value).
    using Sink = std::function<void(std::string_view)>;
    void setSink(Sink sink, std::size_t chunkBytes = 64u * 1024u);
    void flush();

private:
    void beforeValue();
    void beforeMember(); // what goes before a key: a pending flush, ',' and the line break
    void newline();
    void maybeFlush()
    {
        if (m_sink && m_out.size() >= m_chunkBytes)
            flush();
    }

    struct Level {
        bool object = false;
        bool empty = true;
    };
    Style m_style;
    std::string m_out;
    std::vector<Level> m_levels;
    bool m_afterKey = false;
    Sink m_sink;
    std::size_t m_chunkBytes = 0;
};

// write renders a DOM value in the given style (no trailing newline).
std::string write(const Value& v, Style style = Style::Pretty);

} // namespace ctxscope::json
