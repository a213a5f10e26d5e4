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
    Component { id: dialogComponent; TaskDialog { document: doc } }

    function init() { doc.newScenario(); compare(doc.derive("root", "WithCancel", {}), "") }

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
        compare(doc.taskCount, 1)
        verify(doc.serialized().indexOf("\"watch\": \"40ms\"") >= 0)
    }

    function test_afterFuncMode() {
        const d = createTemporaryObject(dialogComponent, testCase)
        d.start("cancel", true)
        tryCompare(d, "opened", true)
        verify(d.title.indexOf("AfterFunc") === 0)
        d.accept()
        verify(doc.serialized().indexOf("after_funcs") >= 0)
    }
}
