#pragma once
// Small tools for writing gofmt-clean Go source: an indenting line writer, a pool that hands
// out unique Go identifiers, Go string literals and time.Duration expressions. Internal to the
// Go export (go_export*.cpp, go_race_probe.cpp).
#include "ctxscope/engine/duration.h"
#include "ctxscope/engine/scenario.h"

#include <map>
#include <set>
#include <string>
#include <string_view>

namespace ctxscope::gox {

// CodeWriter collects lines, indenting with tabs as gofmt does. No line ever ends in spaces.
class CodeWriter {
public:
    void line(std::string_view text = {});
    void open(std::string_view text) { line(text); ++m_depth; }   // "func f() {", "select {"
    void close(std::string_view text = "}") { --m_depth; line(text); }
    void caseLine(std::string_view text);                          // "case ...:" one level out
    int lineNumber() const { return m_lines + 1; }                 // of the next line written
    const std::string& text() const { return m_out; }
    std::string take() { return std::move(m_out); }

private:
    std::string m_out;
    int m_depth = 0;
    int m_lines = 0;
};

// NamePool hands out Go identifiers that are unique in the package: every package-level name
// and every local name the generator uses comes from one pool, so nothing shadows anything.
class NamePool {
public:
    NamePool();
    // take returns base (sanitised) or base2, base3, ... whichever is free, and reserves it.
    std::string take(std::string_view base);
    void reserve(std::string_view name) { m_used.insert(std::string(name)); }

private:
    std::set<std::string> m_used;
    std::map<std::string, int> m_next; // base -> the next number to try: n ids on one base cost O(n log n)
};

// goIdentifier turns a scenario id ("db-query", "fetch.1") into camelCase ("dbQuery",
// "fetch1"); never empty, never "_".
std::string goIdentifier(std::string_view id);
// exported capitalises the first letter: "dbQuery" -> "DbQuery" (for cancelDbQuery).
std::string capitalised(std::string_view name);

// goQuote renders a Go interpreted string literal for UTF-8 text.
std::string goQuote(std::string_view s);

// durationExpr renders d as gofmt prints it: "200 * time.Millisecond" where the expression is
// a call's only argument, "200*time.Millisecond" inside a call with several arguments
// (compact). Exact: the largest unit that divides d.
std::string durationExpr(Nanos d, bool compact);

// scalarExpr renders a WithValue value as a Go constant expression: strings quoted, integers
// as int, other numbers as float64, true/false, nil.
std::string scalarExpr(const Scalar& v);

// A comment block: each line of text prefixed with "// " (empty lines as "//").
void commentBlock(CodeWriter& w, std::string_view text);

} // namespace ctxscope::gox
