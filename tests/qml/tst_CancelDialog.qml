import QtQuick
import QtTest
import Ctxscope

TestCase {
    id: testCase
    name: "CancelDialog"
    when: windowShown
    width: 600
    height: 400
    visible: true

    Document { id: doc }
    Component { id: dialogComponent; CancelDialog { document: doc } }

    function test_cancelWithCauseAtThePlayhead() {
        doc.files.newScenario()
        compare(doc.contexts.derive("root", "WithCancelCause", {}), "")
        doc.seekTime(40e6)
        const d = createTemporaryObject(dialogComponent, testCase)
        d.start("cancelcause")
        tryCompare(d, "opened", true)
        findChild(d, "causeField").text = "user hit stop"
        d.accept()
        const text = doc.files.serialized()
        verify(text.indexOf("\"cause\": \"user hit stop\"") >= 0)
        verify(text.indexOf("\"at\": \"40ms\"") >= 0)
        verify(doc.contexts.contextActions("cancelcause").done)
    }

    function test_enterCancels() {
        doc.files.newScenario()
        compare(doc.contexts.derive("root", "WithCancelCause", {}), "")
        const d = createTemporaryObject(dialogComponent, testCase)
        d.start("cancelcause")
        tryCompare(d, "opened", true)
        const field = findChild(d, "causeField")
        field.forceActiveFocus()
        field.text = "by enter"
        keyClick(Qt.Key_Return)
        tryCompare(d, "opened", false)
        verify(doc.contexts.contextActions("cancelcause").done)
    }
}
