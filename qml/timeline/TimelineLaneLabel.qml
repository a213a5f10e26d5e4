// TimelineLaneLabel: the name of one lane (indented like the tree), its state glyph for a
// context, and its detail as a tooltip. Made only for the lanes in view.
import QtQuick
import QtQuick.Controls
import Ctxscope

Item {
    id: root

    required property int lane
    required property real laneY
    required property string laneId
    required property string contextId
    required property string label
    required property string detail
    required property bool isTask
    required property int depth
    required property int laneState
    property bool selected: false

    signal clicked(string contextId)

    Rectangle {
        anchors.fill: parent
        color: root.selected ? Qt.rgba(Theme.selection.r, Theme.selection.g, Theme.selection.b, 0.22)
                             : (root.lane % 2 === 1 ? Qt.rgba(root.palette.text.r, root.palette.text.g, root.palette.text.b, 0.04)
                                                    : "transparent")
    }
    Rectangle {
        id: swatch
        x: 6 + Math.min(root.depth, 8) * 12
        anchors.verticalCenter: parent.verticalCenter
        width: root.isTask ? 8 : 10
        height: root.isTask ? 8 : 10
        radius: root.isTask ? 4 : 2
        color: root.isTask ? Theme.task : Theme.stateColor(root.laneState)
    }
    Label {
        anchors.left: swatch.right
        anchors.leftMargin: 5
        anchors.right: parent.right
        anchors.rightMargin: 4
        anchors.verticalCenter: parent.verticalCenter
        text: root.label
        font.italic: root.isTask
        font.bold: !root.isTask && root.selected
        elide: Text.ElideRight
    }
    MouseArea {
        id: mouse
        anchors.fill: parent
        hoverEnabled: true
        onClicked: root.clicked(root.contextId)
        ToolTip.visible: mouse.containsMouse && root.detail !== ""
        ToolTip.delay: 500
        ToolTip.text: root.laneId + " \u00B7 " + root.detail
    }
}
