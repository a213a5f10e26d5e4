import QtQuick
import QtTest
import Ctxscope

TestCase {
    id: testCase
    name: "StepListEditor"
    when: windowShown
    width: 700
    height: 300
    visible: true

    ScenarioEditor { id: scenarioEditor }

    Component {
        id: editorComponent
        StepListEditor {
            id: editor
            editor: scenarioEditor
            width: 680
            steps: [{ op: "work", duration: "100ms", watch: "done" }, { op: "fail", text: "boom" }]
            onEdited: (s) => editor.steps = s
        }
    }

    function test_editsReplaceTheList() {
        const e = createTemporaryObject(editorComponent, testCase)
        e.update(0, "duration", "250ms")
        compare(e.steps[0].duration, "250ms")
        e.setOp(1, "await")
        compare(e.steps[1].op, "await")
        e.move(1, -1)
        compare(e.steps[0].op, "await")
        e.replace(0, null)
        compare(e.steps.length, 1)
        compare(e.steps[0].duration, "250ms")
    }

    Component {
        id: nestedComponent
        StepListEditor {
            id: nestedEditor
            editor: scenarioEditor
            width: 680
            steps: [{ op: "work", duration: "100ms", watch: "done" },
                    { op: "spawn", base: "worker", steps: [{ op: "work", duration: "50ms", watch: "done" }, { op: "log", text: "hi" }] }]
            onEdited: (s) => nestedEditor.steps = s
        }
    }

    // nestedOf returns the editor of the steps that step `index` (from 0) of e spawns.
    function nestedOf(e, index) {
        const name = "spawned by " + e.prefix + (index + 1)
        tryVerify(() => findChild(e, name) !== null, 1000, name)
        return findChild(e, name)
    }

    function test_spawnedStepsAreEditedInPlace() {
        const e = createTemporaryObject(nestedComponent, testCase)
        const inner = nestedOf(e, 1)
        compare(inner.prefix, "2.")
        compare(inner.steps.length, 2)
        inner.update(0, "duration", "75ms")
        compare(e.steps[1].steps[0].duration, "75ms")
        compare(e.steps[1].base, "worker")             // the spawn step keeps its other keys
        inner.addStep()
        compare(e.steps[1].steps.length, 3)
        inner.setOp(2, "fail")
        inner.move(2, -1)
        compare(e.steps[1].steps.map(s => s.op), ["work", "fail", "log"])
        inner.replace(0, null)
        compare(e.steps[1].steps.map(s => s.op), ["fail", "log"])
        compare(e.steps[0].duration, "100ms")           // the outer list is otherwise untouched
        compare(nestedOf(e, 1), inner)                  // same rows: editing did not rebuild them
    }

    function test_spawnsNestToAnyDepthAndNameTheirPositions() {
        const e = createTemporaryObject(nestedComponent, testCase)
        nestedOf(e, 1).setOp(1, "spawn")
        const deep = nestedOf(nestedOf(e, 1), 1)
        compare(deep.prefix, "2.2.")
        compare(e.problems.length, 0)
        deep.update(0, "duration", "soon")
        compare(e.steps[1].steps[1].steps[0].duration, "soon")
        compare(e.problems.length, 1)
        verify(e.problems[0].indexOf("step 2.2.1: duration ") === 0, e.problems[0])
        // The line under the step says the same, without the position.
        const error = findChild(findChild(deep, "step 2.2.1"), "stepError")
        verify(error.visible)
        verify(error.text.indexOf("duration ") >= 0, error.text)
        verify(findChild(deep, "step 2.2.1") !== null)
        deep.update(0, "duration", "5ms")
        compare(e.problems.length, 0)
    }

    function test_deriveStepsAreEditedInline() {
        const e = createTemporaryObject(nestedComponent, testCase)
        const inner = nestedOf(e, 1)
        inner.setOp(0, "derive")
        compare(e.steps[1].steps[0].kind, "WithTimeout")
        inner.update(0, "kind", "WithValue")
        compare(e.problems.length, 0)       // a fresh derive step holds a key for every kind
        verify(findChild(findChild(inner, "step 2.1"), "keyField").visible)
        inner.update(0, "key", "")
        verify(e.problems[0].indexOf("step 2.1: derive: a WithValue needs a key") === 0, e.problems[0])
        inner.update(0, "kind", "WithDeadline")
        verify(!findChild(findChild(inner, "step 2.1"), "keyField").visible)
        inner.update(0, "deadline", "-1s")  // a deadline before the start is valid Go (spec)
        compare(e.problems.length, 0)
        inner.update(0, "deadline", "later")
        verify(e.problems[0].indexOf("step 2.1: deadline ") === 0, e.problems[0])
    }

    function test_typingInANestedFieldKeepsTheFocus() {
        const e = createTemporaryObject(nestedComponent, testCase)
        const inner = nestedOf(e, 1)
        const input = findChild(findChild(inner, "step 2.1"), "durationInput")
        input.forceActiveFocus()
        input.selectAll()
        keyClick(Qt.Key_3)
        keyClick(Qt.Key_S)
        compare(e.steps[1].steps[0].duration, "3s")
        verify(input.activeFocus)
    }

    function test_nestedStepsAreReachedWithTheKeyboard() {
        const e = createTemporaryObject(nestedComponent, testCase)
        const inner = nestedOf(e, 1)
        findChild(findChild(e, "step 2"), "opBox").forceActiveFocus()
        const add = findChild(inner, "addButton")
        let reached = false
        for (let i = 0; i < 40 && !reached; ++i) {
            keyClick(Qt.Key_Tab)
            reached = add.activeFocus
        }
        verify(reached, "Tab never reached the nested Add step button")
        keyClick(Qt.Key_Space)
        compare(e.steps[1].steps.length, 3)
        // Moving a step with the keyboard: the focus follows the step.
        const down = findChild(findChild(inner, "step 2.1"), "downButton")
        down.forceActiveFocus()
        keyClick(Qt.Key_Space)
        compare(e.steps[1].steps.map(s => s.op), ["log", "work", "work"])
        verify(findChild(findChild(inner, "step 2.2"), "downButton").activeFocus)
    }
}

