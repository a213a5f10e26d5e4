// LessonsPane: lessons grouped by topic; a click opens the lesson into the document, through
// the window's confirmOpen hook.
import QtQuick
import QtTest
import Ctxscope
import Ctxscope.Study

TestCase {
    id: testCase
    name: "LessonsPane"
    when: windowShown
    width: 420
    height: 500
    visible: true

    Document { id: doc; files.recoveryPath: "" }

    Component {
        id: paneComponent
        LessonsPane {
            width: 420
            height: 500
            document: doc
            readonly property SignalSpy openedSpy: SignalSpy { signalName: "opened" }
        }
    }

    Component {
        id: progressComponent
        LessonProgress {}
    }

    // Progress per lesson: read once opened, solved and the best score as marks, and a reset.
    function test_progress_marks_and_reset() {
        const p = createTemporaryObject(paneComponent, testCase)
        const progress = createTemporaryObject(progressComponent, testCase)
        progress.useSettingsFile(tempFile())
        progress.document = doc
        progress.library = p.library
        p.progress = progress
        const row = p.library.rowOf("13")
        p.openLesson(row)
        compare(progress.currentLesson, "13-anti-ignoring-done")
        verify(progress.of("13-anti-ignoring-done").read)
        progress.markSolved(false)
        progress.recordScore(4, 6)
        p.list.positionViewAtIndex(row, ListView.Center)
        waitForRendering(p.list)
        const item = p.list.itemAtIndex(row)
        verify(item)
        const marks = findChild(item, "progressMarks")
        verify(marks.visible)
        verify(marks.text.indexOf("solved") >= 0, marks.text)
        verify(marks.text.indexOf("4/6") >= 0, marks.text)
        verify(findChild(p, "progressSummary").text.indexOf("1 solved") >= 0)
        progress.reset()
        verify(!marks.visible)
        verify(!progress.of("13-anti-ignoring-done").read)
    }
    function tempFile() { return "/tmp/ctxscope-lessonspane-progress-" + Date.now() + ".ini" }

    function test_clicking_a_lesson_opens_it() {
        const p = createTemporaryObject(paneComponent, testCase)
        p.openedSpy.target = p
        verify(p.library.count >= 1)
        waitForRendering(p.list)
        // The first row sits under the first section header.
        const first = p.list.itemAtIndex(0)
        verify(first)
        mouseClick(first)
        compare(p.openedSpy.count, 1)
        compare(doc.scenarioName, p.library.data(p.library.index(0, 0), Qt.UserRole + 3))
        compare(p.list.currentIndex, 0)
    }

    function test_unsaved_edits_ask_the_window_first() {
        const p = createTemporaryObject(paneComponent, testCase)
        p.openedSpy.target = p
        p.confirmUnsaved = true
        const requested = createTemporaryObject(spyComponent, testCase, {target: p, signalName: "openRequested"})
        p.openLesson(0)
        compare(doc.contexts.addRoot(), "")            // an edit: the document is now modified
        verify(doc.modified)
        const before = doc.scenarioName
        p.requestLesson(1)
        compare(requested.count, 1)
        compare(requested.signalArguments[0][0], 1)
        compare(doc.scenarioName, before)     // nothing replaced until the window says so
        p.openLesson(1)
        compare(p.openedSpy.count, 2)
    }
    Component { id: spyComponent; SignalSpy {} }
}
