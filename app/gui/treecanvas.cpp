#include "treecanvas.h"

#include "colorrectnodes.h"

#include <QPainter>
#include <QQuickWindow>
#include <QSGFlatColorMaterial>
#include <QSGGeometryNode>
#include <QSGImageNode>
#include <QSGRendererInterface>
#include <QSGTexture>
#include <QSGVertexColorMaterial>

#include <algorithm>
#include <cmath>

namespace ctxscope {

TreeCanvas::TreeCanvas(QQuickItem* parent) : QQuickItem(parent) {
    setFlag(ItemHasContents, true);
}

void TreeCanvas::setScene(TreeScene* scene) {
    if (scene == m_scene)
        return;
    if (m_scene)
        disconnect(m_scene, nullptr, this, nullptr);
    m_scene = scene;
    if (m_scene) {
        connect(m_scene, &TreeScene::layoutChanged, this, &TreeCanvas::markDirty);
        connect(m_scene, &TreeScene::selectionChanged, this, &TreeCanvas::markDirty);
        connect(m_scene, &TreeScene::statesChanged, this, [this] {
            // Only a change of some node's state needs new colours, not every playhead tick.
            if (m_scene->stateVersion() != m_drawnStateVersion)
                markDirty();
        });
    }
    markDirty();
    Q_EMIT sceneChanged();
}

void TreeCanvas::setViewport(const QRectF& r) {
    if (r == m_viewport)
        return;
    m_viewport = r;
    // The software image covers the viewport only; the geometry covers a margin around it, so
    // panning rebuilds it only when the view leaves that margin.
    if (m_software || !m_covered.contains(r))
        markDirty();
    Q_EMIT viewportChanged();
}

void TreeCanvas::setZoom(double zoom) {
    if (zoom == m_zoom || zoom <= 0)
        return;
    m_zoom = zoom;
    const double lod = std::exp2(std::floor(std::log2(zoom)));
    if (lod != m_lodZoom) {
        m_lodZoom = lod;
        markDirty();
    }
    Q_EMIT zoomChanged();
}

void TreeCanvas::setColors(const ScenePalette& colors) {
    if (m_colors == colors)
        return;
    m_colors = colors;
    markDirty();
    Q_EMIT colorsChanged();
}

void TreeCanvas::markDirty() {
    m_dirty = true;
    update();
}

void TreeCanvas::geometryChange(const QRectF& newGeometry, const QRectF& oldGeometry) {
    QQuickItem::geometryChange(newGeometry, oldGeometry);
    markDirty();
}

TreePalette TreeCanvas::palette() const {
    TreePalette p;
    p.box = m_colors.box;
    p.border = m_colors.border;
    p.edge = m_colors.edge;
    p.selected = m_colors.selected;
    p.alive = m_colors.alive;
    p.never = m_colors.never;
    p.canceled = m_colors.canceled;
    p.deadline = m_colors.deadline;
    p.pending = m_colors.pending;
    return p;
}

QSGNode* TreeCanvas::updatePaintNode(QSGNode* old, UpdatePaintNodeData*) {
    const bool software = window() && window()->rendererInterface()->graphicsApi() == QSGRendererInterface::Software;
    if (!m_dirty && old && software == m_software)
        return old;
    m_dirty = false;
    m_software = software;
    delete old;
    if (!m_scene)
        return nullptr;
    m_drawnStateVersion = m_scene->stateVersion();
    m_covered = m_viewport.isEmpty() ? QRectF()
                                     : m_viewport.adjusted(-m_viewport.width(), -m_viewport.height(),
                                                           m_viewport.width(), m_viewport.height());
    // The software image shows the viewport only, so only what meets it is listed.
    const std::vector<ColoredRect> rects = buildTreeRects(*m_scene, palette(), m_lodZoom, software ? m_viewport : m_covered);
    QSGNode* node = software ? buildImageNode(rects) : buildGeometryNodes(rects);
    QMetaObject::invokeMethod(this, &TreeCanvas::renderedFrame, Qt::QueuedConnection);
    return node;
}

QSGNode* TreeCanvas::buildGeometryNodes(const std::vector<ColoredRect>& rects) {
    return buildColorRectNodes(rects, &m_chunks);
}

namespace {

void paintRects(QPainter& painter, const std::vector<ColoredRect>& rects, const QRectF& clip) {
    for (const ColoredRect& r : rects) {
        const QRectF rect(r.x, r.y, r.w, r.h);
        if (rect.intersects(clip))
            painter.fillRect(rect, QColor::fromRgba(r.rgba));
    }
}

} // namespace

QSGNode* TreeCanvas::buildImageNode(const std::vector<ColoredRect>& rects) {
    m_chunks = 0;
    QRectF area = m_viewport.isEmpty() ? boundingRect() : m_viewport.intersected(boundingRect().adjusted(-4, -4, 4, 4));
    if (area.isEmpty() || !window())
        return nullptr;
    // Scale the image to the pixels it covers on screen (the item may be zoomed), capped so that
    // a zoomed-out view of a huge tree cannot ask for a gigantic image.
    const QRectF onScreen = mapRectToScene(area);
    qreal scale = std::max(onScreen.width() / area.width(), onScreen.height() / area.height());
    scale *= window()->effectiveDevicePixelRatio();
    const qreal maxSide = 4096;
    scale = std::min({scale, maxSide / area.width(), maxSide / area.height()});
    QImage image(QSize(std::max(1, qCeil(area.width() * scale)), std::max(1, qCeil(area.height() * scale))),
                 QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    {
        QPainter painter(&image);
        painter.scale(scale, scale);
        painter.translate(-area.topLeft());
        paintRects(painter, rects, area);
    }
    QSGImageNode* node = window()->createImageNode();
    node->setTexture(window()->createTextureFromImage(image));
    node->setOwnsTexture(true);
    node->setRect(area);
    node->setFiltering(QSGTexture::Linear);
    return node;
}

QColor TreeCanvas::pixelColorAt(double x, double y) const {
    if (!m_scene)
        return {};
    QImage image(1, 1, QImage::Format_ARGB32);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.translate(-x, -y);
    paintRects(painter, buildTreeRects(*m_scene, palette()), QRectF(x - 1, y - 1, 2, 2));
    painter.end();
    return image.pixelColor(0, 0);
}

} // namespace ctxscope
