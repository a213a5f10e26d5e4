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

    function openDialog() {
        const d = createTemporaryObject(dialogComponent, testCase)
        recoverSpy.target = d
        discardSpy.target = d
        recoverSpy.clear()
        discardSpy.clear()
        d.open()
        tryCompare(d, "opened", true)
        return d
    }

    function test_recoverAndDiscardAreSignalled() {
        const d = openDialog()
        d.footer.accepted()
        compare(recoverSpy.count, 1)
        compare(discardSpy.count, 0)
        verify(!d.visible || !d.opened)
    }

    function test_enterRecovers_data() {
        return [{tag: "Return", key: Qt.Key_Return}, {tag: "Enter (keypad)", key: Qt.Key_Enter}]
    }
    function test_enterRecovers(data) {
        const d = openDialog()
        // Recover is the highlighted, obvious action...
        const ok = d.standardButton(Dialog.Ok)
        compare(ok.text, "Recover")
        verify(ok.highlighted)
        // ...and Enter takes it, with nothing clicked first.
        keyClick(data.key)
        compare(recoverSpy.count, 1)
        compare(discardSpy.count, 0)
        tryCompare(d, "visible", false)
    }

    function test_escapeNeitherRecoversNorDiscards() {
        const d = openDialog()
        keyClick(Qt.Key_Escape)
        tryCompare(d, "visible", false)
        compare(recoverSpy.count, 0)
        compare(discardSpy.count, 0)   // the file stays for the next start
    }
}
