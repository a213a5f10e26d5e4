// FileOperations: the document's files. Open through Qt's file dialog (or PathDialog where Qt's
// cannot load); Save As always through PathDialog, which starts on the document's own file, or
// for an untitled one in the folder used last (FilePlaces, kept across restarts; at first the
// documents folder) with a name made from its title. Save, the unsaved-changes prompt before
// anything replaces the document, and a file dropped on the window. Errors go out through
// failed(), for the window's problems dialog; opened() says a file replaced the document.
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
    readonly property alias pathDialog: pathDialog
    readonly property alias fileDialog: fileDialog
    readonly property alias places: places

    signal opened()
    signal failed(string title, var messages)

    // whenSaved runs proceed now, or after the user saved or discarded the changes.
    function whenSaved(proceed) {
        if (!root.document.modified) { proceed(); return }
        unsavedDialog.ask(proceed)
    }
    // choose asks for a file to open (saving false) or a place to save the document.
    function choose(saving) {
        if (saving) {
            const hasFile = root.document.filePath !== ""
            pathDialog.start(true, hasFile ? places.folderOf(root.document.filePath) : places.startFolder,
                             hasFile ? places.fileNameOf(root.document.filePath) : root.suggestedName())
        } else if (!root.nativeFileDialog) {
            pathDialog.start(false, places.startFolder, "")
        } else {
            fileDialog.currentFolder = places.folderUrl(places.startFolder)
            // Preselect the newest recent file there: Qt 6.4's dialog highlights a file but
            // keeps Open disabled until one is clicked, unless one is selected.
            const recentHere = root.recent.files.find(f => places.folderOf(f) === places.startFolder)
            if (recentHere !== undefined) fileDialog.selectedFile = places.folderUrl(recentHere)
            fileDialog.open()
        }
    }
    // suggestedName names an untitled document's file after its title (a lesson's, or the
    // scenario's name), "untitled.ctxscope.json" when it has neither.
    function suggestedName() {
        const title = root.document.displayName !== "untitled" ? root.document.displayName : root.document.scenarioName
        return places.suggestedFileName(title)
    }
    function chosen(path, saving) {
        if (!saving) {
            root.openPath(path)
        } else if (root.reportSave(root.document.files.saveAs(path), path) && root.afterSave) {
            const next = root.afterSave
            root.afterSave = null
            next()
        }
    }
    function openPath(path) {
        const problems = root.document.files.openFile(path)
        if (problems.length > 0) {
            root.failed(qsTr("The scenario could not be opened"), problems)
            return
        }
        root.recent.add(path)
        places.remember(path)
        root.opened()
    }
    // save returns whether the document is saved now (false when it asked for a path first).
    function save() {
        if (root.document.filePath === "") { root.saveAs(); return false }
        return root.reportSave(root.document.files.save(), root.document.filePath)
    }
    function saveAs() { root.choose(true) }
    function reportSave(error, path) {
        if (error !== "") { root.failed(qsTr("The scenario could not be saved"), [error]); return false }
        root.recent.add(path)
        places.remember(path)
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
    FilePlaces { id: places }
    FileDialog {
        id: fileDialog
        title: qsTr("Open scenario")
        fileMode: FileDialog.OpenFile
        nameFilters: [qsTr("ctxscope scenarios (*.ctxscope.json *.json)"), qsTr("All files (*)")]
        onAccepted: root.chosen(fileDialog.selectedFile.toString(), false)
    }
    PathDialog {
        id: pathDialog
        onChosen: (path) => root.chosen(path, pathDialog.saving)
        onCanceled: root.afterSave = null
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
