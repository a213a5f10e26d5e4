import QtQuick
import QtQuick.Controls
import QtTest
import Ctxscope
import Ctxscope.Study

TestCase {
    id: testCase
    name: "InspectorPane"
    when: windowShown
    width: 400
    height: 800
    visible: true

    Document { id: doc }
    LessonLibrary { id: lessons }
    TreeScene { id: testScene; document: doc }
    PlayClock { id: testClock; document: doc }
    Inspector { id: testInspector; document: doc; contextId: testScene.selectedId }
    RecordingActions { id: testActions; document: doc; scene: testScene; clock: testClock }
    Component { id: paneComponent; InspectorPane { anchors.fill: parent; details: testInspector.details; document: doc; actions: testActions } }
    // The side column's size in a 1360x860 window, where the study panel takes the lower part.
    Component { id: shortComponent; InspectorPane { width: 380; height: 420; details: testInspector.details; document: doc; actions: testActions } }
    Component { id: predictComponent; InspectorPane { anchors.fill: parent; details: testInspector.details; document: doc; actions: testActions; hideOutcome: true } }

    // The inspector hands out the state as the NodeState enum; the state line takes its colour.
    function test_stateIsTheNodeStateEnum() {
        verify(doc.files.loadDefaultExample())
        testScene.selectedId = "db"
        compare(testInspector.details.nodeState, NodeState.Alive)
        doc.seekTime(250e6)
        compare(testInspector.details.nodeState, NodeState.DeadlineExceeded)
        compare(Theme.stateColor(testInspector.details.nodeState), Theme.deadline)
        testScene.selectedId = "pool"
        compare(testInspector.details.nodeState, NodeState.Canceled)
        doc.restart()
        testScene.selectedId = ""
    }

    // lastShown is the lowest section of the pane's content that is shown.
    function lastShown(pane) {
        let last = null
        for (let i = 0; i < pane.content.children.length; ++i) {
            const c = pane.content.children[i]
            if (c.title !== undefined && c.visible && c.height > 0 && (last === null || c.y + c.height >= last.y + last.height)) last = c
        }
        return last
    }
    function allText(item) {
        const out = []
        const walk = (it) => { if (it.visible && it.text !== undefined) out.push(String(it.text)); for (let i = 0; i < it.children.length; ++i) walk(it.children[i]) }
        walk(item)
        return out.join("\n")
    }
    SignalSpy { id: selectSpy; signalName: "select" }

    function init() { verify(doc.files.loadDefaultExample()); testScene.selectedId = "" }

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

    function test_everySectionCanBeScrolledIntoViewAndTheBarSaysThereIsMore() {
        const pane = createTemporaryObject(shortComponent, testCase)
        testScene.selectedId = "req"
        doc.seekTime(1e9)   // done: state, why, children and after-funcs
        waitForRendering(pane)
        const flick = pane.flickable
        verify(flick.contentHeight > flick.height, flick.contentHeight + " " + flick.height)
        compare(pane.contentItem.children[0].ScrollBar.vertical.policy, ScrollBar.AlwaysOn)
        verify(findChild(pane, "moreBelow").visible)
        // Scrolled to the end, the last section is whole inside the pane, its text clear of the bar.
        flick.contentY = flick.contentHeight - flick.height
        waitForRendering(pane)
        const last = lastShown(pane)
        verify(last !== null && last.title === "AfterFuncs", last ? last.title : "none")
        const bottom = last.mapToItem(pane, 0, last.height).y
        verify(bottom <= pane.height, bottom + " > " + pane.height)
        const bar = pane.contentItem.children[0].ScrollBar.vertical
        const gap = bar.x - (pane.content.x + pane.content.width)   // text does not run up to the bar
        verify(gap >= 8, gap)
        verify(!findChild(pane, "moreBelow").visible)
        // Another context starts at its top.
        testScene.selectedId = "root"
        compare(flick.contentY, 0)
    }

    function test_aShortContextHasNoScrollBar() {
        const pane = createTemporaryObject(paneComponent, testCase)   // 800 px high
        testScene.selectedId = "audit"
        waitForRendering(pane)
        verify(pane.flickable.contentHeight <= pane.flickable.height)
        compare(pane.contentItem.children[0].ScrollBar.vertical.policy, ScrollBar.AlwaysOff)
        verify(!findChild(pane, "moreBelow").visible)
    }

    function test_predictModeHidesLintsAndWhatTasksAndAfterFuncsDid() {
        testScene.selectedId = "pool"
        doc.seekTime(300e6)   // worker3 outlived pool: a lint on its task line
        const shown = createTemporaryObject(paneComponent, testCase)
        verify(allText(shown).indexOf("goroutine-outlived-context") >= 0)
        verify(allText(shown).indexOf("returned ok") >= 0)
        shown.destroy()
        const hidden = createTemporaryObject(predictComponent, testCase)
        const text = allText(hidden)
        verify(text.indexOf("goroutine-outlived-context") < 0, text)
        verify(text.indexOf("\u26A0") < 0, text)
        verify(text.indexOf("returned") < 0, text)
        verify(text.indexOf("started") >= 0, text)
        // req's after-func ran when req was done: that is hidden too, and so is its Stop button.
        testScene.selectedId = "req"
        const afterFuncs = allText(hidden)
        verify(afterFuncs.indexOf("cleanup") >= 0, afterFuncs)
        verify(afterFuncs.indexOf("ran") < 0, afterFuncs)
        hidden.hideOutcome = false
        verify(allText(hidden).indexOf("ran") >= 0)
    }

    function test_predictModeHidesTheLintsSection() {
        compare(lessons.open(lessons.rowOf("14"), doc), "")   // db's cancel is never called: lostcancel
        doc.seekEnd()
        testScene.selectedId = "db"
        const pane = createTemporaryObject(paneComponent, testCase)
        verify(findChild(pane, "lintsSection").visible)
        verify(allText(pane).indexOf("lostcancel") >= 0)
        pane.hideOutcome = true
        verify(!findChild(pane, "lintsSection").visible)
        verify(allText(pane).indexOf("lostcancel") < 0)
    }

    // Background can never be done: its section asks why not, not "Why is this done?".
    function test_theWhySectionAsksTheRightQuestion() {
        verify(doc.files.loadDefaultExample())
        const pane = createTemporaryObject(paneComponent, testCase)
        testScene.selectedId = "root"
        const why = findChild(pane, "whySection")
        tryVerify(() => why.visible)
        compare(why.title, "Why is this never done?")
        doc.seekTime(250e6)
        testScene.selectedId = "pool"
        tryVerify(() => why.visible)
        compare(why.title, "Why is this done?")
        doc.restart()
        testScene.selectedId = ""
    }
}
