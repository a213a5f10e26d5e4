// InspectorSection: a titled group in the inspector; hidden when it has nothing to show.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

ColumnLayout {
    id: root

    required property string title
    default property alias content: body.data

    spacing: 4
    Layout.fillWidth: true

    Label {
        text: root.title
        font.bold: true
        font.pixelSize: 12
        opacity: 0.8
        Layout.topMargin: 8
    }
    Rectangle {
        height: 1
        color: root.palette.mid
        opacity: 0.6
        Layout.fillWidth: true
    }
    ColumnLayout {
        id: body
        spacing: 3
        Layout.fillWidth: true
    }
}
