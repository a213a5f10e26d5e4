// CancelDialog: cancel a WithCancelCause context with a cause (CancelCauseFunc). The cancel
// becomes a timed action at the playhead's time.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Ctxscope

Dialog {
    id: root

    required property Document document
    property string contextId: ""

    signal failed(string error)

    function start(contextId) {
        root.contextId = contextId
        root.open()
        causeField.forceActiveFocus()
        causeField.selectAll()
    }

    title: qsTr("Cancel %1").arg(EventText.contextTitle(root.document, root.contextId))
    modal: true
    anchors.centerIn: Overlay.overlay
    width: 420
    standardButtons: Dialog.Ok | Dialog.Cancel

    onAccepted: {
        const error = root.document.contexts.cancelContext(root.contextId, causeField.text)
        if (error !== "") root.failed(error)
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 6
        Label { text: qsTr("Cause (empty: context.Canceled)") }
        TextField { id: causeField; objectName: "causeField"; text: "client went away"; selectByMouse: true; Layout.fillWidth: true
                    onAccepted: root.accept() }  // Enter cancels: the dialog's one obvious action
        Label {
            text: qsTr("cancel(errors.New(%1)) at %2").arg(JSON.stringify(causeField.text)).arg(root.document.timeText)
            font.family: "DejaVu Sans Mono"
            font.pixelSize: 11
            opacity: 0.8
            wrapMode: Text.WrapAnywhere
            Layout.fillWidth: true
        }
    }
}
