import QtQuick
import QtTest
import Ctxscope

TestCase {
    id: testCase
    name: "NodeMenu"
    when: windowShown
    width: 600
    height: 500
    visible: true

    Document { id: doc }
    TreeScene { id: testScene; document: doc }
    PlayClock { id: testClock; document: doc }
    RecordingActions { id: testActions; document: doc; scene: testScene; clock: testClock }
    Component { id: menuComponent; NodeMenu { actions: testActions } }
    Component { id: deriveComponent; NodeDeriveMenu { actions: testActions } }

    function init() { verify(doc.files.loadDefaultExample()) }

    function test_itemsFollowWhatGoAllows() {
        const menu = createTemporaryObject(menuComponent, testCase)
        testScene.selectedId = "reqid" // a WithValue: no cancel function
        verify(!testActions.cancel.enabled)
        verify(testActions.startTask.enabled)
        testScene.selectedId = "render" // made by a task: not editable here
        verify(!testActions.deriveTimeout.enabled)
        verify(!testActions.remove.enabled)
        testScene.selectedId = "db"
        verify(testActions.cancel.enabled)
        menu.popup()
        tryCompare(menu, "opened", true)
        menu.close()
    }

    function test_deriveItemsCallTheWindow() {
        const menu = createTemporaryObject(deriveComponent, testCase)
        testScene.selectedId = "db"
        compare(menu.count, 8)
        testActions.calls = []
        testActions.deriveTimeout.trigger()
        compare(testActions.calls[0], "derive WithTimeout")
    }

    function test_editParametersIsInTheMenuAndDisabledWithoutParameters() {
        const menu = createTemporaryObject(menuComponent, testCase)
        let item = null
        for (let i = 0; i < menu.count; ++i)
            if (menu.itemAt(i).action === testActions.editParams) item = menu.itemAt(i)
        verify(item !== null)
        testScene.selectedId = "cache"   // WithCancel: nothing but a parent
        verify(!item.enabled)
        testScene.selectedId = "audit"   // WithoutCancel
        verify(!item.enabled)
        testScene.selectedId = "req"     // WithTimeout
        verify(item.enabled)
        compare(item.shortcutText, "E")
        menu.popup()
        tryCompare(menu, "opened", true)
        testActions.calls = []
        mouseClick(item)
        compare(testActions.calls, ["editParams"])
        tryCompare(menu, "opened", false)
    }

    function test_theKeyEWorksWhileTheMenuIsClosed() {
        createTemporaryObject(menuComponent, testCase)
        testScene.selectedId = "db"
        testActions.calls = []
        keyClick(Qt.Key_E)
        compare(testActions.calls, ["editParams"])
        testScene.selectedId = "cache"
        testActions.calls = []
        keyClick(Qt.Key_E)
        compare(testActions.calls, [])
    }
}
