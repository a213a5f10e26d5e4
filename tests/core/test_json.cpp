#include "ctxscope/formats/json.h"

#include <catch2/catch.hpp>

#include <limits>
#include <string>

using namespace ctxscope;
using json::Style;
using json::Type;

namespace {

json::ParseError errorOf(std::string_view text)
{
    json::ParseResult r = json::parse(text);
    REQUIRE_FALSE(r.ok());
    return r.error;
}

} // namespace

TEST_CASE("json parse reads scalars, arrays and objects with their positions")
{
    json::ParseResult r = json::parse("{\n  \"a\": [1, -2.5e+3, true, null],\n  \"b\": \"x\\u00e9\\n\"\n}");
    REQUIRE(r.ok());
    const json::Value& root = *r.value;
    REQUIRE(root.isObject());
    REQUIRE(root.members.size() == 2);
    CHECK(root.members[0].key == "a");
    CHECK(root.members[0].line == 2);
    CHECK(root.members[0].column == 3);
    const json::Value& a = root.members[0].value;
    REQUIRE(a.isArray());
    REQUIRE(a.items.size() == 4);
    CHECK(a.line == 2);
    CHECK(a.column == 8);
    CHECK(a.items[1].text == "-2.5e+3");
    CHECK(a.items[1].column == 12);
    CHECK(a.items[2].boolValue());
    CHECK(a.items[3].isNull());
    CHECK(root.find("b")->text == "x\xC3\xA9\n");
    CHECK(root.find("c") == nullptr);
}

TEST_CASE("json parse keeps number text exactly and object keys in document order")
{
    json::ParseResult r = json::parse(R"({"z": 7.50, "a": 1E2, "m": -0})");
    REQUIRE(r.ok());
    const auto& m = r.value->members;
    REQUIRE(m.size() == 3);
    CHECK(m[0].key == "z");
    CHECK(m[0].value.text == "7.50");
    CHECK(m[1].key == "a");
    CHECK(m[1].value.text == "1E2");
    CHECK(m[2].value.text == "-0");
}

TEST_CASE("json columns count characters, not bytes")
{
    json::ParseResult r = json::parse("[\"\xC3\xA9\xE2\x82\xAC\", x]");
    REQUIRE_FALSE(r.ok());
    CHECK(r.error.line == 1);
    CHECK(r.error.column == 8); // [ " é € " , space x
}

TEST_CASE("json parse decodes surrogate pairs and rejects lone surrogates")
{
    json::ParseResult r = json::parse(R"("\ud83d\ude00")");
    REQUIRE(r.ok());
    CHECK(r.value->text == "\xF0\x9F\x98\x80");
    CHECK(errorOf(R"("\ud83d")").message == "invalid \\u escape in string: high surrogate not followed by a low surrogate");
    CHECK(errorOf(R"("\ude00")").message == "invalid \\u escape in string: low surrogate without a high surrogate before it");
}

TEST_CASE("json parse reports the first syntax error with line, column and a clear message")
{
    struct Case {
        const char* text;
        const char* message;
        int line;
        int column;
    };
    const Case cases[] = {
        {"", "unexpected end of input: the document is empty", 1, 1},
        {"  \n\t ", "unexpected end of input: the document holds only whitespace", 2, 3},
        {"[1, 2", "unexpected end of input: the document stops inside an array", 1, 6},
        {"{\"a\": 1", "unexpected end of input: the document stops inside an object", 1, 8},
        {"[1 2]", "expected ',' or ']' after array element", 1, 4},
        {"{\"a\": 1 \"b\": 2}", "expected ',' or '}' after object member", 1, 9},
        {"{\"a\" 1}", "expected ':' after the member name \"a\"", 1, 6},
        {"{a: 1}", "expected a member name in double quotes, found 'a'", 1, 2},
        {"[1,]", "expected a value after ',' (JSON does not allow a trailing comma)", 1, 4},
        {"{\"a\": 1,}", "expected a key after ',' (JSON does not allow a trailing comma)", 1, 9},
        {"['x']", "expected a value, found ''' (JSON strings use double quotes)", 1, 2},
        {"[01]", "invalid number: a number cannot have a leading zero", 1, 3},
        {"[1.]", "invalid number: expected a digit after the decimal point", 1, 4},
        {"[1e+]", "invalid number: expected a digit in the exponent", 1, 5},
        {"[-]", "invalid number: expected a digit after '-'", 1, 3},
        {"[tru]", "invalid literal: expected true, false or null", 1, 2},
        {"[nullx]", "invalid literal: expected true, false or null", 1, 6},
        {"[NaN]", "expected a value, found 'N'", 1, 2},
        {"{} {}", "unexpected text after the end of the JSON document: '{'", 1, 4},
        {"\"abc", "unexpected end of input: the document stops inside a string", 1, 5},
        {"\"a\nb\"", "string not closed before the end of the line (a newline inside a string must be written \\n)", 1, 3},
        {"\"a\x01\"", "control character U+0001 in string: escape it", 1, 3},
        {"\"\\x\"", "invalid escape '\\x' in string: use one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX", 1, 2},
        {"\"\\u12G4\"", "invalid \\u escape in string: expected four hex digits after \\u", 1, 2},
        {"\"\xC3\x28\"", "invalid UTF-8 byte sequence in string", 1, 2},
        {"\"\xED\xA0\x80\"", "invalid UTF-8 byte sequence in string", 1, 2}, // encoded surrogate
        {"\"\xC0\xAF\"", "invalid UTF-8 byte sequence in string", 1, 2},     // overlong
        {"\xFF", "expected a value, found byte 0xFF", 1, 1},
        {"{\"a\": 1, \"a\": 2}", "duplicate key \"a\" in object (first defined at line 1, column 2)", 1, 10},
    };
    for (const Case& c : cases) {
        INFO("input: " << c.text);
        json::ParseError e = errorOf(c.text);
        CHECK(e.message == c.message);
        CHECK(e.line == c.line);
        CHECK(e.column == c.column);
    }
}

