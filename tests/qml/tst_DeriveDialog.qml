import QtQuick
import QtQuick.Controls
import QtTest
import Ctxscope

TestCase {
    id: testCase
    name: "DeriveDialog"
    when: windowShown
    width: 800
    height: 600
    visible: true

    Document { id: doc }
    Component { id: dialogComponent; DeriveDialog { document: doc } }
    SignalSpy { id: failSpy; signalName: "failed" }

    function init() { doc.newScenario() }

    function test_invalidDurationDisablesOk() {
        const d = createTemporaryObject(dialogComponent, testCase)
        d.start("root", "WithTimeout")
        tryCompare(d, "opened", true)
        const field = findChild(d, "timeoutField")
        field.text = "soon"
        verify(!d.valid)
        verify(!d.standardButton(Dialog.Ok).enabled)
        field.text = "250ms"
        verify(d.valid)
        verify(d.standardButton(Dialog.Ok).enabled)
        verify(d.goCall.indexOf("context.WithTimeout(root, 250ms)") >= 0)
    }

    function test_acceptDerivesTheContext() {
        const d = createTemporaryObject(dialogComponent, testCase)
        d.start("root", "WithTimeoutCause")
        tryCompare(d, "opened", true)
        findChild(d, "timeoutField").text = "80ms"
        findChild(d, "idField").text = "db"
        d.accept()
        verify(doc.contextActions("db").exists)
        compare(doc.contextActions("db").kind, "WithTimeoutCause")
    }

    function test_withValueNeedsAKey() {
        const d = createTemporaryObject(dialogComponent, testCase)
        d.start("root", "WithValue")
        tryCompare(d, "opened", true)
        const key = findChild(d, "keyField")
        key.text = ""
        verify(!d.valid)
        key.text = "userID"
        verify(d.valid)
    }

    function test_refusedEditIsReported() {
        const d = createTemporaryObject(dialogComponent, testCase)
        failSpy.target = d
        failSpy.clear()
        d.start("root", "WithDeadline")
        tryCompare(d, "opened", true)
        findChild(d, "idField").text = "root" // duplicate id
        d.accept()
        compare(failSpy.count, 1)
    }
}
