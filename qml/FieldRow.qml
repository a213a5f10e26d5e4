// FieldRow: "name   value" in the inspector; the value wraps and can be selected and copied.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

RowLayout {
    id: root

    required property string name
    required property string value
    property color valueColor: root.palette.windowText
    property bool link: false

    signal activated()

    spacing: 8
    Layout.fillWidth: true

    Label {
        text: root.name
        opacity: 0.7
        elide: Text.ElideRight
        Layout.preferredWidth: Math.min(Math.max(74, implicitWidth), 120)
        Layout.alignment: Qt.AlignTop
    }
    TextEdit {
        text: root.value
        readOnly: true
        selectByMouse: true
        wrapMode: TextEdit.Wrap
        color: root.link ? root.palette.link : root.valueColor
        font.underline: root.link
        selectionColor: root.palette.highlight
        selectedTextColor: root.palette.highlightedText
        Layout.fillWidth: true
        TapHandler { enabled: root.link; onTapped: root.activated() }
    }
}
