// TimelineRuler: ticks at round Go durations, and pressing on it asks to scrub to that time.
import QtQuick
import QtTest
import Ctxscope.Timeline

TestCase {
    id: testCase
    name: "TimelineRuler"
    when: windowShown
    width: 900
    height: 40
    visible: true

    Component {
        id: rulerComponent
        TimelineRuler {
            width: 900
            height: 26
            viewStart: 0
            nsPerPixel: 1e6   // 1 ms per pixel
            readonly property SignalSpy scrubSpy: SignalSpy { signalName: "scrub" }
        }
    }

    function test_ticks_are_round_and_in_view() {
        const r = createTemporaryObject(rulerComponent, testCase)
        r.scrubSpy.target = r
        compare(r.step, 100e6)           // 90 px is 90 ms: rounded up to 100 ms
        compare(r.ticks.length, 10)      // 0, 100ms, ..., 900ms
        compare(r.ticks[3], 300e6)
        r.nsPerPixel = 1e3               // 1 µs per pixel
        compare(r.step, 100e3)
    }

    function test_pressing_scrubs() {
        const r = createTemporaryObject(rulerComponent, testCase)
        r.scrubSpy.target = r
        mousePress(r, 250, 10)
        mouseRelease(r, 250, 10)
        compare(r.scrubSpy.count, 1)
        compare(r.scrubSpy.signalArguments[0][0], 250e6)
    }

    function test_the_last_label_stays_inside_the_ruler() {
        const r = createTemporaryObject(rulerComponent, testCase)
        r.nsPerPixel = 500e6 / 900       // the axis ends at 500ms, right at the ruler's edge
        waitForRendering(r)
        const labels = []
        const find = (item) => {
            for (let i = 0; i < item.children.length; ++i) {
                const c = item.children[i]
                if (c.objectName === "tickLabel") labels.push(c)
                find(c)
            }
        }
        find(r)
        verify(labels.length >= 5)
        for (const l of labels) {
            const x = l.mapToItem(r, 0, 0).x
            verify(x >= 0 && x + l.implicitWidth <= r.width, l.text + " at " + x)
        }
    }
}
