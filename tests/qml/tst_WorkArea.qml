// WorkArea: the panes are there and follow the View toggles; selections from the panes come
// out as select(id); Predict mode covers the timeline and reaches the inspector.
import QtQuick
import QtQuick.Controls
import QtTest
import Ctxscope
import Ctxscope.Study
import Ctxscope.App

TestCase {
    id: testCase
    name: "WorkArea"
    when: windowShown
    width: 1200
    height: 800
    visible: true

    Document { id: doc; files.recoveryPath: "" }
    ScenarioEditor { id: testEditor; document: doc }
    LearnerEditor { id: testLearner; document: doc }
    TreeScene { id: testScene; document: doc }
    PlayClock { id: testClock; document: doc }
    Inspector { id: testInspector; document: doc; contextId: testScene.selectedId; hideOutcome: testScene.hideOutcome }
    RecordingActions { id: testActions; document: doc; scene: testScene; clock: testClock }
    LessonLibrary { id: testLibrary }
    Component {
        id: areaComponent
        WorkArea { anchors.fill: parent; document: doc; editor: testEditor; learner: testLearner; scene: testScene; inspector: testInspector; actions: testActions; library: testLibrary }
    }
    SignalSpy { id: selectSpy; signalName: "select" }
    SignalSpy { id: failedSpy; signalName: "failed" }

    function init() { verify(doc.files.loadDefaultExample()); testScene.selectedId = ""; doc.predicting = false }

    function test_panesFollowTheTreeAndSendSelectionsOut() {
        const a = createTemporaryObject(areaComponent, testCase)
        tryVerify(() => a.treePane.cardCount === 8, 3000)
        testScene.selectedId = "db"
        compare(a.timeline.selectedId, "db")
        compare(a.studyPanel.selectedId, "db")
        compare(a.inspectorPane.details.id, "db")
        selectSpy.target = a
        selectSpy.clear()
        a.studyPanel.select("cache")
        a.timeline.select("pool")
        a.inspectorPane.select("reqid")
        compare(selectSpy.count, 3)
        compare(selectSpy.signalArguments[2][0], "reqid")
        failedSpy.target = a
        a.inspectorPane.failed("no")
        compare(failedSpy.count, 1)
    }

    function test_viewTogglesHideThePanes() {
        const a = createTemporaryObject(areaComponent, testCase)
        verify(a.timeline.visible && a.sideTabs.visible && a.studyPanel.visible)
        a.timelineShown = false
        verify(!a.timeline.visible)
        a.sideShown = false
        verify(!a.sideTabs.visible && !a.inspectorPane.visible)
        verify(a.studyPanel.visible)
        a.studyShown = false
        verify(!a.studyPanel.visible)
        a.timelineShown = a.sideShown = a.studyShown = true
        verify(a.timeline.visible && a.sideTabs.visible && a.studyPanel.visible)
        // The tree takes what the side column leaves.
        tryVerify(() => a.treePane.width > a.inspectorPane.width && a.inspectorPane.width >= 280)
    }

    function test_predictModeCoversTheTimelineAndReachesTheInspector() {
        const a = createTemporaryObject(areaComponent, testCase)
        const cover = findChild(a, "timelineCover")
        verify(!cover.visible)
        verify(!a.inspectorPane.hideOutcome)
        doc.predicting = true
        verify(cover.visible)
        compare(cover.width, a.timeline.width)
        compare(cover.height, a.timeline.height)
        verify(a.inspectorPane.hideOutcome)
        doc.predicting = false
        verify(!cover.visible)
    }

    // The banner shows once the document has an exercise, even when it had none at first (its
    // scroll area used to follow the hidden banner's own visible, which stays false).
    function test_exerciseBannerAppearsWhenTheScenarioBecomesAnExercise() {
        const a = createTemporaryObject(areaComponent, testCase)
        verify(!a.exerciseBanner.visible)
        compare(testLearner.makeExercise("Keep the handler in budget.", "", ""), "")
        tryVerify(() => a.exerciseBanner.visible)
        doc.undo()
        tryVerify(() => !a.exerciseBanner.visible)
    }

    // A shown solution with its Go code is taller than the banner's room: the banner scrolls,
    // and its scroll bar shows so (the code stopped mid-line with no hint that there was more).
    function test_aBannerTooTallForItsRoomShowsItsScrollBar() {
        compare(testLibrary.open(testLibrary.rowOf("13"), doc), "")
        const a = createTemporaryObject(areaComponent, testCase)
        const scroll = findChild(a, "bannerScroll")
        tryVerify(() => a.exerciseBanner.visible)
        compare(a.exerciseBanner.model.showSolution(), "")
        tryVerify(() => a.exerciseBanner.implicitHeight > scroll.height + 1, 2000, "the solution overflows")
        verify(scroll.scrolls)
        compare(scroll.ScrollBar.vertical.policy, ScrollBar.AlwaysOn)
        verify(scroll.ScrollBar.vertical.visible)
        // The banner leaves the bar its room.
        verify(a.exerciseBanner.width + scroll.ScrollBar.vertical.width <= scroll.availableWidth + 0.5)
        doc.undo()
    }
}
