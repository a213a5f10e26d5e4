// PlaceDialog: where a context sits in the tree and when it is created: another parent (with
// its subtree, not under itself) and/or another creation time, as one undo step. The parents it
// may take and the checks come from the ScenarioEditor.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Ctxscope

Dialog {
    id: root

    required property ScenarioEditor editor
    property string contextId: ""
    property var parents: []
    signal failed(string error)

    function start(contextId) {
        const p = root.editor.placeOf(contextId)
        if (!p.ok) { root.failed(p.error); return false }
        root.contextId = contextId
        root.parents = p.parents
        parentBox.currentIndex = Math.max(0, p.parents.findIndex(x => x.id === p.parent))
        atField.text = p.at
        root.open()
        parentBox.forceActiveFocus()
        return true
    }

    title: qsTr("Move %1").arg(root.contextId)
    modal: true
    anchors.centerIn: Overlay.overlay
    width: 420
    standardButtons: Dialog.Ok | Dialog.Cancel
    Component.onCompleted: root.standardButton(Dialog.Ok).enabled = Qt.binding(() => atField.valid)

    onAccepted: {
        const error = root.editor.place(root.contextId, root.parents[parentBox.currentIndex]?.id ?? "", atField.text)
        if (error !== "") root.failed(error)
    }

    GridLayout {
        anchors.fill: parent
        columns: 2
        columnSpacing: 8
        rowSpacing: 6
        function submitForm() { if (atField.valid) root.accept() }
        Keys.onReturnPressed: submitForm()
        Keys.onEnterPressed: submitForm()
        Label { text: qsTr("Parent") }
        FormComboBox {
            id: parentBox
            objectName: "parentBox"
            model: root.parents.map(p => p.title)
            Layout.fillWidth: true
        }
        Label { text: qsTr("Created at") }
        DurationField { id: atField; objectName: "atField"; allowNegative: false; field.onAccepted: if (atField.valid) root.accept(); Layout.fillWidth: true }
    }
}
