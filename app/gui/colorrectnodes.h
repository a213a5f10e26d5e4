#pragma once
// Filled rectangles as scene-graph geometry, shared by the tree canvas and the timeline. One
// QSGGeometryNode holds at most kMaxVerticesPerNode vertices: past 65,535 the GL renderer's
// 16-bit indices stop drawing partway (STYLE.md G11), so big sets are split into chunks.
#include <QColor>
#include <QSGGeometryNode>
#include <QSGNode>
#include <QSGVertexColorMaterial>

#include <algorithm>
#include <vector>

namespace ctxscope {

inline constexpr int kMaxVerticesPerNode = 65532; // a multiple of 6 below 2^16

// buildColorRectNodes returns a parent node with one geometry child per chunk of rectangles
// (two triangles each). Rect needs float x, y, w, h and a QRgb rgba. *chunks gets the count.
template <typename Rect>
QSGNode* buildColorRectNodes(const std::vector<Rect>& rects, int* chunks)
{
    auto* root = new QSGNode;
    const std::size_t perChunk = kMaxVerticesPerNode / 6;
    *chunks = 0;
    for (std::size_t first = 0; first < rects.size(); first += perChunk) {
        const std::size_t count = std::min(perChunk, rects.size() - first);
        auto* geometry = new QSGGeometry(QSGGeometry::defaultAttributes_ColoredPoint2D(), static_cast<int>(count * 6));
        geometry->setDrawingMode(QSGGeometry::DrawTriangles);
        auto* v = geometry->vertexDataAsColoredPoint2D();
        for (std::size_t i = 0; i < count; ++i) {
            const Rect& r = rects[first + i];
            const int a = qAlpha(r.rgba); // vertex colours are premultiplied
            const auto pm = [a](int c) { return static_cast<unsigned char>(c * a / 255); };
            const unsigned char cr = pm(qRed(r.rgba)), cg = pm(qGreen(r.rgba)), cb = pm(qBlue(r.rgba));
            const auto ua = static_cast<unsigned char>(a);
            const float x0 = r.x, y0 = r.y, x1 = r.x + r.w, y1 = r.y + r.h;
            v[0].set(x0, y0, cr, cg, cb, ua);
            v[1].set(x1, y0, cr, cg, cb, ua);
            v[2].set(x0, y1, cr, cg, cb, ua);
            v[3].set(x1, y0, cr, cg, cb, ua);
            v[4].set(x1, y1, cr, cg, cb, ua);
            v[5].set(x0, y1, cr, cg, cb, ua);
            v += 6;
        }
        auto* node = new QSGGeometryNode;
        node->setGeometry(geometry);
        node->setFlag(QSGNode::OwnsGeometry);
        node->setMaterial(new QSGVertexColorMaterial);
        node->setFlag(QSGNode::OwnsMaterial);
        root->appendChildNode(node);
        ++*chunks;
    }
    return root;
}

} // namespace ctxscope
