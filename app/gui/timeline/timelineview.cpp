#include "timelineview.h"

#include "colorrectnodes.h"
#include "eventtext.h"

#include <QPainter>
#include <QQuickWindow>
#include <QSGGeometryNode>
#include <QSGImageNode>
#include <QSGRendererInterface>
#include <QSGVertexColorMaterial>

#include <algorithm>
#include <cmath>

namespace ctxscope {

using timeline::TimelineRect;

namespace {

// timelinePalette is `colors` as buildTimelineRects takes them (the wait colour keeps its own).
timeline::TimelinePalette timelinePalette(const ScenePalette& colors) {
    timeline::TimelinePalette p;
    p.alive = colors.alive.rgba();
    p.never = colors.never.rgba();
    p.canceled = colors.canceled.rgba();
    p.deadline = colors.deadline.rgba();
    p.task = colors.task.rgba();
    p.mark = colors.mark.rgba();
    p.selection = colors.highlight.rgba();
    p.stripe = colors.stripe.rgba();
    return p;
}

} // namespace

TimelineView::TimelineView(QQuickItem* parent) : QQuickItem(parent), m_palette(timelinePalette(m_colors)) {
    setFlag(ItemHasContents, true);
    setClip(true);
}

void TimelineView::setColors(const ScenePalette& colors) {
    if (m_colors == colors)
        return;
    m_colors = colors;
    m_palette = timelinePalette(colors);
    markDirty();
    Q_EMIT colorsChanged();
}

void TimelineView::setModel(TimelineModel* model) {
    if (model == m_model)
        return;
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    m_model = model;
    if (m_model)
        connect(m_model, &TimelineModel::lanesChanged, this, &TimelineView::markDirty);
    markDirty();
    Q_EMIT modelChanged();
}

void TimelineView::setViewStart(double t) {
    if (t == m_view.t0)
        return;
    m_view.t0 = t;
    markDirty();
    Q_EMIT viewChanged();
}

void TimelineView::setNsPerPixel(double v) {
    if (v == m_view.nsPerPixel || !(v > 0))
        return;
    m_view.nsPerPixel = v;
    markDirty();
    Q_EMIT viewChanged();
}

void TimelineView::setContentY(double y) {
    if (y == m_view.contentY)
        return;
    m_view.contentY = y;
    markDirty();
    Q_EMIT viewChanged();
}

void TimelineView::setLaneHeight(double h) {
    if (h == m_view.laneHeight || !(h > 0))
        return;
    m_view.laneHeight = h;
    markDirty();
    Q_EMIT viewChanged();
}

void TimelineView::setSelectedId(const QString& id) {
    if (id == m_selectedId)
        return;
    m_selectedId = id;
    markDirty();
    Q_EMIT selectedIdChanged();
}

void TimelineView::markDirty() { update(); }

void TimelineView::geometryChange(const QRectF& newGeometry, const QRectF& oldGeometry) {
    QQuickItem::geometryChange(newGeometry, oldGeometry);
    markDirty(); // vertices are in item coordinates (G11)
}

timeline::TimelineViewport TimelineView::viewport() const {
    timeline::TimelineViewport v = m_view;
    v.width = width();
    v.height = height();
    v.openEnd = m_model ? m_model->timeEndNanos() : 0;
    return v;
}

std::vector<TimelineRect> TimelineView::rects() const {
    if (!m_model || !m_model->result())
        return {};
    CtxIndex selected = kNone;
    if (!m_selectedId.isEmpty())
        selected = m_model->result()->findContext(m_selectedId.toStdString()).value_or(kNone);
    return timeline::buildTimelineRects(m_model->data(), viewport(), m_palette, selected);
}

int TimelineView::laneAt(double y) const {
    if (!m_model || y < 0 || y >= height())
        return -1;
    const int lane = static_cast<int>((y + m_view.contentY) / m_view.laneHeight);
    return lane >= 0 && lane < m_model->laneCount() ? lane : -1;
}

QSGNode* TimelineView::updatePaintNode(QSGNode* old, UpdatePaintNodeData*) {
    // Everything in view is rebuilt: what is visible is bounded by pixels, not by events.
    delete old;
    m_software = window() && window()->rendererInterface()->graphicsApi() == QSGRendererInterface::Software;
    const std::vector<TimelineRect> list = rects();
    m_rects = static_cast<int>(list.size());
    QSGNode* node = m_software ? buildImageNode(list) : buildGeometryNodes(list);
    QMetaObject::invokeMethod(this, &TimelineView::renderedFrame, Qt::QueuedConnection);
    return node;
}

QSGNode* TimelineView::buildGeometryNodes(const std::vector<TimelineRect>& list) {
    return buildColorRectNodes(list, &m_chunks);
}

namespace {

void paintRects(QPainter& painter, const std::vector<TimelineRect>& list) {
    for (const TimelineRect& r : list)
        painter.fillRect(QRectF(r.x, r.y, r.w, r.h), QColor::fromRgba(r.rgba));
}

} // namespace

QSGNode* TimelineView::buildImageNode(const std::vector<TimelineRect>& list) {
    m_chunks = 0;
    if (!window() || width() < 1 || height() < 1)
        return nullptr;
    const qreal dpr = window()->effectiveDevicePixelRatio();
    QImage image(QSize(qCeil(width() * dpr), qCeil(height() * dpr)), QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    {
        QPainter painter(&image);
        painter.scale(dpr, dpr);
        paintRects(painter, list);
    }
    QSGImageNode* node = window()->createImageNode();
    node->setTexture(window()->createTextureFromImage(image));
    node->setOwnsTexture(true);
    node->setRect(boundingRect());
    return node;
}

QColor TimelineView::pixelColorAt(double x, double y) const {
    QImage image(1, 1, QImage::Format_ARGB32);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.translate(-x, -y);
    paintRects(painter, rects());
    painter.end();
    return image.pixelColor(0, 0);
}

double TimelineView::scrubTime(double x) const {
    return snapTime(m_model && m_model->document() ? &m_model->document()->result() : nullptr, timeAt(x),
                    m_view.nsPerPixel, kSnapPixels);
}

} // namespace ctxscope
