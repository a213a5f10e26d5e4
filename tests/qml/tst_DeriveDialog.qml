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
    ScenarioEditor { id: testEditor; document: doc }
    Component { id: dialogComponent; DeriveDialog { document: doc; editor: testEditor } }
    SignalSpy { id: failSpy; signalName: "failed" }

    function init() { doc.files.newScenario() }

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
        verify(doc.contexts.contextActions("db").exists)
        compare(doc.contexts.contextActions("db").kind, "WithTimeoutCause")
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

    // --- edit mode ----------------------------------------------------------------------

    function test_editModePrefillsTheCurrentParametersAndApplies() {
        compare(doc.contexts.derive("root", "WithTimeoutCause", { id: "req", label: "request", timeout: "200ms", cause: "slow" }), "")
        compare(doc.contexts.derive("req", "WithCancel", { id: "child" }), "")
        const d = createTemporaryObject(dialogComponent, testCase)
        verify(d.startEdit("req"))
        tryCompare(d, "opened", true)
        compare(d.title, "Edit WithTimeoutCause request (req)")   // label, with the id
        compare(d.standardButton(Dialog.Ok).text, "Apply")
        const timeout = findChild(d, "timeoutField")
        compare(timeout.text, "200ms")
        compare(findChild(d, "causeField").text, "slow")
        verify(!findChild(d, "idField").visible)          // the id and label stay
        verify(!findChild(d, "labelField").visible)
        verify(d.goCall.indexOf("context.WithTimeoutCause(root, 200ms, \"slow\")") >= 0)

        timeout.text = "soon"                              // refused as you type, with the reason
        verify(!d.standardButton(Dialog.Ok).enabled)
        verify(findChild(timeout, "durationError").text.indexOf("soon") >= 0)
        timeout.text = "1.5s"
        verify(d.standardButton(Dialog.Ok).enabled)
        findChild(d, "causeField").text = "too slow"
        d.accept()
        const now = doc.contexts.contextParameters("req")
        compare(now.timeout, "1.5s")
        compare(now.cause, "too slow")
        compare(now.label, "request")
        verify(doc.contexts.contextActions("child").exists)
        verify(doc.undoText.indexOf("req") >= 0)
        doc.undo()
        compare(doc.contexts.contextParameters("req").timeout, "200ms")
    }

    function test_editModeChecksTheKeyAndTheValueAsYouType() {
        compare(doc.contexts.derive("root", "WithValue", { id: "user", key: "userID", value: "42", valueType: "number", keyType: "userKey" }), "")
        const d = createTemporaryObject(dialogComponent, testCase)
        verify(d.startEdit("user"))
        tryCompare(d, "opened", true)
        const key = findChild(d, "keyField"), value = findChild(d, "valueField")
        compare(key.text, "userID")
        compare(value.text, "42")
        compare(findChild(d, "valueTypeBox").currentText, "number")
        compare(findChild(d, "keyTypeField").text, "userKey")
        verify(d.valid)
        key.text = " "
        verify(!d.valid)
        verify(findChild(d, "keyError").visible)
        key.text = "userID"
        value.text = "forty-two"
        verify(!d.valid)
        verify(findChild(d, "valueError").text.indexOf("not a JSON number") >= 0)
        value.text = "43"
        verify(d.valid)
        d.accept()
        compare(doc.contexts.contextParameters("user").value, "43")
    }

    function test_contextsWithoutParametersAreNotEdited() {
        compare(doc.contexts.derive("root", "WithCancel", {}), "")
        const d = createTemporaryObject(dialogComponent, testCase)
        failSpy.target = d
        failSpy.clear()
        verify(!d.startEdit("cancel"))
        compare(failSpy.count, 1)
        verify(failSpy.signalArguments[0][0].indexOf("WithCancel") >= 0)
        verify(!d.opened)
    }

    function test_deriveAfterAnEditStartsFromTheDefaults() {
        compare(doc.contexts.derive("root", "WithTimeout", { id: "req", timeout: "2s" }), "")
        const d = createTemporaryObject(dialogComponent, testCase)
        verify(d.startEdit("req"))
        tryCompare(d, "opened", true)
        d.reject()
        tryCompare(d, "visible", false)
        d.start("req", "WithTimeout")
        tryCompare(d, "opened", true)
        compare(findChild(d, "timeoutField").text, "100ms")
        compare(d.standardButton(Dialog.Ok).text, "OK")
        verify(findChild(d, "idField").visible)
        verify(d.title.indexOf("Derive WithTimeout from req") === 0)
        d.accept()
        compare(doc.contexts.contextParameters("req").timeout, "2s")   // the edited context is untouched
        compare(doc.run.contextCount, 3)
    }

    function test_editAtTheMovedPlayheadKeepsTheCreationTime() {
        doc.seekTime(40e6)
        compare(doc.contexts.derive("root", "WithDeadline", { id: "d", deadline: "300ms" }), "")
        doc.seekTime(120e6)
        const d = createTemporaryObject(dialogComponent, testCase)
        verify(d.startEdit("d"))
        tryCompare(d, "opened", true)
        verify(findChild(d, "modeNote").text.indexOf("40ms") >= 0)
        findChild(d, "deadlineField").text = "100ms"
        d.accept()
        compare(doc.time, 120e6)
        compare(doc.contexts.contextParameters("d").at, "40ms")
        verify(doc.contexts.contextActions("d").done)                    // its deadline (100ms) has passed
    }

    function test_enterInAFieldDerives() {
        const d = createTemporaryObject(dialogComponent, testCase)
        d.start("root", "WithTimeout")
        tryCompare(d, "opened", true)
        const field = findChild(d, "timeoutField")
        field.forceActiveFocus()
        field.text = "soon"
        keyClick(Qt.Key_Return)             // invalid: Enter does nothing
        verify(d.opened)
        field.text = "75ms"
        findChild(d, "idField").text = "viaEnter"
        field.forceActiveFocus()
        keyClick(Qt.Key_Return)
        tryCompare(d, "opened", false)
        verify(doc.contexts.contextActions("viaEnter").exists)
    }

    function test_deadlineBeforeTheStartIsAccepted() {
        const d = createTemporaryObject(dialogComponent, testCase)
        d.start("root", "WithDeadline")
        tryCompare(d, "opened", true)
        findChild(d, "deadlineField").text = "-50ms"
        verify(d.valid)
    }
}
