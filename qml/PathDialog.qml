// PathDialog: open or save by typing a path. Used only when Qt's file dialog cannot load (its
// QML implementation needs the Qt.labs.folderlistmodel module, which a system may lack).
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

Dialog {
    id: root

    property bool saving: false
    readonly property alias path: pathField.text

    signal chosen(string path)

    function start(saving, initial) {
        root.saving = saving
        pathField.text = initial
        root.open()
        pathField.forceActiveFocus()
    }

    title: root.saving ? qsTr("Save scenario as") : qsTr("Open scenario")
    modal: true
    anchors.centerIn: Overlay.overlay
    width: 560
    standardButtons: Dialog.Ok | Dialog.Cancel
    onAccepted: root.chosen(pathField.text)

    ColumnLayout {
        anchors.fill: parent
        Label { text: qsTr("File path") }
        TextField {
            id: pathField
            objectName: "pathField"
            placeholderText: "/home/me/scenario.ctxscope.json"
            selectByMouse: true
            Layout.fillWidth: true
            onAccepted: root.accept()
        }
    }
}
