#include "ctxscope/formats/json.h"

#include <array>
#include <charconv>
#include <cmath>
#include <cstring>
#include <unordered_map>

namespace ctxscope::json {

const char* typeName(Type t)
{
    switch (t) {
    case Type::Null: return "null";
    case Type::Bool: return "boolean";
    case Type::Number: return "number";
    case Type::String: return "string";
    case Type::Array: return "array";
    case Type::Object: return "object";
    }
    return "value";
}

const Member* Value::findMember(std::string_view key) const
{
    for (const Member& m : members) {
        if (m.key == key)
            return &m;
    }
    return nullptr;
}

const Value* Value::find(std::string_view key) const
{
    const Member* m = findMember(key);
    return m ? &m->value : nullptr;
}

Value Value::boolean(bool b)
{
    Value v;
    v.type = Type::Bool;
    v.text = b ? "true" : "false";
    return v;
}

Value Value::number(std::string text)
{
    Value v;
    v.type = Type::Number;
    v.text = std::move(text);
    return v;
}

Value Value::integer(std::int64_t n)
{
    return number(std::to_string(n));
}

Value Value::string(std::string s)
{
    Value v;
    v.type = Type::String;
    v.text = std::move(s);
    return v;
}

Value Value::array()
{
    Value v;
    v.type = Type::Array;
    return v;
}

Value Value::object()
{
    Value v;
    v.type = Type::Object;
    return v;
}

Value& Value::add(std::string key, Value v)
{
    members.push_back(Member{std::move(key), std::move(v), 0, 0});
    return members.back().value;
}

Value& Value::push(Value v)
{
    items.push_back(std::move(v));
    return items.back();
}

namespace {

// Bytes a string can contain without a closer look: printable ASCII other than '"' and '\'.
constexpr std::array<bool, 256> makePlainTable()
{
    std::array<bool, 256> t{};
    for (int c = 0x20; c < 0x80; ++c)
        t[static_cast<std::size_t>(c)] = c != '"' && c != '\\';
    return t;
}
constexpr std::array<bool, 256> kPlain = makePlainTable();

// Bytes appendQuoted writes as they are: everything but '"', '\' and control characters.
constexpr std::array<bool, 256> makeVerbatimTable()
{
    std::array<bool, 256> t{};
    for (int c = 0x20; c < 0x100; ++c)
        t[static_cast<std::size_t>(c)] = c != '"' && c != '\\';
    return t;
}
constexpr std::array<bool, 256> kVerbatim = makeVerbatimTable();

bool isDigit(char c) { return c >= '0' && c <= '9'; }

// utf8SequenceLength returns the length of the valid UTF-8 sequence at p (RFC 3629: no
// overlong forms, no surrogates, nothing above U+10FFFF), or 0 if the bytes are not one.
int utf8SequenceLength(const unsigned char* p, const unsigned char* end)
{
    const unsigned char c = p[0];
    auto cont = [&](int i, unsigned char lo = 0x80, unsigned char hi = 0xBF) {
        return p + i < end && p[i] >= lo && p[i] <= hi;
    };
    if (c < 0x80)
        return 1;
    if (c >= 0xC2 && c <= 0xDF)
        return cont(1) ? 2 : 0;
    if (c == 0xE0)
        return cont(1, 0xA0, 0xBF) && cont(2) ? 3 : 0;
    if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF)
        return cont(1) && cont(2) ? 3 : 0;
    if (c == 0xED)
        return cont(1, 0x80, 0x9F) && cont(2) ? 3 : 0;
    if (c == 0xF0)
        return cont(1, 0x90, 0xBF) && cont(2) && cont(3) ? 4 : 0;
    if (c >= 0xF1 && c <= 0xF3)
        return cont(1) && cont(2) && cont(3) ? 4 : 0;
    if (c == 0xF4)
        return cont(1, 0x80, 0x8F) && cont(2) && cont(3) ? 4 : 0;
    return 0;
}

void appendUtf8(std::string& out, std::uint32_t cp)
{
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// The reader. One explicit stack of open containers instead of recursion: nesting is bounded
// by kMaxDepth, but the code would survive any depth.
class Parser {
public:
    explicit Parser(std::string_view text)
        : m_begin(text.data()), m_p(text.data()), m_end(text.data() + text.size()), m_lineStart(text.data())
    {
    }
    // shallow: the elements of arrays that are members of the root object are checked but not
    // kept; where each one starts is recorded instead (parseShallow).
    void setShallow() { m_shallow = true; }
    // Reads the one value that starts at `at` (line and column as parsed before), ignoring what
    // follows it (parseElement).
    void startAt(const DeferredElement& at)
    {
        m_p = m_begin + at.offset;
        m_line = at.line;
        m_lineStart = m_p - (at.column - 1);
        m_single = true;
    }

    ParseResult run();

private:
    // An open container. Its children collect on the shared m_items / m_members stacks from
    // `start` on and move into the container, exactly sized, when it closes: one allocation
    // per container instead of a vector growing element by element.
    struct Frame {
        Value value;
        std::size_t start = 0;
        std::string key;      // the key of the member whose value is being read
        int keyLine = 0;
        int keyColumn = 0;
        // Built only for large objects, where a linear duplicate scan would be quadratic.
        std::unordered_map<std::string, std::size_t> index;
        const char* startAt = nullptr; // the opening '{' or '['
    };
    // A completed element of an array under the root object, in shallow mode.
    bool deferring() const
    {
        return m_shallow && m_stack.size() == 2 && m_stack[0].value.isObject() && m_stack[1].value.isArray();
    }
    // Inside (or at) such an element: its values are checked exactly as always but not kept,
    // since the element is read again from the text later (parseElement, or the loader's own
    // reader). Keys are still kept until their object closes, for the duplicate-key check.
    bool discarding() const
    {
        return m_shallow && m_stack.size() >= 2 && m_stack[0].value.isObject() && m_stack[1].value.isArray();
    }

    bool atEnd() const { return m_p >= m_end; }
    int column(const char* at) const { return static_cast<int>((at - m_lineStart) - m_lineExtra) + 1; }
    bool fail(std::string message) { return failAt(m_p, std::move(message)); }
    bool failAt(const char* at, std::string message);
    bool failEnd();
    std::string describeHere() const;

    void skipWhitespace();
    bool parseString(std::string& out);
    bool parseNumber(Value& v, bool keep);
    bool parseLiteral(Value& v);
    bool skipPlainObject();
    bool addMember(Frame& f, Value&& v);
    Value closeTop();

    const char* m_begin;
    const char* m_p;
    const char* m_end;
    const char* m_lineStart;
    int m_line = 1;
    std::ptrdiff_t m_lineExtra = 0; // UTF-8 continuation bytes on the current line so far
    std::vector<Frame> m_stack;
    std::vector<Value> m_items;
    std::vector<Member> m_members;
    ParseError m_error;
    bool m_shallow = false;
    bool m_single = false;
    const char* m_completedStart = nullptr;   // where the value just completed began
    std::vector<DeferredElement> m_deferredNow; // shallow: the open root array's elements
    std::vector<DeferredArray> m_deferred;
    std::string m_scratch; // the text of a string value that is not kept (discarding)
};

bool Parser::failAt(const char* at, std::string message)
{
    m_error.message = std::move(message);
    m_error.line = m_line;
    m_error.column = column(at);
    m_error.offset = static_cast<std::size_t>(at - m_begin);
    return false;
}

bool Parser::failEnd()
{
    if (m_stack.empty())
        return fail("unexpected end of input: expected a value");
    if (m_stack.back().value.isObject())
        return fail("unexpected end of input: the document stops inside an object");
    return fail("unexpected end of input: the document stops inside an array");
}

// describeHere names the character at m_p for a message: 'x' for printable ASCII, the
// character itself for valid UTF-8, byte 0xNN otherwise.
std::string Parser::describeHere() const
{
    const auto* u = reinterpret_cast<const unsigned char*>(m_p);
    const auto* e = reinterpret_cast<const unsigned char*>(m_end);
    if (*u >= 0x21 && *u < 0x7F)
        return std::string("'") + *m_p + "'";
    if (*u >= 0x80) {
        int n = utf8SequenceLength(u, e);
        if (n > 0)
            return "'" + std::string(m_p, static_cast<std::size_t>(n)) + "'";
    }
    static const char* hex = "0123456789ABCDEF";
    std::string s = "byte 0x";
    s += hex[*u >> 4];
    s += hex[*u & 0xF];
    return s;
}

void Parser::skipWhitespace()
{
    while (m_p < m_end) {
        const char c = *m_p;
        if (c == ' ' || c == '\t' || c == '\r') {
            ++m_p;
        } else if (c == '\n') {
            ++m_p;
            ++m_line;
            m_lineStart = m_p;
            m_lineExtra = 0;
        } else {
            return;
        }
    }
}

// parseString reads a string starting at the opening quote into out (replacing its contents).
bool Parser::parseString(std::string& out)
{
    ++m_p; // the opening quote
    out.clear();
    const char* run = m_p; // start of the bytes not yet copied to out
    for (;;) {
        while (m_p < m_end && kPlain[static_cast<unsigned char>(*m_p)])
            ++m_p;
        if (m_p >= m_end) {
            return fail("unexpected end of input: the document stops inside a string");
        }
        const auto c = static_cast<unsigned char>(*m_p);
        if (c == '"') {
            out.append(run, static_cast<std::size_t>(m_p - run));
            ++m_p;
            return true;
        }
        if (c == '\\') {
            out.append(run, static_cast<std::size_t>(m_p - run));
            if (m_p + 1 >= m_end)
                return fail("unexpected end of input: the document stops inside a string");
            const char e = m_p[1];
            switch (e) {
            case '"': out += '"'; break;
            case '\\': out += '\\'; break;
            case '/': out += '/'; break;
            case 'b': out += '\b'; break;
            case 'f': out += '\f'; break;
            case 'n': out += '\n'; break;
            case 'r': out += '\r'; break;
            case 't': out += '\t'; break;
            case 'u': {
                auto read4 = [&](const char* at, std::uint32_t& v) {
                    if (m_end - at < 4)
                        return false;
                    v = 0;
                    for (int i = 0; i < 4; ++i) {
                        int h = hexValue(at[i]);
                        if (h < 0)
                            return false;
                        v = v * 16 + static_cast<std::uint32_t>(h);
                    }
                    return true;
                };
                std::uint32_t cp = 0;
                if (!read4(m_p + 2, cp))
                    return fail("invalid \\u escape in string: expected four hex digits after \\u");
                if (cp >= 0xDC00 && cp <= 0xDFFF)
                    return fail("invalid \\u escape in string: low surrogate without a high surrogate before it");
                if (cp >= 0xD800 && cp <= 0xDBFF) {
                    std::uint32_t lo = 0;
                    if (m_end - m_p < 12 || m_p[6] != '\\' || m_p[7] != 'u' || !read4(m_p + 8, lo) || lo < 0xDC00 ||
                        lo > 0xDFFF)
                        return fail("invalid \\u escape in string: high surrogate not followed by a low surrogate");
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                    m_p += 6;
                }
                appendUtf8(out, cp);
                m_p += 4;
                break;
            }
            default:
                if (static_cast<unsigned char>(e) < 0x20 || static_cast<unsigned char>(e) >= 0x7F) {
                    ++m_p;
                    return fail("invalid escape in string: '\\' must be followed by one of \" \\ / b f n r t u");
                }
                return fail(std::string("invalid escape '\\") + e + "' in string: use one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX");
            }
            m_p += 2;
            run = m_p;
            continue;
        }
        if (c < 0x20) {
            if (c == '\n')
                return fail("string not closed before the end of the line (a newline inside a string must be written \\n)");
            static const char* hex = "0123456789ABCDEF";
            std::string msg = "control character U+00";
            msg += hex[c >> 4];
            msg += hex[c & 0xF];
            msg += " in string: escape it";
            return fail(msg);
        }
        // Non-ASCII: validate one UTF-8 sequence.
        int n = utf8SequenceLength(reinterpret_cast<const unsigned char*>(m_p),
                                   reinterpret_cast<const unsigned char*>(m_end));
        if (n == 0)
            return fail("invalid UTF-8 byte sequence in string");
        m_p += n;
        m_lineExtra += n - 1;
    }
}

bool Parser::parseNumber(Value& v, bool keep)
{
    const char* start = m_p;
    if (*m_p == '-') {
        ++m_p;
        if (m_p >= m_end || !isDigit(*m_p))
            return fail("invalid number: expected a digit after '-'");
    }
    if (*m_p == '0') {
        ++m_p;
        if (m_p < m_end && isDigit(*m_p))
            return fail("invalid number: a number cannot have a leading zero");
    } else {
        while (m_p < m_end && isDigit(*m_p))
            ++m_p;
    }
    if (m_p < m_end && *m_p == '.') {
        ++m_p;
        if (m_p >= m_end || !isDigit(*m_p))
            return fail("invalid number: expected a digit after the decimal point");
        while (m_p < m_end && isDigit(*m_p))
            ++m_p;
    }
    if (m_p < m_end && (*m_p == 'e' || *m_p == 'E')) {
        ++m_p;
        if (m_p < m_end && (*m_p == '+' || *m_p == '-'))
            ++m_p;
        if (m_p >= m_end || !isDigit(*m_p))
            return fail("invalid number: expected a digit in the exponent");
        while (m_p < m_end && isDigit(*m_p))
            ++m_p;
    }
    v.type = Type::Number;
    if (keep)
        v.text.assign(start, static_cast<std::size_t>(m_p - start));
    return true;
}

bool Parser::parseLiteral(Value& v)
{
    auto matches = [&](std::string_view word) {
        return static_cast<std::size_t>(m_end - m_p) >= word.size() &&
               std::memcmp(m_p, word.data(), word.size()) == 0;
    };
    if (matches("true")) {
        v.type = Type::Bool;
        v.text = "true";
        m_p += 4;
    } else if (matches("false")) {
        v.type = Type::Bool;
        v.text = "false";
        m_p += 5;
    } else if (matches("null")) {
        v.type = Type::Null;
        m_p += 4;
    } else {
        return fail("invalid literal: expected true, false or null");
    }
    // "nullx" or "true1": the word must end here.
    if (m_p < m_end && ((*m_p >= 'a' && *m_p <= 'z') || (*m_p >= 'A' && *m_p <= 'Z') || isDigit(*m_p)))
        return fail("invalid literal: expected true, false or null");
    return true;
}

// skipPlainObject moves past the object at m_p if it is "plain": members whose keys and values
// are strings of printable ASCII without escapes, at most kMaxPlainKeys of them, no key twice.
// Such an object is valid JSON, so skipping it is what the full reader would do, minus the
// values it would build; on anything else it returns false having moved nothing, and the full
// reader takes the object (and reports its errors, exactly as always). This is what makes
// parseShallow cheap for a file of a million {"id": "c7", "kind": "WithCancel", ...}.
bool Parser::skipPlainObject()
{
    constexpr int kMaxPlainKeys = 16; // beyond that, addMember's check is the one to use
    const char* p = m_p + 1;
    int line = m_line;
    const char* lineStart = m_lineStart;
    bool newLine = false;
    auto skipSpace = [&] {
        while (p < m_end) {
            if (*p == ' ' || *p == '\t' || *p == '\r') {
                ++p;
            } else if (*p == '\n') {
                ++p;
                ++line;
                lineStart = p;
                newLine = true;
            } else {
                break;
            }
        }
    };
    auto plainString = [&](std::string_view& out) {
        if (p >= m_end || *p != '"')
            return false;
        const char* start = ++p;
        while (p < m_end && kPlain[static_cast<unsigned char>(*p)])
            ++p;
        if (p >= m_end || *p != '"')
            return false;
        out = std::string_view(start, static_cast<std::size_t>(p - start));
        ++p;
        return true;
    };
    // Plain arrays, left uninitialised: an array of string_views would be zeroed on every call.
    const char* keyStart[kMaxPlainKeys];
    std::size_t keySize[kMaxPlainKeys];
    int count = 0;
    skipSpace();
    if (p < m_end && *p == '}') {
        ++p;
    } else {
        for (;;) {
            std::string_view key, value;
            if (count == kMaxPlainKeys || !plainString(key))
                return false;
            skipSpace();
            if (p >= m_end || *p != ':')
                return false;
            ++p;
            skipSpace();
            if (!plainString(value))
                return false;
            for (int i = 0; i < count; ++i) {
                if (std::string_view(keyStart[i], keySize[i]) == key)
                    return false; // a duplicate: the full reader says where the first one is
            }
            keyStart[count] = key.data();
            keySize[count] = key.size();
            ++count;
            skipSpace();
            if (p < m_end && *p == ',') {
                ++p;
                skipSpace();
                continue;
            }
            if (p < m_end && *p == '}') {
                ++p;
                break;
            }
            return false;
        }
    }
    m_p = p;
    m_line = line;
    m_lineStart = lineStart;
    if (newLine)
        m_lineExtra = 0;
    return true;
}

bool Parser::addMember(Frame& f, Value&& v)
{
    const std::size_t count = m_members.size() - f.start;
    constexpr std::size_t kLinearLimit = 16;
    auto duplicateOf = [&](const Member& first) {
        // Report at the second key (the one the user most likely added by mistake).
        m_error.message = "duplicate key \"" + f.key + "\" in object (first defined at line " +
                          std::to_string(first.line) + ", column " + std::to_string(first.column) + ")";
        m_error.line = f.keyLine;
        m_error.column = f.keyColumn;
        m_error.offset = 0;
        return false;
    };
    if (count < kLinearLimit) {
        for (std::size_t i = f.start; i < m_members.size(); ++i) {
            if (m_members[i].key == f.key)
                return duplicateOf(m_members[i]);
        }
    } else {
        if (f.index.empty()) {
            for (std::size_t i = f.start; i < m_members.size(); ++i)
                f.index.emplace(m_members[i].key, i);
        }
        auto [it, inserted] = f.index.emplace(f.key, m_members.size());
        if (!inserted)
            return duplicateOf(m_members[it->second]);
    }
    m_members.push_back(Member{std::move(f.key), std::move(v), f.keyLine, f.keyColumn});
    f.key.clear();
    return true;
}

Value Parser::closeTop()
{
    if (deferring()) {
        m_deferred.push_back(DeferredArray{m_stack[0].key, std::move(m_deferredNow)});
        m_deferredNow.clear();
    }
    // Whether this container's children were kept: not inside a deferred element (where they
    // were not collected, apart from the keys, which go now).
    const bool discarded = discarding() && m_stack.size() > 2;
    Frame& f = m_stack.back();
    m_completedStart = f.startAt;
    Value v = std::move(f.value);
    if (discarded) {
        if (v.isObject())
            m_members.erase(m_members.begin() + static_cast<std::ptrdiff_t>(f.start), m_members.end());
    } else if (v.isArray()) {
        const auto first = m_items.begin() + static_cast<std::ptrdiff_t>(f.start);
        v.items.reserve(m_items.size() - f.start);
        v.items.insert(v.items.end(), std::make_move_iterator(first), std::make_move_iterator(m_items.end()));
        m_items.erase(first, m_items.end());
    } else {
        const auto first = m_members.begin() + static_cast<std::ptrdiff_t>(f.start);
        v.members.reserve(m_members.size() - f.start);
        v.members.insert(v.members.end(), std::make_move_iterator(first), std::make_move_iterator(m_members.end()));
        m_members.erase(first, m_members.end());
    }
    m_stack.pop_back();
    return v;
}

ParseResult Parser::run()
{
    ParseResult result;
    if (!m_single && static_cast<std::size_t>(m_end - m_begin) > kMaxDocumentBytes) {
        failAt(m_begin, "the document is larger than 64 MiB");
        result.error = m_error;
        return result;
    }
    // A UTF-8 byte order mark is not JSON text, but RFC 8259 lets readers ignore it, and some
    // editors write one; it does not count as a column.
    if (!m_single && m_end - m_p >= 3 && std::memcmp(m_p, "\xEF\xBB\xBF", 3) == 0) {
        m_p += 3;
        m_lineExtra = 3;
    }
    skipWhitespace();
    if (atEnd()) {
        fail(m_p == m_begin ? "unexpected end of input: the document is empty"
                            : "unexpected end of input: the document holds only whitespace");
        result.error = m_error;
        return result;
    }

    Value done;
    bool ok = true;
    auto finish = [&]() {
        result.error = m_error;
        return result;
    };

    // States: expecting a value (possibly closing an empty container), or having completed one.
    for (;;) {
        // --- Read one value (scalar or the opening of a container). ---
        skipWhitespace();
        if (atEnd()) {
            failEnd();
            return finish();
        }
        Value v;
        v.line = m_line;
        v.column = column(m_p);
        m_completedStart = m_p;
        const char c = *m_p;
        bool completed = true;
        if (c == '{' && deferring() && skipPlainObject()) {
            v.type = Type::Object; // checked and left in the text: nothing to keep
        } else if (c == '{' || c == '[') {
            if (static_cast<int>(m_stack.size()) >= kMaxDepth) {
                fail("nesting deeper than " + std::to_string(kMaxDepth) + " levels");
                return finish();
            }
            ++m_p;
            v.type = c == '{' ? Type::Object : Type::Array;
            const std::size_t start = c == '{' ? m_members.size() : m_items.size();
            m_stack.push_back(Frame{std::move(v), start, {}, 0, 0, {}, m_p - 1});
            skipWhitespace();
            if (atEnd()) {
                failEnd();
                return finish();
            }
            if (c == '[') {
                if (*m_p == ']') {
                    ++m_p;
                    v = closeTop();
                } else {
                    continue; // read the first element
                }
            } else {
                if (*m_p == '}') {
                    ++m_p;
                    v = closeTop();
                } else {
                    completed = false; // read the first key below
                }
            }
        } else if (c == '"') {
            v.type = Type::String;
            ok = parseString(discarding() ? m_scratch : v.text);
        } else if (c == '-' || isDigit(c)) {
            ok = parseNumber(v, !discarding());
        } else if (c == 't' || c == 'f' || c == 'n') {
            ok = parseLiteral(v);
        } else if (c == ']' && !m_stack.empty() && m_stack.back().value.isArray()) {
            fail("expected a value after ',' (JSON does not allow a trailing comma)");
            return finish();
        } else if (c == '\'') {
            fail("expected a value, found ''' (JSON strings use double quotes)");
            return finish();
        } else {
            fail("expected a value, found " + describeHere());
            return finish();
        }
        if (!ok)
            return finish();

        // --- Attach the completed value; then read separators, closers and keys. ---
        for (;;) {
            if (completed) {
                if (m_stack.empty()) {
                    done = std::move(v);
                    if (m_single) {
                        result.value = std::move(done);
                        return result;
                    }
                    skipWhitespace();
                    if (!atEnd()) {
                        fail("unexpected text after the end of the JSON document: " + describeHere());
                        return finish();
                    }
                    result.value = std::move(done);
                    result.deferred = std::move(m_deferred);
                    return result;
                }
                Frame& top = m_stack.back();
                if (deferring()) {
                    m_deferredNow.push_back(DeferredElement{static_cast<std::uint32_t>(m_completedStart - m_begin),
                                                            v.line, v.column});
                } else if (top.value.isArray()) {
                    if (!discarding())
                        m_items.push_back(std::move(v));
                } else if (!addMember(top, std::move(v))) {
                    return finish();
                }
                // After an element or member: ',' or the closer.
                skipWhitespace();
                if (atEnd()) {
                    failEnd();
                    return finish();
                }
                const bool isArray = top.value.isArray();
                const char s = *m_p;
                if (s == (isArray ? ']' : '}')) {
                    ++m_p;
                    v = closeTop();
                    continue; // attach the closed container to its parent
                }
                if (s != ',') {
                    fail(isArray ? "expected ',' or ']' after array element"
                                 : "expected ',' or '}' after object member");
                    return finish();
                }
                ++m_p;
                if (isArray)
                    break; // read the next element
                skipWhitespace();
                if (!atEnd() && *m_p == '}') {
                    fail("expected a key after ',' (JSON does not allow a trailing comma)");
                    return finish();
                }
            }
            // Read an object key and its ':'.
            completed = true;
            skipWhitespace();
            if (atEnd()) {
                failEnd();
                return finish();
            }
            if (*m_p != '"') {
                fail("expected a member name in double quotes, found " + describeHere());
                return finish();
            }
            Frame& top = m_stack.back();
            top.keyLine = m_line;
            top.keyColumn = column(m_p);
            if (!parseString(top.key))
                return finish();
            skipWhitespace();
            if (atEnd()) {
                failEnd();
                return finish();
            }
            if (*m_p != ':') {
                fail("expected ':' after the member name \"" + top.key + "\"");
                return finish();
            }
            ++m_p;
            break; // read the member's value
        }
    }
}

} // namespace

ParseResult parse(std::string_view text)
{
    Parser parser(text);
    return parser.run();
}

ParseResult parseShallow(std::string_view text)
{
    Parser parser(text);
    parser.setShallow();
    return parser.run();
}

Value parseElement(std::string_view text, const DeferredElement& at)
{
    Parser parser(text);
    parser.startAt(at);
    ParseResult r = parser.run();
    return r.value ? std::move(*r.value) : Value{};
}

const DeferredArray* findDeferred(const std::vector<DeferredArray>& deferred, std::string_view key)
{
    for (const DeferredArray& d : deferred) {
        if (d.key == key)
            return &d;
    }
    return nullptr;
}

bool isValidNumberText(std::string_view t)
{
    std::size_t i = 0;
    const std::size_t n = t.size();
    if (i < n && t[i] == '-')
        ++i;
    if (i >= n || !isDigit(t[i]))
        return false;
    if (t[i] == '0') {
        ++i;
    } else {
        while (i < n && isDigit(t[i]))
            ++i;
    }
    if (i < n && t[i] == '.') {
        ++i;
        if (i >= n || !isDigit(t[i]))
            return false;
        while (i < n && isDigit(t[i]))
            ++i;
    }
    if (i < n && (t[i] == 'e' || t[i] == 'E')) {
        ++i;
        if (i < n && (t[i] == '+' || t[i] == '-'))
            ++i;
        if (i >= n || !isDigit(t[i]))
            return false;
        while (i < n && isDigit(t[i]))
            ++i;
    }
    return i == n;
}

void appendQuoted(std::string& out, std::string_view s)
{
    static const char* hex = "0123456789abcdef";
    // Nearly every string written (ids, kinds, messages) needs no escape: then it is one
    // append, found by a table look-up per byte instead of three comparisons.
    std::size_t first = 0;
    while (first < s.size() && kVerbatim[static_cast<unsigned char>(s[first])])
        ++first;
    if (first == s.size()) {
        const std::size_t at = out.size();
        out.resize(at + s.size() + 2);
        char* p = out.data() + at;
        p[0] = '"';
        if (!s.empty()) // an empty view's data() may be null, which memcpy must not get
            std::memcpy(p + 1, s.data(), s.size());
        p[s.size() + 1] = '"';
        return;
    }
    out += '"';
    std::size_t run = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        out.append(s.data() + run, i - run);
        run = i + 1;
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
            out += "\\u00";
            out += hex[c >> 4];
            out += hex[c & 0xF];
        }
    }
    out.append(s.data() + run, s.size() - run);
    out += '"';
}

