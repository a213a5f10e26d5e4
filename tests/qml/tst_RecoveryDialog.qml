import QtQuick
import QtQuick.Controls
import QtTest
import Ctxscope

TestCase {
    id: testCase
    name: "RecoveryDialog"
    when: windowShown
    width: 600
    height: 400
    visible: true

    Component { id: dialogComponent; RecoveryDialog {} }
    SignalSpy { id: recoverSpy; signalName: "recover" }
    SignalSpy { id: discardSpy; signalName: "discard" }

    function test_recoverAndDiscardAreSignalled() {
        const d = createTemporaryObject(dialogComponent, testCase)
        recoverSpy.target = d
        discardSpy.target = d
        d.open()
        tryCompare(d, "opened", true)
        d.footer.accepted()
        compare(recoverSpy.count, 1)
        compare(discardSpy.count, 0)
        verify(!d.visible || !d.opened)
    }
}