TEST_CASE("json parse finds duplicate keys in large objects too")
{
    std::string text = "{";
    for (int i = 0; i < 100; ++i)
        text += "\"k" + std::to_string(i) + "\": " + std::to_string(i) + ",";
    text += "\"k42\": 0}";
    CHECK(errorOf(text).message.rfind("duplicate key \"k42\"", 0) == 0);
}

TEST_CASE("json parse ignores a leading byte order mark")
{
    json::ParseResult r = json::parse("\xEF\xBB\xBF{\"a\": x}");
    REQUIRE_FALSE(r.ok());
    CHECK(r.error.column == 7);
    CHECK(json::parse("\xEF\xBB\xBF[1]").ok());
}

TEST_CASE("json nesting up to 512 levels is read and deeper nesting is an error, not a crash")
{
    std::string ok = std::string(512, '[') + std::string(512, ']');
    CHECK(json::parse(ok).ok());
    std::string deep = std::string(513, '[') + std::string(513, ']');
    json::ParseError e = errorOf(deep);
    CHECK(e.message == "nesting deeper than 512 levels");
    CHECK(e.column == 513);
    // Far deeper, unbalanced, and objects: still an error at the limit, never a stack overflow.
    std::string huge;
    for (int i = 0; i < 100000; ++i)
        huge += "{\"a\":";
    CHECK(errorOf(huge).message == "nesting deeper than 512 levels");
}

TEST_CASE("json parse refuses documents larger than 64 MiB")
{
    std::string big(json::kMaxDocumentBytes + 1, ' ');
    CHECK(errorOf(big).message == "the document is larger than 64 MiB");
}

TEST_CASE("json writer escapes strings as RFC 8259 requires and keeps UTF-8 as is")
{
    CHECK(json::quoted("plain") == "\"plain\"");
    CHECK(json::quoted("a\"b\\c") == R"("a\"b\\c")");
    CHECK(json::quoted("\b\f\n\r\t") == R"("\b\f\n\r\t")");
    CHECK(json::quoted(std::string("\x01\x1f\0", 3)) == R"("\u0001\u001f\u0000")");
    CHECK(json::quoted("\xC2\xB5s \xE2\x82\xAC") == "\"\xC2\xB5s \xE2\x82\xAC\"");
    CHECK(json::quoted("/") == "\"/\"");
}

TEST_CASE("json writer pretty style indents by two spaces with keys in caller order")
{
    json::Writer w;
    w.beginObject();
    w.key("b").integer(-3);
    w.key("a").beginArray().string("x").boolean(false).null().endArray();
    w.key("e").beginArray().endArray();
    w.key("o").beginObject().endObject();
    w.key("n").rawNumber("7.50");
    w.endObject();
    CHECK(w.text() == "{\n"
                      "  \"b\": -3,\n"
                      "  \"a\": [\n"
                      "    \"x\",\n"
                      "    false,\n"
                      "    null\n"
                      "  ],\n"
                      "  \"e\": [],\n"
                      "  \"o\": {},\n"
                      "  \"n\": 7.50\n"
                      "}");
}

TEST_CASE("json writer compact style is one line without spaces")
{
    json::Writer w(Style::Compact);
    w.beginObject().key("t_ns").integer(0).key("ev").string("end").key("l").beginArray().integer(1).real(0.5).endArray();
    w.endObject();
    CHECK(w.text() == R"({"t_ns":0,"ev":"end","l":[1,0.5]})");
    json::Writer n(Style::Compact);
    n.beginArray().real(std::numeric_limits<double>::infinity()).unsignedInteger(18446744073709551615ull).endArray();
    CHECK(n.text() == "[null,18446744073709551615]");
}

