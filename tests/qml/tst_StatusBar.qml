// StatusBar: the last event and the scenario's size; in Predict mode neither the event nor the
// number of lints.
import QtQuick
import QtTest
import Ctxscope

TestCase {
    id: testCase
    name: "StatusBar"
    when: windowShown
    width: 900
    height: 60
    visible: true

    Document { id: doc; files.recoveryPath: "" }
    Component { id: barComponent; StatusBar { width: 900; document: doc } }

    function test_saysWhatHappenedAndHowBigTheScenarioIs() {
        verify(doc.files.loadDefaultExample())
        doc.seekEnd()
        const bar = createTemporaryObject(barComponent, testCase)
        compare(findChild(bar, "eventLabel").text, doc.lastEventText)
        compare(findChild(bar, "countsLabel").text, "8 contexts \u00B7 9 tasks \u00B7 %1 events \u00B7 1 lint".arg(doc.run.eventCount))
    }

    function test_predictModeKeepsTheEventAndTheLintCountBack() {
        verify(doc.files.loadDefaultExample())
        doc.seekEnd()
        const bar = createTemporaryObject(barComponent, testCase, { hideOutcome: true })
        verify(findChild(bar, "eventLabel").text.indexOf("Predict mode") === 0)
        const counts = findChild(bar, "countsLabel").text
        verify(counts.indexOf("lint") < 0, counts)
        verify(counts.indexOf("event") < 0, counts)   // the play bar keeps it back too
        compare(counts, "8 contexts \u00B7 9 tasks")
        bar.hideOutcome = false
        verify(findChild(bar, "countsLabel").text.indexOf("1 lint") > 0)
        verify(findChild(bar, "countsLabel").text.indexOf(doc.run.eventCount + " events") > 0)
    }

    // Issue #12: exports wrote silently. The bar says where the file went, with Open folder.
    function test_anExportNoticeSaysWhereAndOffersTheFolder() {
        verify(doc.files.loadDefaultExample())
        const exporter = createTemporaryQmlObject("import Ctxscope; Exporter {}", testCase)
        const bar = createTemporaryObject(barComponent, testCase, { exporter: exporter })
        const notice = findChild(bar, "exportNotice")
        verify(!notice.visible)
        bar.showExported("Chrome trace", "/tmp/some/x.chrome.json")
        verify(notice.visible)
        verify(!findChild(bar, "eventLabel").visible)
        compare(findChild(bar, "noticeLabel").text, "\u2713 Chrome trace written to /tmp/some/x.chrome.json")
        bar.showExported("Trace (JSON Lines)", "/work/wt-gui/resources/examples/default.trace.jsonl")
        waitForRendering(bar)
        const label = findChild(bar, "noticeLabel")
        verify(!label.truncated, label.width + " < " + label.implicitWidth)   // the whole path while there is room
        verify(findChild(bar, "openFolderButton").visible)
        mouseClick(findChild(bar, "dismissNotice"))
        verify(!notice.visible)
        verify(findChild(bar, "eventLabel").visible)
    }
}