std::string quoted(std::string_view s)
{
    std::string out;
    out.reserve(s.size() + 2);
    appendQuoted(out, s);
    return out;
}

Writer::Writer(Style style)
    : m_style(style)
{
}

void Writer::newline()
{
    if (m_style != Style::Pretty)
        return;
    // One append of a line break and the indent, cut from a ready string: most of a pretty
    // document's calls end up here.
    static const std::string kBreak = '\n' + std::string(64, ' ');
    const std::size_t n = 1 + 2 * m_levels.size();
    if (n <= kBreak.size()) {
        m_out.append(kBreak, 0, n);
    } else {
        m_out += '\n';
        m_out.append(n - 1, ' ');
    }
}

void Writer::beforeValue()
{
    if (m_levels.empty())
        return;
    Level& level = m_levels.back();
    if (level.object) {
        // key() already wrote the separator and the name.
        m_afterKey = false;
        return;
    }
    if (!level.empty)
        m_out += ',';
    level.empty = false;
    newline();
}

void Writer::setSink(Sink sink, std::size_t chunkBytes)
{
    m_sink = std::move(sink);
    m_chunkBytes = chunkBytes;
    if (m_sink)
        m_out.reserve(chunkBytes + chunkBytes / 4);
}

void Writer::flush()
{
    if (m_sink && !m_out.empty()) {
        m_sink(m_out);
        m_out.clear();
    }
}

