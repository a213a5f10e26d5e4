// TreePane: the tree canvas with pan (drag), zoom (wheel, Ctrl +/-), fit to view (F) and node
// selection. One TreeCanvas draws every box and edge; NodeCards (text and chips) exist only for
// the nodes in the viewport, through VisibleNodesModel, and only when zoomed in enough to read.
// The legend has a strip of its own under the canvas, so that it never covers a node.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import Ctxscope

Item {
    id: root

    required property TreeScene scene
    required property AppActions actions
    // The task or after-func selected on the selected context (its chip is outlined).
    property string selectedGoroutine: ""
    signal goroutineSelected(string id)
    readonly property bool menuOpen: menu.visible
    property real zoom: 1
    property real panX: 20
    property real panY: 20
    readonly property real minZoom: 0.02
    readonly property real maxZoom: 3
    readonly property bool labelsShown: root.zoom >= 0.35 && !cards.overLimit
    // The canvas: the pane above the legend strip.
    readonly property real viewHeight: Math.max(0, root.height - legendStrip.height)
    readonly property rect viewportRect: Qt.rect(-root.panX / root.zoom, -root.panY / root.zoom,
                                                 root.width / root.zoom, root.viewHeight / root.zoom)
    readonly property alias canvas: canvas
    readonly property alias cardCount: cards.count

    function zoomAt(factor, px, py) {
        const z = Math.max(root.minZoom, Math.min(root.maxZoom, root.zoom * factor))
        // Keep the content point under (px, py) where it is.
        const cx = (px - root.panX) / root.zoom
        const cy = (py - root.panY) / root.zoom
        root.zoom = z
        root.panX = px - cx * z
        root.panY = py - cy * z
    }
    function zoomBy(factor) { root.zoomAt(factor, root.width / 2, root.viewHeight / 2) }
    function resetZoom() { root.zoomBy(1 / root.zoom) }
    function fitToView() {
        if (root.width < 50 || root.viewHeight < 50) { root.fitPending = true; return }  // not laid out yet
        root.fitPending = false
        const w = Math.max(1, root.scene.contentWidth), h = Math.max(1, root.scene.contentHeight)
        const margin = 24
        const z = Math.max(root.minZoom, Math.min(1, (root.width - 2 * margin) / w, (root.viewHeight - 2 * margin) / h))
        root.zoom = z
        root.panX = (root.width - w * z) / 2
        root.panY = Math.max(margin, (root.viewHeight - h * z) / 2)
    }
    // showStart is the first view of a document: the whole tree if it is readable that way,
    // else its top at a readable size (F still fits everything).
    function showStart() {
        root.fitToView()
        if (!root.fitPending && root.zoom < 0.3) {
            const r = root.scene.nodeRect(root.scene.firstRootId)
            root.zoom = 0.6
            root.panX = root.width / 2 - (r.x + r.width / 2) * root.zoom
            root.panY = 24
        }
        root.startView = [root.zoom, root.panX, root.panY]
    }
    // The view showStart chose, until the user pans or zooms: a resize (the window settling its
    // panes) then shows the start again instead of leaving the tree off-centre.
    property var startView: []
    readonly property bool untouched: root.startView.length === 3 && root.startView[0] === root.zoom
                                      && root.startView[1] === root.panX && root.startView[2] === root.panY
    // ensureVisible pans (and zooms in to a readable size if need be) to show a node whole,
    // with a margin, on the canvas. Along an axis where the whole tree fits, it shows the whole
    // tree (a child just derived at the bottom does not push its parents off the top); where it
    // does not, it centres the node.
    function ensureVisible(id) {
        root.scene.revealNode(id)
        const r = root.scene.nodeRect(id)
        if (r.width <= 0) return
        if (root.zoom < 0.5) root.zoom = 0.8
        const margin = 12
        const left = r.x * root.zoom + root.panX, top = r.y * root.zoom + root.panY
        const right = left + r.width * root.zoom, bottom = top + r.height * root.zoom
        const w = root.scene.contentWidth * root.zoom, h = root.scene.contentHeight * root.zoom
        if (left < margin || right > root.width - margin)
            root.panX = w <= root.width - 2 * margin ? (root.width - w) / 2 : root.panX + root.width / 2 - (left + right) / 2
        if (top < margin || bottom > root.viewHeight - margin)
            root.panY = h <= root.viewHeight - 2 * margin ? (root.viewHeight - h) / 2 : root.panY + root.viewHeight / 2 - (top + bottom) / 2
    }
    // nodeInView: the node's box lies wholly on the canvas (not under the legend, not cut off).
    function nodeInView(id) {
        const r = root.scene.nodeRect(id)
        if (r.width <= 0) return false
        const left = r.x * root.zoom + root.panX, top = r.y * root.zoom + root.panY
        return left >= 0 && top >= 0 && left + r.width * root.zoom <= root.width
               && top + r.height * root.zoom <= root.viewHeight
    }
    function openMenuFor(id) {
        const r = root.scene.nodeRect(id)
        if (r.width <= 0) return
        menu.popup(root, r.x * root.zoom + root.panX + 24, (r.y + r.height) * root.zoom + root.panY)
    }

    clip: true
    focus: true
    property bool fitPending: true
    onWidthChanged: if (root.fitPending || root.untouched) root.showStart()
    onViewHeightChanged: if (root.fitPending || root.untouched) root.showStart()

    Rectangle {
        anchors.fill: parent
        color: root.palette.base
    }

    Item {
        id: world
        x: root.panX
        y: root.panY
        scale: root.zoom
        transformOrigin: Item.TopLeft
        width: root.scene.contentWidth
        height: root.scene.contentHeight

        TreeCanvas {
            id: canvas
            objectName: "canvas"
            anchors.fill: parent
            scene: root.scene
            viewport: root.viewportRect
            zoom: root.zoom
            colors: Theme.scenePalette(root.palette)
        }
        Repeater {
            model: VisibleNodesModel {
                id: cards
                scene: root.scene
                viewport: root.zoom >= 0.35 ? root.viewportRect : Qt.rect(0, 0, 0, 0)
                limit: 500
            }
            delegate: NodeCard {
                cardWidth: root.scene.nodeWidth
                cardHeight: root.scene.nodeHeight
                hideOutcome: root.scene.hideOutcome
                selectedChip: root.selectedGoroutine
                onToggleCollapse: (id) => root.scene.toggleCollapsed(id)
                onChipTapped: (contextId, id, button, count) => {
                    root.forceActiveFocus()
                    root.scene.selectedId = contextId
                    root.goroutineSelected(id)
                    if (button === Qt.RightButton)
                        taskMenu.popup()
                    else if (count === 2)
                        root.actions.editGoroutine.trigger()
                }
            }
        }
    }

    DragHandler {
        id: drag
        target: null
        property point start
        onActiveChanged: if (drag.active) drag.start = Qt.point(root.panX, root.panY)
        onTranslationChanged: if (drag.active) { root.panX = drag.start.x + drag.translation.x; root.panY = drag.start.y + drag.translation.y }
    }
    WheelHandler {
        acceptedDevices: PointerDevice.Mouse | PointerDevice.TouchPad
        onWheel: (event) => root.zoomAt(Math.pow(1.0015, event.angleDelta.y), point.position.x, point.position.y)
    }
    TapHandler {
        acceptedButtons: Qt.LeftButton | Qt.RightButton
        onTapped: (eventPoint, button) => {
            root.forceActiveFocus()
            const p = world.mapFromItem(root, eventPoint.position)
            const id = root.scene.nodeAt(p.x, p.y)
            root.scene.selectedId = id
            if (button === Qt.RightButton && id !== "")
                menu.popup(root, eventPoint.position.x, eventPoint.position.y)
            else if (tapCount === 2 && id !== "")
                root.scene.toggleCollapsed(id) // double click
        }
    }

    NodeMenu { id: menu; actions: root.actions }
    TaskMenu { id: taskMenu; actions: root.actions }

    Column {
        x: (root.width - width) / 2
        y: (root.viewHeight - height) / 2
        spacing: 8
        visible: root.scene.visibleCount === 0
        Label { text: qsTr("The scenario has no contexts."); anchors.horizontalCenter: parent.horizontalCenter }
        Button {
            text: qsTr("Add context.Background()")
            anchors.horizontalCenter: parent.horizontalCenter
            onClicked: root.scene.document.contexts.addRoot()
        }
    }

    Rectangle {
        // The legend's strip: the canvas ends above it. It takes the pointer, so a press on it
        // neither pans nor selects a node that is out of sight under it.
        id: legendStrip
        objectName: "legendStrip"
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        height: legend.height + 6
        color: root.palette.window
        Rectangle { width: parent.width; height: 1; color: root.palette.mid }
        MouseArea { anchors.fill: parent; acceptedButtons: Qt.AllButtons; onWheel: (wheel) => wheel.accepted = true }
        Legend {
            id: legend
            objectName: "legend"
            x: 6
            anchors.verticalCenter: parent.verticalCenter
            anchors.verticalCenterOffset: 1
            framed: false
            zoom: root.zoom
            labelsShown: root.labelsShown
        }
    }
}
