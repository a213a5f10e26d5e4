import QtQuick
import QtTest
import Ctxscope

TestCase {
    id: testCase
    name: "FieldRow"
    when: windowShown
    width: 400
    height: 100
    visible: true

    Component { id: rowComponent; FieldRow { width: 380 } }
    SignalSpy { id: spy; signalName: "activated" }

    function test_linkActivates() {
        const r = createTemporaryObject(rowComponent, testCase, { name: "Parent", value: "req", link: true })
        spy.target = r
        mouseClick(r, 120, r.height / 2)
        compare(spy.count, 1)
    }

    function test_plainValueDoesNotActivate() {
        const r = createTemporaryObject(rowComponent, testCase, { name: "Err()", value: "nil" })
        spy.target = r
        spy.clear()
        mouseClick(r, 120, r.height / 2)
        compare(spy.count, 0)
    }
}