Writer& Writer::beginObject()
{
    maybeFlush();
    beforeValue();
    m_out += '{';
    m_levels.push_back({true, true});
    return *this;
}

Writer& Writer::endObject()
{
    const bool empty = m_levels.empty() || m_levels.back().empty;
    if (!m_levels.empty())
        m_levels.pop_back();
    if (!empty)
        newline();
    m_out += '}';
    return *this;
}

Writer& Writer::beginArray()
{
    maybeFlush();
    beforeValue();
    m_out += '[';
    m_levels.push_back({false, true});
    return *this;
}

Writer& Writer::endArray()
{
    const bool empty = m_levels.empty() || m_levels.back().empty;
    if (!m_levels.empty())
        m_levels.pop_back();
    if (!empty)
        newline();
    m_out += ']';
    return *this;
}

Writer& Writer::key(std::string_view k)
{
    beforeMember();
    appendQuoted(m_out, k);
    m_out += m_style == Style::Pretty ? ": " : ":";
    m_afterKey = true;
    return *this;
}

void Writer::beforeMember()
{
    maybeFlush();
    if (!m_levels.empty()) {
        Level& level = m_levels.back();
        if (!level.empty)
            m_out += ',';
        level.empty = false;
        newline();
    }
}

Writer& Writer::null()
{
    beforeValue();
    m_out += "null";
    return *this;
}

