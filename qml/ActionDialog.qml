// ActionDialog: change when a timed action happens, and the cause a cancel gives (where Go's
// cancel function takes one). One undo step; the ScenarioEditor reads the time.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Ctxscope

Dialog {
    id: root

    required property ScenarioEditor editor
    property int index: -1
    property bool takesCause: false
    signal failed(string error)

    function start(row) {
        root.index = row.index
        root.takesCause = row.takesCause
        actionLabel.text = row.text
        atField.text = row.at
        causeField.text = row.cause
        root.open()
        atField.field.forceActiveFocus()
        atField.field.selectAll()
    }

    title: qsTr("Edit timed action")
    modal: true
    anchors.centerIn: Overlay.overlay
    width: 400
    standardButtons: Dialog.Ok | Dialog.Cancel

    onAccepted: {
        const error = root.editor.editAction(root.index, atField.text, root.takesCause ? causeField.text : "")
        if (error !== "") root.failed(error)
    }

    GridLayout {
        anchors.fill: parent
        columns: 2
        columnSpacing: 8
        rowSpacing: 6
        Label { id: actionLabel; font.bold: true; Layout.columnSpan: 2; elide: Text.ElideRight; Layout.fillWidth: true }
        Label { text: qsTr("At") }
        DurationField { id: atField; objectName: "atField"; allowNegative: false; field.onAccepted: root.accept(); Layout.fillWidth: true }
        Label { text: qsTr("Cause"); visible: root.takesCause }
        TextField {
            id: causeField
            objectName: "causeField"
            visible: root.takesCause
            placeholderText: qsTr("none: Cause() is context.Canceled")
            selectByMouse: true
            onAccepted: root.accept()
            Layout.fillWidth: true
        }
    }
}
