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
}
