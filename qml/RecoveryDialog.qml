// RecoveryDialog: offered at start when the last session ended without closing its document
// (a crash): restore the autosaved scenario, or throw it away.
import QtQuick
import QtQuick.Controls

Dialog {
    id: root

    signal recover()
    signal discard()

    title: qsTr("Recover unsaved work?")
    modal: true
    anchors.centerIn: Overlay.overlay
    width: 420
    standardButtons: Dialog.Ok | Dialog.Discard
    Component.onCompleted: root.standardButton(Dialog.Ok).text = qsTr("Recover")
    onAccepted: root.recover()
    onDiscarded: { root.close(); root.discard() }

    Label {
        anchors.fill: parent
        text: qsTr("ctxscope did not close normally last time. The scenario you were editing was saved automatically after every edit. Recover it?")
        wrapMode: Text.Wrap
    }
}
