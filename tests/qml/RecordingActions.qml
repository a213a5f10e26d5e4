// RecordingActions: the app's actions with every request the window would handle written down
// in `calls` instead, for tests of panes and menus that use the actions.
import QtQuick
import Ctxscope

AppActions {
    id: root

    property var calls: []

    function record(name) { root.calls = root.calls.concat([name]) }

    onNewScenarioRequested: root.record("newScenario")
    onOpenRequested: root.record("open")
    onSaveRequested: root.record("save")
    onSaveAsRequested: root.record("saveAs")
    onExportRequested: (kind) => root.record("export " + kind)
    onQuitRequested: root.record("close")
    onSideTabRequested: (index) => root.record("side " + index)
    onStudyTabRequested: (index) => root.record("study " + index)
    onPredictModeRequested: (on) => root.record("predict " + on)
    onRenameRequested: root.record("rename")
    onEditParamsRequested: root.record("editParams")
    onDeleteRequested: root.record("delete")
    onDeleteGoroutineRequested: root.record("deleteGoroutine " + root.selectedGoroutine)
    onPlaceRequested: root.record("place")
    onEditGoroutineRequested: root.record("editGoroutine " + root.selectedGoroutine)
    onNextGoroutineRequested: root.record("nextGoroutine")
    onExpectNowRequested: root.record("expectNow")
    onExpectationRequested: (index) => root.record("expectation " + index)
    onSettingsRequested: root.record("settings")
    onTaskRequested: (afterFunc) => root.record(afterFunc ? "afterFunc" : "task")
    onCancelRequested: root.record("cancel")
    onNodeMenuRequested: root.record("menu")
    onDeriveRequested: (kind) => root.record("derive " + kind)
    onZoomRequested: (factor) => root.record("zoom " + factor)
    onZoomResetRequested: root.record("zoomReset")
    onFitRequested: root.record("fit")
    onSelectRelativeRequested: (direction) => root.record("select " + direction)
    onShortcutsRequested: root.record("shortcuts")
    onMenuBarRequested: root.record("menuBar")
}
