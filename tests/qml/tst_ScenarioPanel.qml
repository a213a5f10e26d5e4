import QtQuick
import QtQuick.Controls
import QtTest
import Ctxscope

TestCase {
    id: testCase
    name: "ScenarioPanel"
    when: windowShown
    width: 480
    height: 600
    visible: true

    Document { id: doc; files.recoveryPath: "" }
    ScenarioEditor { id: testEditor; document: doc }
    Component { id: panelComponent; ScenarioPanel { width: 460; height: 560; editor: testEditor; document: doc } }
    Component { id: settingsComponent; SettingsDialog { editor: testEditor } }
    Component { id: expectationComponent; ExpectationDialog { editor: testEditor } }
    Component { id: actionComponent; ActionDialog { editor: testEditor } }
    SignalSpy { id: editActionSpy; signalName: "editAction" }

    function init() {
        doc.files.newScenario()
        compare(doc.contexts.derive("root", "WithCancel", { id: "job" }), "")
        doc.seekTime(40e6)
        compare(doc.contexts.cancelContext("job", undefined), "")
    }

    function test_actionsAreListedEditedAndDeleted() {
        const p = createTemporaryObject(panelComponent, testCase)
        editActionSpy.target = p
        tryVerify(() => findChild(p, "action 0") !== null)
        const row = findChild(p, "action 0")
        mouseClick(findChild(row, "editAction"))
        compare(editActionSpy.count, 1)
        compare(editActionSpy.signalArguments[0][0].at, "40ms")
        const d = createTemporaryObject(actionComponent, testCase)
        d.start(editActionSpy.signalArguments[0][0])
        tryCompare(d, "opened", true)
        const at = findChild(d, "atField")
        at.text = "75ms"
        keyClick(Qt.Key_Return)          // Enter takes the obvious action
        tryCompare(d, "visible", false)
        compare(testEditor.actions[0].at, "75ms")
        mouseClick(findChild(findChild(p, "action 0"), "deleteAction"))
        compare(testEditor.actions.length, 0)
        doc.undo()
        compare(testEditor.actions.length, 1)
    }

    function test_settingsDialogChangesTheScenarioOnEnter() {
        const d = createTemporaryObject(settingsComponent, testCase)
        d.start()
        tryCompare(d, "opened", true)
        const name = findChild(d, "nameField")
        verify(name.activeFocus)
        name.text = "Renamed"
        keyClick(Qt.Key_Return)
        tryCompare(d, "visible", false)
        compare(doc.scenarioName, "Renamed")
        compare(doc.undoText, "Scenario settings")
    }

    function test_expectationsAreAddedAndShown() {
        const p = createTemporaryObject(panelComponent, testCase)
        const d = createTemporaryObject(expectationComponent, testCase)
        d.start(-1)
        tryCompare(d, "opened", true)
        findChild(d, "subjectField").text = "job"
        d.accept()
        tryVerify(() => findChild(p, "expectation 0") !== null)
        compare(testEditor.expectations[0].text, "context job: err = \"context canceled\"")
        // A refused one is reported, not added.
        let failure = ""
        d.failed.connect((e) => failure = e)
        d.start(-1)
        tryCompare(d, "opened", true)
        findChild(d, "subjectField").text = "ghost"
        d.accept()
        verify(failure.indexOf("ghost") >= 0, failure)
        compare(testEditor.expectations.length, 1)
    }
}
