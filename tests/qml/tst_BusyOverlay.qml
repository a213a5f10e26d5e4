import QtQuick
import QtQuick.Controls
import QtTest
import Ctxscope

TestCase {
    id: testCase
    name: "BusyOverlay"
    when: windowShown
    width: 900
    height: 600
    visible: true

    // Stands in for the Document: the members BusyOverlay reads and calls.
    Component {
        id: fakeComponent
        QtObject {
            readonly property QtObject run: QtObject {
                property bool busy: false
                property bool jobVisible: false
                property string jobText: ""
                property string jobDetail: ""
                property string cancelHint: ""
                property double jobFraction: -1
                property bool stale: false
                property int cancels: 0
                property int simulations: 0
                function cancelJob() { cancels += 1; busy = false; jobVisible = false }
                function simulateNow() { simulations += 1; stale = false }
            }
        }
    }
    Component { id: overlayComponent; BusyOverlay {} }
    Component { id: documentComponent; Document {} }
    // What lies under the overlay: counts the clicks that get through.
    Component { id: behindComponent; MouseArea { anchors.fill: parent; property int clicks: 0; onClicked: clicks += 1 } }

    function make(doc) {
        const behind = createTemporaryObject(behindComponent, testCase)
        const overlay = createTemporaryObject(overlayComponent, testCase, {document: doc})
        return {behind: behind, overlay: overlay}
    }
    function child(overlay, name) { return findChild(overlay.popup.contentItem, name) }

    function test_idleShowsNothing() {
        const doc = createTemporaryObject(fakeComponent, testCase)
        const o = make(doc).overlay
        verify(!o.popup.visible)
        verify(!o.shown)
        verify(!findChild(o, "staleBar").visible)
    }

    function test_aJobHoldsInputAtOnceButShowsOnlyAfterAMoment() {
        const doc = createTemporaryObject(fakeComponent, testCase)
        const m = make(doc)
        doc.run.jobText = "Simulating after Derive WithTimeout"
        doc.run.busy = true
        tryCompare(m.overlay.popup, "opened", true)
        verify(!m.overlay.shown)                                 // nothing drawn yet...
        compare(m.overlay.popup.background.opacity, 0)
        mouseClick(testCase, 20, 20)
        compare(m.behind.clicks, 0)                              // ...but no click gets through
        doc.run.jobVisible = true                                // the document says: ~300 ms
        verify(m.overlay.shown)
        tryCompare(m.overlay.popup.contentItem, "opacity", 1)
        compare(child(m.overlay, "jobText").text, "Simulating after Derive WithTimeout\u2026")
        doc.run.busy = false
        doc.run.jobVisible = false
        tryCompare(m.overlay.popup, "visible", false)
        mouseClick(testCase, 20, 20)
        compare(m.behind.clicks, 1)                              // and input is back
    }

    function test_progressIsIndeterminateWhenThereIsNoTelling() {
        const doc = createTemporaryObject(fakeComponent, testCase)
        const o = make(doc).overlay
        doc.run.busy = true
        doc.run.jobVisible = true
        tryCompare(o.popup, "opened", true)
        const bar = child(o, "jobProgress")
        verify(bar.indeterminate)
        doc.run.jobFraction = 0.4
        verify(!bar.indeterminate)
        compare(bar.value, 0.4)
        doc.run.jobDetail = "123,456 events, at 1.5s of virtual time"
        compare(child(o, "jobDetail").text, "123,456 events, at 1.5s of virtual time")
        doc.run.cancelHint = "Cancel takes the change back (Redo brings it back)."
        compare(child(o, "cancelHint").text, doc.run.cancelHint)
    }

    function test_cancelButtonAndEscapeCancel() {
        const doc = createTemporaryObject(fakeComponent, testCase)
        const o = make(doc).overlay
        doc.run.busy = true
        doc.run.jobVisible = true
        tryCompare(o.popup, "opened", true)
        const cancel = child(o, "cancelJobButton")
        tryVerify(() => cancel.visible && cancel.enabled)
        mouseClick(cancel)
        compare(doc.run.cancels, 1)
        tryCompare(o.popup, "visible", false)

        doc.run.busy = true
        doc.run.jobVisible = true
        tryCompare(o.popup, "opened", true)
        keyClick(Qt.Key_Escape)
        compare(doc.run.cancels, 2)
        tryCompare(o.popup, "visible", false)
    }

    function test_staleBarOffersToSimulate() {
        const doc = createTemporaryObject(fakeComponent, testCase)
        const o = make(doc).overlay
        const bar = findChild(o, "staleBar")
        doc.run.stale = true
        verify(bar.visible)
        doc.run.busy = true                  // not while a run is on its way
        verify(!bar.visible)
        doc.run.busy = false
        verify(bar.visible)
        mouseClick(findChild(bar, "simulateButton"))
        compare(doc.run.simulations, 1)
        verify(!bar.visible)
    }

    // The real thing: a big generated scenario runs on the worker, the card comes up with its
    // progress, and Cancel leaves the document as it was.
    function test_realDocumentShowsProgressAndCancels() {
        const doc = createTemporaryObject(documentComponent, testCase)
        const o = make(doc).overlay
        // The overlay shows a job that has run for ~300 ms. A fast build may generate and run
        // 150,000 contexts sooner, so the size doubles (up to the format's 10^6) until a job is
        // still running when it shows; the test fails if none does.
        let before = doc.run.contextCount
        let n = 150000
        for (;;) {
            doc.files.openGenerated(n)
            verify(doc.run.busy)
            tryVerify(() => o.shown || !doc.run.busy, 60000)
            if (o.shown)
                break
            verify(n < 1000000, "even 1,000,000 contexts finished before the overlay showed")
            before = doc.run.contextCount
            n = Math.min(2 * n, 1000000)
        }
        verify(child(o, "jobText").text.indexOf("Generating " + n.toLocaleString(Qt.locale("en_US"), "f", 0)) === 0,
               child(o, "jobText").text)
        const cancel = child(o, "cancelJobButton")
        tryVerify(() => cancel.enabled)
        mouseClick(cancel)
        verify(!doc.run.busy)
        tryCompare(o.popup, "visible", false)
        compare(doc.run.contextCount, before)
        wait(200)
        compare(doc.run.contextCount, before)
    }
}
