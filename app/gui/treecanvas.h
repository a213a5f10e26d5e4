#pragma once
// TreeCanvas: one QQuickItem that draws every node box and edge of a TreeScene with the scene
// graph, in chunks of at most 65,532 vertices (STYLE.md G11). With the software scene graph
// (offscreen, G12) it paints the part inside `viewport` into an image instead. Text, chips and
// controls are not drawn here: QML delegates add them for the nodes in view only.
#include "scenepalette.h"
#include "treegeometry.h"

#include <QPointer>
#include <QQuickItem>
#include <QtQml/qqmlregistration.h>

namespace ctxscope {

class TreeCanvas : public QQuickItem {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(ctxscope::TreeScene* scene READ scene WRITE setScene NOTIFY sceneChanged)
    Q_PROPERTY(QRectF viewport READ viewport WRITE setViewport NOTIFY viewportChanged)
    // The scale the item is shown at; geometry is rebuilt only when it crosses a power of two.
    Q_PROPERTY(double zoom READ zoom WRITE setZoom NOTIFY zoomChanged)
    // The colours: box, border, edge, selected and the states' (Theme.scenePalette builds them).
    Q_PROPERTY(ctxscope::ScenePalette colors READ colors WRITE setColors NOTIFY colorsChanged)
    Q_PROPERTY(bool softwareRendering READ softwareRendering NOTIFY renderedFrame)
    Q_PROPERTY(int chunkCount READ chunkCount NOTIFY renderedFrame)

public:
    explicit TreeCanvas(QQuickItem* parent = nullptr);

    TreeScene* scene() const { return m_scene; }
    void setScene(TreeScene* scene);
    QRectF viewport() const { return m_viewport; }
    void setViewport(const QRectF& r);
    bool softwareRendering() const { return m_software; }
    double zoom() const { return m_zoom; }
    void setZoom(double zoom);
    int chunkCount() const { return m_chunks; }

    ScenePalette colors() const { return m_colors; }
    void setColors(const ScenePalette& colors);

    // pixelColorAt paints the tree around a content point in software and returns its colour:
    // a deterministic hook for tests, whatever the scene-graph backend.
    Q_INVOKABLE QColor pixelColorAt(double x, double y) const;

Q_SIGNALS:
    void sceneChanged();
    void viewportChanged();
    void zoomChanged();
    void colorsChanged();
    void renderedFrame();

protected:
    QSGNode* updatePaintNode(QSGNode* old, UpdatePaintNodeData*) override;
    void geometryChange(const QRectF& newGeometry, const QRectF& oldGeometry) override;

private:
    void markDirty();
    TreePalette palette() const;
    QSGNode* buildGeometryNodes(const std::vector<ColoredRect>& rects);
    QSGNode* buildImageNode(const std::vector<ColoredRect>& rects);

    QPointer<TreeScene> m_scene;
    QRectF m_viewport;
    double m_zoom = 1.0;
    double m_lodZoom = 1.0; // m_zoom rounded down to a power of two
    QRectF m_covered;       // the region the current geometry holds (scene-graph path)
    ScenePalette m_colors;
    bool m_dirty = true;
    bool m_software = false;
    int m_chunks = 0;
    quint64 m_drawnStateVersion = ~quint64(0);
};

} // namespace ctxscope
