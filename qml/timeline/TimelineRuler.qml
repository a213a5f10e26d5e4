// TimelineRuler: time ticks with Go duration labels over the lanes; pressing or dragging on it
// scrubs the playhead. Ticks are a handful of delegates (one per ~90 px), never one per event.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import Ctxscope

Item {
    id: root

    property real viewStart: 0   // ns at x = 0
    property real nsPerPixel: 1e6
    readonly property real step: root.niceStep(90 * root.nsPerPixel)
    readonly property var ticks: root.tickTimes(root.viewStart, root.nsPerPixel, root.width, root.step)

    signal scrub(real t)

    // niceStep rounds up to 1, 2 or 5 times a power of ten nanoseconds.
    function niceStep(raw) {
        const p = Math.pow(10, Math.floor(Math.log(Math.max(raw, 1)) / Math.LN10))
        for (const m of [1, 2, 5, 10]) if (m * p >= raw) return m * p
        return 10 * p
    }
    function tickTimes(start, nsPerPx, width, step) {
        const out = []
        const first = Math.max(0, Math.ceil(start / step) * step)
        for (let t = first; t <= start + width * nsPerPx && out.length < 64; t += step) out.push(t)
        return out
    }

    clip: true

    Repeater {
        model: root.ticks
        delegate: Item {
            id: tick
            required property real modelData
            x: (tick.modelData - root.viewStart) / root.nsPerPixel
            height: root.height
            Rectangle { width: 1; height: 6; anchors.bottom: parent.bottom; color: root.palette.mid }
            Label {
                objectName: "tickLabel"
                // Right of its tick, or left of it where it would run past the ruler's end (the
                // axis ends on a round time, so its last tick is right at the edge).
                x: tick.x + 3 + implicitWidth > root.width ? -implicitWidth - 3 : 3
                anchors.bottom: parent.bottom
                anchors.bottomMargin: 4
                text: GoDuration.format(tick.modelData)
                font.pixelSize: 11
                opacity: 0.8
            }
        }
    }
    Rectangle { anchors.bottom: parent.bottom; width: parent.width; height: 1; color: root.palette.mid }

    MouseArea {
        anchors.fill: parent
        onPressed: (mouse) => root.scrub(root.viewStart + mouse.x * root.nsPerPixel)
        onPositionChanged: (mouse) => { if (pressed) root.scrub(root.viewStart + mouse.x * root.nsPerPixel) }
    }
}
