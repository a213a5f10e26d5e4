// renderTreeSvg: the picture `ctxscope-cli render` writes.
#include "scenario_builder.h"

#include "ctxscope/formats/svg_render.h"

using namespace ctxscope;
using namespace ctxscope::test;
using K = ContextKind;

namespace {
std::size_t count(const std::string& s, const std::string& what)
{
    std::size_t n = 0;
    for (auto p = s.find(what); p != std::string::npos; p = s.find(what, p + 1))
        ++n;
    return n;
}
} // namespace

TEST_CASE("The SVG shows each state in words at the requested time", "[svg]")
{
    auto s = scenario({ctx("root", K::Background), ctx("req", K::WithCancel, "root"),
                       timeoutCtx("db", "req", ms(50)), ctx("later", K::WithCancel, "req", ms(100))});
    s.actions.push_back(cancelAt(ms(80), "req"));
    const SimulationResult r = simulate(s);

    SECTION("before anything happens")
    {
        const std::string svg = renderTreeSvg(r, SvgOptions{ms(10)});
        CHECK(svg.rfind("<?xml", 0) == 0);
        CHECK(svg.find("at 10ms of virtual time") != std::string::npos);
        CHECK(count(svg, "alive</text>") == 1 + 1);        // req (+ the legend); db shows its countdown
        CHECK(svg.find(">later<") == std::string::npos);   // not created yet
        CHECK(svg.find("40ms left") != std::string::npos); // countdown to db's deadline
    }
    SECTION("after the deadline and the cancel")
    {
        const std::string svg = renderTreeSvg(r, SvgOptions{ms(120)});
        CHECK(svg.find(">later<") != std::string::npos);
        CHECK(count(svg, "deadline exceeded</text>") == 1 + 1); // db (+ legend)
        CHECK(svg.find("canceled via req") != std::string::npos); // later, born under a canceled parent
        CHECK(count(svg, "<g") == count(svg, "</g>"));
    }
}

TEST_CASE("SVG text is escaped", "[svg]")
{
    auto s = scenario({ctx("root", K::Background)});
    s.name = "a <b> & \"c\"";
    s.contexts[0].label = "<root>";
    const std::string svg = renderTreeSvg(simulate(s), SvgOptions{});
    CHECK(svg.find("a &lt;b&gt; &amp; &quot;c&quot;") != std::string::npos);
    CHECK(svg.find("&lt;root&gt;") != std::string::npos);
    CHECK(svg.find("<root>") == std::string::npos);
}

TEST_CASE("The SVG legend and title fit the picture of a small tree", "[svg]")
{
    // Issue #12: the legend of a three-node chain began at x=502 in a 520-wide picture.
    auto s = scenario({ctx("root", K::Background), ctx("req", K::WithCancel, "root"), timeoutCtx("db", "req", ms(50))});
    s.name = "A chain of three contexts, under a title longer than the tree is wide";
    const std::string svg = renderTreeSvg(simulate(s), SvgOptions{});
    const auto attr = [&](std::size_t from, const std::string& name) {
        const std::size_t p = svg.find(name + "=\"", from);
        REQUIRE(p != std::string::npos);
        return std::stod(svg.substr(p + name.size() + 2));
    };
    const double width = attr(0, "width");
    // Each legend word, and the title, ends inside the picture (0.62 em a character at 12px,
    // 0.68 em in bold at 18px: DejaVu Sans, the widest font the picture asks for).
    for (const std::string word : {"alive", "canceled", "deadline exceeded", "never canceled"}) {
        const std::size_t end = svg.rfind(word + "</text>");
        REQUIRE(end != std::string::npos);
        const std::size_t text = svg.rfind("<text ", end);
        const double chars = static_cast<double>(word.size()) + 2; // and its glyph: "∞ never canceled"
        CHECK(attr(text, "x") + chars * 12 * 0.62 <= width - 8);
    }
    const std::size_t title = svg.find("<text ");
    CHECK(attr(title, "x") + static_cast<double>(s.name.size()) * 18 * 0.68 <= width - 8);
}

TEST_CASE("The SVG streamed in chunks is the same picture as the string, at any instant", "[svg]")
{
    std::vector<ContextSpec> cs{ctx("root", K::Background)};
    for (int i = 0; i < 400; ++i)
        cs.push_back(timeoutCtx("c" + std::to_string(i), i < 20 ? "root" : "c" + std::to_string(i / 20 - 1), ms(i + 1)));
    const SimulationResult r = simulate(scenario(cs));
    for (const Nanos at : {Nanos{0}, ms(200), ms(1000)}) {
        SvgOptions o;
        o.at = at;
        std::string pieces;
        int chunks = 0;
        writeTreeSvg([&](std::string_view chunk) { pieces += chunk; ++chunks; }, r, o);
        CHECK(pieces == renderTreeSvg(r, o));
        CHECK(chunks > 1);
    }
}
