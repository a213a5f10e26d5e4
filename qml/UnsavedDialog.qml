// UnsavedDialog: "save changes first?" before closing the window, opening another file or
// starting a new one. `pending` is what to do after Save or Discard; proceed() runs it once.
// Save is the obvious action: highlighted, and Enter takes it; Discard needs a click (or Tab to
// it and Space), so that a stray Enter never throws the changes away.
import QtQuick
import QtQuick.Controls

Dialog {
    id: root

    property string fileName: ""
    property var pending: null

    signal saveRequested()
    signal discardRequested()

    function ask(next) {
        root.pending = next
        root.open()
    }
    function proceed() {
        const next = root.pending
        root.pending = null
        if (next) next()
    }

    title: qsTr("Save changes?")
    modal: true
    anchors.centerIn: Overlay.overlay
    width: 420
    standardButtons: Dialog.Save | Dialog.Discard | Dialog.Cancel
    focus: true
    Component.onCompleted: root.standardButton(Dialog.Save).highlighted = true
    onOpened: message.forceActiveFocus()
    onAccepted: root.saveRequested()
    onDiscarded: { root.close(); root.discardRequested() }

    Label {
        id: message
        anchors.fill: parent
        focus: true
        text: qsTr("%1 has changes that are not saved. Save them first?").arg(root.fileName)
        wrapMode: Text.Wrap
        Keys.onReturnPressed: root.accept()
        Keys.onEnterPressed: root.accept()
    }
}
