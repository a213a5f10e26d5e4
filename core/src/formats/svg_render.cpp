#include "ctxscope/formats/svg_render.h"

#include "ctxscope/engine/playback.h"
#include "ctxscope/layout/tree_layout.h"

#include <algorithm>
#include <cstdio>

namespace ctxscope {
namespace {

std::string xmlEscape(std::string_view s)
{
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        default: out += c;
        }
    }
    return out;
}

std::string num(double v)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

// Shortens text to about n characters so it stays inside its box.
std::string fit(const std::string& s, std::size_t n)
{
    if (s.size() <= n)
        return s;
    return s.substr(0, n - 1) + "\xE2\x80\xA6"; // …
}

// textWidth estimates how wide s is drawn in DejaVu Sans (the widest of the fonts the SVG
// names) at fontSize: about 0.62 em a character, 0.68 in bold. Used to leave room, not to align.
float textWidth(std::string_view s, float fontSize, bool bold = false)
{
    std::size_t chars = 0;
    for (unsigned char c : s)
        chars += (c & 0xC0) != 0x80; // count code points, not UTF-8 bytes
    return static_cast<float>(chars) * fontSize * (bold ? 0.68f : 0.62f);
}

std::string shortResult(const std::string& result)
{
    if (result == "context canceled")
        return "canceled";
    if (result == "context deadline exceeded")
        return "deadline exceeded";
    return result;
}

enum class Look { Alive, Canceled, Deadline, Never };

struct Style {
    const char* fill;
    const char* stroke;
    const char* dash;     // stroke-dasharray, "" for solid
    const char* word;
};

Style styleOf(Look look)
{
    switch (look) {
    case Look::Alive: return {"#eef7ee", "#2e7d32", "", "\xE2\x97\x8F alive"};                  // ●
    case Look::Canceled: return {"#fdecea", "#c62828", "", "\xE2\x9C\x95 canceled"};      // ✕
    case Look::Deadline: return {"#fff1e0", "#b85c00", "", "\xE2\x8F\xB1 deadline exceeded"}; // ⏱
    case Look::Never: return {"#f1f3f5", "#546e7a", "6 4", "\xE2\x88\x9E never canceled"};     // ∞
    }
    return {"#ffffff", "#000000", "", ""};
}

} // namespace

