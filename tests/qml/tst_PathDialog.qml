import QtQuick
import QtTest
import Ctxscope

TestCase {
    id: testCase
    name: "PathDialog"
    when: windowShown
    width: 700
    height: 400
    visible: true

    Component { id: dialogComponent; PathDialog {} }
    SignalSpy { id: spy; signalName: "chosen" }

    function test_enterSubmitsThePath() {
        const d = createTemporaryObject(dialogComponent, testCase)
        spy.target = d
        d.start(true, "/tmp/a.ctxscope.json")
        tryCompare(d, "opened", true)
        verify(d.title.indexOf("Save") === 0)
        const field = findChild(d, "pathField")
        field.text = "/tmp/b.ctxscope.json"
        field.forceActiveFocus()
        keyClick(Qt.Key_Return)
        compare(spy.count, 1)
        compare(spy.signalArguments[0][0], "/tmp/b.ctxscope.json")
    }
}