TEST_CASE("json write of a parsed document parses back to the same document")
{
    const std::string text =
        R"({"s": "\u00e9\t\"q\"", "n": [0, -1.5e-7, 12345678901234567890], "o": {"k": {"deep": [[], {}]}}, "b": true})";
    json::ParseResult first = json::parse(text);
    REQUIRE(first.ok());
    for (Style style : {Style::Pretty, Style::Compact}) {
        const std::string out = json::write(*first.value, style);
        json::ParseResult again = json::parse(out);
        REQUIRE(again.ok());
        CHECK(json::write(*again.value, Style::Compact) == json::write(*first.value, Style::Compact));
        CHECK(json::write(*again.value, style) == out);
    }
    CHECK(json::write(*first.value, Style::Compact) ==
          R"({"s":"é\t\"q\"","n":[0,-1.5e-7,12345678901234567890],"o":{"k":{"deep":[[],{}]}},"b":true})");
}

TEST_CASE("json number text validation follows the RFC grammar")
{
    for (const char* good : {"0", "-0", "1", "-12", "1.5", "1e5", "1E+5", "1.25e-10"})
        CHECK(json::isValidNumberText(good));
    for (const char* bad : {"", "-", "01", "1.", ".5", "+1", "1e", "1e+", "NaN", "Infinity", "0x10", "1 "})
        CHECK_FALSE(json::isValidNumberText(bad));
}

TEST_CASE("json DOM builders make values the writer renders")
{
    json::Value o = json::Value::object();
    o.add("id", json::Value::string("req"));
    json::Value& list = o.add("xs", json::Value::array());
    list.push(json::Value::integer(-5));
    list.push(json::Value::boolean(true));
    CHECK(json::write(o, Style::Compact) == R"({"id":"req","xs":[-5,true]})");
    CHECK(std::string(json::typeName(Type::Object)) == "object");
}

namespace {
// samePositions: a and b are the same value with the same line and column everywhere.
bool samePositions(const ctxscope::json::Value& a, const ctxscope::json::Value& b)
{
    if (a.type != b.type || a.text != b.text || a.line != b.line || a.column != b.column ||
        a.items.size() != b.items.size() || a.members.size() != b.members.size())
        return false;
    for (std::size_t i = 0; i < a.items.size(); ++i)
        if (!samePositions(a.items[i], b.items[i]))
            return false;
    for (std::size_t i = 0; i < a.members.size(); ++i) {
        const auto& ma = a.members[i];
        const auto& mb = b.members[i];
        if (ma.key != mb.key || ma.line != mb.line || ma.column != mb.column || !samePositions(ma.value, mb.value))
            return false;
    }
    return true;
}
} // namespace

