import QtQuick
import QtTest
import Ctxscope

TestCase {
    id: testCase
    name: "Main"
    when: windowShown

    Document { id: doc; recoveryPath: "" }
    Component { id: mainComponent; Main { document: doc; offerRecovery: false } }

    function test_windowLoadsTheDocument() {
        verify(doc.loadDefaultExample())
        const w = createTemporaryObject(mainComponent, testCase)
        verify(w !== null)
        verify(w.title.indexOf("HTTP handler with a 200ms budget") >= 0)
        tryVerify(() => w.treePane.cardCount === 8, 3000)
        w.scene.selectedId = "db"
        verify(w.selectedActions.canCancel)
        w.derive("WithCancel")
        compare(doc.contextCount, 9)
        verify(w.title.indexOf("\u2022") === 0) // modified
        doc.undo()
        w.closingConfirmed = true
        w.close()
    }

}
