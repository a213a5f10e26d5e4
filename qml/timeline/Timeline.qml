// Timeline: one lane per context (alive span, deadline marker, cancellation) and per task
// (running span, steps, the moment it noticed), in tree order. One TimelineView draws every lane
// in view; labels exist only for the lanes in view (TimelineLanesModel). Drag pans, the wheel
// zooms time (over the labels it scrolls lanes), the playhead scrubs, a click on a mark seeks.
// Selection goes one way in (selectedId) and one way out (select), as with InspectorPane.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import Ctxscope
import Ctxscope.Timeline

Item {
    id: root

    required property Document document
    property string selectedId: ""          // input: the tree's selected context id
    property real laneHeight: 24
    property real labelWidth: 200
    property real viewStart: 0              // ns at the left edge of the lanes
    property real nsPerPixel: 1e6
    property real contentY: 0
    readonly property alias model: timeline
    readonly property alias view: view
    readonly property alias labelCount: lanes.count
    signal select(string id)                // a lane was clicked: select its context in the tree

    readonly property real maxContentY: Math.max(0, timeline.laneCount * root.laneHeight - view.height)

    function fit() {
        const end = Math.max(root.document.run.timelineEnd, 1)
        root.nsPerPixel = end / Math.max(40, view.width - 24)
        root.viewStart = -12 * root.nsPerPixel
        root.fittedView = [root.nsPerPixel, root.viewStart]
    }
    function zoomAt(factor, x) {
        const t = view.timeAt(x)
        root.nsPerPixel = Math.max(1, Math.min(1e12, root.nsPerPixel / factor))
        root.viewStart = t - x * root.nsPerPixel
    }
    function scrollTo(y) { root.contentY = Math.max(0, Math.min(root.maxContentY, y)) }
    function revealLane(lane) {
        if (lane < 0) return
        const top = lane * root.laneHeight
        if (top < root.contentY || top + root.laneHeight > root.contentY + view.height)
            root.scrollTo(top - view.height / 3)
    }
    // clickAt seeks to (x, y)'s time (an event's if one is near, else on the zoom's grid) and
    // selects the lane's context.
    function clickAt(x, y) {
        const lane = view.laneAt(y)
        if (lane < 0) return
        root.document.seekTime(view.scrubTime(x))   // a click in a lane seeks there too
        root.select(timeline.laneContextId(lane))
    }

    clip: true
    onSelectedIdChanged: root.revealLane(timeline.contextLane(root.selectedId))
    Component.onCompleted: root.fit()
    // Refit on a resize until the user zooms or pans (the window settles its panes after load).
    property var fittedView: []
    readonly property bool untouched: root.nsPerPixel === 1e6
                                      || (root.fittedView[0] === root.nsPerPixel && root.fittedView[1] === root.viewStart)

    TimelineModel {
        id: timeline
        document: root.document
        onLanesChanged: root.scrollTo(root.contentY)
    }

    Connections {
        target: root.document
        function onFileChanged() { root.contentY = 0; root.fit() }   // another scenario: show all of it
        function onSimulated() { if (root.untouched) root.fit() }      // the run changed length: stay fitted
    }

    Rectangle { anchors.fill: parent; color: root.palette.base }

    // Header: the lane column's title and the time ruler (drag or click it to scrub).
    Rectangle {
        id: header
        width: root.width
        height: 26
        color: root.palette.window
        Label {
            x: 8
            width: root.labelWidth - 40
            anchors.verticalCenter: parent.verticalCenter
            objectName: "laneCountLabel"
            text: timeline.laneCount === 1 ? qsTr("1 lane") : qsTr("%1 lanes").arg(timeline.laneCount)
            opacity: 0.75
            elide: Text.ElideRight
        }
        ToolButton {
            objectName: "fitButton"
            x: root.labelWidth - 32
            width: 28
            height: parent.height
            text: "\u2194"
            ToolTip.text: qsTr("Fit the whole run")
            ToolTip.visible: hovered
            onClicked: root.fit()
        }
        TimelineRuler {
            objectName: "ruler"
            x: root.labelWidth
            width: root.width - root.labelWidth
            height: parent.height
            viewStart: root.viewStart
            nsPerPixel: root.nsPerPixel
            onScrub: (t) => root.document.seekTime(view.scrubTime(view.xAt(t)))
        }
    }

    // Lane labels, for the lanes in view only.
    Item {
        id: labels
        y: header.height
        width: root.labelWidth
        height: root.height - header.height
        clip: true
        Repeater {
            model: TimelineLanesModel {
                id: lanes
                timeline: timeline
                contentY: root.contentY
                viewHeight: labels.height
                laneHeight: root.laneHeight
            }
            delegate: TimelineLaneLabel {
                id: label
                width: labels.width
                height: root.laneHeight
                y: label.laneY - root.contentY
                selected: label.contextId === root.selectedId && root.selectedId !== ""
                onClicked: (id) => root.select(id)
            }
        }
        WheelHandler {
            onWheel: (event) => root.scrollTo(root.contentY - event.angleDelta.y / 120 * 3 * root.laneHeight)
        }
        Rectangle { anchors.right: parent.right; width: 1; height: parent.height; color: root.palette.mid }
    }

    TimelineView {
        id: view
        objectName: "timelineView"
        x: root.labelWidth
        y: header.height
        width: root.width - root.labelWidth - vbar.width
        height: root.height - header.height
        model: timeline
        onWidthChanged: if (root.untouched) root.fit()
        viewStart: root.viewStart
        nsPerPixel: root.nsPerPixel
        contentY: root.contentY
        laneHeight: root.laneHeight
        selectedId: root.selectedId
        colors: Theme.scenePalette(root.palette)

        DragHandler {
            target: null
            property real startT: 0
            property real startY: 0
            onActiveChanged: if (active) { startT = root.viewStart; startY = root.contentY }
            onTranslationChanged: if (active) {
                root.viewStart = startT - translation.x * root.nsPerPixel
                root.scrollTo(startY - translation.y)
            }
        }
        WheelHandler {
            acceptedDevices: PointerDevice.Mouse | PointerDevice.TouchPad
            onWheel: (event) => root.zoomAt(Math.pow(1.0015, event.angleDelta.y), point.position.x)
        }
        TapHandler { onTapped: (eventPoint) => root.clickAt(eventPoint.position.x, eventPoint.position.y) }
    }

    // Where a race decided something: ⚄ in the ruler, a faint line down the lanes.
    RaceTimeMarks {
        document: root.document
        hideOutcome: ApplicationWindow.window?.hideOutcome === true
        x: view.x
        y: header.height - height
        width: view.width
        height: 13
        clip: false
        xAt: (t) => (t - root.viewStart) / root.nsPerPixel
        lineHeight: view.height
    }

    ScrollBar {
        id: vbar
        x: root.width - width
        y: header.height
        height: view.height
        orientation: Qt.Vertical
        size: timeline.laneCount > 0 ? Math.min(1, view.height / (timeline.laneCount * root.laneHeight)) : 1
        position: timeline.laneCount > 0 ? root.contentY / (timeline.laneCount * root.laneHeight) : 0
        onPositionChanged: if (pressed) root.scrollTo(position * timeline.laneCount * root.laneHeight)
        policy: size < 1 ? ScrollBar.AlwaysOn : ScrollBar.AlwaysOff
    }

    // The playhead: a line over the lanes and a handle in the ruler; drag either to scrub.
    Item {
        id: playhead
        objectName: "playhead"
        readonly property real px: (root.document.time - root.viewStart) / root.nsPerPixel
        x: root.labelWidth + px - width / 2
        width: 11
        height: root.height
        visible: px >= -1 && px <= view.width + 1
        Rectangle { x: 5; width: 1.5; height: parent.height; color: Theme.selection }
        Rectangle {
            width: 11; height: 11; radius: 2; rotation: 45
            y: header.height - 14
            color: Theme.selection
        }
        MouseArea {   // a MouseArea, not a DragHandler: it keeps the press from panning the lanes
            anchors.fill: parent
            cursorShape: Qt.SizeHorCursor
            preventStealing: true
            onPositionChanged: (mouse) => {
                if (pressed) root.document.seekTime(view.scrubTime(mapToItem(view, mouse.x, 0).x))
            }
        }
    }

    Label {
        anchors.centerIn: view
        visible: timeline.laneCount === 0
        text: qsTr("Nothing to show: the scenario has no contexts.")
        opacity: 0.7
    }
}
