import QtQuick
import QtTest
import Ctxscope

TestCase {
    id: testCase
    name: "PlayBar"
    when: windowShown
    width: 1000
    height: 60
    visible: true

    Document { id: doc }
    TreeScene { id: testScene; document: doc }
    PlayClock { id: testClock; document: doc }
    RecordingActions { id: testActions; document: doc; scene: testScene; clock: testClock }
    Component { id: barComponent; PlayBar { width: testCase.width; document: doc; clock: testClock; actions: testActions } }

    function init() { verify(doc.files.loadDefaultExample()); testClock.playing = false }

    function test_clockShowsGoDurations() {
        const bar = createTemporaryObject(barComponent, testCase)
        const label = findChild(bar, "clockLabel")
        doc.seekTime(153e6)
        compare(label.text, "153ms")
        doc.seekTime(1.5e9)
        compare(label.text, doc.run.timelineEndText)
    }

    function test_playButtonStartsAndPausesTheClock() {
        const bar = createTemporaryObject(barComponent, testCase)
        const play = findChild(bar, "playButton")
        mouseClick(play)
        verify(testClock.playing)
        compare(play.text, "\u2759\u2759")
        tryVerify(() => doc.time > 0, 2000)
        mouseClick(play)
        verify(!testClock.playing)
    }

    function test_speedBoxSetsTheClockSpeed() {
        const bar = createTemporaryObject(barComponent, testCase)
        const box = findChild(bar, "speedBox")
        testClock.speed = 10
        compare(box.currentIndex, bar.speeds.length - 1)
        box.activated(0)
        compare(testClock.speed, 0.1)
        testClock.speed = 1
    }

    function test_scrubberSeeks() {
        const bar = createTemporaryObject(barComponent, testCase)
        const scrubber = findChild(bar, "scrubber")
        compare(scrubber.to, doc.run.timelineEnd)
        scrubber.value = 200e6
        scrubber.moved()
        compare(doc.time, 200e6)
        compare(doc.timeText, "200ms")
    }

    // Issue #12: a scrubbed playhead read 91.894977ms and ran into the speed box. The clock shows
    // a precision that suits the axis, the exact time in its tooltip, and never overlaps.
    function test_clockIsReadableAndClearOfTheSpeedBox() {
        const bar = createTemporaryObject(barComponent, testCase)
        const label = findChild(bar, "clockLabel")
        const speed = findChild(bar, "speedBox")
        doc.seekTime(91894977)
        compare(doc.timeText, "91.894977ms")
        compare(label.text, "91.9ms")
        for (const t of [91894977, 199999999, 1234567]) {
            doc.seekTime(t)
            waitForRendering(bar)
            verify(label.x >= speed.x + speed.width, label.text + " at " + label.x)
            verify(label.width >= label.implicitWidth - 0.5, label.text)
        }
        bar.width = 560   // a narrow window
        doc.seekTime(91894977)
        waitForRendering(bar)
        verify(label.x >= speed.x + speed.width)
        verify(label.width >= label.implicitWidth - 0.5)
    }

    // Issue #12: scrubbing gave playheads like 91.894977ms. The scrubber lands on an event near
    // the pointer, else on a grid that suits its scale.
    function test_scrubberSnaps() {
        const bar = createTemporaryObject(barComponent, testCase)
        const scrubber = findChild(bar, "scrubber")
        const nsPerPixel = scrubber.to / scrubber.availableWidth
        scrubber.value = 91894977
        scrubber.moved()
        verify(doc.time !== 91894977)
        verify(Math.abs(doc.time - 91894977) <= 8 * nsPerPixel + 1, doc.timeText)
        // On the grid (a round number of a 1-2-5 step), or an event's own time.
        const step = EventText.snapTime(null, 91894977, nsPerPixel) === doc.time
        verify(step || Number.isInteger(doc.time / 1e6), doc.timeText)
        verify(doc.timeText.length <= 6, doc.timeText)
    }

    // Predict mode: how many events the run has is a hint at how it ends, so only the count shown.
    function test_predictModeHidesTheNumberOfEvents() {
        const bar = createTemporaryObject(barComponent, testCase)
        const label = findChild(bar, "eventCountLabel")
        doc.seekEvents(5)
        compare(label.text, "event 5 / " + doc.run.eventCount)
        doc.predicting = true
        compare(label.text, "event 5")
        doc.predicting = false
    }

    // A mark's tooltip hugs its text: the stock one of a merged mark (five actions, one a line)
    // was a box several times wider than its text.
    function test_actionMarkTooltipNamesItsActionsAndFitsThem() {
        const bar = createTemporaryObject(barComponent, testCase)
        const scrubber = findChild(bar, "scrubber")
        const mark = findChild(scrubber, "actionMark")
        verify(mark)
        verify(!bar.markTip.visible)
        mouseMove(mark, mark.width / 2, mark.height / 2)
        tryCompare(bar.markTip, "visible", true)
        compare(bar.markTip.text, mark.modelData.text)
        verify(bar.markTip.text.indexOf("cancel") >= 0, bar.markTip.text)
        verify(Math.abs(bar.markTip.availableWidth - bar.markTip.contentItem.contentWidth) < 2)
        mouseMove(bar, 2, 2)
        tryCompare(bar.markTip, "visible", false)
    }
}
