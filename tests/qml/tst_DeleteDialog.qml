import QtQuick
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
}