Writer& Writer::boolean(bool b)
{
    beforeValue();
    m_out += b ? "true" : "false";
    return *this;
}

Writer& Writer::integer(std::int64_t n)
{
    beforeValue();
    char buf[24];
    auto r = std::to_chars(buf, buf + sizeof buf, n);
    m_out.append(buf, r.ptr);
    return *this;
}

Writer& Writer::unsignedInteger(std::uint64_t n)
{
    beforeValue();
    char buf[24];
    auto r = std::to_chars(buf, buf + sizeof buf, n);
    m_out.append(buf, r.ptr);
    return *this;
}

Writer& Writer::real(double d)
{
    if (!std::isfinite(d))
        return null();
    beforeValue();
    char buf[32];
    auto r = std::to_chars(buf, buf + sizeof buf, d);
    m_out.append(buf, r.ptr);
    return *this;
}

Writer& Writer::rawNumber(std::string_view text)
{
    beforeValue();
    m_out += text;
    return *this;
}

Writer& Writer::string(std::string_view s)
{
    beforeValue();
    appendQuoted(m_out, s);
    return *this;
}

Writer& Writer::value(const Value& v)
{
    switch (v.type) {
    case Type::Null: return null();
    case Type::Bool: return boolean(v.text == "true");
    case Type::Number: return rawNumber(v.text);
    case Type::String: return string(v.text);
    case Type::Array:
        beginArray();
        for (const Value& item : v.items)
            value(item);
        return endArray();
    case Type::Object:
        beginObject();
        for (const Member& m : v.members) {
            key(m.key);
            value(m.value);
        }
        return endObject();
    }
    return *this;
}

std::string Writer::take()
{
    std::string out = std::move(m_out);
    m_out.clear();
    m_levels.clear();
    return out;
}

std::string write(const Value& v, Style style)
{
    Writer w(style);
    w.value(v);
    return w.take();
}

} // namespace ctxscope::json
