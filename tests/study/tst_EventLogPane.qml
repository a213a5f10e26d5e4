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

    Document { id: doc; files.recoveryPath: "" }
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
        compare(p.model.count, doc.run.eventCount)
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
        verify(p.model.count < doc.run.eventCount)
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

    // Issue #12: a time such as 319.892473ms was cut to "9.892473ms". Every time label on screen
    // is as wide as its text, and all share one column.
    function test_timesAreNeverClipped() {
        const p = makePane()
        doc.seekEnd()
        waitForRendering(p.list)
        // At least "999ms" wide, even when every time shown is "0s" (round times do not make it jump).
        const probe = createTemporaryQmlObject("import QtQuick.Controls; Label { font.family: \"monospace\"; text: \"999ms\" }", testCase)
        verify(p.timeColumnWidth >= probe.implicitWidth - 0.5, p.timeColumnWidth + " < " + probe.implicitWidth)
        doc.seekTime(0)
        waitForRendering(p.list)
        verify(p.timeColumnWidth >= probe.implicitWidth - 0.5, p.timeColumnWidth + " < " + probe.implicitWidth)
        doc.seekEnd()
        waitForRendering(p.list)
        const labels = []
        const walk = (item) => { if (item.objectName === "timeLabel") labels.push(item); for (let i = 0; i < item.children.length; ++i) walk(item.children[i]) }
        walk(p.list.contentItem)
        verify(labels.length > 0)
        for (const l of labels) {
            verify(l.width >= l.implicitWidth - 0.5, l.text + ": " + l.width + " < " + l.implicitWidth)
            compare(l.width, labels[0].width)
        }
        // The kind column is as wide as the longest kind, whole, and no wider (the message needs it).
        const kinds = []
        const walkKinds = (item) => { if (item.objectName === "kindLabel") kinds.push(item); for (let i = 0; i < item.children.length; ++i) walkKinds(item.children[i]) }
        walkKinds(p.list.contentItem)
        for (const k of kinds) verify(!k.truncated, k.text)
        verify(kinds[0].width < 130, kinds[0].width)
    }

    // Issue #12: the log scrolls to the current event after End, a seek or a step, also when
    // the filters leave more rows than fit.
    function test_followsTheCurrentEvent() {
        const p = makePane()
        p.height = 150   // room for a few rows only
        doc.seekTime(0)
        doc.seekEnd()
        tryVerify(() => p.list.atYEnd, 2000)
        p.list.positionViewAtBeginning()
        verify(!p.list.atYEnd)
        doc.stepBack()
        tryVerify(() => p.list.atYEnd, 2000)
        p.list.positionViewAtBeginning()
        doc.seekTime(doc.run.endTime - 1)
        tryVerify(() => p.list.atYEnd, 2000)
        // A move that crosses no event (a frame of play between two) leaves a reader's scroll alone.
        doc.seekTime(40e6)   // lesson 01: nothing happens between 0s and 100ms
        const applied = doc.appliedEvents
        wait(50)             // its own scroll to the current event happens first
        verify(p.list.atYEnd)
        p.list.positionViewAtBeginning()
        verify(!p.list.atYEnd)
        const y = p.list.contentY
        doc.seekTime(60e6)
        compare(doc.appliedEvents, applied)
        wait(50)
        compare(p.list.contentY, y)
        // Hidden while the playhead moves (another tab), it shows the current event when shown.
        p.visible = false
        doc.seekTime(0)
        doc.seekEnd()
        p.visible = true
        tryVerify(() => p.list.atYEnd, 2000)
    }

    // The whole message in the tooltip (a row elides it), not only the raw JSON line; the filter
    // boxes name contexts as the tree does.
    function test_tooltipAndFiltersUseWords() {
        const p = makePane()
        doc.seekEnd()
        waitForRendering(p.list)
        const row = p.list.itemAtIndex(p.list.count - 1)
        verify(row)
        verify(row.tipText.indexOf(row.message) >= 0)
        verify(row.tipText.indexOf(row.traceLine) > 0)
        const box = findChild(p, "contextFilter")
        compare(box.count, p.model.contextIds.length + 1)
        for (let i = 0; i < p.model.contextIds.length; ++i)
            verify(p.model.contextTitles[i].indexOf(p.model.contextIds[i]) >= 0)   // the id is still there
    }
}
