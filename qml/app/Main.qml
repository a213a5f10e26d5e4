// Main: the window. It owns the scene, the play clock and the inspector, and offers the
// operations the actions call. The panes (WorkArea), the dialogs (WindowDialogs), the files
// (FileOperations), the status line (StatusBar) and the dark colours (DarkPalette) are
// components of their own. Edits go to the Document (C++); nothing here simulates or keeps
// state of its own beyond what is on screen.
import QtQuick
import QtQuick.Controls
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
    // Panels (View menu, AppActions' toggles): the timeline under the tree; the side column of
    // inspector/notes over the study tabs.
    property alias timelineShown: appActions.timelineShown
    property alias sideShown: appActions.sideShown
    property alias studyShown: appActions.studyShown
    // Predict mode is the document's (Session::predicting): a new document starts without it.
    readonly property bool predictMode: root.document.predicting
    // Predict mode before Reveal: whatever would tell how the run ends is hidden (NodeCard reads it).
    readonly property bool hideOutcome: treeScene.hideOutcome

    readonly property alias scene: treeScene
    readonly property alias clock: playClock
    readonly property alias treePane: workArea.treePane
    readonly property alias actions: appActions
    readonly property alias timeline: workArea.timeline
    readonly property alias studyPanel: workArea.studyPanel
    readonly property alias exerciseBanner: workArea.exerciseBanner
    readonly property alias sideTabs: workArea.sideTabs
    readonly property alias notes: workArea.notes
    readonly property alias inspectorPane: workArea.inspectorPane
    readonly property alias exportDialog: dialogs.exportDialog
    readonly property alias exporter: exporter
    readonly property alias unsavedDialog: files.unsavedDialog
    readonly property string selectedId: treeScene.selectedId
    // The task or after-func selected on the selected context (a click on its chip); cleared
    // when the selection moves to another context.
    property string selectedGoroutine: ""
    readonly property bool selectedGoroutineEditable: (root.document.revision, root.selectedGoroutine !== ""
                                                       && scenarioEditor.goroutine(root.selectedGoroutine).ok === true)
    readonly property string selectedGoroutineOwner: (root.document.revision, root.selectedGoroutine === "" ? ""
                                                      : scenarioEditor.ownerOf(root.selectedGoroutine))
    readonly property alias scenarioEditor: scenarioEditor
    readonly property alias selectedActions: appActions.selectedActions
    readonly property bool popupOpen: dialogs.anyOpen || files.dialogOpen || root.document.run.busy
    readonly property alias busyOverlay: busyOverlay
    property bool startupSelectionPending: root.initialSelection !== ""
    property bool closingConfirmed: false

    visible: true
    width: 1360
    height: 860
    minimumWidth: 800
    minimumHeight: 500
    title: (root.document.modified ? "\u2022 " : "") + root.document.displayName
           + (root.document.displayName === root.document.scenarioName ? "" : " \u2014 " + root.document.scenarioName)

    // --- operations the actions call ----------------------------------------------------
    function whenSaved(proceed) { files.whenSaved(proceed) }
    function newScenario() { files.whenSaved(() => { root.document.files.newScenario(); workArea.treePane.fitToView() }) }
    function openFileDialog() { files.whenSaved(() => files.choose(false)) }
    function openPath(path) { files.openPath(path) }
    function save() { return files.save() }
    function saveAs() { files.saveAs() }
    function report(error) { dialogs.report(error) }
    function derive(kind) { dialogs.derive(root.selectedId, kind) }
    function showTaskDialog(afterFunc) { dialogs.startTask(root.selectedId, afterFunc) }
    function cancelSelected() { dialogs.cancel(root.selectedId, root.selectedActions.takesCause === true) }
    function showRename() { dialogs.rename(root.selectedId, inspectorModel.label !== "" ? inspectorModel.label : root.selectedId) }
    function showEditParams() { dialogs.editParameters(root.selectedId) }
    function showDelete() { dialogs.remove(root.selectedId) }
    function showNodeMenu() { workArea.treePane.openMenuFor(root.selectedId) }
    function showShortcuts() { dialogs.shortcutsSheet.open() }
    function editGoroutine() { dialogs.editGoroutine(root.selectedGoroutine) }
    function deleteGoroutine() {
        const id = root.selectedGoroutine
        root.selectedGoroutine = ""
        dialogs.report(scenarioEditor.deleteGoroutine(id))
    }
    // The ids of the selected context's tasks and after-funcs, in the inspector's order.
    function goroutinesHere() {
        const d = inspectorModel.details
        return (d.tasks ?? []).map(t => t.id).concat((d.afterFuncs ?? []).map(a => a.id))
    }
    function selectNextGoroutine() {
        const chips = root.goroutinesHere()
        if (chips.length === 0) return
        root.selectedGoroutine = chips[(chips.indexOf(root.selectedGoroutine) + 1) % chips.length]
    }
    function expectNow() {
        const afterFuncs = (inspectorModel.details.afterFuncs ?? []).map(a => a.id)
        const kind = root.selectedGoroutine === "" ? "context" : afterFuncs.includes(root.selectedGoroutine) ? "after_func" : "task"
        const error = scenarioEditor.addExpectationNow(kind, root.selectedGoroutine === "" ? root.selectedId : root.selectedGoroutine)
        dialogs.report(error)
        if (error === "") root.showSideTab(2)
    }
    function showExpectationDialog(index) { dialogs.editExpectation(index) }
    function showSettings() { dialogs.showSettings() }
    function showPlace() { dialogs.place(root.selectedId) }
    function showExport(kind) { dialogs.showExport(kind) }
    function select(id) {
        treeScene.selectedId = id
        if (id !== "") workArea.treePane.ensureVisible(id)
    }
    function selectRelative(direction) {
        const next = direction < 0 ? inspectorModel.parentId : inspectorModel.firstChildId
        if (next !== "") treeScene.selectedId = next
        workArea.treePane.ensureVisible(treeScene.selectedId)
    }
    function showSideTab(index) { root.sideShown = true; workArea.sideTabs.currentIndex = index }
    function showStudyTab(index) { root.studyShown = true; workArea.studyPanel.currentTab = index }
    function setPredictMode(on) {
        root.document.predicting = on
        if (on) root.showStudyTab(2)
    }
    // A lesson replaces the document: ask about unsaved changes first, as Open does.
    function openLesson(row) {
        files.whenSaved(() => {
            const lessons = workArea.studyPanel.lessons
            lessons.openLesson(row)
            if (lessons.lastError !== "")
                dialogs.showProblems(qsTr("The lesson could not be opened"), [lessons.lastError])
        })
    }
    // showStart shows a document that just replaced the last one from its start, unselected.
    function showStart() {
        treeScene.selectedId = ""
        workArea.treePane.showStart()
    }
    // openNamedDialog opens what `ctxscope --dialog NAME` asks for (screenshots of each dialog).
    function openNamedDialog(name) {
        switch (name) {
        case "derive": root.derive("WithTimeout"); break
        case "task": root.showTaskDialog(false); break
        case "afterfunc": root.showTaskDialog(true); break
        case "cancel": dialogs.cancel(root.selectedId, true); break
        case "rename": root.showRename(); break
        case "editparams": root.showEditParams(); break
        case "delete": root.showDelete(); break
        case "edittask": root.selectNextGoroutine(); root.editGoroutine(); break
        case "settings": root.showSettings(); break
        case "expectation": root.showExpectationDialog(-1); break
        case "shortcuts": root.showShortcuts(); break
        case "problems": dialogs.showProblems(qsTr("The scenario could not be opened"),
                                              ["broken.ctxscope.json: contexts[2].timeout: durations are strings such as \"250ms\" (line 9, column 46)",
                                               "broken.ctxscope.json: contexts[3].parent: cannot create context from nil parent (line 12, column 7)"]); break
        case "recovery": dialogs.recoveryDialog.open(); break
        case "unsaved": files.unsavedDialog.open(); break
        case "menu": root.showNodeMenu(); break
        case "open": files.choose(false); break
        case "export": root.showExport("trace"); break
        case "predict": root.setPredictMode(true); break
        case "play-menu": appMenuBar.menuAt(3).open(); break
        case "export-menu": {
            const file = appMenuBar.menuAt(0)
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
            files.whenSaved(() => { root.closingConfirmed = true; root.close() })
        }
    }

    Component.onCompleted: {
        if (root.initialSelection !== "" && !root.document.run.busy) {
            treeScene.selectedId = root.initialSelection
            root.startupSelectionPending = false
        }
        workArea.treePane.showStart()
        if (root.startupProblems.length > 0)
            dialogs.showProblems(qsTr("The scenario could not be opened"), root.startupProblems)
        else if (root.offerRecovery && root.document.files.hasRecovery())
            dialogs.recoveryDialog.open()
        if (root.library.currentRow >= 0) root.showSideTab(1)   // a lesson: its notes first
        const tabs = {inspector: [0, -1], notes: [1, -1], scenario: [2, -1], events: [-1, 0], lints: [-1, 1], check: [-1, 2], lessons: [-1, 3]}
        if (tabs[root.initialTab] !== undefined) {
            if (tabs[root.initialTab][0] >= 0) root.showSideTab(tabs[root.initialTab][0])
            if (tabs[root.initialTab][1] >= 0) root.showStudyTab(tabs[root.initialTab][1])
        }
        if (root.initialDialog !== "") root.openNamedDialog(root.initialDialog)
        playClock.playing = root.startPlaying
    }

    // Light or dark follows the system's palette, unless forceDark (read at start: Qt 6.4 cannot
    // reset a window's palette to the system's, so it is set only when asked for).
    DarkPalette { id: darkPalette }
    Binding { target: root; property: "palette"; value: darkPalette; when: root.forceDark }
    Binding { target: Theme; property: "dark"; value: root.palette.window.hslLightness < 0.5 }
    TreeScene {
        id: treeScene
        document: root.document
        onSelectedIdChanged: root.selectedGoroutine = ""
        onContextAdded: (id) => root.select(id)   // a new context: selected and scrolled into view
    }
    ScenarioEditor { id: scenarioEditor; document: root.document }
    LearnerEditor { id: learnerEditor; document: root.document }
    PlayClock { id: playClock; document: root.document }
    Inspector { id: inspectorModel; document: root.document; contextId: treeScene.selectedId; hideOutcome: treeScene.hideOutcome }
    Exporter { id: exporter; document: root.document }
    RecentFiles { id: recentFiles }
    AppActions {
        id: appActions
        document: root.document
        scene: treeScene
        clock: playClock
        popupOpen: root.popupOpen
        selectedGoroutine: root.selectedGoroutine
        selectedGoroutineEditable: root.selectedGoroutineEditable
        selectedGoroutineOwner: root.selectedGoroutineOwner
        onNewScenarioRequested: root.newScenario()
        onOpenRequested: root.openFileDialog()
        onSaveRequested: root.save()
        onSaveAsRequested: root.saveAs()
        onExportRequested: (kind) => root.showExport(kind)
        onQuitRequested: root.close()
        onSideTabRequested: (index) => root.showSideTab(index)
        onStudyTabRequested: (index) => root.showStudyTab(index)
        onPredictModeRequested: (on) => root.setPredictMode(on)
        onRenameRequested: root.showRename()
        onEditParamsRequested: root.showEditParams()
        onDeleteRequested: root.showDelete()
        onDeleteGoroutineRequested: root.deleteGoroutine()
        onPlaceRequested: root.showPlace()
        onEditGoroutineRequested: root.editGoroutine()
        onNextGoroutineRequested: root.selectNextGoroutine()
        onExpectNowRequested: root.expectNow()
        onExpectationRequested: (index) => root.showExpectationDialog(index)
        onSettingsRequested: root.showSettings()
        onTaskRequested: (afterFunc) => root.showTaskDialog(afterFunc)
        onCancelRequested: root.cancelSelected()
        onNodeMenuRequested: root.showNodeMenu()
        onDeriveRequested: (kind) => root.derive(kind)
        onZoomRequested: (factor) => workArea.treePane.zoomBy(factor)
        onZoomResetRequested: workArea.treePane.resetZoom()
        onFitRequested: workArea.treePane.fitToView()
        onSelectRelativeRequested: (direction) => root.selectRelative(direction)
        onShortcutsRequested: root.showShortcuts()
        onMenuBarRequested: appMenuBar.openMenuBar()
    }
    Connections {
        target: root.document.files
        // A document opened on the worker (a big file, --generate): show it from its start, and
        // what --select asked for once it is there.
        function onOpened(filePath) {
            root.showStart()
            if (root.startupSelectionPending) {
                root.startupSelectionPending = false
                root.select(root.initialSelection)
            }
        }
        function onOpenFailed(title, problems) { dialogs.showProblems(title, problems) }
    }
    Connections {
        target: workArea.studyPanel.lessons
        function onOpened(row) {   // from the Lessons tab, asked or not: show the lesson's start and notes
            root.showStart()
            root.showSideTab(1)
        }
    }

    menuBar: AppMenuBar {
        id: appMenuBar
        actions: appActions
        recent: recentFiles
        library: root.library
        onOpenPathRequested: (path) => root.whenSaved(() => root.openPath(path))
        onOpenLessonRequested: (row) => root.openLesson(row)
    }
    header: PlayBar { document: root.document; clock: playClock; actions: appActions; hideOutcome: treeScene.hideOutcome }
    footer: StatusBar { id: statusBar; document: root.document; hideOutcome: treeScene.hideOutcome; exporter: exporter }
    Connections {
        target: dialogs.exportDialog
        function onExported(what, path) { statusBar.showExported(what, path) }   // where it went, with Open folder
    }

    // Every attached ToolTip.text shares one tooltip: as wide as its longest line (ToolTipFit).
    ToolTipFit { toolTip: workArea.ToolTip.toolTip }

    WorkArea {
        id: workArea
        anchors.fill: parent
        document: root.document
        scene: treeScene
        editor: scenarioEditor
        selectedGoroutine: root.selectedGoroutine
        onGoroutineSelected: (id) => root.selectedGoroutine = id
        inspector: inspectorModel
        actions: appActions
        library: root.library
        timelineShown: root.timelineShown
        sideShown: root.sideShown
        studyShown: root.studyShown
        onSelect: (id) => root.select(id)
        onFailed: (error) => root.report(error)
        onOpenLessonRequested: (row) => root.openLesson(row)
        onEditActionRequested: (row) => dialogs.editAction(row)
        onEditExpectationRequested: (index) => dialogs.editExpectation(index)
        learner: learnerEditor
        onEditLearnerRequested: (what, index) => dialogs.editLearner(what, index)
    }
    FileOperations {
        id: files
        document: root.document
        recent: recentFiles
        nativeFileDialog: root.nativeFileDialog
        onOpened: root.showStart()
        onFailed: (title, messages) => dialogs.showProblems(title, messages)
    }
    WindowDialogs {
        id: dialogs
        document: root.document
        editor: scenarioEditor
        learner: learnerEditor
        exporter: exporter
        shortcutGroups: appActions.groups
        tree: workArea.treePane
        timeline: workArea.timeline
        nativeFileDialog: root.nativeFileDialog
        onRecovered: workArea.treePane.fitToView()
    }
    // Last, so that it is above the panes: progress and Cancel for a slow job (issue #14).
    BusyOverlay {
        id: busyOverlay
        document: root.document
    }
}