namespace {

// The document into s; with a sink, s is handed over every 64 KiB or so and at the end, so a
// picture of a big tree (465 MB for a chain of 10^6) never sits in memory whole.
void renderTo(const SimulationResult& r, const SvgOptions& opt, const std::function<void(std::string_view)>* sink,
              std::string& s)
{
    constexpr std::size_t kChunk = 64 * 1024;
    const auto handOver = [&](std::size_t atLeast) {
        if (sink && s.size() >= atLeast) {
            (*sink)(s);
            s.clear();
        }
    };

    Playback pb(r);
    pb.seekTime(opt.at);

    const std::size_t n = r.contexts.size();
    std::vector<std::uint32_t> parent(n, kNone);
    std::vector<std::uint8_t> flags(n, 0);
    std::vector<std::vector<TaskIndex>> chips(n);
    for (std::size_t i = 0; i < n; ++i) {
        parent[i] = r.contexts[i].parent;
        if (!pb.context(static_cast<CtxIndex>(i)).created)
            flags[i] = kLayoutExcluded;
    }
    std::size_t maxChips = 0;
    if (opt.showTasks) {
        for (TaskIndex t = 0; t < r.tasks.size(); ++t) {
            const TaskStateAt& ts = pb.task(t);
            if (ts.started && ts.context != kNone && ts.context < n)
                chips[ts.context].push_back(t);
        }
        for (const auto& c : chips)
            maxChips = std::max(maxChips, std::min<std::size_t>(c.size(), static_cast<std::size_t>(opt.maxChipsPerNode) + 1));
    }

    TreeLayoutParams params;
    params.nodeWidth = 230.0f;
    const float boxHeight = 66.0f;
    const float chipHeight = 20.0f;
    params.nodeHeight = boxHeight + static_cast<float>(maxChips) * chipHeight + (maxChips ? 6.0f : 0.0f);
    params.horizontalGap = 28.0f;
    params.verticalGap = 44.0f;
    const TreeLayout layout = layoutForest(parent, flags, params);

    const float margin = 24.0f;
    const float header = 52.0f;
    // Wide enough for the tree, the legend (one row under it) and the title, whichever is widest:
    // a chain of three nodes is narrower than the legend.
    constexpr float kLegendSwatch = 28.0f, kLegendGap = 22.0f, kLegendFont = 12.0f;
    const Look legendLooks[] = {Look::Alive, Look::Canceled, Look::Deadline, Look::Never};
    float legendWidth = 0;
    for (Look look : legendLooks)
        legendWidth += kLegendSwatch + textWidth(styleOf(look).word, kLegendFont) + kLegendGap;
    legendWidth -= kLegendGap;
    const float titleWidth = std::min(textWidth(r.scenarioName, 18.0f, true), 1600.0f);
    const float width = std::max({layout.width + 2 * margin, legendWidth + 2 * margin, titleWidth + 2 * margin, 520.0f});
    const float height = layout.height + 2 * margin + header + 40.0f;

    s.reserve(sink ? kChunk + 4096 : 4096 + n * 700);
    s += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    s += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + num(width) + "\" height=\"" + num(height) +
         "\" viewBox=\"0 0 " + num(width) + " " + num(height) + "\" font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\">\n";
    s += "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n";
    s += "<text x=\"" + num(margin) + "\" y=\"" + num(margin + 14) + "\" font-size=\"18\" font-weight=\"bold\" fill=\"#1a1a1a\">" +
         xmlEscape(r.scenarioName) + "</text>\n";
    s += "<text x=\"" + num(margin) + "\" y=\"" + num(margin + 36) + "\" font-size=\"13\" fill=\"#444\">at " +
         xmlEscape(formatDuration(opt.at)) + " of virtual time</text>\n";

    const float ox = margin + (width - 2 * margin - layout.width) / 2; // centred when the legend or title is wider
    const float oy = margin + header;
    // Edges first, so boxes sit on top.
    s += "<g stroke=\"#8a8f98\" stroke-width=\"1.5\" fill=\"none\">\n";
    for (std::size_t i = 0; i < n; ++i) {
        const std::uint32_t p = parent[i];
        if (!layout.visible[i] || p == kNone || p >= n || !layout.visible[p])
            continue;
        const float x1 = ox + layout.x[p] + params.nodeWidth / 2, y1 = oy + layout.y[p] + boxHeight;
        const float x2 = ox + layout.x[i] + params.nodeWidth / 2, y2 = oy + layout.y[i];
        const float ym = (y1 + y2) / 2 + (params.nodeHeight - boxHeight) / 2;
        const bool cut = r.contexts[i].kind == ContextKind::WithoutCancel;
        s += "  <path d=\"M" + num(x1) + " " + num(y1) + " V" + num(ym) + " H" + num(x2) + " V" + num(y2) + "\"" +
             (cut ? " stroke-dasharray=\"2 4\"" : "") + "/>\n";
        handOver(kChunk);
    }
    s += "</g>\n";

    for (std::size_t i = 0; i < n; ++i) {
        if (!layout.visible[i])
            continue;
        const ContextInfo& info = r.contexts[i];
        const ContextStateAt& st = pb.context(static_cast<CtxIndex>(i));
        Look look = Look::Alive;
        if (st.err == Err::Canceled)
            look = Look::Canceled;
        else if (st.err == Err::DeadlineExceeded)
            look = Look::Deadline;
        else if (!info.canEverBeDone)
            look = Look::Never;
        const Style sty = styleOf(look);
        const float x = ox + layout.x[i];
        const float y = oy + layout.y[i];
        const std::string rect = "x=\"" + num(x) + "\" y=\"" + num(y) + "\" width=\"" + num(params.nodeWidth) +
                                 "\" height=\"" + num(boxHeight) + "\" rx=\"7\"";
        s += "<g>\n  <rect " + rect + " fill=\"" + sty.fill + "\" stroke=\"" + sty.stroke + "\" stroke-width=\"" +
             (look == Look::Alive ? "1.5" : "2.5") + "\"" + (*sty.dash ? std::string(" stroke-dasharray=\"") + sty.dash + "\"" : "") + "/>\n";
        if (look == Look::Deadline) // a double border: readable in greyscale and print
            s += "  <rect x=\"" + num(x + 4) + "\" y=\"" + num(y + 4) + "\" width=\"" + num(params.nodeWidth - 8) +
                 "\" height=\"" + num(boxHeight - 8) + "\" rx=\"5\" fill=\"none\" stroke=\"" + sty.stroke + "\" stroke-width=\"1.2\"/>\n";
        const float tx = x + 10;
        s += "  <text x=\"" + num(tx) + "\" y=\"" + num(y + 19) + "\" font-size=\"14\" font-weight=\"bold\" fill=\"#111\">" +
             xmlEscape(fit(r.label(info), 26)) + "</text>\n";
        std::string kindLine = contextKindName(info.kind);
        if (info.hasDeadline()) {
            kindLine += " \xC2\xB7 deadline " + formatDuration(info.deadline);
            if (info.deadlineFrom != kNone && info.deadlineFrom != i)
                kindLine += " (from " + r.contexts[info.deadlineFrom].id + ")";
        }
        s += "  <text x=\"" + num(tx) + "\" y=\"" + num(y + 37) + "\" font-size=\"11.5\" fill=\"#333\">" +
             xmlEscape(fit(kindLine, 36)) + "</text>\n";
        std::string stateLine = sty.word;
        if (st.err == Err::None && info.hasDeadline() && info.deadline > opt.at)
            stateLine += " \xC2\xB7 " + formatDuration(info.deadline - opt.at) + " left";
        if (st.err != Err::None && st.cause != kNone && r.strings[st.cause] != errString(st.err))
            stateLine += ": " + r.strings[st.cause];
        else if (st.err != Err::None && st.reason == Reason::Parent && st.source != kNone)
            stateLine += " via " + r.contexts[st.source].id;
        s += "  <text x=\"" + num(tx) + "\" y=\"" + num(y + 56) + "\" font-size=\"12\" font-weight=\"bold\" fill=\"" + sty.stroke +
             "\">" + xmlEscape(fit(stateLine, 34)) + "</text>\n";

        const auto& list = chips[i];
        for (std::size_t k = 0; k < list.size() && k <= static_cast<std::size_t>(opt.maxChipsPerNode); ++k) {
            const float cy = y + boxHeight + 4 + static_cast<float>(k) * chipHeight;
            std::string text;
            if (k == static_cast<std::size_t>(opt.maxChipsPerNode)) {
                text = "+"; // (appended: GCC 12 warns, wrongly, about "+" + std::to_string() in Release)
                text += std::to_string(list.size() - k);
                text += " more tasks";
            } else {
                const TaskInfo& ti = r.tasks[list[k]];
                const TaskStateAt& ts = pb.task(list[k]);
                text = "\xE2\x96\xB6 " + ti.label + ": "; // ▶
                text += ts.ended ? shortResult(r.strings[ts.result]) : std::string("running");
            }
            s += "  <rect x=\"" + num(x + 12) + "\" y=\"" + num(cy) + "\" width=\"" + num(params.nodeWidth - 24) +
                 "\" height=\"" + num(chipHeight - 3) + "\" rx=\"8\" fill=\"#ffffff\" stroke=\"#6b7280\" stroke-width=\"1\"/>\n";
            s += "  <text x=\"" + num(x + 20) + "\" y=\"" + num(cy + 12.5f) + "\" font-size=\"10.5\" fill=\"#222\">" +
                 xmlEscape(fit(text, 40)) + "</text>\n";
        }
        s += "</g>\n";
        handOver(kChunk);
    }

    // Legend: the four states, each with its word, border and fill.
    float lx = margin;
    const float ly = height - 30;
    for (Look look : legendLooks) {
        const Style sty = styleOf(look);
        s += "<rect x=\"" + num(lx) + "\" y=\"" + num(ly) + "\" width=\"22\" height=\"14\" rx=\"3\" fill=\"" + sty.fill +
             "\" stroke=\"" + sty.stroke + "\" stroke-width=\"2\"" +
             (*sty.dash ? std::string(" stroke-dasharray=\"4 3\"") : "") + "/>\n";
        if (look == Look::Deadline)
            s += "<rect x=\"" + num(lx + 3) + "\" y=\"" + num(ly + 3) + "\" width=\"16\" height=\"8\" rx=\"2\" fill=\"none\" stroke=\"" +
                 sty.stroke + "\" stroke-width=\"1\"/>\n";
        s += "<text x=\"" + num(lx + 28) + "\" y=\"" + num(ly + 11.5f) + "\" font-size=\"12\" fill=\"#333\">" + sty.word + "</text>\n";
        lx += kLegendSwatch + textWidth(sty.word, kLegendFont) + kLegendGap;
    }
    s += "</svg>\n";
    handOver(1);
}

} // namespace

std::string renderTreeSvg(const SimulationResult& r, const SvgOptions& opt)
{
    std::string s;
    renderTo(r, opt, nullptr, s);
    return s;
}

void writeTreeSvg(const std::function<void(std::string_view)>& sink, const SimulationResult& r, const SvgOptions& opt)
{
    std::string s;
    renderTo(r, opt, &sink, s);
}

} // namespace ctxscope
