// renderTreeSvg: the picture `ctxscope-cli render` writes.
#include "scenario_builder.h"

#include "ctxscope/svg_render.h"

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
