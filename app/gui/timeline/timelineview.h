#pragma once
// TimelineView: ONE QQuickItem that draws every lane in view (STYLE.md §1.4): scene-graph
// geometry in chunks of at most 65,532 vertices with vertex colours (G11), or a QImage under
// the software scene graph (offscreen, G12). Labels, the ruler and the playhead are QML.
#include "timelinemodel.h"
#include "scenepalette.h"
#include "timelinerects.h"

#include <QColor>
#include <QPointer>
#include <QQuickItem>
#include <QtQml/qqmlregistration.h>

namespace ctxscope {

class TimelineView : public QQuickItem {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(ctxscope::TimelineModel* model READ model WRITE setModel NOTIFY modelChanged)
    Q_PROPERTY(double viewStart READ viewStart WRITE setViewStart NOTIFY viewChanged)     // ns at x = 0
    Q_PROPERTY(double nsPerPixel READ nsPerPixel WRITE setNsPerPixel NOTIFY viewChanged)
    Q_PROPERTY(double contentY READ contentY WRITE setContentY NOTIFY viewChanged)
    Q_PROPERTY(double laneHeight READ laneHeight WRITE setLaneHeight NOTIFY viewChanged)
    Q_PROPERTY(QString selectedId READ selectedId WRITE setSelectedId NOTIFY selectedIdChanged)
    // The colours: the states', task, mark, highlight and stripe (Theme.scenePalette builds them).
    Q_PROPERTY(ctxscope::ScenePalette colors READ colors WRITE setColors NOTIFY colorsChanged)
    Q_PROPERTY(bool softwareRendering READ softwareRendering NOTIFY renderedFrame)
    Q_PROPERTY(int chunkCount READ chunkCount NOTIFY renderedFrame)
    Q_PROPERTY(int rectCount READ rectCount NOTIFY renderedFrame)

public:
    explicit TimelineView(QQuickItem* parent = nullptr);

    TimelineModel* model() const { return m_model; }
    void setModel(TimelineModel* model);
    double viewStart() const { return m_view.t0; }
    void setViewStart(double t);
    double nsPerPixel() const { return m_view.nsPerPixel; }
    void setNsPerPixel(double v);
    double contentY() const { return m_view.contentY; }
    void setContentY(double y);
    double laneHeight() const { return m_view.laneHeight; }
    void setLaneHeight(double h);
    QString selectedId() const { return m_selectedId; }
    void setSelectedId(const QString& id);

    ScenePalette colors() const { return m_colors; }
    void setColors(const ScenePalette& colors);

    bool softwareRendering() const { return m_software; }
    int chunkCount() const { return m_chunks; }
    int rectCount() const { return m_rects; }


    // laneAt returns the lane under item y, or -1; timeAt / xAt convert between x and ns.
    Q_INVOKABLE int laneAt(double y) const;
    Q_INVOKABLE double timeAt(double x) const { return m_view.t0 + x * m_view.nsPerPixel; }
    // scrubTime is the time a click or a drag at x means: an event's time when one is within
    // kSnapPixels (so a scrub lands on what happened, not 0.3ms before it), else x's time rounded
    // to a grid that suits the zoom (1, 2 or 5 times a power of ten, about 8 px apart), never
    // before 0. So the playhead reads 90ms, not 91.894977ms.
    Q_INVOKABLE double scrubTime(double x) const;
    static constexpr double kSnapPixels = 6;
    Q_INVOKABLE double xAt(double t) const { return (t - m_view.t0) / m_view.nsPerPixel; }
    // pixelColorAt paints the view around an item point in software and returns its colour: a
    // deterministic hook for tests, whatever the scene-graph backend.
    Q_INVOKABLE QColor pixelColorAt(double x, double y) const;

Q_SIGNALS:
    void modelChanged();
    void viewChanged();
    void selectedIdChanged();
    void colorsChanged();
    void renderedFrame();

protected:
    QSGNode* updatePaintNode(QSGNode* old, UpdatePaintNodeData*) override;
    void geometryChange(const QRectF& newGeometry, const QRectF& oldGeometry) override;

private:
    void markDirty();
    timeline::TimelineViewport viewport() const;
    std::vector<timeline::TimelineRect> rects() const;
    QSGNode* buildGeometryNodes(const std::vector<timeline::TimelineRect>& rects);
    QSGNode* buildImageNode(const std::vector<timeline::TimelineRect>& rects);

    QPointer<TimelineModel> m_model;
    timeline::TimelineViewport m_view;
    ScenePalette m_colors;
    timeline::TimelinePalette m_palette; // m_colors, as the rectangle builder takes them
    QString m_selectedId;
    bool m_software = false;
    int m_chunks = 0;
    int m_rects = 0;
};

} // namespace ctxscope
