#include "treegeometry.h"

#include <algorithm>

namespace ctxscope {

QColor TreePalette::forState(NodeState s) const {
    switch (s) {
    case NodeState::NotCreated: return pending;
    case NodeState::Alive: return alive;
    case NodeState::NeverCancelable: return never;
    case NodeState::Canceled: return canceled;
    case NodeState::DeadlineExceeded: return deadline;
    case NodeState::Hidden: return border; // Predict mode: no state colour
    }
    return alive;
}

std::vector<ColoredRect> buildTreeRects(const TreeScene& scene, const TreePalette& pal, double zoom, const QRectF& clip) {
    const TreeLayout& L = scene.layout();
    const float W = static_cast<float>(scene.nodeWidth());
    const float H = static_cast<float>(scene.nodeHeight());
    const float edge = std::max(2.0f, static_cast<float>(1.2 / std::max(zoom, 1e-3)));
    const bool overview = zoom < 0.35; // no labels at this scale: colour whole boxes
    std::vector<ColoredRect> rects;
    const bool clipped = !clip.isEmpty();
    const float cl = static_cast<float>(clip.left()), cr = static_cast<float>(clip.right());
    const float ct = static_cast<float>(clip.top()), cb = static_cast<float>(clip.bottom());
    auto meets = [&](float x0, float y0, float x1, float y1) {
        return !clipped || (x1 >= cl && x0 <= cr && y1 >= ct && y0 <= cb);
    };
    if (!clipped)
        rects.reserve(static_cast<std::size_t>(L.visibleCount) * 7);

    // Edges as one bus per parent: a stub down from the parent, one horizontal bar across its
    // visible children, and a drop into each child. (A bar per child would paint the same
    // pixels hundreds of times under a wide parent.) A done node's stub and bar, and a done
    // child's drop, take the state colour, so a cascade reads as colour running down the tree.
    auto isDone = [&](CtxIndex c) {
        const NodeState s = scene.state(c);
        return s == NodeState::Canceled || s == NodeState::DeadlineExceeded;
    };
    const float busBelow = H + (static_cast<float>(scene.rowPitch()) - H) / 2; // bus y under a node's top
    std::vector<float> busMin(L.visible.size(), 0.0f), busMax(L.visible.size(), 0.0f);
    std::vector<std::uint8_t> hasBus(L.visible.size(), 0);
    for (CtxIndex c = 0; c < L.visible.size(); ++c) {
        const CtxIndex p = scene.parent(c);
        if (!L.visible[c] || p == kNone || p >= L.visible.size() || !L.visible[p])
            continue;
        const float cx = L.x[c] + W / 2;
        busMin[p] = hasBus[p] ? std::min(busMin[p], cx) : cx;
        busMax[p] = hasBus[p] ? std::max(busMax[p], cx) : cx;
        hasBus[p] = 1;
        const float mid = L.y[p] + busBelow;
        if (meets(cx - edge, mid, cx + edge, L.y[c]))
            rects.push_back({cx - edge / 2, mid - edge / 2, edge, L.y[c] - mid + edge / 2,
                             (isDone(c) ? pal.forState(scene.state(c)) : pal.edge).rgba()});
    }
    for (CtxIndex p = 0; p < L.visible.size(); ++p) {
        if (!hasBus[p])
            continue;
        const float px = L.x[p] + W / 2, py = L.y[p] + H;
        const float busY = L.y[p] + busBelow;
        const QRgb col = (isDone(p) ? pal.forState(scene.state(p)) : pal.edge).rgba();
        const float x0 = std::min(px, busMin[p]), x1 = std::max(px, busMax[p]);
        if (meets(px - edge, py, px + edge, busY))
            rects.push_back({px - edge / 2, py, edge, busY - py + edge / 2, col});
        if (meets(x0 - edge, busY - edge, x1 + edge, busY + edge))
            rects.push_back({x0 - edge / 2, busY - edge / 2, x1 - x0 + edge, edge, col});
    }
    // Boxes: outline (thicker when selected), fill, and a state stripe on the left.
    for (CtxIndex c = 0; c < L.visible.size(); ++c) {
        if (!L.visible[c])
            continue;
        const float x = L.x[c], y = L.y[c];
        if (!meets(x - 3, y - 3, x + W + 3, y + H + 9))
            continue;
        const NodeState s = scene.state(c);
        QColor stripe = pal.forState(s);
        QColor fill = overview ? stripe : pal.box;
        QColor border = pal.border;
        if (s == NodeState::NotCreated) {
            fill.setAlphaF(0.55f);
            border.setAlphaF(0.55f);
        }
        if (c == scene.selectedIndex()) {
            rects.push_back({x - 3, y - 3, W + 6, H + 6, pal.selected.rgba()});
        } else {
            rects.push_back({x - 1, y - 1, W + 2, H + 2, border.rgba()});
        }
        rects.push_back({x, y, W, H, fill.rgba()});
        rects.push_back({x, y, 6, H, stripe.rgba()});
        if (scene.isCollapsedIndex(c) && L.childCount[c] > 0) {
            // A collapsed subtree shows as a stack of cards behind the node.
            rects.push_back({x + 6, y + H + 1, W - 12, 3, border.rgba()});
            rects.push_back({x + 12, y + H + 5, W - 24, 3, border.rgba()});
        }
    }
    return rects;
}

} // namespace ctxscope
