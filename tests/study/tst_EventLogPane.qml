// EventLogPane: one row per event up to the playhead, filters narrow it, a click on a row
// moves the playhead to that event.
import QtQuick
import QtTest
import Ctxscope
import Ctxscope.Study

TestCase {
    id: testCase
    name: "EventLogPane"
    when: windowShown
    width: 600
    height: 400
    visible: true

    Document { id: doc; recoveryPath: "" }
    LessonLibrary { id: lessons }

    Component {
        id: paneComponent
        EventLogPane { width: 600; height: 400; document: doc }
    }

    function makePane() {
        compare(lessons.open(lessons.rowOf("01"), doc), "")
        const p = createTemporaryObject(paneComponent, testCase)
        verify(p)
        return p
    }

    function test_rows_follow_the_playhead() {
        const p = makePane()
        doc.seekTime(0)
        const atStart = p.model.count
        doc.seekEnd()
        compare(p.model.count, doc.eventCount)
        verify(p.model.count > atStart)
        compare(p.list.count, p.model.count)
    }

    function test_search_narrows_the_rows() {
        const p = makePane()
        doc.seekEnd()
        const field = findChild(p, "searchField")
        field.forceActiveFocus()
        field.text = "download"
        verify(p.model.count > 0)
        verify(p.model.count < doc.eventCount)
        field.text = "no event says this"
        compare(p.model.count, 0)
    }

    function test_kind_filter() {
        const p = makePane()
        doc.seekEnd()
        p.model.kindFilter = "cancel"
        verify(p.model.count > 0)
        for (let i = 0; i < p.model.count; ++i) {
            const kind = p.model.data(p.model.index(i, 0), Qt.UserRole + 4)
            verify(kind === "cancel.called" || kind === "context.canceled", kind)
        }
    }

    function test_click_a_row_to_jump_there() {
        const p = makePane()
        doc.seekEnd()
        p.list.positionViewAtBeginning()
        waitForRendering(p.list)
        const seq = p.model.seqAt(2)
        mouseClick(p.list, 200, 2 * 24 + 12)
        compare(doc.appliedEvents, seq + 1)
        compare(p.model.count, 3)
    }

    // Predict mode: the log (and its filters, which list what happened) is covered and hidden.
    function test_predict_mode_covers_the_log() {
        const p = makePane()
        doc.seekEnd()
        verify(p.list.visible)
        p.hideOutcome = true
        verify(!p.list.visible)
        const cover = findChild(p, "eventCover")
        verify(cover.visible)
        compare(cover.width, p.width)
        compare(cover.height, p.height)
        p.hideOutcome = false
        verify(p.list.visible && !cover.visible)
    }
}
