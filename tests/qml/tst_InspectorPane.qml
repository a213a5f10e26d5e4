import QtQuick
import QtTest
import Ctxscope

TestCase {
    id: testCase
    name: "InspectorPane"
    when: windowShown
    width: 400
    height: 800
    visible: true

    Document { id: doc }
    TreeScene { id: testScene; document: doc }
    PlayClock { id: testClock; document: doc }
    Inspector { id: testInspector; document: doc; contextId: testScene.selectedId }
    FakeWindow { id: fake; document: doc; scene: testScene; clock: testClock }
    AppActions { id: testActions; window: fake }
    Component { id: paneComponent; InspectorPane { anchors.fill: parent; details: testInspector.details; document: doc; actions: testActions } }
    SignalSpy { id: selectSpy; signalName: "select" }

    function init() { verify(doc.loadDefaultExample()); testScene.selectedId = "" }

    function test_showsTheSelectedContext() {
        const pane = createTemporaryObject(paneComponent, testCase)
        verify(!pane.hasNode)
        testScene.selectedId = "pool"
        doc.seekTime(130e6)
        verify(pane.hasNode)
        compare(findChild(pane, "titleLabel").text, "worker pool")
        compare(findChild(pane, "stateLabel").text, "\u2715 canceled")
        compare(testInspector.details.cause, "shutting down workers")
    }

    function test_cancelIsDisabledWhereGoHasNoCancelFunction() {
        const pane = createTemporaryObject(paneComponent, testCase)
        testScene.selectedId = "reqid"
        verify(!testActions.cancel.enabled)
        testScene.selectedId = "cache"
        verify(testActions.cancel.enabled)
        compare(testActions.cancel.text, "&Cancel")
        testScene.selectedId = "pool"
        compare(testActions.cancel.text, "&Cancel with cause\u2026")
    }

    function test_selectSignalForLinks() {
        const pane = createTemporaryObject(paneComponent, testCase)
        selectSpy.target = pane
        testScene.selectedId = "db"
        pane.select("reqid")
        compare(selectSpy.count, 1)
    }
}
