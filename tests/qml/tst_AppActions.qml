import QtQuick
import QtTest
import Ctxscope

TestCase {
    name: "AppActions"

    Document { id: doc }
    TreeScene { id: testScene; document: doc }
    PlayClock { id: testClock; document: doc }
    RecordingActions { id: testActions; document: doc; scene: testScene; clock: testClock }

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
        doc.files.newScenario()
        verify(!testActions.undo.enabled)
        compare(doc.contexts.derive("root", "WithCancel", {}), "")
        verify(testActions.undo.enabled)
        verify(testActions.undo.text.indexOf("Derive WithCancel") > 0)
        testActions.undo.trigger()
        compare(doc.run.contextCount, 1)
    }

    function test_nothingActsOnANodeWhileADialogIsOpen() {
        verify(doc.files.loadDefaultExample())
        testScene.selectedId = "db"
        verify(testActions.cancel.enabled)
        testActions.popupOpen = true
        verify(!testActions.cancel.enabled)
        verify(!testActions.play.enabled)
        testActions.popupOpen = false
    }

    function test_loopTogglesThePlayClocksLoop() {
        testClock.loop = false
        verify(!testActions.loop.checked)
        testActions.loop.trigger()
        verify(testClock.loop)
        verify(testActions.loop.checked)
        testActions.loop.trigger()
        verify(!testClock.loop)
    }

    function test_editParametersOnlyWhereTheKindTakesSome() {
        verify(doc.files.loadDefaultExample())
        const expected = { req: true, reqid: true, db: true, cache: false, pool: false, audit: false, root: false, render: false }
        for (const id in expected) {
            testScene.selectedId = id
            compare(testActions.editParams.enabled, expected[id], id)
        }
        testScene.selectedId = "db"
        testActions.calls = []
        testActions.editParams.trigger()
        compare(testActions.calls, ["editParams"])
        testActions.popupOpen = true
        verify(!testActions.editParams.enabled)
        testActions.popupOpen = false
        testScene.selectedId = ""
        verify(!testActions.editParams.enabled)
    }

    function test_editParametersIsListedWithItsOwnKey() {
        const edit = testActions.groups.find(g => g[0] === "Edit")[1]
        verify(edit.indexOf(testActions.editParams) >= 0)
        compare(String(testActions.editParams.shortcut), "E")
    }
}
