// Legend: what the colours and icons of the nodes mean, and the zoom level, in a corner of the
// canvas. Also says when labels are hidden because the view is zoomed too far out.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import Ctxscope

Rectangle {
    id: root

    required property real zoom
    required property bool labelsShown
    property bool framed: true   // a box of its own; false in TreePane's strip under the canvas

    readonly property var entries: [[NodeState.Alive, "\u25CF", qsTr("alive")], [NodeState.NeverCancelable, "\u221E", qsTr("never canceled")],
                                    [NodeState.Canceled, "\u2715", qsTr("canceled")], [NodeState.DeadlineExceeded, "\u25F7", qsTr("deadline exceeded")],
                                    [NodeState.NotCreated, "\u25CB", qsTr("not created yet")]]

    width: row.implicitWidth + 16
    height: row.implicitHeight + (root.framed ? 10 : 4)
    radius: 4
    color: root.framed ? root.palette.window : "transparent"
    border.color: root.framed ? root.palette.mid : "transparent"
    opacity: root.framed ? 0.95 : 1

    Row {
        id: row
        anchors.centerIn: parent
        spacing: 12
        Repeater {
            model: root.entries
            delegate: Row {
                id: entry
                required property var modelData
                spacing: 4
                Rectangle { width: 10; height: 10; radius: 2; color: Theme.stateColor(entry.modelData[0]); anchors.verticalCenter: parent.verticalCenter }
                Label { text: entry.modelData[1] + " " + entry.modelData[2]; font.pixelSize: 11 }
            }
        }
        Label {
            text: Math.round(root.zoom * 100) + "%" + (root.labelsShown ? "" : qsTr(" · zoom in for labels"))
            font.pixelSize: 11
            opacity: 0.75
        }
    }
}
