// Main: the window. It owns the scene, the play clock, the inspector and every dialog, and
// offers the functions the actions call. Edits go to the Document (C++); nothing here
// simulates or keeps state of its own beyond what is on screen.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQuick.Dialogs
import Ctxscope
import Ctxscope.Study

ApplicationWindow {
    id: root

    required property Document document
    property var startupProblems: []
    property string initialSelection: ""
    property string initialDialog: ""
    property bool startPlaying: false
    property bool offerRecovery: true
    property bool forceDark: false
    property bool nativeFileDialog: true // false when Qt's file dialog cannot load: type a path
    property LessonLibrary library: LessonLibrary {}   // main.cpp passes the one it opened a lesson with
    property string initialTab: ""       // --tab: inspector, notes, events, lints, check, lessons
    // Panels (View menu): the timeline under the tree; the side column of inspector/notes over
    // the study tabs.
    property bool timelineShown: true
    property bool sideShown: true
    property bool studyShown: true
    readonly property bool predictMode: studyPanel.expectations.predictMode

    readonly property alias scene: treeScene
    readonly property alias clock: playClock
    readonly property alias treePane: treePane
    readonly property alias actions: appActions
    readonly property alias timeline: timeline
    readonly property alias studyPanel: studyPanel
    readonly property alias sideTabs: sideTabs
    readonly property alias notes: lessonNotes
    readonly property alias exportDialog: exportDialog
    readonly property alias exporter: exporter
    readonly property alias unsavedDialog: unsavedDialog
    readonly property string selectedId: treeScene.selectedId
    // Re-read after every simulation and playhead move (the comma expression makes them dependencies).
    readonly property var selectedActions: (root.document.revision, root.document.time,
                                            root.selectedId === "" ? ({}) : root.document.contextActions(root.selectedId))
    readonly property bool popupOpen: deriveDialog.visible || taskDialog.visible || cancelDialog.visible
                                      || renameDialog.visible || deleteDialog.visible || problemsDialog.visible
                                      || shortcutsSheet.visible || recoveryDialog.visible || unsavedDialog.visible
                                      || fileDialog.visible || pathDialog.visible || exportDialog.visible
    property var afterSave: null   // what to do once a Save As (asked for by the unsaved prompt) is done
    property bool closingConfirmed: false

    visible: true
    width: 1360
    height: 860
    minimumWidth: 800
    minimumHeight: 500
    title: (root.document.modified ? "\u2022 " : "") + root.document.displayName
           + (root.document.displayName === root.document.scenarioName ? "" : " \u2014 " + root.document.scenarioName)

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
    function select(id) {
        treeScene.selectedId = id
        if (id !== "") treePane.ensureVisible(id)
    }
    function showSideTab(index) { root.sideShown = true; sideTabs.currentIndex = index }
    function showStudyTab(index) { root.studyShown = true; studyPanel.currentTab = index }
    function setPredictMode(on) {
        studyPanel.expectations.predictMode = on
        studyPanel.expectations.revealed = false
        if (on) root.showStudyTab(2)
    }
    // A lesson replaces the document: ask about unsaved changes first, as Open does.
    function openLesson(row) {
        root.whenSaved(() => {
            studyPanel.lessons.openLesson(row)
            if (studyPanel.lessons.lastError !== "")
                problemsDialog.show(qsTr("The lesson could not be opened"), [studyPanel.lessons.lastError])
        })
    }
    Connections {
        target: studyPanel.lessons
        function onOpened(row) {   // from the Lessons tab, asked or not: show the lesson's start and notes
            treeScene.selectedId = ""
            treePane.showStart()
            root.showSideTab(1)
        }
    }
    function showExport(kind) { exportDialog.start(kind !== "" ? kind : exportDialog.kind) }
    function grabForExport(kind, path) {
        const item = kind === "timeline-png" ? timeline : treePane
        if (!item.visible || item.width <= 0 || item.height <= 0) {
            exportDialog.finish(path, kind === "timeline-png" ? qsTr("the timeline is hidden: show it first (View ▸ Show timeline)")
                                                               : qsTr("the tree pane is not visible"))
            return
        }
        const ok = item.grabToImage((result) => exportDialog.finish(path, exporter.saveImage(result.image, path)),
                                    Qt.size(item.width * 2, item.height * 2))
        if (!ok) exportDialog.finish(path, qsTr("the picture could not be grabbed"))
    }
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
        case "export": root.showExport("trace"); break
        case "predict": root.setPredictMode(true); break
        case "export-menu": {
            const file = root.menuBar.menuAt(0)
            file.open()
            const item = file.itemAt(7)   // File ▸ Export
            if (item && item.subMenu) { file.currentIndex = 7; item.subMenu.open() }
            break
        }
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
        if (root.library.currentRow >= 0) root.showSideTab(1)   // a lesson: its notes first
        const tabs = {inspector: [0, -1], notes: [1, -1], events: [-1, 0], lints: [-1, 1], check: [-1, 2], lessons: [-1, 3]}
        if (tabs[root.initialTab] !== undefined) {
            if (tabs[root.initialTab][0] >= 0) root.showSideTab(tabs[root.initialTab][0])
            if (tabs[root.initialTab][1] >= 0) root.showStudyTab(tabs[root.initialTab][1])
        }
        if (root.initialDialog !== "") root.openNamedDialog(root.initialDialog)
        playClock.playing = root.startPlaying
    }

    TreeScene { id: treeScene; document: root.document }
    PlayClock { id: playClock; document: root.document }
    Inspector { id: inspectorModel; document: root.document; contextId: treeScene.selectedId; hideOutcome: treeScene.hideOutcome }
    Binding { target: treeScene; property: "hideOutcome"; value: studyPanel.hideOutcome }
    Exporter { id: exporter; document: root.document }
    RecentFiles { id: recentFiles }
    AppActions { id: appActions; window: root }

    menuBar: AppMenuBar { actions: appActions; recent: recentFiles; window: root }
    header: PlayBar { document: root.document; clock: playClock; actions: appActions }

    SplitView {
        anchors.fill: parent
        orientation: Qt.Horizontal

        // The tree over its timeline.
        SplitView {
            orientation: Qt.Vertical
            SplitView.fillWidth: true
            SplitView.minimumWidth: 300

            TreePane {
                id: treePane
                scene: treeScene
                actions: appActions
                SplitView.fillHeight: true
                SplitView.minimumHeight: 160
            }
            Item {
                visible: root.timelineShown
                SplitView.preferredHeight: 240
                SplitView.minimumHeight: 90
                Timeline {
                    id: timeline
                    objectName: "timeline"
                    anchors.fill: parent
                    document: root.document
                    selectedId: treeScene.selectedId
                    collapsedIds: treeScene.collapsedIds
                    onSelect: (id) => root.select(id)
                }
                // Predict mode: the lanes would give the outcome away.
                Rectangle {
                    anchors.fill: parent
                    visible: treeScene.hideOutcome
                    color: root.palette.base
                    Label {
                        anchors.centerIn: parent
                        width: Math.min(parent.width - 40, 520)
                        horizontalAlignment: Text.AlignHCenter
                        wrapMode: Text.Wrap
                        text: qsTr("The timeline is hidden in Predict mode: it would show how the run ends. Press Reveal in the Check tab (or Ctrl+Shift+P) to see it.")
                        opacity: 0.75
                    }
                }
            }
        }

        // The side column: inspector or lesson notes, over the study tabs.
        SplitView {
            id: sideColumn
            orientation: Qt.Vertical
            visible: root.sideShown || root.studyShown
            SplitView.preferredWidth: 380
            SplitView.minimumWidth: 280

            ColumnLayout {
                visible: root.sideShown
                spacing: 0
                SplitView.fillHeight: true
                SplitView.minimumHeight: 150
                TabBar {
                    id: sideTabs
                    Layout.fillWidth: true
                    TabButton { text: qsTr("Inspector") }
                    TabButton { text: qsTr("Lesson notes") }
                }
                StackLayout {
                    currentIndex: sideTabs.currentIndex
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    InspectorPane {
                        details: inspectorModel.details
                        document: root.document
                        actions: appActions
                        onSelect: (id) => root.select(id)
                        onFailed: (error) => root.report(error)
                    }
                    LessonNotes {
                        id: lessonNotes
                        document: root.document
                        library: root.library
                    }
                }
            }
            StudyPanel {
                id: studyPanel
                objectName: "studyPanel"
                document: root.document
                library: root.library
                visible: root.studyShown
                selectedId: treeScene.selectedId
                confirmUnsaved: true
                onSelect: (id) => root.select(id)
                onOpenLessonRequested: (row) => root.openLesson(row)
                SplitView.preferredHeight: 330
                SplitView.minimumHeight: 150
            }
        }
    }

    footer: ToolBar {
        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: 8
            anchors.rightMargin: 8
            Label {
                text: treeScene.hideOutcome ? qsTr("Predict mode: what happened is hidden until you reveal it")
                                            : root.document.lastEventText
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

    // Predict mode: the event log would tell how the run ends, so it is covered too.
    Rectangle {
        parent: studyPanel.eventLog
        anchors.fill: parent
        z: 100
        visible: treeScene.hideOutcome
        color: root.palette.base
        Label {
            anchors.centerIn: parent
            width: parent.width - 40
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
            text: qsTr("The events are hidden in Predict mode. Press Reveal in the Check tab to see them.")
            opacity: 0.75
        }
        MouseArea { anchors.fill: parent }   // no seeking through a covered log
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
    ExportDialog {
        id: exportDialog
        exporter: exporter
        nativeFileDialog: root.nativeFileDialog
        onGrabRequested: (kind, path) => root.grabForExport(kind, path)
    }
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
