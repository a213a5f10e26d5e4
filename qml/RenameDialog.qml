// RenameDialog: change a context's label (its id, which the file refers to, stays).
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Ctxscope

Dialog {
    id: root

    required property Document document
    property string contextId: ""

    signal failed(string error)

    function start(contextId, currentLabel) {
        root.contextId = contextId
        labelField.text = currentLabel
        root.open()
        labelField.forceActiveFocus()
        labelField.selectAll()
    }

    title: qsTr("Rename %1").arg(EventText.contextTitle(root.document, root.contextId))   // "label (id)"
    modal: true
    anchors.centerIn: Overlay.overlay
    width: 380
    standardButtons: Dialog.Ok | Dialog.Cancel

    onAccepted: {
        const error = root.document.contexts.renameContext(root.contextId, labelField.text)
        if (error !== "") root.failed(error)
    }

    ColumnLayout {
        anchors.fill: parent
        Label { text: qsTr("Label") }
        TextField { id: labelField; objectName: "labelField"; selectByMouse: true; Layout.fillWidth: true; onAccepted: root.accept() }
    }
}
