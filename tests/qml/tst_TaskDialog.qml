import QtQuick
import QtQuick.Controls
import QtTest
import Ctxscope

TestCase {
    id: testCase
    name: "TaskDialog"
    when: windowShown
    width: 900
    height: 700
    visible: true

    Document { id: doc }
    ScenarioEditor { id: scenarioEditor; document: doc }
    Component { id: dialogComponent; TaskDialog { document: doc; editor: scenarioEditor } }

    // nestedOf returns the editor of the steps that step `index` (from 0) of e spawns.
    function nestedOf(e, index) {
        const name = "spawned by " + e.prefix + (index + 1)
        tryVerify(() => findChild(e, name) !== null, 1000, name)
        return findChild(e, name)
    }

    function init() { doc.files.newScenario(); compare(doc.contexts.derive("root", "WithCancel", {}), "") }

    function test_presetsFillTheStepList() {
        const d = createTemporaryObject(dialogComponent, testCase)
        d.start("cancel", false)
        tryCompare(d, "opened", true)
        compare(d.steps.length, 1)
        compare(d.steps[0].op, "work")
        compare(d.steps[0].watch, "done")
        const box = findChild(d, "presetBox")
        box.currentIndex = 4
        box.activated(4)
        compare(d.steps.length, 4) // derive, spawn, spawn, await
        compare(d.steps[0].op, "derive")
        compare(d.steps[3].what, "children")
    }

    function test_acceptStartsTheTask() {
        const d = createTemporaryObject(dialogComponent, testCase)
        d.start("cancel", false)
        tryCompare(d, "opened", true)
        const box = findChild(d, "presetBox")
        box.currentIndex = 2
        box.activated(2)
        d.accept()
        compare(doc.run.taskCount, 1)
        verify(doc.files.serialized().indexOf("\"watch\": \"40ms\"") >= 0)
    }

    function test_afterFuncMode() {
        const d = createTemporaryObject(dialogComponent, testCase)
        d.start("cancel", true)
        tryCompare(d, "opened", true)
        verify(d.title.indexOf("AfterFunc") === 0)
        d.accept()
        verify(doc.files.serialized().indexOf("after_funcs") >= 0)
    }

    function test_nestedStepsAreEditedValidatedAndSaved() {
        const d = createTemporaryObject(dialogComponent, testCase)
        d.start("cancel", false)
        tryCompare(d, "opened", true)
        const box = findChild(d, "presetBox")
        box.currentIndex = 4
        box.activated(4)
        const editor = findChild(d, "stepEditor")
        const worker = nestedOf(editor, 1)
        compare(worker.prefix, "2.")
        worker.update(0, "duration", "soon")
        verify(!d.valid)
        verify(!d.standardButton(Dialog.Ok).enabled)
        const problem = findChild(d, "stepProblem")
        verify(problem.visible)
        verify(problem.text.indexOf("step 2.1: duration") >= 0, problem.text)
        worker.update(0, "duration", "30ms")
        verify(d.valid)
        worker.addStep()
        worker.setOp(1, "log")
        nestedOf(editor, 2).setOp(0, "spawn")           // a spawn inside the second worker
        verify(nestedOf(nestedOf(editor, 2), 0) !== null)
        d.accept()
        compare(doc.run.taskCount, 4)                       // the task, its two workers, and the one the second spawns
        const task = JSON.parse(doc.files.serialized()).tasks[0]
        compare(task.steps[1].spawn.steps.length, 2)
        compare(task.steps[1].spawn.steps[0].work, "30ms")
        compare(task.steps[1].spawn.steps[1].log, "hello")
        verify(task.steps[2].spawn.steps[0].spawn !== undefined)
    }

    function test_editModeChangesAnExistingTaskAsOneUndoStep() {
        const d = createTemporaryObject(dialogComponent, testCase)
        d.start("cancel", false)
        tryCompare(d, "opened", true)
        const box = findChild(d, "presetBox")
        box.currentIndex = 4                            // derive, two spawns, await children
        box.activated(4)
        d.accept()
        tryCompare(d, "visible", false)
        const id = JSON.parse(doc.files.serialized()).tasks[0].id
        const before = doc.files.serialized()
        verify(d.startEdit(id))
        tryCompare(d, "opened", true)
        verify(d.title.indexOf("Edit task") === 0, d.title)
        verify(!findChild(d, "presetBox").visible)
        compare(d.steps.length, 4)
        compare(d.steps[1].op, "spawn")
        // Unchanged, OK records nothing: the dialog gives back exactly the steps it was given.
        d.accept()
        tryCompare(d, "visible", false)
        compare(doc.files.serialized(), before)
        verify(d.startEdit(id))
        tryCompare(d, "opened", true)
        const editor = findChild(d, "stepEditor")
        nestedOf(editor, 1).update(0, "duration", "75ms")
        editor.move(3, -1)                              // await children before the second spawn
        d.accept()
        const task = JSON.parse(doc.files.serialized()).tasks[0]
        compare(task.steps[1].spawn.steps[0].work, "75ms")
        compare(task.steps[2].await, "children")
        doc.undo()
        compare(doc.files.serialized(), before)
    }

    function test_editModeRefusesATaskThatIsNotTopLevel() {
        const d = createTemporaryObject(dialogComponent, testCase)
        let failure = ""
        d.failed.connect((e) => failure = e)
        verify(!d.startEdit("nosuch"))
        verify(failure.indexOf("nosuch") >= 0, failure)
        verify(!d.visible)
    }

    function test_enterInAFieldStartsTheTask() {
        const d = createTemporaryObject(dialogComponent, testCase)
        d.start("cancel", false)
        tryCompare(d, "opened", true)
        const count = doc.run.taskCount
        const fields = findChildren(d, (item) => item.placeholderText === "same as the id")
        verify(fields.length === 1)
        fields[0].forceActiveFocus()
        keyClick(Qt.Key_D)
        keyClick(Qt.Key_Return)
        tryCompare(d, "visible", false)
        compare(doc.run.taskCount, count + 1)
        compare(JSON.parse(doc.files.serialized()).tasks[0].id, "d")   // the id comes from the label
    }

    // Enter after picking a value from a closed combo box takes the dialog's action (a plain
    // ComboBox keeps Return for itself); with its list open, Return picks the entry instead.
    function test_enterOnAComboBoxStartsTheTask() {
        const d = createTemporaryObject(dialogComponent, testCase)
        d.start("cancel", false)
        tryCompare(d, "opened", true)
        const count = doc.run.taskCount
        const preset = findChild(d, "presetBox")
        preset.forceActiveFocus()
        keyClick(Qt.Key_Down)                      // the next behaviour, list closed
        compare(preset.currentIndex, 1)
        keyClick(Qt.Key_Space)                     // opens the list
        tryCompare(preset.popup, "visible", true)
        keyClick(Qt.Key_Return)                    // picks, does not submit
        tryCompare(preset.popup, "visible", false)
        verify(d.visible)
        keyClick(Qt.Key_Return)                    // now the dialog's action
        tryCompare(d, "visible", false)
        compare(doc.run.taskCount, count + 1)
    }

    // Opened from the keyboard (T on a context), the dialog has the focus in its first field:
    // typing replaces the duration and Enter starts the task (nothing had the focus, so the
    // keys went nowhere and Enter did nothing).
    function test_opensWithTheDurationFocused() {
        const d = createTemporaryObject(dialogComponent, testCase)
        d.start("cancel", false)
        tryCompare(d, "opened", true)
        const work = findChild(d, "workField")
        verify(work.field.activeFocus)
        keyClick(Qt.Key_4); keyClick(Qt.Key_0); keyClick(Qt.Key_0); keyClick(Qt.Key_M); keyClick(Qt.Key_S)
        compare(work.text, "400ms")
        keyClick(Qt.Key_Return)
        tryCompare(d, "visible", false)
        compare(JSON.parse(doc.files.serialized()).tasks[0].steps[0].work, "400ms")
        // Editing: the first field is the id.
        verify(d.startEdit(JSON.parse(doc.files.serialized()).tasks[0].id))
        tryCompare(d, "opened", true)
        verify(findChild(d, "idField").activeFocus)
    }

    function findChildren(item, pred) {
        let out = []
        if (pred(item)) out.push(item)
        const kids = item.contentItem ? [item.contentItem].concat(item.children ?? []) : (item.children ?? [])
        for (let i = 0; i < kids.length; ++i) out = out.concat(findChildren(kids[i], pred))
        return out
    }
}
