#pragma once
// TreeGeometry: the tree canvas as a flat list of axis-aligned coloured rectangles (node boxes,
// state stripes, elbow edges), built once per layout or state change. The scene-graph path turns
// them into triangle chunks; the software path (offscreen, STYLE.md G12) fills them with QPainter.
#include "treescene.h"

#include <QColor>
#include <QRectF>

#include <vector>

namespace ctxscope {

struct TreePalette {
    QColor box, border, edge, selected, text;
    QColor alive, never, canceled, deadline, pending;
    QColor forState(NodeState s) const;
};

struct ColoredRect {
    float x, y, w, h;
    QRgb rgba; // not premultiplied
};

// buildTreeRects lists every rectangle of the visible tree, edges first (drawn underneath).
// zoom is the scale the tree is shown at: zoomed far out, edges thicken to stay at least a
// pixel wide and whole boxes take their state colour, so an overview still shows the states.
// Only rectangles that meet `clip` are listed (an empty clip means everything), so the scene
// graph never holds more than the region around the viewport.
std::vector<ColoredRect> buildTreeRects(const TreeScene& scene, const TreePalette& palette, double zoom = 1.0,
                                        const QRectF& clip = {});

} // namespace ctxscope
