// RecoveryDialog: offered at start when the last session ended without closing its document
// (a crash): restore the autosaved scenario, or throw it away. Recover is the obvious action:
// it is the highlighted button and Enter takes it (issue #14); Discard needs a click (or Tab to
// it and Space), so that the unsaved work is never thrown away by a stray Enter.
import QtQuick
import QtQuick.Controls

Dialog {
    id: root

    signal recover()
    signal discard()

    title: qsTr("Recover unsaved work?")
    modal: true
    focus: true   // the message below gets the keys when the dialog opens
    anchors.centerIn: Overlay.overlay
    width: 420
    standardButtons: Dialog.Ok | Dialog.Discard
    Component.onCompleted: {
        const ok = root.standardButton(Dialog.Ok)
        ok.text = qsTr("Recover")
        ok.highlighted = true
    }
    onOpened: message.forceActiveFocus()
    onAccepted: root.recover()
    onDiscarded: { root.close(); root.discard() }

    Label {
        id: message
        objectName: "recoveryMessage"
        anchors.fill: parent
        focus: true
        text: qsTr("ctxscope did not close normally last time. The scenario you were editing was saved automatically after every edit. Recover it?")
        wrapMode: Text.Wrap
        Keys.onReturnPressed: root.accept()
        Keys.onEnterPressed: root.accept()
    }
}
