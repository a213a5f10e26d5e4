// DeleteDialog: confirms deleting a context, saying how much goes with it (its subtree, the
// tasks and after-funcs on those contexts, the actions and expectations about them).
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Ctxscope

Dialog {
    id: root

    property string contextId: ""
    // For the context's name; the window's document unless given.
    property var document: ApplicationWindow.window ? ApplicationWindow.window.document : null
    readonly property string contextTitle: root.document ? EventText.contextTitle(root.document, root.contextId) : root.contextId
    property var summary: ({})
    readonly property string message: {
        const s = root.summary
        const parts = [qsTr("%n context(s)", "", s.contexts ?? 0)]
        if ((s.tasks ?? 0) > 0) parts.push(qsTr("%n task(s)", "", s.tasks))
        if ((s.afterFuncs ?? 0) > 0) parts.push(qsTr("%n AfterFunc(s)", "", s.afterFuncs))
        if ((s.actions ?? 0) > 0) parts.push(qsTr("%n timed action(s)", "", s.actions))
        if ((s.expectations ?? 0) > 0) parts.push(qsTr("%n expectation(s)", "", s.expectations))
        return qsTr("Delete %1 and its subtree? This removes %2. You can undo it with Ctrl+Z.")
               .arg(root.contextTitle).arg(parts.join(", "))
    }

    signal confirmed(string id)

    function start(contextId, summary) {
        root.contextId = contextId
        root.summary = summary
        root.open()
    }

    title: qsTr("Delete %1").arg(root.contextTitle)
    modal: true
    anchors.centerIn: Overlay.overlay
    width: 420
    standardButtons: Dialog.Yes | Dialog.Cancel
    onAccepted: root.confirmed(root.contextId)

    Label {
        objectName: "messageLabel"
        anchors.fill: parent
        text: root.message
        wrapMode: Text.Wrap
    }
}
