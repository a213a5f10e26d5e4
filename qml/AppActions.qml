// AppActions: every command of the app as an Action with its shortcut, in one place, so the
// menus, the node menu, the toolbar and the shortcuts sheet all show the same keys. Each one
// calls a function of the window (Main.qml), which owns the dialogs.
import QtQuick
import QtQuick.Controls

QtObject {
    id: root

    required property var window
    readonly property var document: root.window.document
    readonly property bool nodeActive: root.window.selectedId !== "" && !root.window.popupOpen
    readonly property bool free: !root.window.popupOpen
    readonly property var selectedActions: root.window.selectedActions

    // [title, [actions]] for the shortcuts sheet.
    readonly property var groups: [
        ["File", [newFile, open, save, saveAs, exportAny, quit]],
        ["Edit", [undo, redo, rename, editParams, move, remove, startTask, afterFunc, cancel, nodeMenu,
                  editGoroutine, selectNextGoroutine, expectNow, addExpectation, scenarioSettings]],
        ["Derive (on the selected context)", [deriveCancel, deriveCancelCause, deriveTimeout, deriveDeadline,
                                              deriveTimeoutCause, deriveDeadlineCause, deriveValue, deriveWithoutCancel]],
        ["Play", [play, stepForward, stepBack, restart, toEnd, slower, faster, loop, nextOutcome, previousOutcome]],
        ["View", [zoomIn, zoomOut, zoomReset, fit, collapse, expandAll, selectParent, selectChild, shortcuts, menus]],
        ["Panels", [toggleTimeline, toggleSidePanel, toggleStudyPanel, showInspector, showNotes,
                    showScenario, showEvents, showLints, showCheck, showLessons, predict]]
    ]

    readonly property Action newFile: Action { text: qsTr("&New"); shortcut: "Ctrl+N"; enabled: root.free; onTriggered: root.window.newScenario() }
    readonly property Action open: Action { text: qsTr("&Open…"); shortcut: "Ctrl+O"; enabled: root.free; onTriggered: root.window.openFileDialog() }
    readonly property Action save: Action { text: qsTr("&Save"); shortcut: "Ctrl+S"; enabled: root.free; onTriggered: root.window.save() }
    readonly property Action saveAs: Action { text: qsTr("Save &As…"); shortcut: "Ctrl+Shift+S"; enabled: root.free; onTriggered: root.window.saveAs() }
    // File ▸ Export: each opens the export dialog on its kind (the dialog lets the kind change).
    // The sheet lists only "Export…" (it must fit one screen); the menu shows each one's keys.
    readonly property var exportActions: [exportTrace, exportChrome, exportGo, exportReport, exportImage]
    readonly property Action exportAny: Action { text: qsTr("&Export…"); shortcut: "Ctrl+E"; enabled: root.free; onTriggered: root.window.showExport("") }
    readonly property Action exportTrace: Action { text: qsTr("&Trace (JSONL)…"); shortcut: "Ctrl+Alt+T"; enabled: root.free; onTriggered: root.window.showExport("trace") }
    readonly property Action exportChrome: Action { text: qsTr("&Chrome trace…"); shortcut: "Ctrl+Alt+C"; enabled: root.free; onTriggered: root.window.showExport("chrome") }
    readonly property Action exportGo: Action { text: qsTr("&Go module…"); shortcut: "Ctrl+Alt+G"; enabled: root.free; onTriggered: root.window.showExport("go") }
    readonly property Action exportReport: Action { text: qsTr("&Report…"); shortcut: "Ctrl+Alt+R"; enabled: root.free; onTriggered: root.window.showExport("report") }
    readonly property Action exportImage: Action { text: qsTr("&Image…"); shortcut: "Ctrl+Alt+I"; enabled: root.free; onTriggered: root.window.showExport("svg") }

    // Panels: the timeline under the tree, the side column (inspector/notes over the study tabs).
    readonly property Action toggleTimeline: Action {
        text: root.window.timelineShown ? qsTr("Hide &timeline") : qsTr("Show &timeline"); shortcut: "Ctrl+T"
        onTriggered: root.window.timelineShown = !root.window.timelineShown
    }
    readonly property Action toggleSidePanel: Action {
        text: root.window.sideShown ? qsTr("Hide &inspector and notes") : qsTr("Show &inspector and notes"); shortcut: "Ctrl+I"
        onTriggered: root.window.sideShown = !root.window.sideShown
    }
    readonly property Action toggleStudyPanel: Action {
        text: root.window.studyShown ? qsTr("Hide &study panel") : qsTr("Show &study panel"); shortcut: "Ctrl+B"
        onTriggered: root.window.studyShown = !root.window.studyShown
    }
    readonly property Action showInspector: Action { text: qsTr("Inspector"); shortcut: "Ctrl+1"; onTriggered: root.window.showSideTab(0) }
    readonly property Action showNotes: Action { text: qsTr("Lesson notes"); shortcut: "Ctrl+2"; onTriggered: root.window.showSideTab(1) }
    readonly property Action showScenario: Action { text: qsTr("Scenario: actions and expectations"); shortcut: "Ctrl+7"; onTriggered: root.window.showSideTab(2) }
    readonly property Action showEvents: Action { text: qsTr("Events"); shortcut: "Ctrl+3"; onTriggered: root.window.showStudyTab(0) }
    readonly property Action showLints: Action { text: qsTr("Lints"); shortcut: "Ctrl+4"; onTriggered: root.window.showStudyTab(1) }
    readonly property Action showCheck: Action { text: qsTr("Check expectations"); shortcut: "Ctrl+5"; onTriggered: root.window.showStudyTab(2) }
    readonly property Action showLessons: Action { text: qsTr("Lessons"); shortcut: "Ctrl+6"; onTriggered: root.window.showStudyTab(3) }
    readonly property Action predict: Action {
        text: root.window.predictMode ? qsTr("Leave &predict mode (show the outcome)") : qsTr("&Predict mode (hide the outcome)")
        shortcut: "Ctrl+Shift+P"
        onTriggered: root.window.setPredictMode(!root.window.predictMode)
    }

    readonly property Action quit: Action { text: qsTr("&Quit"); shortcut: "Ctrl+Q"; onTriggered: root.window.close() }

    readonly property Action undo: Action {
        text: root.document.canUndo ? qsTr("&Undo %1").arg(root.document.undoText) : qsTr("&Undo")
        shortcut: "Ctrl+Z"; enabled: root.free && root.document.canUndo
        onTriggered: root.document.undo()
    }
    readonly property Action redo: Action {
        text: root.document.canRedo ? qsTr("&Redo %1").arg(root.document.redoText) : qsTr("&Redo")
        shortcut: "Ctrl+Shift+Z"; enabled: root.free && root.document.canRedo
        onTriggered: root.document.redo()
    }
    readonly property Action rename: Action {
        text: qsTr("Re&name…"); shortcut: "F2"
        enabled: root.nodeActive && root.selectedActions.editable === true
        onTriggered: root.window.showRename()
    }
    // Change what a WithTimeout/WithDeadline/…Cause/WithValue was made with (not WithCancel,
    // WithCancelCause, WithoutCancel, Background: they take nothing but a parent).
    readonly property Action editParams: Action {
        text: qsTr("&Edit parameters…"); shortcut: "E"
        enabled: root.nodeActive && root.selectedActions.editable === true && root.selectedActions.hasParams === true
        onTriggered: root.window.showEditParams()
    }
    // Del deletes the selected task or after-func when one is selected on the context, else
    // the context (after asking, since it takes its subtree along).
    readonly property bool goroutineActive: root.window.selectedGoroutine !== "" && root.free
    readonly property Action remove: Action {
        text: root.goroutineActive ? qsTr("&Delete %1").arg(root.window.selectedGoroutine) : qsTr("&Delete…"); shortcut: "Del"
        enabled: root.goroutineActive ? root.window.selectedGoroutineEditable : root.nodeActive && root.selectedActions.editable === true
        onTriggered: root.goroutineActive ? root.window.deleteGoroutine() : root.window.showDelete()
    }
    // Another parent or creation time for a context of the scenario (not a root).
    readonly property Action move: Action {
        text: qsTr("&Move…"); shortcut: "M"
        enabled: root.nodeActive && root.selectedActions.editable === true && root.selectedActions.kind !== "Background"
                 && root.selectedActions.kind !== "TODO"
        onTriggered: root.window.showPlace()
    }
    readonly property Action editGoroutine: Action {
        text: qsTr("Edit &task…"); shortcut: "Return"
        enabled: root.goroutineActive && root.window.selectedGoroutineEditable
        onTriggered: root.window.editGoroutine()
    }
    // The chips of the selected context, one after the other (keyboard users' click on a chip).
    readonly property Action selectNextGoroutine: Action {
        text: qsTr("Select next &task on the context"); shortcut: "G"; enabled: root.nodeActive
        onTriggered: root.window.selectNextGoroutine()
    }
    readonly property Action expectNow: Action {
        text: qsTr("E&xpect this now"); shortcut: "Ctrl+Shift+E"
        enabled: root.nodeActive && !root.window.hideOutcome
        onTriggered: root.window.expectNow()
    }
    readonly property Action addExpectation: Action {
        text: qsTr("Add e&xpectation…"); shortcut: "Ctrl+Shift+A"; enabled: root.free; onTriggered: root.window.showExpectationDialog(-1)
    }
    readonly property Action scenarioSettings: Action {
        text: qsTr("Scenario &settings…"); shortcut: "Ctrl+,"; enabled: root.free; onTriggered: root.window.showSettings()
    }
    readonly property Action startTask: Action {
        text: qsTr("Start &task…"); shortcut: "T"
        enabled: root.nodeActive && root.selectedActions.editable === true
        onTriggered: root.window.showTaskDialog(false)
    }
    readonly property Action afterFunc: Action {
        text: qsTr("&AfterFunc…"); shortcut: "A"
        enabled: root.nodeActive && root.selectedActions.editable === true
        onTriggered: root.window.showTaskDialog(true)
    }
    readonly property Action cancel: Action {
        text: root.selectedActions.takesCause === true ? qsTr("&Cancel with cause…") : qsTr("&Cancel")
        shortcut: "X"
        enabled: root.nodeActive && root.selectedActions.canCancel === true
        onTriggered: root.window.cancelSelected()
    }
    readonly property Action nodeMenu: Action {
        text: qsTr("Context &menu"); shortcut: "Shift+F10"; enabled: root.nodeActive
        onTriggered: root.window.showNodeMenu()
    }

    readonly property Action deriveCancel: Action { text: "WithCancel"; shortcut: "Alt+1"; enabled: root.deriveEnabled; onTriggered: root.window.derive("WithCancel") }
    readonly property Action deriveCancelCause: Action { text: "WithCancelCause"; shortcut: "Alt+2"; enabled: root.deriveEnabled; onTriggered: root.window.derive("WithCancelCause") }
    readonly property Action deriveTimeout: Action { text: "WithTimeout…"; shortcut: "Alt+3"; enabled: root.deriveEnabled; onTriggered: root.window.derive("WithTimeout") }
    readonly property Action deriveDeadline: Action { text: "WithDeadline…"; shortcut: "Alt+4"; enabled: root.deriveEnabled; onTriggered: root.window.derive("WithDeadline") }
    readonly property Action deriveTimeoutCause: Action { text: "WithTimeoutCause…"; shortcut: "Alt+5"; enabled: root.deriveEnabled; onTriggered: root.window.derive("WithTimeoutCause") }
    readonly property Action deriveDeadlineCause: Action { text: "WithDeadlineCause…"; shortcut: "Alt+6"; enabled: root.deriveEnabled; onTriggered: root.window.derive("WithDeadlineCause") }
    readonly property Action deriveValue: Action { text: "WithValue…"; shortcut: "Alt+7"; enabled: root.deriveEnabled; onTriggered: root.window.derive("WithValue") }
    readonly property Action deriveWithoutCancel: Action { text: "WithoutCancel"; shortcut: "Alt+8"; enabled: root.deriveEnabled; onTriggered: root.window.derive("WithoutCancel") }
    readonly property bool deriveEnabled: root.nodeActive && root.selectedActions.editable === true

    readonly property Action play: Action {
        text: root.window.clock.playing ? qsTr("&Pause") : qsTr("&Play"); shortcut: "Space"; enabled: root.free
        onTriggered: root.window.clock.toggle()
    }
    readonly property Action stepForward: Action { text: qsTr("Step to next event"); shortcut: "Right"; enabled: root.free; onTriggered: { root.window.clock.playing = false; root.document.stepForward() } }
    readonly property Action stepBack: Action { text: qsTr("Step back"); shortcut: "Left"; enabled: root.free; onTriggered: { root.window.clock.playing = false; root.document.stepBack() } }
    readonly property Action restart: Action { text: qsTr("Restart"); shortcut: "Home"; enabled: root.free; onTriggered: { root.window.clock.playing = false; root.document.restart() } }
    readonly property Action toEnd: Action { text: qsTr("Go to end"); shortcut: "End"; enabled: root.free; onTriggered: { root.window.clock.playing = false; root.document.seekEnd() } }
    readonly property Action slower: Action { text: qsTr("Slower"); shortcut: "["; enabled: root.free; onTriggered: root.window.clock.speed = root.window.clock.speed / 2 }
    // Loop: play starts over at the end (for showing a cascade again and again).
    readonly property Action loop: Action {
        text: qsTr("&Loop"); shortcut: "L"; checkable: true; checked: root.window.clock.loop
        onTriggered: root.window.clock.loop = checked
    }
    // Races: the other outcomes Go can produce (OutcomeSwitcher); not while predicting.
    readonly property Action nextOutcome: Action {
        text: qsTr("Next &outcome"); shortcut: "O"
        enabled: root.free && root.document.outcomes.count > 1 && !root.window.hideOutcome
        onTriggered: root.document.outcomes.next()
    }
    readonly property Action previousOutcome: Action {
        text: qsTr("Previous outcome"); shortcut: "Shift+O"
        enabled: root.free && root.document.outcomes.count > 1 && !root.window.hideOutcome
        onTriggered: root.document.outcomes.previous()
    }
    readonly property Action faster: Action { text: qsTr("Faster"); shortcut: "]"; enabled: root.free; onTriggered: root.window.clock.speed = root.window.clock.speed * 2 }

    readonly property Action zoomIn: Action { text: qsTr("Zoom in"); shortcut: "Ctrl++"; enabled: root.free; onTriggered: root.window.treePane.zoomBy(1.25) }
    readonly property Action zoomOut: Action { text: qsTr("Zoom out"); shortcut: "Ctrl+-"; enabled: root.free; onTriggered: root.window.treePane.zoomBy(0.8) }
    readonly property Action zoomReset: Action { text: qsTr("Actual size"); shortcut: "Ctrl+0"; enabled: root.free; onTriggered: root.window.treePane.resetZoom() }
    readonly property Action fit: Action { text: qsTr("&Fit to view"); shortcut: "F"; enabled: root.free; onTriggered: root.window.treePane.fitToView() }
    readonly property Action collapse: Action {
        text: qsTr("Collapse / expand subtree"); shortcut: "C"; enabled: root.nodeActive
        onTriggered: root.window.scene.toggleCollapsed(root.window.selectedId)
    }
    readonly property Action expandAll: Action { text: qsTr("Expand all"); shortcut: "Shift+E"; enabled: root.free; onTriggered: root.window.scene.expandAll() }
    readonly property Action selectParent: Action { text: qsTr("Select parent"); shortcut: "Up"; enabled: root.nodeActive; onTriggered: root.window.selectRelative(-1) }
    readonly property Action selectChild: Action { text: qsTr("Select first child"); shortcut: "Down"; enabled: root.nodeActive; onTriggered: root.window.selectRelative(1) }
    readonly property Action shortcuts: Action { text: qsTr("Keyboard shortcuts"); shortcut: "?"; onTriggered: root.window.showShortcuts() }
    // F10, as desktop apps have it: the File menu opens, and the arrow keys go on from there.
    readonly property Action menus: Action {
        text: qsTr("Open the menu bar"); shortcut: "F10"; enabled: root.free
        onTriggered: if (root.window.menuBar && root.window.menuBar.openMenuBar) root.window.menuBar.openMenuBar()
    }
}
