#pragma once
// A tidy top-down layout of a forest (the context tree), in O(n) time and without recursion, so
// that a scenario of 100,000 contexts or a chain a million deep lays out in one pass.
//
// Every node gets a box of the same size. Siblings keep their index order left to right, a
// parent sits centred over its first and last visible child, and subtrees are packed as close
// as their contours allow (Reingold–Tilford): no two boxes overlap, whatever the shape.
#include <cstdint>
#include <vector>

namespace ctxscope {

struct TreeLayoutParams {
    float nodeWidth = 200.0f;
    float nodeHeight = 96.0f;
    float horizontalGap = 24.0f;  // between the boxes of neighbouring nodes on one row
    float verticalGap = 48.0f;    // between rows
};

// Per-node flags given to layoutForest.
enum TreeLayoutFlag : std::uint8_t {
    kLayoutCollapsed = 1, // the node is shown, its descendants are not
    kLayoutExcluded = 2,  // neither the node nor its descendants are shown
};

struct TreeLayout {
    std::vector<float> x;                // left edge of the node's box (0 when not visible)
    std::vector<float> y;                // top edge of the node's box
    std::vector<std::uint32_t> depth;    // row of the node (0 for a root)
    std::vector<std::uint8_t> visible;   // 0: inside a collapsed subtree, excluded or unreachable
    std::vector<std::uint32_t> childCount; // children the node has, visible or not
    std::uint32_t visibleCount = 0;
    std::uint32_t rows = 0;              // number of rows in use
    float width = 0.0f;                  // bounding box of all visible boxes, from (0, 0)
    float height = 0.0f;
};

// layoutForest lays out the forest described by parent (parent[i] is the index of node i's
// parent, or a value >= parent.size() for a root). Roots are laid out side by side in index
// order. flags may be empty or hold one TreeLayoutFlag set per node. A node whose parent chain
// forms a cycle is reported as not visible rather than looping.
TreeLayout layoutForest(const std::vector<std::uint32_t>& parent,
                        const std::vector<std::uint8_t>& flags,
                        const TreeLayoutParams& params = {});

} // namespace ctxscope
