// The event log's context and task filters, in the side column's width: their lists show each
// entry whole ("cache lookup (cache)" was cut to the box's width), and stay inside the window
// (the task filter's list, at the window's right edge, ran past it).
import QtQuick
import QtTest
import Ctxscope
import Ctxscope.Study

TestCase {
    id: testCase
    name: "EventLogFilters"
    when: windowShown
    width: 380
    height: 500
    visible: true

    Document { id: doc; files.recoveryPath: "" }
    Component { id: paneComponent; EventLogPane { width: 380; height: 500; document: doc } }

    function delegatesOf(box) {
        const view = box.popup.contentItem
        const out = []
        for (let i = 0; i < view.contentItem.children.length; ++i) {
            const d = view.contentItem.children[i]
            if (d.text !== undefined) out.push(d)
        }
        return out
    }

    function test_filterListsShowEveryEntryWholeInsideTheWindow_data() {
        return [{tag: "contexts", name: "contextFilter"}, {tag: "tasks", name: "taskFilter"}]
    }
    function test_filterListsShowEveryEntryWholeInsideTheWindow(data) {
        verify(doc.files.loadDefaultExample())
        const p = createTemporaryObject(paneComponent, testCase)
        const box = findChild(p, data.name)
        verify(box)
        box.popup.open()
        tryCompare(box.popup, "opened", true)
        waitForRendering(box.popup.contentItem)
        const delegates = delegatesOf(box)
        verify(delegates.length > 3, delegates.length)
        for (const d of delegates) {
            const needs = d.contentItem.implicitWidth + d.leftPadding + d.rightPadding
            verify(needs <= d.width + 0.5, d.text + ": " + needs + " > " + d.width)
        }
        verify(box.popup.width > box.width)   // wider than the box: the default example's names need it
        const left = box.mapToItem(testCase, box.popup.x, 0).x
        verify(left >= 0 && left + box.popup.width <= testCase.width, left + " + " + box.popup.width)
        box.popup.close()
    }
}
