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
    FakeWindow { id: fake; document: doc; scene: testScene; clock: testClock }
    AppActions { id: testActions; window: fake }
    Component { id: barComponent; PlayBar { width: testCase.width; document: doc; clock: testClock; actions: testActions } }

    function init() { verify(doc.loadDefaultExample()); testClock.playing = false }

    function test_clockShowsGoDurations() {
        const bar = createTemporaryObject(barComponent, testCase)
        const label = findChild(bar, "clockLabel")
        doc.seekTime(153e6)
        compare(label.text, "153ms")
        doc.seekTime(1.5e9)
        compare(label.text, doc.timelineEndText)
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
        compare(scrubber.to, doc.timelineEnd)
        scrubber.value = 200e6
        scrubber.moved()
        compare(doc.time, 200e6)
        compare(doc.timeText, "200ms")
    }
}
