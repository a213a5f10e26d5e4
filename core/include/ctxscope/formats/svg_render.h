#pragma once
// The context tree at one instant as an SVG picture, for slides and docs (`ctxscope-cli render`).
// It uses the same tidy layout as the GUI (tree_layout.h) and the same playback as every view,
// so the picture shows exactly what the app shows at that time. States are told apart without
// colour too: a word and a symbol on every node, and a distinct border and fill pattern each.
#include "ctxscope/engine/simulation.h"

#include <functional>
#include <string>
#include <string_view>

namespace ctxscope {

struct SvgOptions {
    Nanos at = 0;                 // the instant to draw
    bool showTasks = true;        // task chips under their context
    int maxChipsPerNode = 3;      // further tasks are summarised as "+N more"
};

// renderTreeSvg returns a complete, standalone SVG document (UTF-8).
std::string renderTreeSvg(const SimulationResult& result, const SvgOptions& options);

// writeTreeSvg hands the same document to sink in chunks of about 64 KiB as it is made.
void writeTreeSvg(const std::function<void(std::string_view)>& sink, const SimulationResult& result,
                  const SvgOptions& options);

} // namespace ctxscope
