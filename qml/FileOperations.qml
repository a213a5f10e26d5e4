// FileOperations: the document's files. Open and Save As through the file dialog (or a typed
// path where Qt's dialog cannot load), Save, the unsaved-changes prompt before anything replaces
// the document, and a file dropped on the window. Errors go out through failed(), for the
// window's problems dialog; opened() says a file replaced the document.
import QtQuick
import QtQuick.Dialogs
import Ctxscope

Item {
    id: root

    required property Document document
    required property RecentFiles recent
    property bool nativeFileDialog: true
    property var afterSave: null   // what to do once a Save As (asked for by the unsaved prompt) is done
    readonly property bool dialogOpen: fileDialog.visible || pathDialog.visible || unsavedDialog.visible
    readonly property alias unsavedDialog: unsavedDialog

    signal opened()
    signal failed(string title, var messages)

    // whenSaved runs proceed now, or after the user saved or discarded the changes.
    function whenSaved(proceed) {
        if (!root.document.modified) { proceed(); return }
        unsavedDialog.ask(proceed)
    }
    function choose(saving) {
        if (!root.nativeFileDialog) {
            pathDialog.start(saving, root.document.filePath)
            return
        }
        fileDialog.fileMode = saving ? FileDialog.SaveFile : FileDialog.OpenFile
        fileDialog.open()
    }
    function chosen(path, saving) {
        if (!saving) {
            root.openPath(path)
        } else if (root.reportSave(root.document.saveAs(path), path) && root.afterSave) {
            const next = root.afterSave
            root.afterSave = null
            next()
        }
    }
    function openPath(path) {
        const problems = root.document.openFile(path)
        if (problems.length > 0) {
            root.failed(qsTr("The scenario could not be opened"), problems)
            return
        }
        root.recent.add(path)
        root.opened()
    }
    // save returns whether the document is saved now (false when it asked for a path first).
    function save() {
        if (root.document.filePath === "") { root.saveAs(); return false }
        return root.reportSave(root.document.save(), root.document.filePath)
    }
    function saveAs() { root.choose(true) }
    function reportSave(error, path) {
        if (error !== "") { root.failed(qsTr("The scenario could not be saved"), [error]); return false }
        root.recent.add(path)
        return true
    }

    anchors.fill: parent

    DropArea {
        anchors.fill: parent
        keys: ["text/uri-list"]
        onDropped: (drop) => {
            if (drop.hasUrls && drop.urls.length > 0) {
                const url = drop.urls[0].toString()
                root.whenSaved(() => root.openPath(url))
                drop.accept()
            }
        }
    }
    FileDialog {
        id: fileDialog
        nameFilters: [qsTr("ctxscope scenarios (*.ctxscope.json *.json)"), qsTr("All files (*)")]
        defaultSuffix: "ctxscope.json"
        onAccepted: root.chosen(fileDialog.selectedFile.toString(), fileDialog.fileMode === FileDialog.SaveFile)
        onRejected: root.afterSave = null
    }
    PathDialog {
        id: pathDialog
        onChosen: (path) => root.chosen(path, pathDialog.saving)
        onRejected: root.afterSave = null
    }
    UnsavedDialog {
        id: unsavedDialog
        fileName: root.document.displayName
        onSaveRequested: {
            if (root.document.filePath === "") {
                root.afterSave = unsavedDialog.pending
                unsavedDialog.pending = null
                root.saveAs()
            } else if (root.save()) {
                unsavedDialog.proceed()
            }
        }
        onDiscardRequested: { root.document.markClean(); unsavedDialog.proceed() }
    }
}
