// Tools for writing gofmt-clean Go source (see go_writer.h).
#include "go_writer.h"

#include <cerrno>
#include <cstdio>
#include <cstdlib>

namespace ctxscope::gox {

void CodeWriter::line(std::string_view text)
{
    if (!text.empty())
        m_out.append(static_cast<std::size_t>(m_depth), '\t');
    m_out += text;
    m_out += '\n';
    ++m_lines;
}

void CodeWriter::caseLine(std::string_view text)
{
    --m_depth;
    line(text);
    ++m_depth;
}

NamePool::NamePool()
{
    // Go keywords, predeclared identifiers, the imported packages and every name the fixed
    // parts of the program use (tracer, test harness, task-local variables).
    static const char* const reserved[] = {
        "break", "case", "chan", "const", "continue", "default", "defer", "else", "fallthrough", "for", "func",
        "go", "goto", "if", "import", "interface", "map", "package", "range", "return", "select", "struct",
        "switch", "type", "var", "any", "bool", "byte", "comparable", "complex64", "complex128", "error",
        "float32", "float64", "int", "int8", "int16", "int32", "int64", "rune", "string", "uint", "uint8",
        "uint16", "uint32", "uint64", "uintptr", "true", "false", "iota", "nil", "append", "cap", "clear",
        "close", "complex", "copy", "delete", "imag", "len", "make", "max", "min", "new", "panic", "print",
        "println", "real", "recover", "context", "errors", "fmt", "io", "json", "os", "sync", "time",
        "strconv", "strings", "testing", "synctest", "main", "init", "run", "trace", "tracer", "newTracer",
        "ctxRecord", "taskRecord", "afterRecord", "lookupRecord", "causeOf", "errText", "ctx", "wg", "err",
        "i", "cancel", "stop", "r", "w", "c", "tr", "TestScenario", "wantContext", "wantTask",
        "wantAfterFunc", "wantLookup", "wantContexts", "wantTasks", "wantAfterFuncs", "wantLookups",
        "comparison", "show", "errValue", "reasonFits", "nameContext", "wantByID", "_"};
    for (const char* r : reserved)
        m_used.insert(r);
}

std::string NamePool::take(std::string_view base)
{
    std::string name = goIdentifier(base);
    if (m_used.insert(name).second)
        return name;
    for (int& n = m_next.try_emplace(name, 2).first->second;; ++n) {
        std::string candidate = name + std::to_string(n);
        if (m_used.insert(candidate).second) {
            ++n;
            return candidate;
        }
    }
}

namespace {
bool isAlnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }
char upper(char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; }
} // namespace

std::string goIdentifier(std::string_view id)
{
    std::string out;
    bool capNext = false;
    for (char c : id) {
        if (isAlnum(c) || (c == '_' && out.empty())) {
            out += capNext && !out.empty() ? upper(c) : c;
            capNext = false;
        } else {
            capNext = true; // '-', '.', '_' (and anything else) start a new word
        }
    }
    // assign/insert, not = "v" or "v" + out: GCC 12 -O2 warns (a false -Wrestrict) on those.
    if (out.empty() || out == "_")
        out.assign(1, 'v');
    if (out[0] >= '0' && out[0] <= '9')
        out.insert(out.begin(), 'v');
    return out;
}

std::string capitalised(std::string_view name)
{
    std::string out(name);
    if (!out.empty() && out[0] == '_')
        out.erase(0, 1);
    if (!out.empty())
        out[0] = upper(out[0]);
    return out;
}

std::string goQuote(std::string_view s)
{
    static const char* const hex = "0123456789abcdef";
    std::string out = "\"";
    for (unsigned char c : s) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\t': out += "\\t"; break;
        case '\r': out += "\\r"; break;
        default:
            if (c < 0x20 || c == 0x7f) {
                out += "\\x";
                out += hex[c >> 4];
                out += hex[c & 15];
            } else {
                out += static_cast<char>(c);
            }
        }
    }
    return out + "\"";
}

std::string durationExpr(Nanos d, bool compact)
{
    if (d == 0)
        return "0";
    struct Unit {
        Nanos ns;
        const char* name;
    };
    static const Unit units[] = {{kHour, "time.Hour"},          {kMinute, "time.Minute"},
                                 {kSecond, "time.Second"},      {kMillisecond, "time.Millisecond"},
                                 {kMicrosecond, "time.Microsecond"}, {1, "time.Nanosecond"}};
    for (const Unit& u : units) {
        if (d % u.ns != 0)
            continue;
        const Nanos n = d / u.ns;
        if (n == 1)
            return u.name;
        return std::to_string(n) + (compact ? "*" : " * ") + u.name;
    }
    return std::to_string(d);
}

std::string scalarExpr(const Scalar& v)
{
    switch (v.type) {
    case Scalar::Type::Null: return "nil";
    case Scalar::Type::Bool: return v.text;
    case Scalar::Type::String: return goQuote(v.text);
    case Scalar::Type::Number: {
        // Integers are Go ints; one too large for int64 becomes a float64 constant, as
        // encoding/json would read it. Other JSON numbers are valid Go float literals.
        if (v.text.find_first_of(".eE") != std::string::npos)
            return v.text;
        errno = 0;
        (void)std::strtoll(v.text.c_str(), nullptr, 10);
        return errno == ERANGE ? "float64(" + v.text + ")" : v.text;
    }
    }
    return "nil";
}

void commentBlock(CodeWriter& w, std::string_view text)
{
    std::size_t pos = 0;
    while (pos <= text.size()) {
        std::size_t nl = text.find('\n', pos);
        if (nl == std::string_view::npos)
            nl = text.size();
        std::string_view ln = text.substr(pos, nl - pos);
        while (!ln.empty() && (ln.back() == ' ' || ln.back() == '\t' || ln.back() == '\r'))
            ln.remove_suffix(1);
        w.line(ln.empty() ? std::string("//") : "// " + std::string(ln));
        pos = nl + 1;
    }
}

} // namespace ctxscope::gox
