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
        verify(text.indexOf("5 context(s)") >= 0, text)
        verify(text.indexOf("5 task(s)") >= 0)
        verify(text.indexOf("1 timed action(s)") >= 0)
        verify(text.indexOf("AfterFunc") < 0)
        d.accept()
        compare(spy.count, 1)
        compare(spy.signalArguments[0][0], "reqid")
    }
}
