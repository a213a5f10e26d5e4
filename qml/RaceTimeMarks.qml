// RaceTimeMarks: the instants where a race decided something (Document.raceMarks), as "⚄" ticks
// along a time axis, each with what raced and what it decides as a tooltip. The axis is the
// parent's: xAt(t) maps a time to an x in this item. Used over the play bar's slider and the
// timeline's ruler. Hidden in Predict mode.
import QtQuick
import QtQuick.Controls
import Ctxscope

Item {
    id: root

    required property Document document
    property bool hideOutcome: false
    property var xAt: (t) => 0
    property real lineHeight: 0     // a line down from the tick, over the lanes (0: none)

    visible: !root.hideOutcome
    Repeater {
        model: root.document.outcomes.raceMarks
        delegate: Item {
            id: mark
            required property var modelData
            x: root.xAt(mark.modelData.t) - width / 2
            width: 14
            height: root.height
            Label {
                objectName: "raceTick"
                anchors.horizontalCenter: parent.horizontalCenter
                anchors.top: parent.top
                text: "\u2684"
                font.pixelSize: 11
                color: Theme.lint
            }
            Rectangle {
                visible: root.lineHeight > 0
                anchors.horizontalCenter: parent.horizontalCenter
                y: root.height
                width: 1
                height: root.lineHeight
                color: Theme.lint
                opacity: 0.5
            }
            HoverHandler { id: markHover }
            ToolTip.visible: markHover.hovered
            ToolTip.text: mark.modelData.text
        }
    }
}
