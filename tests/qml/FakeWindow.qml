// FakeWindow: what AppActions needs from the window, for tests of panes that use the actions.
import QtQuick
import Ctxscope

QtObject {
    id: root

    property Document document
    property TreeScene scene
    property PlayClock clock
    property var treePane: null
    property string selectedId: root.scene ? root.scene.selectedId : ""
    property bool popupOpen: false
    property var selectedActions: root.selectedId === "" ? ({}) : root.document.contexts.contextActions(root.selectedId)
    property var calls: []
    property bool timelineShown: true
    property bool sideShown: true
    property bool studyShown: true
    property bool predictMode: false
    property bool hideOutcome: false
    property string selectedGoroutine: ""
    property bool selectedGoroutineEditable: false
    property var menuBar: null

    function record(name) { root.calls = root.calls.concat([name]) }
    function newScenario() { record("newScenario") }
    function openFileDialog() { record("open") }
    function save() { record("save") }
    function saveAs() { record("saveAs") }
    function close() { record("close") }
    function showRename() { record("rename") }
    function showEditParams() { record("editParams") }
    function showDelete() { record("delete") }
    function showTaskDialog(afterFunc) { record(afterFunc ? "afterFunc" : "task") }
    function cancelSelected() { record("cancel") }
    function showNodeMenu() { record("menu") }
    function derive(kind) { record("derive " + kind) }
    function selectRelative(d) { record("select " + d) }
    function showShortcuts() { record("shortcuts") }
    function showExport(kind) { record("export " + kind) }
    function showSideTab(i) { record("side " + i) }
    function showStudyTab(i) { record("study " + i) }
    function editGoroutine() { record("editGoroutine " + root.selectedGoroutine) }
    function deleteGoroutine() { record("deleteGoroutine " + root.selectedGoroutine) }
    function selectNextGoroutine() { record("nextGoroutine") }
    function expectNow() { record("expectNow") }
    function showExpectationDialog(i) { record("expectation " + i) }
    function showSettings() { record("settings") }
    function showPlace() { record("place") }
    function setPredictMode(on) { root.predictMode = on; record("predict " + on) }
}
