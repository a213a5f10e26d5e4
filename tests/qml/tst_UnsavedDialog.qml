import QtQuick
import QtQuick.Controls
import QtTest
import Ctxscope

TestCase {
    id: testCase
    name: "UnsavedDialog"
    when: windowShown
    width: 600
    height: 400
    visible: true

    Component { id: dialogComponent; UnsavedDialog { fileName: "a.ctxscope.json" } }
    SignalSpy { id: saveSpy; signalName: "saveRequested" }
    SignalSpy { id: discardSpy; signalName: "discardRequested" }

    function test_saveIsRequested() {
        const d = createTemporaryObject(dialogComponent, testCase)
        saveSpy.target = d
        d.ask(() => {})
        tryCompare(d, "opened", true)
        d.accept()
        compare(saveSpy.count, 1)
    }

    function test_discardIsRequestedAndThePendingStepRunsOnce() {
        const d = createTemporaryObject(dialogComponent, testCase)
        discardSpy.target = d
        let runs = 0
        d.ask(() => { ++runs })
        tryCompare(d, "opened", true)
        d.standardButton(Dialog.Discard).clicked()
        compare(discardSpy.count, 1)
        d.proceed()
        d.proceed()
        compare(runs, 1)
    }

    // Enter (either key) saves, the highlighted obvious action; it never discards.
    function test_enterSaves_data() { return [{tag: "Return", key: Qt.Key_Return}, {tag: "Enter", key: Qt.Key_Enter}] }
    function test_enterSaves(data) {
        const d = createTemporaryObject(dialogComponent, testCase)
        saveSpy.target = d
        saveSpy.clear()
        discardSpy.target = d
        discardSpy.clear()
        d.ask(() => {})
        tryCompare(d, "opened", true)
        verify(d.standardButton(Dialog.Save).highlighted)
        keyClick(data.key)
        tryCompare(d, "visible", false)
        compare(saveSpy.count, 1)
        compare(discardSpy.count, 0)
    }

    function test_escapeCancels() {
        const d = createTemporaryObject(dialogComponent, testCase)
        saveSpy.target = d
        saveSpy.clear()
        d.ask(() => {})
        tryCompare(d, "opened", true)
        keyClick(Qt.Key_Escape)
        tryCompare(d, "visible", false)
        compare(saveSpy.count, 0)
    }
}
