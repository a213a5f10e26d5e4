#include "ctxscope/layout/tree_layout.h"

#include <algorithm>
#include <utility>

namespace ctxscope {
namespace {

// The left and right outline of a laid-out subtree: for each depth below the subtree's root,
// the x of its leftmost and rightmost node, relative to the root. Depth d is stored at index
// size()-1-d, so putting a new root on top is a push_back, and all values carry a shared
// offset, so shifting a whole subtree is O(1). Merging two outlines then costs the height of
// the shorter one, which keeps the whole layout O(n) (the Reingold–Tilford argument).
struct Contour {
    std::vector<float> left, right;
    float offset = 0.0f;

    std::size_t height() const { return left.size(); }
    float l(std::size_t d) const { return left[left.size() - 1 - d] + offset; }
    float r(std::size_t d) const { return right[right.size() - 1 - d] + offset; }
    void setL(std::size_t d, float v) { left[left.size() - 1 - d] = v - offset; }
    void setR(std::size_t d, float v) { right[right.size() - 1 - d] = v - offset; }
};

// How far right b must move (from the origin of acc) so that no depth overlaps: at least one
// slot to the right of acc's rightmost node on every row they share.
float separation(const Contour& acc, const Contour& b) {
    const std::size_t h = std::min(acc.height(), b.height());
    float shift = -1e30f;
    for (std::size_t d = 0; d < h; ++d)
        shift = std::max(shift, acc.r(d) - b.l(d) + 1.0f);
    return shift;
}

// merge joins b, shifted right by s, onto acc; the longer outline is reused.
Contour merge(Contour acc, Contour b, float s) {
    b.offset += s;
    if (b.height() > acc.height()) {
        for (std::size_t d = 0; d < acc.height(); ++d)
            b.setL(d, acc.l(d));
        return b;
    }
    for (std::size_t d = 0; d < b.height(); ++d)
        acc.setR(d, b.r(d));
    return acc;
}

} // namespace

TreeLayout layoutForest(const std::vector<std::uint32_t>& parent,
                        const std::vector<std::uint8_t>& flags, const TreeLayoutParams& params) {
    const std::size_t n = parent.size();
    auto flag = [&](std::size_t i, std::uint8_t f) { return i < flags.size() && (flags[i] & f); };

    TreeLayout out;
    out.x.assign(n, 0.0f);
    out.y.assign(n, 0.0f);
    out.depth.assign(n, 0);
    out.visible.assign(n, 0);
    out.childCount.assign(n, 0);

    // Children lists in index order (compressed rows), built by counting.
    std::vector<std::uint32_t> start(n + 1, 0);
    for (std::size_t i = 0; i < n; ++i)
        if (parent[i] < n && parent[i] != i)
            ++start[parent[i] + 1];
    for (std::size_t i = 0; i < n; ++i) {
        out.childCount[i] = start[i + 1];
        start[i + 1] += start[i];
    }
    std::vector<std::uint32_t> children(start[n]);
    {
        std::vector<std::uint32_t> fill(start.begin(), start.end() - 1);
        for (std::size_t i = 0; i < n; ++i)
            if (parent[i] < n && parent[i] != i)
                children[fill[parent[i]]++] = static_cast<std::uint32_t>(i);
    }

    // Preorder of the visible nodes, iteratively (a million-deep chain must not recurse).
    std::vector<std::uint32_t> order;
    std::vector<std::uint32_t> roots;
    order.reserve(n);
    std::vector<std::uint32_t> stack;
    for (std::size_t r = 0; r < n; ++r) {
        if ((parent[r] < n && parent[r] != r) || flag(r, kLayoutExcluded))
            continue;
        roots.push_back(static_cast<std::uint32_t>(r));
        stack.push_back(static_cast<std::uint32_t>(r));
        while (!stack.empty()) {
            const std::uint32_t v = stack.back();
            stack.pop_back();
            out.visible[v] = 1;
            order.push_back(v);
            if (flag(v, kLayoutCollapsed))
                continue;
            for (std::uint32_t k = start[v + 1]; k > start[v]; --k) {
                const std::uint32_t c = children[k - 1];
                if (flag(c, kLayoutExcluded) || out.visible[c])
                    continue;
                out.depth[c] = out.depth[v] + 1;
                stack.push_back(c);
            }
        }
    }
    out.visibleCount = static_cast<std::uint32_t>(order.size());

    // Children before parents: place each node's visible children relative to it.
    std::vector<Contour> contour(n);
    std::vector<float> rel(n, 0.0f); // x relative to the parent, in slots
    auto visibleChild = [&](std::uint32_t c) { return out.visible[c] && out.depth[c] > 0; };
    for (std::size_t k = order.size(); k-- > 0;) {
        const std::uint32_t v = order[k];
        Contour acc;
        bool any = false;
        float first = 0.0f, last = 0.0f;
        if (!flag(v, kLayoutCollapsed)) {
            for (std::uint32_t j = start[v]; j < start[v + 1]; ++j) {
                const std::uint32_t c = children[j];
                if (!visibleChild(c) || parent[c] != v)
                    continue;
                if (!any) {
                    acc = std::move(contour[c]);
                    rel[c] = 0.0f;
                    any = true;
                    continue;
                }
                const float s = separation(acc, contour[c]);
                acc = merge(std::move(acc), std::move(contour[c]), s);
                rel[c] = s;
                last = s;
            }
        }
        if (any) {
            const float centre = (first + last) / 2.0f;
            for (std::uint32_t j = start[v]; j < start[v + 1]; ++j)
                if (visibleChild(children[j]))
                    rel[children[j]] -= centre;
            acc.offset -= centre;
        }
        acc.left.push_back(0.0f - acc.offset);
        acc.right.push_back(0.0f - acc.offset);
        contour[v] = std::move(acc);
    }

    // Roots side by side, then absolute positions top-down.
    std::vector<float> abs(n, 0.0f);
    {
        Contour acc;
        bool any = false;
        for (std::uint32_t r : roots) {
            if (!any) {
                acc = std::move(contour[r]);
                any = true;
                continue;
            }
            const float s = separation(acc, contour[r]);
            acc = merge(std::move(acc), std::move(contour[r]), s);
            abs[r] = s;
        }
    }
    float minX = 0.0f;
    std::uint32_t maxDepth = 0;
    bool firstVisible = true;
    for (std::uint32_t v : order) {
        if (out.depth[v] > 0)
            abs[v] = abs[parent[v]] + rel[v];
        minX = firstVisible ? abs[v] : std::min(minX, abs[v]);
        firstVisible = false;
        maxDepth = std::max(maxDepth, out.depth[v]);
    }

    const float slot = params.nodeWidth + params.horizontalGap;
    const float row = params.nodeHeight + params.verticalGap;
    float maxX = 0.0f;
    for (std::uint32_t v : order) {
        out.x[v] = (abs[v] - minX) * slot;
        out.y[v] = static_cast<float>(out.depth[v]) * row;
        maxX = std::max(maxX, out.x[v]);
    }
    if (!order.empty()) {
        out.rows = maxDepth + 1;
        out.width = maxX + params.nodeWidth;
        out.height = static_cast<float>(maxDepth) * row + params.nodeHeight;
    }
    return out;
}

} // namespace ctxscope