TEST_CASE("parseShallow leaves the root's arrays in the text, and parseElement reads each as parse does", "[json]")
{
    using namespace ctxscope::json;
    const std::string text = "\xEF\xBB\xBF{\"n\": \"\xC3\xA9t\xC3\xA9\", \"a\": [1, \"x\xC3\xA9\", {\"k\": [true, null]},\n"
                             "  [2, {\"z\": -1.5e3}], {}],  \"o\": {\"b\": [3]}, \"e\": [], \"s\":\n[ \"\xE2\x82\xAC\",\n{\"y\": 1}\n]}";
    const ParseResult full = parse(text);
    const ParseResult shallow = parseShallow(text);
    REQUIRE(full.ok());
    REQUIRE(shallow.ok());
    REQUIRE(shallow.deferred.size() == 3); // "a", "e" and "s"; "o"'s array is not the root's
    CHECK(findDeferred(shallow.deferred, "o") == nullptr);
    for (const Member& m : full.value->members) {
        const Value* kept = shallow.value->find(m.key);
        REQUIRE(kept);
        CHECK(kept->line == m.value.line);
        CHECK(kept->column == m.value.column);
        const DeferredArray* d = findDeferred(shallow.deferred, m.key);
        if (!m.value.isArray()) {
            CHECK(d == nullptr);
            CHECK(samePositions(*kept, m.value));
            continue;
        }
        REQUIRE(d);
        CHECK(kept->items.empty());
        REQUIRE(d->elements.size() == m.value.items.size());
        for (std::size_t i = 0; i < d->elements.size(); ++i)
            CHECK(samePositions(parseElement(text, d->elements[i]), m.value.items[i]));
    }
    // Errors are parse's, position and all, also inside a root array's element, also next to
    // or inside elements that parseShallow skips without building anything (objects of plain
    // strings).
    for (const char* bad : {"{\"a\": [1, {\"k\": tru}]}", "{\"a\": [{\"x\": 1, \"x\": 2}]}", "{\"a\": [1,]}", "[[1,]]",
                            "{\"a\": [{\"x\": \"1\", \"x\": \"2\"}]}", "{\"a\": [{\"x\": \"1\", \"y\": \"2\",}]}",
                            "{\"a\": [{\"x\": \"1\" \"y\": \"2\"}]}", "{\"a\": [{\"x\": \"1\"}, {\"x\": \"\u00e9\", \"x\": \"2\"}]}",
                            "{\"a\": [{\"x\": \"1\"},\n {\"x\": \"\xC3\xA9\", \"y\": \"2\x01\"}]}",
                            "{\"a\": [\n{\"k\": \"v\",\n \"k2\": \"v\"}, {\"k\": tru}]}",
                            "{\"\xC3\xA9\": 1, \"a\": [{\"x\": \"1\"}, {\"y\": x}]}",
                            "{\"\xC3\xA9\": 1, \"a\": [{\"x\":\n\"1\"}, {\"y\": x}]}",
                            "{\"a\": [{\"x\": \"1\"}, {\"x\": \"1\"}, {\"x\": \"unterminated}]}",
                            "{\"a\": [{\"x\": \"1\"}], \"a\": []}",
                            "{\"a\": [{\"k0\": \"\", \"k1\": \"\", \"k2\": \"\", \"k3\": \"\", \"k4\": \"\", \"k5\": \"\", "
                            "\"k6\": \"\", \"k7\": \"\", \"k8\": \"\", \"k9\": \"\", \"ka\": \"\", \"kb\": \"\", \"kc\": \"\", "
                            "\"kd\": \"\", \"ke\": \"\", \"kf\": \"\", \"kg\": \"\", \"k3\": \"\"}]}",
                            "{\"a\": [{}, {\"x\": \"1\"}, {\"x\": {\"y\": \"1\", \"y\": \"2\"}}]}"}) {
        const ParseResult f = parse(bad);
        const ParseResult s = parseShallow(bad);
        REQUIRE_FALSE(f.ok());
        REQUIRE_FALSE(s.ok());
        CHECK(s.error.message == f.error.message);
        CHECK(s.error.line == f.error.line);
        CHECK(s.error.column == f.error.column);
        CHECK(s.error.offset == f.error.offset);
    }
}

TEST_CASE("parseShallow skips plain elements with the positions of everything after them right", "[json]")
{
    using namespace ctxscope::json;
    // Objects of plain strings (which parseShallow skips without building them) across lines,
    // after a line with non-ASCII text, next to elements it builds, and an empty object.
    const std::string text = "{\"\xC3\xA9\": \"\xC3\xA9\", \"a\": [{\"id\": \"c0\", \"kind\": \"Background\"}, {},\n"
                             "  {\"id\":\n\"c1\" ,\r\n\t\"kind\" : \"WithCancel\"} , {\"n\": 1}, {\"s\": \"x\\n\"},\n"
                             "{\"id\": \"c2\"}], \"b\": [{\"k\": \"v\"}], \"z\":\n  {\"w\": [1]}}";
    const ParseResult full = parse(text);
    const ParseResult shallow = parseShallow(text);
    REQUIRE(full.ok());
    REQUIRE(shallow.ok());
    for (const char* key : {"a", "b"}) {
        const DeferredArray* d = findDeferred(shallow.deferred, key);
        REQUIRE(d);
        const Value* list = full.value->find(key);
        REQUIRE(d->elements.size() == list->items.size());
        for (std::size_t i = 0; i < d->elements.size(); ++i)
            CHECK(samePositions(parseElement(text, d->elements[i]), list->items[i]));
    }
    CHECK(samePositions(*shallow.value->find("z"), *full.value->find("z")));
}

TEST_CASE("json writer raw text goes between top-level values, and into the sink in order")
{
    std::string pieces;
    json::Writer w(json::Style::Compact);
    w.setSink([&](std::string_view chunk) { pieces += chunk; }, 8);
    for (int i = 0; i < 5; ++i) {
        w.beginObject().key("n").integer(i).endObject();
        w.raw("\n");
    }
    w.flush();
    CHECK(pieces == "{\"n\":0}\n{\"n\":1}\n{\"n\":2}\n{\"n\":3}\n{\"n\":4}\n");
}

TEST_CASE("json writer writes an empty string from a default string_view (null data) as \"\"")
{
    json::Writer w(json::Style::Compact);
    w.beginArray().string(std::string_view{}).string("").endArray();
    CHECK(w.text() == "[\"\",\"\"]");
}
