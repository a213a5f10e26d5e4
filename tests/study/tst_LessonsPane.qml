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

    Document { id: doc; recoveryPath: "" }

    Component {
        id: paneComponent
        LessonsPane {
            width: 420
            height: 500
            document: doc
            readonly property SignalSpy openedSpy: SignalSpy { signalName: "opened" }
        }
    }

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
        compare(doc.addRoot(), "")            // an edit: the document is now modified
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
