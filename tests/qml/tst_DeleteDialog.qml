import QtQuick
import QtQuick.Controls
import QtTest
import Ctxscope

TestCase {
    id: testCase
    name: "DeleteDialog"
    when: windowShown
    width: 600
    height: 400
    visible: true

    Component { id: dialogComponent; DeleteDialog {} }
    SignalSpy { id: spy; signalName: "confirmed" }

    function test_saysHowMuchGoesAndConfirms() {
        const d = createTemporaryObject(dialogComponent, testCase)
        spy.target = d
        d.start("reqid", { contexts: 5, tasks: 5, afterFuncs: 0, actions: 1, expectations: 0 })
        tryCompare(d, "opened", true)
        const text = findChild(d, "messageLabel").text
        verify(text.indexOf("5 contexts, 5 tasks, 1 timed action.") >= 0, text)
        verify(text.indexOf("AfterFunc") < 0)
        d.accept()
        compare(spy.count, 1)
        compare(spy.signalArguments[0][0], "reqid")
    }

    function test_oneOfEachIsSingular() {
        const d = createTemporaryObject(dialogComponent, testCase)
        d.start("reqid", { contexts: 1, tasks: 1, afterFuncs: 1, actions: 2, expectations: 1 })
        tryCompare(d, "opened", true)
        const text = findChild(d, "messageLabel").text
        verify(text.indexOf("This removes 1 context, 1 task, 1 AfterFunc, 2 timed actions, 1 expectation.") >= 0, text)
    }

    // Yes is the obvious action (undoable): highlighted, and Enter (either key) takes it.
    function test_enterConfirms_data() { return [{tag: "Return", key: Qt.Key_Return}, {tag: "Enter", key: Qt.Key_Enter}] }
    function test_enterConfirms(data) {
        const d = createTemporaryObject(dialogComponent, testCase)
        spy.target = d
        spy.clear()
        d.start("reqid", { contexts: 1 })
        tryCompare(d, "opened", true)
        verify(d.standardButton(Dialog.Yes).highlighted)
        keyClick(data.key)
        tryCompare(d, "visible", false)
        compare(spy.count, 1)
    }

    function test_escapeCancels() {
        const d = createTemporaryObject(dialogComponent, testCase)
        spy.target = d
        spy.clear()
        d.start("reqid", { contexts: 1 })
        tryCompare(d, "opened", true)
        keyClick(Qt.Key_Escape)
        tryCompare(d, "visible", false)
        compare(spy.count, 0)
    }
}
