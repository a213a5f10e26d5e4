#pragma once
// TreeCanvas: one QQuickItem that draws every node box and edge of a TreeScene with the scene
// graph, in chunks of at most 65,532 vertices (STYLE.md G11). With the software scene graph
// (offscreen, G12) it paints the part inside `viewport` into an image instead. Text, chips and
// controls are not drawn here: QML delegates add them for the nodes in view only.
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
    Q_PROPERTY(QColor boxColor MEMBER m_boxColor WRITE setBoxColor NOTIFY paletteChanged)
    Q_PROPERTY(QColor borderColor MEMBER m_borderColor WRITE setBorderColor NOTIFY paletteChanged)
    Q_PROPERTY(QColor edgeColor MEMBER m_edgeColor WRITE setEdgeColor NOTIFY paletteChanged)
    Q_PROPERTY(QColor selectedColor MEMBER m_selectedColor WRITE setSelectedColor NOTIFY paletteChanged)
    Q_PROPERTY(QColor aliveColor MEMBER m_aliveColor WRITE setAliveColor NOTIFY paletteChanged)
    Q_PROPERTY(QColor neverColor MEMBER m_neverColor WRITE setNeverColor NOTIFY paletteChanged)
    Q_PROPERTY(QColor canceledColor MEMBER m_canceledColor WRITE setCanceledColor NOTIFY paletteChanged)
    Q_PROPERTY(QColor deadlineColor MEMBER m_deadlineColor WRITE setDeadlineColor NOTIFY paletteChanged)
    Q_PROPERTY(QColor pendingColor MEMBER m_pendingColor WRITE setPendingColor NOTIFY paletteChanged)
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

    void setBoxColor(const QColor& c) { setColor(m_boxColor, c); }
    void setBorderColor(const QColor& c) { setColor(m_borderColor, c); }
    void setEdgeColor(const QColor& c) { setColor(m_edgeColor, c); }
    void setSelectedColor(const QColor& c) { setColor(m_selectedColor, c); }
    void setAliveColor(const QColor& c) { setColor(m_aliveColor, c); }
    void setNeverColor(const QColor& c) { setColor(m_neverColor, c); }
    void setCanceledColor(const QColor& c) { setColor(m_canceledColor, c); }
    void setDeadlineColor(const QColor& c) { setColor(m_deadlineColor, c); }
    void setPendingColor(const QColor& c) { setColor(m_pendingColor, c); }


    // pixelColorAt paints the tree around a content point in software and returns its colour:
    // a deterministic hook for tests, whatever the scene-graph backend.
    Q_INVOKABLE QColor pixelColorAt(double x, double y) const;

Q_SIGNALS:
    void sceneChanged();
    void viewportChanged();
    void zoomChanged();
    void paletteChanged();
    void renderedFrame();

protected:
    QSGNode* updatePaintNode(QSGNode* old, UpdatePaintNodeData*) override;
    void geometryChange(const QRectF& newGeometry, const QRectF& oldGeometry) override;

private:
    void setColor(QColor& member, const QColor& c);
    void markDirty();
    TreePalette palette() const;
    QSGNode* buildGeometryNodes(const std::vector<ColoredRect>& rects);
    QSGNode* buildImageNode(const std::vector<ColoredRect>& rects);

    QPointer<TreeScene> m_scene;
    QRectF m_viewport;
    double m_zoom = 1.0;
    double m_lodZoom = 1.0; // m_zoom rounded down to a power of two
    QRectF m_covered;       // the region the current geometry holds (scene-graph path)
    QColor m_boxColor{0xffffff}, m_borderColor{0xb0b0b0}, m_edgeColor{0x909090}, m_selectedColor{0x2a7fff};
    QColor m_aliveColor{0x2e9e48}, m_neverColor{0x7a7a7a}, m_canceledColor{0xd0402b},
        m_deadlineColor{0xe08a00}, m_pendingColor{0xc8c8c8};
    bool m_dirty = true;
    bool m_software = false;
    int m_chunks = 0;
    quint64 m_drawnStateVersion = ~quint64(0);
};

} // namespace ctxscope
