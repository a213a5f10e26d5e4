// OutcomeCover: covers a pane in Predict mode, where what it shows would give away how the run
// ends, and says how to see it again. Nothing under it can be clicked (a covered log or timeline
// must not be seeked blind).
import QtQuick
import QtQuick.Controls

Rectangle {
    id: root

    property alias text: note.text

    anchors.fill: parent
    z: 100
    color: root.palette.base

    Label {
        id: note
        objectName: "coverNote"
        anchors.centerIn: parent
        width: Math.min(parent.width - 40, 520)
        horizontalAlignment: Text.AlignHCenter
        wrapMode: Text.Wrap
        opacity: 0.75
    }
    MouseArea { anchors.fill: parent; onWheel: (wheel) => wheel.accepted = true }
}
