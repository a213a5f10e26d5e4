// ShortcutsSheet: every action and its key, grouped as in the menus (press ? to show it; Enter
// or Escape closes it).
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

Dialog {
    id: root

    required property var groups

    title: qsTr("Keyboard shortcuts")
    modal: true
    anchors.centerIn: Overlay.overlay
    width: Math.min(860, parent ? parent.width - 40 : 860)
    height: Math.min(600, parent ? parent.height - 40 : 600)
    standardButtons: Dialog.Close
    focus: true
    onOpened: enterKeys.forceActiveFocus()

    ScrollView {
        id: scroll
        anchors.fill: parent
        contentWidth: availableWidth
        GridLayout {
            width: scroll.availableWidth
            columns: 2
            columnSpacing: 24
            rowSpacing: 12
            Repeater {
                model: root.groups
                delegate: ColumnLayout {
                    id: group
                    required property var modelData
                    spacing: 2
                    Layout.alignment: Qt.AlignTop
                    Layout.fillWidth: true
                    Label { text: group.modelData[0]; font.bold: true; Layout.bottomMargin: 2 }
                    Repeater {
                        model: group.modelData[1]
                        delegate: RowLayout {
                            id: entry
                            required property var modelData
                            Layout.fillWidth: true
                            Label { text: entry.modelData.text.replace("&", ""); Layout.fillWidth: true; elide: Text.ElideRight }
                            Label {
                                id: keys
                                text: keys.shortcutText(entry.modelData.shortcut)
                                font.family: "DejaVu Sans Mono"
                                function shortcutText(s) {
                                    const names = { "Right": "\u2192", "Left": "\u2190", "Up": "\u2191", "Down": "\u2193" }
                                    return names[s] ?? String(s)
                                }
                            }
                        }
                    }
                }
            }
        }
    }
    Item {
        id: enterKeys
        focus: true
        Keys.onReturnPressed: root.close()
        Keys.onEnterPressed: root.close()
    }
}
