// Main: the window. It owns the scene, the play clock, the inspector and every dialog, and
// offers the functions the actions call. Edits go to the Document (C++); nothing here
// simulates or keeps state of its own beyond what is on screen.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQuick.Dialogs
import Ctxscope

ApplicationWindow {
    id: root

    required property Document document
    property var startupProblems: []
    property string initialSelection: ""
    property string initialDialog: ""
    property bool startPlaying: false
    property bool offerRecovery: true
    property bool forceDark: false
    property bool nativeFileDialog: true // false when Qt's file dialog cannot load: type a path   // --palette dark: check the dark look on a light desktop

    readonly property alias scene: treeScene
    readonly property alias clock: playClock
    readonly property alias treePane: treePane
    readonly property alias actions: appActions
    readonly property string selectedId: treeScene.selectedId
    // Re-read after every simulation and playhead move (the comma expression makes them dependencies).
    readonly property var selectedActions: (root.document.revision, root.document.time,
                                            root.selectedId === "" ? ({}) : root.document.contextActions(root.selectedId))
    readonly property bool popupOpen: deriveDialog.visible || taskDialog.visible || cancelDialog.visible
                                      || renameDialog.visible || deleteDialog.visible || problemsDialog.visible
                                      || shortcutsSheet.visible || recoveryDialog.visible || unsavedDialog.visible
                                      || fileDialog.visible || pathDialog.visible
    property var afterSave: null   // what to do once a Save As (asked for by the unsaved prompt) is done
    property bool closingConfirmed: false

    visible: true
    width: 1360
    height: 860
    minimumWidth: 800
    minimumHeight: 500
    title: (root.document.modified ? "\u2022 " : "") + root.document.displayName + " \u2014 " + root.document.scenarioName

    // --- operations the actions call ----------------------------------------------------
    function whenSaved(proceed) {
        if (!root.document.modified) { proceed(); return }
        unsavedDialog.ask(proceed)
    }
    function newScenario() { root.whenSaved(() => { root.document.newScenario(); treePane.fitToView() }) }
    function openFileDialog() { root.whenSaved(() => root.chooseFile(false)) }
    function chooseFile(saving) {
        if (!root.nativeFileDialog) {
            pathDialog.start(saving, root.document.filePath)
            return
        }
        fileDialog.fileMode = saving ? FileDialog.SaveFile : FileDialog.OpenFile
        fileDialog.open()
    }
    function fileChosen(path, saving) {
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
            problemsDialog.show(qsTr("The scenario could not be opened"), problems)
            return
        }
        recentFiles.add(path)
        treeScene.selectedId = ""
        treePane.showStart()
    }
    function save() {
        if (root.document.filePath === "") { root.saveAs(); return false }
        return root.reportSave(root.document.save(), root.document.filePath)
    }
    function saveAs() { root.chooseFile(true) }
    function reportSave(error, path) {
        if (error !== "") { problemsDialog.show(qsTr("The scenario could not be saved"), [error]); return false }
        recentFiles.add(path)
        return true
    }
    function report(error) {
        if (error !== "")
            problemsDialog.show(qsTr("That edit was not made"), [error])
    }
    function derive(kind) {
        const needsParams = kind !== "WithCancel" && kind !== "WithCancelCause" && kind !== "WithoutCancel"
        if (needsParams) {
            deriveDialog.start(root.selectedId, kind)
        } else {
            root.report(root.document.derive(root.selectedId, kind, {}))
        }
    }
    function showTaskDialog(afterFunc) { taskDialog.start(root.selectedId, afterFunc) }
    function cancelSelected() {
        if (root.selectedActions.takesCause === true)
            cancelDialog.start(root.selectedId)
        else
            root.report(root.document.cancelContext(root.selectedId, undefined))
    }
    function showRename() { renameDialog.start(root.selectedId, inspectorModel.label !== "" ? inspectorModel.label : root.selectedId) }
    function showDelete() { deleteDialog.start(root.selectedId, root.document.deletionSummary(root.selectedId)) }
    function showNodeMenu() { treePane.openMenuFor(root.selectedId) }
    function showShortcuts() { shortcutsSheet.open() }
    function selectRelative(direction) {
        const next = direction < 0 ? inspectorModel.parentId : inspectorModel.firstChildId
        if (next !== "") treeScene.selectedId = next
        treePane.ensureVisible(treeScene.selectedId)
    }
    function openNamedDialog(name) {
        switch (name) {
        case "derive": root.derive("WithTimeout"); break
        case "task": root.showTaskDialog(false); break
        case "afterfunc": root.showTaskDialog(true); break
        case "cancel": cancelDialog.start(root.selectedId); break
        case "rename": root.showRename(); break
        case "delete": root.showDelete(); break
        case "shortcuts": root.showShortcuts(); break
        case "problems": problemsDialog.show(qsTr("The scenario could not be opened"),
                                             ["broken.ctxscope.json: contexts[2].timeout: durations are strings such as \"250ms\" (line 9, column 46)",
                                              "broken.ctxscope.json: contexts[3].parent: cannot create context from nil parent (line 12, column 7)"]); break
        case "recovery": recoveryDialog.open(); break
        case "unsaved": unsavedDialog.open(); break
        case "menu": root.showNodeMenu(); break
        case "open": root.chooseFile(false); break
        }
    }

    onClosing: (close) => {
        if (root.document.modified && !root.closingConfirmed) {
            close.accepted = false
            root.whenSaved(() => { root.closingConfirmed = true; root.close() })
        }
    }

    // Light or dark follows the palette (the system's, unless forceDark).
    palette.window: root.forceDark ? "#2b2d30" : undefined
    palette.windowText: root.forceDark ? "#e6e6e6" : undefined
    palette.base: root.forceDark ? "#1e1f22" : undefined
    palette.alternateBase: root.forceDark ? "#313338" : undefined
    palette.text: root.forceDark ? "#e6e6e6" : undefined
    palette.button: root.forceDark ? "#3a3d41" : undefined
    palette.buttonText: root.forceDark ? "#e6e6e6" : undefined
    palette.mid: root.forceDark ? "#55585c" : undefined
    palette.dark: root.forceDark ? "#18191b" : undefined
    palette.light: root.forceDark ? "#4a4d52" : undefined
    palette.midlight: root.forceDark ? "#43464a" : undefined
    palette.shadow: root.forceDark ? "#000000" : undefined
    palette.highlight: root.forceDark ? "#3d7ed6" : undefined
    palette.highlightedText: root.forceDark ? "#ffffff" : undefined
    palette.link: root.forceDark ? "#6ca8ff" : undefined
    palette.placeholderText: root.forceDark ? "#8a8a8a" : undefined
    palette.toolTipBase: root.forceDark ? "#1e1f22" : undefined
    palette.toolTipText: root.forceDark ? "#e6e6e6" : undefined
    Binding { target: Theme; property: "dark"; value: root.palette.window.hslLightness < 0.5 }

    Component.onCompleted: {
        if (root.initialSelection !== "") treeScene.selectedId = root.initialSelection
        treePane.showStart()
        if (root.startupProblems.length > 0)
            problemsDialog.show(qsTr("The scenario could not be opened"), root.startupProblems)
        else if (root.offerRecovery && root.document.hasRecovery())
            recoveryDialog.open()
        if (root.initialDialog !== "") root.openNamedDialog(root.initialDialog)
        playClock.playing = root.startPlaying
    }

    TreeScene { id: treeScene; document: root.document }
    PlayClock { id: playClock; document: root.document }
    Inspector { id: inspectorModel; document: root.document; contextId: treeScene.selectedId }
    RecentFiles { id: recentFiles }
    AppActions { id: appActions; window: root }

    menuBar: AppMenuBar { actions: appActions; recent: recentFiles; window: root }
    header: PlayBar { document: root.document; clock: playClock; actions: appActions }

    SplitView {
        anchors.fill: parent
        orientation: Qt.Horizontal

        TreePane {
            id: treePane
            scene: treeScene
            actions: appActions
            SplitView.fillWidth: true
            SplitView.minimumWidth: 300
        }
        InspectorPane {
            details: inspectorModel.details
            document: root.document
            actions: appActions
            onSelect: (id) => { treeScene.selectedId = id; treePane.ensureVisible(id) }
            onFailed: (error) => root.report(error)
            SplitView.preferredWidth: 360
            SplitView.minimumWidth: 260
        }
    }

    footer: ToolBar {
        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: 8
            anchors.rightMargin: 8
            Label {
                text: root.document.lastEventText
                elide: Text.ElideRight
                Layout.fillWidth: true
            }
            Label {
                text: qsTr("%1 contexts · %2 tasks · %3 events · %4 lints").arg(root.document.contextCount)
                      .arg(root.document.taskCount).arg(root.document.eventCount).arg(root.document.lintCount)
                opacity: 0.75
            }
        }
    }

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
        onAccepted: root.fileChosen(fileDialog.selectedFile.toString(), fileDialog.fileMode === FileDialog.SaveFile)
        onRejected: root.afterSave = null
    }
    PathDialog {
        id: pathDialog
        onChosen: (path) => root.fileChosen(path, pathDialog.saving)
        onRejected: root.afterSave = null
    }

    DeriveDialog { id: deriveDialog; document: root.document; onFailed: (error) => root.report(error) }
    TaskDialog { id: taskDialog; document: root.document; onFailed: (error) => root.report(error) }
    CancelDialog { id: cancelDialog; document: root.document; onFailed: (error) => root.report(error) }
    RenameDialog { id: renameDialog; document: root.document; onFailed: (error) => root.report(error) }
    DeleteDialog {
        id: deleteDialog
        onConfirmed: (id) => { root.report(root.document.deleteContext(id)); }
    }
    ProblemsDialog { id: problemsDialog }
    ShortcutsSheet { id: shortcutsSheet; groups: appActions.groups }
    RecoveryDialog {
        id: recoveryDialog
        onRecover: {
            const problems = root.document.recover()
            if (problems.length > 0) problemsDialog.show(qsTr("The recovery file could not be read"), problems)
            treePane.fitToView()
        }
        onDiscard: root.document.discardRecovery()
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
