#pragma once
// ScenePalette: the colours of the scene-graph items (TreeCanvas, TimelineView) as one value, so
// that an item takes one `colors` property instead of a property per colour. QML builds it in
// one place, Theme.scenePalette(palette): the state colours are Theme's, the surfaces are the
// showing control's palette. QML in 6.4 cannot construct a value type from an object literal
// (QML_STRUCTURED_VALUE is 6.5), hence withColors().
#include <QColor>
#include <QObject>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

namespace ctxscope {

class ScenePalette {
    Q_GADGET
    QML_VALUE_TYPE(scenePalette)
    // The tree: node boxes, their borders, the edges, the selection frame.
    Q_PROPERTY(QColor box MEMBER box)
    Q_PROPERTY(QColor border MEMBER border)
    Q_PROPERTY(QColor edge MEMBER edge)
    Q_PROPERTY(QColor selected MEMBER selected)
    // The states (tree stripes, timeline spans): NodeState's colours.
    Q_PROPERTY(QColor alive MEMBER alive)
    Q_PROPERTY(QColor never MEMBER never)
    Q_PROPERTY(QColor canceled MEMBER canceled)
    Q_PROPERTY(QColor deadline MEMBER deadline)
    Q_PROPERTY(QColor pending MEMBER pending)
    // The timeline: task steps, marks (cancel, deadline), the selected lane's band, every
    // other lane's stripe.
    Q_PROPERTY(QColor task MEMBER task)
    Q_PROPERTY(QColor mark MEMBER mark)
    Q_PROPERTY(QColor highlight MEMBER highlight)
    Q_PROPERTY(QColor stripe MEMBER stripe)

public:
    QColor box{0xffffff}, border{0xb0b0b0}, edge{0x909090}, selected{0x2a7fff};
    QColor alive{0x2e9e48}, never{0x7a7a7a}, canceled{0xd0402b}, deadline{0xe08a00}, pending{0xc8c8c8};
    QColor task{0x3d7cc9}, mark{0x505050}, highlight{QColor::fromRgba(0x402a7fff)}, stripe{QColor::fromRgba(0x10000000)};

    // withColors returns a copy with the colours named in `colors` ({alive: "#2e9e48", ...})
    // replaced; a name that is not a colour of the palette is a warning, and left out.
    Q_INVOKABLE ctxscope::ScenePalette withColors(const QVariantMap& colors) const;
    bool operator==(const ScenePalette&) const = default;
};

} // namespace ctxscope
