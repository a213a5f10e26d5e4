import QtQuick
import QtTest
import Ctxscope

TestCase {
    name: "AppActions"

    Document { id: doc }
    TreeScene { id: testScene; document: doc }
    PlayClock { id: testClock; document: doc }
    FakeWindow { id: fake; document: doc; scene: testScene; clock: testClock }
    AppActions { id: testActions; window: fake }

    function test_shortcutsAreUnique() {
        const seen = {}
        for (const group of testActions.groups.concat([["Export", testActions.exportActions]]))
            for (const action of group[1]) {
                const key = String(action.shortcut)
                verify(seen[key] === undefined, key + " is used twice")
                seen[key] = true
            }
    }

    function test_undoFollowsTheDocument() {
        doc.newScenario()
        verify(!testActions.undo.enabled)
        compare(doc.derive("root", "WithCancel", {}), "")
        verify(testActions.undo.enabled)
        verify(testActions.undo.text.indexOf("Derive WithCancel") > 0)
        testActions.undo.trigger()
        compare(doc.contextCount, 1)
    }

    function test_nothingActsOnANodeWhileADialogIsOpen() {
        verify(doc.loadDefaultExample())
        testScene.selectedId = "db"
        verify(testActions.cancel.enabled)
        fake.popupOpen = true
        verify(!testActions.cancel.enabled)
        verify(!testActions.play.enabled)
        fake.popupOpen = false
    }
}
