// DeleteDialog: confirms deleting a context, saying how much goes with it (its subtree, the
// tasks and after-funcs on those contexts, the actions and expectations about them). Yes is the
// obvious action (Ctrl+Z undoes it): highlighted, and Enter takes it, as Escape cancels.
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
        // "1 task", "5 tasks" (no translation supplies qsTr's %n plurals).
        const counted = (n, one, many) => n === 1 ? one : many.arg(n)
        const parts = [counted(s.contexts ?? 0, qsTr("1 context"), qsTr("%1 contexts"))]
        if ((s.tasks ?? 0) > 0) parts.push(counted(s.tasks, qsTr("1 task"), qsTr("%1 tasks")))
        if ((s.afterFuncs ?? 0) > 0) parts.push(counted(s.afterFuncs, qsTr("1 AfterFunc"), qsTr("%1 AfterFuncs")))
        if ((s.actions ?? 0) > 0) parts.push(counted(s.actions, qsTr("1 timed action"), qsTr("%1 timed actions")))
        if ((s.expectations ?? 0) > 0) parts.push(counted(s.expectations, qsTr("1 expectation"), qsTr("%1 expectations")))
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
    focus: true
    Component.onCompleted: root.standardButton(Dialog.Yes).highlighted = true
    onOpened: message.forceActiveFocus()
    onAccepted: root.confirmed(root.contextId)

    Label {
        id: message
        objectName: "messageLabel"
        anchors.fill: parent
        focus: true
        text: root.message
        wrapMode: Text.Wrap
        Keys.onReturnPressed: root.accept()
        Keys.onEnterPressed: root.accept()
    }
}
