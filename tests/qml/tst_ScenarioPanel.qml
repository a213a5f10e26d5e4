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
    LearnerEditor { id: testLearner; document: doc }
    Component { id: panelComponent; ScenarioPanel { width: 460; height: 560; editor: testEditor; learner: testLearner; document: doc } }
    Component { id: learnerDialogsComponent; LearnerDialogs { editor: testEditor; learner: testLearner } }
    SignalSpy { id: editLearnerSpy; signalName: "editLearner" }
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

    // An author makes an exercise, adds a condition of "solved" and a predict question, all by
    // clicking in the Scenario tab and its dialogs, then deletes them again: one undo step each.
    function test_exerciseAndPredictQuestionsAreAuthoredByClicking() {
        const p = createTemporaryObject(panelComponent, testCase)
        const dialogs = createTemporaryObject(learnerDialogsComponent, testCase)
        editLearnerSpy.target = p
        p.editLearner.connect(dialogs.start)
        verify(!testLearner.hasExercise)

        const make = findChild(p, "makeExercise")
        verify(make.visible)
        mouseClick(make)
        compare(editLearnerSpy.count, 1)
        compare(editLearnerSpy.signalArguments[0][0], "exercise")
        tryCompare(dialogs, "anyOpen", true)
        const goal = findChild(dialogs, "goalField")
        tryCompare(goal, "activeFocus", true)
        goal.text = "Cancel the job before it ends"
        keyClick(Qt.Key_Return)                       // Enter makes it
        tryCompare(dialogs, "anyOpen", false)
        verify(testLearner.hasExercise)
        compare(testLearner.goal, "Cancel the job before it ends")
        // The scenario has one expectation-free state: done_when starts as "no lints".
        compare(testLearner.doneWhen.length, 1)
        compare(testLearner.doneWhen[0].text, "no lints")
        compare(testLearner.solutionLists, "contexts, tasks, after-funcs, actions")
        // As made, the learner's version is the solution: the check says it is solved already.
        tryVerify(() => testLearner.problems.length > 0)
        verify(testLearner.problems[0].indexOf("exercise.done_when") === 0, testLearner.problems[0])
        verify(!findChild(p, "makeExercise").visible)
        verify(findChild(p, "editExercise").visible)

        // A condition of "solved": the job ends canceled.
        mouseClick(findChild(p, "addDoneWhen"))
        tryCompare(dialogs, "anyOpen", true)
        for (const c of "job") keyClick(c)
        keyClick(Qt.Key_Return)
        tryCompare(dialogs, "anyOpen", false)
        compare(testLearner.doneWhen.length, 2)
        compare(testLearner.doneWhen[1].text, "context job: err = \"context canceled\"")

        // A predict question about the job's err only.
        mouseClick(findChild(p, "addPredict"))
        tryCompare(dialogs, "anyOpen", true)
        for (const c of "job") keyClick(c)
        // Popups hide their content from findChild's visual search: start from the content item.
        const pd = findChild(dialogs, "predictDialog").contentItem
        tryVerify(() => findChild(pd, "field done_at") !== null)
        const doneAt = findChild(pd, "field done_at")
        verify(doneAt.checked)
        mouseClick(doneAt)
        verify(!doneAt.checked)
        const subject = findChild(dialogs, "subjectBox")
        compare(subject.editText, "job")
        subject.contentItem.forceActiveFocus()        // back in the id's text, as a click puts it
        keyClick(Qt.Key_Return)
        tryCompare(dialogs, "anyOpen", false)
        compare(testLearner.predictQuestions.length, 1)
        compare(testLearner.predictQuestions[0].text, "context job: err")

        // Deleting is one click each, and undo brings each back.
        const undoBefore = doc.undoText
        compare(testLearner.deletePredictQuestion(0), "")
        compare(testLearner.predictQuestions.length, 0)
        doc.undo()
        compare(testLearner.predictQuestions.length, 1)
        mouseClick(findChild(p, "removeExercise"))
        verify(!testLearner.hasExercise)
        doc.undo()
        verify(testLearner.hasExercise)
        compare(doc.undoText, undoBefore)
    }
}
