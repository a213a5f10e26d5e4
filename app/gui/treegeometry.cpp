#include "treegeometry.h"

#include <algorithm>
#include <limits>

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

    // What may meet the clip: the nodes near it (their boxes, the drop into each, the stub under
    // each) and the parents whose bus crosses it. Found through the scene's row index, so a
    // frame costs the nodes in view, not a pass over every context (10^6 of them while playing
    // was most of a frame). Without a clip: everything visible.
    std::vector<CtxIndex> nodes, parents;
    if (clipped) {
        const double pitch = scene.rowPitch();
        scene.nodesIn(clip.adjusted(-(W + edge), -(pitch + edge), W + edge, pitch + edge), std::numeric_limits<std::size_t>::max(), nodes);
        scene.busesIn(clip.adjusted(-edge, -edge, edge, edge), parents);
        for (CtxIndex c : nodes)
            if (scene.hasBus(c))
                parents.push_back(c);
        std::sort(parents.begin(), parents.end());
        parents.erase(std::unique(parents.begin(), parents.end()), parents.end());
    } else {
        rects.reserve(static_cast<std::size_t>(L.visibleCount) * 7);
        for (CtxIndex c = 0; c < L.visible.size(); ++c) {
            if (L.visible[c])
                nodes.push_back(c);
            if (scene.hasBus(c))
                parents.push_back(c);
        }
    }

    // Edges as one bus per parent: a stub down from the parent, one horizontal bar across its
    // visible children, and a drop into each child. (A bar per child would paint the same
    // pixels hundreds of times under a wide parent.) A done node's stub and bar, and a done
    // child's drop, take the state colour, so a cascade reads as colour running down the tree.
    // Drawn in index order: drops, then each parent's stub and bar, then the boxes.
    auto isDone = [&](CtxIndex c) {
        const NodeState s = scene.state(c);
        return s == NodeState::Canceled || s == NodeState::DeadlineExceeded;
    };
    for (CtxIndex c : nodes) {
        const CtxIndex p = scene.parent(c);
        if (p == kNone || p >= L.visible.size() || !L.visible[p])
            continue;
        const float cx = L.x[c] + W / 2;
        const float mid = scene.busY(p);
        if (meets(cx - edge, mid, cx + edge, L.y[c]))
            rects.push_back({cx - edge / 2, mid - edge / 2, edge, L.y[c] - mid + edge / 2,
                             (isDone(c) ? pal.forState(scene.state(c)) : pal.edge).rgba()});
    }
    for (CtxIndex p : parents) {
        const float px = L.x[p] + W / 2, py = L.y[p] + H;
        const float busY = scene.busY(p);
        const QRgb col = (isDone(p) ? pal.forState(scene.state(p)) : pal.edge).rgba();
        const float x0 = scene.busLeft(p), x1 = scene.busRight(p);
        if (meets(px - edge, py, px + edge, busY))
            rects.push_back({px - edge / 2, py, edge, busY - py + edge / 2, col});
        if (meets(x0 - edge, busY - edge, x1 + edge, busY + edge))
            rects.push_back({x0 - edge / 2, busY - edge / 2, x1 - x0 + edge, edge, col});
    }
    // Boxes: outline (thicker when selected), fill, and a state stripe on the left.
    for (CtxIndex c : nodes) {
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
