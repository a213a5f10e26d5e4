// AppActions: every command of the app as an Action with its shortcut, in one place, so the
// menus, the node menu, the toolbar and the shortcuts sheet all show the same keys. What acts on
// the document, the scene or the play clock is done here; what needs the window (its dialogs,
// its panes) comes out as a signal, which Main.qml connects (tests record them instead). It owns
// which panels show (the View menu's toggles); the window reads them from here.
import QtQuick
import QtQuick.Controls
import Ctxscope

QtObject {
    id: root

    required property Document document
    required property TreeScene scene
    required property PlayClock clock
    property bool popupOpen: false          // a dialog, a file chooser or a slow job: nothing else acts
    // The task or after-func selected on the selected context (a click on its chip), and
    // whether the scenario has it (not one only the run made).
    property string selectedGoroutine: ""
    property bool selectedGoroutineEditable: false
    // The top-level task or after-func whose steps spawn or register the selected goroutine
    // ("" for a top-level one): editing it opens that owner's steps.
    property string selectedGoroutineOwner: ""
    // Panels (View menu): the timeline under the tree; the side column of inspector/notes over
    // the study tabs.
    property bool timelineShown: true
    property bool sideShown: true
    property bool studyShown: true

    readonly property bool nodeActive: root.scene.selectedId !== "" && !root.popupOpen
    readonly property bool free: !root.popupOpen
    readonly property bool predictMode: root.document.predicting
    // What can be done to the selected context ({} when none), re-read after every simulation
    // and playhead move (the comma expression makes them dependencies).
    readonly property var selectedActions: (root.document.revision, root.document.time,
                                            root.scene.selectedId === "" ? ({}) : root.document.contexts.contextActions(root.scene.selectedId))

    // What the window does (Main.qml), asked for by the actions.
    signal newScenarioRequested()
    signal openRequested()
    signal saveRequested()
    signal saveAsRequested()
    signal exportRequested(string kind)     // "" (any), "trace", "chrome", "go", "report", "svg"
    signal quitRequested()
    signal sideTabRequested(int index)      // 0 inspector, 1 notes, 2 scenario
    signal studyTabRequested(int index)     // 0 events, 1 lints, 2 check, 3 lessons
    signal predictModeRequested(bool on)
    signal renameRequested()
    signal editParamsRequested()
    signal deleteRequested()                // the selected context (after asking)
    signal deleteGoroutineRequested()       // the selected task or after-func
    signal placeRequested()
    signal editGoroutineRequested()
    signal nextGoroutineRequested()
    signal expectNowRequested()
    signal expectationRequested(int index)  // -1: a new one
    signal settingsRequested()
    signal taskRequested(bool afterFunc)
    signal cancelRequested()
    signal nodeMenuRequested()
    signal deriveRequested(string kind)
    signal zoomRequested(real factor)
    signal zoomResetRequested()
    signal fitRequested()
    signal selectRelativeRequested(int direction)   // -1 parent, 1 first child
    signal shortcutsRequested()
    signal menuBarRequested()

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

    readonly property Action newFile: Action { text: qsTr("&New"); shortcut: "Ctrl+N"; enabled: root.free; onTriggered: root.newScenarioRequested() }
    readonly property Action open: Action { text: qsTr("&Open…"); shortcut: "Ctrl+O"; enabled: root.free; onTriggered: root.openRequested() }
    readonly property Action save: Action { text: qsTr("&Save"); shortcut: "Ctrl+S"; enabled: root.free; onTriggered: root.saveRequested() }
    readonly property Action saveAs: Action { text: qsTr("Save &As…"); shortcut: "Ctrl+Shift+S"; enabled: root.free; onTriggered: root.saveAsRequested() }
    // File ▸ Export: each opens the export dialog on its kind (the dialog lets the kind change).
    // The sheet lists only "Export…" (it must fit one screen); the menu shows each one's keys.
    readonly property var exportActions: [exportTrace, exportChrome, exportGo, exportReport, exportImage]
    readonly property Action exportAny: Action { text: qsTr("&Export…"); shortcut: "Ctrl+E"; enabled: root.free; onTriggered: root.exportRequested("") }
    readonly property Action exportTrace: Action { text: qsTr("&Trace (JSONL)…"); shortcut: "Ctrl+Alt+T"; enabled: root.free; onTriggered: root.exportRequested("trace") }
    readonly property Action exportChrome: Action { text: qsTr("&Chrome trace…"); shortcut: "Ctrl+Alt+C"; enabled: root.free; onTriggered: root.exportRequested("chrome") }
    readonly property Action exportGo: Action { text: qsTr("&Go module…"); shortcut: "Ctrl+Alt+G"; enabled: root.free; onTriggered: root.exportRequested("go") }
    readonly property Action exportReport: Action { text: qsTr("&Report…"); shortcut: "Ctrl+Alt+R"; enabled: root.free; onTriggered: root.exportRequested("report") }
    readonly property Action exportImage: Action { text: qsTr("&Image…"); shortcut: "Ctrl+Alt+I"; enabled: root.free; onTriggered: root.exportRequested("svg") }

    // Panels: the timeline under the tree, the side column (inspector/notes over the study tabs).
    readonly property Action toggleTimeline: Action {
        text: root.timelineShown ? qsTr("Hide &timeline") : qsTr("Show &timeline"); shortcut: "Ctrl+T"
        onTriggered: root.timelineShown = !root.timelineShown
    }
    readonly property Action toggleSidePanel: Action {
        text: root.sideShown ? qsTr("Hide &inspector and notes") : qsTr("Show &inspector and notes"); shortcut: "Ctrl+I"
        onTriggered: root.sideShown = !root.sideShown
    }
    readonly property Action toggleStudyPanel: Action {
        text: root.studyShown ? qsTr("Hide &study panel") : qsTr("Show &study panel"); shortcut: "Ctrl+B"
        onTriggered: root.studyShown = !root.studyShown
    }
    readonly property Action showInspector: Action { text: qsTr("Inspector"); shortcut: "Ctrl+1"; onTriggered: root.sideTabRequested(0) }
    readonly property Action showNotes: Action { text: qsTr("Lesson notes"); shortcut: "Ctrl+2"; onTriggered: root.sideTabRequested(1) }
    readonly property Action showScenario: Action { text: qsTr("Scenario: actions and expectations"); shortcut: "Ctrl+7"; onTriggered: root.sideTabRequested(2) }
    readonly property Action showEvents: Action { text: qsTr("Events"); shortcut: "Ctrl+3"; onTriggered: root.studyTabRequested(0) }
    readonly property Action showLints: Action { text: qsTr("Lints"); shortcut: "Ctrl+4"; onTriggered: root.studyTabRequested(1) }
    readonly property Action showCheck: Action { text: qsTr("Check expectations"); shortcut: "Ctrl+5"; onTriggered: root.studyTabRequested(2) }
    readonly property Action showLessons: Action { text: qsTr("Lessons"); shortcut: "Ctrl+6"; onTriggered: root.studyTabRequested(3) }
    readonly property Action predict: Action {
        text: root.predictMode ? qsTr("Leave &predict mode (show the outcome)") : qsTr("&Predict mode (hide the outcome)")
        shortcut: "Ctrl+Shift+P"
        onTriggered: root.predictModeRequested(!root.predictMode)
    }

    readonly property Action quit: Action { text: qsTr("&Quit"); shortcut: "Ctrl+Q"; onTriggered: root.quitRequested() }

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
        onTriggered: root.renameRequested()
    }
    // Change what a WithTimeout/WithDeadline/…Cause/WithValue was made with (not WithCancel,
    // WithCancelCause, WithoutCancel, Background: they take nothing but a parent).
    readonly property Action editParams: Action {
        text: qsTr("&Edit parameters…"); shortcut: "E"
        enabled: root.nodeActive && root.selectedActions.editable === true && root.selectedActions.hasParams === true
        onTriggered: root.editParamsRequested()
    }
    // Del deletes the selected task or after-func when one is selected on the context, else
    // the context (after asking, since it takes its subtree along).
    readonly property bool goroutineActive: root.selectedGoroutine !== "" && root.free
    readonly property Action remove: Action {
        text: root.goroutineActive ? qsTr("&Delete %1").arg(root.selectedGoroutine) : qsTr("&Delete…"); shortcut: "Del"
        enabled: root.goroutineActive ? root.selectedGoroutineEditable : root.nodeActive && root.selectedActions.editable === true
        onTriggered: root.goroutineActive ? root.deleteGoroutineRequested() : root.deleteRequested()
    }
    // Another parent or creation time for a context of the scenario (not a root).
    readonly property Action move: Action {
        text: qsTr("&Move…"); shortcut: "M"
        enabled: root.nodeActive && root.selectedActions.editable === true && root.selectedActions.kind !== "Background"
                 && root.selectedActions.kind !== "TODO"
        onTriggered: root.placeRequested()
    }
    readonly property Action editGoroutine: Action {
        text: qsTr("Edit &task…"); shortcut: "Return"
        enabled: root.goroutineActive && (root.selectedGoroutineEditable || root.selectedGoroutineOwner !== "")
        onTriggered: root.editGoroutineRequested()
    }
    // The chips of the selected context, one after the other (keyboard users' click on a chip).
    readonly property Action selectNextGoroutine: Action {
        text: qsTr("Select next &task on the context"); shortcut: "G"; enabled: root.nodeActive
        onTriggered: root.nextGoroutineRequested()
    }
    readonly property Action expectNow: Action {
        text: qsTr("E&xpect this now"); shortcut: "Ctrl+Shift+E"
        enabled: root.nodeActive && !root.scene.hideOutcome
        onTriggered: root.expectNowRequested()
    }
    readonly property Action addExpectation: Action {
        text: qsTr("Add e&xpectation…"); shortcut: "Ctrl+Shift+A"; enabled: root.free; onTriggered: root.expectationRequested(-1)
    }
    readonly property Action scenarioSettings: Action {
        text: qsTr("Scenario &settings…"); shortcut: "Ctrl+,"; enabled: root.free; onTriggered: root.settingsRequested()
    }
    readonly property Action startTask: Action {
        text: qsTr("Start &task…"); shortcut: "T"
        enabled: root.nodeActive && root.selectedActions.editable === true
        onTriggered: root.taskRequested(false)
    }
    readonly property Action afterFunc: Action {
        text: qsTr("&AfterFunc…"); shortcut: "A"
        enabled: root.nodeActive && root.selectedActions.editable === true
        onTriggered: root.taskRequested(true)
    }
    readonly property Action cancel: Action {
        text: root.selectedActions.takesCause === true ? qsTr("&Cancel with cause…") : qsTr("&Cancel")
        shortcut: "X"
        enabled: root.nodeActive && root.selectedActions.canCancel === true
        onTriggered: root.cancelRequested()
    }
    readonly property Action nodeMenu: Action {
        text: qsTr("Context &menu"); shortcut: "Shift+F10"; enabled: root.nodeActive
        onTriggered: root.nodeMenuRequested()
    }

    readonly property Action deriveCancel: Action { text: "WithCancel"; shortcut: "Alt+1"; enabled: root.deriveEnabled; onTriggered: root.deriveRequested("WithCancel") }
    readonly property Action deriveCancelCause: Action { text: "WithCancelCause"; shortcut: "Alt+2"; enabled: root.deriveEnabled; onTriggered: root.deriveRequested("WithCancelCause") }
    readonly property Action deriveTimeout: Action { text: "WithTimeout…"; shortcut: "Alt+3"; enabled: root.deriveEnabled; onTriggered: root.deriveRequested("WithTimeout") }
    readonly property Action deriveDeadline: Action { text: "WithDeadline…"; shortcut: "Alt+4"; enabled: root.deriveEnabled; onTriggered: root.deriveRequested("WithDeadline") }
    readonly property Action deriveTimeoutCause: Action { text: "WithTimeoutCause…"; shortcut: "Alt+5"; enabled: root.deriveEnabled; onTriggered: root.deriveRequested("WithTimeoutCause") }
    readonly property Action deriveDeadlineCause: Action { text: "WithDeadlineCause…"; shortcut: "Alt+6"; enabled: root.deriveEnabled; onTriggered: root.deriveRequested("WithDeadlineCause") }
    readonly property Action deriveValue: Action { text: "WithValue…"; shortcut: "Alt+7"; enabled: root.deriveEnabled; onTriggered: root.deriveRequested("WithValue") }
    readonly property Action deriveWithoutCancel: Action { text: "WithoutCancel"; shortcut: "Alt+8"; enabled: root.deriveEnabled; onTriggered: root.deriveRequested("WithoutCancel") }
    readonly property bool deriveEnabled: root.nodeActive && root.selectedActions.editable === true

    readonly property Action play: Action {
        text: root.clock.playing ? qsTr("&Pause") : qsTr("&Play"); shortcut: "Space"; enabled: root.free
        onTriggered: root.clock.toggle()
    }
    readonly property Action stepForward: Action { text: qsTr("Step to next event"); shortcut: "Right"; enabled: root.free; onTriggered: { root.clock.playing = false; root.document.stepForward() } }
    readonly property Action stepBack: Action { text: qsTr("Step back"); shortcut: "Left"; enabled: root.free; onTriggered: { root.clock.playing = false; root.document.stepBack() } }
    readonly property Action restart: Action { text: qsTr("Restart"); shortcut: "Home"; enabled: root.free; onTriggered: { root.clock.playing = false; root.document.restart() } }
    readonly property Action toEnd: Action { text: qsTr("Go to end"); shortcut: "End"; enabled: root.free; onTriggered: { root.clock.playing = false; root.document.seekEnd() } }
    readonly property Action slower: Action { text: qsTr("Slower"); shortcut: "["; enabled: root.free; onTriggered: root.clock.speed = root.clock.speed / 2 }
    // Loop: play starts over at the end (for showing a cascade again and again).
    readonly property Action loop: Action {
        text: qsTr("&Loop"); shortcut: "L"; checkable: true; checked: root.clock.loop
        onTriggered: root.clock.loop = checked
    }
    // Races: the other outcomes Go can produce (OutcomeSwitcher); not while predicting.
    readonly property Action nextOutcome: Action {
        text: qsTr("Next &outcome"); shortcut: "O"
        enabled: root.free && root.document.outcomes.count > 1 && !root.scene.hideOutcome
        onTriggered: root.document.outcomes.next()
    }
    readonly property Action previousOutcome: Action {
        text: qsTr("Previous outcome"); shortcut: "Shift+O"
        enabled: root.free && root.document.outcomes.count > 1 && !root.scene.hideOutcome
        onTriggered: root.document.outcomes.previous()
    }
    readonly property Action faster: Action { text: qsTr("Faster"); shortcut: "]"; enabled: root.free; onTriggered: root.clock.speed = root.clock.speed * 2 }

    readonly property Action zoomIn: Action { text: qsTr("Zoom in"); shortcut: "Ctrl++"; enabled: root.free; onTriggered: root.zoomRequested(1.25) }
    readonly property Action zoomOut: Action { text: qsTr("Zoom out"); shortcut: "Ctrl+-"; enabled: root.free; onTriggered: root.zoomRequested(0.8) }
    readonly property Action zoomReset: Action { text: qsTr("Actual size"); shortcut: "Ctrl+0"; enabled: root.free; onTriggered: root.zoomResetRequested() }
    readonly property Action fit: Action { text: qsTr("&Fit to view"); shortcut: "F"; enabled: root.free; onTriggered: root.fitRequested() }
    readonly property Action collapse: Action {
        text: qsTr("Collapse / expand subtree"); shortcut: "C"; enabled: root.nodeActive
        onTriggered: root.scene.toggleCollapsed(root.scene.selectedId)
    }
    readonly property Action expandAll: Action { text: qsTr("Expand all"); shortcut: "Shift+E"; enabled: root.free; onTriggered: root.scene.expandAll() }
    readonly property Action selectParent: Action { text: qsTr("Select parent"); shortcut: "Up"; enabled: root.nodeActive; onTriggered: root.selectRelativeRequested(-1) }
    readonly property Action selectChild: Action { text: qsTr("Select first child"); shortcut: "Down"; enabled: root.nodeActive; onTriggered: root.selectRelativeRequested(1) }
    readonly property Action shortcuts: Action { text: qsTr("Keyboard shortcuts"); shortcut: "?"; onTriggered: root.shortcutsRequested() }
    // F10, as desktop apps have it: the File menu opens, and the arrow keys go on from there.
    readonly property Action menus: Action {
        text: qsTr("Open the menu bar"); shortcut: "F10"; enabled: root.free
        onTriggered: root.menuBarRequested()
    }
}
