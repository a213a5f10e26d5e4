// Timeline: lanes in tree order, label delegates only for the lanes in view, a click on a mark
// seeks and selects, the playhead drags, the wheel zooms, fit shows the whole run, collapsing
// hides lanes, and the drawn colours are the state colours (pixel hook, any backend).
import QtQuick
import QtTest
import Ctxscope
import Ctxscope.Timeline
import Ctxscope.Study

TestCase {
    id: testCase
    name: "Timeline"
    when: windowShown
    width: 900
    height: 320
    visible: true

    Document { id: doc; files.recoveryPath: "" }
    LessonLibrary { id: lessons }
    TreeScene { id: scene; document: doc } // collapsing is the tree's; the timeline follows the document

    Component {
        id: timelineComponent
        Timeline {
            width: 900
            height: 320
            document: doc
            readonly property SignalSpy selectSpy: SignalSpy { signalName: "select" }
        }
    }

    function makeTimeline() {
        compare(lessons.open(lessons.rowOf("04"), doc), "")
        const t = createTemporaryObject(timelineComponent, testCase)
        verify(t)
        t.selectSpy.target = t
        tryVerify(() => t.labelCount > 0)
        return t
    }

    function test_lanes_follow_the_tree() {
        const t = makeTimeline()
        // root, request, auth, authCall, trace, search, shardA, queryA, shardB, queryB, metrics
        compare(t.model.laneCount, 11)
        compare(t.model.laneId(0), "root")
        compare(t.model.laneId(3), "authCall")
        compare(t.model.laneId(10), "metrics")
        compare(t.labelCount, 11) // 11 lanes of 24 px fit in the view
    }

    function test_labels_exist_only_for_lanes_in_view() {
        const t = makeTimeline()
        t.height = 26 + 3 * 24
        tryCompare(t, "labelCount", 3)
        t.contentY = 5 * 24
        tryCompare(t, "labelCount", 3)
    }

    function test_click_on_a_cancellation_seeks_there_and_selects_the_lane() {
        const t = makeTimeline()
        doc.seekTime(0)
        const x = t.view.xAt(120e6) + 1      // a pixel off the mark still snaps to it
        const y = 1 * t.laneHeight + t.laneHeight / 2
        mouseClick(t.view, x, y)
        compare(doc.time, 120e6)
        compare(t.selectSpy.count, 1)
        compare(t.selectSpy.signalArguments[0][0], "request")
    }

    function test_dragging_the_playhead_scrubs() {
        const t = makeTimeline()
        doc.seekTime(100e6)
        const handle = findChild(t, "playhead")
        verify(handle.visible)
        const viewStart = t.viewStart
        mouseDrag(handle, handle.width / 2, 200, 80, 0)
        tryVerify(() => doc.time > 100e6)
        compare(t.viewStart, viewStart) // scrubbing does not pan
        const ruler = findChild(t, "ruler")
        mouseClick(ruler, 100, ruler.height / 2)
        // It lands where the click is: on a nearby event, or on the zoom's grid (8 px at most).
        compare(doc.time, t.view.scrubTime(100))
        verify(Math.abs(doc.time - t.view.timeAt(100)) <= 8 * t.nsPerPixel)
    }

    function test_wheel_zooms_and_fit_shows_the_whole_run() {
        const t = makeTimeline()
        const fitted = t.nsPerPixel
        verify(Math.abs(t.view.timeAt(t.view.width - 12) - doc.run.timelineEnd) < 2 * fitted)
        mouseWheel(t.view, 300, 50, 0, 240)
        verify(t.nsPerPixel < fitted)
        mouseClick(findChild(t, "fitButton"))
        compare(t.nsPerPixel, fitted)
    }

    function test_collapsed_subtrees_hide_their_lanes() {
        const t = makeTimeline()
        scene.toggleCollapsed("request")
        compare(t.model.laneCount, 3) // root, request, metrics
        compare(t.model.laneId(2), "metrics")
        const built = t.model.laneCount
        scene.selectedId = "metrics" // a selection is no collapse: the lanes stay
        compare(t.model.laneCount, built)
        scene.expandAll()
        compare(t.model.laneCount, 11)
    }

    function test_bars_are_drawn_in_state_colours() {
        const t = makeTimeline()
        const mid = (lane) => lane * t.laneHeight + t.laneHeight / 2
        // request is alive before 120ms (green), then a thin canceled line; metrics stays alive.
        verify(Qt.colorEqual(t.view.pixelColorAt(t.view.xAt(60e6), mid(1)), Theme.alive))
        const late = doc.run.timelineEnd * 0.95   // the axis fits the run: a time near its end
        verify(late > 130e6)
        verify(Qt.colorEqual(t.view.pixelColorAt(t.view.xAt(late), mid(1)), Theme.canceled))
        verify(Qt.colorEqual(t.view.pixelColorAt(t.view.xAt(late), mid(10)), Theme.alive))
        verify(Qt.colorEqual(t.view.pixelColorAt(t.view.xAt(60e6), mid(0)), Theme.never))
        tryVerify(() => t.view.rectCount > 0)
    }

    // The view takes its colours as one ScenePalette from Theme.scenePalette, as the tree does.
    function test_thePaletteReachesTheView() {
        const t = makeTimeline()
        compare(t.view.colors.alive, Theme.alive)
        compare(t.view.colors.task, Theme.task)
        compare(t.view.colors.mark, t.palette.text)
        const mid = (lane) => lane * t.laneHeight + t.laneHeight / 2
        Theme.dark = true
        compare(t.view.colors.alive, Theme.alive)
        verify(Qt.colorEqual(t.view.pixelColorAt(t.view.xAt(60e6), mid(1)), Theme.alive))
        Theme.dark = false
        verify(Qt.colorEqual(t.view.pixelColorAt(t.view.xAt(60e6), mid(1)), Theme.alive))
    }

    function test_selecting_from_the_tree_scrolls_the_lane_into_view() {
        const t = makeTimeline()
        t.height = 26 + 3 * 24
        t.selectedId = "metrics"
        tryVerify(() => t.contentY > 0)
        verify(10 * t.laneHeight >= t.contentY && 11 * t.laneHeight <= t.contentY + t.view.height)
    }
}
